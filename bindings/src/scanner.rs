//! The staff app's API: `ScannerApp`, over the core's `Scanner`.
//!
//! A staff phone imports the scanner bundle, is set up for a room and a role — door (checks
//! students into the queue), studio (gives each their 摄影编号 as they enter, after their 采集码)
//! or both — and scans: each scan returns a verdict with everything the screen shows (colour,
//! headline, detail, photo number and batch), already durable on disk when it returns green. The
//! session follows the clock, so a room that changes college is one station all day. Staff check
//! in by hand, override with a reason, step a student aside (their number is voided), close a
//! batch once it is shot, undo within minutes, and pass their log to other phones as a file or as
//! QR codes. Every method forwards to the core; the records mirror
//! `photoday_core::{scanner, door, attendance, log}` with the same names.

use std::sync::{Arc, Mutex, RwLock};

use photoday_core::attendance as core_attendance;
use photoday_core::door as core_door;
use photoday_core::log as core_log;
use photoday_core::pass::NotAPassHint as CoreHint;
use photoday_core::roster as core_roster;
use photoday_core::scanner::{self as core_scanner, Scanner};

use crate::error::ApiResult;
use crate::event::Event;
use crate::lock;
use crate::text::BilingualText;

/// A door device: one per staff phone (or laptop), over the database file the platform chooses.
/// Every method is safe from any thread; calls run one at a time, so two quick scans never get
/// the same photo number. Methods marked "disk" read or write the database: call them off the
/// main thread (a scan takes well under a millisecond, most of it the durable write).
#[derive(uniffi::Object)]
pub struct ScannerApp {
    pub(crate) inner: Mutex<Scanner>,
    /// What the memory-only getters read: a copy republished by every call that changes it, so
    /// a getter on the UI thread never waits behind a scan, an import or an export.
    view: RwLock<View>,
    /// What the scan screen shows (see `door.rs`); locked before `inner`, never after.
    pub(crate) door: Mutex<photoday_core::door_loop::DoorLoop>,
}

#[uniffi::export]
impl ScannerApp {
    /// Opens (or creates) the device database at `db_path`, giving the device a random id on
    /// first use. Disk.
    ///
    /// Fails with `Storage` when the file is not PhotoDay's or is damaged (it is left untouched),
    /// `Io` when its folder is missing or not writable.
    #[uniffi::constructor]
    pub fn new(db_path: String) -> ApiResult<Arc<Self>> {
        let scanner = Scanner::open(db_path)?;
        Ok(Arc::new(ScannerApp {
            view: RwLock::new(View::of(&scanner)),
            inner: Mutex::new(scanner),
            door: Mutex::new(photoday_core::door_loop::DoorLoop::new()),
        }))
    }

    /// This device's random id (it names the device in logs and in "already admitted on …").
    /// Memory only.
    pub fn device_id(&self) -> String {
        self.view().device_id.clone()
    }

    /// The event, once a bundle is imported. Memory only.
    pub fn event(&self) -> Option<Event> {
        self.view().event.as_ref().map(Event::from)
    }

    /// Imports the scanner bundle from the 教务处 (event, keys, revocations, roster). A newer
    /// bundle of the same event replaces the old one and keeps every record. Disk (writes).
    ///
    /// Fails with `BadBundle` for a tampered, truncated, foreign, older or student bundle;
    /// nothing is imported then.
    pub fn import_bundle(&self, bytes: Vec<u8>) -> ApiResult<BundleSummary> {
        let mut s = lock(&self.inner);
        let summary = s.import_bundle(&bytes)?;
        self.publish(&s);
        Ok(summary.into())
    }

    /// The event's rooms (`一教104`…), each once, for the station picker. Memory only.
    pub fn rooms(&self) -> Vec<String> {
        self.view()
            .event
            .as_ref()
            .map(photoday_core::room::rooms)
            .unwrap_or_default()
    }

    /// Sets the station up: the room this device guards (its name, spaces ignored), its role,
    /// and, when more than one studio phone numbers in the room, its photo-number letter
    /// (`A`–`Z`). The result carries a warning when another phone this device knows of already
    /// numbers here with the same prefix: show it. Disk (writes).
    ///
    /// Fails with `NotReady` before a bundle, `InvalidInput` for an unknown room (the message
    /// lists the event's rooms).
    pub fn set_station(
        &self,
        room: String,
        role: Role,
        lane: Option<Lane>,
    ) -> ApiResult<StationSetup> {
        let lane = lane.map(Lane::letter);
        let mut s = lock(&self.inner);
        let setup = s.set_station(&room, role.into(), lane)?;
        self.publish(&s);
        Ok(setup.into())
    }

    /// Switches the studio's 采集码 check on or off (off when the 新华社 photographer checks the
    /// code). Disk (writes).
    ///
    /// Fails with `NotReady` before a station is set up.
    pub fn set_check_code(&self, on: bool) -> ApiResult<Station> {
        let mut s = lock(&self.inner);
        let station = s.set_check_code(on)?;
        self.publish(&s);
        Ok(station.into())
    }

    /// The station, once set up. Memory only.
    pub fn station(&self) -> Option<Station> {
        self.view().station.clone().map(Station::from)
    }

    /// The session the station's room is running at `now_ms` (it follows the clock through
    /// hand-overs); `null`/`nil` before a station is set or when the room has none that day.
    /// Memory only.
    pub fn session_now(&self, now_ms: i64) -> Option<u8> {
        let v = self.view();
        let (event, station) = (v.event.as_ref()?, v.station.as_ref()?);
        photoday_core::room::current_session(
            event,
            &station.room,
            photoday_core::time::to_local(event.utc_offset, now_ms),
            v.tolerance,
        )
    }

    /// How early before and how late after a window a scan still admits. Memory only.
    pub fn tolerance(&self) -> Tolerance {
        self.view().tolerance.into()
    }

    /// Sets how early before and how late after a window a scan still admits. Disk (writes).
    pub fn set_tolerance(&self, tolerance: Tolerance) -> ApiResult<()> {
        let mut s = lock(&self.inner);
        s.set_tolerance(tolerance.into())?;
        self.publish(&s);
        Ok(())
    }

