//! The staff scan screen's API: the core's door loop (`photoday_core::door_loop`) on
//! `ScannerApp`.
//!
//! An app feeds every camera frame to `frame`, a typed line or USB-scanner line to `typed`, its
//! buttons to `override_shown`, `undo_shown`, `dismiss`, `skip_code`, `step_aside_student`,
//! `close_open_batch`, and a timer to `tick` at `VerdictCard.until_ms`; it draws the
//! `DoorScreen` each returns. Debounce, how long a verdict stays, what an override re-judges and
//! when to beep are the core's, so Android, iOS and the laptop behave alike. The records mirror
//! the core's with the same names.

use photoday_core::door_loop as core_loop;
use photoday_core::incoming as core_incoming;

use crate::lock;
use crate::scanner::{
    AsideReason, Batch, BundleSummary, Colour, ImportSummary, LogQrProgress, Role, ScanOutcome,
    ScannerApp,
};
use crate::text::BilingualText;

#[uniffi::export]
impl ScannerApp {
    /// The scan screen now: status (needs bundle / station / ready), the station's top bar
    /// (relabelled by the clock when the room changes college), the verdict if it has not timed
    /// out, the studio's open batch, the last notice. Disk (reads the batch).
    pub fn door_screen(&self, now_ms: i64) -> DoorScreen {
        let mut door = lock(&self.door);
        door.screen(&mut lock(&self.inner), now_ms).into()
    }

    /// One camera frame's decoded text. `null`/`nil` when it changes nothing (the same pass
    /// still in view, or a verdict showing that staff must read first) — cheap, call it for
    /// every frame; otherwise the new screen, already durable when it shows green. Disk (writes).
    pub fn frame(&self, text: String, now_ms: i64) -> Option<DoorScreen> {
        let mut door = lock(&self.door);
        door.frame(&mut lock(&self.inner), &text, now_ms)
            .map(DoorScreen::from)
    }

    /// A line staff typed, or a USB scanner sent: a student number (full-width digits and
    /// spaces are fine) checks the student in by hand with the optional `note`; a longer text
    /// is judged as a scanned pass. Disk (writes).
    pub fn typed(&self, line: String, note: Option<String>, now_ms: i64) -> DoorScreen {
        let mut door = lock(&self.door);
        door.typed(&mut lock(&self.inner), &line, note.as_deref(), now_ms)
            .into()
    }

    /// Admits over the overridable verdict on screen with staff's reason (the same pass or
    /// typed number is judged again, the reason recorded). Does nothing when the card is not
    /// overridable. Disk (writes).
    pub fn override_shown(&self, reason: String, now_ms: i64) -> DoorScreen {
        let mut door = lock(&self.door);
        door.override_shown(&mut lock(&self.inner), &reason, now_ms)
            .into()
    }

    /// Undoes what the card on screen recorded; the outcome shows as a notice. Disk (writes).
    pub fn undo_shown(&self, now_ms: i64) -> DoorScreen {
        let mut door = lock(&self.door);
        door.undo_shown(&mut lock(&self.inner), now_ms).into()
    }

    /// Undoes one of this device's records by its number (a `history` line); the outcome, or
    /// why it cannot be undone (too old: step aside instead), shows as the screen's notice.
    /// Disk (writes).
    pub fn undo_record(&self, record_seq: u64, now_ms: i64) -> DoorScreen {
        let mut door = lock(&self.door);
        door.undo_record(&mut lock(&self.inner), record_seq, now_ms)
            .into()
    }

    /// Undoes this device's latest admission or step-aside (also after a restart); the outcome
    /// or the reason it cannot (too old: step aside instead) shows as a notice. Disk (writes).
    pub fn undo_latest(&self, now_ms: i64) -> DoorScreen {
        let mut door = lock(&self.door);
        door.undo_last(&mut lock(&self.inner), now_ms).into()
    }

    /// Staff tapped the card away; a student waiting on the 采集码 check is let go (nothing was
    /// recorded). Memory only.
    pub fn dismiss(&self, now_ms: i64) -> DoorScreen {
        let mut door = lock(&self.door);
        door.dismiss(&mut lock(&self.inner), now_ms).into()
    }

    /// Studio: numbers the student waiting on the 采集码 check without it. Disk (writes).
    pub fn skip_code(&self, now_ms: i64) -> DoorScreen {
        let mut door = lock(&self.door);
        door.skip_code(&mut lock(&self.inner), now_ms).into()
    }

