//! Screens as the core describes them: the apps only draw.
//!
//! Every screen of the student and staff apps is a [`Page`]: a title, a column of [`Block`]s
//! (lines, cards, rows, toggles, a QR code, an image, a live camera, a text field), a menu, and
//! how soon to ask again. Every tap is an [`Action`] the app hands back to [`perform`] together
//! with what the platform gathered for it ([`Input`]: a typed line, a chosen file, a photo, a
//! camera read), and the core answers with an [`Outcome`]: a message, where to go, a file to
//! save, a sound. So which button a screen offers, what it is called in Chinese and English, and
//! what happens next are written once, here, and Android and iOS cannot drift apart; each keeps
//! one renderer for this vocabulary plus the platform's own glue (camera, files, photos,
//! notifications, brightness, sound).
//!
//! The student's pages are in [`student`], the staff's in [`staff`].
//!
//! [`perform`]: student::perform

pub mod staff;
pub mod student;

use crate::door::Colour;
use crate::door_loop::Signal;
use crate::log::AsideReason;
use crate::qr::QrMatrix;
use crate::scanner::Role;
use crate::text::Text;

/// Which side this phone is on, chosen on first run and changeable from either side's menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// A graduating student: slot, pass, 采集码, checklist, reminders.
    Student,
    /// Door or studio staff: scans passes, gives photo numbers.
    Staff,
}

/// A screen the app can show. The app keeps a back stack of these; [`PageId::Start`] is what it
/// opens with (the core resolves it to the mode choice, the student's home or the staff's next
/// step).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PageId {
    /// Resolves to the mode choice, the student's home, or the staff's next step.
    Start,
    /// First run: student or staff.
    ModeChoice,
    /// The student's day: setup while the core says so, then the slot, countdown, next step.
    Home,
    /// The signed check-in pass as a QR code, at full brightness.
    Pass,
    /// How to get the 学信网 采集码, the saved image and its readability.
    CollectionCode,
    /// The saved 采集码 alone, full screen and full brightness, for the photographer.
    CollectionCodeFull,
    /// What to wear and bring, with ticks.
    Checklist,
    /// Dates and deadlines: fee, 采集码 checks, the shoot, 补拍, 学信网 check.
    Timeline,
    /// The notice's rules and the numbers to call.
    Notice,
    /// Bring something in: a bundle, a pass, a log (by file, pasted text or camera).
    Import,
    /// Staff: the room this phone guards and its role.
    Station,
    /// Staff: the camera at the door or in the studio, with the verdict on screen.
    Door,
    /// Staff: check a student in by typed number (no phone with them).
    TypedCheckIn,
    /// Staff: why the student on the card steps aside.
    StepAside,
    /// Staff: the studio's open batch and this session's photo list.
    Batch,
    /// Staff: who has arrived, who is missing, per class.
    Attendance,
    /// Staff: recent admissions on this phone, each with undo while allowed.
    History,
    /// Staff: pass this phone's log on (file or QR), take another phone's, purge.
    Logs,
    /// Staff: this phone's log as a cycling sequence of QR codes.
    LogQrShow,
    /// Staff: the camera reading another phone's log QR codes.
    LogQrReceive,
    /// Staff: how early or late a student may still be admitted.
    DoorSettings,
}

/// How a line, card or verdict is coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Tone {
    /// No emphasis.
    #[default]
    Plain,
    /// Done, admitted, ready (green).
    Good,
    /// Look: something to do or check (amber).
    Attention,
    /// Refused or failed (red).
    Refused,
    /// Highlighted information (the slot, the photo number).
    Accent,
    /// Over and done with (a past date): drawn quieter.
    Muted,
}

impl From<Colour> for Tone {
    fn from(c: Colour) -> Self {
        match c {
            Colour::Green => Tone::Good,
            Colour::Amber => Tone::Attention,
            Colour::Red => Tone::Refused,
        }
    }
}

/// What the camera on a page is reading; every text it reads goes to [`Command::Scanned`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scan {
    /// Passes and 采集码 at the door or studio (each frame through the door loop).
    Door,
    /// Another phone's log QR sequence.
    LogQr,
    /// The student's own pass (setup or import).
    Pass,
    /// The studio phone's small photo-number code (the student's phone).
    PhotoNumber,
}

