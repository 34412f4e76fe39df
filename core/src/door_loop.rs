//! The door loop: camera frames, typed lines and taps in; what the staff screen shows, and until
//! when, out.
//!
//! A camera decodes the same pass many times a second, staff glance for half a second, and a
//! verdict must neither vanish before it is read nor block the queue. Those rules — which frames
//! reach the judge, how long each verdict stays, what an override re-judges, what a typed line
//! means, when to beep — are the same on Android, iOS and the laptop, so they live here once
//! (DESIGN §4). An app feeds [`DoorLoop::frame`] from its camera, [`DoorLoop::typed`] from a text
//! field or a USB scanner, the taps from its buttons and [`DoorLoop::tick`] from a timer, and
//! draws the [`DoorScreen`] it gets back.
//!
//! The loop holds only what is on screen; everything recorded goes through the [`Scanner`], so a
//! killed app loses nothing it showed.

use crate::door::{Colour, Verdict};
use crate::error::Result;
use crate::log::AsideReason;
use crate::roster;
use crate::scanner::{Batch, Role, ScanOutcome, Scanner};
use crate::text::Text;
use crate::time::UnixMillis;

/// How the loop paces the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoopTiming {
    /// A text out of the camera's view this long counts as a new sighting.
    pub debounce_ms: i64,
    /// How long a green verdict stays.
    pub admitted_ms: i64,
    /// How long an amber or red verdict stays (overridable ones wait for staff).
    pub attention_ms: i64,
    /// How long a new 摄影编号 stays: the student scans its small QR to keep their number.
    pub numbered_ms: i64,
}

impl Default for LoopTiming {
    fn default() -> Self {
        LoopTiming {
            debounce_ms: 2_000,
            admitted_ms: 2_500,
            attention_ms: 6_000,
            numbered_ms: 10_000,
        }
    }
}

/// Which sound and vibration go with what is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    /// A short high beep: go in.
    Admitted,
    /// Two beeps: stop and look.
    Attention,
    /// A long low tone: refused.
    Refused,
    /// Nothing: shown again (already signalled), or no verdict.
    Silent,
}

/// What a staff device still needs before it scans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StaffStatus {
    /// Import the scanner bundle from the 教务处.
    NeedsBundle,
    /// Choose the room this device guards and its role.
    NeedsStation,
    /// Ready to scan.
    Ready,
}

/// The station as the scan screen's top bar shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StationLabel {
    /// The room (`一教209`).
    pub room: String,
    /// Door, studio or both.
    pub role: Role,
    /// Photo-number letter when several studio phones number in the room.
    pub lane: Option<char>,
    /// The studio asks for the 采集码 before numbering.
    pub check_code: bool,
    /// The college the room is running now (it follows the clock), if any.
    pub college: Option<Text>,
    /// That session's windows, each `09:30–12:00`.
    pub windows: Vec<String>,
    /// One line for the top bar: `一教209 · 摄影室 · 国际学院 · 14:30–16:30`.
    pub title: Text,
}

/// A verdict on screen, with what the buttons may do.
#[derive(Debug, Clone, PartialEq)]
pub struct VerdictCard {
    /// The core's verdict with its colour, headline and detail.
    pub outcome: ScanOutcome,
    /// The student number the verdict is about, when the pass proves it.
    pub student_no: Option<u64>,
    /// Their name from the roster, when the bundle has names.
    pub name: Option<String>,
    /// The 摄影编号 drawn huge (given now, or held already).
    pub photo_no: Option<String>,
    /// Its batch.
    pub batch: Option<u32>,
    /// The line under the big number: `第1批` / `Batch 1`.
    pub batch_label: Option<Text>,
    /// Studio: the "step aside" button applies (numbered now, or waiting on the 采集码).
    pub can_step_aside: bool,
    /// The room to send the student to (wrong session).
    pub right_room: Option<Text>,
    /// Studio: the pass was good; now the 采集码 (scan it, or skip the check).
    pub awaiting_code: bool,
    /// The override button: admits over this verdict with a reason.
    pub can_override: bool,
    /// The undo button: cancels what this verdict recorded.
    pub can_undo: bool,
    /// The sound to make now.
    pub signal: Signal,
    /// A line over the card: "shown again: nothing new recorded" for a repeat.
    pub note: Option<Text>,
    /// When the screen goes back to scanning by itself (Unix ms); `None` waits for staff.
    pub until_ms: Option<UnixMillis>,
    /// Counts verdicts shown, so an app signals each one once.
    pub serial: u64,
}