    /// Studio: steps a student aside (their number is voided, never reused); the outcome shows
    /// as a notice. Disk (writes).
    pub fn step_aside_student(
        &self,
        student_no: u64,
        reason: AsideReason,
        note: Option<String>,
        now_ms: i64,
    ) -> DoorScreen {
        let mut door = lock(&self.door);
        door.step_aside(
            &mut lock(&self.inner),
            student_no,
            reason.into(),
            note.as_deref(),
            now_ms,
        )
        .into()
    }

    /// Studio: the open batch was shot; its standing students are recorded photographed.
    /// Disk (writes).
    pub fn close_open_batch(&self, now_ms: i64) -> DoorScreen {
        let mut door = lock(&self.door);
        door.close_batch(&mut lock(&self.inner), now_ms).into()
    }

    /// Back to scanning when the card's time is up: the new screen, or `null`/`nil` when
    /// nothing changed. Call it from a timer at `VerdictCard.until_ms`. Memory only.
    pub fn tick(&self, now_ms: i64) -> Option<DoorScreen> {
        let mut door = lock(&self.door);
        door.tick(&mut lock(&self.inner), now_ms)
            .map(DoorScreen::from)
    }

    /// Imports whatever the phone was handed ("open with", share sheet, file picker, a photo):
    /// a scanner bundle, another phone's log file, one of its log QR codes or a picture of one,
    /// recognised by content, not by file name. A student pack, a pass or an unknown file is
    /// refused with what to do instead. Disk (writes).
    pub fn import_any(&self, bytes: Vec<u8>) -> crate::error::ApiResult<StaffImport> {
        let done = {
            let mut s = lock(&self.inner);
            let done = s.import_any(&bytes)?;
            self.publish(&s);
            done
        };
        let text = done.text().into();
        Ok(match done {
            core_incoming::StaffImport::Bundle(b) => StaffImport {
                kind: StaffImportKind::Bundle,
                text,
                bundle: Some(b.into()),
                log: None,
                progress: None,
            },
            core_incoming::StaffImport::Log(l) => StaffImport {
                kind: StaffImportKind::Log,
                text,
                bundle: None,
                log: Some(l.into()),
                progress: None,
            },
            core_incoming::StaffImport::LogCode { progress, merged } => StaffImport {
                kind: StaffImportKind::LogCode,
                text,
                bundle: None,
                log: merged.map(ImportSummary::from),
                progress: Some(progress.into()),
            },
        })
    }

    /// This device's latest `limit` check-ins, numbers and step-asides, newest first, each with
    /// its line of text and whether the undo button applies (also after a restart). Undo one with
    /// `undo(record_seq)`. Disk (reads).
    pub fn history(&self, now_ms: i64, limit: u32) -> crate::error::ApiResult<Vec<HistoryEntry>> {
        Ok(lock(&self.inner)
            .history(now_ms, limit as usize)?
            .into_iter()
            .map(|h| HistoryEntry {
                record_seq: h.record_seq,
                at_ms: h.at_ms,
                at: h.at,
                student_no: h.student_no,
                name: h.name,
                text: h.text.into(),
                cancelled: h.cancelled,
                can_undo: h.can_undo,
            })
            .collect())
    }

    /// Whether the device can scan yet. Memory only.
    pub fn staff_status(&self) -> StaffStatus {
        let v = (self.event().is_some(), self.station().is_some());
        core_loop::status_of(v.0, v.1).into()
    }
}

/// One line of this device's history.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct HistoryEntry {
    /// The record's number on this device (for `undo`).
    pub record_seq: u64,
    /// When (Unix ms).
    pub at_ms: i64,
    /// `HH:MM`, event-local.
    pub at: String,
    /// The student.
    pub student_no: Option<u64>,
    /// Their name, when the bundle has names.
    pub name: Option<String>,
    /// What happened: `09:41 签到 2020010001 李明`.
    pub text: BilingualText,
    /// Undone or voided since.
    pub cancelled: bool,
    /// The undo button applies now.
    pub can_undo: bool,
}

/// What kind of thing a staff import took.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum StaffImportKind {
    /// A scanner bundle.
    Bundle,
    /// A log file, merged.
    Log,
    /// One log QR code (the log is merged when `log` is set).
    LogCode,
}

