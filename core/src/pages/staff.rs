//! The staff's pages: import the bundle, choose the station, the door (camera and verdict),
//! typed check-in, step aside, batch, attendance, history, logs; and what their buttons do.
//!
//! Everything a staff screen of the Android and iOS apps showed or offered is here, drawn from the
//! scanner and the door loop: the facts and most sentences are theirs, only the page's own labels
//! are written in this file.

use crate::door::{Colour, Tolerance};
use crate::door_loop::{DoorLoop, DoorScreen, StaffStatus, VerdictCard};
use crate::error::{Error, Refusal, Result};
use crate::incoming::StaffImport;
use crate::log::{self, AsideReason};
use crate::qr::QrMatrix;
use crate::scanner::{lane_label, BatchMember, NumberStatus, Role, Scanner};
use crate::text::Text;
use crate::time::UnixMillis;

use super::{
    failed, navigate, switch_mode, Action, Block, Command, Go, Input, Mode, Needs, Outcome, Page,
    PageId, Scan, Tone,
};

/// How many of this device's latest records the history lists.
const HISTORY_LINES: usize = 50;
/// The lane letters a station picker offers after "no letter": a room with two to six studio
/// phones (as the apps offered them).
const LANES: [char; 6] = ['A', 'B', 'C', 'D', 'E', 'F'];
/// The most minutes around a window the settings let the door admit, and the step.
const TOLERANCE_MAX: u32 = 240;
const TOLERANCE_STEP: u32 = 5;

/// Where a staff phone starts: the bundle, then the station, then the door.
pub fn start(scanner: &Scanner) -> PageId {
    match crate::door_loop::status(scanner) {
        StaffStatus::NeedsBundle => PageId::Import,
        StaffStatus::NeedsStation => PageId::Station,
        StaffStatus::Ready => PageId::Door,
    }
}

/// The page `id` as the device holds it at `now`. `Start` is never asked for here (the caller
/// resolves it with [`start`]); a student page resolves to the staff's start too. Asking for the
/// door page does what the apps' timer did: a verdict whose time is up is gone.
pub fn page(
    scanner: &mut Scanner,
    door: &mut DoorLoop,
    id: PageId,
    now: UnixMillis,
) -> Result<Page> {
    match id {
        PageId::ModeChoice => Ok(super::mode_choice()),
        PageId::Import => Ok(import_page(scanner)),
        PageId::Station => Ok(station_page(scanner, now)),
        PageId::Door => door_page(scanner, door, now),
        PageId::TypedCheckIn => Ok(typed_page()),
        PageId::StepAside => step_aside_page(scanner, door, now),
        PageId::Batch => batch_page(scanner, door, now),
        PageId::Attendance => attendance_page(scanner, now),
        PageId::History => history_page(scanner, now),
        PageId::Logs => logs_page(scanner),
        PageId::LogQrShow => log_qr_show_page(scanner, door, now),
        PageId::LogQrReceive => Ok(log_qr_receive_page(scanner)),
        PageId::DoorSettings => Ok(settings_page(scanner)),
        PageId::Start
        | PageId::Home
        | PageId::Pass
        | PageId::CollectionCode
        | PageId::CollectionCodeFull
        | PageId::Checklist
        | PageId::Timeline
        | PageId::Notice => page(scanner, door, start(scanner), now),
    }
}

// --- texts the pages share -------------------------------------------------------------------

fn import_bundle_label() -> Text {
    Text::new("导入扫码资料包", "Import scanner bundle")
}

fn station_title() -> Text {
    Text::new("签到点", "Station")
}

fn logs_title() -> Text {
    Text::new("签到记录", "Logs")
}

fn typed_title() -> Text {
    Text::new("按学号签到", "Check in by student number")
}

fn history_title() -> Text {
    Text::new("最近的记录", "Recent admissions")
}

fn batch_title() -> Text {
    Text::new("当前批次", "Current batch")
}

fn attendance_title() -> Text {
    Text::new("到场情况", "Attendance")
}

fn settings_title() -> Text {
    Text::new("设置", "Settings")
}

fn step_aside_title() -> Text {
    Text::new("请到一旁", "Step aside")
}

fn batch_shot_action() -> Action {
    Action::new(Text::new("本批拍完", "Batch shot"), Command::CloseBatch).danger(Text::new(
        "把本批记为已拍摄？",
        "Record this batch as photographed?",
    ))
}

fn tone_of(colour: Colour) -> Tone {
    Tone::from(colour)
}

/// What the station picker shows for a role, marked when it is the one chosen.
fn chosen(text: Text, on: bool) -> Text {
    if on {
        Text::new(format!("✓ {}", text.zh), format!("✓ {}", text.en))
    } else {
        text
    }
}

// --- import ----------------------------------------------------------------------------------

