//! The apps' one entry point: screens the core describes (`photoday_core::pages`), in the
//! reader's language.
//!
//! An app opens one `Screens` over its two database files, asks `page(id)` for whatever is on
//! top of its back stack, draws the blocks, and hands every tap back to `perform` with what the
//! platform gathered (a typed line, a file, a photo, a camera read). The `Outcome` says what to
//! show, where to go, which file to offer and which sound to make. Which side the phone is on is
//! kept here too, in a small file beside the databases. The records mirror the core's with the
//! same names, with each bilingual text already in the chosen language.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock, RwLock};

use photoday_core::pages::{self as core_pages, staff, student};
use photoday_core::text::Text as CoreText;

use crate::door::Signal;
use crate::error::ApiResult;
use crate::lock;
use crate::qr::QrCode;
use crate::scanner::{AsideReason, Lane, Role, ScannerApp};
use crate::student::StudentApp;
use crate::text::Lang;

/// Both sides of one phone, drawn as pages. Every method is safe from any thread; `page` and
/// `perform` read or write the databases: call them off the main thread.
#[derive(uniffi::Object)]
pub struct Screens {
    student_db: String,
    scanner_db: String,
    mode_file: PathBuf,
    student: OnceLock<Arc<StudentApp>>,
    scanner: OnceLock<Arc<ScannerApp>>,
    mode: Mutex<Option<core_pages::Mode>>,
    lang: RwLock<Lang>,
    /// Camera texts already answered outside the door loop (the door has its own).
    seen: Mutex<core_pages::Sightings>,
    /// A camera read is with the core: the next ones are dropped, not queued behind it.
    reading: AtomicBool,
    /// A file handed to the app before a side was chosen, imported by the side chosen.
    waiting: Mutex<Option<core_pages::Input>>,
}

#[uniffi::export]
impl Screens {
    /// Screens over the student database, the staff database and the file that remembers the
    /// chosen side (all app-private; each database is opened the first time its side needs it).
    /// `lang` is the reader's language (`langFromLocale`).
    #[uniffi::constructor]
    pub fn new(student_db: String, scanner_db: String, mode_file: String, lang: Lang) -> Arc<Self> {
        let mode_file = PathBuf::from(mode_file);
        let mode = match std::fs::read_to_string(&mode_file)
            .as_deref()
            .map(str::trim)
        {
            Ok("student") => Some(core_pages::Mode::Student),
            Ok("staff") => Some(core_pages::Mode::Staff),
            _ => None,
        };
        Arc::new(Screens {
            student_db,
            scanner_db,
            mode_file,
            student: OnceLock::new(),
            scanner: OnceLock::new(),
            mode: Mutex::new(mode),
            lang: RwLock::new(lang),
            seen: Mutex::new(core_pages::Sightings::default()),
            reading: AtomicBool::new(false),
            waiting: Mutex::new(None),
        })
    }

    /// The reader's language changed (a locale change while the app runs). Memory only.
    pub fn set_lang(&self, lang: Lang) {
        *self
            .lang
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = lang;
    }

    /// The side chosen, if any. Memory only.
    pub fn mode(&self) -> Option<Mode> {
        (*lock(&self.mode)).map(Mode::from)
    }

    /// The student side's object, for the platform's glue (reminders to schedule). Disk the
    /// first time (opens the database).
    pub fn student(&self) -> ApiResult<Arc<StudentApp>> {
        if let Some(app) = self.student.get() {
            return Ok(Arc::clone(app));
        }
        let app = StudentApp::new(self.student_db.clone())?;
        Ok(Arc::clone(self.student.get_or_init(|| app)))
    }

    /// The staff side's object (for the Android camera's luma decoding and the laptop). Disk the
    /// first time (opens the database, giving the device its key).
    pub fn scanner(&self) -> ApiResult<Arc<ScannerApp>> {
        if let Some(app) = self.scanner.get() {
            return Ok(Arc::clone(app));
        }
        let app = ScannerApp::new(self.scanner_db.clone())?;
        Ok(Arc::clone(self.scanner.get_or_init(|| app)))
    }

