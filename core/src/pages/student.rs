//! The student's pages: home (setup first, while the core says so), pass, 采集码, checklist,
//! timeline, notice, import; and what their buttons do.
//!
//! Everything both apps showed and offered on these screens is here, in the same words (the
//! Android strings' Chinese and English), so no student loses a button in the move:
//!
//! - **Home** while setup blocks it: the step in words, the slot preview once the pack's plan
//!   knows the 学号, and the step's own controls — open the pack (a file), type the 学号, or bring
//!   the pass in (the card from the album, pasted text, the camera on the import page), with the
//!   学号 still correctable. Otherwise: the shoot (its 摄影编号) or the question after the session
//!   began (scan the studio's number code on the import page, or "我已拍完"), the slot card with
//!   the countdown, the next dated thing, the 采集码 still to save, the preparation, and the way
//!   to every other page. The menu: import, staff mode, delete my data.
//! - **Import**: a file, pasted text, the clipboard, and a camera that reads the pass or the
//!   studio phone's number code (by content: the shot prompt sends the student here).
//!
//! After a successful import the app goes back, or to the start when setup was or is blocking
//! the home (the home then shows the next step, from wherever the import was made).

use crate::error::{Error, Refusal, Result};
use crate::incoming::{self, Incoming, StudentImport};
use crate::qr_decode::Readability;
use crate::student::{self as core_student, SetupStep, StudentPhone};
use crate::text::Text;
use crate::time::{self, UnixMillis};
use crate::timeline::Status;

use super::{
    failed, navigate, switch_mode, Action, Block, Command, Go, Input, Mode, Needs, Outcome, Page,
    PageId, Scan, Tone,
};

/// How often the home asks again: the countdown and the next step move.
const HOME_REFRESH_MS: u32 = 30_000;

/// The page `id` as the student's phone holds it at `now`. `Start` is never asked for here (the
/// caller resolves it to [`PageId::Home`]). Reads the disk only for the saved 采集码 image.
pub fn page(phone: &mut StudentPhone, id: PageId, now: UnixMillis) -> Result<Page> {
    match id {
        PageId::Home | PageId::Start => home(phone, now),
        PageId::Pass => Ok(pass(phone)),
        PageId::CollectionCode => collection_code(phone),
        PageId::CollectionCodeFull => collection_code_full(phone),
        PageId::Checklist => Ok(checklist(phone)),
        PageId::Timeline => Ok(timeline(phone, now)),
        PageId::Notice => Ok(notice(phone)),
        PageId::Import => Ok(import()),
        other => Ok(staff_only(other)),
    }
}

/// Performs a student command with what the platform gathered. Failures come back as a red
/// message, never as an error: the page stays as it was. Choosing the mode is the caller's (it
/// keeps which side the phone is on); a staff command is refused here.
pub fn perform(
    phone: &mut StudentPhone,
    command: &Command,
    input: &Input,
    now: UnixMillis,
) -> Outcome {
    if let Some(done) = navigate(command) {
        return done;
    }
    match run(phone, command, input, now) {
        Ok(done) => done,
        Err(e) => failed(&e),
    }
}

