//! The 教务处's event folder on the admin laptop.
//!
//! One folder per event: `event.toml` (the notice, editable), `event.key` (the private signing key,
//! mode 0600, never leaves this machine), `event.pub`, and `photoday.db` (roster, issued passes,
//! revocations, merged door logs). The CLI is a thin shell over this struct; so are tests.
//!
//! Nothing the 教务处 holds may be lost or silently changed here. The database holds every
//! student's name, so it is created readable by its owner only (0600). A roster file replaces the
//! colleges it covers and keeps the others; removing students who already hold passes needs an
//! explicit `replace`; every import is one transaction and is recorded with the file's name and
//! SHA-256, so `roster history` shows what came from where. The database marks itself as the
//! admin's, so a door database cannot be opened as an event folder's, nor the other way round.
//! A laptop door compares its bundle with what the folder would make now
//! ([`EventFolder::door_bundle_state`]), so a reissued pass is refused there at once.

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

use crate::attendance::{self, Attendance, Ledger};
use crate::bundle::{self, BundleContent, BundleKind, KeyRotation, Trust};
use crate::enrolment::{EnrolledDevice, Enrolment, EnrolmentCode, KeptAside};
use crate::error::{Error, Result};
use crate::event::Event;
use crate::keys::{EventKey, KeyRing, PublicKey};
use crate::log::{self, Record};
use crate::pass::{self, PassBody, Revocations};
use crate::plan::{self, Plan, PlanSettings};
use crate::roster::{Roster, RosterDiff, Student};
use crate::scanner::{merge_aside, merge_log, ImportSummary};
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

/// `meta` key marking an admin database (value `admin`); door databases carry a device id instead.
const META_ROLE: &str = "role";
/// `meta` key of a door database's device id (written by the scanner).
const META_DEVICE: &str = "device_id";
/// `meta` key of the roster's student-number display width.
const META_NUMBER_WIDTH: &str = "student_no_width";

/// What a PhotoDay database file is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DatabaseRole {
    /// An event folder's `photoday.db`: roster, passes, merged logs.
    Admin,
    /// A door device's database (`photoday scan`, a staff phone's export).
    Door,
    /// A PhotoDay database that holds neither yet.
    Empty,
}

/// What a database file at `path` is, read without writing to it; `None` when there is no file.
/// A file that is not a PhotoDay database is an error.
pub fn database_role(path: &Path) -> Result<Option<DatabaseRole>> {
    if !path.exists() {
        return Ok(None);
    }
    let nd = |e: rusqlite::Error| Error::NotADatabase {
        path: path.to_path_buf(),
        detail: e.to_string(),
    };
    let conn = rusqlite::Connection::open_with_flags(
        path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(nd)?;
    let app_id: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(nd)?;
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
        .map_err(nd)?;
    if tables == 0 {
        return Ok(Some(DatabaseRole::Empty));
    }
    if app_id != crate::store::schema::APPLICATION_ID {
        return Err(Error::NotADatabase {
            path: path.to_path_buf(),
            detail: "it is a SQLite database of another program".into(),
        });
    }
    let meta = |key: &str| -> Result<Option<String>> { store::get_meta(&conn, key) };
    if meta(META_ROLE)?.as_deref() == Some("admin") {
        return Ok(Some(DatabaseRole::Admin));
    }
    if meta(META_DEVICE)?.is_some() {
        return Ok(Some(DatabaseRole::Door));
    }
    // An admin database from before the role was written: it has issued passes or a roster.
    let held: i64 = conn
        .query_row(
            "SELECT (SELECT count(*) FROM passes) + (SELECT count(*) FROM students)",
            [],
            |r| r.get(0),
        )
        .map_err(nd)?;
    Ok(Some(if held > 0 {
        DatabaseRole::Admin
    } else {
        DatabaseRole::Empty
    }))
}

/// Creates `path` empty with mode 0600 if it does not exist, and takes group and other access
/// away from an existing one (and its `-wal`/`-shm` companions): the file holds students' names.
pub fn make_private(path: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        if !path.exists() {
            std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(path)
                .map_err(|e| Error::io(path, e))?;
        }
        for p in [
            path.to_path_buf(),
            PathBuf::from(format!("{}-wal", path.display())),
            PathBuf::from(format!("{}-shm", path.display())),
        ] {
            if let Ok(meta) = std::fs::metadata(&p) {
                let mode = meta.permissions().mode() & 0o777;
                if mode & 0o077 != 0 {
                    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(mode & 0o700))
                        .map_err(|e| Error::io(&p, e))?;
                }
            }
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// SHA-256 of a file's bytes, as lowercase hex (what `sha256sum` prints), to record where a
/// roster came from.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Where an imported roster came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterSource {
    /// The file's name as given.
    pub file: String,
    /// SHA-256 of the file's bytes, hex.
    pub sha256: String,
    /// The worksheet read, for a workbook.
    pub sheet: Option<String>,
    /// Student rows read from it.
    pub rows: u32,
}

/// What `import_roster_from` did, or would do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RosterImport {
    /// Added, changed, removed, and the colleges covered and kept.
    pub diff: RosterDiff,
    /// Removed students who already hold a pass. Unless the import was told to replace, their
    /// presence means nothing was stored.
    pub removes_pass_holders: Vec<Student>,
    /// Whether the roster was stored (false for a dry run or a refused removal).
    pub stored: bool,
    /// The import's number in `roster history`, once stored.
    pub id: Option<i64>,
    /// Students on the roster afterwards (or that would be).
    pub total: usize,
}