    /// The page `id` at `now_ms`. `Start` resolves to the mode choice, the student's home, or
    /// the staff's next step (bundle, station, door); the page's `id` says which. Disk.
    pub fn page(&self, id: PageId, now_ms: i64) -> Page {
        let id = core_pages::PageId::from(id);
        let page = self.core_page(id, now_ms);
        Page::of(page, self.lang())
    }

    /// The words the platform's own dialogs and permission prompts use. Memory only.
    pub fn words(&self) -> Words {
        let l = self.lang();
        let w = core_pages::words();
        Words {
            ok: s(&w.ok, l),
            cancel: s(&w.cancel, l),
            back: s(&w.back, l),
            menu: s(&w.menu, l),
            camera_why: s(&w.camera_why, l),
            camera_denied: s(&w.camera_denied, l),
            camera_allow: s(&w.camera_allow, l),
            reminder_channel: s(&w.reminder_channel, l),
            reminder_channel_description: s(&w.reminder_channel_description, l),
            file_unreadable: s(&w.file_unreadable, l),
            clipboard_empty: s(&w.clipboard_empty, l),
            file_saved: s(&w.file_saved, l),
            torch_on: s(&w.torch_on, l),
            torch_off: s(&w.torch_off, l),
            reminders_why: s(&w.reminders_why, l),
            reminders_allow: s(&w.reminders_allow, l),
        }
    }

    /// Performs `command` (from an action on the page) with what the platform gathered for it.
    /// Never fails: a refusal comes back as a red message and nothing changes. Disk.
    ///
    /// Hand every camera read straight here, from any thread: a read that arrives while another
    /// is still with the core returns `Go.Unchanged` at once instead of queueing behind it.
    pub fn perform(&self, command: Command, input: Input, now_ms: i64) -> Outcome {
        let lang = self.lang();
        let command = core_pages::Command::from(command);
        let input = core_pages::Input::from(input);
        let _reading = match command {
            core_pages::Command::Scanned(_) => match Reading::start(&self.reading) {
                Some(reading) => Some(reading),
                None => {
                    return Outcome::of(core_pages::Outcome::go(core_pages::Go::Unchanged), lang)
                }
            },
            _ => None,
        };
        let done = self.core_perform(&command, &input, now_ms);
        Outcome::of(done, lang)
    }
}

/// The one camera read with the core; dropping it (also in a panic) lets the next one in.
struct Reading<'a>(&'a AtomicBool);

impl<'a> Reading<'a> {
    fn start(flag: &'a AtomicBool) -> Option<Reading<'a>> {
        (!flag.swap(true, Ordering::AcqRel)).then_some(Reading(flag))
    }
}

impl Drop for Reading<'_> {
    fn drop(&mut self) {
        self.0.store(false, Ordering::Release);
    }
}