impl VerdictCard {
    /// Who the card is about, on one line: `张三 · 202001001001` (the number alone without names).
    pub fn who(&self) -> Option<String> {
        let no = self.student_no?.to_string();
        Some(match &self.name {
            Some(name) if !name.is_empty() => format!("{name} · {no}"),
            _ => no,
        })
    }

    /// The card's student as the step-aside list names them (`003  张三  202001001003`, as
    /// [`crate::scanner::BatchMember::who`]; without a number while the 采集码 is awaited).
    pub fn aside_who(&self) -> Option<String> {
        Some(crate::scanner::who_line(
            self.photo_no.as_deref().unwrap_or(""),
            self.name.as_deref(),
            self.student_no?,
        ))
    }
}

/// A line on the scanning screen after an action that shows no verdict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScanNotice {
    /// Green for done, amber for "look", red for failed.
    pub colour: Colour,
    /// What happened, in both languages.
    pub text: Text,
}

/// Everything the staff scan screen draws.
#[derive(Debug, Clone, PartialEq)]
pub struct DoorScreen {
    /// Whether the device can scan yet.
    pub status: StaffStatus,
    /// The station, once set up.
    pub station: Option<StationLabel>,
    /// The verdict on screen; `None` while scanning.
    pub card: Option<VerdictCard>,
    /// The studio's open batch (none on a door phone or before the first number).
    pub batch: Option<Batch>,
    /// The batch's label, `第5批 · 6/8`.
    pub batch_label: Option<Text>,
    /// A notice to show while scanning (undone, stepped aside, batch closed, failed…).
    pub notice: Option<ScanNotice>,
}

/// What an override would re-judge: the pass or typed number behind the card on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Source {
    Pass(String),
    Number {
        student_no: u64,
        note: Option<String>,
    },
}

/// The loop's state: what is on screen and the last text the camera saw.
#[derive(Debug, Default)]
pub struct DoorLoop {
    timing: LoopTiming,
    seen: Option<(String, UnixMillis)>,
    card: Option<VerdictCard>,
    source: Option<Source>,
    notice: Option<ScanNotice>,
    serial: u64,
    /// The last card shown for a camera frame, to show again for the same pass.
    last_shown: Option<(String, VerdictCard)>,
    /// The log QR code held on screen (paused, or stepped to by hand), counted from the first;
    /// `None` while the codes cycle by themselves.
    log_qr_held: Option<i64>,
}

/// The same pass again within this long after it left the camera's view is "shown again".
const REPEAT_MS: i64 = 5_000;

impl DoorLoop {
    /// The log QR code held on screen, if the sequence is paused (see [`DoorLoop::hold_log_qr`]).
    pub fn log_qr_held(&self) -> Option<i64> {
        self.log_qr_held
    }

    /// Holds the log QR sequence at code `index` (any integer: the page wraps it), or lets it
    /// cycle again with `None`. Staff pause it when the other phone's camera is slow.
    pub fn hold_log_qr(&mut self, index: Option<i64>) {
        self.log_qr_held = index;
    }

    /// A loop with the default timing.
    pub fn new() -> Self {
        Self::with_timing(LoopTiming::default())
    }

    /// A loop with its own timing (tests, a laptop with a USB scanner).
    pub fn with_timing(timing: LoopTiming) -> Self {
        DoorLoop {
            timing,
            ..Default::default()
        }
    }

    /// The screen now: the station relabelled by the clock (a room changes college at 14:30),
    /// the open batch, the card if it has not timed out.
    pub fn screen(&mut self, scanner: &mut Scanner, now: UnixMillis) -> DoorScreen {
        self.expire(now);
        let status = status(scanner);
        let station = station_label(scanner, now);
        let batch = if status == StaffStatus::Ready {
            scanner.current_batch(now).ok().flatten()
        } else {
            None
        };
        DoorScreen {
            status,
            station,
            card: self.card.clone(),
            batch_label: batch.as_ref().map(Batch::label),
            batch,
            notice: if self.card.is_none() {
                self.notice.clone()
            } else {
                None
            },
        }
    }