    /// Judges a scanned text at `now_ms` and returns what the screen shows. An admission is
    /// written durably before this returns, so what was shown green survives a killed app. The
    /// same text again within 5 seconds returns the first outcome with `repeat` set and records
    /// nothing. Disk (writes).
    ///
    /// Fails with `NotReady` before a bundle is imported and a station chosen. A bad pass is not
    /// an error: it is a verdict.
    pub fn scan(&self, text: String, now_ms: i64) -> ApiResult<ScanOutcome> {
        Ok(lock(&self.inner).scan(&text, now_ms)?.into())
    }

    /// Lets the student through over an overridable verdict for this pass (outside their time,
    /// not on the roster, already checked in or numbered), recording the staff's reason. Any
    /// other verdict comes back unchanged: a forged pass cannot be overridden, and a student just
    /// let through gets no second number. Disk (writes).
    ///
    /// Fails with `InvalidInput` for an empty reason, `NotReady` before bundle and station.
    pub fn override_pass(
        &self,
        text: String,
        reason: String,
        now_ms: i64,
    ) -> ApiResult<ScanOutcome> {
        Ok(lock(&self.inner)
            .override_pass(&text, &reason, now_ms)?
            .into())
    }

    /// Checks in (door) or numbers (studio) a student by number — no phone, no printout — with
    /// an optional note; with `override_reason`, lets them through over an overridable verdict.
    /// Disk (writes).
    ///
    /// Fails with `InvalidInput` for a number that is not a student number or an empty override
    /// reason, `NotReady` before bundle and station.
    pub fn check_in_by_number(
        &self,
        student_no: u64,
        note: Option<String>,
        override_reason: Option<String>,
        now_ms: i64,
    ) -> ApiResult<ScanOutcome> {
        Ok(lock(&self.inner)
            .check_in_by_number(
                student_no,
                note.as_deref(),
                override_reason.as_deref(),
                now_ms,
            )?
            .into())
    }

    /// Numbers the studio student waiting on the 采集码 check without it (one tap, when the
    /// photographer checks the code instead). Disk (writes).
    ///
    /// Fails with `NotReady` when nobody is waiting for the check.
    pub fn skip_code_check(&self, now_ms: i64) -> ApiResult<ScanOutcome> {
        Ok(lock(&self.inner).skip_code_check(now_ms)?.into())
    }

    /// Drops the student waiting to show their 采集码 (they went to find it; nothing was
    /// recorded): returns who was waiting. Memory only.
    pub fn cancel_code_check(&self) -> Option<u64> {
        lock(&self.inner).cancel_code_check()
    }

    /// The student whose pass was good and who is waiting to show their 采集码. Memory only.
    pub fn waiting_for_code(&self) -> Option<u64> {
        lock(&self.inner).waiting_for_code()
    }

    /// Steps a student aside at the studio (no 采集码, clothes, glasses, not there when called),
    /// at any time in the session, also after a restart: their number on this phone is voided —
    /// never reused, shown struck out on the photographer's list — and they are numbered again at
    /// the end when they return. Disk (writes).
    ///
    /// Fails with `InvalidInput` for a student already photographed.
    pub fn step_aside(
        &self,
        student_no: u64,
        reason: AsideReason,
        note: Option<String>,
        now_ms: i64,
    ) -> ApiResult<StepAsideOutcome> {
        Ok(lock(&self.inner)
            .step_aside(student_no, reason.into(), note.as_deref(), now_ms)?
            .into())
    }

    /// Closes the batch being shot: its numbered students who were not stepped aside are
    /// recorded as photographed (the 补拍 list is the roster minus them). Disk (writes).
    ///
    /// Fails with `NotReady` when no batch is open on this phone.
    pub fn close_batch(&self, now_ms: i64) -> ApiResult<BatchClosed> {
        Ok(lock(&self.inner).close_batch(now_ms)?.into())
    }

    /// Cancels one of this device's check-ins, numbers or step-asides by its record number
    /// (`ScanOutcome.record_seq`, `StepAsideOutcome.record_seq`) within 5 minutes; a cancelled
    /// number is not reused. The undo is itself a record. Disk (writes).
    ///
    /// Fails with `UndoTooOld` past the window (offer "step aside"), `AlreadyUndone`, or
    /// `NotUndoable` for another device's record, a photographed number or a refusal.
    pub fn undo(&self, record_seq: u64, now_ms: i64) -> ApiResult<UndoOutcome> {
        Ok(lock(&self.inner).undo(record_seq, now_ms)?.into())
    }

    /// Undoes this device's latest check-in, number or step-aside that still stands (within 5
    /// minutes), also after a restart. Disk (writes).
    ///
    /// Fails with `NotUndoable` when there is nothing to undo, `UndoTooOld` when it is too old.
    pub fn undo_last(&self, now_ms: i64) -> ApiResult<UndoOutcome> {
        Ok(lock(&self.inner).undo_last(now_ms)?.into())
    }

    /// The batch being called into the studio: the oldest one this phone has not closed, members
    /// in photo-number order with voided numbers marked; `null`/`nil` on a door phone or before
    /// the first number. Disk (reads).
    pub fn current_batch(&self, now_ms: i64) -> ApiResult<Option<Batch>> {
        Ok(lock(&self.inner).current_batch(now_ms)?.map(Batch::from))
    }

    /// The photographer's list of a session on this phone: every number in order, waiting,
    /// voided (with why) or photographed. Disk (reads).
    pub fn photo_list(&self, session: u8) -> ApiResult<Vec<BatchMember>> {
        Ok(lock(&self.inner)
            .photo_list(session)?
            .into_iter()
            .map(BatchMember::from)
            .collect())
    }

    /// Attendance of every session from everything this device recorded and merged, with the
    /// absentees (the 补拍 list) and the students photographed twice. Disk (reads).
    pub fn attendance(&self) -> ApiResult<Attendance> {
        Ok(lock(&self.inner).attendance()?.into())
    }

    /// Attendance of the session the station's room is running at `now_ms`. Disk (reads).
    pub fn station_attendance(&self, now_ms: i64) -> ApiResult<SessionAttendance> {
        Ok(lock(&self.inner).station_attendance(now_ms)?.into())
    }

    /// The file name to share `export_log`'s bytes under: `PhotoDay-<device id>.photodaylog`.
    /// Memory only.
    pub fn log_file_name(&self) -> String {
        photoday_core::log::file_name(&self.device_id())
    }

    /// The log as a file to share: every record this device holds (its own and merged), so logs
    /// can be relayed phone to phone. Nothing is marked exported until `confirm_log_exported` is
    /// called after the file was saved, so a cancelled share never lets `purge` lose records.
    /// Disk (reads).
    pub fn export_log(&self, now_ms: i64) -> ApiResult<Vec<u8>> {
        Ok(lock(&self.inner).export_log(now_ms)?)
    }

