//! A student's phone: slot, pass, timeline, checklist and 采集码, all offline.
//!
//! This is the inner struct the app's `StudentApp` forwards to. The pass is verified when it is
//! imported, so a mistyped or foreign pass is caught on the sofa, not at the door. The 采集码 image
//! is kept as the student saved it, app-private, for display at full brightness; its readability
//! check decodes it in memory and keeps nothing of what it says. Personal data can be purged.

use serde::{Deserialize, Serialize};
use std::collections::HashSet;

use crate::bundle::{self, BundleContent, BundleKind};
use crate::checklist::{self, ChecklistItem};
use crate::error::{Error, Result};
use crate::event::Event;
use crate::pass::{self, NotAPassHint, PassCheck};
use crate::qr::QrMatrix;
use crate::qr_decode::{self, Readability};
use crate::shot::ShotNumber;
use crate::slot::Slot;
use crate::store::{self, Store};
use crate::text::Text;
use crate::time::UnixMillis;
use crate::timeline::{self, Reminder, TimelineItem};

const BLOB_BUNDLE: &str = "student_bundle";
const BLOB_CODE: &str = "collection_code_image";
const META_PASS: &str = "pass_text";
const META_SHOT: &str = "shot";
/// Largest 采集码 image accepted (a phone screenshot is well under this).
pub const MAX_CODE_IMAGE: usize = 20 * 1024 * 1024;

/// The student's pass as the phone holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PassInfo {
    /// The pass text (`PD1:…`), to draw as a QR code.
    pub text: String,
    /// Student number.
    pub student_no: u64,
    /// 1-based session.
    pub session: u8,
    /// Pass revision.
    pub serial: u16,
}

/// What the student must do before the app is ready, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SetupStep {
    /// Import the event bundle from the 教务处.
    ImportBundle,
    /// Import the pass the liaison sent.
    ImportPass,
    /// Save the 学信网 采集码 screenshot.
    SaveCollectionCode,
}

/// The student's shoot, once done: their number from the studio phone, or their own word.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shot {
    /// The 摄影编号 from the studio phone's code; `None` when the student ticked "我已拍完".
    pub number: Option<ShotNumber>,
    /// "一教104 · 037 · 第5批", or "已拍完" when no number reached the phone.
    pub label: Text,
}

/// The home screen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Home {
    /// The shoot, once done: the home and reminders switch to after-the-shoot.
    pub shot: Option<Shot>,
    /// Once the session has begun and no shoot is recorded: ask whether they were photographed.
    pub shot_prompt: Option<Text>,
    /// The slot card, once a pass is imported.
    pub slot: Option<Slot>,
    /// Class name from the plan, if any.
    pub class: Option<String>,
    /// Milliseconds until arrive-by (negative once past).
    pub countdown_ms: Option<i64>,
    /// The next thing to do.
    pub next: Option<TimelineItem>,
    /// The step the app should offer first, when something is missing (one button).
    pub setup_step: Option<SetupStep>,
    /// The same step in words.
    pub setup_hint: Option<Text>,
    /// Whether a 采集码 image is saved.
    pub has_collection_code: bool,
    /// Checklist ticks done.
    pub checklist_done: u32,
    /// Checklist items.
    pub checklist_total: u32,
}

/// A student's phone over its own database.
pub struct StudentPhone {
    store: Store,
    bundle: Option<BundleContent>,
    pass: Option<PassInfo>,
    shot: Option<Shot>,
}

#[derive(Serialize, Deserialize)]
struct StoredShot {
    number: Option<ShotNumber>,
}

impl StudentPhone {
    /// Opens the phone's database. Touches the disk.
    pub fn open(path: impl AsRef<std::path::Path>) -> Result<StudentPhone> {
        let mut store = Store::open(path)?;
        let (bundle, pass_text, shot) = store.read(|tx| {
            Ok((
                store::get_blob(tx, BLOB_BUNDLE)?,
                store::get_meta(tx, META_PASS)?,
                store::get_meta(tx, META_SHOT)?,
            ))
        })?;
        let bundle = bundle.map(|b| bundle::open(&b, None)).transpose()?;
        let mut phone = StudentPhone {
            store,
            bundle,
            pass: None,
            shot: None,
        };
        if let Some(s) = shot.and_then(|s| serde_json::from_str::<StoredShot>(&s).ok()) {
            phone.shot = Some(phone.shot_of(s.number));
        }
        if let Some(text) = pass_text {
            phone.pass = phone.check_pass(&text).ok();
        }
        Ok(phone)
    }

