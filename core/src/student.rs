//! A student's phone: slot, pass, timeline, checklist and 采集码, all offline.
//!
//! This is the inner struct the app's `StudentApp` forwards to. The student enters their 学号 once;
//! the pass (签到码) is verified when it is imported, as text or as the card image from the album,
//! so a mistyped, foreign or classmate's pass is caught on the sofa, not at the door. The 采集码 image
//! is kept as the student saved it, app-private, for display at full brightness; its readability
//! check decodes it in memory and keeps nothing of what it says. Personal data can be purged.

use serde::{Deserialize, Serialize};
use std::collections::HashSet;

use crate::bundle::{self, BundleContent, BundleKind};
use crate::checklist::{self, ChecklistItem};
use crate::error::{Error, Refusal, Result};
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
const META_STUDENT_NO: &str = "student_no";
/// Largest 采集码 or pass-card image accepted (a phone screenshot is well under this; a 12-MP
/// camera JPEG is about 5 MB).
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

/// What the student must do before the app is ready, in order. This is THE setup flow of both
/// apps: the first three steps are the setup screen (one at a time, instead of the home); the
/// last is a card on the home.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SetupStep {
    /// Open the student pack (the signed student bundle) the liaison posted.
    ImportBundle,
    /// Enter the student number (学号), once.
    EnterStudentNo,
    /// Import the pass (签到码): the card image from the album, the camera, or the pasted text.
    ImportPass,
    /// Save the 学信网 采集码 screenshot (shown on the home; the home is already usable).
    SaveCollectionCode,
}

impl SetupStep {
    /// Whether the setup screen shows this step instead of the home.
    pub fn blocks_home(self) -> bool {
        self != SetupStep::SaveCollectionCode
    }

    /// The step in the student's words.
    pub fn hint(self) -> Text {
        match self {
            SetupStep::ImportBundle => Text::new(
                "打开联络员发在群里的学历照采集资料包",
                "Open the PhotoDay pack your liaison posted in the group",
            ),
            SetupStep::EnterStudentNo => Text::new("输入你的学号", "Enter your student number"),
            SetupStep::ImportPass => Text::new(
                "从相册选你的签到码卡片，或扫码、粘贴签到码",
                "Pick your pass card from the photo album, or scan or paste the pass",
            ),
            SetupStep::SaveCollectionCode => Text::new(
                "保存你的学信网采集码截图",
                "Save a screenshot of your CHSI 采集码",
            ),
        }
    }
}

/// What importing a newer student pack did to the pass on the phone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BundleImported {
    /// The event of the pack.
    pub event: Event,
    /// Set when the pass on this phone no longer stands under the new pack (the 教务处 re-issued
    /// it): what happened and what to do. The old pass is gone from the phone.
    pub pass_replaced: Option<Text>,
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
    /// The slot card, once a pass is imported, or before it when the pack's arrival plan knows
    /// the student number.
    pub slot: Option<Slot>,
    /// Class name from the plan, if any.
    pub class: Option<String>,
    /// The student number entered (or taken from the pass).
    pub student_no: Option<u64>,
    /// Milliseconds until arrive-by (negative once past).
    pub countdown_ms: Option<i64>,
    /// The countdown to arrive-by in words (`还有 3 天 4 小时`, `明天 09:10`, `今天 09:10（…）`).
    pub countdown: Option<Text>,
    /// The next thing to do.
    pub next: Option<TimelineItem>,
    /// The step the app should offer first, when something is missing (one button).
    pub setup_step: Option<SetupStep>,
    /// Whether the setup screen shows instead of the home (bundle, number or pass missing).
    pub needs_setup: bool,
    /// The same step in words.
    pub setup_hint: Option<Text>,
    /// Whether a 采集码 image is saved.
    pub has_collection_code: bool,
    /// Checklist ticks done.
    pub checklist_done: u32,
    /// Checklist items.
    pub checklist_total: u32,
    /// The checklist's progress as the home's button shows it: `准备清单 3/10`.
    pub checklist_line: Text,
}

