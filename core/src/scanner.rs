//! A staff device guarding one room: a door phone, the studio phone, or one phone doing both.
//!
//! This is the inner struct the app's `ScannerApp` forwards to. It holds the imported scanner
//! bundle, the station (room and role) and the device's log. The notice's day has two steps and
//! the device follows it (DESIGN §4): door phones check students into the room's queue and give no
//! numbers; the studio phone gives each student their 摄影编号 as they enter the studio, in
//! shooting order, one dense sequence per room and session, in batches of the event's size —
//! after seeing their 学信网 采集码 (its shape only). A student who cannot be shot now is stepped
//! aside: the number is voided, never reused, and they are numbered again when they return.
//! Closing a batch marks its students photographed, which is what the 补拍 list is built on.
//!
//! The session follows the clock (`room`), so a room that changes college is one station all day.
//! Every record is committed (`synchronous=FULL`) inside the transaction that picks its number,
//! before the verdict is returned: what a screen showed green survives a killed app, and no
//! number is handed out twice. Numbering continues across a purge.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use crate::admit::{self, Decision};
use crate::attendance::{self, Attendance, Ledger, SessionAttendance};
use crate::bundle::{self, BundleContent, BundleKind};
use crate::device;
use crate::door::{self, Colour, Tolerance, Verdict};
use crate::enrolment::{Enrolment, EnrolmentCode, KeptAside};
use crate::error::{Error, Refusal, Result};
use crate::event::Event;
use crate::keys::{EventKey, KeyRing, PublicKey};
use crate::log::{self, Action, AsideReason, LogFile, QrAssembler, QrProgress, Record, Via};
use crate::pass::{self, NotAPassHint, PassCheck, Revocations};
use crate::room;
use crate::roster::Roster;
use crate::shot::ShotNumber;
use crate::store::{self, Store};
use crate::text::Text;
use crate::time::{self, UnixMillis};

/// The same text scanned again within this many milliseconds is the same scan.
pub const REPEAT_WINDOW_MS: i64 = 5_000;
/// A check-in, number or step-aside can be undone on the device that made it for this long.
pub const UNDO_WINDOW_MS: i64 = 5 * 60_000;

const META_DEVICE: &str = "device_id";
/// This device's Ed25519 secret (hex); it never leaves the database.
const META_DEVICE_KEY: &str = "device_key";
/// Public keys of every device whose records this store holds (id → key), so logs relayed on
/// carry them and any phone can check any record.
pub const META_DEVICE_KEYS: &str = "device_keys";
const META_STATION: &str = "station";
const META_EXPORTED: &str = "exported_through_seq";
const META_TOLERANCE: &str = "tolerance";
/// Highest photo number used per session: survives a purge, so a reused phone never repeats one.
const META_PHOTO_FLOOR: &str = "photo_floor";
/// The first photo number of the batch being filled, per session.
const META_BATCH_START: &str = "batch_start";
/// Highest closed batch per session: survives a purge with the numbers.
const META_BATCH_CLOSED: &str = "batch_closed";
const BLOB_BUNDLE: &str = "scanner_bundle";

/// What a device does at its room.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// At the room door: checks students into the queue; gives no numbers. Any number of these.
    Door,
    /// At the studio door: gives each student their 摄影编号 as they enter. One per room.
    Studio,
    /// Both, for a small room with one phone (the default).
    Both,
}

impl Role {
    /// Whether this role gives 摄影编号.
    pub fn numbers(self) -> bool {
        !matches!(self, Role::Door)
    }

    /// `door`, `studio`, `both`.
    pub fn name(self) -> &'static str {
        match self {
            Role::Door => "door",
            Role::Studio => "studio",
            Role::Both => "both",
        }
    }

    /// What a station picker shows for the role.
    pub fn choice_label(self) -> Text {
        match self {
            Role::Door => Text::new("门口：签到", "Door: check students in"),
            Role::Studio => Text::new("摄影室：给摄影编号", "Studio: give photo numbers"),
            Role::Both => Text::new("门口和摄影室（一台手机）", "Door and studio (one phone)"),
        }
    }

    /// The role by its name.
    pub fn parse(s: &str) -> Option<Role> {
        match s.trim().to_ascii_lowercase().as_str() {
            "door" | "门口" => Some(Role::Door),
            "studio" | "摄影室" => Some(Role::Studio),
            "both" | "门口+摄影室" => Some(Role::Both),
            _ => None,
        }
    }
}

/// The room a device guards, its role, and its letter when several studio phones share a room.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Station {
    /// The room's key (its Chinese name without spaces, `一教209`).
    pub room: String,
    /// Door, studio or both.
    pub role: Role,
    /// Photo-number prefix (`A`, `B`…) when more than one studio phone numbers in this room.
    pub lane: Option<char>,
    /// Whether the studio asks to see the 采集码 before numbering (staff may switch it off when
    /// the 新华社 photographer checks it instead).
    pub check_code: bool,
}

/// A station as builds before rooms stored it: one session, lane letter.
#[derive(Deserialize)]
struct LegacyStation {
    session: u8,
    lane: Option<char>,
}

/// What setting up a station did, with a warning when another phone already numbers here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StationSetup {
    /// The station as stored.
    pub station: Station,
    /// Set when another studio phone this device knows of numbers in this room with the same
    /// prefix: their numbers would clash.
    pub warning: Option<Text>,
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
    /// Whether staff may let the student through over it with a reason.
    pub overridable: bool,
    /// Set when the device clock looks wrong.
    pub clock_warning: Option<Text>,
    /// The record this scan wrote when it checked in or numbered (for undo).
    pub record_seq: Option<u64>,
    /// When the student holds a number: the small QR text their app scans to keep it.
    pub number_qr: Option<String>,
}

/// Where a numbered student stands in the studio.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NumberStatus {
    /// Numbered, waiting to be shot.
    Waiting,
    /// Stepped aside: the number is void (shown struck out on the photographer's list).
    Voided,
    /// Their batch closed: photographed.
    Photographed,
}

/// One line of a batch or of the photographer's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchMember {
    /// Photo number.
    pub photo_no: String,
    /// Student number.
    pub student_no: u64,
    /// Name if the bundle has names.
    pub name: Option<String>,
    /// The batch.
    pub batch: u32,
    /// Waiting, voided or photographed.
    pub status: NumberStatus,
    /// Why it was voided.
    pub aside: Option<AsideReason>,
}

/// The batch being called into the studio: the oldest one not closed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Batch {
    /// Session.
    pub session: u8,
    /// Batch number (1, 2, 3…).
    pub number: u32,
    /// The event's batch size.
    pub size: u32,
    /// Members in photo-number order, voided ones included.
    pub members: Vec<BatchMember>,
}

impl Batch {
    /// Members not voided.
    pub fn standing(&self) -> usize {
        self.members
            .iter()
            .filter(|m| m.status != NumberStatus::Voided)
            .count()
    }

    /// "第5批 · 6/8" — the batch and how full it is.
    pub fn label(&self) -> Text {
        let n = self.standing();
        Text::new(
            format!("第{}批 · {}/{}", self.number, n, self.size),
            format!("Batch {} · {}/{}", self.number, n, self.size),
        )
    }

    /// The photo numbers still waiting to be shot, in order: `待拍：A001 A002` (for the door's
    /// footer and the studio's list).
    pub fn waiting_line(&self) -> Text {
        let waiting: Vec<&str> = self
            .members
            .iter()
            .filter(|m| m.status == NumberStatus::Waiting)
            .map(|m| m.photo_no.as_str())
            .collect();
        if waiting.is_empty() {
            Text::new("无人待拍", "No one waiting")
        } else {
            let list = waiting.join(" ");
            Text::new(format!("待拍：{list}"), format!("Waiting: {list}"))
        }
    }
}