    /// The event, once a bundle is imported.
    pub fn event(&self) -> Option<&Event> {
        self.bundle.as_ref().map(|b| &b.event)
    }

    /// Fingerprint of the event key the first bundle pinned (later bundles must be signed by it).
    pub fn pinned_key_fingerprint(&self) -> Option<String> {
        self.bundle.as_ref().map(crate::bundle::signer_fingerprint)
    }

    /// Imports the student bundle (the event, its keys and the plan's time slots). Touches the disk.
    pub fn import_bundle(&mut self, bytes: &[u8]) -> Result<Event> {
        let content = bundle::accept(bytes, BundleKind::Student, self.bundle.as_ref(), false)?;
        self.store
            .write(|tx| store::set_blob(tx, BLOB_BUNDLE, bytes))?;
        let event = content.event.clone();
        self.bundle = Some(content);
        if let Some(p) = self.pass.clone() {
            self.pass = self.check_pass(&p.text).ok();
        }
        Ok(event)
    }

    fn check_pass(&self, text: &str) -> Result<PassInfo> {
        let b = self.bundle.as_ref().ok_or_else(|| {
            Error::NotReady("import the event bundle first (导入活动资料)".into())
        })?;
        match pass::verify(text, &b.event.id, &b.key_ring(), &b.revocation_list()) {
            PassCheck::Valid {
                student_no,
                session_index,
                serial,
                ..
            } if b.event.session(session_index).is_some() => Ok(PassInfo {
                text: text.trim().to_string(),
                student_no,
                session: session_index,
                serial,
            }),
            PassCheck::Valid { .. } => Err(Error::Invalid(
                "this pass names a session the event does not have; ask your liaison for a new pass".into(),
            )),
            PassCheck::Revoked { .. } => Err(Error::Invalid(
                "this pass was replaced by a newer one (签到码已更新); ask your liaison for the new pass".into(),
            )),
            PassCheck::BadSignature { .. } => Err(Error::Invalid(
                "this pass is not genuine or was changed (签名不符); copy it again exactly as you received it".into(),
            )),
            PassCheck::UnknownKey { .. } => Err(Error::Invalid(format!(
                "this pass is not for {} (不是本次活动的签到码)",
                b.event.title.zh
            ))),
            PassCheck::NotAPass { hint } => Err(Error::Invalid(match hint {
                NotAPassHint::LooksLikeCollectionCode => "this is your CHSI 采集码, not the check-in pass; save the 采集码 under 采集码 instead".into(),
                NotAPassHint::Malformed => "this pass is incomplete or mistyped (签到码不完整); copy all 118 characters starting with PD1:".into(),
                _ => "this is not a PhotoDay pass; it starts with PD1:".to_string(),
            })),
        }
    }

    /// Imports the student's pass text, verifying it now. Touches the disk.
    pub fn import_pass(&mut self, text: &str) -> Result<PassInfo> {
        let info = self.check_pass(text)?;
        self.store
            .write(|tx| store::set_meta(tx, META_PASS, &info.text))?;
        self.pass = Some(info.clone());
        Ok(info)
    }

    /// The pass, if imported.
    pub fn pass(&self) -> Option<&PassInfo> {
        self.pass.as_ref()
    }

    /// The pass as a QR matrix to draw with whole pixels per module.
    pub fn pass_qr(&self) -> Result<QrMatrix> {
        let p = self.pass.as_ref().ok_or_else(|| {
            Error::NotReady("no pass yet: import the pass your liaison sent (导入签到码)".into())
        })?;
        QrMatrix::encode(&p.text)
    }

    /// The student's slot, with their class's planned time when the bundle has a plan.
    pub fn slot(&self) -> Option<(Slot, Option<String>)> {
        let (b, p) = (self.bundle.as_ref()?, self.pass.as_ref()?);
        let entry = b
            .plan
            .as_ref()
            .and_then(|pl| pl.entry_for(p.session, p.student_no));
        let slot = Slot::new(&b.event, p.session, entry.map(|e| e.start))?;
        Some((slot, entry.map(|e| e.label())))
    }