    /// A text the camera decoded. `None` when the frame changes nothing (the same pass still in
    /// view, or a verdict showing that staff must read first); otherwise the new screen.
    pub fn frame(
        &mut self,
        scanner: &mut Scanner,
        text: &str,
        now: UnixMillis,
    ) -> Option<DoorScreen> {
        let text = text.trim();
        self.expire(now);
        let since = match &self.seen {
            Some((t, at)) if t == text => Some(now - *at),
            _ => None,
        };
        let waiting_code = self.card.as_ref().is_some_and(|c| c.awaiting_code);
        if self.card.is_some() && !waiting_code {
            // Staff are reading a card. The pass it is about stays "in view" while the camera
            // sees it, so it is not judged again the moment the card goes; the next student's
            // pass is left unseen, so it is judged as soon as the card goes.
            if since.is_some() {
                self.seen = Some((text.to_string(), now));
            }
            return None;
        }
        self.seen = Some((text.to_string(), now));
        if since.is_some_and(|gap| gap <= self.timing.debounce_ms)
            || status(scanner) != StaffStatus::Ready
        {
            return None;
        }
        // Taken away and shown again within seconds: the same card again, silently, nothing
        // recorded (not an amber "already checked in" for a student who just went in).
        if since.is_some_and(|gap| gap <= REPEAT_MS) {
            if let Some((_, mut card)) = self.last_shown.clone().filter(|(t, _)| t == text) {
                card.outcome.repeat = true;
                card.signal = Signal::Silent;
                card.note = Some(shown_again());
                card.until_ms = card.until_ms.map(|_| now + self.timing.admitted_ms);
                self.serial += 1;
                card.serial = self.serial;
                self.card = Some(card);
                return Some(self.screen(scanner, now));
            }
        }
        let result = scanner.scan(text, now);
        // The 采集码 that numbers a student is not what an override would re-judge: their pass is.
        let keep_source = waiting_code;
        self.show(
            result,
            (!keep_source).then(|| Source::Pass(text.to_string())),
            now,
        );
        self.last_shown = self
            .card
            .clone()
            .filter(|c| !c.awaiting_code)
            .map(|c| (text.to_string(), c));
        Some(self.screen(scanner, now))
    }

    /// A line typed by staff or sent by a USB scanner: a student number (full-width digits and
    /// spaces are fine) checks the student in by hand with the optional `note`; anything longer
    /// is judged as a scanned pass.
    pub fn typed(
        &mut self,
        scanner: &mut Scanner,
        line: &str,
        note: Option<&str>,
        now: UnixMillis,
    ) -> DoorScreen {
        let line = line.trim();
        self.expire(now);
        if looks_like_number(line) {
            match roster::parse_student_no(line) {
                Ok(no) => {
                    let note = note
                        .map(str::trim)
                        .filter(|n| !n.is_empty())
                        .map(String::from);
                    let result = scanner.check_in_by_number(no, note.as_deref(), None, now);
                    self.show(
                        result,
                        Some(Source::Number {
                            student_no: no,
                            note,
                        }),
                        now,
                    );
                }
                Err(_) => self.note(
                    Colour::Amber,
                    Text::new(
                        format!("“{line}” 不是学号；请输入 1–14 位数字"),
                        format!("“{line}” is not a student number; type 1–14 digits"),
                    ),
                ),
            }
            return self.screen(scanner, now);
        }
        if line.is_empty() {
            return self.screen(scanner, now);
        }
        self.seen = Some((line.to_string(), now));
        let result = scanner.scan(line, now);
        let waiting_code = self.card.as_ref().is_some_and(|c| c.awaiting_code);
        self.show(
            result,
            (!waiting_code).then(|| Source::Pass(line.to_string())),
            now,
        );
        self.screen(scanner, now)
    }