/// What a recorded import changed: the students it added by number (their rows are on the
/// roster, marked with the import), and in full the rows it changed and removed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RecordedDiff {
    /// Student numbers added.
    pub added: Vec<u64>,
    /// Rows changed, before and after.
    pub changed: Vec<crate::roster::StudentChange>,
    /// Rows removed, as they were.
    pub removed: Vec<Student>,
}

/// One line of `roster history`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterImportRecord {
    /// Import number, in order.
    pub id: i64,
    /// When (Unix ms).
    pub at_ms: i64,
    /// File name as given.
    pub file: String,
    /// SHA-256 of its bytes.
    pub sha256: String,
    /// Worksheet, for a workbook.
    pub sheet: Option<String>,
    /// Colleges the file covered.
    pub colleges: Vec<String>,
    /// Student rows in the file.
    pub rows: u32,
    /// Students added.
    pub added: u32,
    /// Students whose row changed.
    pub changed: u32,
    /// Students removed.
    pub removed: u32,
    /// Whether removing pass holders was allowed.
    pub replace: bool,
    /// Students on today's roster whose row last came from this file.
    pub current: u32,
}

/// How a laptop door's bundle compares with its event folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DoorBundleState {
    /// Exactly what the folder would put in a bundle now.
    Current,
    /// The folder changed since (roster, passes, revocations, keys or the event).
    Stale,
    /// The bundle is for another event.
    OtherEvent,
}

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

/// This laptop's own device key (hex secret), for the records it writes.
const META_DEVICE_KEY: &str = "device_key";
/// The event id the folder's passes are bound to.
const META_EVENT_ID: &str = "event_id";
/// The enrolled devices (JSON list of [`EnrolledDevice`]); public keys, nothing secret.
const META_DEVICES: &str = "enrolled_devices";
/// Set by the first `device add` and never unset: from then on only enrolled devices' logs merge.
const META_ENROLMENT_REQUIRED: &str = "enrolment_required";
/// The number of the last bundle made; the next is one more.
const META_BUNDLE_COUNTER: &str = "bundle_counter";
/// Key changes (JSON list of [`KeyRotation`]), carried by every bundle so phones follow them.
const META_ROTATIONS: &str = "key_rotations";
/// How the 教务处's own laptop is named in reports and on phones.
pub const ADMIN_STATION: &str = "教务处";

