//! A door device: a staff phone (or the laptop's `photoday scan`) guarding one session.
//!
//! This is the inner struct the app's `ScannerApp` forwards to. It holds the imported scanner
//! bundle, the chosen station, and the device's log. Every verdict that admits is committed to disk
//! (`synchronous=FULL`) inside the same transaction that picks the photo number, before the
//! verdict is returned: what a screen showed green survives a killed app or a flat battery, and no
//! photo number is ever handed out twice.

use serde::{Deserialize, Serialize};

use crate::attendance::{self, Attendance, Ledger, SessionAttendance};
use crate::bundle::{self, BundleContent, BundleKind};
use crate::door::{self, Colour, Tolerance, Verdict};
use crate::error::{Error, Result};
use crate::event::Event;
use crate::keys::KeyRing;
use crate::log::{self, Action, LogFile, QrAssembler, QrProgress, Record, Via};
use crate::pass::{self, PassCheck, Revocations};
use crate::roster::Roster;
use crate::store::{self, Store};
use crate::text::Text;
use crate::time::{self, UnixMillis};

/// The same text scanned again within this many milliseconds is the same scan.
pub const REPEAT_WINDOW_MS: i64 = 5_000;
/// An admission can be undone on the device that made it for this long.
pub const UNDO_WINDOW_MS: i64 = 5 * 60_000;

const META_DEVICE: &str = "device_id";
const META_STATION: &str = "station";
const META_EXPORTED: &str = "exported_through_seq";
const META_TOLERANCE: &str = "tolerance";
const BLOB_BUNDLE: &str = "scanner_bundle";

/// The session a device guards, and its letter when several devices number one session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Station {
    /// 1-based session.
    pub session: u8,
    /// Photo-number prefix (`A`, `B`…) when more than one device admits in this session.
    pub lane: Option<char>,
}

/// What a screen shows after a scan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScanOutcome {
    /// The verdict and its details.
    pub verdict: Verdict,
    /// Colour to show.
    pub colour: Colour,
    /// Big headline.
    pub headline: Text,
    /// The line under it.
    pub detail: Text,
    /// True when this was the same text again within a few seconds: nothing new was recorded.
    pub repeat: bool,
    /// Whether staff may admit over it with a reason.
    pub overridable: bool,
    /// Set when the device clock looks wrong.
    pub clock_warning: Option<Text>,
    /// The record this scan wrote, if any (the admission's sequence number, for undo).
    pub record_seq: Option<u64>,
}

/// One line of the batch being called in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchMember {
    /// Photo number.
    pub photo_no: String,
    /// Student number.
    pub student_no: u64,
    /// Name if the bundle has names.
    pub name: Option<String>,
}

/// The batch being called into the studio.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Batch {
    /// Batch number (1, 2, 3…).
    pub number: u32,
    /// The event's batch size.
    pub size: u32,
    /// Members in photo-number order.
    pub members: Vec<BatchMember>,
}

/// What an undo did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UndoOutcome {
    /// The cancelled photo number (it is not reused).
    pub photo_no: String,
    /// The student, who can now be admitted again.
    pub student_no: u64,
    /// The undo record's sequence number.
    pub record_seq: u64,
}

/// What a log import did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportSummary {
    /// Records new to this device.
    pub added: u32,
    /// Records it already had.
    pub known: u32,
    /// Devices the log covers.
    pub devices: Vec<String>,
}

/// What a bundle import did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleSummary {
    /// Event id.
    pub event_id: String,
    /// Event title.
    pub title: Text,
    /// Sessions in the event.
    pub sessions: u32,
    /// Students on the roster.
    pub students: u32,
    /// Whether names are included.
    pub with_names: bool,
    /// Whether this replaced an older bundle.
    pub replaced: bool,
}

struct Loaded {
    content: BundleContent,
    keys: KeyRing,
    revocations: Revocations,
    roster: Roster,
}

/// A door device over its own database.
pub struct Scanner {
    store: Store,
    device: String,
    loaded: Option<Loaded>,
    station: Option<Station>,
    tolerance: Tolerance,
    last: Option<(String, UnixMillis, ScanOutcome)>,
    qr_in: QrAssembler,
    /// This device's last record in the latest export, until the user confirms it was saved.
    pending_export: Option<u64>,
}