fn run(
    phone: &mut StudentPhone,
    command: &Command,
    input: &Input,
    now: UnixMillis,
) -> Result<Outcome> {
    match command {
        Command::Import => import_input(phone, input),
        Command::Scanned(Scan::Pass) => scanned_pass(phone, input.text()),
        Command::Scanned(Scan::PhotoNumber) => scanned_number(phone, input.text()),
        Command::SetStudentNo => {
            let blocked = blocks_home(phone);
            let no = phone.set_student_no(input.text())?;
            Ok(Outcome::say(
                Text::new(
                    format!("学号已保存：{no}"),
                    format!("Student number saved: {no}"),
                ),
                Tone::Good,
            )
            .then(setup_go(blocked, blocks_home(phone), Go::Stay)))
        }
        Command::SaveCollectionCode => {
            let r = phone.save_collection_code(input.bytes())?;
            let v = r.verdict();
            Ok(Outcome::say(
                Text::new(
                    format!("采集码已保存。{}", v.zh),
                    format!("采集码 saved. {}", v.en),
                ),
                if r.readable {
                    Tone::Good
                } else {
                    Tone::Attention
                },
            ))
        }
        Command::CheckCollectionCode => {
            let r = phone.check_collection_code()?;
            Ok(Outcome::say(r.verdict(), readability_tone(&r)))
        }
        Command::Tick { id, ticked } => {
            // The page shows the tick; a message on every tap would only be noise.
            phone.set_tick(id, *ticked, now)?;
            Ok(Outcome::default())
        }
        Command::ShotDone { done: true } => {
            let shot = phone.set_shot_done(true)?;
            let label = shot
                .map(|s| s.label)
                .unwrap_or_else(|| Text::new("已拍完", "Photographed"));
            Ok(Outcome::say(label, Tone::Good))
        }
        Command::ShotDone { done: false } => {
            phone.set_shot_done(false)?;
            Ok(Outcome::say(
                Text::new("已撤销“我已拍完”", "Taken back: not photographed yet"),
                Tone::Plain,
            ))
        }
        Command::PurgeStudent => {
            phone.purge()?;
            Ok(Outcome::say(
                Text::new(
                    "已从本机删除你的签到码、已保存的采集码和清单勾选。公开的活动信息会保留。",
                    "Your pass, your saved 采集码 and your checklist ticks are deleted from this phone. The public event information stays.",
                ),
                Tone::Good,
            )
            .then(Go::Start))
        }
        _ => Err(Error::told(
            Refusal::NotReady,
            "这是工作人员模式的操作；请在菜单里切换到工作人员模式",
            "This is a staff action; switch to staff mode from the menu",
        )),
    }
}

/// Whether setup shows instead of the home.
fn blocks_home(phone: &StudentPhone) -> bool {
    phone.setup_step().is_some_and(SetupStep::blocks_home)
}

/// Where to go after something that may move setup along: to the start (the home with its next
/// step, from wherever the student was) when setup was or is blocking the home, else `otherwise`.
fn setup_go(blocked_before: bool, blocked_after: bool, otherwise: Go) -> Go {
    if blocked_before || blocked_after {
        Go::Start
    } else {
        otherwise
    }
}

/// What an import did, said: the core's line, amber when a newer pack voided the pass.
fn imported(phone: &StudentPhone, blocked: bool, done: &StudentImport) -> Outcome {
    let tone = match done {
        StudentImport::Pack(p) if p.pass_replaced.is_some() => Tone::Attention,
        _ => Tone::Good,
    };
    Outcome::say(done.text(), tone).then(setup_go(blocked, blocks_home(phone), Go::Back))
}

/// A file, a photo, pasted or typed text: recognised by content. Text that is nothing PhotoDay
/// knows is taken as a mistyped pass, so the refusal says what is wrong with it (the 采集码
/// pasted by mistake, a pass cut short).
fn import_input(phone: &mut StudentPhone, input: &Input) -> Result<Outcome> {
    let blocked = blocks_home(phone);
    let done = match input {
        Input::Text(text) if incoming::recognise(text.as_bytes()) == Incoming::Unknown => {
            StudentImport::Pass(phone.import_pass(text)?)
        }
        _ => phone.import_any(input.bytes())?,
    };
    Ok(imported(phone, blocked, &done))
}

/// The import page's camera: the pass, or the studio phone's number code (the shot prompt sends
/// the student here to scan it). A code already on the phone changes nothing, so the camera's
/// next frames of the same code do not pop a second page.
fn scanned_pass(phone: &mut StudentPhone, text: &str) -> Result<Outcome> {
    if let Incoming::NumberCode(code) = incoming::recognise(text.as_bytes()) {
        return scanned_number(phone, &code);
    }
    if phone.pass().is_some_and(|p| p.text == text.trim()) {
        return Ok(Outcome::go(Go::Unchanged));
    }
    let blocked = blocks_home(phone);
    let done = StudentImport::Pass(phone.import_pass(text)?);
    Ok(imported(phone, blocked, &done))
}