    /// The same log as QR texts to show one after another on this screen (each fits QR version
    /// 10); another phone feeds them to `receive_log_qr` in any order. Draw each with
    /// `qr_code(text)`. Confirm with `confirm_log_exported` once the other phone has them all.
    /// Disk (reads).
    pub fn export_log_qr(&self, now_ms: i64) -> ApiResult<Vec<String>> {
        Ok(lock(&self.inner).export_log_qr(now_ms)?)
    }

    /// Call once the latest export is safe (the file was saved, or the other phone received every
    /// code): this device's records up to it may then be purged. Returns how many of this
    /// device's records are now exported. Disk (writes).
    ///
    /// Fails with `NotReady` when nothing was exported since the app started.
    pub fn confirm_log_exported(&self) -> ApiResult<u64> {
        Ok(lock(&self.inner).confirm_log_exported()?)
    }

    /// Merges a log file from another device: all or nothing, and importing it again changes
    /// nothing. Disk (writes).
    ///
    /// Fails with `BadLog` for a truncated, corrupted or other event's log.
    pub fn import_log(&self, bytes: Vec<u8>) -> ApiResult<ImportSummary> {
        Ok(lock(&self.inner).import_log(&bytes)?.into())
    }

    /// Feeds one scanned log QR text. Returns the progress; once every code of the sequence has
    /// arrived the log is merged and `imported` is set. Disk (writes, on the last code).
    ///
    /// Fails with `LogCodeDamaged` for a damaged code (keep scanning), `LogCodeOtherSequence`
    /// for another phone's code while a transfer is half received, `InvalidInput` for a code
    /// that is not a log code, `BadLog` when the whole log is refused.
    pub fn receive_log_qr(&self, text: String) -> ApiResult<LogQrReceipt> {
        let (progress, imported) = lock(&self.inner).receive_log_qr(&text)?;
        Ok(LogQrReceipt {
            progress: progress.into(),
            imported: imported.map(ImportSummary::from),
        })
    }

    /// Drops a half-received log QR sequence (the other phone went away), so another phone's
    /// codes are taken; returns how many codes were dropped. Memory only.
    pub fn abandon_log_qr(&self) -> u32 {
        lock(&self.inner).abandon_log_qr()
    }

    /// Deletes the roster, the bundle and the records, once this device's own records have all
    /// been exported and confirmed (`confirm_log_exported`). Disk (writes).
    ///
    /// Fails with `NotReady` while records are not exported, so nothing un-merged is lost.
    pub fn purge(&self) -> ApiResult<()> {
        let mut s = lock(&self.inner);
        s.purge()?;
        self.publish(&s);
        Ok(())
    }
}

/// The copy of the device's setup the memory-only getters read.
struct View {
    device_id: String,
    event: Option<photoday_core::Event>,
    station: Option<core_scanner::Station>,
    tolerance: core_door::Tolerance,
}

impl View {
    fn of(s: &Scanner) -> View {
        View {
            device_id: s.device_id().to_string(),
            event: s.event().cloned(),
            station: s.station().cloned(),
            tolerance: s.tolerance(),
        }
    }
}

impl ScannerApp {
    fn view(&self) -> std::sync::RwLockReadGuard<'_, View> {
        self.view
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Republishes the getters' copy; called, with `inner` still held, by every call that
    /// changes the bundle, the station or the tolerance.
    pub(crate) fn publish(&self, s: &Scanner) {
        *self
            .view
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = View::of(s);
    }
}

/// What a device does at its room.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum Role {
    /// At the room door: checks students into the queue; gives no numbers. Any number of these.
    Door,
    /// At the studio door: gives each student their 摄影编号 as they enter. One per room.
    Studio,
    /// Both, for a small room with one phone.
    Both,
}

/// A studio phone's photo-number letter, when several studio phones number in one room: its
/// numbers read `A001`, `A002`… and the other phone's `B001`… so two phones never hand out the
/// same 摄影编号.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
#[rustfmt::skip]
pub enum Lane {
    A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z,
}

impl Lane {
    const ALL: [Lane; 26] = {
        use Lane::*;
        [
            A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z,
        ]
    };

    /// The letter, `A`–`Z`.
    pub fn letter(self) -> char {
        char::from(b'A' + self as u8)
    }

    /// The lane of a stored letter (the core keeps the letter); any other character is none.
    pub fn from_letter(c: char) -> Option<Lane> {
        Lane::ALL
            .get((c.to_ascii_uppercase() as usize).wrapping_sub('A' as usize))
            .copied()
    }
}

/// One entry of the station picker's role choice.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RoleChoice {
    /// The role.
    pub role: Role,
    /// What the picker shows (`门口：签到`).
    pub label: BilingualText,
}

/// The roles a station picker offers, door first. Memory only.
#[uniffi::export]
pub fn role_choices() -> Vec<RoleChoice> {
    [
        core_scanner::Role::Door,
        core_scanner::Role::Studio,
        core_scanner::Role::Both,
    ]
    .into_iter()
    .map(|r| RoleChoice {
        role: r.into(),
        label: r.choice_label().into(),
    })
    .collect()
}

/// The counter under log QR code `index` (1-based) of `total` on the sending phone:
/// `第 2/5 张` / `Code 2 of 5`. Memory only.
#[uniffi::export]
pub fn log_qr_counter(index: u32, total: u32) -> BilingualText {
    photoday_core::log::qr_counter(index, total).into()
}

/// One entry of the station picker's photo-number-letter choice.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct LaneChoice {
    /// The letter; none for a room with one studio phone.
    pub lane: Option<Lane>,
    /// What the picker shows.
    pub label: BilingualText,
}

/// The choices a station picker offers for the photo-number letter: none (one studio phone in
/// the room, numbers `01`, `02`…) first, then `A`–`F` (a room with two to six studio phones).
/// Memory only.
#[uniffi::export]
pub fn lane_choices() -> Vec<LaneChoice> {
    std::iter::once(None)
        .chain(Lane::ALL[..6].iter().map(|&l| Some(l)))
        .map(|lane| LaneChoice {
            lane,
            label: core_scanner::lane_label(lane.map(Lane::letter)).into(),
        })
        .collect()
}