fn new_device_id() -> String {
    let mut b = [0u8; 6];
    getrandom::fill(&mut b).expect("the OS gives random bytes");
    b.iter().map(|x| format!("{x:02x}")).collect()
}

impl Scanner {
    /// Opens the device database (creating it and a device id on first use). Touches the disk.
    pub fn open(path: impl AsRef<std::path::Path>) -> Result<Scanner> {
        Self::with_store(Store::open(path)?)
    }

    /// A device over an already open store.
    pub fn with_store(mut store: Store) -> Result<Scanner> {
        let (device, bundle, station, tolerance) = store.write(|tx| {
            let device = match store::get_meta(tx, META_DEVICE)? {
                Some(d) => d,
                None => {
                    let d = new_device_id();
                    store::set_meta(tx, META_DEVICE, &d)?;
                    d
                }
            };
            let station = store::get_meta(tx, META_STATION)?
                .and_then(|s| serde_json::from_str::<Station>(&s).ok());
            let tolerance = store::get_meta(tx, META_TOLERANCE)?
                .and_then(|s| serde_json::from_str::<Tolerance>(&s).ok())
                .unwrap_or_default();
            Ok((
                device,
                store::get_blob(tx, BLOB_BUNDLE)?,
                station,
                tolerance,
            ))
        })?;
        let loaded = match bundle {
            Some(bytes) => Some(Self::load(&bundle::open(&bytes, None)?)),
            None => None,
        };
        Ok(Scanner {
            store,
            device,
            loaded,
            station,
            tolerance,
            last: None,
            qr_in: QrAssembler::new(),
            pending_export: None,
        })
    }

    fn load(content: &BundleContent) -> Loaded {
        Loaded {
            keys: content.key_ring(),
            revocations: content.revocation_list(),
            roster: content.roster(),
            content: content.clone(),
        }
    }

    /// This device's random id.
    pub fn device_id(&self) -> &str {
        &self.device
    }

    /// The event, once a bundle is imported.
    pub fn event(&self) -> Option<&Event> {
        self.loaded.as_ref().map(|l| &l.content.event)
    }

    /// The bundle's roster (names empty when the bundle has none).
    pub fn roster(&self) -> Option<&Roster> {
        self.loaded.as_ref().map(|l| &l.roster)
    }

    /// The bundle's content.
    pub fn bundle(&self) -> Option<&BundleContent> {
        self.loaded.as_ref().map(|l| &l.content)
    }

    /// The chosen station.
    pub fn station(&self) -> Option<Station> {
        self.station
    }

    /// The time tolerance around windows.
    pub fn tolerance(&self) -> Tolerance {
        self.tolerance
    }

    /// Imports a scanner bundle; a newer bundle of the same event replaces the old one and keeps
    /// every record. A tampered, truncated or foreign bundle is refused whole. Touches the disk.
    pub fn import_bundle(&mut self, bytes: &[u8]) -> Result<BundleSummary> {
        let current = self.loaded.as_ref().map(|l| &l.content);
        let content = bundle::accept(bytes, BundleKind::Scanner, current, false)?;
        let replaced = current.is_some();
        self.store
            .write(|tx| store::set_blob(tx, BLOB_BUNDLE, bytes))?;
        if let Some(st) = self.station {
            if content.event.session(st.session).is_none() {
                self.station = None;
                self.store.write(|tx| {
                    tx.execute("DELETE FROM meta WHERE key = ?1", [META_STATION])?;
                    Ok(())
                })?;
            }
        }
        let summary = BundleSummary {
            event_id: content.event.id.clone(),
            title: content.event.title.clone(),
            sessions: content.event.sessions.len() as u32,
            students: content.students.len() as u32,
            with_names: content.with_names,
            replaced,
        };
        self.loaded = Some(Self::load(&content));
        self.last = None;
        Ok(summary)
    }

    /// Chooses the session this device guards and its photo-number letter (`A`–`Z`) when it
    /// shares the session with other devices. Touches the disk.
    pub fn set_station(&mut self, session: u8, lane: Option<char>) -> Result<Station> {
        let event = self.loaded()?.content.event.clone();
        if event.session(session).is_none() {
            return Err(Error::Invalid(format!(
                "session {session} does not exist; the event has sessions 1–{}",
                event.sessions.len()
            )));
        }
        let lane = lane.map(|c| c.to_ascii_uppercase());
        if let Some(c) = lane {
            if !c.is_ascii_uppercase() {
                return Err(Error::Invalid(format!(
                    "photo-number letter `{c}` must be a letter A–Z"
                )));
            }
        }
        let st = Station { session, lane };
        self.store.write(|tx| {
            store::set_meta(
                tx,
                META_STATION,
                &serde_json::to_string(&st).expect("serialises"),
            )
        })?;
        self.station = Some(st);
        self.last = None;
        Ok(st)
    }