/// The studio phone's small number code.
fn scanned_number(phone: &mut StudentPhone, text: &str) -> Result<Outcome> {
    let held = phone.shot().and_then(|s| s.number.as_ref());
    if held.is_some_and(|n| n.to_text() == text.trim()) {
        return Ok(Outcome::go(Go::Unchanged));
    }
    let blocked = blocks_home(phone);
    let done = StudentImport::Number(phone.import_number(text)?);
    Ok(imported(phone, blocked, &done))
}

fn readability_tone(r: &Readability) -> Tone {
    if r.readable {
        Tone::Good
    } else {
        Tone::Refused
    }
}

fn line(text: Text, tone: Tone) -> Block {
    Block::Line { text, tone }
}

fn row(text: Text, detail: Option<Text>, tone: Tone, page: PageId) -> Block {
    let action = Action::open(text.clone(), page);
    Block::Row {
        text,
        detail,
        tone,
        action: Some(action),
    }
}

/// A text that reads the same in both languages (a date, a class name).
fn same(text: impl Into<String>) -> Text {
    let t = text.into();
    Text::new(t.clone(), t)
}

/// The home's menu: import, staff mode, delete my data.
fn home_menu() -> Vec<Action> {
    vec![
        Action::open(import_title(), PageId::Import),
        switch_mode(Mode::Staff),
        Action::new(
            Text::new("删除我的数据", "Delete my data"),
            Command::PurgeStudent,
        )
        .danger(Text::new(
            "从本机删除你的签到码、已保存的采集码和清单勾选。公开的活动信息会保留。",
            "Deletes your pass, your saved 采集码 and your checklist ticks from this phone. The public event information stays.",
        )),
    ]
}

fn home(phone: &StudentPhone, now: UnixMillis) -> Result<Page> {
    let h = phone.home(now)?;
    let mut page = Page::new(PageId::Home, Text::new("学历照采集", "PhotoDay"));
    page.can_go_back = false;
    page.menu = home_menu();
    page.refresh_ms = Some(HOME_REFRESH_MS);
    match h.setup_step.filter(|_| h.needs_setup) {
        Some(step) => setup(phone, &mut page, step, h.setup_hint, h.slot.as_ref()),
        None => ready(&mut page, &h),
    }
    page.push(line(
        Text::new(
            format!(
                "本应用不联网，所有数据只保存在本机。版本 {}",
                env!("CARGO_PKG_VERSION")
            ),
            format!(
                "PhotoDay has no network access. Everything stays on this phone. Version {}",
                env!("CARGO_PKG_VERSION")
            ),
        ),
        Tone::Plain,
    ));
    Ok(page)
}

