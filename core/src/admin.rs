//! The 教务处's event folder on the admin laptop.
//!
//! One folder per event: `event.toml` (the notice, editable), `event.key` (the private signing key,
//! mode 0600, never leaves this machine), `event.pub`, and `photoday.db` (roster, issued passes,
//! revocations, merged door logs). The CLI is a thin shell over this struct; so are tests.

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

use crate::attendance::{self, Attendance, Ledger};
use crate::bundle::{self, BundleContent, BundleKind};
use crate::error::{Error, Result};
use crate::event::Event;
use crate::keys::{EventKey, KeyRing, PublicKey};
use crate::log::{self, LogFile};
use crate::pass::{self, PassBody, Revocations};
use crate::plan::{self, Plan, PlanSettings};
use crate::roster::{Roster, Student};
use crate::scanner::{merge_log, ImportSummary};
use crate::store::{self, Store};
use crate::time::UnixMillis;

/// File names inside an event folder.
pub const EVENT_FILE: &str = "event.toml";
/// The private key.
pub const KEY_FILE: &str = "event.key";
/// The public key (hex).
pub const PUB_FILE: &str = "event.pub";
/// The database.
pub const DB_FILE: &str = "photoday.db";

/// A student with their current pass.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssuedPass {
    /// The student.
    pub student: Student,
    /// Pass revision.
    pub serial: u16,
    /// The pass text (`PD1:…`).
    pub text: String,
}

/// What `issue_passes` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssueSummary {
    /// New passes.
    pub issued: u32,
    /// Students whose session changed and got a new revision (the old one is revoked).
    pub reissued: u32,
    /// Students whose pass was already current.
    pub unchanged: u32,
}

/// One college's fee line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeeRow {
    /// College.
    pub college: String,
    /// Students on the roster.
    pub students: u32,
    /// Students marked paid.
    pub paid: u32,
    /// Yuan due (students × fee).
    pub due_yuan: u32,
    /// Yuan collected (paid × fee).
    pub paid_yuan: u32,
    /// Yuan still owed.
    pub owed_yuan: u32,
}

/// An open event folder.
pub struct EventFolder {
    dir: PathBuf,
    event: Event,
    store: Store,
}

impl EventFolder {
    /// Creates an event folder from a built-in template: event.toml, a new key pair (private key
    /// mode 0600) and the database. Refuses a folder that already holds an event.
    pub fn init(dir: &Path, template: &str) -> Result<EventFolder> {
        let event = Event::template(template)?;
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let toml_path = dir.join(EVENT_FILE);
        if toml_path.exists() || dir.join(KEY_FILE).exists() {
            return Err(Error::Invalid(format!(
                "{} already holds an event; use another folder, or `--dir {}` to work with it",
                dir.display(),
                dir.display()
            )));
        }
        let key = EventKey::generate();
        key.save(&dir.join(KEY_FILE))?;
        std::fs::write(dir.join(PUB_FILE), format!("{}\n", key.public().to_hex()))
            .map_err(|e| Error::io(dir.join(PUB_FILE), e))?;
        let text = if template == "gzcc-2023" {
            crate::event::GZCC_2023_TOML.to_string()
        } else {
            event.to_toml()
        };
        std::fs::write(&toml_path, text).map_err(|e| Error::io(&toml_path, e))?;
        Self::open(dir)
    }

    /// Opens an event folder (validating event.toml).
    pub fn open(dir: &Path) -> Result<EventFolder> {
        let toml_path = dir.join(EVENT_FILE);
        if !toml_path.exists() {
            return Err(Error::NotReady(format!(
                "{} has no {EVENT_FILE}; create the event with `photoday init {}`",
                dir.display(),
                dir.display()
            )));
        }
        let event = Event::load(&toml_path)?;
        let store = Store::open(dir.join(DB_FILE))?;
        Ok(EventFolder {
            dir: dir.to_path_buf(),
            event,
            store,
        })
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The event.
    pub fn event(&self) -> &Event {
        &self.event
    }

    /// The private key (refused if others can read it).
    pub fn key(&self) -> Result<EventKey> {
        EventKey::load(&self.dir.join(KEY_FILE))
    }

    /// Public keys that passes of this event may be signed with: the current key plus any listed
    /// in `event.pub` (one hex key a line; older keys stay listed during a rotation).
    pub fn key_ring(&self) -> Result<KeyRing> {
        let path = self.dir.join(PUB_FILE);
        let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
        let mut keys = Vec::new();
        for line in text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            keys.push(PublicKey::from_hex(line)?);
        }
        if keys.is_empty() {
            return Err(Error::BadKeyFile {
                path,
                detail: "no public key in it".into(),
            });
        }
        Ok(KeyRing::new(keys))
    }