    /// Sets how early and late around windows scans still admit. Touches the disk.
    pub fn set_tolerance(&mut self, tolerance: Tolerance) -> Result<()> {
        self.store.write(|tx| {
            store::set_meta(
                tx,
                META_TOLERANCE,
                &serde_json::to_string(&tolerance).expect("serialises"),
            )
        })?;
        self.tolerance = tolerance;
        Ok(())
    }

    fn loaded(&self) -> Result<&Loaded> {
        self.loaded.as_ref().ok_or_else(|| {
            Error::NotReady(
                "no scanner bundle yet: import the bundle from the 教务处 first (导入资料包)"
                    .into(),
            )
        })
    }

    fn ready(&self) -> Result<(&Loaded, Station)> {
        let l = self.loaded()?;
        let st = self.station.ok_or_else(|| {
            Error::NotReady("choose the session this device guards first (选择考场)".into())
        })?;
        Ok((l, st))
    }

    /// Judges a scanned text and, if admitted, records the admission durably before returning.
    /// The same text again within 5 seconds of its last sighting returns the first outcome with
    /// `repeat` set and records nothing (a pass held up to the camera stays one scan). Touches
    /// the disk.
    pub fn scan(&mut self, text: &str, now: UnixMillis) -> Result<ScanOutcome> {
        let key = text.trim().to_string();
        if let Some((t, at, out)) = &mut self.last {
            if *t == key && now >= *at && now - *at < REPEAT_WINDOW_MS {
                // The window slides with each sighting: a pass held in front of the camera for
                // a minute is still the same scan, not an "already admitted" in amber.
                *at = now;
                let mut out = out.clone();
                out.repeat = true;
                return Ok(out);
            }
        }
        let (l, _) = self.ready()?;
        let check = pass::verify(text, &l.content.event.id, &l.keys, &l.revocations);
        let out = match check {
            PassCheck::Valid {
                student_no,
                session_index,
                serial,
                ..
            } => self.judge(
                student_no,
                Some(session_index),
                Via::Pass,
                Some(serial),
                None,
                now,
            )?,
            PassCheck::Revoked {
                student_no,
                serial,
                min_serial,
                ..
            } => self.refuse(
                Verdict::Revoked {
                    student_no,
                    serial,
                    min_serial,
                },
                now,
            )?,
            PassCheck::BadSignature {
                claimed_student_no, ..
            } => self.refuse(Verdict::BadSignature { claimed_student_no }, now)?,
            PassCheck::UnknownKey { key_id } => self.refuse(Verdict::UnknownKey { key_id }, now)?,
            PassCheck::NotAPass { hint } => self.refuse(Verdict::NotAPass { hint }, now)?,
        };
        self.last = Some((key, now, out.clone()));
        Ok(out)
    }

    /// Admits over an `outside_window` or `not_on_roster` verdict for this pass, with the staff's
    /// reason. Any other verdict is returned unchanged (a forged pass cannot be overridden).
    pub fn override_pass(
        &mut self,
        text: &str,
        reason: &str,
        now: UnixMillis,
    ) -> Result<ScanOutcome> {
        let reason = non_empty_reason(reason)?;
        let (l, _) = self.ready()?;
        match pass::verify(text, &l.content.event.id, &l.keys, &l.revocations) {
            PassCheck::Valid {
                student_no,
                session_index,
                serial,
                ..
            } => {
                self.last = None;
                self.judge(
                    student_no,
                    Some(session_index),
                    Via::Pass,
                    Some(serial),
                    Some(reason),
                    now,
                )
            }
            _ => {
                self.last = None;
                self.scan(text, now)
            }
        }
    }