/// The room a device guards, its role and its photo-number letter.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Station {
    /// The room (`一教209`).
    pub room: String,
    /// Door, studio or both.
    pub role: Role,
    /// Photo-number letter (`A`, `B`…) when several studio phones number in the room.
    pub lane: Option<Lane>,
    /// Whether the studio asks to see the 采集码 before numbering.
    pub check_code: bool,
}

/// What setting up a station did.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct StationSetup {
    /// The station as stored.
    pub station: Station,
    /// Set when another studio phone numbers in this room with the same prefix: show it.
    pub warning: Option<BilingualText>,
}

/// Why the studio stepped a student aside.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum AsideReason {
    /// No 学信网 采集码 ready on the phone.
    NoCollectionCode,
    /// Clothes the notice advises against.
    Clothes,
    /// Glasses, accessories, or hair over the forehead and ears.
    Glasses,
    /// Called with their batch but not there ("did not show").
    NotPresent,
    /// Anything else; the note says what.
    Other,
}

/// Where a numbered student stands in the studio.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum NumberStatus {
    /// Numbered, waiting to be shot.
    Waiting,
    /// Stepped aside: the number is void (strike it out).
    Voided,
    /// Their batch closed: photographed.
    Photographed,
}

/// How far outside a window a scan still admits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct Tolerance {
    /// Minutes before a window opens that students are still admitted (they queue early).
    pub early_minutes: u32,
    /// Minutes after a window closes that stragglers are still admitted.
    pub late_minutes: u32,
}

/// What the screen shows after a scan or a manual check-in.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ScanOutcome {
    /// The verdict and its details.
    pub verdict: Verdict,
    /// The colour to fill the screen with.
    pub colour: Colour,
    /// Big headline.
    pub headline: BilingualText,
    /// The line under it.
    pub detail: BilingualText,
    /// True when this was the same text again within a few seconds: nothing new was recorded.
    pub repeat: bool,
    /// Whether staff may admit over it with a reason (`override_pass`).
    pub overridable: bool,
    /// Set when the device clock looks wrong (far from every session date): show it.
    pub clock_warning: Option<BilingualText>,
    /// The record's number, for `undo`; set only when checked in or numbered.
    pub record_seq: Option<u64>,
    /// When the student holds a number: the text of the small QR the student's app scans to
    /// keep it (draw it with `qr_code`).
    pub number_qr: Option<String>,
}

/// The colour a screen shows a verdict in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum Colour {
    /// Admitted: go in.
    Green,
    /// Stop and look: already admitted, wrong room, wrong time, not on roster, not a pass.
    Amber,
    /// Refused: forged, revoked, another event's pass.
    Red,
}

/// How a student got in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum Via {
    /// Their signed pass was scanned.
    Pass,
    /// Staff typed the student number.
    Manual,
    /// Staff admitted over a refusal with a reason.
    Override,
}

/// Why a scan falls outside the session's windows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum Timing {
    /// Before the next window (more than the tolerance).
    TooEarly,
    /// After the last window (more than the tolerance).
    TooLate,
    /// Not the session's date at all.
    WrongDay,
}

/// Why a scanned text is not a pass at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum NotAPassHint {
    /// Nothing was scanned.
    Empty,
    /// Probably the student's CHSI 采集码 instead of their pass.
    LooksLikeCollectionCode,
    /// A web link (a WeChat or payment QR code).
    LooksLikeUrl,
    /// Another app's code, a newer PhotoDay's pass, or a USB scanner with Caps Lock on.
    WrongPrefix,
    /// Starts like a pass but is damaged or incomplete: scan again.
    Malformed,
}

/// The verdict at the door or the studio (DESIGN §4). `CheckedIn` and `Numbered` let the
/// student through.
#[derive(Debug, Clone, PartialEq, uniffi::Enum)]
pub enum Verdict {
    /// Door: checked into the room's queue (numbers are given in the studio).
    CheckedIn {
        student_no: u64,
        name: Option<String>,
        /// The student's class (group) in the arrival plan.
        class_name: Option<String>,
        via: Via,
        /// Minutes before their class's planned time (the plan informs, it never refuses).
        early_minutes: Option<u32>,
    },
    /// Studio: the 摄影编号 and batch, big and green.
    Numbered {
        student_no: u64,
        name: Option<String>,
        class_name: Option<String>,
        photo_no: String,
        batch: u32,
        via: Via,
        /// This phone never saw them at the door; numbered anyway, with a note.
        door_unseen: bool,
        /// Back after stepping aside: a new number, the old one void.
        renumbered: bool,
    },
    /// Studio: the pass is good; now scan the student's 采集码 (or `skip_code_check`).
    ShowCollectionCode {
        student_no: u64,
        name: Option<String>,
        class_name: Option<String>,
    },
    /// Door: already checked in — when and on which phone; overridable.
    AlreadyCheckedIn {
        student_no: u64,
        name: Option<String>,
        at_ms: i64,
        /// `HH:MM`, event-local.
        at: String,
        device: String,
        /// The station name the 教务处 enrolled that device under (its id when not enrolled).
        device_name: String,
        this_device: bool,
    },
    /// Studio: already holds a number — which, when, where, and whether shot; overridable.
    AlreadyNumbered {
        student_no: u64,
        name: Option<String>,
        photo_no: String,
        batch: u32,
        at_ms: i64,
        at: String,
        device: String,
        /// The station name the 教务处 enrolled that device under (its id when not enrolled).
        device_name: String,
        this_device: bool,
        photographed: bool,
    },
    /// Their session is in another room: the right college, room, date and windows.
    WrongSession {
        student_no: u64,
        name: Option<String>,
        session: u8,
        college: BilingualText,
        room: BilingualText,
        date: String,
        /// Each window, `09:30–12:00`.
        windows: Vec<String>,
    },
    /// Their session is here but not now: early (wait nearby), late (补拍) or another day.
    OutsideWindow {
        student_no: u64,
        name: Option<String>,
        timing: Timing,
        minutes: i64,
        /// When their time here starts (early) or ended (late), `HH:MM`.
        at: String,
        date: String,
        /// Each window, `09:30–12:00`.
        windows: Vec<String>,
        /// The 补拍 deadline, `YYYY-MM-DD HH:MM`.
        makeup_deadline: String,
        /// The 补拍 place.
        makeup_place: BilingualText,
    },
    /// Typed by hand, but a newer pass was issued for them: check who it is (student card) and
    /// admit with a reason; overridable.
    PassReplaced {
        student_no: u64,
        name: Option<String>,
        min_serial: u16,
    },
    /// A newer pass exists.
    Revoked {
        student_no: u64,
        serial: u16,
        min_serial: u16,
    },
    /// Genuine pass, but not on this phone's roster; staff may override.
    NotOnRoster { student_no: u64 },
    /// Forged or tampered; the number it claims is not proven.
    BadSignature { claimed_student_no: u64 },
    /// Another event's pass, or a key this phone lacks.
    UnknownKey { key_id: u16 },
    /// Not a pass at all.
    NotAPass { hint: NotAPassHint },
}