fn import_page(scanner: &Scanner) -> Page {
    let mut page = Page::new(PageId::Import, import_bundle_label());
    let has_bundle = scanner.bundle().is_some();
    page.can_go_back = has_bundle;
    match scanner.bundle() {
        None => {
            page.line(Text::new(
                "请先导入教务处发的扫码资料包。",
                "Import the scanner bundle from the 教务处 to start.",
            ));
        }
        Some(b) => {
            page.heading(b.event.title.clone());
            let fp = crate::bundle::signer_fingerprint(b);
            page.line(Text::new(
                format!("本机已认定的活动密钥指纹：{fp}（与教务处 photoday event show 显示的核对）"),
                format!("Event key pinned on this phone: {fp} (compare with what the 教务处's photoday event show prints)"),
            ));
        }
    }
    page.button(
        Action::new(
            Text::new("选择资料包文件…", "Choose the bundle file…"),
            Command::Import,
        )
        .needs(Needs::File)
        .primary(),
    );
    page.button(
        Action::new(
            Text::new("粘贴复制的资料包或记录", "Paste a copied bundle or log"),
            Command::Import,
        )
        .needs(Needs::Clipboard),
    );
    page.line(Text::new(
        "教务处会发本次活动的扫码资料包（.photoday）。也可以在聊天软件或“文件”中用“用 PhotoDay 打开”。另一台手机导出的记录文件（.photodaylog）也在这里导入。",
        "The 教务处 sends a scanner bundle (.photoday) for this event. You can also open it from a chat or Files with “Open in PhotoDay”. A log file (.photodaylog) another phone exported is imported here too.",
    ));
    page.menu.push(Action::open(logs_title(), PageId::Logs));
    if has_bundle {
        page.menu
            .push(Action::open(station_title(), PageId::Station));
    }
    page.menu.push(switch_mode(Mode::Student));
    page
}

fn import(scanner: &mut Scanner, input: &Input) -> Result<Outcome> {
    let bytes = input.bytes();
    if bytes.is_empty() {
        return Ok(Outcome::say(super::words().file_unreadable, Tone::Refused));
    }
    let before = crate::door_loop::status(scanner);
    let done = scanner.import_any(bytes)?;
    let text = done.text();
    let go = match &done {
        // A first bundle: on to the station; a newer one changes nothing on screen but the event.
        StaffImport::Bundle(_) if before == StaffStatus::NeedsBundle => Go::Start,
        // A newer bundle may drop a station whose room it no longer has.
        StaffImport::Bundle(_) if crate::door_loop::status(scanner) != before => Go::Start,
        _ => Go::Stay,
    };
    let tone = match &done {
        StaffImport::Log(s)
        | StaffImport::LogCode {
            merged: Some(s), ..
        } if !s.warnings.is_empty() => Tone::Attention,
        StaffImport::LogCode { merged: None, .. } => Tone::Plain,
        _ => Tone::Good,
    };
    Ok(Outcome::say(text, tone).then(go))
}

// --- station ---------------------------------------------------------------------------------

fn station_page(scanner: &Scanner, now: UnixMillis) -> Page {
    let mut page = Page::new(PageId::Station, station_title());
    let Some(event) = scanner.event() else {
        page.can_go_back = false;
        page.line(Text::new(
            "请先导入教务处发的扫码资料包。",
            "Import the scanner bundle from the 教务处 to start.",
        ));
        page.button(Action::open(import_bundle_label(), PageId::Import).primary());
        page.menu.push(switch_mode(Mode::Student));
        return page;
    };
    let station = scanner.station().cloned();
    page.can_go_back = station.is_some();
    page.heading(event.title.clone());
    if let Some(label) = crate::door_loop::station_label(scanner, now) {
        page.push(Block::Line {
            text: label.title,
            tone: Tone::Accent,
        });
    }
    page.line(Text::new(
        "本机负责哪个考场？做什么？",
        "Which room does this phone guard, and what does it do there?",
    ));
    for room in crate::room::rooms(event) {
        page.heading(Text::new(room.clone(), room.clone()));
        for role in [Role::Door, Role::Studio, Role::Both] {
            let on = station
                .as_ref()
                .is_some_and(|s| s.room == room && s.role == role);
            page.push(Block::Row {
                text: chosen(role.choice_label(), on),
                detail: None,
                tone: if on { Tone::Accent } else { Tone::Plain },
                action: Some(Action::new(
                    role.choice_label(),
                    Command::SetStation {
                        room: room.clone(),
                        role,
                    },
                )),
            });
        }
    }
    if let Some(st) = station.as_ref().filter(|s| s.role.numbers()) {
        page.heading(Text::new(
            "摄影编号字母（同一房间有多台摄影室手机时）",
            "Photo-number letter (several studio phones in one room)",
        ));
        for lane in std::iter::once(None).chain(LANES.iter().map(|&l| Some(l))) {
            let on = st.lane == lane;
            page.push(Block::Row {
                text: chosen(lane_label(lane), on),
                detail: None,
                tone: if on { Tone::Accent } else { Tone::Plain },
                action: Some(Action::new(lane_label(lane), Command::SetLane { lane })),
            });
        }
        page.push(check_code_toggle(st.check_code));
    }
    page.button(Action::open(import_bundle_label(), PageId::Import));
    page.menu.push(Action::open(logs_title(), PageId::Logs));
    page.menu.push(switch_mode(Mode::Student));
    page
}

fn check_code_toggle(on: bool) -> Block {
    Block::Toggle {
        text: Text::new("编号前先扫采集码", "Scan the 采集码 before numbering"),
        on,
        action: Action::new(
            Text::new("编号前先扫采集码", "Scan the 采集码 before numbering"),
            Command::SetCheckCode { on: !on },
        ),
    }
}

fn set_station(scanner: &mut Scanner, room: &str, role: Role) -> Result<Outcome> {
    let before = crate::door_loop::status(scanner);
    // A studio keeps its letter when only the role changes; a door has none.
    let lane = scanner
        .station()
        .filter(|s| s.room == room && role.numbers())
        .and_then(|s| s.lane);
    let setup = scanner.set_station(room, role, lane)?;
    if let Some(warning) = setup.warning {
        // Another studio phone numbers here with the same prefix: stay to choose a letter.
        return Ok(Outcome::say(warning, Tone::Attention));
    }
    let label = Text::new(
        format!("本机：{} · {}", setup.station.room, role.choice_label().zh),
        format!(
            "This phone: {} · {}",
            setup.station.room,
            role.choice_label().en
        ),
    );
    let go = if before == StaffStatus::Ready {
        Go::Back
    } else {
        Go::Start
    };
    Ok(Outcome::say(label, Tone::Good).then(go))
}