    /// Checks in a student by number (no phone, no printout). With `override_reason`, admits over
    /// `outside_window` / `not_on_roster`. Touches the disk.
    pub fn check_in_by_number(
        &mut self,
        student_no: u64,
        reason: Option<&str>,
        override_reason: Option<&str>,
        now: UnixMillis,
    ) -> Result<ScanOutcome> {
        let (l, st) = self.ready()?;
        if student_no == 0 || student_no > crate::roster::MAX_STUDENT_NO {
            return Err(Error::Invalid(format!(
                "{student_no} is not a student number (1–14 digits)"
            )));
        }
        let session = l
            .roster
            .get(student_no)
            .map(|s| s.session)
            .unwrap_or(st.session);
        let over = override_reason.map(non_empty_reason).transpose()?;
        self.last = None;
        let reason = reason
            .map(|r| r.trim().to_string())
            .filter(|r| !r.is_empty());
        self.judge_with(
            student_no,
            Some(session),
            Via::Manual,
            None,
            over,
            reason,
            now,
        )
    }

    fn judge(
        &mut self,
        student_no: u64,
        session: Option<u8>,
        via: Via,
        serial: Option<u16>,
        override_reason: Option<String>,
        now: UnixMillis,
    ) -> Result<ScanOutcome> {
        self.judge_with(student_no, session, via, serial, override_reason, None, now)
    }

    #[allow(clippy::too_many_arguments)]
    fn judge_with(
        &mut self,
        student_no: u64,
        session: Option<u8>,
        via: Via,
        serial: Option<u16>,
        override_reason: Option<String>,
        note: Option<String>,
        now: UnixMillis,
    ) -> Result<ScanOutcome> {
        let (l, st) = self.ready()?;
        let event = &l.content.event;
        let now_local = time::to_local(event.utc_offset, now);
        let student = l.roster.get(student_no);
        let name = student.map(|s| s.name.clone()).filter(|n| !n.is_empty());
        let class = student.map(|s| s.class.clone()).filter(|c| !c.is_empty());
        let has_roster = !l.roster.is_empty();
        let on_roster = student.is_some();
        let session = session.unwrap_or(st.session);
        let tolerance = self.tolerance;
        let device = self.device.clone();
        let plan_time = l
            .content
            .plan
            .as_ref()
            .and_then(|p| p.entry_for(session, student_no))
            .map(|e| e.start);
        let batch_size = event.batch_size;
        let arrive_early = event.arrive_early_minutes as i64;
        let session_info = event.session(st.session).cloned();
        let wrong = (session != st.session)
            .then(|| door::wrong_session(event, student_no, name.clone(), session));
        let clock = door::clock_warning(event, now_local);
        let offset = event.utc_offset;

        let (verdict, seq) = self.store.write(|tx| {
            if let Some(v) = wrong {
                let seq = next_seq(tx, &device)?;
                log::insert(tx, &refusal(&device, seq, now, st.session, &v))?;
                return Ok((v, Some(seq)));
            }
            let ledger = Ledger::from_records(&log::for_student(tx, student_no)?);
            if let Some(prev) = ledger.of_student(student_no).first() {
                let v = door::Verdict::AlreadyAdmitted {
                    student_no,
                    name: name.clone(),
                    photo_no: prev.photo_no.clone(),
                    at_ms: prev.at_ms,
                    at: time::format_hhmm(time::to_local(offset, prev.at_ms).time()),
                    device: prev.device.clone(),
                    this_device: prev.device == device,
                };
                let seq = next_seq(tx, &device)?;
                log::insert(tx, &refusal(&device, seq, now, st.session, &v))?;
                return Ok((v, Some(seq)));
            }
            let mut refusal_verdict = None;
            if has_roster && !on_roster {
                refusal_verdict = Some(Verdict::NotOnRoster { student_no });
            } else if let Some(s) = &session_info {
                if let Some((timing, minutes)) = door::timing(s, now_local, tolerance) {
                    refusal_verdict = Some(Verdict::OutsideWindow {
                        student_no,
                        name: name.clone(),
                        timing,
                        minutes,
                        date: s.date.to_string(),
                        windows: s.windows_label(),
                    });
                }
            }
            let (via, reason) = match (refusal_verdict, &override_reason) {
                (Some(v), None) => {
                    let seq = next_seq(tx, &device)?;
                    log::insert(tx, &refusal(&device, seq, now, st.session, &v))?;
                    return Ok((v, Some(seq)));
                }
                (Some(_), Some(r)) => (Via::Override, Some(r.clone())),
                (None, _) => (via, note.clone().or(override_reason.clone())),
            };
            let photo_seq = match log::last_admit(tx, &device, st.session)? {
                Some(Record {
                    action: Action::Admit { photo_seq, .. },
                    ..
                }) => photo_seq + 1,
                _ => 1,
            };
            let seq = next_seq(tx, &device)?;
            let rec = Record {
                device: device.clone(),
                seq,
                at_ms: now,
                session: st.session,
                action: Action::Admit {
                    student_no,
                    photo_seq,
                    lane: st.lane,
                    via,
                    serial,
                    reason,
                },
            };
            log::insert(tx, &rec)?;
            // Arriving up to the notice's "20 minutes early" is on time; earlier is worth a word.
            let early_minutes = plan_time
                .map(|t| (t - now_local).num_minutes())
                .filter(|m| *m > arrive_early)
                .map(|m| m as u32);
            Ok((
                Verdict::Admitted {
                    student_no,
                    name: name.clone(),
                    class: class.clone(),
                    photo_no: log::photo_no(st.lane, photo_seq),
                    batch: photo_seq.div_ceil(batch_size),
                    via,
                    early_minutes,
                },
                Some(seq),
            ))
        })?;
        Ok(outcome(verdict, clock, seq))
    }