impl Screens {
    fn lang(&self) -> photoday_core::text::Lang {
        (*self
            .lang
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner))
        .into()
    }

    fn core_page(&self, id: core_pages::PageId, now: i64) -> core_pages::Page {
        use core_pages::{Mode as M, PageId as P};
        let mode = *lock(&self.mode);
        if id == P::ModeChoice || (id == P::Start && mode.is_none()) {
            return core_pages::mode_choice();
        }
        let built = match mode {
            Some(M::Staff) => self.scanner().map_err(|e| (id, e)).map(|app| {
                let mut door = lock(&app.door);
                let mut scanner = lock(&app.inner);
                let id = if id == P::Start {
                    staff::start(&scanner)
                } else {
                    id
                };
                let page = staff::page(&mut scanner, &mut door, id, now);
                app.publish(&scanner);
                page.unwrap_or_else(|e| core_pages::trouble(id, &e))
            }),
            _ => self.student().map_err(|e| (id, e)).map(|app| {
                let id = if id == P::Start { P::Home } else { id };
                app.with_phone(|phone| student::page(phone, id, now))
                    .unwrap_or_else(|e| core_pages::trouble(id, &e))
            }),
        };
        let mut page = built.unwrap_or_else(|(id, e)| {
            let mut page = core_pages::Page::new(id, CoreText::new("PhotoDay", "PhotoDay"));
            page.push(core_pages::Block::Line {
                text: CoreText::from(e.text().clone()),
                tone: core_pages::Tone::Refused,
            });
            page
        });
        if id == P::Start {
            page.can_go_back = false;
        }
        page
    }

    fn core_perform(
        &self,
        command: &core_pages::Command,
        input: &core_pages::Input,
        now: i64,
    ) -> core_pages::Outcome {
        use core_pages::{Command as C, Go, Mode as M, Outcome as O, Tone};
        if let C::ChooseMode(mode) = command {
            if let Err(e) = self.remember_mode(*mode) {
                return O::say(e.text(), Tone::Refused);
            }
            // A file opened before the choice goes to the side chosen.
            let waiting = lock(&self.waiting).take();
            return match waiting {
                Some(file) => self.core_perform(&C::Import, &file, now).then(Go::Start),
                None => O::go(Go::Start),
            };
        }
        if *command == C::Import && lock(&self.mode).is_none() {
            *lock(&self.waiting) = Some(input.clone());
            return O::say(core_pages::waits_for_side(), Tone::Attention);
        }
        if let (C::Scanned(scan), core_pages::Input::Text(text)) = (command, input) {
            if *scan != core_pages::Scan::Door && !lock(&self.seen).fresh(text, now) {
                return O::go(Go::Unchanged);
            }
        }
        let mode = *lock(&self.mode);
        match mode {
            Some(M::Staff) => match self.scanner() {
                Ok(app) => {
                    let mut door = lock(&app.door);
                    let mut scanner = lock(&app.inner);
                    let done = staff::perform(&mut scanner, &mut door, command, input, now);
                    app.publish(&scanner);
                    done
                }
                Err(e) => O::say(CoreText::from(e.text().clone()), Tone::Refused),
            },
            _ => match self.student() {
                Ok(app) => app.with_phone(|phone| student::perform(phone, command, input, now)),
                Err(e) => O::say(CoreText::from(e.text().clone()), Tone::Refused),
            },
        }
    }

    /// Keeps the chosen side, written whole (a temporary file renamed over the old one).
    fn remember_mode(&self, mode: core_pages::Mode) -> photoday_core::Result<()> {
        let name = match mode {
            core_pages::Mode::Student => "student",
            core_pages::Mode::Staff => "staff",
        };
        let tmp = self.mode_file.with_extension("tmp");
        let io = |e: std::io::Error| photoday_core::Error::Io {
            path: self.mode_file.clone(),
            source: e,
        };
        std::fs::write(&tmp, name).map_err(io)?;
        std::fs::rename(&tmp, &self.mode_file).map_err(io)?;
        *lock(&self.mode) = Some(mode);
        Ok(())
    }
}

/// Which side this phone is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum Mode {
    /// A graduating student.
    Student,
    /// Door or studio staff.
    Staff,
}

/// A screen the app can show (see the core's `pages::PageId` for each).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum PageId {
    Start,
    ModeChoice,
    Home,
    Pass,
    CollectionCode,
    CollectionCodeFull,
    Checklist,
    Timeline,
    Notice,
    Import,
    Station,
    Door,
    TypedCheckIn,
    StepAside,
    Batch,
    Attendance,
    History,
    Logs,
    LogQrShow,
    LogQrReceive,
    DoorSettings,
}

/// How a line, card or verdict is coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum Tone {
    /// No emphasis.
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