fn set_lane(scanner: &mut Scanner, lane: Option<char>) -> Result<Outcome> {
    let Some(st) = scanner.station().cloned() else {
        return Err(Error::told(
            Refusal::Invalid,
            "请先选择本机负责的考场",
            "choose the room this phone guards first",
        ));
    };
    let setup = scanner.set_station(&st.room, st.role, lane)?;
    Ok(match setup.warning {
        Some(w) => Outcome::say(w, Tone::Attention),
        None => Outcome::say(lane_label(setup.station.lane), Tone::Good),
    })
}

// --- the door --------------------------------------------------------------------------------

fn door_page(scanner: &mut Scanner, door: &mut DoorLoop, now: UnixMillis) -> Result<Page> {
    let screen = door.screen(scanner, now);
    if screen.status != StaffStatus::Ready {
        return Ok(needs_setup(screen.status));
    }
    let title = screen
        .station
        .as_ref()
        .map(|s| s.title.clone())
        .unwrap_or_else(station_title);
    let mut page = Page::new(PageId::Door, title);
    page.can_go_back = false;
    let awaiting = screen.card.as_ref().is_some_and(|c| c.awaiting_code);
    page.push(Block::Camera {
        scan: Scan::Door,
        hint: if awaiting {
            Text::new(
                "请学生出示学信网采集码，扫描它",
                "Ask for the student's 学信网 采集码 and scan it",
            )
        } else {
            Text::new("将相机对准签到码", "Point the camera at a pass")
        },
    });
    match &screen.card {
        Some(card) => draw_card(&mut page, card),
        None => {
            if let Some(n) = &screen.notice {
                page.push(Block::Line {
                    text: n.text.clone(),
                    tone: tone_of(n.colour),
                });
            }
        }
    }
    draw_batch_footer(&mut page, &screen);
    page.button(Action::open(typed_title(), PageId::TypedCheckIn));
    page.button(Action::open(history_title(), PageId::History));
    page.refresh_ms = screen
        .card
        .as_ref()
        .and_then(|c| c.until_ms)
        .map(|until| super::refresh_until(until, now));
    page.menu = door_menu(scanner, now);
    Ok(page)
}

/// The door page before the phone can scan: what it still needs, and the way there.
fn needs_setup(status: StaffStatus) -> Page {
    let mut page = Page::new(PageId::Door, Text::new("PhotoDay", "PhotoDay"));
    page.can_go_back = false;
    if status == StaffStatus::NeedsBundle {
        page.line(Text::new(
            "请先导入教务处发的扫码资料包。",
            "Import the scanner bundle from the 教务处 to start.",
        ));
        page.button(Action::open(import_bundle_label(), PageId::Import).primary());
    } else {
        page.line(Text::new(
            "请选择本机负责的考场。",
            "Choose the room this phone guards.",
        ));
        page.button(Action::open(station_title(), PageId::Station).primary());
    }
    page.button(Action::open(logs_title(), PageId::Logs));
    page.menu.push(switch_mode(Mode::Student));
    page
}

fn draw_card(page: &mut Page, card: &VerdictCard) {
    let o = &card.outcome;
    if let Some(w) = &o.clock_warning {
        page.push(Block::Line {
            text: w.clone(),
            tone: Tone::Attention,
        });
    }
    let mut lines = vec![o.detail.clone()];
    if let Some(who) = card.who() {
        lines.push(Text::new(who.clone(), who));
    }
    if let Some(b) = &card.batch_label {
        lines.push(b.clone());
    }
    if let Some(room) = &card.right_room {
        lines.push(Text::new(
            format!("请去：{}", room.zh),
            format!("Go to: {}", room.en),
        ));
    }
    if let Some(note) = &card.note {
        lines.push(note.clone());
    }
    let mut actions = Vec::new();
    if card.awaiting_code {
        actions.push(
            Action::new(
                Text::new("跳过（摄影师核对）", "Skip (photographer checks)"),
                Command::SkipCode,
            )
            .primary(),
        );
    }
    if card.can_override {
        actions.push(
            Action::new(Text::new("仍然放行", "Admit anyway"), Command::Override).needs(
                Needs::Text {
                    label: Text::new(
                        "原因（会随签到一起记录，并出现在教务处的报表中）",
                        "Reason (recorded with the admission; it appears in the 教务处's report)",
                    ),
                },
            ),
        );
    }
    if card.can_undo {
        actions.push(Action::new(
            Text::new("撤销本次签到", "Undo this admission"),
            Command::UndoShown,
        ));
    }
    if card.can_step_aside && card.student_no.is_some() {
        actions.push(Action::open(step_aside_title(), PageId::StepAside));
    }
    let next = if card.awaiting_code {
        Text::new("取消", "Cancel")
    } else {
        Text::new("下一位", "Next student")
    };
    let mut next = Action::new(next, Command::Dismiss);
    if !card.awaiting_code && !card.can_override {
        next = next.primary();
    }
    actions.push(next);
    page.push(Block::Card {
        tone: tone_of(o.colour),
        title: Some(o.headline.clone()),
        big: card.photo_no.clone(),
        lines,
        actions,
    });
    if let Some(qr) = &o.number_qr {
        if let Ok(code) = QrMatrix::encode(qr) {
            page.push(Block::Qr {
                code,
                caption: Some(Text::new(
                    "学生用手机扫此码保存摄影编号",
                    "Photo-number code for the student's app",
                )),
            });
        }
    }
}