    fn refuse(&mut self, verdict: Verdict, now: UnixMillis) -> Result<ScanOutcome> {
        let (l, st) = self.ready()?;
        let clock = door::clock_warning(
            &l.content.event,
            time::to_local(l.content.event.utc_offset, now),
        );
        let device = self.device.clone();
        let seq = self.store.write(|tx| {
            let seq = next_seq(tx, &device)?;
            log::insert(tx, &refusal(&device, seq, now, st.session, &verdict))?;
            Ok(seq)
        })?;
        Ok(outcome(verdict, clock, Some(seq)))
    }

    /// Cancels one of this device's admissions (by its record number) within 5 minutes. The photo
    /// number is not reused. Touches the disk.
    pub fn undo(&mut self, record_seq: u64, now: UnixMillis) -> Result<UndoOutcome> {
        let device = self.device.clone();
        let (_, st) = self.ready()?;
        let out = self.store.write(|tx| {
            let rows = log::for_device_session(tx, &device, st.session)?;
            let Some(target) = rows.iter().find(|r| r.seq == record_seq) else {
                return Err(Error::Invalid(format!(
                    "record {record_seq} is not an admission of this device in this session; only the device that admitted can undo"
                )));
            };
            let Action::Admit { student_no, .. } = target.action else {
                return Err(Error::Invalid(format!("record {record_seq} is not an admission")));
            };
            if rows.iter().any(|r| matches!(r.action, Action::Undo { target_seq, .. } if target_seq == record_seq)) {
                return Err(Error::Invalid(format!(
                    "photo no. {} was already undone",
                    target.photo_no().unwrap_or_default()
                )));
            }
            if now - target.at_ms > UNDO_WINDOW_MS {
                return Err(Error::Invalid(format!(
                    "photo no. {} was given more than 5 minutes ago and can no longer be undone; ask the 教务处 to void it in the report",
                    target.photo_no().unwrap_or_default()
                )));
            }
            let seq = next_seq(tx, &device)?;
            log::insert(
                tx,
                &Record {
                    device: device.clone(),
                    seq,
                    at_ms: now,
                    session: st.session,
                    action: Action::Undo {
                        target_seq: record_seq,
                        student_no,
                    },
                },
            )?;
            Ok(UndoOutcome {
                photo_no: target.photo_no().unwrap_or_default(),
                student_no,
                record_seq: seq,
            })
        })?;
        self.last = None;
        Ok(out)
    }

    /// Undoes this device's latest standing admission in its session (within 5 minutes).
    pub fn undo_last(&mut self, now: UnixMillis) -> Result<UndoOutcome> {
        let (_, st) = self.ready()?;
        let device = self.device.clone();
        let rows = self
            .store
            .read(|tx| log::for_device_session(tx, &device, st.session))?;
        let ledger = Ledger::from_records(&rows);
        let last = ledger
            .admissions()
            .iter()
            .filter(|a| a.device == device)
            .max_by_key(|a| a.seq)
            .ok_or_else(|| Error::Invalid("nothing to undo on this device".into()))?;
        self.undo(last.seq, now)
    }