/// What `import_any` did.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct StaffImport {
    /// Bundle, log or log code.
    pub kind: StaffImportKind,
    /// One line saying what happened: show it.
    pub text: BilingualText,
    /// The bundle imported.
    pub bundle: Option<BundleSummary>,
    /// The log merged (a file, or the last code of a sequence).
    pub log: Option<ImportSummary>,
    /// Where a QR transfer stands.
    pub progress: Option<LogQrProgress>,
}

/// How long each code of a log QR sequence stays on the sending phone's screen, in ms (both
/// apps page through `export_log_qr` at this pace). Memory only.
#[uniffi::export]
pub fn log_qr_frame_ms() -> u32 {
    photoday_core::log::LOG_QR_FRAME_MS
}

/// The reasons a studio steps a student aside, in the order a screen offers them, each with the
/// words for its button. Memory only.
#[uniffi::export]
pub fn aside_reasons() -> Vec<AsideChoice> {
    photoday_core::log::AsideReason::ALL
        .iter()
        .map(|r| AsideChoice {
            reason: (*r).into(),
            text: r.text().into(),
        })
        .collect()
}

/// One step-aside reason and its button text.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct AsideChoice {
    /// The reason.
    pub reason: AsideReason,
    /// `没有采集码` / `no 采集码 ready`.
    pub text: BilingualText,
}

/// Which sound and vibration go with what is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum Signal {
    /// A short high beep: go in.
    Admitted,
    /// Two beeps: stop and look.
    Attention,
    /// A long low tone: refused.
    Refused,
    /// Nothing: shown again (already signalled).
    Silent,
}

/// What a staff device still needs before it scans.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum StaffStatus {
    /// Import the scanner bundle from the 教务处.
    NeedsBundle,
    /// Choose the room this device guards and its role.
    NeedsStation,
    /// Ready to scan.
    Ready,
}

/// The station as the scan screen's top bar shows it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct StationLabel {
    /// The room (`一教209`).
    pub room: String,
    /// Door, studio or both.
    pub role: Role,
    /// Photo-number letter when several studio phones number in the room.
    pub lane: Option<crate::scanner::Lane>,
    /// The studio asks for the 采集码 before numbering.
    pub check_code: bool,
    /// The college the room is running now (it follows the clock), if any.
    pub college: Option<BilingualText>,
    /// That session's windows, each `09:30–12:00`.
    pub windows: Vec<String>,
    /// One line for the top bar: `一教209 · 摄影室 · 国际学院 · 14:30–16:30`.
    pub title: BilingualText,
}

/// A verdict on screen, with what its buttons may do.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct VerdictCard {
    /// The verdict with its colour, headline and detail.
    pub outcome: ScanOutcome,
    /// The student the verdict is about, when the pass proves it.
    pub student_no: Option<u64>,
    /// Their name, when the bundle has names.
    pub name: Option<String>,
    /// Name and number on one line (`张三 · 202001001001`), or the number alone.
    pub who: Option<String>,
    /// The student as the step-aside list names them (`003  张三  202001001003`; without the
    /// number while the 采集码 is awaited), whenever the card is about a student.
    pub aside_who: Option<String>,
    /// The 摄影编号 to draw huge (given now, or held already).
    pub photo_no: Option<String>,
    /// Its batch.
    pub batch: Option<u32>,
    /// The line under the big number: `第1批` / `Batch 1`.
    pub batch_label: Option<BilingualText>,
    /// Studio: show the "step aside" button (numbered now, or waiting on the 采集码).
    pub can_step_aside: bool,
    /// The room to send the student to (wrong session).
    pub right_room: Option<BilingualText>,
    /// Studio: the pass was good; now the 采集码 (scan it, or `skip_code`).
    pub awaiting_code: bool,
    /// Show the override button (`override_shown`).
    pub can_override: bool,
    /// Show the undo button (`undo_shown`).
    pub can_undo: bool,
    /// The sound to make now.
    pub signal: Signal,
    /// A line over the card: "shown again: nothing new recorded" for a repeat.
    pub note: Option<BilingualText>,
    /// When the screen goes back to scanning by itself (Unix ms); `null`/`nil` waits for staff.
    pub until_ms: Option<i64>,
    /// Counts verdicts shown, so the app signals each one once.
    pub serial: u64,
}

/// A line on the scanning screen after an action that shows no verdict.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ScanNotice {
    /// Green for done, amber for "look", red for failed.
    pub colour: Colour,
    /// What happened.
    pub text: BilingualText,
}