/// A student's phone over its own database. What it holds in memory is a [`StudentState`]
/// (reached through `Deref`): a client may keep a copy of it (`state().clone()` after each
/// write) and answer the read-only calls from that copy while a write runs.
pub struct StudentPhone {
    store: Store,
    state: StudentState,
}

/// What a student's phone holds in memory: the pack, the pass, the shoot, the student number, the
/// checklist's ticks and whether a 采集码 is saved (not the image). Every method here only reads it.
#[derive(Clone, Default)]
pub struct StudentState {
    bundle: Option<BundleContent>,
    pass: Option<PassInfo>,
    shot: Option<Shot>,
    student_no: Option<u64>,
    /// Whether a 采集码 image is saved (the image itself stays on disk).
    has_code: bool,
    /// Checklist items ticked.
    ticks: HashSet<String>,
}

#[derive(Serialize, Deserialize)]
struct StoredShot {
    number: Option<ShotNumber>,
}

impl StudentState {
    /// The event, once a bundle is imported.
    pub fn event(&self) -> Option<&Event> {
        self.bundle.as_ref().map(|b| &b.event)
    }

    /// Fingerprint of the event key the first bundle pinned (later bundles must be signed by it).
    pub fn pinned_key_fingerprint(&self) -> Option<String> {
        self.bundle.as_ref().map(crate::bundle::signer_fingerprint)
    }

    fn bundle_or_refuse(&self) -> Result<&BundleContent> {
        self.bundle.as_ref().ok_or_else(|| {
            Error::told(
                Refusal::NotReady,
                "先打开联络员发的学历照采集资料包",
                "Open the PhotoDay pack your liaison sent first",
            )
        })
    }

    fn check_pass(&self, text: &str) -> Result<PassInfo> {
        let b = self.bundle_or_refuse()?;
        let invalid = |zh: String, en: String| Error::told(Refusal::Invalid, zh, en);
        let info = match pass::verify(text, &b.event.id, &b.key_ring(), &b.revocation_list()) {
            PassCheck::Valid {
                student_no,
                session_index,
                serial,
                ..
            } if b.event.session(session_index).is_some() => PassInfo {
                text: text.trim().to_string(),
                student_no,
                session: session_index,
                serial,
            },
            PassCheck::Valid { .. } => return Err(invalid(
                "这个签到码的场次不在本次拍摄安排里；请向联络员要新的签到码".into(),
                "This pass names a session the event does not have; ask your liaison for a new pass".into(),
            )),
            PassCheck::Revoked { .. } => return Err(invalid(
                "这个签到码已作废，教务处发了新的；请向联络员要新的签到码".into(),
                "This pass was replaced by a newer one; ask your liaison for the new pass".into(),
            )),
            PassCheck::BadSignature { .. } => return Err(invalid(
                "这个签到码不对或被改动过；请按收到的原样重新复制，或改选签到码卡片图片".into(),
                "This pass is not genuine or was changed; copy it again exactly as you received it, or pick the pass card image instead".into(),
            )),
            PassCheck::UnknownKey { .. } => return Err(invalid(
                format!("这不是{}的签到码", b.event.title.zh),
                format!("This pass is not for {}", b.event.title.en),
            )),
            PassCheck::NotAPass { hint } => return Err(match hint {
                NotAPassHint::LooksLikeCollectionCode => invalid(
                    "这是你的学信网采集码，不是签到码；请在“采集码”里保存它".into(),
                    "This is your CHSI 采集码, not the pass; save it under 采集码 instead".into(),
                ),
                NotAPassHint::Malformed => invalid(
                    "签到码不完整或有错字：请完整复制以 PD1: 开头的全部 118 个字符，或改选签到码卡片图片".into(),
                    "The pass is incomplete or mistyped: copy all 118 characters starting with PD1:, or pick the pass card image instead".into(),
                ),
                _ => invalid(
                    "这不是签到码；签到码以 PD1: 开头，在联络员发的签到码卡片上".into(),
                    "This is not a pass; a pass starts with PD1: and is on the pass card your liaison sent".into(),
                ),
            }),
        };
        match self.student_no {
            Some(mine) if mine != info.student_no => Err(Error::told(
                Refusal::NotYourPass,
                format!(
                    "这是学号 {} 的签到码，不是你的（你的学号是 {mine}）；请向联络员要你自己的签到码，学号输错了就重新输入学号",
                    info.student_no
                ),
                format!(
                    "This is the pass of student number {}, not yours ({mine}); ask your liaison for your own pass, or enter your student number again if it was mistyped",
                    info.student_no
                ),
            )),
            _ => Ok(info),
        }
    }