/// One piece of a page, drawn top to bottom.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A section heading.
    Heading { text: Text },
    /// A paragraph.
    Line { text: Text, tone: Tone },
    /// A framed card: an optional title, an optional huge text (a photo number, a countdown),
    /// lines, and buttons.
    Card {
        tone: Tone,
        title: Option<Text>,
        big: Option<String>,
        lines: Vec<Text>,
        actions: Vec<Action>,
    },
    /// A list row: tapping it performs `action` when there is one.
    Row {
        text: Text,
        detail: Option<Text>,
        tone: Tone,
        action: Option<Action>,
    },
    /// A switch or tick box; tapping performs `action` (which carries the new state).
    Toggle {
        text: Text,
        on: bool,
        action: Action,
    },
    /// A full-width button.
    Button { action: Action },
    /// A QR code: draw with whole pixels per module, black on white, 4-module quiet zone.
    Qr {
        code: QrMatrix,
        caption: Option<Text>,
    },
    /// An image the user chose (the 采集码), shown as is, never altered.
    Image { bytes: Vec<u8>, caption: Text },
    /// A live camera; every text read goes to `perform(Command::Scanned(scan), Input::Text)`.
    Camera { scan: Scan, hint: Text },
    /// A text field with its submit button; the submit action gets `Input::Text`.
    Field {
        label: Text,
        value: String,
        numeric: bool,
        submit: Action,
    },
    /// Progress of a long transfer.
    Progress { fraction: f32, text: Text },
    /// A phone number to call: tapping opens the phone's dialer with `number` (the user places
    /// the call).
    Call { text: Text, number: String },
}

/// How prominent a button is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ActionStyle {
    /// The one thing the page is for.
    Primary,
    /// Any other button.
    #[default]
    Normal,
    /// Deletes or voids something: confirm first (see [`Action::confirm`]).
    Danger,
}

/// What the app gathers before performing an action.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub enum Needs {
    /// Nothing: perform at once with `Input::Nothing`.
    #[default]
    Nothing,
    /// A typed line (a reason, a note): ask with `label`, perform with `Input::Text`.
    Text { label: Text },
    /// A file the user picks: perform with `Input::Bytes`.
    File,
    /// A photo from the album: perform with `Input::Bytes`.
    Photo,
    /// Text pasted from the clipboard: perform with `Input::Text`.
    Clipboard,
}

/// A button or tappable row: its label, what it does, and what it needs first.
#[derive(Debug, Clone, PartialEq)]
pub struct Action {
    pub label: Text,
    pub command: Command,
    pub style: ActionStyle,
    pub needs: Needs,
    /// Ask "are you sure?" with this text before performing.
    pub confirm: Option<Text>,
}

impl Action {
    /// A plain button that performs `command` at once.
    pub fn new(label: Text, command: Command) -> Action {
        Action {
            label,
            command,
            style: ActionStyle::Normal,
            needs: Needs::Nothing,
            confirm: None,
        }
    }

    /// A button that opens `page`.
    pub fn open(label: Text, page: PageId) -> Action {
        Action::new(label, Command::Open(page))
    }

    /// The page's main button.
    pub fn primary(mut self) -> Action {
        self.style = ActionStyle::Primary;
        self
    }

    /// A destructive button, confirmed with `question` first.
    pub fn danger(mut self, question: Text) -> Action {
        self.style = ActionStyle::Danger;
        self.confirm = Some(question);
        self
    }

    /// Gathers `needs` before performing.
    pub fn needs(mut self, needs: Needs) -> Action {
        self.needs = needs;
        self
    }
}