/// One line of a batch or of the photographer's list.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct BatchMember {
    /// Photo number (`012`, `A012`).
    pub photo_no: String,
    /// Student number.
    pub student_no: u64,
    /// Name, when the bundle has names.
    pub name: Option<String>,
    /// The batch.
    pub batch: u32,
    /// Waiting, voided or photographed.
    pub status: NumberStatus,
    /// Why it was voided.
    pub aside: Option<AsideReason>,
    /// The line under the photo number: `202001001001 · 第2批`.
    pub line: BilingualText,
    /// Photo number, name and student number, for a list to pick from: `003  张三  202001001003`.
    pub who: String,
}

/// The batch being called into the studio.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Batch {
    /// Session.
    pub session: u8,
    /// Batch number (1, 2, 3…).
    pub number: u32,
    /// The event's batch size.
    pub size: u32,
    /// Members in photo-number order, voided ones included.
    pub members: Vec<BatchMember>,
    /// "第5批 · 6/8" / "Batch 5 · 6/8".
    pub label: BilingualText,
    /// The photo numbers still waiting, in order: `待拍：A001 A002` / `Waiting: A001 A002`.
    pub waiting_line: BilingualText,
}

/// What closing a batch did.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct BatchClosed {
    /// The batch as it was shot.
    pub batch: Batch,
    /// How many were recorded photographed.
    pub photographed: u32,
}

/// What an undo did.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct UndoOutcome {
    /// The cancelled photo number (it is not reused), when a number was undone.
    pub photo_no: Option<String>,
    /// What was undone: `check_in`, `number` or `step_aside`.
    pub undone: String,
    /// The student.
    pub student_no: u64,
    /// The undo's own record number.
    pub record_seq: u64,
}

/// What a step-aside did.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct StepAsideOutcome {
    /// The student.
    pub student_no: u64,
    /// The voided number, when they had one on this phone.
    pub photo_no: Option<String>,
    /// Why.
    pub reason: AsideReason,
    /// The record's number, for `undo`.
    pub record_seq: u64,
}

/// What a bundle import did.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct BundleSummary {
    /// Event id.
    pub event_id: String,
    /// Event title.
    pub title: BilingualText,
    /// Sessions in the event.
    pub sessions: u32,
    /// Students on the roster.
    pub students: u32,
    /// Whether the roster carries names.
    pub with_names: bool,
    /// Whether this replaced an older bundle.
    pub replaced: bool,
    /// Fingerprint of the event key that signed the bundle, pinned by the phone's first bundle:
    /// show it for staff to compare with `photoday event show` (`3F2A-9C0D-5E6B`).
    pub key_fingerprint: String,
    /// The bundle's number at the 教务处 (0: made before bundles were numbered).
    pub counter: u64,
    /// Records kept aside from devices this bundle enrols, merged now.
    pub merged_from_aside: u32,
}

/// What a log import did.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ImportSummary {
    /// Records new to this device.
    pub added: u32,
    /// Records it already had.
    pub known: u32,
    /// Devices the log covers.
    pub devices: Vec<String>,
    /// Conflicts the merged records now show (a number held by two students), and devices whose
    /// records were kept aside: show them loudly.
    pub warnings: Vec<BilingualText>,
    /// Devices not enrolled whose records were kept aside (not merged, not lost).
    pub kept_aside: Vec<KeptAside>,
}

/// Progress of a log arriving as QR codes.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct LogQrProgress {
    /// Codes received so far (distinct).
    pub received: u32,
    /// Codes in the sequence.
    pub total: u32,
    /// Numbers (1-based) of the codes still missing.
    pub missing: Vec<u32>,
    /// The code belongs to a log this phone already received whole (the sender's screen still
    /// shows it): nothing to do; the next phone's codes are welcome.
    pub already_merged: bool,
    /// Where the transfer stands, in words: `已收 3/5，还缺第 2、4 张`.
    pub line: BilingualText,
}

/// What one scanned log QR code did.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct LogQrReceipt {
    /// Where the transfer stands.
    pub progress: LogQrProgress,
    /// Set once the last code arrived and the log was merged.
    pub imported: Option<ImportSummary>,
}

/// A roster line as a scanner knows it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RosterStudent {
    /// Student number (学号).
    pub student_no: u64,
    /// Name (姓名); empty when the bundle was made without names.
    pub name: String,
    /// College (学院).
    pub college: String,
    /// Cohort (年级), when known.
    pub cohort: String,
    /// Class (班级).
    pub class_name: String,
    /// 1-based session.
    pub session: u8,
    /// One line for a list: `202001001001 张三 软件1班`.
    pub line: String,
}

/// One 摄影编号 that stands (not undone, not voided).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Admission {
    /// Device that numbered.
    pub device: String,
    /// How staff name that device: the station it was enrolled as, else its id.
    pub device_name: String,
    /// Its record number there.
    pub seq: u64,
    /// When (Unix ms, that device's clock).
    pub at_ms: i64,
    /// Session.
    pub session: u8,
    /// Student.
    pub student_no: u64,
    /// Photo number as on the photographer's list (`012`, `A012`).
    pub photo_no: String,
    /// The batch.
    pub batch: u32,
    /// Pass, manual or override.
    pub via: Via,
    /// Staff's reason (manual, override).
    pub reason: Option<String>,
}

/// A student numbered more than once (two studio phones, or an override).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Duplicate {
    /// Which number stands and which to void.
    pub advice: BilingualText,
    /// Student.
    pub student_no: u64,
    /// The first number: its photo stands.
    pub keep: Admission,
    /// Later numbers: void these photo numbers.
    pub void: Vec<Admission>,
}