/// The studio's open batch under the camera: its label, the numbers (voided ones marked), who
/// still waits, and the buttons that act on it.
fn draw_batch_footer(page: &mut Page, screen: &DoorScreen) {
    let (Some(batch), Some(label)) = (&screen.batch, &screen.batch_label) else {
        return;
    };
    page.push(Block::Card {
        tone: Tone::Accent,
        title: Some(label.clone()),
        big: None,
        lines: vec![photo_numbers(&batch.members), batch.waiting_line()],
        actions: vec![
            Action::open(step_aside_title(), PageId::StepAside),
            batch_shot_action(),
            Action::open(Text::new("摄影师名单", "Photo list"), PageId::Batch),
        ],
    });
}

/// The batch's numbers in order, a voided one (never reused) marked: `001 002(作废) 003`.
fn photo_numbers(members: &[BatchMember]) -> Text {
    let one = |m: &BatchMember, void: &str| {
        if m.status == NumberStatus::Voided {
            format!("{}{void}", m.photo_no)
        } else {
            m.photo_no.clone()
        }
    };
    let zh: Vec<String> = members.iter().map(|m| one(m, "（作废）")).collect();
    let en: Vec<String> = members.iter().map(|m| one(m, " (void)")).collect();
    Text::new(zh.join("  "), en.join("  "))
}

fn door_menu(scanner: &mut Scanner, now: UnixMillis) -> Vec<Action> {
    let mut menu = vec![Action::open(typed_title(), PageId::TypedCheckIn)];
    // This device's latest record that still stands, also after a restart (the core says why
    // when it is too old).
    let latest = scanner
        .history(now, HISTORY_LINES)
        .ok()
        .and_then(|h| h.into_iter().find(|e| !e.cancelled));
    if let Some(e) = latest {
        menu.push(
            Action::new(
                Text::new("撤销上一条签到", "Undo the last admission"),
                Command::Undo { seq: e.record_seq },
            )
            .danger(Text::new(
                format!("撤销：{}？", e.text.zh),
                format!("Undo: {}?", e.text.en),
            )),
        );
    }
    menu.extend([
        Action::open(history_title(), PageId::History),
        Action::open(batch_title(), PageId::Batch),
        Action::open(attendance_title(), PageId::Attendance),
        Action::open(logs_title(), PageId::Logs),
        Action::open(station_title(), PageId::Station),
        Action::open(settings_title(), PageId::DoorSettings),
        switch_mode(Mode::Student),
    ]);
    menu
}

/// The outcome of a door action: stay on the door page, with the verdict's sound when it showed
/// a new card.
fn shown(screen: DoorScreen) -> Outcome {
    Outcome {
        signal: screen.card.map(|c| c.signal),
        ..Outcome::default()
    }
}

/// The door loop's notice after an action, as a message (for actions taken from another page).
fn noticed(screen: &DoorScreen) -> Outcome {
    match &screen.notice {
        Some(n) => Outcome::say(n.text.clone(), tone_of(n.colour)),
        None => Outcome::default(),
    }
}

// --- typed check-in --------------------------------------------------------------------------

fn typed_page() -> Page {
    let mut page = Page::new(PageId::TypedCheckIn, typed_title());
    page.line(Text::new(
        "学生没带手机时使用：核对学生证后输入学号。",
        "For a student without their phone: check the student card, then type the number.",
    ));
    page.push(Block::Field {
        label: Text::new(
            "学号（可在后面空一格写备注）",
            "Student number (a note may follow after a space)",
        ),
        value: String::new(),
        numeric: false,
        submit: Action::new(Text::new("签到", "Check in"), Command::TypedNumber).primary(),
    });
    page
}

fn typed(scanner: &mut Scanner, door: &mut DoorLoop, input: &Input, now: UnixMillis) -> Outcome {
    let (number, note) = crate::door_loop::split_typed(input.text());
    if number.is_empty() {
        return Outcome::say(
            Text::new("请输入学号", "Type a student number"),
            Tone::Attention,
        );
    }
    let screen = door.typed(scanner, number, note, now);
    if screen.card.is_some() {
        // The verdict shows on the door page, under the camera.
        shown(screen).then(Go::Back)
    } else {
        noticed(&screen)
    }
}

// --- step aside ------------------------------------------------------------------------------