    /// The student number entered, or taken from the first pass imported.
    pub fn student_no(&self) -> Option<u64> {
        self.student_no
    }

    /// The pass, if imported.
    pub fn pass(&self) -> Option<&PassInfo> {
        self.pass.as_ref()
    }

    /// The pass as a QR matrix to draw with whole pixels per module.
    pub fn pass_qr(&self) -> Result<QrMatrix> {
        let p = self.pass.as_ref().ok_or_else(|| {
            Error::told(
                Refusal::NotReady,
                "还没有签到码：先导入联络员发给你的签到码卡片",
                "No pass yet: import the pass card your liaison sent",
            )
        })?;
        QrMatrix::encode(&p.text)
    }

    /// The student's slot, with their class's planned time when the bundle has a plan. Known
    /// from the pass, or before it from the student number when the pack's arrival plan lists it
    /// (a pack made with a plan maps every planned number to its session and class).
    pub fn slot(&self) -> Option<(Slot, Option<String>)> {
        let b = self.bundle.as_ref()?;
        let (session, no) = match (&self.pass, self.student_no) {
            (Some(p), _) => (p.session, p.student_no),
            (None, Some(no)) => {
                let plan = b.plan.as_ref()?;
                let s = plan
                    .sessions
                    .iter()
                    .find(|s| s.entries.iter().any(|e| e.covers(no)))?;
                (s.session, no)
            }
            (None, None) => return None,
        };
        let entry = b.plan.as_ref().and_then(|pl| pl.entry_for(session, no));
        let slot = Slot::new(&b.event, session, entry.map(|e| e.start))?;
        Some((slot, entry.map(|e| e.label())))
    }

    /// The timeline at `now`.
    pub fn timeline(&self, now: UnixMillis) -> Result<Vec<TimelineItem>> {
        let b = self.bundle_or_refuse()?;
        let (slot, _) = self.slot().ok_or_else(|| {
            Error::told(
                Refusal::NotReady,
                "先导入你的签到码，才知道你的拍摄时间",
                "Import your pass first, so your time is known",
            )
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

    /// The shoot, once recorded.
    pub fn shot(&self) -> Option<&Shot> {
        self.shot.as_ref()
    }

    /// The local notifications to schedule now (soonest first).
    pub fn reminders(&self, now: UnixMillis) -> Result<Vec<Reminder>> {
        Ok(timeline::reminders(&self.timeline(now)?))
    }

    fn step(&self, has_code: bool) -> Option<SetupStep> {
        if self.bundle.is_none() {
            Some(SetupStep::ImportBundle)
        } else if self.student_no.is_none() {
            Some(SetupStep::EnterStudentNo)
        } else if self.pass.is_none() {
            Some(SetupStep::ImportPass)
        } else if !has_code {
            Some(SetupStep::SaveCollectionCode)
        } else {
            None
        }
    }

    /// The setup step to take next (the same as [`Home::setup_step`]).
    pub fn setup_step(&self) -> Option<SetupStep> {
        self.step(self.has_code)
    }

    /// Whether a 采集码 image is saved.
    pub fn has_collection_code(&self) -> bool {
        self.has_code
    }

    /// The checklist with ticks (empty before a bundle).
    pub fn checklist(&self) -> Vec<ChecklistItem> {
        match self.event() {
            Some(event) => checklist::checklist(event, &self.ticks),
            None => Vec::new(),
        }
    }

    /// The home screen at `now`.
    pub fn home(&self, now: UnixMillis) -> Result<Home> {
        let has_code = self.has_code;
        let list = self.checklist();
        let done = list.iter().filter(|c| c.ticked).count() as u32;
        let total = list.len() as u32;
        let slot = self.slot();
        let setup_step = self.step(has_code);
        let setup_hint = setup_step.map(SetupStep::hint);
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
            countdown: slot.as_ref().zip(off).map(|((s, _), off)| {
                crate::countdown::countdown(crate::time::to_local(off, now), s.arrive_by)
            }),
            student_no: self.student_no,
            needs_setup: setup_step.is_some_and(SetupStep::blocks_home),
            class: slot.as_ref().and_then(|(_, c)| c.clone()),
            slot: slot.map(|(s, _)| s),
            next,
            setup_step,
            setup_hint,
            has_collection_code: has_code,
            checklist_done: done,
            checklist_total: total,
            checklist_line: checklist::progress_line(&list),
        })
    }
}

impl std::ops::Deref for StudentPhone {
    type Target = StudentState;