    /// The batch being called in: the batch of this device's latest standing admission.
    pub fn current_batch(&mut self) -> Result<Option<Batch>> {
        let (l, st) = self.ready()?;
        let size = l.content.event.batch_size;
        let device = self.device.clone();
        let rows = self
            .store
            .read(|tx| log::for_device_session(tx, &device, st.session))?;
        let ledger = Ledger::from_records(&rows);
        let mine: Vec<_> = ledger
            .admissions()
            .iter()
            .filter(|a| a.device == device)
            .collect();
        let Some(last) = mine.iter().max_by_key(|a| a.photo_seq) else {
            return Ok(None);
        };
        let number = last.photo_seq.div_ceil(size);
        let roster = &self.loaded()?.roster;
        let mut in_batch: Vec<_> = mine
            .iter()
            .filter(|a| a.photo_seq.div_ceil(size) == number)
            .collect();
        in_batch.sort_by_key(|a| a.photo_seq);
        let members: Vec<BatchMember> = in_batch
            .into_iter()
            .map(|a| BatchMember {
                photo_no: a.photo_no.clone(),
                student_no: a.student_no,
                name: roster
                    .get(a.student_no)
                    .map(|s| s.name.clone())
                    .filter(|n| !n.is_empty()),
            })
            .collect();
        Ok(Some(Batch {
            number,
            size,
            members,
        }))
    }

    /// Attendance of every session, from everything this device has recorded and merged.
    pub fn attendance(&mut self) -> Result<Attendance> {
        let l = self.loaded()?;
        let (event, roster) = (l.content.event.clone(), l.roster.clone());
        let records = self.store.read(|tx| log::all(tx))?;
        Ok(attendance::attendance(
            &event,
            &roster,
            &Ledger::from_records(&records),
        ))
    }

    /// Attendance of the station's session.
    pub fn station_attendance(&mut self) -> Result<SessionAttendance> {
        let (_, st) = self.ready()?;
        let a = self.attendance()?;
        Ok(a.sessions[st.session as usize - 1].clone())
    }

    /// Every record this device holds (its own and merged).
    pub fn records(&mut self) -> Result<Vec<Record>> {
        self.store.read(|tx| log::all(tx))
    }

    /// The log as a file: every record this device holds, so logs can be relayed phone to phone.
    /// Nothing is marked exported yet: call [`Scanner::confirm_log_exported`] once the file is
    /// saved (or the QR codes were scanned), so a cancelled save never lets a purge lose records.
    pub fn export_log(&mut self, now: UnixMillis) -> Result<Vec<u8>> {
        let event_id = self.loaded()?.content.event.id.clone();
        let device = self.device.clone();
        let (bytes, last) = self.store.read(|tx| {
            let records = log::all(tx)?;
            let last = log::last_seq(tx, &device)?;
            Ok((
                log::encode(&LogFile {
                    event_id,
                    from_device: device.clone(),
                    exported_at_ms: now,
                    records,
                }),
                last,
            ))
        })?;
        self.pending_export = Some(last);
        Ok(bytes)
    }

    /// Confirms that the latest export reached safety (file saved, codes scanned): this device's
    /// records up to that export may now be purged. Returns how many of this device's records are
    /// now exported. Touches the disk.
    pub fn confirm_log_exported(&mut self) -> Result<u64> {
        let Some(through) = self.pending_export.take() else {
            return Err(Error::NotReady(
                "nothing to confirm: export the log (导出记录) first".into(),
            ));
        };
        self.store.write(|tx| {
            let before: u64 = store::get_meta(tx, META_EXPORTED)?
                .and_then(|s| s.parse().ok())
                .unwrap_or(0);
            let now = before.max(through);
            store::set_meta(tx, META_EXPORTED, &now.to_string())?;
            let mine: i64 = tx.query_row(
                "SELECT count(*) FROM records WHERE device = ?1 AND seq <= ?2",
                rusqlite::params![self.device, now as i64],
                |r| r.get(0),
            )?;
            Ok(mine as u64)
        })
    }

    /// The log as QR texts to show one after another (each fits QR version 10).
    pub fn export_log_qr(&mut self, now: UnixMillis) -> Result<Vec<String>> {
        Ok(log::to_qr_texts(&self.export_log(now)?))
    }