fn step_aside_page(scanner: &mut Scanner, door: &mut DoorLoop, now: UnixMillis) -> Result<Page> {
    let screen = door.screen(scanner, now);
    let mut page = Page::new(PageId::StepAside, step_aside_title());
    page.line(Text::new(
        "他的摄影编号作废（不再使用），回来后排到最后重新编号。",
        "Their photo number is voided (never reused); they are numbered again, at the end, when they return.",
    ));
    let on_card = screen
        .card
        .as_ref()
        .filter(|c| c.can_step_aside)
        .and_then(|c| c.aside_who());
    if let Some(who) = on_card {
        page.heading(Text::new(who.clone(), who));
        for r in AsideReason::ALL {
            let command = Command::StepAside {
                reason: r,
                student_no: None,
            };
            page.button(Action::new(r.text(), command));
        }
        return Ok(page);
    }
    // No one on the card: a waiting student of the session, named by photo or student number.
    let session = scanner
        .session_now(now)
        .or(screen.batch.as_ref().map(|b| b.session));
    let waiting: Vec<BatchMember> = match session {
        Some(s) => scanner
            .photo_list(s)?
            .into_iter()
            .filter(|m| m.status == NumberStatus::Waiting)
            .collect(),
        None => Vec::new(),
    };
    if waiting.is_empty() {
        page.line(Text::new(
            "本场次没有等待拍摄的学生。",
            "No one is waiting to be photographed in this session.",
        ));
        return Ok(page);
    }
    page.heading(Text::new("等待拍摄", "Waiting to be photographed"));
    for m in &waiting {
        let actions = AsideReason::ALL
            .into_iter()
            .map(|r| {
                let command = Command::StepAside {
                    reason: r,
                    student_no: Some(m.student_no),
                };
                Action::new(r.text(), command)
            })
            .collect();
        page.push(Block::Card {
            tone: Tone::Plain,
            title: Some(Text::new(m.who(), m.who())),
            big: None,
            lines: vec![m.line()],
            actions,
        });
    }
    Ok(page)
}

fn step_aside(
    scanner: &mut Scanner,
    door: &mut DoorLoop,
    reason: AsideReason,
    student_no: Option<u64>,
    now: UnixMillis,
) -> Result<Outcome> {
    let on_card = || {
        let card = door.screen(scanner, now).card;
        card.filter(|c| c.can_step_aside).and_then(|c| c.student_no)
    };
    let Some(no) = student_no.or_else(on_card) else {
        return Ok(Outcome::say(
            Text::new("没有可暂离的学生", "No student to step aside"),
            Tone::Attention,
        ));
    };
    let screen = door.step_aside(scanner, no, reason, None, now);
    Ok(noticed(&screen).then(Go::Back))
}

// --- batch -----------------------------------------------------------------------------------

fn batch_page(scanner: &mut Scanner, door: &mut DoorLoop, now: UnixMillis) -> Result<Page> {
    let screen = door.screen(scanner, now);
    let mut page = Page::new(PageId::Batch, batch_title());
    if screen.card.is_none() {
        if let Some(n) = &screen.notice {
            page.push(Block::Line {
                text: n.text.clone(),
                tone: tone_of(n.colour),
            });
        }
    }
    let open = screen.batch.as_ref().map(|b| b.number);
    if let (Some(batch), Some(label)) = (&screen.batch, &screen.batch_label) {
        page.heading(label.clone());
        page.line(batch.waiting_line());
        page.button(batch_shot_action());
        page.button(Action::open(step_aside_title(), PageId::StepAside));
    }
    let session = scanner
        .session_now(now)
        .or(screen.batch.as_ref().map(|b| b.session));
    let list = match session {
        Some(s) if scanner.station().is_some_and(|st| st.role.numbers()) => {
            scanner.photo_list(s)?
        }
        _ => Vec::new(),
    };
    if list.is_empty() {
        page.line(Text::new(
            "本机还没有编号记录。",
            "No one numbered yet on this phone.",
        ));
        return Ok(page);
    }
    page.heading(Text::new("摄影师名单", "Photo list"));
    for m in &list {
        let (zh, en, tone) = match m.status {
            NumberStatus::Voided => {
                let why = m.aside.map(AsideReason::text).unwrap_or_default();
                (
                    format!("（作废：{}）", why.zh),
                    format!(" (void: {})", why.en),
                    Tone::Plain,
                )
            }
            NumberStatus::Photographed => {
                ("（已拍摄）".into(), " (photographed)".into(), Tone::Good)
            }
            NumberStatus::Waiting if Some(m.batch) == open => {
                ("（本批）".into(), " (this batch)".into(), Tone::Accent)
            }
            NumberStatus::Waiting => (String::new(), String::new(), Tone::Plain),
        };
        let who = m.who();
        page.push(Block::Row {
            text: Text::new(format!("{who}{zh}"), format!("{who}{en}")),
            detail: Some(m.line()),
            tone,
            action: None,
        });
    }
    Ok(page)
}

// --- attendance ------------------------------------------------------------------------------

fn attendance_page(scanner: &mut Scanner, now: UnixMillis) -> Result<Page> {
    let mut page = Page::new(PageId::Attendance, attendance_title());
    let all = scanner.attendance()?;
    let mine = scanner.station_attendance(now).ok().map(|s| s.session);
    if let Some(s) = mine.and_then(|n| all.sessions.iter().find(|s| s.session == n)) {
        let mut lines = vec![s.summary()];
        lines.extend(s.classes.iter().map(|c| c.line()));
        page.push(Block::Card {
            tone: Tone::Accent,
            title: Some(s.heading()),
            big: None,
            lines,
            actions: vec![],
        });
        for c in &s.classes {
            if c.complete() {
                page.push(Block::Line {
                    text: c.line(),
                    tone: Tone::Good,
                });
            }
        }
        if !s.arrived_not_photographed.is_empty() {
            page.heading(s.arrived_not_photographed_title());
            for st in &s.arrived_not_photographed {
                page.line(Text::new(st.line(), st.line()));
            }
        }
        if !s.absentees.is_empty() {
            page.heading(s.absentees_title());
            for st in &s.absentees {
                page.line(Text::new(st.line(), st.line()));
            }
        }
    }
    for c in &all.clashes {
        page.push(Block::Line {
            text: c.advice(),
            tone: Tone::Refused,
        });
    }
    if !all.duplicates.is_empty() {
        page.heading(Text::new("重复拍摄", "Photographed twice"));
        for d in &all.duplicates {
            page.push(Block::Line {
                text: d.advice(),
                tone: Tone::Refused,
            });
        }
    }
    let others: Vec<_> = all
        .sessions
        .iter()
        .filter(|s| Some(s.session) != mine && (s.expected > 0 || s.arrived > 0))
        .collect();
    if !others.is_empty() {
        page.heading(Text::new("其他场次", "Other sessions"));
        for s in others {
            page.push(Block::Card {
                tone: Tone::Plain,
                title: Some(s.heading()),
                big: None,
                lines: vec![s.summary()],
                actions: vec![],
            });
        }
    }
    Ok(page)
}