    /// The timeline at `now`.
    pub fn timeline(&self, now: UnixMillis) -> Result<Vec<TimelineItem>> {
        let b = self.bundle.as_ref().ok_or_else(|| {
            Error::NotReady("import the event bundle first (导入活动资料)".into())
        })?;
        let (slot, _) = self.slot().ok_or_else(|| {
            Error::NotReady("import your pass first (导入签到码) so your slot is known".into())
        })?;
        let items = timeline::timeline(&b.event, &slot, now);
        Ok(if self.shot.is_some() {
            timeline::after_shoot(items)
        } else {
            items
        })
    }

    fn shot_of(&self, number: Option<ShotNumber>) -> Shot {
        let label = match &number {
            Some(n) => {
                let room = self
                    .event()
                    .and_then(|e| e.session(n.session))
                    .map(|s| s.room.clone())
                    .unwrap_or_else(|| Text::new("", ""));
                Text::new(
                    format!("{} · {} · 第{}批", room.zh, n.photo_no, n.batch),
                    format!("{} · {} · batch {}", room.en, n.photo_no, n.batch),
                )
            }
            None => Text::new("已拍完", "Photographed"),
        };
        Shot { number, label }
    }

    fn store_shot(&mut self, number: Option<ShotNumber>) -> Result<Shot> {
        let json = serde_json::to_string(&StoredShot {
            number: number.clone(),
        })
        .expect("serialises");
        self.store
            .write(|tx| store::set_meta(tx, META_SHOT, &json))?;
        let shot = self.shot_of(number);
        self.shot = Some(shot.clone());
        Ok(shot)
    }

    /// Keeps the 摄影编号 from the small QR on the studio phone: the home and reminders switch to
    /// after-the-shoot (no 补拍 alarms; the 学信网 check stays). A classmate's or another event's
    /// code is refused. Touches the disk.
    pub fn import_number(&mut self, text: &str) -> Result<Shot> {
        let n = ShotNumber::parse(text)?;
        let event = self.event().ok_or_else(|| {
            Error::NotReady("先导入活动资料包 / import the event bundle first".into())
        })?;
        if n.event_id != event.id {
            return Err(Error::Invalid(
                "这个编号码属于另一次拍摄活动 / this number code belongs to another event".into(),
            ));
        }
        if let Some(p) = &self.pass {
            if p.student_no != n.student_no {
                return Err(Error::Invalid(format!(
                    "这是 {} 的编号，不是你的（{}）/ this number is {}'s, not yours ({})",
                    n.student_no, p.student_no, n.student_no, p.student_no
                )));
            }
        }
        self.store_shot(Some(n))
    }

    /// The student says they were photographed (the number never reached the phone), or takes it
    /// back. Touches the disk.
    pub fn set_shot_done(&mut self, done: bool) -> Result<Option<Shot>> {
        if done {
            let keep = self.shot.as_ref().and_then(|s| s.number.clone());
            return self.store_shot(keep).map(Some);
        }
        self.store.write(|tx| {
            tx.execute("DELETE FROM meta WHERE key = ?1", [META_SHOT])?;
            Ok(())
        })?;
        self.shot = None;
        Ok(None)
    }

    /// The shoot, once recorded.
    pub fn shot(&self) -> Option<&Shot> {
        self.shot.as_ref()
    }

    /// The local notifications to schedule now (soonest first).
    pub fn reminders(&self, now: UnixMillis) -> Result<Vec<Reminder>> {
        Ok(timeline::reminders(&self.timeline(now)?))
    }