    /// Admits over the overridable verdict on screen with staff's `reason`: the same pass or
    /// typed number is judged again with the reason recorded. Nothing happens when the card on
    /// screen is not overridable.
    pub fn override_shown(
        &mut self,
        scanner: &mut Scanner,
        reason: &str,
        now: UnixMillis,
    ) -> DoorScreen {
        self.expire(now);
        // No reason yet (an empty field): nothing happens, the card stays for staff to write one.
        if reason.trim().is_empty() || !self.card.as_ref().is_some_and(|c| c.can_override) {
            return self.screen(scanner, now);
        }
        let result = match self.source.clone() {
            Some(Source::Pass(text)) => scanner.override_pass(&text, reason, now),
            Some(Source::Number { student_no, note }) => {
                scanner.check_in_by_number(student_no, note.as_deref(), Some(reason), now)
            }
            None => return self.screen(scanner, now),
        };
        let source = self.source.clone();
        self.show(result, source, now);
        self.screen(scanner, now)
    }

    /// Undoes what the card on screen recorded (within the core's 5 minutes).
    pub fn undo_shown(&mut self, scanner: &mut Scanner, now: UnixMillis) -> DoorScreen {
        let seq = self
            .card
            .as_ref()
            .filter(|c| c.can_undo)
            .and_then(|c| c.outcome.record_seq);
        if let Some(seq) = seq {
            let r = scanner.undo(seq, now);
            self.after_undo(r);
        }
        self.screen(scanner, now)
    }

    /// Undoes one of this device's records by its number (a line of [`Scanner::history`]); the
    /// outcome, or why it cannot be undone, shows as a notice.
    pub fn undo_record(
        &mut self,
        scanner: &mut Scanner,
        record_seq: u64,
        now: UnixMillis,
    ) -> DoorScreen {
        let r = scanner.undo(record_seq, now);
        self.after_undo(r);
        self.screen(scanner, now)
    }

    /// Undoes this device's latest check-in, number or step-aside, also after a restart.
    pub fn undo_last(&mut self, scanner: &mut Scanner, now: UnixMillis) -> DoorScreen {
        let r = scanner.undo_last(now);
        self.after_undo(r);
        self.screen(scanner, now)
    }

    /// Staff tapped the card away. A student waiting on the 采集码 check is let go too: nothing
    /// was recorded, and their next scan starts over.
    pub fn dismiss(&mut self, scanner: &mut Scanner, now: UnixMillis) -> DoorScreen {
        if self.card.take().is_some() {
            scanner.cancel_code_check();
        }
        self.notice = None;
        self.screen(scanner, now)
    }

    /// Studio: numbers the student waiting on the 采集码 check without it (the photographer checks
    /// the code instead).
    pub fn skip_code(&mut self, scanner: &mut Scanner, now: UnixMillis) -> DoorScreen {
        if self.card.as_ref().is_some_and(|c| c.awaiting_code) {
            let result = scanner.skip_code_check(now);
            let source = self.source.clone();
            self.show(result, source, now);
        }
        self.screen(scanner, now)
    }

    /// Studio: steps a student aside (their number is voided, never reused).
    pub fn step_aside(
        &mut self,
        scanner: &mut Scanner,
        student_no: u64,
        reason: AsideReason,
        note: Option<&str>,
        now: UnixMillis,
    ) -> DoorScreen {
        let note = note.map(str::trim).filter(|n| !n.is_empty());
        let notice = match scanner.step_aside(student_no, reason, note, now) {
            Ok(a) => {
                let no = student_no;
                let text = match &a.photo_no {
                    Some(p) => Text::new(
                        format!("{no} 暂离：{p} 号作废（不再使用），回来后重新编号"),
                        format!("{no} stepped aside: no. {p} is void (never reused); renumbered on return"),
                    ),
                    None => Text::new(
                        format!("{no} 暂离，回来后再编号"),
                        format!("{no} stepped aside; numbered on return"),
                    ),
                };
                ScanNotice {
                    colour: Colour::Amber,
                    text,
                }
            }
            Err(e) => failed(&e),
        };
        self.card = None;
        self.notice = Some(notice);
        self.screen(scanner, now)
    }