    /// What the phone holds in memory, for the calls that only read it.
    fn deref(&self) -> &StudentState {
        &self.state
    }
}

impl StudentPhone {
    /// What the phone holds in memory; clone it to answer reads while a write runs.
    pub fn state(&self) -> &StudentState {
        &self.state
    }

    /// Opens the phone's database. Touches the disk.
    pub fn open(path: impl AsRef<std::path::Path>) -> Result<StudentPhone> {
        let mut store = Store::open(path)?;
        let (bundle, pass_text, shot, student_no, has_code, ticks) = store.read(|tx| {
            Ok((
                store::get_blob(tx, BLOB_BUNDLE)?,
                store::get_meta(tx, META_PASS)?,
                store::get_meta(tx, META_SHOT)?,
                store::get_meta(tx, META_STUDENT_NO)?,
                store::has_blob(tx, BLOB_CODE)?,
                read_ticks(tx)?,
            ))
        })?;
        let bundle = bundle.map(|b| bundle::open(&b, None)).transpose()?;
        let mut phone = StudentPhone {
            store,
            state: StudentState {
                bundle,
                pass: None,
                shot: None,
                student_no: student_no.and_then(|n| n.parse().ok()),
                has_code,
                ticks,
            },
        };
        if let Some(s) = shot.and_then(|s| serde_json::from_str::<StoredShot>(&s).ok()) {
            phone.state.shot = Some(phone.shot_of(s.number));
        }
        if let Some(text) = pass_text {
            phone.state.pass = phone.check_pass(&text).ok();
        }
        Ok(phone)
    }

    /// Imports the student pack (the signed student bundle: the event, its keys and the arrival
    /// plan). A newer pack of the same event replaces the old one; the pass on the phone is
    /// checked again against it, and [`BundleImported::pass_replaced`] says when it no longer
    /// stands. Touches the disk.
    pub fn import_bundle(&mut self, bytes: &[u8]) -> Result<BundleImported> {
        let content = bundle::accept(
            bytes,
            BundleKind::Student,
            self.state.bundle.as_ref(),
            false,
        )?;
        self.store
            .write(|tx| store::set_blob(tx, BLOB_BUNDLE, bytes))?;
        let event = content.event.clone();
        self.state.bundle = Some(content);
        let mut pass_replaced = None;
        if let Some(p) = self.state.pass.clone() {
            match self.check_pass(&p.text) {
                Ok(info) => self.state.pass = Some(info),
                Err(e) => {
                    self.state.pass = None;
                    let revoked = self
                        .bundle
                        .as_ref()
                        .is_some_and(|b| b.revocation_list().is_revoked(p.student_no, p.serial));
                    pass_replaced = Some(if revoked {
                        Text::new(
                            format!("教务处重新签发了你的签到码，手机里的旧签到码（学号 {}）已作废，到门口会被拒绝；请向联络员要新的签到码卡片，再导入一次", p.student_no),
                            format!("The 教务处 re-issued your pass: the old one on this phone (student number {}) is void and will be refused at the door; ask your liaison for the new pass card and import it", p.student_no),
                        )
                    } else {
                        let t = e.text();
                        Text::new(
                            format!("手机里的签到码在新资料包下不再有效：{}", t.zh),
                            format!(
                                "The pass on this phone no longer stands under the new pack: {}",
                                t.en
                            ),
                        )
                    });
                }
            }
        }
        Ok(BundleImported {
            event,
            pass_replaced,
        })
    }