/// One 摄影编号 held by two or more students.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct NumberClash {
    /// Session.
    pub session: u8,
    /// The number.
    pub photo_no: String,
    /// Every standing number with it, earliest first.
    pub holders: Vec<Admission>,
    /// What staff must do, in both languages.
    pub advice: BilingualText,
}

/// Photographed against expected for one class of a session.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ClassAttendance {
    /// Class (`软件1班`).
    pub class_name: String,
    /// Photographed.
    pub photographed: u32,
    /// On the roster.
    pub expected: u32,
    /// The line to show: `软件1班 已拍 38/42`.
    pub line: BilingualText,
    /// Everyone on the roster of the class is photographed (draw it done).
    pub complete: bool,
}

/// Attendance of one session.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SessionAttendance {
    /// `1. 信息技术与工程学院 · 2023-06-03 一教104`.
    pub heading: BilingualText,
    /// `到场 40 · 已编号 38 · 已拍 36/42 · 暂离 2`.
    pub summary: BilingualText,
    /// 1-based session.
    pub session: u8,
    /// College.
    pub college: BilingualText,
    /// Room.
    pub room: BilingualText,
    /// Date `YYYY-MM-DD`.
    pub date: String,
    /// On the roster.
    pub expected: u32,
    /// Roster students seen (checked in at a door or numbered in the studio).
    pub arrived: u32,
    /// Roster students holding a number now.
    pub numbered: u32,
    /// Roster students a closed batch recorded photographed.
    pub photographed: u32,
    /// Numbered but not on the roster (overrides).
    pub not_on_roster: u32,
    /// Numbers voided by step-asides.
    pub stepped_aside: u32,
    /// Per class, in plan order.
    pub classes: Vec<ClassAttendance>,
    /// Roster students not photographed: the 补拍 list.
    pub absentees: Vec<RosterStudent>,
    /// The list's heading with its length: `未拍（补拍名单）12 人`.
    pub absentees_title: BilingualText,
    /// Of those, the ones who arrived but were not photographed: liaisons chase them.
    pub arrived_not_photographed: Vec<RosterStudent>,
    /// That list's heading with its length.
    pub arrived_not_photographed_title: BilingualText,
}

/// Attendance of every session plus the conflicts to settle.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Attendance {
    /// One per session, in the event's order.
    pub sessions: Vec<SessionAttendance>,
    /// Students numbered twice: which photo number to void.
    pub duplicates: Vec<Duplicate>,
    /// Numbers held by two students.
    pub clashes: Vec<NumberClash>,
    /// Records voided, by whom and why.
    pub voids: Vec<VoidNote>,
    /// Scans refused at the doors, counted by verdict (`bad_signature`, `wrong_session`…).
    pub refusals: std::collections::HashMap<String, u32>,
}

/// A record voided, by whom and why.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct VoidNote {
    /// The voided record's device.
    pub device: String,
    /// Its sequence number there.
    pub seq: u64,
    /// The device that voided it.
    pub by: String,
    /// When (Unix ms, the voiding device's clock).
    pub at_ms: i64,
    /// Why.
    pub reason: String,
}

impl From<core_scanner::Role> for Role {
    fn from(r: core_scanner::Role) -> Self {
        match r {
            core_scanner::Role::Door => Role::Door,
            core_scanner::Role::Studio => Role::Studio,
            core_scanner::Role::Both => Role::Both,
        }
    }
}

impl From<Role> for core_scanner::Role {
    fn from(r: Role) -> Self {
        match r {
            Role::Door => core_scanner::Role::Door,
            Role::Studio => core_scanner::Role::Studio,
            Role::Both => core_scanner::Role::Both,
        }
    }
}

impl From<core_scanner::Station> for Station {
    fn from(s: core_scanner::Station) -> Self {
        Station {
            room: s.room,
            role: s.role.into(),
            lane: s.lane.and_then(Lane::from_letter),
            check_code: s.check_code,
        }
    }
}

impl From<core_scanner::StationSetup> for StationSetup {
    fn from(s: core_scanner::StationSetup) -> Self {
        StationSetup {
            station: s.station.into(),
            warning: s.warning.map(BilingualText::from),
        }
    }
}

impl From<core_log::AsideReason> for AsideReason {
    fn from(r: core_log::AsideReason) -> Self {
        use core_log::AsideReason as R;
        match r {
            R::NoCollectionCode => AsideReason::NoCollectionCode,
            R::Clothes => AsideReason::Clothes,
            R::Glasses => AsideReason::Glasses,
            R::NotPresent => AsideReason::NotPresent,
            R::Other => AsideReason::Other,
        }
    }
}

impl From<AsideReason> for core_log::AsideReason {
    fn from(r: AsideReason) -> Self {
        use core_log::AsideReason as R;
        match r {
            AsideReason::NoCollectionCode => R::NoCollectionCode,
            AsideReason::Clothes => R::Clothes,
            AsideReason::Glasses => R::Glasses,
            AsideReason::NotPresent => R::NotPresent,
            AsideReason::Other => R::Other,
        }
    }
}

impl From<core_scanner::NumberStatus> for NumberStatus {
    fn from(s: core_scanner::NumberStatus) -> Self {
        match s {
            core_scanner::NumberStatus::Waiting => NumberStatus::Waiting,
            core_scanner::NumberStatus::Voided => NumberStatus::Voided,
            core_scanner::NumberStatus::Photographed => NumberStatus::Photographed,
        }
    }
}

impl From<core_scanner::BatchMember> for BatchMember {
    fn from(m: core_scanner::BatchMember) -> Self {
        BatchMember {
            line: m.line().into(),
            who: m.who(),
            photo_no: m.photo_no,
            student_no: m.student_no,
            name: m.name,
            batch: m.batch,
            status: m.status.into(),
            aside: m.aside.map(AsideReason::from),
        }
    }
}

impl From<core_scanner::BatchClosed> for BatchClosed {
    fn from(c: core_scanner::BatchClosed) -> Self {
        BatchClosed {
            batch: c.batch.into(),
            photographed: c.photographed,
        }
    }
}

impl From<core_scanner::StepAsideOutcome> for StepAsideOutcome {
    fn from(a: core_scanner::StepAsideOutcome) -> Self {
        StepAsideOutcome {
            student_no: a.student_no,
            photo_no: a.photo_no,
            reason: a.reason.into(),
            record_seq: a.record_seq,
        }
    }
}