/// A numbered student on one line, as lists to pick from name them: `003  张三  202001001003`
/// (no name when the bundle has none).
pub fn who_line(photo_no: &str, name: Option<&str>, student_no: u64) -> String {
    let no = student_no.to_string();
    [photo_no, name.unwrap_or(""), &no]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("  ")
}

impl BatchMember {
    /// Who, for a list to pick from (step aside): `003  张三  202001001003`.
    pub fn who(&self) -> String {
        [
            Some(self.photo_no.clone()),
            self.name.clone(),
            Some(self.student_no.to_string()),
        ]
        .into_iter()
        .flatten()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("  ")
    }

    /// The line under the photo number on the photographer's list: `202001001001 · 第2批`.
    pub fn line(&self) -> Text {
        let (no, b) = (self.student_no, self.batch);
        Text::new(format!("{no} · 第{b}批"), format!("{no} · batch {b}"))
    }
}

/// What closing a batch did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchClosed {
    /// The batch.
    pub batch: Batch,
    /// How many were marked photographed.
    pub photographed: u32,
}

/// What an undo did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UndoOutcome {
    /// The cancelled photo number (it is not reused), when a number was undone.
    pub photo_no: Option<String>,
    /// What was undone: `check_in`, `number` or `step_aside`.
    pub undone: String,
    /// The student, who can now be checked in or numbered again.
    pub student_no: u64,
    /// The undo record's sequence number.
    pub record_seq: u64,
}

/// What a step-aside did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepAsideOutcome {
    /// The student.
    pub student_no: u64,
    /// The voided number, if they had one on this device.
    pub photo_no: Option<String>,
    /// Why.
    pub reason: AsideReason,
    /// The record's sequence number.
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
    /// Conflicts the merged records now show (a number held by two students), and devices whose
    /// records were kept aside: say them loudly.
    pub warnings: Vec<Text>,
    /// Devices not enrolled whose records were kept aside (not merged, not lost).
    #[serde(default)]
    pub kept_aside: Vec<KeptAside>,
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
    /// Fingerprint of the event key that signed it and that this phone pinned: staff compare it
    /// with what `photoday event show` prints.
    pub key_fingerprint: String,
    /// The bundle's number in the event folder (0: made before bundles were numbered).
    pub counter: u64,
    /// Records kept aside from devices this bundle enrols, now merged.
    pub merged_from_aside: u32,
}

struct Loaded {
    content: BundleContent,
    keys: KeyRing,
    revocations: Revocations,
    roster: Roster,
}

/// Who is being judged, and how they came.
#[derive(Debug, Clone)]
struct Subject {
    student_no: u64,
    /// The session their pass names (or the roster's, typed by number).
    session: Option<u8>,
    via: Via,
    serial: Option<u16>,
    /// Staff's words for a typed check-in.
    note: Option<String>,
}

/// A studio student whose pass was good, waiting for their 采集码 to be shown.
#[derive(Debug, Clone)]
struct Pending {
    subject: Subject,
    override_reason: Option<String>,
}

/// A staff device over its own database.
pub struct Scanner {
    store: Store,
    device: String,
    key: EventKey,
    loaded: Option<Loaded>,
    station: Option<Station>,
    tolerance: Tolerance,
    last: Option<(String, UnixMillis, ScanOutcome)>,
    pending: Option<Pending>,
    qr_in: QrAssembler,
    /// This device's last record in the latest export, until the user confirms it was saved.
    pending_export: Option<u64>,
}

/// The device keys a store knows (id → public key).
pub fn known_keys(
    tx: &rusqlite::Connection,
) -> Result<std::collections::BTreeMap<String, PublicKey>> {
    Ok(store::get_meta(tx, META_DEVICE_KEYS)?
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default())
}

/// Adds device keys to those a store knows.
pub fn remember_keys(
    tx: &rusqlite::Connection,
    keys: impl IntoIterator<Item = (String, PublicKey)>,
) -> Result<()> {
    let mut known = known_keys(tx)?;
    let before = known.len();
    known.extend(keys);
    if known.len() != before {
        store::set_meta(
            tx,
            META_DEVICE_KEYS,
            &serde_json::to_string(&known).expect("serialises"),
        )?;
    }
    Ok(())
}

fn read_station(json: &str, event: Option<&Event>) -> Option<Station> {
    if let Ok(st) = serde_json::from_str::<Station>(json) {
        return Some(st);
    }
    let old = serde_json::from_str::<LegacyStation>(json).ok()?;
    let s = event?.session(old.session)?;
    Some(Station {
        room: room::key(&s.room.zh),
        role: Role::Both,
        lane: old.lane,
        check_code: false,
    })
}

type Floors = BTreeMap<u8, u32>;

fn floors(tx: &rusqlite::Connection, key: &str) -> Result<Floors> {
    Ok(store::get_meta(tx, key)?
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default())
}

fn set_floor(tx: &rusqlite::Connection, key: &str, session: u8, value: u32) -> Result<()> {
    let mut f = floors(tx, key)?;
    let e = f.entry(session).or_insert(0);
    *e = (*e).max(value);
    store::set_meta(tx, key, &serde_json::to_string(&f).expect("serialises"))
}

/// What a station picker shows for a photo-number letter: none (one studio phone in the room)
/// or a letter with the numbers it gives.
pub fn lane_label(lane: Option<char>) -> Text {
    let (first, second) = (log::photo_no(lane, 1), log::photo_no(lane, 2));
    match lane {
        None => Text::new(
            format!("不加前缀（本室只有一台摄影室手机，编号 {first}、{second}…）"),
            format!("No letter (one studio phone in this room; numbers {first}, {second}…)"),
        ),
        Some(l) => Text::new(
            format!("{l}（编号 {first}、{second}…）"),
            format!("{l} (numbers {first}, {second}…)"),
        ),
    }
}

impl Scanner {
    /// Opens the device database (creating it and a device id on first use). Touches the disk.
    pub fn open(path: impl AsRef<std::path::Path>) -> Result<Scanner> {
        Self::with_store(Store::open(path)?)
    }