    /// Sets the student number (学号) the phone is for, typed as people type it (full-width
    /// digits and spaces are fine). From then on a pass of another number is refused. Refused
    /// while the phone holds the pass of another number (purge first). Touches the disk.
    pub fn set_student_no(&mut self, text: &str) -> Result<u64> {
        let no = crate::roster::parse_student_no(text)
            .ok()
            .filter(|n| *n > 0 && *n <= pass::MAX_STUDENT_NO)
            .ok_or_else(|| {
                Error::told(
                    Refusal::Invalid,
                    format!("“{}”不是学号：学号是1到14位数字", text.trim()),
                    format!(
                        "“{}” is not a student number: it has 1 to 14 digits",
                        text.trim()
                    ),
                )
            })?;
        if let Some(p) = self.state.pass.as_ref().filter(|p| p.student_no != no) {
            return Err(Error::told(
                Refusal::Invalid,
                format!(
                    "这部手机已保存学号 {} 的签到码；要改学号，请先在“更多”里清除个人数据",
                    p.student_no
                ),
                format!(
                    "This phone holds the pass of student number {}; to change the number, delete the personal data under More first",
                    p.student_no
                ),
            ));
        }
        self.store
            .write(|tx| store::set_meta(tx, META_STUDENT_NO, &no.to_string()))?;
        self.state.student_no = Some(no);
        Ok(no)
    }

    /// Imports the student's pass text, verifying it now; a classmate's pass is refused once the
    /// student number is set (and sets it when it is not). Touches the disk.
    pub fn import_pass(&mut self, text: &str) -> Result<PassInfo> {
        let info = self.check_pass(text)?;
        let no = info.student_no.to_string();
        self.store.write(|tx| {
            store::set_meta(tx, META_PASS, &info.text)?;
            store::set_meta(tx, META_STUDENT_NO, &no)
        })?;
        self.state.pass = Some(info.clone());
        self.state.student_no = Some(info.student_no);
        Ok(info)
    }

    /// Imports the pass from the texts read off a pass card image ([`pass_texts_in_image`]): the
    /// first pass among them, checked like [`Self::import_pass`]. Touches the disk.
    pub fn import_pass_texts(&mut self, texts: &[String]) -> Result<PassInfo> {
        let text = texts
            .iter()
            .find(|t| t.trim().starts_with(pass::PASS_PREFIX))
            .or_else(|| texts.first())
            .ok_or_else(|| {
                Error::told(
                    Refusal::Invalid,
                    "图片里没有二维码",
                    "No QR code in the image",
                )
            })?;
        self.import_pass(text)
    }

    /// Imports the pass from a saved pass card image (PNG or JPEG, from the album). Decodes it
    /// first; [`pass_texts_in_image`] and [`Self::import_pass_texts`] are the two halves, for a
    /// caller that decodes without holding the phone. Touches the disk.
    pub fn import_pass_image(&mut self, image: &[u8]) -> Result<PassInfo> {
        let texts = pass_texts_in_image(image)?;
        self.import_pass_texts(&texts)
    }

    fn store_shot(&mut self, number: Option<ShotNumber>) -> Result<Shot> {
        let json = serde_json::to_string(&StoredShot {
            number: number.clone(),
        })
        .expect("serialises");
        self.store
            .write(|tx| store::set_meta(tx, META_SHOT, &json))?;
        let shot = self.shot_of(number);
        self.state.shot = Some(shot.clone());
        Ok(shot)
    }