impl From<core_door::Tolerance> for Tolerance {
    fn from(t: core_door::Tolerance) -> Self {
        Tolerance {
            early_minutes: t.early_minutes,
            late_minutes: t.late_minutes,
        }
    }
}

impl From<Tolerance> for core_door::Tolerance {
    fn from(t: Tolerance) -> Self {
        core_door::Tolerance {
            early_minutes: t.early_minutes,
            late_minutes: t.late_minutes,
        }
    }
}

impl From<core_scanner::ScanOutcome> for ScanOutcome {
    fn from(o: core_scanner::ScanOutcome) -> Self {
        ScanOutcome {
            verdict: o.verdict.into(),
            colour: o.colour.into(),
            headline: o.headline.into(),
            detail: o.detail.into(),
            repeat: o.repeat,
            overridable: o.overridable,
            clock_warning: o.clock_warning.map(BilingualText::from),
            record_seq: o.record_seq,
            number_qr: o.number_qr,
        }
    }
}

impl From<core_door::Colour> for Colour {
    fn from(c: core_door::Colour) -> Self {
        match c {
            core_door::Colour::Green => Colour::Green,
            core_door::Colour::Amber => Colour::Amber,
            core_door::Colour::Red => Colour::Red,
        }
    }
}

impl From<core_log::Via> for Via {
    fn from(v: core_log::Via) -> Self {
        match v {
            core_log::Via::Pass => Via::Pass,
            core_log::Via::Manual => Via::Manual,
            core_log::Via::Override => Via::Override,
        }
    }
}

impl From<core_door::Timing> for Timing {
    fn from(t: core_door::Timing) -> Self {
        match t {
            core_door::Timing::TooEarly => Timing::TooEarly,
            core_door::Timing::TooLate => Timing::TooLate,
            core_door::Timing::WrongDay => Timing::WrongDay,
        }
    }
}

impl From<CoreHint> for NotAPassHint {
    fn from(h: CoreHint) -> Self {
        match h {
            CoreHint::Empty => NotAPassHint::Empty,
            CoreHint::LooksLikeCollectionCode => NotAPassHint::LooksLikeCollectionCode,
            CoreHint::LooksLikeUrl => NotAPassHint::LooksLikeUrl,
            CoreHint::WrongPrefix => NotAPassHint::WrongPrefix,
            CoreHint::Malformed => NotAPassHint::Malformed,
        }
    }
}

impl From<core_door::Verdict> for Verdict {
    fn from(v: core_door::Verdict) -> Self {
        use core_door::Verdict as V;
        match v {
            V::CheckedIn {
                student_no,
                name,
                class,
                via,
                early_minutes,
            } => Verdict::CheckedIn {
                student_no,
                name,
                class_name: class,
                via: via.into(),
                early_minutes,
            },
            V::Numbered {
                student_no,
                name,
                class,
                photo_no,
                batch,
                via,
                door_unseen,
                renumbered,
            } => Verdict::Numbered {
                student_no,
                name,
                class_name: class,
                photo_no,
                batch,
                via: via.into(),
                door_unseen,
                renumbered,
            },
            V::ShowCollectionCode {
                student_no,
                name,
                class,
            } => Verdict::ShowCollectionCode {
                student_no,
                name,
                class_name: class,
            },
            V::AlreadyCheckedIn {
                student_no,
                name,
                at_ms,
                at,
                device,
                device_name,
                this_device,
            } => Verdict::AlreadyCheckedIn {
                student_no,
                name,
                at_ms,
                at,
                device,
                device_name,
                this_device,
            },
            V::AlreadyNumbered {
                student_no,
                name,
                photo_no,
                batch,
                at_ms,
                at,
                device,
                device_name,
                this_device,
                photographed,
            } => Verdict::AlreadyNumbered {
                student_no,
                name,
                photo_no,
                batch,
                at_ms,
                at,
                device,
                device_name,
                this_device,
                photographed,
            },
            V::WrongSession {
                student_no,
                name,
                session,
                college,
                room,
                date,
                windows,
            } => Verdict::WrongSession {
                student_no,
                name,
                session,
                college: college.into(),
                room: room.into(),
                date,
                windows,
            },
            V::OutsideWindow {
                student_no,
                name,
                timing,
                minutes,
                at,
                date,
                windows,
                makeup_deadline,
                makeup_place,
            } => Verdict::OutsideWindow {
                student_no,
                name,
                timing: timing.into(),
                minutes,
                at,
                date,
                windows,
                makeup_deadline,
                makeup_place: makeup_place.into(),
            },
            V::Revoked {
                student_no,
                serial,
                min_serial,
            } => Verdict::Revoked {
                student_no,
                serial,
                min_serial,
            },
            V::PassReplaced {
                student_no,
                name,
                min_serial,
            } => Verdict::PassReplaced {
                student_no,
                name,
                min_serial,
            },
            V::NotOnRoster { student_no } => Verdict::NotOnRoster { student_no },
            V::BadSignature { claimed_student_no } => Verdict::BadSignature { claimed_student_no },
            V::UnknownKey { key_id } => Verdict::UnknownKey { key_id },
            V::NotAPass { hint } => Verdict::NotAPass { hint: hint.into() },
        }
    }
}

impl From<core_scanner::Batch> for Batch {
    fn from(b: core_scanner::Batch) -> Self {
        Batch {
            label: b.label().into(),
            waiting_line: b.waiting_line().into(),
            session: b.session,
            number: b.number,
            size: b.size,
            members: b.members.into_iter().map(BatchMember::from).collect(),
        }
    }
}

impl From<core_scanner::UndoOutcome> for UndoOutcome {
    fn from(u: core_scanner::UndoOutcome) -> Self {
        UndoOutcome {
            photo_no: u.photo_no,
            undone: u.undone,
            student_no: u.student_no,
            record_seq: u.record_seq,
        }
    }
}

impl From<core_scanner::BundleSummary> for BundleSummary {
    fn from(b: core_scanner::BundleSummary) -> Self {
        BundleSummary {
            event_id: b.event_id,
            title: b.title.into(),
            sessions: b.sessions,
            students: b.students,
            with_names: b.with_names,
            replaced: b.replaced,
            key_fingerprint: b.key_fingerprint,
            counter: b.counter,
            merged_from_aside: b.merged_from_aside,
        }
    }
}

impl From<core_scanner::ImportSummary> for ImportSummary {
    fn from(s: core_scanner::ImportSummary) -> Self {
        ImportSummary {
            added: s.added,
            known: s.known,
            devices: s.devices,
            warnings: s.warnings.into_iter().map(BilingualText::from).collect(),
            kept_aside: s.kept_aside.into_iter().map(KeptAside::from).collect(),
        }
    }
}