    /// Merges a log file from another device: all or nothing, idempotent. Touches the disk.
    pub fn import_log(&mut self, bytes: &[u8]) -> Result<ImportSummary> {
        let event = self.loaded()?.content.event.clone();
        let log = log::decode(bytes)?;
        merge_log(&mut self.store, &event, &log)
    }

    /// Feeds one scanned log QR text; once all have arrived the log is merged and the summary
    /// returned. Progress is kept in memory until then.
    pub fn receive_log_qr(&mut self, text: &str) -> Result<(QrProgress, Option<ImportSummary>)> {
        let progress = self.qr_in.add(text)?;
        if !progress.missing.is_empty() {
            return Ok((progress, None));
        }
        let bytes = self.qr_in.finish();
        self.qr_in = QrAssembler::new();
        let summary = self.import_log(&bytes?)?;
        Ok((progress, Some(summary)))
    }

    /// Deletes the roster, the bundle and the records once this device's own records have all
    /// been exported; refuses otherwise, so nothing un-merged is lost. Touches the disk.
    pub fn purge(&mut self) -> Result<()> {
        let device = self.device.clone();
        self.store.write(|tx| {
            let last = log::last_seq(tx, &device)?;
            let exported: u64 = store::get_meta(tx, META_EXPORTED)?
                .and_then(|s| s.parse().ok())
                .unwrap_or(0);
            if last > exported {
                return Err(Error::NotReady(format!(
                    "{} record(s) of this device have not been exported yet; export the log (导出记录), save it, and confirm before clearing",
                    last - exported
                )));
            }
            tx.execute_batch(
                "DELETE FROM records; DELETE FROM blobs; DELETE FROM students; DELETE FROM meta WHERE key NOT IN ('device_id', 'seq_floor');",
            )?;
            Ok(())
        })?;
        // Keep the sequence moving forward even though old records are gone.
        self.loaded = None;
        self.station = None;
        self.last = None;
        self.pending_export = None;
        Ok(())
    }
}

fn non_empty_reason(reason: &str) -> Result<String> {
    let r = reason.trim();
    if r.is_empty() {
        return Err(Error::Invalid(
            "an override needs a reason (e.g. 辅导员确认 / checked with the counsellor)".into(),
        ));
    }
    Ok(r.to_string())
}

fn next_seq(tx: &rusqlite::Connection, device: &str) -> Result<u64> {
    let stored = log::last_seq(tx, device)?;
    let floor: u64 = store::get_meta(tx, "seq_floor")?
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let seq = stored.max(floor) + 1;
    store::set_meta(tx, "seq_floor", &seq.to_string())?;
    Ok(seq)
}

fn refusal(device: &str, seq: u64, now: UnixMillis, session: u8, v: &Verdict) -> Record {
    Record {
        device: device.to_string(),
        seq,
        at_ms: now,
        session,
        action: Action::Refuse {
            verdict: v.name().to_string(),
            student_no: v.student_no(),
        },
    }
}

fn outcome(verdict: Verdict, clock_warning: Option<Text>, record_seq: Option<u64>) -> ScanOutcome {
    let (headline, detail) = verdict.texts();
    ScanOutcome {
        colour: verdict.colour(),
        overridable: verdict.overridable(),
        headline,
        detail,
        repeat: false,
        clock_warning,
        record_seq: if matches!(verdict, Verdict::Admitted { .. }) {
            record_seq
        } else {
            None
        },
        verdict,
    }
}

/// Merges a decoded log into a store: same event only, all records valid, all or nothing.
pub fn merge_log(store: &mut Store, event: &Event, log: &LogFile) -> Result<ImportSummary> {
    if log.event_id != event.id {
        return Err(Error::BadLog(format!(
            "this log is from event `{}`, not `{}`",
            log.event_id, event.id
        )));
    }
    for r in &log.records {
        if r.device.is_empty() || r.seq == 0 || event.session(r.session).is_none() {
            return Err(Error::BadLog(format!(
                "record {}/{} is malformed (session {}); nothing was imported",
                r.device, r.seq, r.session
            )));
        }
    }
    store.write(|tx| {
        let (mut added, mut known) = (0, 0);
        let mut devices = std::collections::BTreeSet::new();
        for r in &log.records {
            devices.insert(r.device.clone());
            if log::insert(tx, r)? {
                added += 1;
            } else {
                known += 1;
            }
        }
        Ok(ImportSummary {
            added,
            known,
            devices: devices.into_iter().collect(),
        })
    })
}