/// The setup steps, one at a time, as the core orders them.
fn setup(
    phone: &StudentPhone,
    page: &mut Page,
    step: SetupStep,
    hint: Option<Text>,
    slot: Option<&crate::slot::Slot>,
) {
    page.title = Text::new("设置", "Set up");
    page.line(Text::new(
        "先打开联络员发在群里的资料包，输入学号，再从相册选你的签到码卡片（也可粘贴签到码文字或扫码）。",
        "Open the pack your liaison posted in the group, enter your student number, then pick your pass card from the album (or paste the pass, or scan its QR code).",
    ));
    if let Some(hint) = hint {
        page.heading(hint);
    }
    if let Some(s) = slot {
        page.push(Block::Card {
            tone: Tone::Accent,
            title: Some(Text::new(
                "按学院的安排，你的拍摄时间：",
                "Your time, from your college's plan:",
            )),
            big: None,
            lines: vec![
                s.place(),
                same(s.when_label()),
                s.time_line(),
                s.arrive_by_line(),
            ],
            actions: Vec::new(),
        });
    }
    let student_no_field = |label: Text, submit: Action| Block::Field {
        label,
        value: phone
            .student_no()
            .map(|n| n.to_string())
            .unwrap_or_default(),
        numeric: true,
        submit,
    };
    match step {
        SetupStep::ImportBundle => {
            page.button(
                Action::new(
                    Text::new("打开资料包", "Import the event bundle"),
                    Command::Import,
                )
                .primary()
                .needs(Needs::File),
            );
        }
        SetupStep::EnterStudentNo => {
            page.push(student_no_field(
                Text::new("学号", "Student number (学号)"),
                Action::new(super::words().ok, Command::SetStudentNo).primary(),
            ));
        }
        // The 采集码 never blocks the home (it is a card there), so only the pass reaches here.
        SetupStep::ImportPass | SetupStep::SaveCollectionCode => {
            page.button(
                Action::new(
                    Text::new("从相册选签到码卡片", "Pick my pass card from the album"),
                    Command::Import,
                )
                .primary()
                .needs(Needs::Photo),
            );
            page.button(Action::open(
                Text::new("扫描签到码卡片", "Scan the pass card"),
                PageId::Import,
            ));
            page.push(pass_text_field(Text::new(
                "或粘贴签到码文字（PD1:…）",
                "…or paste the pass text (PD1:…)",
            )));
            page.button(paste_pass());
            // A classmate's card is refused "if the 学号 was mistyped, enter it again": here.
            page.push(student_no_field(
                Text::new(
                    "学号（输错了可以在这里改）",
                    "Student number (correct it here if mistyped)",
                ),
                Action::new(
                    Text::new("修改学号", "Change the student number"),
                    Command::SetStudentNo,
                ),
            ));
        }
    }
    page.push(row(
        Text::new("通知与联系人", "Notice and contacts"),
        None,
        Tone::Plain,
        PageId::Notice,
    ));
}

/// The home once setup is done: the shoot, the slot, the next thing, the preparation, the rest.
fn ready(page: &mut Page, h: &core_student::Home) {
    if let Some(shot) = &h.shot {
        let mut actions = Vec::new();
        if shot.number.is_none() {
            actions.push(Action::new(
                Text::new("其实还没拍", "Not photographed after all"),
                Command::ShotDone { done: false },
            ));
        }
        page.push(Block::Card {
            tone: Tone::Good,
            title: Some(Text::new("已拍完", "Photographed")),
            big: shot.number.as_ref().map(|n| n.photo_no.clone()),
            lines: vec![shot.label.clone()],
            actions,
        });
    } else if let Some(prompt) = &h.shot_prompt {
        page.push(Block::Card {
            tone: Tone::Attention,
            title: None,
            big: None,
            lines: vec![prompt.clone()],
            actions: vec![
                Action::open(Text::new("扫编号码", "Scan number code"), PageId::Import).primary(),
                Action::new(
                    Text::new("我已拍完", "I've been photographed"),
                    Command::ShotDone { done: true },
                ),
            ],
        });
    }
    if let Some(s) = &h.slot {
        let mut lines = vec![
            s.place(),
            same(s.when_label()),
            s.time_line(),
            s.arrive_by_line(),
        ];
        lines.extend(h.class.clone().map(same));
        page.push(Block::Card {
            tone: Tone::Accent,
            title: h.countdown.clone(),
            big: Some(time::format_hhmm(s.arrive_by.time())),
            lines,
            actions: vec![
                Action::open(Text::new("出示签到码", "Show my pass"), PageId::Pass).primary(),
            ],
        });
    }
    if let Some(next) = &h.next {
        page.push(Block::Card {
            tone: if next.status == Status::Due {
                Tone::Attention
            } else {
                Tone::Plain
            },
            title: Some(next.status.next_heading()),
            big: None,
            lines: vec![next.title.clone(), next.when_line(), next.detail.clone()],
            actions: vec![Action::open(
                Text::new("日程与截止时间", "Dates and deadlines"),
                PageId::Timeline,
            )],
        });
    }
    // A step still open with the home usable: the 采集码, in the core's words.
    if let Some(hint) = &h.setup_hint {
        page.push(Block::Card {
            tone: Tone::Attention,
            title: None,
            big: None,
            lines: vec![hint.clone()],
            actions: vec![Action::open(
                Text::new("保存我的采集码", "Save my 采集码"),
                PageId::CollectionCode,
            )],
        });
    }
    page.heading(Text::new("准备", "Preparation"));
    let (code, code_tone) = if h.has_collection_code {
        (Text::new("采集码已保存", "采集码 saved"), Tone::Good)
    } else {
        (
            Text::new("采集码还没保存", "采集码 not saved yet"),
            Tone::Attention,
        )
    };
    let code_detail = if h.has_collection_code {
        Text::new("出示我的采集码", "Show my 采集码")
    } else {
        Text::new("采集码：获取与保存", "采集码: how to get and save it")
    };
    page.push(row(
        code,
        Some(code_detail),
        code_tone,
        PageId::CollectionCode,
    ));
    let all_ticked = h.checklist_total > 0 && h.checklist_done == h.checklist_total;
    page.push(row(
        h.checklist_line.clone(),
        None,
        if all_ticked { Tone::Good } else { Tone::Plain },
        PageId::Checklist,
    ));
    page.button(Action::open(Text::new("出示签到码", "Show my pass"), PageId::Pass).primary());
    page.push(row(
        Text::new("日程与截止时间", "Dates and deadlines"),
        None,
        Tone::Plain,
        PageId::Timeline,
    ));
    page.push(row(
        Text::new("通知与联系人", "Notice and contacts"),
        None,
        Tone::Plain,
        PageId::Notice,
    ));
}