/// What a page's camera reads; hand each text read to `perform(Command.Scanned(scan), Input.Text)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum Scan {
    /// Passes and 采集码 at the door or studio.
    Door,
    /// Another phone's log QR sequence.
    LogQr,
    /// The student's own pass.
    Pass,
    /// The studio phone's small photo-number code.
    PhotoNumber,
}

/// One piece of a page, drawn top to bottom.
#[derive(Debug, Clone, PartialEq, uniffi::Enum)]
pub enum Block {
    /// A section heading.
    Heading { text: String },
    /// A paragraph.
    Line { text: String, tone: Tone },
    /// A framed card: optional title, optional huge text (photo number, countdown), lines, buttons.
    Card {
        tone: Tone,
        title: Option<String>,
        big: Option<String>,
        lines: Vec<String>,
        actions: Vec<Action>,
    },
    /// A list row; tapping performs `action` when there is one.
    Row {
        text: String,
        detail: Option<String>,
        tone: Tone,
        action: Option<Action>,
    },
    /// A switch or tick box; tapping performs `action`.
    Toggle {
        text: String,
        on: bool,
        action: Action,
    },
    /// A full-width button.
    Button { action: Action },
    /// A QR code: whole pixels per module (`QrCode.pxPerModule`), black on white, quiet zone.
    Qr {
        code: QrCode,
        caption: Option<String>,
    },
    /// An image the user chose (the 采集码), shown as is.
    Image { bytes: Vec<u8>, caption: String },
    /// A live camera; hand every text read to `perform(Command.Scanned(scan), Input.Text)`.
    Camera { scan: Scan, hint: String },
    /// A text field with its submit button; submit performs `submit` with `Input.Text`.
    Field {
        label: String,
        value: String,
        numeric: bool,
        submit: Action,
    },
    /// Progress of a long transfer, 0.0–1.0.
    Progress { fraction: f32, text: String },
    /// A phone number: tapping opens the dialer with `number` (Android `ACTION_DIAL`, iOS
    /// `tel:`); the user places the call.
    Call { text: String, number: String },
}

/// How prominent a button is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum ActionStyle {
    /// The one thing the page is for.
    Primary,
    /// Any other button.
    Normal,
    /// Deletes or voids something (ask `confirm` first).
    Danger,
}

/// What the app gathers before performing an action.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum Needs {
    /// Nothing: perform at once with `Input.Nothing`.
    Nothing,
    /// A typed line: ask with `label`, perform with `Input.Text`.
    Text { label: String },
    /// A file the user picks: perform with `Input.Bytes`.
    File,
    /// A photo from the album: perform with `Input.Bytes`.
    Photo,
    /// The clipboard's text: perform with `Input.Text`.
    Clipboard,
}

/// A button or tappable row.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Action {
    pub label: String,
    /// Hand it back to `perform` unchanged.
    pub command: Command,
    pub style: ActionStyle,
    pub needs: Needs,
    /// Ask "are you sure?" with this text first.
    pub confirm: Option<String>,
}

/// What an action does; the app hands it back to `perform` without looking inside.
#[derive(Debug, Clone, PartialEq, uniffi::Enum)]
pub enum Command {
    Open {
        page: PageId,
    },
    Back,
    ChooseMode {
        mode: Mode,
    },
    Scanned {
        scan: Scan,
    },
    Import,
    SetStudentNo,
    SaveCollectionCode,
    CheckCollectionCode,
    Tick {
        id: String,
        ticked: bool,
    },
    ShotDone {
        done: bool,
    },
    PurgeStudent,
    SetStation {
        room: String,
        role: Role,
    },
    SetLane {
        lane: Option<Lane>,
    },
    SetCheckCode {
        on: bool,
    },
    SetTolerance {
        early_minutes: u32,
        late_minutes: u32,
    },
    TypedNumber,
    Override,
    UndoShown,
    Undo {
        seq: u64,
    },
    Dismiss,
    SkipCode,
    StepAside {
        reason: AsideReason,
        student_no: Option<u64>,
    },
    CloseBatch,
    ExportLog,
    ConfirmLogShown,
    LogSaved,
    AbandonLogQr,
    LogQrStep {
        step: i32,
    },
    LogQrPlay,
    PurgeStaff,
}