    /// Replaces the roster (all or nothing). Passes already issued stay; run `issue_passes` next.
    pub fn import_roster(&mut self, roster: &Roster) -> Result<usize> {
        self.store.write(|tx| {
            tx.execute("DELETE FROM students", [])?;
            let mut stmt = tx.prepare_cached(
                "INSERT INTO students (student_no, name, college, cohort, class, paid, session)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?;
            for s in roster.students() {
                stmt.execute(params![
                    s.student_no as i64,
                    s.name,
                    s.college,
                    s.cohort,
                    s.class,
                    s.paid,
                    s.session
                ])?;
            }
            Ok(roster.len())
        })
    }

    /// The roster as stored.
    pub fn roster(&mut self) -> Result<Roster> {
        self.store.read(|tx| {
            let mut stmt = tx.prepare(
                "SELECT student_no, name, college, cohort, class, paid, session FROM students",
            )?;
            let rows = stmt.query_map([], |r| {
                Ok(Student {
                    student_no: r.get::<_, i64>(0)? as u64,
                    name: r.get(1)?,
                    college: r.get(2)?,
                    cohort: r.get(3)?,
                    class: r.get(4)?,
                    paid: r.get(5)?,
                    session: r.get(6)?,
                })
            })?;
            Ok(Roster::from_students(
                rows.collect::<rusqlite::Result<Vec<_>>>()?,
            ))
        })
    }

    /// Issues a pass to every student who lacks a current one; `progress(done, total)` is called
    /// as it goes (for a progress bar). A student whose session changed gets a new revision and
    /// the old pass is revoked. All passes are stored in one transaction.
    pub fn issue_passes(&mut self, mut progress: impl FnMut(usize, usize)) -> Result<IssueSummary> {
        let key = self.key()?;
        let roster = self.roster()?;
        let event_id = self.event.id.clone();
        let total = roster.len();
        self.store.write(|tx| {
            let mut sum = IssueSummary {
                issued: 0,
                reissued: 0,
                unchanged: 0,
            };
            let mut get = tx.prepare_cached(
                "SELECT serial, session, key_id FROM passes WHERE student_no = ?1",
            )?;
            let mut put = tx.prepare_cached(
                "INSERT INTO passes (student_no, serial, session, key_id, text) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (student_no) DO UPDATE SET serial = excluded.serial,
                   session = excluded.session, key_id = excluded.key_id, text = excluded.text",
            )?;
            let key_id = key.public().key_id();
            for (i, s) in roster.students().enumerate() {
                let old: Option<(u16, u8, u16)> = get
                    .query_row([s.student_no as i64], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                    .optional()?;
                let serial = match old {
                    Some((_, session, kid)) if session == s.session && kid == key_id => {
                        sum.unchanged += 1;
                        if i % 256 == 0 {
                            progress(i + 1, total);
                        }
                        continue;
                    }
                    Some((serial, _, _)) => {
                        sum.reissued += 1;
                        let next = serial.checked_add(1).ok_or_else(|| {
                            Error::PassIssue(format!("{} was re-issued 65,535 times", s.student_no))
                        })?;
                        revoke_below(tx, s.student_no, next)?;
                        next
                    }
                    None => {
                        sum.issued += 1;
                        0
                    }
                };
                let text = pass::issue(
                    &key,
                    &event_id,
                    &PassBody {
                        session_index: s.session,
                        student_no: s.student_no,
                        serial,
                    },
                )?;
                put.execute(params![s.student_no as i64, serial, s.session, key_id, text])?;
                if i % 256 == 0 || i + 1 == total {
                    progress(i + 1, total);
                }
            }
            progress(total, total);
            Ok(sum)
        })
    }

    /// Re-issues one student's pass (lost phone, leaked screenshot): a new revision, and every
    /// older one revoked in the next bundles.
    pub fn reissue(&mut self, student_no: u64) -> Result<IssuedPass> {
        let key = self.key()?;
        let roster = self.roster()?;
        let student = roster
            .get(student_no)
            .cloned()
            .ok_or_else(|| Error::Invalid(format!("{student_no} is not on the roster")))?;
        let event_id = self.event.id.clone();
        self.store.write(|tx| {
            let old: Option<u16> = tx
                .query_row(
                    "SELECT serial FROM passes WHERE student_no = ?1",
                    [student_no as i64],
                    |r| r.get(0),
                )
                .optional()?;
            let serial = old.map(|s| s + 1).unwrap_or(0);
            revoke_below(tx, student_no, serial)?;
            let text = pass::issue(
                &key,
                &event_id,
                &PassBody {
                    session_index: student.session,
                    student_no,
                    serial,
                },
            )?;
            tx.execute(
                "INSERT INTO passes (student_no, serial, session, key_id, text) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (student_no) DO UPDATE SET serial = excluded.serial,
                   session = excluded.session, key_id = excluded.key_id, text = excluded.text",
                params![student_no as i64, serial, student.session, key.public().key_id(), text],
            )?;
            Ok(IssuedPass {
                student: student.clone(),
                serial,
                text,
            })
        })
    }

    /// Every student with a pass, by student number.
    pub fn passes(&mut self) -> Result<Vec<IssuedPass>> {
        let roster = self.roster()?;
        self.store.read(|tx| {
            let mut stmt =
                tx.prepare("SELECT student_no, serial, text FROM passes ORDER BY student_no")?;
            let rows = stmt.query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)? as u64,
                    r.get::<_, u16>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })?;
            let mut out = Vec::new();
            for row in rows {
                let (no, serial, text) = row?;
                if let Some(s) = roster.get(no) {
                    out.push(IssuedPass {
                        student: s.clone(),
                        serial,
                        text,
                    });
                }
            }
            Ok(out)
        })
    }

    /// The revocation list.
    pub fn revocations(&mut self) -> Result<Revocations> {
        self.store.read(|tx| {
            let mut stmt = tx.prepare("SELECT student_no, min_serial FROM revocations")?;
            let rows = stmt.query_map([], |r| {
                Ok((r.get::<_, i64>(0)? as u64, r.get::<_, u16>(1)?))
            })?;
            let mut rev = Revocations::new();
            for row in rows {
                let (no, min) = row?;
                rev.insert(no, min);
            }
            Ok(rev)
        })
    }

    /// Saves the plan settings used for bundles and reports.
    pub fn set_plan_settings(&mut self, settings: PlanSettings) -> Result<()> {
        self.store.write(|tx| {
            store::set_meta(
                tx,
                "plan_settings",
                &serde_json::to_string(&settings).expect("serialises"),
            )
        })
    }

    /// The arrival plan for the current roster (with the saved settings unless given).
    pub fn plan(&mut self, settings: Option<PlanSettings>) -> Result<Plan> {
        let settings = match settings {
            Some(s) => s,
            None => self
                .store
                .read(|tx| store::get_meta(tx, "plan_settings"))?
                .and_then(|s| serde_json::from_str(&s).ok())
                .unwrap_or(PlanSettings {
                    per_hour: None,
                    cameras: None,
                }),
        };
        let roster = self.roster()?;
        Ok(plan::plan(&self.event, &roster, settings))
    }

    /// Makes a signed bundle for phones. Scanner bundles carry the roster (names only when
    /// `with_names`); student bundles carry the public event data and the plan's time slots.
    pub fn bundle(
        &mut self,
        kind: BundleKind,
        with_names: bool,
        now: UnixMillis,
    ) -> Result<Vec<u8>> {
        let key = self.key()?;
        let roster = self.roster()?;
        let plan = if roster.is_empty() {
            None
        } else {
            Some(self.plan(None)?)
        };
        let content = BundleContent {
            kind,
            made_at_ms: now,
            event: self.event.clone(),
            keys: self.key_ring()?.keys().to_vec(),
            revocations: self.revocations()?.iter().collect(),
            students: match kind {
                BundleKind::Scanner => BundleContent::students_from(&roster, with_names),
                BundleKind::Student => Vec::new(),
            },
            with_names: kind == BundleKind::Scanner && with_names,
            plan,
        };
        bundle::seal(&content, &key)
    }

    /// Merges a door device's log file.
    pub fn import_log(&mut self, bytes: &[u8]) -> Result<ImportSummary> {
        let log = log::decode(bytes)?;
        let event = self.event.clone();
        merge_log(&mut self.store, &event, &log)
    }

    /// Exports every merged record as a log file (to hand to another laptop or phone).
    pub fn export_log(&mut self, now: UnixMillis) -> Result<Vec<u8>> {
        let records = self.store.read(|tx| log::all(tx))?;
        Ok(log::encode(&LogFile {
            event_id: self.event.id.clone(),
            from_device: "admin".into(),
            exported_at_ms: now,
            records,
        }))
    }

    /// Attendance from every merged log.
    pub fn attendance(&mut self) -> Result<Attendance> {
        let roster = self.roster()?;
        let records = self.store.read(|tx| log::all(tx))?;
        Ok(attendance::attendance(
            &self.event,
            &roster,
            &Ledger::from_records(&records),
        ))
    }

    /// The fee report: per college, students, paid, due, owed.
    pub fn fees(&mut self) -> Result<Vec<FeeRow>> {
        let roster = self.roster()?;
        let fee = self.event.fee.yuan;
        Ok(self
            .event
            .sessions
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let students: Vec<&Student> = roster.in_session(i as u8 + 1).collect();
                let paid = students.iter().filter(|s| s.paid).count() as u32;
                let n = students.len() as u32;
                FeeRow {
                    college: s.college.zh.clone(),
                    students: n,
                    paid,
                    due_yuan: n * fee,
                    paid_yuan: paid * fee,
                    owed_yuan: (n - paid) * fee,
                }
            })
            .collect())
    }
}

fn revoke_below(tx: &rusqlite::Connection, student_no: u64, min_serial: u16) -> Result<()> {
    if min_serial == 0 {
        return Ok(());
    }
    tx.execute(
        "INSERT INTO revocations (student_no, min_serial) VALUES (?1, ?2)
         ON CONFLICT (student_no) DO UPDATE SET min_serial = max(min_serial, excluded.min_serial)",
        params![student_no as i64, min_serial],
    )?;
    Ok(())
}