fn pass(phone: &StudentPhone) -> Page {
    let mut page = Page::new(PageId::Pass, Text::new("我的签到码", "My pass"));
    let (info, code) = match (phone.pass(), phone.pass_qr()) {
        (Some(info), Ok(code)) => (info, code),
        (_, qr) => {
            // No pass yet: the core's sentence, the step still missing, and where to import.
            let why = qr
                .err()
                .map(|e| e.text())
                .unwrap_or_else(|| Text::new("还没有签到码", "No pass yet"));
            page.push(line(why, Tone::Attention));
            if let Some(step) = phone.setup_step().filter(|s| s.blocks_home()) {
                page.line(step.hint());
            }
            page.button(Action::open(import_title(), PageId::Import).primary());
            return page;
        }
    };
    page.bright = true;
    page.push(Block::Qr {
        code,
        caption: Some(Text::new(
            format!("学号 {} · 签到码第 {} 版", info.student_no, info.serial),
            format!(
                "Student number {} · pass revision {}",
                info.student_no, info.serial
            ),
        )),
    });
    // The number and the room in large type, for the door staff to check by eye.
    let lines = match phone.slot() {
        Some((s, _)) => vec![
            s.room.clone(),
            s.college.clone(),
            same(s.when_label()),
            s.arrive_by_line(),
        ],
        None => Vec::new(),
    };
    page.push(Block::Card {
        tone: Tone::Plain,
        title: Some(Text::new("学号", "Student number")),
        big: Some(info.student_no.to_string()),
        lines,
        actions: Vec::new(),
    });
    page
}