/// What the platform gathered for an action.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum Input {
    Nothing,
    /// A typed, pasted or scanned line.
    Text {
        text: String,
    },
    /// A chosen file or photo.
    Bytes {
        bytes: Vec<u8>,
    },
}

/// Where the app goes after an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum Go {
    /// Stay, and ask for the page again.
    Stay,
    /// Nothing changed: no need to ask for the page again.
    Unchanged,
    /// Push a page.
    Open { page: PageId },
    /// Pop one page.
    Back,
    /// Clear the stack and open `PageId.Start`.
    Start,
}

/// A file to offer to save or share.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct FileOut {
    pub name: String,
    pub bytes: Vec<u8>,
    /// Perform this with `Input.Nothing` once the file is written (not if the user cancelled).
    pub saved: Option<Command>,
}

/// The answer to an action.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Outcome {
    /// A message to show briefly, with `tone`.
    pub message: Option<String>,
    pub tone: Tone,
    pub go: Go,
    /// A file to offer to save or share.
    pub file: Option<FileOut>,
    /// The sound and vibration to make now.
    pub signal: Option<Signal>,
}

/// The words of the platform's own dialogs and prompts, in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Words {
    pub ok: String,
    pub cancel: String,
    pub back: String,
    pub menu: String,
    /// Why the app asks for the camera.
    pub camera_why: String,
    /// The camera was refused.
    pub camera_denied: String,
    /// The button that asks for the camera (or opens the settings).
    pub camera_allow: String,
    /// The notification channel's name and description.
    pub reminder_channel: String,
    pub reminder_channel_description: String,
    /// A chosen file could not be read by the platform.
    pub file_unreadable: String,
    /// The clipboard holds no text.
    pub clipboard_empty: String,
    /// Put before a saved file's name.
    pub file_saved: String,
    /// The camera's torch button (its accessibility label).
    pub torch_on: String,
    pub torch_off: String,
    /// Why the app asks to post notifications, and the button that asks.
    pub reminders_why: String,
    pub reminders_allow: String,
}

/// A screen: what to draw and when to ask again.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Page {
    /// Which page this is (`Start` resolved).
    pub id: PageId,
    pub title: String,
    pub blocks: Vec<Block>,
    /// The top bar's menu.
    pub menu: Vec<Action>,
    /// Ask for the page again after this many milliseconds.
    pub refresh_ms: Option<u32>,
    /// Full screen brightness while it shows.
    pub bright: bool,
    /// Offer a way back.
    pub can_go_back: bool,
    /// The block to scroll to when the page first shows (the timeline's next date).
    pub focus: Option<u32>,
}

use photoday_core::text::Lang as L;

impl Page {
    fn of(p: core_pages::Page, l: L) -> Page {
        Page {
            id: p.id.into(),
            title: p.title.get(l).to_string(),
            blocks: p.blocks.into_iter().map(|b| Block::of(b, l)).collect(),
            menu: p.menu.into_iter().map(|a| Action::of(a, l)).collect(),
            refresh_ms: p.refresh_ms,
            bright: p.bright,
            can_go_back: p.can_go_back,
            focus: p.focus,
        }
    }
}

fn s(t: &CoreText, l: L) -> String {
    t.get(l).to_string()
}