// --- history ---------------------------------------------------------------------------------

fn history_page(scanner: &mut Scanner, now: UnixMillis) -> Result<Page> {
    let mut page = Page::new(PageId::History, history_title());
    let entries = scanner.history(now, HISTORY_LINES)?;
    if entries.is_empty() {
        page.line(Text::new(
            "本机还没有签到记录。",
            "Nothing recorded on this phone yet.",
        ));
    }
    let mut undoable_until: Option<UnixMillis> = None;
    for e in entries {
        let action = e.can_undo.then(|| {
            let until = e.at_ms + crate::scanner::UNDO_WINDOW_MS;
            undoable_until = Some(undoable_until.map_or(until, |u| u.min(until)));
            Action::new(
                Text::new("撤销", "Undo"),
                Command::Undo { seq: e.record_seq },
            )
            .danger(Text::new(
                format!("撤销：{}？", e.text.zh),
                format!("Undo: {}?", e.text.en),
            ))
        });
        page.push(Block::Row {
            text: e.text,
            detail: None,
            tone: if e.cancelled { Tone::Plain } else { Tone::Good },
            action,
        });
    }
    // An undo button goes when its five minutes are up.
    page.refresh_ms = undoable_until.map(|u| super::refresh_until(u + 1, now));
    Ok(page)
}

// --- logs ------------------------------------------------------------------------------------

fn logs_page(scanner: &mut Scanner) -> Result<Page> {
    let mut page = Page::new(PageId::Logs, logs_title());
    page.line(Text::new(
        "无需网络，把本机记录交给另一台手机或教务处：用二维码或文件均可。记录包含本机的全部记录，包括从其他手机合并来的。",
        "Pass this phone's records to another phone or to the 教务处, with no network: as QR codes or as a file. The log holds every record this phone has, its own and those merged from others.",
    ));
    let has_bundle = scanner.bundle().is_some();
    if has_bundle {
        page.heading(Text::new("发送本机记录", "Send this phone's log"));
        page.button(Action::open(
            Text::new("显示为二维码", "Show as QR codes"),
            PageId::LogQrShow,
        ));
        page.button(Action::new(
            Text::new("导出为文件", "Export to a file"),
            Command::ExportLog,
        ));
        page.heading(Text::new(
            "合并另一台手机的记录",
            "Merge another phone's log",
        ));
        page.button(Action::open(
            Text::new("扫描另一台手机的二维码", "Scan another phone's QR codes"),
            PageId::LogQrReceive,
        ));
    }
    page.button(
        Action::new(
            Text::new("导入记录文件", "Import a log file"),
            Command::Import,
        )
        .needs(Needs::File),
    );
    if has_bundle {
        for k in scanner.kept_aside()? {
            page.push(Block::Line {
                text: k.text(),
                tone: Tone::Attention,
            });
        }
    }
    page.button(
        Action::new(
            Text::new("删除本机活动数据", "Delete this phone's event data"),
            Command::PurgeStaff,
        )
        .danger(Text::new(
            "删除名单、资料包和签到记录。须先导出本机记录。",
            "Deletes the roster, the bundle and the records. Only possible once this phone's records have been exported.",
        )),
    );
    Ok(page)
}

/// The time the log's QR codes are stamped with: the latest record's, so the same records give
/// the same codes however often the page is asked for (the codes cycle on the screen while
/// another phone reads them in any order).
fn log_stamp(scanner: &mut Scanner) -> Result<UnixMillis> {
    Ok(scanner
        .records()?
        .iter()
        .map(|r| r.at_ms)
        .max()
        .unwrap_or(0))
}

/// Which log QR code shows at `now`: the held one, or the one the cycle has reached.
fn log_qr_index(door: &DoorLoop, total: usize, now: UnixMillis) -> usize {
    let at = door
        .log_qr_held()
        .unwrap_or_else(|| now.div_euclid(i64::from(log::LOG_QR_FRAME_MS)));
    at.rem_euclid(total.max(1) as i64) as usize
}

fn log_qr_show_page(scanner: &mut Scanner, door: &DoorLoop, now: UnixMillis) -> Result<Page> {
    let mut page = Page::new(PageId::LogQrShow, logs_title());
    page.bright = true;
    let stamp = log_stamp(scanner)?;
    let texts = scanner.export_log_qr(stamp)?;
    let i = log_qr_index(door, texts.len(), now);
    if let Some(text) = texts.get(i) {
        let counter = log::qr_counter(i as u32 + 1, texts.len() as u32);
        page.push(Block::Qr {
            code: QrMatrix::encode(text)?,
            caption: Some(counter.clone()),
        });
        page.heading(counter);
    }
    page.line(Text::new(
        "把另一台手机对准此屏幕（签到记录 → 扫描另一台手机的二维码），直到它显示全部接收完毕。顺序不限。",
        "Hold the other phone over this screen (Logs → Scan another phone's QR codes) until it says every code has arrived. Any order works.",
    ));
    page.button(
        Action::new(
            Text::new("对方手机已全部收到", "The other phone has them all"),
            Command::ConfirmLogShown,
        )
        .primary(),
    );
    if door.log_qr_held().is_some() {
        page.button(Action::new(
            Text::new("上一张", "Previous code"),
            Command::LogQrStep { step: -1 },
        ));
        page.button(Action::new(
            Text::new("下一张", "Next code"),
            Command::LogQrStep { step: 1 },
        ));
        page.button(Action::new(
            Text::new("继续自动轮播", "Cycle again"),
            Command::LogQrPlay,
        ));
    } else {
        page.button(Action::new(
            Text::new("暂停在这一张", "Pause on this code"),
            Command::LogQrStep { step: 0 },
        ));
        page.refresh_ms = Some(log::LOG_QR_FRAME_MS);
    }
    page.button(Action::new(Text::new("停止", "Stop"), Command::Back));
    Ok(page)
}