    /// The home screen at `now`.
    pub fn home(&mut self, now: UnixMillis) -> Result<Home> {
        let has_code = self.collection_code()?.is_some();
        let list = self.checklist()?;
        let done = list.iter().filter(|c| c.ticked).count() as u32;
        let total = list.len() as u32;
        let slot = self.slot();
        let setup_step = if self.bundle.is_none() {
            Some(SetupStep::ImportBundle)
        } else if self.pass.is_none() {
            Some(SetupStep::ImportPass)
        } else if !has_code {
            Some(SetupStep::SaveCollectionCode)
        } else {
            None
        };
        let setup_hint = setup_step.map(|step| match step {
            SetupStep::ImportBundle => {
                Text::new("先导入活动资料包", "Import the event bundle first")
            }
            SetupStep::ImportPass => Text::new(
                "导入联络员发给你的签到码",
                "Import the pass your liaison sent you",
            ),
            SetupStep::SaveCollectionCode => Text::new(
                "保存你的学信网采集码截图",
                "Save a screenshot of your CHSI 采集码",
            ),
        });
        let next = match &slot {
            Some(_) => timeline::next_item(&self.timeline(now)?).cloned(),
            None => None,
        };
        let off = self.event().map(|e| e.utc_offset);
        let began = slot.as_ref().zip(off).is_some_and(|((s, _), off)| {
            now >= crate::time::to_unix(off, s.date.and_time(s.windows[0].start))
        });
        let shot_prompt = (began && self.shot.is_none()).then(|| {
            Text::new(
                "拍完了吗？扫一下摄影室手机上的编号码，或点“我已拍完”；还没拍的请看补拍安排",
                "Photographed? Scan the number code on the studio phone, or tap “I've been photographed”; if not, see the make-up arrangements",
            )
        });
        Ok(Home {
            shot: self.shot.clone(),
            shot_prompt,
            countdown_ms: slot
                .as_ref()
                .zip(off)
                .map(|((s, _), off)| crate::time::to_unix(off, s.arrive_by) - now),
            class: slot.as_ref().and_then(|(_, c)| c.clone()),
            slot: slot.map(|(s, _)| s),
            next,
            setup_step,
            setup_hint,
            has_collection_code: has_code,
            checklist_done: done,
            checklist_total: total,
        })
    }

    /// The checklist with ticks.
    pub fn checklist(&mut self) -> Result<Vec<ChecklistItem>> {
        let Some(event) = self.event().cloned() else {
            return Ok(Vec::new());
        };
        let ticked: HashSet<String> = self.store.read(|tx| {
            let mut stmt = tx.prepare("SELECT item FROM ticks")?;
            let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })?;
        Ok(checklist::checklist(&event, &ticked))
    }

    /// Ticks or unticks a checklist item. Touches the disk.
    pub fn set_tick(
        &mut self,
        id: &str,
        ticked: bool,
        now: UnixMillis,
    ) -> Result<Vec<ChecklistItem>> {
        let event = self.event().cloned().ok_or_else(|| {
            Error::NotReady("import the event bundle first (导入活动资料)".into())
        })?;
        if !checklist::has_item(&event, id) {
            return Err(Error::Invalid(format!("no checklist item `{id}`")));
        }
        self.store.write(|tx| {
            if ticked {
                tx.execute(
                    "INSERT INTO ticks (item, at_ms) VALUES (?1, ?2) ON CONFLICT (item) DO NOTHING",
                    rusqlite::params![id, now],
                )?;
            } else {
                tx.execute("DELETE FROM ticks WHERE item = ?1", [id])?;
            }
            Ok(())
        })?;
        self.checklist()
    }

    /// Saves the 采集码 image (PNG) as given, app-private, and checks it can be read. The image is
    /// never decoded into storage: only the bytes are kept. Touches the disk.
    pub fn save_collection_code(&mut self, image: &[u8]) -> Result<Readability> {
        if image.len() > MAX_CODE_IMAGE {
            return Err(Error::Image(format!(
                "the image is {} MB; save a screenshot of the code instead (at most 20 MB)",
                image.len() / 1024 / 1024
            )));
        }
        let readability = qr_decode::check_readability(image)?;
        self.store
            .write(|tx| store::set_blob(tx, BLOB_CODE, image))?;
        Ok(readability)
    }

    /// The saved 采集码 image, to show full-screen at full brightness.
    pub fn collection_code(&mut self) -> Result<Option<Vec<u8>>> {
        self.store.read(|tx| store::get_blob(tx, BLOB_CODE))
    }

    /// Checks again that the saved 采集码 can be read (decoded in memory, nothing kept).
    pub fn check_collection_code(&mut self) -> Result<Readability> {
        let img = self.collection_code()?.ok_or_else(|| {
            Error::NotReady("no 采集码 saved yet; save the screenshot from 学信网 first".into())
        })?;
        qr_decode::check_readability(&img)
    }

    /// Deletes everything personal: the pass, the 采集码 image, the ticks. The public event
    /// bundle stays. Touches the disk.
    pub fn purge(&mut self) -> Result<()> {
        self.store.write(|tx| {
            store::delete_blob(tx, BLOB_CODE)?;
            tx.execute("DELETE FROM meta WHERE key = ?1", [META_PASS])?;
            tx.execute("DELETE FROM meta WHERE key = ?1", [META_SHOT])?;
            tx.execute("DELETE FROM ticks", [])?;
            Ok(())
        })?;
        self.pass = None;
        self.shot = None;
        Ok(())
    }
}