impl Block {
    fn of(b: core_pages::Block, l: L) -> Block {
        use core_pages::Block as B;
        match b {
            B::Heading { text } => Block::Heading { text: s(&text, l) },
            B::Line { text, tone } => Block::Line {
                text: s(&text, l),
                tone: tone.into(),
            },
            B::Card {
                tone,
                title,
                big,
                lines,
                actions,
            } => Block::Card {
                tone: tone.into(),
                title: title.map(|t| s(&t, l)),
                big,
                lines: lines.iter().map(|t| s(t, l)).collect(),
                actions: actions.into_iter().map(|a| Action::of(a, l)).collect(),
            },
            B::Row {
                text,
                detail,
                tone,
                action,
            } => Block::Row {
                text: s(&text, l),
                detail: detail.map(|t| s(&t, l)),
                tone: tone.into(),
                action: action.map(|a| Action::of(a, l)),
            },
            B::Toggle { text, on, action } => Block::Toggle {
                text: s(&text, l),
                on,
                action: Action::of(action, l),
            },
            B::Button { action } => Block::Button {
                action: Action::of(action, l),
            },
            B::Qr { code, caption } => Block::Qr {
                code: QrCode::from(&code),
                caption: caption.map(|t| s(&t, l)),
            },
            B::Image { bytes, caption } => Block::Image {
                bytes,
                caption: s(&caption, l),
            },
            B::Camera { scan, hint } => Block::Camera {
                scan: scan.into(),
                hint: s(&hint, l),
            },
            B::Field {
                label,
                value,
                numeric,
                submit,
            } => Block::Field {
                label: s(&label, l),
                value,
                numeric,
                submit: Action::of(submit, l),
            },
            B::Progress { fraction, text } => Block::Progress {
                fraction,
                text: s(&text, l),
            },
            B::Call { text, number } => Block::Call {
                text: s(&text, l),
                number,
            },
        }
    }
}

impl Action {
    fn of(a: core_pages::Action, l: L) -> Action {
        use core_pages::{ActionStyle as S, Needs as N};
        Action {
            label: s(&a.label, l),
            command: a.command.into(),
            style: match a.style {
                S::Primary => ActionStyle::Primary,
                S::Normal => ActionStyle::Normal,
                S::Danger => ActionStyle::Danger,
            },
            needs: match a.needs {
                N::Nothing => Needs::Nothing,
                N::Text { label } => Needs::Text {
                    label: s(&label, l),
                },
                N::File => Needs::File,
                N::Photo => Needs::Photo,
                N::Clipboard => Needs::Clipboard,
            },
            confirm: a.confirm.map(|t| s(&t, l)),
        }
    }
}

impl Outcome {
    fn of(o: core_pages::Outcome, l: L) -> Outcome {
        let (message, tone) = match o.message {
            Some((text, tone)) => (Some(s(&text, l)), tone.into()),
            None => (None, Tone::Plain),
        };
        Outcome {
            message,
            tone,
            go: o.go.into(),
            file: o.file.map(|f| FileOut {
                name: f.name,
                bytes: f.bytes,
                saved: f.saved.map(Command::from),
            }),
            signal: o.signal.map(Signal::from),
        }
    }
}

/// Same-named enums both ways: `mirror!(A, B, [X, Y])` writes `From<A> for B` and back.
macro_rules! mirror {
    ($core:ty, $ffi:ident, [$($v:ident),* $(,)?]) => {
        impl From<$core> for $ffi {
            fn from(x: $core) -> Self {
                match x { $(<$core>::$v => $ffi::$v,)* }
            }
        }
        impl From<$ffi> for $core {
            fn from(x: $ffi) -> Self {
                match x { $($ffi::$v => <$core>::$v,)* }
            }
        }
    };
}

mirror!(core_pages::Mode, Mode, [Student, Staff]);
mirror!(
    core_pages::Tone,
    Tone,
    [Plain, Good, Attention, Refused, Accent, Muted]
);
mirror!(core_pages::Scan, Scan, [Door, LogQr, Pass, PhotoNumber]);
mirror!(
    core_pages::PageId,
    PageId,
    [
        Start,
        ModeChoice,
        Home,
        Pass,
        CollectionCode,
        CollectionCodeFull,
        Checklist,
        Timeline,
        Notice,
        Import,
        Station,
        Door,
        TypedCheckIn,
        StepAside,
        Batch,
        Attendance,
        History,
        Logs,
        LogQrShow,
        LogQrReceive,
        DoorSettings,
    ]
);

