//! The door app's API: `ScannerApp`, over the core's `Scanner`.
//!
//! A staff phone imports the scanner bundle, chooses the session it guards, and scans: each scan
//! returns a verdict with everything the screen shows (colour, headline, detail, photo number and
//! batch), already durable on disk when it returns green. Staff check in by hand, override with a
//! reason, undo within minutes, see the batch being called in and who is still missing, and pass
//! their log to other phones as a file or as QR codes. Every method forwards to the core; the
//! records mirror `photoday_core::{scanner, door, attendance, log}`.

use std::sync::{Arc, Mutex};

use photoday_core::attendance as core_attendance;
use photoday_core::door as core_door;
use photoday_core::log as core_log;
use photoday_core::pass::NotAPassHint as CoreHint;
use photoday_core::roster as core_roster;
use photoday_core::scanner::{self as core_scanner, Scanner};
use photoday_core::Error as CoreError;

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
    inner: Mutex<Scanner>,
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
        Ok(Arc::new(ScannerApp {
            inner: Mutex::new(Scanner::open(db_path)?),
        }))
    }

    /// This device's random id (it names the device in logs and in "already admitted on …").
    /// Memory only.
    pub fn device_id(&self) -> String {
        lock(&self.inner).device_id().to_string()
    }

    /// The event, once a bundle is imported. Memory only.
    pub fn event(&self) -> Option<Event> {
        lock(&self.inner).event().map(Event::from)
    }

    /// Imports the scanner bundle from the 教务处 (event, keys, revocations, roster). A newer
    /// bundle of the same event replaces the old one and keeps every record. Disk (writes).
    ///
    /// Fails with `BadBundle` for a tampered, truncated, foreign, older or student bundle;
    /// nothing is imported then.
    pub fn import_bundle(&self, bytes: Vec<u8>) -> ApiResult<BundleSummary> {
        Ok(lock(&self.inner).import_bundle(&bytes)?.into())
    }

    /// Chooses the session this device guards (its number, 序号) and, when several devices
    /// share that session, this device's photo-number letter (`A`–`Z`). Disk (writes).
    ///
    /// Fails with `NotReady` before a bundle, `InvalidInput` for an unknown session or a lane
    /// that is not one letter.
    pub fn set_station(&self, session: u8, lane: Option<String>) -> ApiResult<Station> {
        let lane = match lane.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(l) => {
                let mut chars = l.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => Some(c),
                    _ => {
                        return Err(CoreError::Invalid(format!(
                            "photo-number letter `{l}` must be a single letter A–Z"
                        ))
                        .into())
                    }
                }
            }
        };
        Ok(lock(&self.inner).set_station(session, lane)?.into())
    }

    /// The session this device guards, once chosen. Memory only.
    pub fn station(&self) -> Option<Station> {
        lock(&self.inner).station().map(Station::from)
    }

    /// How early before and how late after a window a scan still admits. Memory only.
    pub fn tolerance(&self) -> Tolerance {
        lock(&self.inner).tolerance().into()
    }

    /// Sets how early before and how late after a window a scan still admits. Disk (writes).
    pub fn set_tolerance(&self, tolerance: Tolerance) -> ApiResult<()> {
        Ok(lock(&self.inner).set_tolerance(tolerance.into())?)
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

    /// Admits over an overridable verdict (outside the window, not on the roster) for this pass,
    /// recording the staff's reason. Any other verdict comes back unchanged: a forged pass
    /// cannot be overridden. Disk (writes).
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

    /// Checks a student in by number (no phone, no printout), with an optional note; with
    /// `override_reason`, admits over an outside-window or not-on-roster verdict. Disk (writes).
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

    /// Cancels one of this device's admissions by its record number (`ScanOutcome.record_seq`)
    /// within 5 minutes; the photo number is not reused and the student can be admitted again.
    /// The undo is itself a record. Disk (writes).
    ///
    /// Fails with `InvalidInput` when the record is not this device's admission, was already
    /// undone or is too old.
    pub fn undo(&self, record_seq: u64, now_ms: i64) -> ApiResult<UndoOutcome> {
        Ok(lock(&self.inner).undo(record_seq, now_ms)?.into())
    }

    /// Undoes this device's latest standing admission in its session (within 5 minutes).
    /// Disk (writes).
    ///
    /// Fails with `InvalidInput` when there is nothing to undo or it is too old.
    pub fn undo_last(&self, now_ms: i64) -> ApiResult<UndoOutcome> {
        Ok(lock(&self.inner).undo_last(now_ms)?.into())
    }

    /// The batch being called into the studio: the batch of this device's latest admission,
    /// members in photo-number order; `null`/`nil` before the first admission. Disk (reads).
    pub fn current_batch(&self) -> ApiResult<Option<Batch>> {
        Ok(lock(&self.inner).current_batch()?.map(Batch::from))
    }

    /// Attendance of every session from everything this device recorded and merged, with the
    /// absentees (the 补拍 list) and the students photographed twice. Disk (reads).
    pub fn attendance(&self) -> ApiResult<Attendance> {
        Ok(lock(&self.inner).attendance()?.into())
    }

    /// Attendance of this device's session. Disk (reads).
    pub fn station_attendance(&self) -> ApiResult<SessionAttendance> {
        Ok(lock(&self.inner).station_attendance()?.into())
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
    /// Fails with `BadLog` for a damaged code or one of another sequence.
    pub fn receive_log_qr(&self, text: String) -> ApiResult<LogQrReceipt> {
        let (progress, imported) = lock(&self.inner).receive_log_qr(&text)?;
        Ok(LogQrReceipt {
            progress: progress.into(),
            imported: imported.map(ImportSummary::from),
        })
    }

    /// Deletes the roster, the bundle and the records, once this device's own records have all
    /// been exported and confirmed (`confirm_log_exported`). Disk (writes).
    ///
    /// Fails with `NotReady` while records are not exported, so nothing un-merged is lost.
    pub fn purge(&self) -> ApiResult<()> {
        Ok(lock(&self.inner).purge()?)
    }
}

/// The session a device guards.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Station {
    /// 1-based session number (序号).
    pub session: u8,
    /// Photo-number letter (`A`, `B`…) when several devices share the session.
    pub lane: Option<String>,
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
    /// The admission's record number, for `undo`; set only when admitted.
    pub record_seq: Option<u64>,
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

/// The verdict at the door (DESIGN §4). Only `Admitted` lets the student in.
#[derive(Debug, Clone, PartialEq, uniffi::Enum)]
pub enum Verdict {
    /// Go in: the photo number and batch.
    Admitted {
        student_no: u64,
        name: Option<String>,
        /// The student's class (group) in the arrival plan.
        class_name: Option<String>,
        photo_no: String,
        batch: u32,
        via: Via,
        /// Minutes before their class's planned time (the plan informs, it never refuses).
        early_minutes: Option<u32>,
    },
    /// Already in: when, on which device, with which photo number.
    AlreadyAdmitted {
        student_no: u64,
        name: Option<String>,
        photo_no: String,
        at_ms: i64,
        /// `HH:MM`, event-local.
        at: String,
        device: String,
        this_device: bool,
    },
    /// Booked into another session: the right college, room, date and windows.
    WrongSession {
        student_no: u64,
        name: Option<String>,
        session: u8,
        college: BilingualText,
        room: BilingualText,
        date: String,
        windows: String,
    },
    /// Right session, wrong time; staff may override.
    OutsideWindow {
        student_no: u64,
        name: Option<String>,
        timing: Timing,
        minutes: i64,
        date: String,
        windows: String,
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

/// One line of the batch being called in.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct BatchMember {
    /// Photo number (`12`, `A012`).
    pub photo_no: String,
    /// Student number.
    pub student_no: u64,
    /// Name, when the bundle has names.
    pub name: Option<String>,
}

/// The batch being called into the studio.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Batch {
    /// Batch number (1, 2, 3…).
    pub number: u32,
    /// The event's batch size.
    pub size: u32,
    /// Members in photo-number order.
    pub members: Vec<BatchMember>,
}

/// What an undo did.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct UndoOutcome {
    /// The cancelled photo number (it is not reused).
    pub photo_no: String,
    /// The student, who can now be admitted again.
    pub student_no: u64,
    /// The undo's own record number.
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
}