    /// Keeps the 摄影编号 from the small QR on the studio phone: the home and reminders switch to
    /// after-the-shoot (no 补拍 alarms; the 学信网 check stays). A classmate's or another event's
    /// code is refused. Touches the disk.
    pub fn import_number(&mut self, text: &str) -> Result<Shot> {
        let n = ShotNumber::parse(text).map_err(|_| {
            Error::told(
                Refusal::Invalid,
                "这不是摄影室手机上的摄影编号二维码",
                "This is not the photo-number code from the studio phone",
            )
        })?;
        let event = &self.bundle_or_refuse()?.event;
        if n.event_id != event.id {
            return Err(Error::told(
                Refusal::Invalid,
                "这个编号码属于另一次拍摄活动",
                "This number code belongs to another event",
            ));
        }
        if let Some(mine) = self.state.student_no.filter(|mine| *mine != n.student_no) {
            return Err(Error::told(
                Refusal::NotYourPass,
                format!(
                    "这是学号 {} 的摄影编号，不是你的（你的学号是 {mine}）",
                    n.student_no
                ),
                format!(
                    "This is the photo number of student number {}, not yours ({mine})",
                    n.student_no
                ),
            ));
        }
        self.store_shot(Some(n))
    }

    /// The student says they were photographed (the number never reached the phone), or takes it
    /// back. Touches the disk.
    pub fn set_shot_done(&mut self, done: bool) -> Result<Option<Shot>> {
        if done {
            let keep = self.state.shot.as_ref().and_then(|s| s.number.clone());
            return self.store_shot(keep).map(Some);
        }
        self.store.write(|tx| {
            tx.execute("DELETE FROM meta WHERE key = ?1", [META_SHOT])?;
            Ok(())
        })?;
        self.state.shot = None;
        Ok(None)
    }