fn collection_code(phone: &mut StudentPhone) -> Result<Page> {
    let mut page = Page::new(PageId::CollectionCode, Text::new("采集码", "采集码"));
    page.line(Text::new(
        "摄影师会扫描你的学信网采集码，把照片对应到你的学籍。请把学信网上的采集码图片保存到这里，离线也能出示；图片只保存在本机，应用不会修改它。",
        "The photographer scans your CHSI 采集码 to link the photo to your record. Save the image from 学信网 here so it is ready offline; PhotoDay keeps it only on this phone and never changes it.",
    ));
    let image = phone.collection_code()?;
    let saved = image.is_some();
    match image {
        Some(bytes) => {
            // The core's one line: readable, more than one code (crop it), or why not.
            let verdict = match core_student::check_code_image(&bytes) {
                Ok(r) => line(r.verdict(), readability_tone(&r)),
                Err(e) => line(e.text(), Tone::Refused),
            };
            page.push(Block::Image {
                bytes,
                caption: Text::new("已保存的采集码", "Your saved 采集码"),
            });
            page.push(verdict);
            page.button(
                Action::open(
                    Text::new("全屏出示", "Show full screen"),
                    PageId::CollectionCodeFull,
                )
                .primary(),
            );
        }
        None => {
            page.push(line(
                Text::new(
                    "还没有保存采集码：请从学信网保存采集码的截图",
                    "No 采集码 saved yet: save a screenshot of it from 学信网",
                ),
                Tone::Attention,
            ));
        }
    }
    let pick = if saved {
        Text::new("重新选择图片", "Choose another image")
    } else {
        Text::new("选择采集码图片", "Choose the 采集码 image")
    };
    let pick = Action::new(pick, Command::SaveCollectionCode).needs(Needs::Photo);
    page.button(if saved { pick } else { pick.primary() });
    page.button(
        Action::new(
            Text::new("从文件选择", "Choose a file"),
            Command::SaveCollectionCode,
        )
        .needs(Needs::File),
    );
    if saved {
        page.button(Action::new(
            Text::new("检查能否读取", "Check that it can be read"),
            Command::CheckCollectionCode,
        ));
    }
    if let Some(event) = phone.event() {
        page.heading(Text::new("如何获取采集码", "How to get your 采集码"));
        if event.collection_code_steps.is_empty() {
            page.line(crate::timeline::how_to_get_code(event));
        }
        for route in &event.collection_code_steps {
            page.push(Block::Card {
                tone: Tone::Plain,
                title: Some(route.title.clone()),
                big: None,
                lines: route
                    .steps
                    .iter()
                    .enumerate()
                    .map(|(i, s)| {
                        Text::new(
                            format!("{}. {}", i + 1, s.zh),
                            format!("{}. {}", i + 1, s.en),
                        )
                    })
                    .collect(),
                actions: Vec::new(),
            });
        }
    }
    Ok(page)
}

/// The 采集码 alone at full brightness: what the photographer scans.
fn collection_code_full(phone: &mut StudentPhone) -> Result<Page> {
    let mut page = Page::new(PageId::CollectionCodeFull, Text::new("采集码", "采集码"));
    match phone.collection_code()? {
        Some(bytes) => {
            page.bright = true;
            page.push(Block::Image {
                bytes,
                caption: Text::new("已保存的采集码", "Your saved 采集码"),
            });
        }
        None => {
            page.push(line(
                Text::new(
                    "还没有保存采集码：请从学信网保存采集码的截图",
                    "No 采集码 saved yet: save a screenshot of it from 学信网",
                ),
                Tone::Attention,
            ));
            page.button(Action::open(
                Text::new("选择采集码图片", "Choose the 采集码 image"),
                PageId::CollectionCode,
            ));
        }
    }
    Ok(page)
}

fn checklist(phone: &StudentPhone) -> Page {
    let mut page = Page::new(PageId::Checklist, Text::new("准备清单", "Checklist"));
    let items = phone.checklist();
    if items.is_empty() {
        page.line(Text::new(
            "打开资料包后可查看准备清单。",
            "Import the event bundle to see the checklist.",
        ));
        return page;
    }
    page.heading(crate::checklist::progress_line(&items));
    for item in items {
        let action = Action::new(
            item.text.clone(),
            Command::Tick {
                id: item.id.clone(),
                ticked: !item.ticked,
            },
        );
        page.push(Block::Toggle {
            text: item.text,
            on: item.ticked,
            action,
        });
    }
    page
}