/// One admission that stands (not undone).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Admission {
    /// Device that admitted.
    pub device: String,
    /// Its record number there.
    pub seq: u64,
    /// When (Unix ms, that device's clock).
    pub at_ms: i64,
    /// Session.
    pub session: u8,
    /// Student.
    pub student_no: u64,
    /// Photo number as written on the form (`12`, `A012`).
    pub photo_no: String,
    /// Pass, manual or override.
    pub via: Via,
    /// Staff's reason (manual, override).
    pub reason: Option<String>,
}

/// A student photographed more than once (admitted on two devices).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Duplicate {
    /// Student.
    pub student_no: u64,
    /// The first admission: its photo stands.
    pub keep: Admission,
    /// Later admissions: void these photo numbers.
    pub void: Vec<Admission>,
}

/// Admitted against expected for one class of a session.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ClassAttendance {
    /// Class (`软件1班`).
    pub class_name: String,
    /// Admitted.
    pub admitted: u32,
    /// On the roster.
    pub expected: u32,
}

/// Attendance of one session.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SessionAttendance {
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
    /// Roster students admitted.
    pub admitted: u32,
    /// Admitted but not on the roster (overrides).
    pub not_on_roster: u32,
    /// Per class, in plan order.
    pub classes: Vec<ClassAttendance>,
    /// Roster students not admitted: the 补拍 list.
    pub absentees: Vec<RosterStudent>,
}