    /// Studio: the open batch was shot; its standing students are recorded photographed.
    pub fn close_batch(&mut self, scanner: &mut Scanner, now: UnixMillis) -> DoorScreen {
        let notice = match scanner.close_batch(now) {
            Ok(c) => {
                let label = c.batch.label();
                ScanNotice {
                    colour: Colour::Green,
                    text: Text::new(
                        format!("{} 已拍完：{} 人记为已拍摄", label.zh, c.photographed),
                        format!(
                            "{} shot: {} recorded photographed",
                            label.en, c.photographed
                        ),
                    ),
                }
            }
            Err(e) => failed(&e),
        };
        self.card = None;
        self.notice = Some(notice);
        self.screen(scanner, now)
    }

    /// Goes back to scanning when the card's time is up. `Some` when the screen changed: call it
    /// from a timer at `VerdictCard::until_ms`.
    pub fn tick(&mut self, scanner: &mut Scanner, now: UnixMillis) -> Option<DoorScreen> {
        let had = self.card.is_some();
        self.expire(now);
        (had && self.card.is_none()).then(|| self.screen(scanner, now))
    }

    fn expire(&mut self, now: UnixMillis) {
        if self
            .card
            .as_ref()
            .and_then(|c| c.until_ms)
            .is_some_and(|until| now >= until)
        {
            self.card = None;
            self.notice = None;
        }
    }

    fn note(&mut self, colour: Colour, text: Text) {
        self.card = None;
        self.notice = Some(ScanNotice { colour, text });
    }

    fn after_undo(&mut self, r: Result<crate::scanner::UndoOutcome>) {
        let notice = match r {
            Ok(u) => {
                let no = u.student_no;
                let text = match (&u.photo_no, u.undone.as_str()) {
                    (Some(p), _) => Text::new(
                        format!("已撤销 {no} 的编号 {p}（该号作废，不再使用）"),
                        format!("Undone: {no}'s photo no. {p} (void, never reused)"),
                    ),
                    (None, "step_aside") => Text::new(
                        format!("已撤销 {no} 的暂离"),
                        format!("Undone: {no}'s step-aside"),
                    ),
                    _ => Text::new(
                        format!("已撤销 {no} 的签到"),
                        format!("Undone: {no}'s check-in"),
                    ),
                };
                ScanNotice {
                    colour: Colour::Green,
                    text,
                }
            }
            Err(e) => failed(&e),
        };
        self.card = None;
        self.notice = Some(notice);
    }

    fn show(&mut self, result: Result<ScanOutcome>, source: Option<Source>, now: UnixMillis) {
        let outcome = match result {
            Ok(o) => o,
            Err(e) => {
                let n = failed(&e);
                self.note(n.colour, n.text);
                return;
            }
        };
        if source.is_some() {
            self.source = source;
        }
        let awaiting_code = matches!(outcome.verdict, Verdict::ShowCollectionCode { .. });
        let numbered = matches!(outcome.verdict, Verdict::Numbered { .. });
        let until_ms = if awaiting_code || outcome.overridable {
            None
        } else if numbered && outcome.number_qr.is_some() {
            Some(now + self.timing.numbered_ms)
        } else if outcome.colour == Colour::Green {
            Some(now + self.timing.admitted_ms)
        } else {
            Some(now + self.timing.attention_ms)
        };
        let signal = match outcome.colour {
            _ if outcome.repeat => Signal::Silent,
            Colour::Green => Signal::Admitted,
            Colour::Amber => Signal::Attention,
            Colour::Red => Signal::Refused,
        };
        let v = &outcome.verdict;
        let (photo_no, batch) = match v {
            Verdict::Numbered {
                photo_no, batch, ..
            }
            | Verdict::AlreadyNumbered {
                photo_no, batch, ..
            } => (Some(photo_no.clone()), Some(*batch)),
            _ => (None, None),
        };
        let right_room = match v {
            Verdict::WrongSession { room, .. } => Some(room.clone()),
            _ => None,
        };
        let name = match v {
            Verdict::CheckedIn { name, .. }
            | Verdict::Numbered { name, .. }
            | Verdict::ShowCollectionCode { name, .. }
            | Verdict::AlreadyCheckedIn { name, .. }
            | Verdict::AlreadyNumbered { name, .. }
            | Verdict::WrongSession { name, .. }
            | Verdict::OutsideWindow { name, .. }
            | Verdict::PassReplaced { name, .. } => name.clone(),
            _ => None,
        };
        self.serial += 1;
        self.notice = None;
        let can_step_aside = awaiting_code || matches!(v, Verdict::Numbered { .. });
        self.card = Some(VerdictCard {
            batch_label: batch.map(|b| Text::new(format!("第{b}批"), format!("Batch {b}"))),
            can_step_aside,
            student_no: v.student_no(),
            name,
            photo_no,
            batch,
            right_room,
            awaiting_code,
            can_override: outcome.overridable,
            can_undo: outcome.record_seq.is_some(),
            signal,
            note: outcome.repeat.then(shown_again),
            until_ms,
            serial: self.serial,
            outcome,
        });
    }
}