fn timeline(phone: &StudentPhone, now: UnixMillis) -> Page {
    let mut page = Page::new(
        PageId::Timeline,
        Text::new("日程与截止时间", "Dates and deadlines"),
    );
    let items = match phone.timeline(now) {
        Ok(items) => items,
        Err(e) => {
            page.push(line(e.text(), Tone::Attention));
            return page;
        }
    };
    // Opens at the first date not yet past, as a diary opens at today.
    let next = items.iter().position(|i| i.status != Status::Past);
    page.focus = next.map(|k| (page.blocks.len() + k) as u32);
    for item in &items {
        page.push(Block::Card {
            tone: match item.status {
                Status::Due => Tone::Attention,
                Status::Upcoming => Tone::Plain,
                Status::Past => Tone::Muted,
            },
            title: Some(item.title.clone()),
            big: None,
            lines: vec![item.when_line(), item.detail.clone()],
            actions: Vec::new(),
        });
    }
    page.line(Text::new(
        "提醒是本机的本地通知，不会发送到任何地方。",
        "Reminders are local notifications on this phone; nothing is sent anywhere.",
    ));
    page
}

fn notice(phone: &StudentPhone) -> Page {
    let mut page = Page::new(
        PageId::Notice,
        Text::new("通知与联系人", "Notice and contacts"),
    );
    let Some(event) = phone.event() else {
        page.line(SetupStep::ImportBundle.hint());
        page.button(Action::open(import_title(), PageId::Import));
        return page;
    };
    let n = crate::notice::notice(event);
    page.heading(n.title);
    page.line(n.source);
    for section in n.sections {
        page.heading(section.title);
        for line in section.lines {
            page.push(match (line.dial, line.heading) {
                (Some(number), _) => Block::Call {
                    text: line.text,
                    number,
                },
                (None, true) => Block::Line {
                    text: line.text,
                    tone: Tone::Accent,
                },
                (None, false) => Block::Line {
                    text: line.text,
                    tone: Tone::Plain,
                },
            });
        }
    }
    page
}

fn import() -> Page {
    let mut page = Page::new(PageId::Import, import_title());
    page.line(Text::new(
        "先打开联络员发在群里的资料包，输入学号，再从相册选你的签到码卡片（也可粘贴签到码文字或扫码）。",
        "Open the pack your liaison posted in the group, enter your student number, then pick your pass card from the album (or paste the pass, or scan its QR code).",
    ));
    page.button(
        Action::new(Text::new("选择文件", "Choose a file"), Command::Import)
            .primary()
            .needs(Needs::File),
    );
    page.button(
        Action::new(
            Text::new("从相册选签到码卡片", "Pick my pass card from the album"),
            Command::Import,
        )
        .needs(Needs::Photo),
    );
    page.push(pass_text_field(Text::new(
        "签到码文字（PD1:…）",
        "Pass text (PD1:…)",
    )));
    page.button(paste_pass());
    page.push(Block::Camera {
        scan: Scan::Pass,
        hint: Text::new(
            "将相机对准签到码，或摄影室手机上的摄影编号码",
            "Point the camera at your pass, or at the photo-number code on the studio phone",
        ),
    });
    page
}

/// The import page's name, also on the buttons that open it.
fn import_title() -> Text {
    Text::new("导入", "Import")
}

/// A field for the pass as text (`PD1:…`), imported by content like any file.
fn pass_text_field(label: Text) -> Block {
    Block::Field {
        label,
        value: String::new(),
        numeric: false,
        submit: Action::new(
            Text::new("导入此签到码", "Import this pass"),
            Command::Import,
        ),
    }
}

/// The clipboard's text, imported by content.
fn paste_pass() -> Action {
    Action::new(
        Text::new("从剪贴板粘贴", "Paste from clipboard"),
        Command::Import,
    )
    .needs(Needs::Clipboard)
}

/// Any staff page asked for on the student side.
fn staff_only(id: PageId) -> Page {
    let mut page = Page::new(id, Text::new("学历照采集", "PhotoDay"));
    page.line(Text::new(
        "这是工作人员的页面；请在菜单里切换到工作人员模式",
        "This is a staff page; switch to staff mode from the menu",
    ));
    page.menu = vec![switch_mode(Mode::Staff)];
    page
}