/// What an action does. The app never looks inside: it hands the command back to `perform`.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Show `page` on top of this one.
    Open(PageId),
    /// Go back one page.
    Back,
    /// Choose the phone's side (first run, or switching from the menu).
    ChooseMode(Mode),
    /// A text the page's camera read.
    Scanned(Scan),
    /// Bring in a file or text (bundle, pass, pass image, log, log QR chunk), recognised by content.
    Import,
    // --- student ---
    /// The student's number, typed.
    SetStudentNo,
    /// The 采集码 image from the album.
    SaveCollectionCode,
    /// Check the saved 采集码 can be read.
    CheckCollectionCode,
    /// Tick or untick a checklist item.
    Tick { id: String, ticked: bool },
    /// "I have been photographed" (or take it back).
    ShotDone { done: bool },
    /// Delete the student's pass, 采集码 and ticks.
    PurgeStudent,
    // --- staff ---
    /// Guard `room` in `role`.
    SetStation { room: String, role: Role },
    /// The studio's photo-number letter (`B` numbers B001…), or none.
    SetLane { lane: Option<char> },
    /// Ask the studio to scan the 采集码 before numbering.
    SetCheckCode { on: bool },
    /// Admit minutes early / late at the door.
    SetTolerance {
        early_minutes: u32,
        late_minutes: u32,
    },
    /// A typed student number (and optional note after a space).
    TypedNumber,
    /// Admit the student on the card anyway, with a typed reason.
    Override,
    /// Undo the admission on the card.
    UndoShown,
    /// Undo the record `seq` from the history.
    Undo { seq: u64 },
    /// Back to scanning.
    Dismiss,
    /// Number without scanning the 采集码 (the photographer checks).
    SkipCode,
    /// Step a student aside: `student_no`, or the one on the verdict card when none.
    StepAside {
        reason: AsideReason,
        student_no: Option<u64>,
    },
    /// Mark the open batch photographed.
    CloseBatch,
    /// Save this phone's log to a file.
    ExportLog,
    /// The other phone has every QR code: count the log as exported.
    ConfirmLogShown,
    /// The platform wrote the exported log file: count the log as exported.
    LogSaved,
    /// Give up a half-received QR sequence.
    AbandonLogQr,
    /// Hold the log QR sequence `step` codes from the one showing (0: pause where it is).
    LogQrStep { step: i32 },
    /// Let the log QR sequence cycle by itself again.
    LogQrPlay,
    /// Delete this phone's event data (only after its log was exported).
    PurgeStaff,
}

/// What the platform gathered for an action.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Input {
    /// Nothing was needed.
    #[default]
    Nothing,
    /// A typed, pasted or scanned line.
    Text(String),
    /// A chosen file or photo.
    Bytes(Vec<u8>),
}

impl Input {
    /// The text, or an empty string.
    pub fn text(&self) -> &str {
        match self {
            Input::Text(t) => t,
            _ => "",
        }
    }

    /// The bytes (a text's UTF-8), or none.
    pub fn bytes(&self) -> &[u8] {
        match self {
            Input::Text(t) => t.as_bytes(),
            Input::Bytes(b) => b,
            Input::Nothing => &[],
        }
    }
}

/// Where the app goes after an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Go {
    /// Stay, and ask for the page again.
    #[default]
    Stay,
    /// Nothing changed: no need to ask for the page again (a camera frame the door loop ignored).
    Unchanged,
    /// Push a page.
    Open(PageId),
    /// Pop one page.
    Back,
    /// Clear the stack and open [`PageId::Start`] (a mode was chosen, setup finished, data purged).
    Start,
}

/// A file for the user to save or share.
#[derive(Debug, Clone, PartialEq)]
pub struct FileOut {
    /// A file name that says what it is and whose (`photoday-log-一教209-…`).
    pub name: String,
    pub bytes: Vec<u8>,
    /// Perform this (with `Input::Nothing`) once the file is written; not if the user cancelled.
    pub saved: Option<Command>,
}

/// The answer to an action.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Outcome {
    /// A message to show briefly (a snackbar, an alert), with its colour.
    pub message: Option<(Text, Tone)>,
    pub go: Go,
    /// A file to offer to save or share.
    pub file: Option<FileOut>,
    /// The sound and vibration to make now.
    pub signal: Option<Signal>,
}

impl Outcome {
    /// Stay, and say `text`.
    pub fn say(text: Text, tone: Tone) -> Outcome {
        Outcome {
            message: Some((text, tone)),
            ..Outcome::default()
        }
    }

    /// Go somewhere without a word.
    pub fn go(go: Go) -> Outcome {
        Outcome {
            go,
            ..Outcome::default()
        }
    }

    /// Also go to `go`.
    pub fn then(mut self, go: Go) -> Outcome {
        self.go = go;
        self
    }
}

/// The shortest wait before a page is asked for again, so a verdict that ends in a millisecond
/// does not make an app spin.
pub const MIN_REFRESH_MS: u32 = 100;

/// Milliseconds from `now` until `until`, as a page's `refresh_ms` (at least [`MIN_REFRESH_MS`]).
pub fn refresh_until(until: crate::time::UnixMillis, now: crate::time::UnixMillis) -> u32 {
    (until - now).clamp(i64::from(MIN_REFRESH_MS), i64::from(u32::MAX)) as u32
}