/// Everything the staff scan screen draws.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct DoorScreen {
    /// Whether the device can scan yet.
    pub status: StaffStatus,
    /// The station, once set up.
    pub station: Option<StationLabel>,
    /// The verdict on screen; `null`/`nil` while scanning.
    pub card: Option<VerdictCard>,
    /// The studio's open batch.
    pub batch: Option<Batch>,
    /// The batch's label, `第5批 · 6/8`.
    pub batch_label: Option<BilingualText>,
    /// A notice to show while scanning (undone, stepped aside, batch closed, failed…).
    pub notice: Option<ScanNotice>,
}

impl From<core_loop::Signal> for Signal {
    fn from(s: core_loop::Signal) -> Self {
        match s {
            core_loop::Signal::Admitted => Signal::Admitted,
            core_loop::Signal::Attention => Signal::Attention,
            core_loop::Signal::Refused => Signal::Refused,
            core_loop::Signal::Silent => Signal::Silent,
        }
    }
}

impl From<core_loop::StaffStatus> for StaffStatus {
    fn from(s: core_loop::StaffStatus) -> Self {
        match s {
            core_loop::StaffStatus::NeedsBundle => StaffStatus::NeedsBundle,
            core_loop::StaffStatus::NeedsStation => StaffStatus::NeedsStation,
            core_loop::StaffStatus::Ready => StaffStatus::Ready,
        }
    }
}

impl From<core_loop::StationLabel> for StationLabel {
    fn from(l: core_loop::StationLabel) -> Self {
        StationLabel {
            room: l.room,
            role: l.role.into(),
            lane: l.lane.and_then(crate::scanner::Lane::from_letter),
            check_code: l.check_code,
            college: l.college.map(BilingualText::from),
            windows: l.windows,
            title: l.title.into(),
        }
    }
}

impl From<core_loop::VerdictCard> for VerdictCard {
    fn from(c: core_loop::VerdictCard) -> Self {
        VerdictCard {
            who: c.who(),
            aside_who: c.aside_who(),
            outcome: c.outcome.into(),
            student_no: c.student_no,
            name: c.name,
            photo_no: c.photo_no,
            batch: c.batch,
            batch_label: c.batch_label.map(BilingualText::from),
            can_step_aside: c.can_step_aside,
            right_room: c.right_room.map(BilingualText::from),
            awaiting_code: c.awaiting_code,
            can_override: c.can_override,
            can_undo: c.can_undo,
            signal: c.signal.into(),
            note: c.note.map(BilingualText::from),
            until_ms: c.until_ms,
            serial: c.serial,
        }
    }
}

impl From<core_loop::DoorScreen> for DoorScreen {
    fn from(d: core_loop::DoorScreen) -> Self {
        DoorScreen {
            status: d.status.into(),
            station: d.station.map(StationLabel::from),
            card: d.card.map(VerdictCard::from),
            batch: d.batch.map(Batch::from),
            batch_label: d.batch_label.map(BilingualText::from),
            notice: d.notice.map(|n| ScanNotice {
                colour: n.colour.into(),
                text: n.text.into(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{mpsc, Arc};
    use std::time::Duration;

    #[test]
    fn the_getters_a_screen_calls_on_its_main_thread_never_wait_behind_disk_work() {
        let dir = tempfile::tempdir().unwrap();
        let app = ScannerApp::new(dir.path().join("door.db").display().to_string()).unwrap();
        assert_eq!(app.staff_status(), StaffStatus::NeedsBundle);
        // Another thread is in the middle of a long write (an import, an export, a purge):
        // it holds the device's lock. The screen's getters still answer.
        let busy = lock(&app.inner);
        let (tx, rx) = mpsc::channel();
        let reader = Arc::clone(&app);
        std::thread::spawn(move || {
            let answers = (
                reader.device_id(),
                reader.event().is_none(),
                reader.station().is_none(),
                reader.rooms().is_empty(),
                reader.staff_status(),
                reader.session_now(0),
                reader.tolerance().late_minutes,
            );
            tx.send(answers).unwrap();
        });
        let answers = rx
            .recv_timeout(Duration::from_secs(20))
            .expect("the getters returned while the write still held the lock");
        assert_eq!(answers.0.len(), 12);
        assert_eq!(answers.4, StaffStatus::NeedsBundle);
        drop(busy);
    }
}