    /// A device over an already open store.
    pub fn with_store(mut store: Store) -> Result<Scanner> {
        let (device, key, bundle, station, tolerance) = store.write(|tx| {
            // The device's own key, made on first use; its id is derived from the key, so no
            // one else can write records under it.
            let key = match store::get_meta(tx, META_DEVICE_KEY)? {
                Some(hex) => EventKey::from_secret_hex(&hex)?,
                None => {
                    let k = EventKey::generate();
                    store::set_meta(tx, META_DEVICE_KEY, &k.secret_hex())?;
                    k
                }
            };
            let device = device::device_id(&key.public());
            if store::get_meta(tx, META_DEVICE)?.as_deref() != Some(device.as_str()) {
                store::set_meta(tx, META_DEVICE, &device)?;
            }
            remember_keys(tx, [(device.clone(), key.public())])?;
            let tolerance = store::get_meta(tx, META_TOLERANCE)?
                .and_then(|s| serde_json::from_str::<Tolerance>(&s).ok())
                .unwrap_or_default();
            Ok((
                device,
                key,
                store::get_blob(tx, BLOB_BUNDLE)?,
                store::get_meta(tx, META_STATION)?,
                tolerance,
            ))
        })?;
        let loaded = match bundle {
            Some(bytes) => Some(Self::load(&bundle::open(&bytes, None)?)),
            None => None,
        };
        let station =
            station.and_then(|s| read_station(&s, loaded.as_ref().map(|l| &l.content.event)));
        Ok(Scanner {
            store,
            device,
            key,
            loaded,
            station,
            tolerance,
            last: None,
            pending: None,
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
    pub fn station(&self) -> Option<&Station> {
        self.station.as_ref()
    }

    /// The time tolerance around windows.
    pub fn tolerance(&self) -> Tolerance {
        self.tolerance
    }

    /// The session the station's room is running at `now` (it follows the clock through
    /// hand-overs); `None` before a station is set or when the room has no session that day.
    pub fn session_now(&self, now: UnixMillis) -> Option<u8> {
        let (l, st) = self.ready().ok()?;
        let event = &l.content.event;
        room::current_session(
            event,
            &st.room,
            time::to_local(event.utc_offset, now),
            self.tolerance,
        )
    }

    /// Imports a scanner bundle; a newer bundle of the same event replaces the old one and keeps
    /// every record. A tampered, truncated or foreign bundle is refused whole. Touches the disk.
    pub fn import_bundle(&mut self, bytes: &[u8]) -> Result<BundleSummary> {
        let current = self.loaded.as_ref().map(|l| &l.content);
        let content = bundle::accept(bytes, BundleKind::Scanner, current, false)?;
        let replaced = current.is_some();
        self.store
            .write(|tx| store::set_blob(tx, BLOB_BUNDLE, bytes))?;
        if let Some(st) = &self.station {
            if room::sessions_in(&content.event, &st.room).is_empty() {
                self.station = None;
                self.store.write(|tx| {
                    tx.execute("DELETE FROM meta WHERE key = ?1", [META_STATION])?;
                    Ok(())
                })?;
            }
        }
        self.loaded = Some(Self::load(&content));
        self.last = None;
        self.pending = None;
        // Logs kept aside may come from devices this bundle enrols.
        let merged = merge_aside(
            &mut self.store,
            &content.event,
            &content.trust.enrolment,
            Some(&self.device),
        )?;
        Ok(BundleSummary {
            event_id: content.event.id.clone(),
            title: content.event.title.clone(),
            sessions: content.event.sessions.len() as u32,
            students: content.students.len() as u32,
            with_names: content.with_names,
            replaced,
            key_fingerprint: bundle::signer_fingerprint(&content),
            counter: content.trust.counter,
            merged_from_aside: merged.added,
        })
    }

    /// Sets up the station: the room this device guards (its name, or a session number as a
    /// shortcut), its role, and its photo-number letter (`A`–`Z`) when more than one studio phone
    /// numbers in the room. A studio phone is warned when another phone it knows of already
    /// numbers here under the same prefix. Touches the disk.
    pub fn set_station(
        &mut self,
        room_name: &str,
        role: Role,
        lane: Option<char>,
    ) -> Result<StationSetup> {
        let event = self.loaded()?.content.event.clone();
        let Some(room) = room::find(&event, room_name) else {
            return Err(Error::Invalid(format!(
                "no room `{}` in this event; its rooms are {}",
                room_name.trim(),
                room::rooms(&event).join("、")
            )));
        };
        let lane = lane.map(|c| c.to_ascii_uppercase());
        if let Some(c) = lane {
            if !c.is_ascii_uppercase() {
                return Err(Error::Invalid(format!(
                    "photo-number letter `{c}` must be a letter A–Z"
                )));
            }
        }
        let check_code = match &self.station {
            Some(old) if old.role == role => old.check_code,
            _ => role.numbers(),
        };
        let st = Station {
            room,
            role,
            lane,
            check_code,
        };
        let device = self.device.clone();
        let sessions = room::sessions_in(&event, &st.room);
        let warning = self.store.write(|tx| {
            store::set_meta(
                tx,
                META_STATION,
                &serde_json::to_string(&st).expect("serialises"),
            )?;
            if !role.numbers() {
                return Ok(None);
            }
            let others: std::collections::BTreeSet<String> = log::all(tx)?
                .into_iter()
                .filter(|r| r.device != device && sessions.contains(&r.session))
                .filter(|r| matches!(r.action, Action::Number { lane: l, .. } if l == lane))
                .map(|r| r.device)
                .collect();
            Ok((!others.is_empty()).then(|| {
                let list = others.into_iter().collect::<Vec<_>>().join("、");
                let prefix = lane.map(String::from).unwrap_or_else(|| "无".into());
                let prefix_en = lane.map(String::from).unwrap_or_else(|| "none".into());
                Text::new(
                    format!("另一台手机（设备 {list}）已在本室用同一前缀（{prefix}）编号：两台摄影室手机的编号会重复。请给本机设不同的前缀（如 B）"),
                    format!("Another phone (device {list}) already numbers in this room with the same prefix ({prefix_en}): the numbers would clash. Give this phone its own letter (e.g. B)"),
                )
            }))
        })?;
        self.station = Some(st.clone());
        self.last = None;
        self.pending = None;
        Ok(StationSetup {
            station: st,
            warning,
        })
    }

    /// Switches the studio's 采集码 check on or off (off when the 新华社 photographer checks the
    /// code instead). Touches the disk.
    pub fn set_check_code(&mut self, on: bool) -> Result<Station> {
        let mut st = self.ready()?.1.clone();
        st.check_code = on;
        self.store.write(|tx| {
            store::set_meta(
                tx,
                META_STATION,
                &serde_json::to_string(&st).expect("serialises"),
            )
        })?;
        self.station = Some(st.clone());
        if !on {
            self.pending = None;
        }
        Ok(st)
    }

    /// Sets how early and late around windows scans still let students in (never into another
    /// college's time in the same room). Touches the disk.
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

    fn ready(&self) -> Result<(&Loaded, &Station)> {
        let l = self.loaded()?;
        let st = self.station.as_ref().ok_or_else(|| {
            Error::NotReady("choose the room this device guards first (选择考场)".into())
        })?;
        Ok((l, st))
    }

    /// The session records at `now` are filed under: the room's current session, else its first.
    fn record_session(&self, now: UnixMillis) -> Result<u8> {
        let (l, st) = self.ready()?;
        Ok(self
            .session_now(now)
            .or_else(|| {
                room::sessions_in(&l.content.event, &st.room)
                    .first()
                    .copied()
            })
            .unwrap_or(1))
    }

    /// Judges a scanned text and, if it checks in or numbers, records that durably before
    /// returning. At the studio a good pass first asks for the 采集码; scanning the 采集码 then
    /// numbers the student (its content is never stored). The same text again within 5 seconds
    /// of its last sighting returns the first outcome with `repeat` set and records nothing.
    /// Touches the disk.
    pub fn scan(&mut self, text: &str, now: UnixMillis) -> Result<ScanOutcome> {
        let key = text.trim().to_string();
        if let Some((t, at, out)) = &mut self.last {
            if *t == key && now >= *at && now - *at < REPEAT_WINDOW_MS {
                // The window slides with each sighting: a pass held in front of the camera for
                // a minute is still the same scan, not an "already checked in" in amber.
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
                Subject {
                    student_no,
                    session: Some(session_index),
                    via: Via::Pass,
                    serial: Some(serial),
                    note: None,
                },
                None,
                false,
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
            PassCheck::NotAPass {
                hint: NotAPassHint::LooksLikeCollectionCode,
            } if self.pending.is_some() => {
                let p = self.pending.take().expect("checked");
                self.judge(p.subject, p.override_reason, true, now)?
            }
            PassCheck::NotAPass { hint } => self.refuse(Verdict::NotAPass { hint }, now)?,
        };
        self.last = Some((key, now, out.clone()));
        Ok(out)
    }

    /// Lets a student through over an overridable verdict for this pass (outside their time,
    /// not on the roster, already checked in or numbered), with the staff's reason. Any other
    /// verdict is returned unchanged (a forged pass cannot be overridden). Touches the disk.
    pub fn override_pass(
        &mut self,
        text: &str,
        reason: &str,
        now: UnixMillis,
    ) -> Result<ScanOutcome> {
        let reason = non_empty_reason(reason)?;
        // An override re-judges only what was refused: a student just let through stays as they
        // are (no second number from a stray tap).
        if let Some(out) = self.last_if_not_overridable(text.trim()) {
            return Ok(out);
        }
        self.last = None;
        let (l, _) = self.ready()?;
        match pass::verify(text, &l.content.event.id, &l.keys, &l.revocations) {
            PassCheck::Valid {
                student_no,
                session_index,
                serial,
                ..
            } => self.judge(
                Subject {
                    student_no,
                    session: Some(session_index),
                    via: Via::Pass,
                    serial: Some(serial),
                    note: None,
                },
                Some(reason),
                false,
                now,
            ),
            _ => self.scan(text, now),
        }
    }

    /// Checks in (door) or numbers (studio) a student by number: no phone, no printout. With
    /// `override_reason`, lets them through over an overridable verdict. Touches the disk.
    pub fn check_in_by_number(
        &mut self,
        student_no: u64,
        reason: Option<&str>,
        override_reason: Option<&str>,
        now: UnixMillis,
    ) -> Result<ScanOutcome> {
        let (l, _) = self.ready()?;
        if student_no == 0 || student_no > crate::roster::MAX_STUDENT_NO {
            return Err(Error::Invalid(format!(
                "{student_no} is not a student number (1–14 digits)"
            )));
        }
        let session = l.roster.get(student_no).map(|s| s.session);
        let over = override_reason.map(non_empty_reason).transpose()?;
        let key = format!("#{student_no}");
        if over.is_some() {
            if let Some(out) = self.last_if_not_overridable(&key) {
                return Ok(out);
            }
        }
        self.last = None;
        let note = reason
            .map(|r| r.trim().to_string())
            .filter(|r| !r.is_empty());
        let out = self.judge(
            Subject {
                student_no,
                session,
                via: Via::Manual,
                serial: None,
                note,
            },
            over,
            false,
            now,
        )?;
        self.last = Some((key, now, out.clone()));
        Ok(out)
    }

    /// The last outcome for this text or typed number when it was not overridable (already let
    /// through, or refused for good), shown again instead of being re-judged.
    fn last_if_not_overridable(&self, key: &str) -> Option<ScanOutcome> {
        match &self.last {
            Some((k, _, out)) if k == key && !out.overridable => {
                let mut out = out.clone();
                out.repeat = true;
                Some(out)
            }
            _ => None,
        }
    }

    /// Numbers the studio student waiting on the 采集码 check without it (the 新华社 photographer
    /// checks the code instead). Touches the disk.
    pub fn skip_code_check(&mut self, now: UnixMillis) -> Result<ScanOutcome> {
        let p = self.pending.take().ok_or_else(|| {
            Error::NotReady("no student is waiting for the 采集码 check; scan a pass first".into())
        })?;
        self.last = None;
        self.judge(p.subject, p.override_reason, true, now)
    }

    /// Drops the student waiting for the 采集码 check (they went to find it); nothing was recorded
    /// for them, and their next pass scan starts again. Returns who was waiting. Memory only.
    pub fn cancel_code_check(&mut self) -> Option<u64> {
        self.last = None;
        self.pending.take().map(|p| p.subject.student_no)
    }

    /// The student waiting for the 采集码 check, if any.
    pub fn waiting_for_code(&self) -> Option<u64> {
        self.pending.as_ref().map(|p| p.subject.student_no)
    }

    /// The verdict for a subject: place and time against the station's room, the roster, what
    /// this device already knows of the student, then a check-in or a number, durably.
    fn judge(
        &mut self,
        subject: Subject,
        override_reason: Option<String>,
        code_seen: bool,
        now: UnixMillis,
    ) -> Result<ScanOutcome> {
        let (l, st) = self.ready()?;
        let st = st.clone();
        let event = &l.content.event;
        let now_local = time::to_local(event.utc_offset, now);
        let no = subject.student_no;
        let student = l.roster.get(no);
        let name = student.map(|s| s.name.clone()).filter(|n| !n.is_empty());
        let class = student.map(|s| s.class.clone()).filter(|c| !c.is_empty());
        let off_roster = !l.roster.is_empty() && student.is_none();
        let here = self.record_session(now)?;
        let session = subject
            .session
            .or(student.map(|s| s.session))
            .unwrap_or(here);
        let clock = door::clock_warning(event, now_local);
        let offset = event.utc_offset;
        let batch_size = event.batch_size;
        let event_id = event.id.clone();
        let arrive_early = event.arrive_early_minutes as i64;
        let plan_time = l
            .content
            .plan
            .as_ref()
            .and_then(|p| p.entry_for(session, no))
            .map(|e| e.start);
        let place = door::place_and_time(
            event,
            &st.room,
            no,
            name.clone(),
            session,
            now_local,
            self.tolerance,
        );
        let session = if room::holds(event, &st.room, session) {
            session
        } else {
            here
        };
        let reason = override_reason.clone().or(subject.note.clone());
        let device = self.device.clone();
        let at = |ms: i64| time::format_hhmm(time::to_local(offset, ms).time());
        let replaced_pass = l.revocations.min_serial(no);

        // What this device knows of the student (its own records and every log merged).
        let ledger = self
            .store
            .read(|tx| Ok(Ledger::from_records(&log::for_student(tx, no)?)))?;
        let decision = admit::decide(&admit::Facts {
            role: st.role,
            check_code: st.check_code,
            code_seen,
            via: subject.via,
            overriding: override_reason.is_some(),
            place,
            off_roster,
            numbered: !ledger.of_student(no).is_empty(),
            checked_in: ledger.check_in(no).is_some(),
            stepped_aside: ledger.was_stepped_aside(no),
            replaced_pass,
        });
        let via = match decision {
            Decision::Place(v) => return self.refuse(v, now),
            Decision::NotOnRoster => {
                return self.refuse(Verdict::NotOnRoster { student_no: no }, now)
            }
            Decision::PassReplaced { min_serial } => {
                let v = Verdict::PassReplaced {
                    student_no: no,
                    name,
                    min_serial,
                };
                return self.refuse(v, now);
            }
            Decision::AlreadyNumbered => {
                let a = ledger.of_student(no)[0].clone();
                let v = Verdict::AlreadyNumbered {
                    student_no: no,
                    name: name.clone(),
                    photo_no: a.photo_no.clone(),
                    batch: a.batch,
                    at_ms: a.at_ms,
                    at: at(a.at_ms),
                    device_name: self.device_name(&a.device),
                    device: a.device.clone(),
                    this_device: a.device == device,
                    photographed: ledger.photographed(no),
                };
                let qr = ShotNumber {
                    event_id,
                    session: a.session,
                    student_no: no,
                    photo_no: a.photo_no.clone(),
                    batch: a.batch,
                }
                .to_text();
                let mut out = self.refuse(v, now)?;
                out.number_qr = Some(qr);
                return Ok(out);
            }
            Decision::AlreadyCheckedIn => {
                let c = ledger.check_in(no).expect("decided on it").clone();
                let v = Verdict::AlreadyCheckedIn {
                    student_no: no,
                    name: name.clone(),
                    at_ms: c.at_ms,
                    at: at(c.at_ms),
                    device_name: self.device_name(&c.device),
                    device: c.device.clone(),
                    this_device: c.device == device,
                };
                return self.refuse(v, now);
            }
            Decision::AskForCode => {
                self.pending = Some(Pending {
                    subject: subject.clone(),
                    override_reason,
                });
                let v = Verdict::ShowCollectionCode {
                    student_no: no,
                    name,
                    class,
                };
                return Ok(outcome(v, clock, None));
            }
            Decision::CheckIn { via } => via,
            Decision::Number { via, .. } => via,
        };
        let (door_unseen, renumbered) = match decision {
            Decision::Number {
                door_unseen,
                renumbered,
                ..
            } => (door_unseen, renumbered),
            _ => (false, false),
        };
        self.pending = None;

        if st.role == Role::Door {
            let seq = self.store.write(|tx| {
                let seq = put(
                    tx,
                    &device,
                    session,
                    now,
                    Action::CheckIn {
                        student_no: no,
                        via,
                        serial: subject.serial,
                        reason: reason.clone(),
                    },
                )?;
                Ok(seq)
            })?;
            // Arriving up to the notice's "20 minutes early" is on time; earlier is worth a word.
            let early_minutes = plan_time
                .map(|t| (t - now_local).num_minutes())
                .filter(|m| *m > arrive_early)
                .map(|m| m as u32);
            let v = Verdict::CheckedIn {
                student_no: no,
                name,
                class,
                via,
                early_minutes,
            };
            return Ok(outcome(v, clock, Some(seq)));
        }

        let lane = st.lane;
        let (seq, photo_seq, batch) = self.store.write(|tx| {
            let last = log::last_number(tx, &device, session)?;
            let (last_seq, last_batch) = match &last {
                Some(Record {
                    action:
                        Action::Number {
                            photo_seq, batch, ..
                        },
                    ..
                }) => (*photo_seq, *batch),
                _ => (0, 0),
            };
            let floor = floors(tx, META_PHOTO_FLOOR)?
                .get(&session)
                .copied()
                .unwrap_or(0);
            let photo_seq = last_seq.max(floor) + 1;
            set_floor(tx, META_PHOTO_FLOOR, session, photo_seq)?;
            let closed = floors(tx, META_BATCH_CLOSED)?
                .get(&session)
                .copied()
                .unwrap_or(0);
            // A batch is filled before the next begins, so its numbers are consecutive: the
            // count is the last number minus the batch's first, with no scan of the log.
            let started = floors(tx, META_BATCH_START)?
                .get(&session)
                .copied()
                .unwrap_or(0);
            let batch = if last_batch > closed && last_seq + 1 - started.min(last_seq) < batch_size
            {
                last_batch
            } else {
                set_floor(tx, META_BATCH_START, session, photo_seq)?;
                last_batch.max(closed) + 1
            };
            let seq = put(
                tx,
                &device,
                session,
                now,
                Action::Number {
                    student_no: no,
                    photo_seq,
                    lane,
                    batch,
                    via,
                    serial: subject.serial,
                    reason: reason.clone(),
                    door_unseen,
                },
            )?;
            Ok((seq, photo_seq, batch))
        })?;
        let photo_no = log::photo_no(lane, photo_seq);
        let qr = ShotNumber {
            event_id,
            session,
            student_no: no,
            photo_no: photo_no.clone(),
            batch,
        }
        .to_text();
        let v = Verdict::Numbered {
            student_no: no,
            name,
            class,
            photo_no,
            batch,
            via,
            door_unseen,
            renumbered,
        };
        let mut out = outcome(v, clock, Some(seq));
        out.number_qr = Some(qr);
        Ok(out)
    }

    fn refuse(&mut self, verdict: Verdict, now: UnixMillis) -> Result<ScanOutcome> {
        let (l, _) = self.ready()?;
        let clock = door::clock_warning(
            &l.content.event,
            time::to_local(l.content.event.utc_offset, now),
        );
        let session = self.record_session(now)?;
        let device = self.device.clone();
        self.store.write(|tx| {
            let seq = next_seq(tx, &device)?;
            log::insert(tx, &refusal(&device, seq, now, session, &verdict))?;
            Ok(seq)
        })?;
        Ok(outcome(verdict, clock, None))
    }

    /// Steps a student aside at the studio (no 采集码, clothes, glasses, not there when called):
    /// their number on this device is voided — never reused, shown struck out on the
    /// photographer's list — and they are numbered again, at the end, when they return. Works at
    /// any time in the session and after restarts. A student already photographed is refused.
    /// Touches the disk.
    pub fn step_aside(
        &mut self,
        student_no: u64,
        reason: AsideReason,
        note: Option<&str>,
        now: UnixMillis,
    ) -> Result<StepAsideOutcome> {
        let here = self.record_session(now)?;
        let device = self.device.clone();
        let note = note.map(|n| n.trim().to_string()).filter(|n| !n.is_empty());
        let out = self.store.write(|tx| {
            let ledger = Ledger::from_records(&log::for_student(tx, student_no)?);
            if ledger.photographed(student_no) {
                return Err(Error::Invalid(format!(
                    "{student_no} was already photographed (their batch was closed), so there is nothing to step aside; if the photo must be taken again, the 教务处 voids its record (photoday log void DEVICE:SEQ) and the student is numbered anew"
                )));
            }
            let mine = ledger
                .of_student(student_no)
                .into_iter()
                .filter(|a| a.device == device)
                .max_by_key(|a| a.seq)
                .cloned();
            let action = Action::StepAside {
                student_no,
                target_seq: mine.as_ref().map(|a| a.seq),
                reason,
                note: note.clone(),
            };
            let session = mine.as_ref().map(|a| a.session).unwrap_or(here);
            let seq = put(tx, &device, session, now, action)?;
            Ok(StepAsideOutcome {
                student_no,
                photo_no: mine.map(|a| a.photo_no),
                reason,
                record_seq: seq,
            })
        })?;
        if self.waiting_for_code() == Some(student_no) {
            self.pending = None;
        }
        self.last = None;
        Ok(out)
    }

    /// Cancels one of this device's check-ins, numbers or step-asides (by its record number)
    /// within 5 minutes. A cancelled number is not reused. Touches the disk.
    pub fn undo(&mut self, record_seq: u64, now: UnixMillis) -> Result<UndoOutcome> {
        let device = self.device.clone();
        self.ready()?;
        let out = self.store.write(|tx| {
            let rows = log::for_device(tx, &device)?;
            let Some(target) = rows.iter().find(|r| r.seq == record_seq) else {
                return Err(Error::told(
                    Refusal::NotUndoable,
                    format!("记录 {record_seq} 不是本机的；只有记录它的设备能撤销"),
                    format!("record {record_seq} is not one of this device's; only the device that made a record can undo it"),
                ));
            };
            let (Action::CheckIn { student_no, .. }
            | Action::Number { student_no, .. }
            | Action::StepAside { student_no, .. }) = target.action
            else {
                return Err(Error::told(
                    Refusal::NotUndoable,
                    format!("记录 {record_seq} 不是签到、编号或暂离，不能撤销"),
                    format!("record {record_seq} is not a check-in, number or step-aside"),
                ));
            };
            if rows.iter().any(|r| matches!(r.action, Action::Undo { target_seq, .. } if target_seq == record_seq)) {
                return Err(Error::told(
                    Refusal::AlreadyUndone,
                    format!("记录 {record_seq} 已经撤销过了"),
                    format!("record {record_seq} was already undone"),
                ));
            }
            if matches!(target.action, Action::Number { .. })
                && rows.iter().any(|r| matches!(r.action, Action::Photographed { target_seq, .. } if target_seq == record_seq))
            {
                let no = target.photo_no().unwrap_or_default();
                return Err(Error::told(
                    Refusal::NotUndoable,
                    format!("{no} 号已拍摄（该批已结束），不能撤销；重拍请作废该记录"),
                    format!("photo no. {no} was already photographed (batch closed); it cannot be undone — void its record to retake"),
                ));
            }
            if now - target.at_ms > UNDO_WINDOW_MS {
                return Err(Error::told(
                    Refusal::UndoTooOld,
                    format!("记录 {record_seq} 已超过 5 分钟，不能撤销；请改用“暂离”"),
                    format!("record {record_seq} is more than 5 minutes old and can no longer be undone; step the student aside instead"),
                ));
            }
            let undo = Action::Undo {
                target_seq: record_seq,
                student_no,
            };
            let seq = put(tx, &device, target.session, now, undo)?;
            Ok(UndoOutcome {
                photo_no: target.photo_no(),
                undone: target.kind().to_string(),
                student_no,
                record_seq: seq,
            })
        })?;
        self.last = None;
        Ok(out)
    }

    /// Voids one of this device's own records at any time, with a reason (after the undo window:
    /// a check-in by mistake, a number given to the wrong student). The void is itself a signed
    /// record. Touches the disk.
    pub fn void_own(&mut self, record_seq: u64, reason: &str, now: UnixMillis) -> Result<Record> {
        self.loaded()?;
        let device = self.device.clone();
        let out = write_void(&mut self.store, &self.key, &device, record_seq, reason, now)?;
        self.last = None;
        Ok(out)
    }

    /// Undoes this device's latest check-in, number or step-aside that still stands (within 5
    /// minutes), also after a restart.
    pub fn undo_last(&mut self, now: UnixMillis) -> Result<UndoOutcome> {
        self.ready()?;
        let device = self.device.clone();
        let rows = self.store.read(|tx| log::for_device(tx, &device))?;
        let undone: std::collections::HashSet<u64> = rows
            .iter()
            .filter_map(|r| match r.action {
                Action::Undo { target_seq, .. } => Some(target_seq),
                _ => None,
            })
            .collect();
        let last = rows
            .iter()
            .rev()
            .find(|r| {
                matches!(
                    r.action,
                    Action::CheckIn { .. } | Action::Number { .. } | Action::StepAside { .. }
                ) && !undone.contains(&r.seq)
            })
            .ok_or_else(|| {
                Error::told(
                    Refusal::NotUndoable,
                    "本机没有可撤销的记录",
                    "nothing to undo on this device",
                )
            })?;
        self.undo(last.seq, now)
    }

    /// The studio's session: the one of its latest number, else the room's by the clock.
    fn studio_session(&mut self, now: UnixMillis) -> Result<u8> {
        let here = self.record_session(now)?;
        let device = self.device.clone();
        let last = self
            .store
            .read(|tx| log::last_number_session(tx, &device))?;
        Ok(match last {
            Some(s) if self.session_now(now).is_none_or(|n| n == s) => s,
            _ => here,
        })
    }

    /// Lines of the photographer's list from this device's records of one session.
    fn members(
        &self,
        rows: &[Record],
        session: u8,
        batch: Option<u32>,
    ) -> Result<Vec<BatchMember>> {
        let device = &self.device;
        let ledger = Ledger::from_records(rows);
        let roster = &self.loaded()?.roster;
        let name = |no: u64| {
            roster
                .get(no)
                .map(|s| s.name.clone())
                .filter(|n| !n.is_empty())
        };
        let shot: std::collections::HashSet<u64> = rows
            .iter()
            .filter_map(|r| match r.action {
                Action::Photographed { target_seq, .. } if &r.device == device => Some(target_seq),
                _ => None,
            })
            .collect();
        let wanted = |a: &attendance::Admission| {
            &a.device == device && a.session == session && batch.is_none_or(|b| a.batch == b)
        };
        let mut out: Vec<(u32, BatchMember)> = ledger
            .admissions()
            .iter()
            .filter(|a| wanted(a))
            .map(|a| {
                (
                    a.photo_seq,
                    BatchMember {
                        photo_no: a.photo_no.clone(),
                        student_no: a.student_no,
                        name: name(a.student_no),
                        batch: a.batch,
                        status: if shot.contains(&a.seq) {
                            NumberStatus::Photographed
                        } else {
                            NumberStatus::Waiting
                        },
                        aside: None,
                    },
                )
            })
            .collect();
        out.extend(
            ledger
                .voided()
                .iter()
                .filter(|v| wanted(&v.number))
                .map(|v| {
                    (
                        v.number.photo_seq,
                        BatchMember {
                            photo_no: v.number.photo_no.clone(),
                            student_no: v.number.student_no,
                            name: name(v.number.student_no),
                            batch: v.number.batch,
                            status: NumberStatus::Voided,
                            aside: Some(v.reason),
                        },
                    )
                }),
        );
        out.sort_by_key(|(seq, _)| *seq);
        Ok(out.into_iter().map(|(_, m)| m).collect())
    }

    /// This device's numbers in a session, in photo-number order, with where each stands: the
    /// photographer's list (voided numbers stay on it, struck out).
    pub fn photo_list(&mut self, session: u8) -> Result<Vec<BatchMember>> {
        let device = self.device.clone();
        let rows = self
            .store
            .read(|tx| log::for_device_session(tx, &device, session))?;
        self.members(&rows, session, None)
    }

    /// The members of one batch: reads only the records since the batch's first number.
    fn batch_members(&mut self, session: u8, batch: u32) -> Result<Vec<BatchMember>> {
        let device = self.device.clone();
        let rows = self
            .store
            .read(|tx| log::for_device_session_from_batch(tx, &device, session, batch))?;
        self.members(&rows, session, Some(batch))
    }

    /// The batch being called into the studio: the oldest one this device has not closed.
    pub fn current_batch(&mut self, now: UnixMillis) -> Result<Option<Batch>> {
        let (l, st) = self.ready()?;
        if !st.role.numbers() {
            return Ok(None);
        }
        let size = l.content.event.batch_size;
        let session = self.studio_session(now)?;
        let closed = self
            .store
            .read(|tx| floors(tx, META_BATCH_CLOSED))?
            .get(&session)
            .copied()
            .unwrap_or(0);
        let members = self.batch_members(session, closed + 1)?;
        Ok((!members.is_empty()).then(|| Batch {
            session,
            number: closed + 1,
            size,
            members,
        }))
    }

    /// Closes the batch being shot: its numbered students who were not stepped aside are marked
    /// photographed (the fact the 补拍 list is built on). Touches the disk.
    pub fn close_batch(&mut self, now: UnixMillis) -> Result<BatchClosed> {
        let Some(batch) = self.current_batch(now)? else {
            return Err(Error::NotReady(
                "no open batch on this phone: number students as they enter the studio first"
                    .into(),
            ));
        };
        let device = self.device.clone();
        let session = batch.session;
        let number = batch.number;
        let photographed = self.store.write(|tx| {
            let ledger = Ledger::from_records(&log::for_device_session_from_batch(
                tx, &device, session, number,
            )?);
            let mut n = 0;
            for a in ledger
                .admissions()
                .iter()
                .filter(|a| a.device == device && a.batch == number)
            {
                put(
                    tx,
                    &device,
                    session,
                    now,
                    Action::Photographed {
                        student_no: a.student_no,
                        target_seq: a.seq,
                        batch: number,
                    },
                )?;
                n += 1;
            }
            set_floor(tx, META_BATCH_CLOSED, session, number)?;
            Ok(n)
        })?;
        self.last = None;
        let batch = Batch {
            members: self.batch_members(session, number)?,
            ..batch
        };
        Ok(BatchClosed {
            batch,
            photographed,
        })
    }

    /// Attendance of every session, from everything this device has recorded and merged.
    pub fn attendance(&mut self) -> Result<Attendance> {
        let l = self.loaded()?;
        let (event, roster) = (l.content.event.clone(), l.roster.clone());
        let enrolment = l.content.trust.enrolment.clone();
        let records = self.store.read(|tx| log::all(tx))?;
        let mut a = attendance::attendance(&event, &roster, &Ledger::from_records(&records));
        a.name_devices(|d| enrolment.name_for(d).map(String::from));
        Ok(a)
    }

    /// Attendance of the session the station's room is running at `now`.
    pub fn station_attendance(&mut self, now: UnixMillis) -> Result<SessionAttendance> {
        let session = self.record_session(now)?;
        let a = self.attendance()?;
        Ok(a.sessions[session as usize - 1].clone())
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
        let key = &self.key;
        let (bytes, last) = self.store.read(|tx| {
            let file = log_file(tx, &event_id, &device, Some(key), now)?;
            Ok((log::encode(&file), log::last_seq(tx, &device)?))
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
        let content = &self.loaded()?.content;
        let (event, enrolment) = (content.event.clone(), content.trust.enrolment.clone());
        let log = log::decode(bytes)?;
        merge_log(
            &mut self.store,
            &event,
            &log,
            &enrolment,
            Some(&self.device),
        )
    }

    /// Feeds one scanned log QR text; once all have arrived the log is merged and the summary
    /// returned. Progress is kept in memory until then.
    pub fn receive_log_qr(&mut self, text: &str) -> Result<(QrProgress, Option<ImportSummary>)> {
        let progress = self.qr_in.add(text)?;
        if !progress.missing.is_empty() || progress.already_merged {
            return Ok((progress, None));
        }
        let bytes = self.qr_in.take();
        let summary = self.import_log(&bytes?)?;
        Ok((progress, Some(summary)))
    }

    /// Where the log QR sequence being received stands (nothing yet: a total of 0), for the
    /// receiving screen. Memory only.
    pub fn log_qr_progress(&self) -> QrProgress {
        self.qr_in.progress()
    }

    /// Drops a half-received log QR sequence (the other phone went away), so another phone's
    /// codes are taken. Returns how many codes were dropped. Memory only.
    pub fn abandon_log_qr(&mut self) -> u32 {
        self.qr_in.abandon()
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
                "DELETE FROM records; DELETE FROM blobs; DELETE FROM students; DELETE FROM meta WHERE key NOT IN ('device_id', 'device_key', 'seq_floor', 'photo_floor', 'batch_start', 'batch_closed');",
            )?;
            Ok(())
        })?;
        // The record sequence and the photo numbers keep moving forward though old records are
        // gone: a phone reused after a purge never repeats a number.
        self.loaded = None;
        self.pending = None;
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

/// Writes one record of this device at its next sequence number; returns the number.
fn put(
    tx: &rusqlite::Connection,
    device: &str,
    session: u8,
    now: UnixMillis,
    action: Action,
) -> Result<u64> {
    let seq = next_seq(tx, device)?;
    log::insert(
        tx,
        &Record {
            device: device.to_string(),
            seq,
            at_ms: now,
            session,
            action,
        },
    )?;
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
        record_seq: record_seq.filter(|_| verdict.is_admission()),
        number_qr: None,
        verdict,
    }
}

/// Writes a signed `void` record of `key`'s device for the record `target_device:target_seq`,
/// which must be in the store and not void already. The 教务处's laptop voids any record; a phone
/// its own. Returns the void record.
pub fn write_void(
    store: &mut Store,
    key: &EventKey,
    target_device: &str,
    target_seq: u64,
    reason: &str,
    now: UnixMillis,
) -> Result<Record> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(Error::Invalid(
            "a void needs a reason (e.g. 拍错了人 / wrong student scanned)".into(),
        ));
    }
    let device = device::device_id(&key.public());
    store.write(|tx| {
        let all = log::all(tx)?;
        let Some(target) = all
            .iter()
            .find(|r| r.device == target_device && r.seq == target_seq)
        else {
            return Err(Error::Invalid(format!(
                "there is no record {target_device}:{target_seq} here; merge the log that holds it first (photoday log import)"
            )));
        };
        if all.iter().any(|r| {
            matches!(&r.action, Action::Void { target_device: d, target_seq: q, .. } if d == target_device && *q == target_seq)
        }) {
            return Err(Error::Invalid(format!(
                "record {target_device}:{target_seq} is void already"
            )));
        }
        remember_keys(tx, [(device.clone(), key.public())])?;
        let seq = next_seq(tx, &device)?;
        let rec = Record {
            device: device.clone(),
            seq,
            at_ms: now,
            session: target.session,
            action: Action::Void {
                target_device: target_device.to_string(),
                target_seq,
                student_no: target.student_no(),
                reason: reason.to_string(),
            },
        };
        log::insert(tx, &rec)?;
        Ok(rec)
    })
}

const META_SEALS: &str = "seals";

/// The seals a store holds for other devices' records (kept to relay them with the records).
fn stored_seals(tx: &rusqlite::Connection) -> Result<Vec<device::Seal>> {
    Ok(store::get_meta(tx, META_SEALS)?
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default())
}

/// Keeps seals, dropping any another one covers.
fn keep_seals(tx: &rusqlite::Connection, new: &[device::Seal]) -> Result<()> {
    let mut all = stored_seals(tx)?;
    for s in new {
        if !all.iter().any(|k| k.covers(s)) {
            all.retain(|k| !s.covers(k));
            all.push(s.clone());
        }
    }
    store::set_meta(
        tx,
        META_SEALS,
        &serde_json::to_string(&all).expect("serialises"),
    )
}

/// Every record of a store as a log file: the devices' keys, this device's fresh seal over its own
/// records (when `own_key` is given) and the seals it holds for everyone else's.
pub fn log_file(
    tx: &rusqlite::Connection,
    event_id: &str,
    from_device: &str,
    own_key: Option<&EventKey>,
    now: UnixMillis,
) -> Result<LogFile> {
    let records = log::all(tx)?;
    let known = known_keys(tx)?;
    let devices: std::collections::BTreeSet<&str> =
        records.iter().map(|r| r.device.as_str()).collect();
    let mut seals: Vec<device::Seal> = stored_seals(tx)?
        .into_iter()
        .filter(|s| devices.contains(s.device.as_str()))
        .collect();
    if let Some(key) = own_key {
        let me = device::device_id(&key.public());
        let own: Vec<Record> = records.iter().filter(|r| r.device == me).cloned().collect();
        seals.retain(|s| s.device != me);
        seals.extend(device::seal(key, event_id, &own));
    }
    Ok(LogFile {
        event_id: event_id.to_string(),
        from_device: from_device.to_string(),
        exported_at_ms: now,
        device_keys: known
            .into_iter()
            .filter(|(id, _)| devices.contains(id.as_str()))
            .collect(),
        seals,
        records,
    })
}

/// Merges a decoded log into a store: same event only, every record inside a seal of the device
/// it names (its key carried by the log or already known here), or nothing at all. Records of
/// devices `enrolment` does not admit (`me`: the merging device, always admitted) are kept aside
/// with the whole log, to merge once the device is enrolled ([`merge_aside`]).
pub fn merge_log(
    store: &mut Store,
    event: &Event,
    log: &LogFile,
    enrolment: &Enrolment,
    me: Option<&str>,
) -> Result<ImportSummary> {
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
    let known = store.read(|tx| known_keys(tx))?;
    for (id, key) in &log.device_keys {
        if &device::device_id(key) != id {
            return Err(Error::BadLog(format!(
                "the log names device {id} with a key that is not that device's; nothing was imported"
            )));
        }
    }
    let mut by_device: std::collections::BTreeMap<&str, Vec<&Record>> = Default::default();
    for r in &log.records {
        by_device.entry(r.device.as_str()).or_default().push(r);
    }
    for rs in by_device.values_mut() {
        rs.sort_by_key(|r| r.seq);
    }
    for s in &log.seals {
        let key = log
            .device_keys
            .get(&s.device)
            .or_else(|| known.get(&s.device))
            .ok_or_else(|| {
                Error::BadLog(format!(
                    "the log seals device {} without carrying its key; nothing was imported",
                    s.device
                ))
            })?;
        let covered: Vec<&Record> = by_device
            .get(s.device.as_str())
            .map(|rs| {
                rs.iter()
                    .copied()
                    .filter(|r| r.seq >= s.first && r.seq <= s.last)
                    .collect()
            })
            .unwrap_or_default();
        device::verify(&event.id, s, key, &covered)?;
    }
    for r in &log.records {
        if !log
            .seals
            .iter()
            .any(|s| s.device == r.device && (s.first..=s.last).contains(&r.seq))
        {
            return Err(Error::BadLog(format!(
                "record {}/{} is not sealed by its device (forged, or made by an older PhotoDay); nothing was imported",
                r.device, r.seq
            )));
        }
    }
    // Everything is genuine; now whose records merge.
    let kept_aside: Vec<KeptAside> = by_device
        .iter()
        .filter(|(d, _)| !enrolment.admits(d, me))
        .map(|(d, rs)| KeptAside {
            device: d.to_string(),
            fingerprint: log
                .device_keys
                .get(*d)
                .or_else(|| known.get(*d))
                .map(|k| k.fingerprint())
                .unwrap_or_default(),
            records: rs.len() as u32,
        })
        .collect();
    let aside = |d: &str| kept_aside.iter().any(|k| k.device == d);
    store.write(|tx| {
        remember_keys(
            tx,
            log.device_keys
                .iter()
                .filter(|(id, _)| !aside(id))
                .map(|(id, k)| (id.clone(), *k)),
        )?;
        let seals: Vec<device::Seal> = log
            .seals
            .iter()
            .filter(|s| !aside(&s.device))
            .cloned()
            .collect();
        keep_seals(tx, &seals)?;
        let (mut added, mut known) = (0, 0);
        let mut devices = std::collections::BTreeSet::new();
        for r in log.records.iter().filter(|r| !aside(&r.device)) {
            devices.insert(r.device.clone());
            if log::insert(tx, r)? {
                added += 1;
            } else {
                known += 1;
            }
        }
        if !kept_aside.is_empty() {
            let bytes = log::encode(log);
            store::set_blob(tx, &aside_key(&bytes), &bytes)?;
        }
        let ledger = Ledger::from_records(&log::all(tx)?);
        let mut warnings: Vec<Text> = ledger.clashes().iter().map(|c| c.advice()).collect();
        warnings.extend(kept_aside.iter().map(KeptAside::text));
        Ok(ImportSummary {
            added,
            known,
            devices: devices.into_iter().collect(),
            warnings,
            kept_aside: kept_aside.clone(),
        })
    })
}

/// Logs kept aside are blobs under this prefix and the SHA-256 of the log file: the same log
/// kept twice is kept once.
const ASIDE_PREFIX: &str = "aside_log:";

fn aside_key(bytes: &[u8]) -> String {
    format!("{ASIDE_PREFIX}{}", crate::admin::sha256_hex(bytes))
}

fn aside_logs(tx: &rusqlite::Connection) -> Result<Vec<(String, Vec<u8>)>> {
    let mut stmt = tx.prepare("SELECT key, value FROM blobs WHERE key LIKE ?1 ORDER BY key")?;
    let rows = stmt
        .query_map([format!("{ASIDE_PREFIX}%")], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<Vec<(String, Vec<u8>)>>>()?;
    Ok(rows)
}

/// The devices whose records wait aside in a store, with how many distinct records each has
/// waiting (several kept logs of one device overlap).
pub fn kept_aside(
    store: &mut Store,
    enrolment: &Enrolment,
    me: Option<&str>,
) -> Result<Vec<KeptAside>> {
    let logs = store.read(|tx| aside_logs(tx))?;
    let mut seqs: BTreeMap<String, (String, std::collections::BTreeSet<u64>)> = BTreeMap::new();
    for (_, bytes) in logs {
        let Ok(log) = log::decode(&bytes) else {
            continue;
        };
        for r in &log.records {
            if enrolment.admits(&r.device, me) {
                continue;
            }
            let e = seqs.entry(r.device.clone()).or_insert_with(|| {
                let fp = log
                    .device_keys
                    .get(&r.device)
                    .map(|k| k.fingerprint())
                    .unwrap_or_default();
                (fp, Default::default())
            });
            e.1.insert(r.seq);
        }
    }
    Ok(seqs
        .into_iter()
        .map(|(device, (fingerprint, s))| KeptAside {
            device,
            fingerprint,
            records: s.len() as u32,
        })
        .collect())
}

/// Merges the logs kept aside whose devices `enrolment` now admits; a log still holding a
/// device not enrolled stays aside (its enrolled devices' records merge now). Returns what was
/// merged, and in `kept_aside` what still waits.
pub fn merge_aside(
    store: &mut Store,
    event: &Event,
    enrolment: &Enrolment,
    me: Option<&str>,
) -> Result<ImportSummary> {
    let logs = store.read(|tx| aside_logs(tx))?;
    let mut total = ImportSummary {
        added: 0,
        known: 0,
        devices: Vec::new(),
        warnings: Vec::new(),
        kept_aside: Vec::new(),
    };
    for (key, bytes) in logs {
        let log = match log::decode(&bytes) {
            Ok(l) if l.event_id == event.id => l,
            // Another event's (a phone that changed events): it stays where it is.
            _ => continue,
        };
        let s = merge_log(store, event, &log, enrolment, me)?;
        if s.kept_aside.is_empty() {
            store.write(|tx| store::delete_blob(tx, &key))?;
        }
        total.added += s.added;
        total.known += s.known;
        for d in s.devices {
            if !total.devices.contains(&d) {
                total.devices.push(d);
            }
        }
        for w in s.warnings {
            if !total.warnings.contains(&w) {
                total.warnings.push(w);
            }
        }
    }
    total.kept_aside = kept_aside(store, enrolment, me)?;
    Ok(total)
}

impl Scanner {
    /// This device's enrolment code for the station name staff gave it: its id, key and
    /// fingerprint, as text for a QR code. Memory only.
    pub fn enrolment_code(&self, station: &str) -> Result<EnrolmentCode> {
        EnrolmentCode::new(&self.key.public(), station)
    }

    /// The devices whose logs wait aside here until they are enrolled. Reads the disk.
    pub fn kept_aside(&mut self) -> Result<Vec<KeptAside>> {
        let enrolment = self
            .bundle()
            .map(|b| b.trust.enrolment.clone())
            .unwrap_or_default();
        kept_aside(&mut self.store, &enrolment, Some(&self.device))
    }

    /// Merges the logs kept aside whose devices this device's bundle now enrols (importing a
    /// bundle does it too). Touches the disk.
    pub fn merge_aside(&mut self) -> Result<ImportSummary> {
        let content = &self.loaded()?.content;
        let (event, enrolment) = (content.event.clone(), content.trust.enrolment.clone());
        merge_aside(&mut self.store, &event, &enrolment, Some(&self.device))
    }

    /// The station name a device was enrolled under, from the bundle (its id when not enrolled).
    fn device_name(&self, device: &str) -> String {
        self.bundle()
            .and_then(|b| b.trust.enrolment.name_for(device))
            .unwrap_or(device)
            .to_string()
    }

    /// How this device names another: its station name from the bundle's enrolment, with its id
    /// (`一教104 门口 (3f2a9c0d5e6b)`), or the id alone. Memory only.
    pub fn device_label(&self, device: &str) -> String {
        match self.bundle() {
            Some(b) => b.trust.enrolment.label(device),
            None => device.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(photo_no: &str, batch: u32, status: NumberStatus) -> BatchMember {
        BatchMember {
            photo_no: photo_no.into(),
            student_no: 202001001001,
            name: None,
            batch,
            status,
            aside: None,
        }
    }

    #[test]
    fn a_batch_says_which_numbers_still_wait_and_each_member_its_batch() {
        let mut batch = Batch {
            session: 1,
            number: 2,
            size: 8,
            members: vec![
                member("A009", 2, NumberStatus::Waiting),
                member("A010", 2, NumberStatus::Voided),
                member("A011", 2, NumberStatus::Waiting),
            ],
        };
        assert_eq!(batch.waiting_line().zh, "待拍：A009 A011");
        assert_eq!(batch.waiting_line().en, "Waiting: A009 A011");
        assert_eq!(
            batch.label().zh,
            "第2批 · 2/8",
            "the voided number does not count"
        );
        assert_eq!(batch.members[0].line().zh, "202001001001 · 第2批");
        assert_eq!(
            batch.members[0].who(),
            "A009  202001001001",
            "no name in a bundle without names"
        );
        batch.members[0].name = Some("张三".into());
        assert_eq!(batch.members[0].who(), "A009  张三  202001001001");
        for m in &mut batch.members {
            m.status = NumberStatus::Photographed;
        }
        assert_eq!(batch.waiting_line().en, "No one waiting");
    }
}