/// A screen: what to draw, and when to ask again.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub id: PageId,
    pub title: Text,
    pub blocks: Vec<Block>,
    /// The top bar's menu.
    pub menu: Vec<Action>,
    /// Ask for the page again after this long (a countdown, a verdict that expires, the next
    /// log QR code), never less than [`MIN_REFRESH_MS`]; `None` when only an action changes it.
    pub refresh_ms: Option<u32>,
    /// Turn the screen to full brightness while it shows (a pass, a 采集码 for the photographer).
    pub bright: bool,
    /// Whether the page has a way back (every page but the start ones).
    pub can_go_back: bool,
    /// The block to scroll to when the page first shows (the timeline's next date), by index.
    pub focus: Option<u32>,
}

impl Page {
    /// An empty page with a back button.
    pub fn new(id: PageId, title: Text) -> Page {
        Page {
            id,
            title,
            blocks: Vec::new(),
            menu: Vec::new(),
            refresh_ms: None,
            bright: false,
            can_go_back: true,
            focus: None,
        }
    }

    /// Adds a block.
    pub fn push(&mut self, block: Block) -> &mut Page {
        self.blocks.push(block);
        self
    }

    /// Adds a paragraph.
    pub fn line(&mut self, text: Text) -> &mut Page {
        self.push(Block::Line {
            text,
            tone: Tone::Plain,
        })
    }

    /// Adds a heading.
    pub fn heading(&mut self, text: Text) -> &mut Page {
        self.push(Block::Heading { text })
    }

    /// Adds a button.
    pub fn button(&mut self, action: Action) -> &mut Page {
        self.push(Block::Button { action })
    }
}

/// The first-run choice, and the way back to it from either side's menu.
pub fn mode_choice() -> Page {
    let mut page = Page::new(PageId::ModeChoice, Text::new("PhotoDay", "PhotoDay"));
    page.can_go_back = false;
    page.line(Text::new(
        "学历证书电子图像采集日，离线可用。这台手机由谁使用？",
        "The photo day for the degree-certificate register (学历证书电子图像采集), offline. Who is using this phone?",
    ));
    page.button(
        Action::new(
            Text::new("我是毕业生", "I am a graduating student"),
            Command::ChooseMode(Mode::Student),
        )
        .primary(),
    );
    page.line(Text::new(
        "我的时段、通行码、采集码、清单和提醒",
        "My slot, pass, 采集码, checklist and reminders",
    ));
    page.button(Action::new(
        Text::new("我是工作人员", "I am door or studio staff"),
        Command::ChooseMode(Mode::Staff),
    ));
    page.line(Text::new(
        "扫描通行码、发摄影编号、查看未到学生",
        "Scan passes, give photo numbers, see who is missing",
    ));
    page
}

/// Said when a file is handed to the app before a side is chosen: it is imported by the side
/// chosen next.
pub fn waits_for_side() -> Text {
    Text::new(
        "请先选择这台手机由谁使用，选好后文件会自动导入。",
        "First choose who uses this phone; the file is imported as soon as you do.",
    )
}

/// The menu item that switches to the other side.
pub fn switch_mode(to: Mode) -> Action {
    let label = match to {
        Mode::Student => Text::new("切换到学生模式", "Switch to student mode"),
        Mode::Staff => Text::new("切换到工作人员模式", "Switch to staff mode"),
    };
    Action::new(label, Command::ChooseMode(to))
}

/// A refusal as the page shows it: the core error's own bilingual sentence, in red.
pub fn failed(e: &crate::Error) -> Outcome {
    Outcome::say(e.text(), Tone::Refused)
}

/// The page shown when building `id` failed: the error's sentence, and the way back.
pub fn trouble(id: PageId, e: &crate::Error) -> Page {
    let mut page = Page::new(id, Text::new("PhotoDay", "PhotoDay"));
    page.push(Block::Line {
        text: e.text(),
        tone: Tone::Refused,
    });
    page
}

/// What every side does the same way: open a page, go back.
pub fn navigate(command: &Command) -> Option<Outcome> {
    match command {
        Command::Open(id) => Some(Outcome::go(Go::Open(*id))),
        Command::Back => Some(Outcome::go(Go::Back)),
        _ => None,
    }
}