/// Whether the device can scan yet.
pub fn status(scanner: &Scanner) -> StaffStatus {
    status_of(scanner.event().is_some(), scanner.station().is_some())
}

/// Whether a device with (or without) a bundle and a station can scan yet.
pub fn status_of(has_bundle: bool, has_station: bool) -> StaffStatus {
    match (has_bundle, has_station) {
        (false, _) => StaffStatus::NeedsBundle,
        (true, false) => StaffStatus::NeedsStation,
        (true, true) => StaffStatus::Ready,
    }
}

/// The station as the top bar shows it at `now`, or `None` before bundle and station.
pub fn station_label(scanner: &Scanner, now: UnixMillis) -> Option<StationLabel> {
    let event = scanner.event()?;
    let st = scanner.station()?;
    let session = scanner
        .session_now(now)
        .and_then(|n| event.session(n))
        .cloned();
    let role = match st.role {
        Role::Door => Text::new("签到", "door"),
        Role::Studio => Text::new("摄影室", "studio"),
        Role::Both => Text::new("签到+摄影室", "door + studio"),
    };
    let lane = st.lane.map(|l| format!(" {l}")).unwrap_or_default();
    let windows = session
        .as_ref()
        .map(|s| s.window_labels())
        .unwrap_or_default();
    let mut zh = format!("{}{lane} · {}", st.room, role.zh);
    let mut en = format!("{}{lane} · {}", st.room, role.en);
    match &session {
        Some(s) => {
            let w = Text::list(&windows);
            zh.push_str(&format!(" · {} · {}", s.college.zh, w.zh));
            en.push_str(&format!(" · {} · {}", s.college.en, w.en));
        }
        None => {
            zh.push_str(" · 现在没有场次");
            en.push_str(" · no session now");
        }
    }
    Some(StationLabel {
        room: st.room.clone(),
        role: st.role,
        lane: st.lane,
        check_code: st.check_code,
        college: session.map(|s| s.college),
        windows,
        title: Text::new(zh, en),
    })
}

/// A typed line that is meant as a student number: digits (ASCII or full-width) and spaces, at
/// most a handful more than the 14 digits a number may have. A pass is far longer.
/// A character of a typed student number: a digit (full-width too) or a space between groups.
fn is_number_char(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c) || c.is_whitespace() || c == '\u{3000}'
}

fn looks_like_number(line: &str) -> bool {
    !line.is_empty() && line.chars().count() <= 20 && line.chars().all(is_number_char)
}

/// A typed line split into the student number and the note after it, for [`DoorLoop::typed`]:
/// `202001001001 忘带手机` → (`202001001001`, `忘带手机`). A line that does not start with a
/// number (a pass from a USB scanner) comes back whole, for the loop to judge.
pub fn split_typed(line: &str) -> (&str, Option<&str>) {
    let line = line.trim();
    let cut = line
        .char_indices()
        .find(|(_, c)| !is_number_char(*c))
        .map_or(line.len(), |(i, _)| i);
    if line[..cut].trim().is_empty() {
        return (line, None);
    }
    let note = line[cut..].trim();
    (line[..cut].trim(), (!note.is_empty()).then_some(note))
}

fn shown_again() -> Text {
    Text::new("再次出示：未重复记录", "Shown again: nothing new recorded")
}

fn failed(e: &crate::Error) -> ScanNotice {
    ScanNotice {
        colour: Colour::Red,
        text: e.text(),
    }
}