impl From<core_pages::Go> for Go {
    fn from(g: core_pages::Go) -> Self {
        use core_pages::Go as G;
        match g {
            G::Stay => Go::Stay,
            G::Unchanged => Go::Unchanged,
            G::Open(page) => Go::Open { page: page.into() },
            G::Back => Go::Back,
            G::Start => Go::Start,
        }
    }
}

impl From<Input> for core_pages::Input {
    fn from(i: Input) -> Self {
        match i {
            Input::Nothing => core_pages::Input::Nothing,
            Input::Text { text } => core_pages::Input::Text(text),
            Input::Bytes { bytes } => core_pages::Input::Bytes(bytes),
        }
    }
}

/// Writes the two `From`s between the core's `Command` and this one, variant by variant.
macro_rules! commands {
    ($($unit:ident),* ; $($v:ident { $($f:ident),* }),* ; $($wrap:ident($field:ident)),*) => {
        impl From<core_pages::Command> for Command {
            fn from(c: core_pages::Command) -> Self {
                use core_pages::Command as C;
                match c {
                    $(C::$unit => Command::$unit,)*
                    $(C::$v { $($f),* } => Command::$v { $($f: $f.into()),* },)*
                    $(C::$wrap(x) => Command::$wrap { $field: x.into() },)*
                    C::SetLane { lane } => Command::SetLane { lane: lane.and_then(Lane::from_letter) },
                }
            }
        }
        impl From<Command> for core_pages::Command {
            fn from(c: Command) -> Self {
                use core_pages::Command as C;
                match c {
                    $(Command::$unit => C::$unit,)*
                    $(Command::$v { $($f),* } => C::$v { $($f: $f.into()),* },)*
                    $(Command::$wrap { $field } => C::$wrap($field.into()),)*
                    Command::SetLane { lane } => C::SetLane { lane: lane.map(Lane::letter) },
                }
            }
        }
    };
}

commands!(
    Back, Import, SetStudentNo, SaveCollectionCode, CheckCollectionCode, PurgeStudent,
    TypedNumber, Override, UndoShown, Dismiss, SkipCode, CloseBatch, ExportLog,
    ConfirmLogShown, LogSaved, AbandonLogQr, LogQrPlay, PurgeStaff;
    Tick { id, ticked }, ShotDone { done }, SetStation { room, role }, SetCheckCode { on },
    SetTolerance { early_minutes, late_minutes }, Undo { seq }, StepAside { reason, student_no }, LogQrStep { step };
    Open(page), ChooseMode(mode), Scanned(scan)
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_camera_read_arriving_while_another_is_with_the_core_is_dropped_not_queued() {
        let dir = tempfile::tempdir().unwrap();
        let path = |n: &str| dir.path().join(n).display().to_string();
        let s = Screens::new(path("s.db"), path("d.db"), path("mode"), Lang::En);
        s.perform(
            Command::ChooseMode {
                mode: Mode::Student,
            },
            Input::Nothing,
            0,
        );
        let read = |now| {
            s.perform(
                Command::Scanned { scan: Scan::Pass },
                Input::Text {
                    text: "not a pass".into(),
                },
                now,
            )
        };
        // Another read is under way (another thread holds it): this one returns at once.
        let busy = Reading::start(&s.reading).unwrap();
        let dropped = read(1_000);
        assert_eq!(dropped.go, Go::Unchanged);
        assert!(dropped.message.is_none());
        drop(busy);
        // Done: the next read is judged (and refused: it is not a pass).
        assert_eq!(read(10_000).tone, Tone::Refused);
        assert!(
            Reading::start(&s.reading).is_some(),
            "the read let go when it ended"
        );
    }
}