impl From<core_log::QrProgress> for LogQrProgress {
    fn from(p: core_log::QrProgress) -> Self {
        LogQrProgress {
            line: p.line().into(),
            received: p.received,
            total: p.total,
            missing: p.missing,
            already_merged: p.already_merged,
        }
    }
}

impl From<core_roster::Student> for RosterStudent {
    fn from(s: core_roster::Student) -> Self {
        RosterStudent {
            line: s.line(),
            student_no: s.student_no,
            name: s.name,
            college: s.college,
            cohort: s.cohort,
            class_name: s.class,
            session: s.session,
        }
    }
}

impl From<core_attendance::Admission> for Admission {
    fn from(a: core_attendance::Admission) -> Self {
        Admission {
            device_name: a.device_name,
            device: a.device,
            seq: a.seq,
            at_ms: a.at_ms,
            session: a.session,
            student_no: a.student_no,
            photo_no: a.photo_no,
            batch: a.batch,
            via: a.via.into(),
            reason: a.reason,
        }
    }
}

impl From<core_attendance::SessionAttendance> for SessionAttendance {
    fn from(s: core_attendance::SessionAttendance) -> Self {
        SessionAttendance {
            heading: s.heading().into(),
            summary: s.summary().into(),
            absentees_title: s.absentees_title().into(),
            arrived_not_photographed_title: s.arrived_not_photographed_title().into(),
            session: s.session,
            college: s.college.into(),
            room: s.room.into(),
            date: s.date,
            expected: s.expected,
            arrived: s.arrived,
            numbered: s.numbered,
            photographed: s.photographed,
            not_on_roster: s.not_on_roster,
            stepped_aside: s.stepped_aside,
            classes: s
                .classes
                .into_iter()
                .map(|c| ClassAttendance {
                    line: c.line().into(),
                    complete: c.complete(),
                    class_name: c.class,
                    photographed: c.photographed,
                    expected: c.expected,
                })
                .collect(),
            absentees: s.absentees.into_iter().map(RosterStudent::from).collect(),
            arrived_not_photographed: s
                .arrived_not_photographed
                .into_iter()
                .map(RosterStudent::from)
                .collect(),
        }
    }
}

impl From<core_attendance::Attendance> for Attendance {
    fn from(a: core_attendance::Attendance) -> Self {
        Attendance {
            sessions: a
                .sessions
                .into_iter()
                .map(SessionAttendance::from)
                .collect(),
            duplicates: a
                .duplicates
                .into_iter()
                .map(|d| Duplicate {
                    advice: d.advice().into(),
                    student_no: d.student_no,
                    keep: d.keep.into(),
                    void: d.void.into_iter().map(Admission::from).collect(),
                })
                .collect(),
            clashes: a
                .clashes
                .into_iter()
                .map(|c| NumberClash {
                    advice: c.advice().into(),
                    session: c.session,
                    photo_no: c.photo_no,
                    holders: c.holders.into_iter().map(Admission::from).collect(),
                })
                .collect(),
            voids: a
                .voids
                .into_iter()
                .map(|v| VoidNote {
                    device: v.device,
                    seq: v.seq,
                    by: v.by,
                    at_ms: v.at_ms,
                    reason: v.reason,
                })
                .collect(),
            refusals: a.refusals.into_iter().collect(),
        }
    }
}

/// Enrolment and trust between devices: the code a device shows to be enrolled, the logs of
/// devices not enrolled kept aside, and how devices are named.
#[uniffi::export]
impl ScannerApp {
    /// This device's enrolment code under the station name staff give it (一教104 门口): show
    /// `text` as a QR code and `fingerprint` large, for the 教务处 to enrol the device with
    /// `photoday device add`. Memory only.
    ///
    /// Fails with `InvalidInput` for an empty or over-long station name.
    pub fn enrolment_code(&self, station_name: String) -> ApiResult<EnrolmentCode> {
        Ok(lock(&self.inner).enrolment_code(&station_name)?.into())
    }

    /// Devices not enrolled whose logs wait aside here (they merge by themselves once a newer
    /// bundle enrols them). Disk (reads).
    pub fn kept_aside(&self) -> ApiResult<Vec<KeptAside>> {
        Ok(lock(&self.inner)
            .kept_aside()?
            .into_iter()
            .map(KeptAside::from)
            .collect())
    }

    /// How this phone names a device: its station name from the bundle with its id, or the id
    /// alone. Memory only.
    pub fn device_label(&self, device_id: String) -> String {
        lock(&self.inner).device_label(&device_id)
    }

    /// Fingerprint of the event key this phone pinned with its first bundle, once it has one.
    /// Memory only.
    pub fn pinned_key_fingerprint(&self) -> Option<String> {
        lock(&self.inner)
            .bundle()
            .map(photoday_core::bundle::signer_fingerprint)
    }
}

/// What a device shows to be enrolled by the 教务处.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct EnrolmentCode {
    /// The text for the QR code (`PDE1:…`); `photoday device add` takes it, or a photo of the QR.
    pub text: String,
    /// The fingerprint staff read aloud to compare with the laptop (`3F2A-9C0D-5E6B`).
    pub fingerprint: String,
    /// The device's id, as logs and reports name it.
    pub device: String,
    /// The station name inside the code.
    pub station: String,
}

impl From<photoday_core::enrolment::EnrolmentCode> for EnrolmentCode {
    fn from(c: photoday_core::enrolment::EnrolmentCode) -> Self {
        EnrolmentCode {
            text: c.text(),
            fingerprint: c.fingerprint,
            device: c.device,
            station: c.station,
        }
    }
}

/// A device not enrolled whose records were kept aside.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct KeptAside {
    /// Device id.
    pub device: String,
    /// Its fingerprint, to compare with the device's enrolment code.
    pub fingerprint: String,
    /// How many of its records wait.
    pub records: u32,
    /// What to tell staff, with what to do.
    pub text: BilingualText,
}

impl From<photoday_core::enrolment::KeptAside> for KeptAside {
    fn from(k: photoday_core::enrolment::KeptAside) -> Self {
        KeptAside {
            text: k.text().into(),
            device: k.device,
            fingerprint: k.fingerprint,
            records: k.records,
        }
    }
}