/// The few words the platform's own dialogs and permission prompts need, so those too come from
/// the core in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words {
    pub ok: Text,
    pub cancel: Text,
    pub back: Text,
    pub menu: Text,
    /// Why the app asks for the camera.
    pub camera_why: Text,
    /// The camera was refused.
    pub camera_denied: Text,
    /// The button that asks for (or opens the settings for) the camera.
    pub camera_allow: Text,
    /// The notification channel's name and description.
    pub reminder_channel: Text,
    pub reminder_channel_description: Text,
    /// A chosen file could not be read by the platform.
    pub file_unreadable: Text,
    /// The clipboard holds no text.
    pub clipboard_empty: Text,
    /// A file was saved (followed by its name).
    pub file_saved: Text,
    /// The camera's torch button.
    pub torch_on: Text,
    pub torch_off: Text,
    /// Why the app asks to post notifications, and the button that asks.
    pub reminders_why: Text,
    pub reminders_allow: Text,
}

/// The platform's words (see [`Words`]).
pub fn words() -> Words {
    Words {
        ok: Text::new("确定", "OK"),
        cancel: Text::new("取消", "Cancel"),
        back: Text::new("返回", "Back"),
        menu: Text::new("更多", "More"),
        camera_why: Text::new(
            "需要使用相机读取二维码，不拍照也不保存任何图像。",
            "The camera reads QR codes. Nothing is photographed or stored.",
        ),
        camera_denied: Text::new(
            "相机权限被拒绝。请在系统设置中允许后再扫描。",
            "Camera access was refused. Allow it in the system settings to scan.",
        ),
        camera_allow: Text::new("允许使用相机", "Allow the camera"),
        reminder_channel: Text::new("拍照日提醒", "Photo day reminders"),
        reminder_channel_description: Text::new(
            "缴费截止、采集码检查、拍摄时间、学信网校对、补拍截止",
            "Fee deadline, 采集码 checks, your slot, the 学信网 check, the 补拍 deadline",
        ),
        file_unreadable: Text::new(
            "无法读取该文件。请重新选择，或先把文件保存到手机上。",
            "That file could not be read. Choose it again, or copy it to the phone first.",
        ),
        clipboard_empty: Text::new("剪贴板里没有文字。", "The clipboard holds no text."),
        file_saved: Text::new("已保存：", "Saved: "),
        torch_on: Text::new("打开手电筒", "Turn the torch on"),
        torch_off: Text::new("关闭手电筒", "Turn the torch off"),
        reminders_why: Text::new(
            "允许通知后，本应用会提醒你缴费截止、采集码、拍摄时间和学信网校对。提醒只保存在本机，不会发送到任何地方。",
            "Allow notifications so PhotoDay can remind you of the fee deadline, your 采集码, your slot and the 学信网 check. Reminders are set on this phone; nothing is sent anywhere.",
        ),
        reminders_allow: Text::new("允许提醒", "Allow reminders"),
    }
}

/// How long a camera text stays "already answered" after it was last seen.
pub const SEEN_MS: i64 = 2_000;

/// Camera texts already answered outside the door loop (the student's pass and number camera,
/// the log-QR receiver): a camera reads the code in view ten times a second, and a refused one
/// must not pop a red message on every frame. A text seen again within [`SEEN_MS`] of its last
/// sighting is not judged again; one that left the view that long is.
#[derive(Debug, Default)]
pub struct Sightings {
    last: Option<(String, crate::time::UnixMillis)>,
}

impl Sightings {
    /// Whether `text` read at `now` should be judged (and remembers it either way).
    pub fn fresh(&mut self, text: &str, now: crate::time::UnixMillis) -> bool {
        let repeat =
            matches!(&self.last, Some((t, at)) if t == text && now - at < SEEN_MS && now >= *at);
        self.last = Some((text.to_string(), now));
        !repeat
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_held_in_view_is_judged_once_and_again_after_it_left_the_view() {
        let mut seen = Sightings::default();
        assert!(seen.fresh("PD1:AAA", 0));
        // Ten frames a second for three seconds: each within SEEN_MS of the one before.
        for k in 1..=30 {
            assert!(!seen.fresh("PD1:AAA", k * 100), "frame {k}");
        }
        assert!(
            seen.fresh("PD1:BBB", 3_100),
            "another code is judged at once"
        );
        assert!(seen.fresh("PD1:AAA", 3_200));
        assert!(
            seen.fresh("PD1:AAA", 3_200 + SEEN_MS),
            "back in view after two seconds away"
        );
    }

    #[test]
    fn a_verdict_that_ends_in_a_millisecond_is_asked_about_again_no_sooner_than_the_floor() {
        assert_eq!(refresh_until(1_001, 1_000), MIN_REFRESH_MS);
        assert_eq!(refresh_until(900, 1_000), MIN_REFRESH_MS, "already over");
        assert_eq!(refresh_until(7_000, 1_000), 6_000);
    }
}