fn log_qr_receive_page(scanner: &Scanner) -> Page {
    let mut page = Page::new(
        PageId::LogQrReceive,
        Text::new("接收记录二维码", "Receive log codes"),
    );
    page.push(Block::Camera {
        scan: Scan::LogQr,
        hint: Text::new(
            "将相机对准另一台手机上的二维码。",
            "Point the camera at the other phone's codes.",
        ),
    });
    let p = scanner.log_qr_progress();
    if p.total > 0 {
        page.push(Block::Progress {
            fraction: p.received as f32 / p.total as f32,
            text: p.line(),
        });
        page.button(Action::new(
            Text::new(
                "放弃，接收另一台手机的记录",
                "Start over with another phone",
            ),
            Command::AbandonLogQr,
        ));
    } else {
        page.line(Text::new(
            "等待第一张码。收完一台手机后相机继续开着：下一台手机的码开始下一次接收。",
            "Waiting for the first code. After one phone the camera stays on: the next phone's codes start the next transfer.",
        ));
    }
    page
}

fn receive_log_code(scanner: &mut Scanner, text: &str) -> Outcome {
    let before = scanner.log_qr_progress();
    match scanner.receive_log_qr(text) {
        Ok((progress, Some(merged))) => {
            let done = StaffImport::LogCode {
                progress,
                merged: Some(merged),
            };
            Outcome::say(done.text(), Tone::Good)
        }
        Ok((progress, None)) => {
            if progress.already_merged || progress == before {
                Outcome::go(Go::Unchanged)
            } else {
                Outcome::default()
            }
        }
        Err(e) => failed(&e).then(Go::Unchanged),
    }
}

fn purge(scanner: &mut Scanner, door: &mut DoorLoop, now: UnixMillis) -> Result<Outcome> {
    scanner.purge()?;
    door.dismiss(scanner, now);
    Ok(Outcome::say(
        Text::new(
            "已从本机删除活动数据。",
            "Event data deleted from this phone.",
        ),
        Tone::Good,
    )
    .then(Go::Start))
}

// --- settings --------------------------------------------------------------------------------

fn settings_page(scanner: &Scanner) -> Page {
    let mut page = Page::new(PageId::DoorSettings, settings_title());
    page.button(Action::open(
        Text::new("更改签到点", "Change station"),
        PageId::Station,
    ));
    page.button(Action::open(
        Text::new("导入更新的资料包", "Import a newer bundle"),
        PageId::Import,
    ));
    if let Some(st) = scanner.station().filter(|s| s.role.numbers()) {
        page.push(check_code_toggle(st.check_code));
    }
    let t = scanner.tolerance();
    page.heading(Text::new("时段前后", "Around the session's windows"));
    tolerance_row(
        &mut page,
        Text::new(
            format!("最多提前 {} 分钟放行", t.early_minutes),
            format!("Admit up to {} min early", t.early_minutes),
        ),
        t,
        |t, m| Tolerance {
            early_minutes: m,
            ..t
        },
        t.early_minutes,
    );
    tolerance_row(
        &mut page,
        Text::new(
            format!("最多迟到 {} 分钟放行", t.late_minutes),
            format!("Admit up to {} min late", t.late_minutes),
        ),
        t,
        |t, m| Tolerance {
            late_minutes: m,
            ..t
        },
        t.late_minutes,
    );
    page.heading(Text::new("本机", "This device"));
    let id = scanner.device_id().to_string();
    page.line(Text::new(format!("设备：{id}"), format!("Device: {id}")));
    if let Some(b) = scanner.bundle() {
        let fp = crate::bundle::signer_fingerprint(b);
        page.line(Text::new(
            format!("活动密钥指纹：{fp}"),
            format!("Event key: {fp}"),
        ));
    }
    let version = env!("CARGO_PKG_VERSION");
    page.line(Text::new(
        format!("核心版本：{version}"),
        format!("Core version: {version}"),
    ));
    page.button(switch_mode(Mode::Student));
    page
}

/// One tolerance as a line with a button each way, in the settings' steps.
fn tolerance_row(
    page: &mut Page,
    text: Text,
    t: Tolerance,
    with: impl Fn(Tolerance, u32) -> Tolerance,
    minutes: u32,
) {
    let set = |t: Tolerance| Command::SetTolerance {
        early_minutes: t.early_minutes,
        late_minutes: t.late_minutes,
    };
    let less = minutes.saturating_sub(TOLERANCE_STEP);
    let more = (minutes + TOLERANCE_STEP).min(TOLERANCE_MAX);
    page.push(Block::Card {
        tone: Tone::Plain,
        title: None,
        big: None,
        lines: vec![text],
        actions: vec![
            Action::new(
                Text::new(
                    format!("− {TOLERANCE_STEP} 分钟"),
                    format!("− {TOLERANCE_STEP} min"),
                ),
                set(with(t, less)),
            ),
            Action::new(
                Text::new(
                    format!("+ {TOLERANCE_STEP} 分钟"),
                    format!("+ {TOLERANCE_STEP} min"),
                ),
                set(with(t, more)),
            ),
        ],
    });
}