/// Attendance of every session plus the students photographed twice.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Attendance {
    /// One per session, in the event's order.
    pub sessions: Vec<SessionAttendance>,
    /// Students photographed twice: which photo number to void.
    pub duplicates: Vec<Duplicate>,
}

impl From<core_scanner::Station> for Station {
    fn from(s: core_scanner::Station) -> Self {
        Station {
            session: s.session,
            lane: s.lane.map(String::from),
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
            V::Admitted {
                student_no,
                name,
                class,
                photo_no,
                batch,
                via,
                early_minutes,
            } => Verdict::Admitted {
                student_no,
                name,
                class_name: class,
                photo_no,
                batch,
                via: via.into(),
                early_minutes,
            },
            V::AlreadyAdmitted {
                student_no,
                name,
                photo_no,
                at_ms,
                at,
                device,
                this_device,
            } => Verdict::AlreadyAdmitted {
                student_no,
                name,
                photo_no,
                at_ms,
                at,
                device,
                this_device,
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
                date,
                windows,
            } => Verdict::OutsideWindow {
                student_no,
                name,
                timing: timing.into(),
                minutes,
                date,
                windows,
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
            number: b.number,
            size: b.size,
            members: b
                .members
                .into_iter()
                .map(|m| BatchMember {
                    photo_no: m.photo_no,
                    student_no: m.student_no,
                    name: m.name,
                })
                .collect(),
        }
    }
}

impl From<core_scanner::UndoOutcome> for UndoOutcome {
    fn from(u: core_scanner::UndoOutcome) -> Self {
        UndoOutcome {
            photo_no: u.photo_no,
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
        }
    }
}

impl From<core_scanner::ImportSummary> for ImportSummary {
    fn from(s: core_scanner::ImportSummary) -> Self {
        ImportSummary {
            added: s.added,
            known: s.known,
            devices: s.devices,
        }
    }
}

impl From<core_log::QrProgress> for LogQrProgress {
    fn from(p: core_log::QrProgress) -> Self {
        LogQrProgress {
            received: p.received,
            total: p.total,
            missing: p.missing,
        }
    }
}

impl From<core_roster::Student> for RosterStudent {
    fn from(s: core_roster::Student) -> Self {
        RosterStudent {
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
            device: a.device,
            seq: a.seq,
            at_ms: a.at_ms,
            session: a.session,
            student_no: a.student_no,
            photo_no: a.photo_no,
            via: a.via.into(),
            reason: a.reason,
        }
    }
}

impl From<core_attendance::SessionAttendance> for SessionAttendance {
    fn from(s: core_attendance::SessionAttendance) -> Self {
        SessionAttendance {
            session: s.session,
            college: s.college.into(),
            room: s.room.into(),
            date: s.date,
            expected: s.expected,
            admitted: s.admitted,
            not_on_roster: s.not_on_roster,
            classes: s
                .classes
                .into_iter()
                .map(|c| ClassAttendance {
                    class_name: c.class,
                    admitted: c.admitted,
                    expected: c.expected,
                })
                .collect(),
            absentees: s.absentees.into_iter().map(RosterStudent::from).collect(),
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
                    student_no: d.student_no,
                    keep: d.keep.into(),
                    void: d.void.into_iter().map(Admission::from).collect(),
                })
                .collect(),
        }
    }
}