    /// Ticks or unticks a checklist item. Touches the disk.
    pub fn set_tick(
        &mut self,
        id: &str,
        ticked: bool,
        now: UnixMillis,
    ) -> Result<Vec<ChecklistItem>> {
        let event = self.bundle_or_refuse()?.event.clone();
        if !checklist::has_item(&event, id) {
            return Err(Error::told(
                Refusal::Invalid,
                format!("清单里没有“{id}”这一项"),
                format!("The checklist has no item `{id}`"),
            ));
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
        if ticked {
            self.state.ticks.insert(id.to_string());
        } else {
            self.state.ticks.remove(id);
        }
        Ok(self.checklist())
    }

    /// Saves the 采集码 image (PNG) as given, app-private, and checks it can be read. The image is
    /// never decoded into storage: only the bytes are kept. Touches the disk.
    pub fn save_collection_code(&mut self, image: &[u8]) -> Result<Readability> {
        let readability = check_code_image(image)?;
        self.store_collection_code(image)?;
        Ok(readability)
    }

    /// Keeps a 采集码 image already checked with [`check_code_image`] (the short write half of
    /// [`Self::save_collection_code`]). Touches the disk.
    pub fn store_collection_code(&mut self, image: &[u8]) -> Result<()> {
        self.store
            .write(|tx| store::set_blob(tx, BLOB_CODE, image))?;
        self.state.has_code = true;
        Ok(())
    }

    /// The saved 采集码 image, to show full-screen at full brightness.
    pub fn collection_code(&mut self) -> Result<Option<Vec<u8>>> {
        self.store.read(|tx| store::get_blob(tx, BLOB_CODE))
    }

    /// Checks again that the saved 采集码 can be read (decoded in memory, nothing kept).
    pub fn check_collection_code(&mut self) -> Result<Readability> {
        let img = self.collection_code()?.ok_or_else(|| {
            Error::told(
                Refusal::NotReady,
                "还没有保存采集码：先保存学信网采集码的截图",
                "No 采集码 saved yet: save the screenshot from 学信网 first",
            )
        })?;
        check_code_image(&img)
    }

    /// Deletes everything personal: the pass, the 采集码 image, the ticks. The public event
    /// bundle stays. Touches the disk.
    pub fn purge(&mut self) -> Result<()> {
        self.store.write(|tx| {
            store::delete_blob(tx, BLOB_CODE)?;
            tx.execute("DELETE FROM meta WHERE key = ?1", [META_PASS])?;
            tx.execute("DELETE FROM meta WHERE key = ?1", [META_SHOT])?;
            tx.execute("DELETE FROM meta WHERE key = ?1", [META_STUDENT_NO])?;
            tx.execute("DELETE FROM ticks", [])?;
            Ok(())
        })?;
        self.state.pass = None;
        self.state.shot = None;
        self.state.student_no = None;
        self.state.has_code = false;
        self.state.ticks.clear();
        Ok(())
    }
}

fn read_ticks(tx: &rusqlite::Transaction) -> Result<HashSet<String>> {
    let mut stmt = tx.prepare("SELECT item FROM ticks")?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn refuse_large(image: &[u8], what: Text) -> Result<()> {
    if image.len() <= MAX_CODE_IMAGE {
        return Ok(());
    }
    let mb = image.len() / 1024 / 1024;
    Err(Error::told(
        Refusal::Invalid,
        format!("这张图片有 {mb} MB，太大了（最多 20 MB）；{}", what.zh),
        format!(
            "This image is {mb} MB, too large (at most 20 MB); {}",
            what.en
        ),
    ))
}

fn not_an_image() -> Error {
    Error::told(
        Refusal::Invalid,
        "这个文件不是能打开的图片（PNG 或 JPEG）；请选截图或保存的原图",
        "This file is not an image that opens (PNG or JPEG); pick a screenshot or the saved original",
    )
}

/// Checks a 采集码 image (PNG or JPEG) can be read, without the phone: the slow half of
/// [`StudentPhone::save_collection_code`] (a 12-MP camera photo takes a while), so an app object
/// runs it without holding the phone and only the store write waits for it.
pub fn check_code_image(image: &[u8]) -> Result<Readability> {
    refuse_large(
        image,
        Text::new(
            "请保存采集码的截图",
            "save a screenshot of the code instead",
        ),
    )?;
    qr_decode::check_readability(image).map_err(|_| not_an_image())
}

/// Reads the QR codes on a pass card image (PNG or JPEG, as `passes export --format cards` makes
/// them, or a photo of one), without the phone: the slow half of
/// [`StudentPhone::import_pass_image`]. When no code can be read, the refusal says why (too
/// small, cut off, blurred) and what to use instead.
pub fn pass_texts_in_image(image: &[u8]) -> Result<Vec<String>> {
    refuse_large(
        image,
        Text::new("请选签到码卡片的原图", "pick the original pass card image"),
    )?;
    let texts = qr_decode::decode_image_file_bytes(image).map_err(|_| not_an_image())?;
    if !texts.is_empty() {
        return Ok(texts);
    }
    let why = qr_decode::check_readability(image)
        .ok()
        .and_then(|r| r.problem)
        .map(|p| p.text())
        .unwrap_or_else(|| Text::new("二维码无法识别", "the code cannot be read"));
    let mut en = why.en.trim_end_matches('.').chars();
    let why_en: String = en
        .next()
        .map(|c| c.to_uppercase().chain(en).collect())
        .unwrap_or_default();
    Err(Error::told(
        Refusal::Invalid,
        format!(
            "这张图片里读不到签到码。{}。请选联络员发的签到码卡片原图（在聊天里点开大图再保存，不要用缩略图或截了一部分的图），或粘贴签到码文字",
            why.zh.trim_end_matches('。')
        ),
        format!(
            "No pass could be read in this image. {}. Pick the original pass card your liaison sent (open it full size in the chat and save that, not a thumbnail or a cropped part), or paste the pass text",
            why_en
        ),
    ))
}