// --- perform ---------------------------------------------------------------------------------

/// Performs a staff command with what the platform gathered. Failures come back as a red
/// message, never as an error.
pub fn perform(
    scanner: &mut Scanner,
    door: &mut DoorLoop,
    command: &Command,
    input: &Input,
    now: UnixMillis,
) -> Outcome {
    if *command == Command::Open(PageId::LogQrShow) {
        door.hold_log_qr(None); // a new showing starts cycling
    }
    if let Some(done) = navigate(command) {
        return done;
    }
    match run(scanner, door, command, input, now) {
        Ok(done) => done,
        Err(e) => failed(&e),
    }
}

fn run(
    scanner: &mut Scanner,
    door: &mut DoorLoop,
    command: &Command,
    input: &Input,
    now: UnixMillis,
) -> Result<Outcome> {
    Ok(match command {
        Command::Import => import(scanner, input)?,
        Command::SetStation { room, role } => set_station(scanner, room, *role)?,
        Command::SetLane { lane } => set_lane(scanner, *lane)?,
        Command::SetCheckCode { on } => {
            let st = scanner.set_check_code(*on)?;
            let text = if st.check_code {
                Text::new("编号前先扫采集码", "The 采集码 is scanned before numbering")
            } else {
                Text::new(
                    "不扫采集码，直接编号（摄影师核对）",
                    "Numbering without the 采集码 (the photographer checks it)",
                )
            };
            Outcome::say(text, Tone::Good)
        }
        Command::SetTolerance {
            early_minutes,
            late_minutes,
        } => {
            scanner.set_tolerance(Tolerance {
                early_minutes: (*early_minutes).min(TOLERANCE_MAX),
                late_minutes: (*late_minutes).min(TOLERANCE_MAX),
            })?;
            Outcome::default()
        }
        Command::Scanned(Scan::Door) => match door.frame(scanner, input.text(), now) {
            None => Outcome::go(Go::Unchanged),
            Some(screen) => shown(screen),
        },
        Command::Scanned(Scan::LogQr) => receive_log_code(scanner, input.text()),
        Command::TypedNumber => typed(scanner, door, input, now),
        Command::Override => {
            if input.text().trim().is_empty() {
                return Ok(Outcome::say(
                    Text::new("请填写放行的原因", "Give a reason to admit"),
                    Tone::Attention,
                ));
            }
            shown(door.override_shown(scanner, input.text(), now))
        }
        Command::UndoShown => {
            door.undo_shown(scanner, now);
            Outcome::default()
        }
        Command::Undo { seq } => noticed(&door.undo_record(scanner, *seq, now)),
        Command::Dismiss => {
            door.dismiss(scanner, now);
            Outcome::default()
        }
        Command::SkipCode => shown(door.skip_code(scanner, now)),
        Command::StepAside { reason, student_no } => {
            step_aside(scanner, door, *reason, *student_no, now)?
        }
        Command::CloseBatch => noticed(&door.close_batch(scanner, now)),
        Command::ExportLog => {
            let bytes = scanner.export_log(now)?;
            let name = log::file_name(scanner.device_id());
            Outcome {
                file: Some(super::FileOut {
                    name,
                    bytes,
                    saved: Some(Command::LogSaved),
                }),
                ..Outcome::go(Go::Unchanged)
            }
        }
        Command::LogSaved => {
            let n = scanner.confirm_log_exported()?;
            Outcome::say(
                Text::new(
                    format!("文件已保存：本机 {n} 条记录已导出"),
                    format!("File saved: {n} of this phone's records exported"),
                ),
                Tone::Good,
            )
        }
        Command::ConfirmLogShown => {
            let n = scanner.confirm_log_exported()?;
            Outcome::say(
                Text::new(
                    format!("已确认导出：本机 {n} 条记录"),
                    format!("Export confirmed: {n} of this phone's records"),
                ),
                Tone::Good,
            )
            .then(Go::Back)
        }
        Command::LogQrStep { step } => {
            let stamp = log_stamp(scanner)?;
            let total = scanner.export_log_qr(stamp)?.len();
            let at = log_qr_index(door, total, now) as i64;
            door.hold_log_qr(Some(at + i64::from(*step)));
            Outcome::default()
        }
        Command::LogQrPlay => {
            door.hold_log_qr(None);
            Outcome::default()
        }
        Command::AbandonLogQr => {
            let n = scanner.abandon_log_qr();
            Outcome::say(
                Text::new(
                    format!("已放弃 {n} 张码，可以扫另一台手机了"),
                    format!("Dropped {n} code(s); scan the other phone now"),
                ),
                Tone::Plain,
            )
        }
        Command::PurgeStaff => purge(scanner, door, now)?,
        Command::Scanned(Scan::Pass | Scan::PhotoNumber)
        | Command::ChooseMode(_)
        | Command::SetStudentNo
        | Command::SaveCollectionCode
        | Command::CheckCollectionCode
        | Command::Tick { .. }
        | Command::ShotDone { .. }
        | Command::PurgeStudent
        | Command::Open(_)
        | Command::Back => Outcome::go(Go::Unchanged),
    })
}