/// What `device add` did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceAdded {
    /// The device as enrolled.
    pub device: EnrolledDevice,
    /// Its station name before, when it was enrolled already under another name.
    pub renamed_from: Option<String>,
    /// What was merged from the logs kept aside (and, in `kept_aside`, what still waits).
    pub merged: ImportSummary,
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
        // Each event gets its own id (the template's name plus a random part), so two events made
        // from one template never accept each other's passes, bundles or logs.
        let mut suffix = [0u8; 3];
        getrandom::fill(&mut suffix).expect("the OS gives random bytes");
        let id = format!(
            "{}-{}",
            event.id,
            suffix
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect::<String>()
        );
        let text = if template == "gzcc-2023" {
            crate::event::GZCC_2023_TOML.replacen(
                &format!("id = \"{}\"", event.id),
                &format!("id = \"{id}\""),
                1,
            )
        } else {
            let mut e = event.clone();
            e.id = id;
            e.to_toml()
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
        let db = dir.join(DB_FILE);
        if database_role(&db)? == Some(DatabaseRole::Door) {
            return Err(Error::Invalid(format!(
                "{} is a door database (from `photoday scan` or a phone), not this event folder's; move it away (keep it: its records can be merged with `photoday log import`) and restore the folder's own {DB_FILE}",
                db.display()
            )));
        }
        make_private(&db)?;
        let mut store = Store::open(&db)?;
        store.write(|tx| {
            if store::get_meta(tx, META_ROLE)?.is_none() {
                store::set_meta(tx, META_ROLE, "admin")?;
            }
            // Passes, bundles and records are bound to the event id: once passes exist, a changed
            // id in event.toml would silently make every one of them "forged".
            match store::get_meta(tx, META_EVENT_ID)? {
                Some(old) if old != event.id => {
                    let passes: i64 =
                        tx.query_row("SELECT count(*) FROM passes", [], |r| r.get(0))?;
                    if passes > 0 {
                        return Err(Error::Invalid(format!(
                            "{}: the event id was changed from `{old}` to `{}` after {passes} passes were issued; every pass, bundle and door log is bound to `{old}` — put `id = \"{old}\"` back (a new event needs a new folder: `photoday init`)",
                            toml_path.display(),
                            event.id
                        )));
                    }
                    store::set_meta(tx, META_EVENT_ID, &event.id)?;
                }
                Some(_) => {}
                None => store::set_meta(tx, META_EVENT_ID, &event.id)?,
            }
            Ok(())
        })?;
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
        let path = self.dir.join(KEY_FILE);
        if !path.exists() {
            return Err(Error::NotReady(format!(
                "{} is missing: the event's private key, made by `photoday init` with event.toml; without it no pass or bundle can be signed — copy it back from where the event folder was made (a new key would invalidate every pass already sent)",
                path.display()
            )));
        }
        EventKey::load(&path)
    }

    /// Public keys that passes of this event may be signed with: the current key plus any listed
    /// in `event.pub` (one hex key a line; older keys stay listed during a rotation).
    pub fn key_ring(&self) -> Result<KeyRing> {
        let path = self.dir.join(PUB_FILE);
        if !path.exists() {
            return Err(Error::NotReady(format!(
                "{} is missing: the event's public key, made by `photoday init` next to event.key; copy it back from where the event folder was made",
                path.display()
            )));
        }
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

    /// Replaces the whole roster (all or nothing), unrecorded: for a synthetic or test roster.
    /// A college's file goes through [`EventFolder::import_roster_from`]. Passes already issued
    /// stay; run `issue_passes` next.
    pub fn import_roster(&mut self, roster: &Roster) -> Result<usize> {
        self.store.write(|tx| {
            set_number_width(tx, roster.number_width())?;
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

    /// Imports a college's roster file: the colleges it covers are replaced by its rows, every
    /// other college is kept. A removal of students who hold a pass is refused (nothing stored,
    /// the students listed in the answer) unless `replace`. With `dry_run` nothing is stored
    /// either way. A stored import is one transaction and is recorded for [`Self::roster_history`].
    pub fn import_roster_from(
        &mut self,
        incoming: &Roster,
        source: &RosterSource,
        replace: bool,
        dry_run: bool,
        now: UnixMillis,
    ) -> Result<RosterImport> {
        let current = self.roster()?;
        let (merged, diff) = current.merge(incoming)?;
        let with_pass: std::collections::HashSet<u64> = self.store.read(|tx| {
            let mut stmt = tx.prepare("SELECT student_no FROM passes")?;
            let rows = stmt.query_map([], |r| r.get::<_, i64>(0))?;
            Ok(rows
                .map(|r| r.map(|n| n as u64))
                .collect::<rusqlite::Result<_>>()?)
        })?;
        let removes_pass_holders: Vec<Student> = diff
            .removed
            .iter()
            .filter(|s| with_pass.contains(&s.student_no))
            .cloned()
            .collect();
        let mut answer = RosterImport {
            total: merged.len(),
            diff,
            removes_pass_holders,
            stored: false,
            id: None,
        };
        if dry_run || (!replace && !answer.removes_pass_holders.is_empty()) {
            return Ok(answer);
        }
        let diff = &answer.diff;
        let id = self.store.write(|tx| {
            let colleges = serde_json::to_string(&diff.colleges).expect("serialises");
            tx.execute(
                "INSERT INTO roster_imports (at_ms, file, sha256, sheet, colleges, rows, added,
                   changed, removed, replace, diff)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                params![
                    now,
                    source.file,
                    source.sha256,
                    source.sheet,
                    colleges,
                    source.rows,
                    diff.added.len() as i64,
                    diff.changed.len() as i64,
                    diff.removed.len() as i64,
                    replace,
                    serde_json::to_string(&RecordedDiff {
                        added: diff.added.iter().map(|s| s.student_no).collect(),
                        changed: diff.changed.clone(),
                        removed: diff.removed.clone(),
                    })
                    .expect("serialises"),
                ],
            )?;
            let id = tx.last_insert_rowid();
            let mut del = tx.prepare_cached("DELETE FROM students WHERE student_no = ?1")?;
            for s in &diff.removed {
                del.execute([s.student_no as i64])?;
            }
            let mut put = tx.prepare_cached(
                "INSERT INTO students (student_no, name, college, cohort, class, paid, session, import_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                 ON CONFLICT (student_no) DO UPDATE SET name = excluded.name,
                   college = excluded.college, cohort = excluded.cohort, class = excluded.class,
                   paid = excluded.paid, session = excluded.session, import_id = excluded.import_id",
            )?;
            // The merged rows: a column the file lacks keeps what was stored.
            for s in incoming.students().filter_map(|s| merged.get(s.student_no)) {
                put.execute(params![
                    s.student_no as i64,
                    s.name,
                    s.college,
                    s.cohort,
                    s.class,
                    s.paid,
                    s.session,
                    id
                ])?;
            }
            set_number_width(tx, merged.number_width())?;
            Ok(id)
        })?;
        answer.stored = true;
        answer.id = Some(id);
        Ok(answer)
    }

    /// Every recorded roster import, oldest first, with how many of today's students each gave.
    pub fn roster_history(&mut self) -> Result<Vec<RosterImportRecord>> {
        self.store.read(|tx| {
            let mut stmt = tx.prepare(
                "SELECT i.id, i.at_ms, i.file, i.sha256, i.sheet, i.colleges, i.rows, i.added,
                   i.changed, i.removed, i.replace,
                   (SELECT count(*) FROM students s WHERE s.import_id = i.id)
                 FROM roster_imports i ORDER BY i.id",
            )?;
            let rows = stmt.query_map([], |r| {
                Ok(RosterImportRecord {
                    id: r.get(0)?,
                    at_ms: r.get(1)?,
                    file: r.get(2)?,
                    sha256: r.get(3)?,
                    sheet: r.get(4)?,
                    colleges: serde_json::from_str(&r.get::<_, String>(5)?).unwrap_or_default(),
                    rows: r.get(6)?,
                    added: r.get(7)?,
                    changed: r.get(8)?,
                    removed: r.get(9)?,
                    replace: r.get(10)?,
                    current: r.get(11)?,
                })
            })?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    /// The diff a recorded import made (who was added, changed, removed).
    pub fn roster_import_diff(&mut self, id: i64) -> Result<Option<RecordedDiff>> {
        let text: Option<String> = self.store.read(|tx| {
            Ok(tx
                .query_row("SELECT diff FROM roster_imports WHERE id = ?1", [id], |r| {
                    r.get(0)
                })
                .optional()?)
        })?;
        Ok(text.and_then(|t| serde_json::from_str(&t).ok()))
    }

    /// The roster as stored.
    pub fn roster(&mut self) -> Result<Roster> {
        self.store.read(|tx| {
            let width = store::get_meta(tx, META_NUMBER_WIDTH)?.and_then(|w| w.parse::<u8>().ok());
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
            Ok(
                Roster::from_students(rows.collect::<rusqlite::Result<Vec<_>>>()?)
                    .with_number_width(width),
            )
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
        let mut content = self.bundle_content(kind, with_names, now)?;
        content.trust.counter = self.next_bundle_counter()?;
        bundle::seal(&content, &key)
    }

    /// What [`Self::bundle`] signs.
    pub fn bundle_content(
        &mut self,
        kind: BundleKind,
        with_names: bool,
        now: UnixMillis,
    ) -> Result<BundleContent> {
        let roster = self.roster()?;
        let plan = if roster.is_empty() {
            None
        } else {
            Some(self.plan(None)?)
        };
        let trust = Trust {
            signer: self.key().ok().map(|k| k.public()),
            counter: self.store.read(|tx| counter(tx))?,
            enrolment: match kind {
                BundleKind::Scanner => self.enrolment()?,
                BundleKind::Student => Enrolment::default(),
            },
            rotations: self.store.read(|tx| rotations(tx))?,
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
            trust,
        };
        Ok(content)
    }

    /// The number the next bundle gets: one more than the last, kept in the folder so a phone
    /// can refuse a replayed older bundle. Every bundle made (and handed out or not) takes one.
    pub fn next_bundle_counter(&mut self) -> Result<u64> {
        self.store.write(|tx| {
            let n = counter(tx)? + 1;
            store::set_meta(tx, META_BUNDLE_COUNTER, &n.to_string())?;
            Ok(n)
        })
    }

    /// The fingerprint of the event key, as a phone shows it after importing a bundle: staff
    /// compare the two before the day.
    pub fn key_fingerprint(&self) -> Result<String> {
        Ok(match self.key() {
            Ok(k) => k.public().fingerprint(),
            // Without the private key (a copy of the folder), the first listed public key.
            Err(_) => self.key_ring()?.keys()[0].fingerprint(),
        })
    }

    /// Enrolled devices, in the order they were added.
    pub fn devices(&mut self) -> Result<Vec<EnrolledDevice>> {
        self.store.read(|tx| devices(tx))
    }

    /// Which devices' logs merge: once a device was ever enrolled, only enrolled ones (and this
    /// laptop, named [`ADMIN_STATION`]); before, every correctly sealed log.
    pub fn enrolment(&mut self) -> Result<Enrolment> {
        let me = self.device_key()?.public();
        self.store.read(|tx| {
            let mut devices = devices(tx)?;
            devices.push(EnrolledDevice {
                device: crate::device::device_id(&me),
                key: me,
                station: ADMIN_STATION.to_string(),
            });
            Ok(Enrolment {
                required: store::get_meta(tx, META_ENROLMENT_REQUIRED)?.is_some(),
                devices,
            })
        })
    }

    /// Enrols a device from its enrolment code, under `station` (default: the code's name), and
    /// merges the logs of it kept aside. A station name names one device. Enrolment is on for
    /// this event from now on.
    pub fn add_device(
        &mut self,
        code: &EnrolmentCode,
        station: Option<&str>,
    ) -> Result<DeviceAdded> {
        let device = EnrolledDevice::from_code(code, station)?;
        let renamed_from = self.store.write(|tx| {
            let mut list = devices(tx)?;
            if let Some(other) = list
                .iter()
                .find(|d| d.station == device.station && d.device != device.device)
            {
                return Err(Error::Invalid(format!(
                    "the station name `{}` is already device {}'s ({}); give this one another name with --name",
                    device.station,
                    other.device,
                    other.fingerprint()
                )));
            }
            let before = list
                .iter()
                .find(|d| d.device == device.device)
                .map(|d| d.station.clone());
            list.retain(|d| d.device != device.device);
            list.push(device.clone());
            store::set_meta(tx, META_DEVICES, &serde_json::to_string(&list).expect("serialises"))?;
            store::set_meta(tx, META_ENROLMENT_REQUIRED, "1")?;
            Ok(before.filter(|b| *b != device.station))
        })?;
        let merged = self.merge_aside()?;
        Ok(DeviceAdded {
            device,
            renamed_from,
            merged,
        })
    }

    /// Removes an enrolled device, named by its id, fingerprint or station name. Its records
    /// already merged stay (a merge only grows); its logs from now on are kept aside.
    pub fn remove_device(&mut self, which: &str) -> Result<EnrolledDevice> {
        let which = which.trim();
        self.store.write(|tx| {
            let mut list = devices(tx)?;
            let found: Vec<&EnrolledDevice> = list
                .iter()
                .filter(|d| {
                    d.device.eq_ignore_ascii_case(which)
                        || d.fingerprint().eq_ignore_ascii_case(which)
                        || d.station == which
                })
                .collect();
            let gone = match found.as_slice() {
                [one] => (*one).clone(),
                [] => {
                    return Err(Error::Invalid(format!(
                        "no enrolled device `{which}`; `photoday device list` shows their ids and station names"
                    )))
                }
                _ => {
                    return Err(Error::Invalid(format!(
                        "`{which}` names more than one device; use its id"
                    )))
                }
            };
            list.retain(|d| d.device != gone.device);
            store::set_meta(tx, META_DEVICES, &serde_json::to_string(&list).expect("serialises"))?;
            Ok(gone)
        })
    }

    /// Merges the logs kept aside whose devices are now enrolled.
    pub fn merge_aside(&mut self) -> Result<ImportSummary> {
        let enrolment = self.enrolment()?;
        let event = self.event.clone();
        merge_aside(&mut self.store, &event, &enrolment, None)
    }

    /// The devices whose logs wait aside, not enrolled.
    pub fn kept_aside(&mut self) -> Result<Vec<KeptAside>> {
        let enrolment = self.enrolment()?;
        crate::scanner::kept_aside(&mut self.store, &enrolment, None)
    }

    /// How reports name a device: its station name and id, or the id alone.
    pub fn device_label(&mut self, device: &str) -> Result<String> {
        Ok(self.enrolment()?.label(device))
    }

    /// Replaces the event key with a new one. The old key signs a statement handing the event
    /// over (every later bundle carries it, so a phone that pinned the old key follows); the old
    /// key stays listed in event.pub so the passes it signed stay valid, and is kept as
    /// `event.key.<fingerprint>.old` (0600). Returns the new key's fingerprint.
    pub fn rotate_key(&mut self) -> Result<String> {
        let old = self.key()?;
        let new = EventKey::generate();
        let statement = KeyRotation::sign(&self.event.id, &old, &new.public());
        let kept = self
            .dir
            .join(format!("{KEY_FILE}.{}.old", old.public().fingerprint()));
        old.save(&kept)?;
        self.store.write(|tx| {
            let mut all = rotations(tx)?;
            all.push(statement);
            store::set_meta(
                tx,
                META_ROTATIONS,
                &serde_json::to_string(&all).expect("serialises"),
            )
        })?;
        let pub_path = self.dir.join(PUB_FILE);
        let listed = std::fs::read_to_string(&pub_path).map_err(|e| Error::io(&pub_path, e))?;
        let staged = self.dir.join(format!("{KEY_FILE}.new"));
        let _ = std::fs::remove_file(&staged);
        new.save(&staged)?;
        std::fs::write(&pub_path, format!("{}\n{listed}", new.public().to_hex()))
            .map_err(|e| Error::io(&pub_path, e))?;
        let key_path = self.dir.join(KEY_FILE);
        std::fs::rename(&staged, &key_path).map_err(|e| Error::io(&key_path, e))?;
        Ok(new.public().fingerprint())
    }

    /// Whether a door's bundle still says what this folder would say now: after a roster import,
    /// `passes issue` or `passes reissue` it does not, and the door would admit a revoked pass.
    pub fn door_bundle_state(&mut self, held: &BundleContent) -> Result<DoorBundleState> {
        if held.event.id != self.event.id {
            return Ok(DoorBundleState::OtherEvent);
        }
        let mut now = self.bundle_content(held.kind, held.with_names, held.made_at_ms)?;
        // Its number is its own; what it says is what counts.
        now.trust.counter = held.trust.counter;
        Ok(if now == *held {
            DoorBundleState::Current
        } else {
            DoorBundleState::Stale
        })
    }

    /// Merges a door device's log file.
    pub fn import_log(&mut self, bytes: &[u8]) -> Result<ImportSummary> {
        let log = log::decode(bytes)?;
        let event = self.event.clone();
        let enrolment = self.enrolment()?;
        merge_log(&mut self.store, &event, &log, &enrolment, None)
    }

    /// Voids a record of any device (`DEVICE:SEQ` as reports name it), with a reason: a signed
    /// record of this laptop, merged like any other, so every phone that gets the log agrees.
    pub fn void_record(
        &mut self,
        target_device: &str,
        target_seq: u64,
        reason: &str,
        now: UnixMillis,
    ) -> Result<Record> {
        let key = self.device_key()?;
        crate::scanner::write_void(
            &mut self.store,
            &key,
            target_device,
            target_seq,
            reason,
            now,
        )
    }

    /// This laptop's own device key (for the records it writes, such as voids), made on first use
    /// and kept in the folder's database.
    fn device_key(&mut self) -> Result<EventKey> {
        self.store
            .write(|tx| match store::get_meta(tx, META_DEVICE_KEY)? {
                Some(hex) => EventKey::from_secret_hex(&hex),
                None => {
                    let k = EventKey::generate();
                    store::set_meta(tx, META_DEVICE_KEY, &k.secret_hex())?;
                    Ok(k)
                }
            })
    }

    /// Exports every merged record as a log file (to hand to another laptop or phone).
    pub fn export_log(&mut self, now: UnixMillis) -> Result<Vec<u8>> {
        let key = self.device_key()?;
        let event_id = self.event.id.clone();
        let file = self
            .store
            .read(|tx| crate::scanner::log_file(tx, &event_id, "admin", Some(&key), now))?;
        Ok(log::encode(&file))
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

fn counter(tx: &rusqlite::Connection) -> Result<u64> {
    Ok(store::get_meta(tx, META_BUNDLE_COUNTER)?
        .and_then(|s| s.parse().ok())
        .unwrap_or(0))
}

fn devices(tx: &rusqlite::Connection) -> Result<Vec<EnrolledDevice>> {
    Ok(store::get_meta(tx, META_DEVICES)?
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default())
}

fn rotations(tx: &rusqlite::Connection) -> Result<Vec<KeyRotation>> {
    Ok(store::get_meta(tx, META_ROTATIONS)?
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default())
}

fn set_number_width(tx: &rusqlite::Connection, width: Option<u8>) -> Result<()> {
    match width {
        Some(w) => store::set_meta(tx, META_NUMBER_WIDTH, &w.to_string()),
        None => {
            tx.execute("DELETE FROM meta WHERE key = ?1", [META_NUMBER_WIDTH])?;
            Ok(())
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pass::PassCheck;

    fn roster(event: &Event, rows: &[(&str, &str, &str)]) -> Roster {
        let header = ["学号", "姓名", "学院"].map(String::from).to_vec();
        let rows: Vec<Vec<String>> = rows
            .iter()
            .map(|(n, name, c)| vec![n.to_string(), name.to_string(), c.to_string()])
            .collect();
        Roster::from_table(event, &header, &rows).unwrap()
    }

    fn source(file: &str) -> RosterSource {
        RosterSource {
            file: file.into(),
            sha256: sha256_hex(file.as_bytes()),
            sheet: None,
            rows: 1,
        }
    }

    #[test]
    fn the_database_holding_names_is_private_to_its_owner() {
        use std::os::unix::fs::PermissionsExt;
        let tmp = tempfile::tempdir().unwrap();
        let f = EventFolder::init(&tmp.path().join("e"), "gzcc-2023").unwrap();
        let mode = std::fs::metadata(f.dir().join(DB_FILE))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
        assert_eq!(
            database_role(&f.dir().join(DB_FILE)).unwrap(),
            Some(DatabaseRole::Admin)
        );
    }

    #[test]
    fn a_door_database_is_not_opened_as_an_event_folders() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("e");
        drop(EventFolder::init(&dir, "gzcc-2023").unwrap());
        std::fs::remove_file(dir.join(DB_FILE)).unwrap();
        crate::scanner::Scanner::open(dir.join(DB_FILE)).unwrap();
        let before = std::fs::read(dir.join(DB_FILE)).unwrap();
        let err = EventFolder::open(&dir)
            .err()
            .expect("a door database opened as admin");
        assert!(err.to_string().contains("door database"), "{err}");
        assert_eq!(std::fs::read(dir.join(DB_FILE)).unwrap(), before);
    }

    #[test]
    fn college_files_add_up_and_a_pass_holder_is_removed_only_with_replace() {
        let tmp = tempfile::tempdir().unwrap();
        let mut f = EventFolder::init(&tmp.path().join("e"), "gzcc-2023").unwrap();
        let ev = f.event().clone();
        let it = "信息技术与工程学院";
        let a = roster(&ev, &[("2020010001", "甲", it), ("2020010002", "乙", it)]);
        let b = roster(&ev, &[("2020020001", "丙", "会计学院")]);
        f.import_roster_from(&a, &source("it.xlsx"), false, false, 1)
            .unwrap();
        f.import_roster_from(&b, &source("acc.xlsx"), false, false, 2)
            .unwrap();
        assert_eq!(f.roster().unwrap().len(), 3, "college B kept college A");
        f.issue_passes(|_, _| {}).unwrap();

        let a2 = roster(&ev, &[("2020010001", "甲", it)]);
        let refused = f
            .import_roster_from(&a2, &source("it2.xlsx"), false, false, 3)
            .unwrap();
        assert!(!refused.stored);
        assert_eq!(refused.removes_pass_holders[0].student_no, 2020010002);
        assert_eq!(f.roster().unwrap().len(), 3, "nothing changed");
        assert_eq!(f.roster_history().unwrap().len(), 2);

        let dry = f
            .import_roster_from(&a2, &source("it2.xlsx"), true, true, 3)
            .unwrap();
        assert!(!dry.stored);
        assert_eq!(f.roster().unwrap().len(), 3, "a dry run stores nothing");

        let done = f
            .import_roster_from(&a2, &source("it2.xlsx"), true, false, 4)
            .unwrap();
        assert!(done.stored);
        assert_eq!(f.roster().unwrap().len(), 2);
        let h = f.roster_history().unwrap();
        assert_eq!(h.len(), 3);
        assert_eq!(h[2].file, "it2.xlsx");
        assert_eq!(h[2].sha256, sha256_hex(b"it2.xlsx"));
        assert_eq!((h[2].removed, h[2].current), (1, 1));
        assert_eq!(
            h[1].current, 1,
            "会计学院's student still comes from acc.xlsx"
        );
        let diff = f.roster_import_diff(h[2].id).unwrap().unwrap();
        assert_eq!(diff.removed[0].name, "乙");
    }

    #[test]
    fn passes_issued_before_the_migration_keep_verifying_and_zeros_come_back() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("e");
        let mut f = EventFolder::init(&dir, "gzcc-2023").unwrap();
        let ev = f.event().clone();
        f.import_roster(&roster(&ev, &[("0501230101", "甲", "会计学院")]))
            .unwrap();
        f.issue_passes(|_, _| {}).unwrap();
        let text = f.passes().unwrap()[0].text.clone();
        drop(f);
        // Take the database back to schema 1, as a build before roster history left it.
        let conn = rusqlite::Connection::open(dir.join(DB_FILE)).unwrap();
        conn.execute_batch(
            "DROP TABLE roster_imports; ALTER TABLE students DROP COLUMN import_id;
             PRAGMA user_version = 1;",
        )
        .unwrap();
        drop(conn);
        let mut f = EventFolder::open(&dir).unwrap();
        let check = pass::verify(
            &text,
            &f.event().id.clone(),
            &f.key_ring().unwrap(),
            &f.revocations().unwrap(),
        );
        assert!(
            matches!(
                check,
                PassCheck::Valid {
                    student_no: 501230101,
                    ..
                }
            ),
            "{check:?}"
        );
        let r = f.roster().unwrap();
        assert_eq!(r.display_no(501230101), "0501230101");
        // And the door bundle is current until something changes.
        let held = f.bundle_content(BundleKind::Scanner, true, 5).unwrap();
        assert_eq!(
            f.door_bundle_state(&held).unwrap(),
            DoorBundleState::Current
        );
        f.reissue(501230101).unwrap();
        assert_eq!(f.door_bundle_state(&held).unwrap(), DoorBundleState::Stale);
    }

    #[test]
    fn a_missing_key_names_the_file_and_the_command_that_makes_it() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("e");
        let f = EventFolder::init(&dir, "gzcc-2023").unwrap();
        std::fs::remove_file(dir.join(KEY_FILE)).unwrap();
        let err = f.key().err().unwrap().to_string();
        assert!(
            err.contains("event.key") && err.contains("photoday init"),
            "{err}"
        );
    }
}
