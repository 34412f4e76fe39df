//! The student app's API: `StudentApp`, over the core's `StudentPhone`.
//!
//! A student opens the student pack, enters their 学号 once and imports their pass (签到码) as the
//! card image from the album or as text (verified on the phone, so a typo, another event's pass or
//! a classmate's card is caught on the sofa, not at the door), then sees the slot card, the countdown,
//! the next thing to do, the timeline with its reminders, the checklist, and keeps the 采集码
//! image for the day. Every method forwards to the core; the records mirror
//! `photoday_core::{student, slot, timeline, checklist}`. The app schedules the reminders as local
//! notifications with the ids given (scheduling an id again replaces the earlier notification).

use std::sync::{Arc, Mutex, RwLock};

use photoday_core::event::Event as CoreEvent;
use photoday_core::notice;
use photoday_core::student::{self as core_student, StudentPhone, StudentState};
use photoday_core::time;
use photoday_core::{checklist, qr_decode, slot, timeline};

use crate::error::ApiResult;
use crate::event::{Event, TimeWindow};
use crate::lock;
use crate::qr::QrCode;
use crate::text::BilingualText;

/// A student's phone: one per app, over the database file the platform chooses (app-private
/// storage). Every method is safe from any thread. Methods marked "disk" read or write the
/// database: call them off the main thread. "Memory only" getters read a copy of what the phone
/// holds, republished after each write, so they answer at once from the UI thread even while a
/// 12-MP photo of a 采集码 is decoded or written to the database.
#[derive(uniffi::Object)]
pub struct StudentApp {
    inner: Mutex<StudentPhone>,
    /// A copy of what the phone holds in memory, republished after each write: the "memory
    /// only" getters read it and never wait for the database (a 12-MP 采集码 photo being saved).
    view: RwLock<Arc<StudentState>>,
}

impl StudentApp {
    fn view(&self) -> Arc<StudentState> {
        self.view
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// Runs a call that may change the pack, the pass, the student number or the shoot, then
    /// republishes the getters' copy (also after a failure: a refused call changes nothing, and
    /// the copy stays what the phone holds).
    pub(crate) fn write<T>(
        &self,
        call: impl FnOnce(&mut StudentPhone) -> photoday_core::Result<T>,
    ) -> ApiResult<T> {
        Ok(self.with_phone(call)?)
    }

    /// Runs `call` on the phone under its lock, then republishes the getters' copy.
    pub(crate) fn with_phone<T>(&self, call: impl FnOnce(&mut StudentPhone) -> T) -> T {
        let mut phone = lock(&self.inner);
        let done = call(&mut phone);
        *self
            .view
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = Arc::new(phone.state().clone());
        done
    }
}

#[uniffi::export]
impl StudentApp {
    /// Opens (or creates) the phone's database at `db_path`. Disk.
    ///
    /// Fails with `Storage` when the file is not PhotoDay's or is damaged (it is left untouched),
    /// `Io` when its folder is missing or not writable, `BadBundle` when the saved bundle no
    /// longer opens.
    #[uniffi::constructor]
    pub fn new(db_path: String) -> ApiResult<Arc<Self>> {
        let phone = StudentPhone::open(db_path)?;
        Ok(Arc::new(StudentApp {
            view: RwLock::new(Arc::new(phone.state().clone())),
            inner: Mutex::new(phone),
        }))
    }

    /// Imports the student bundle the 教务处 published (the event, its public keys and the arrival
    /// plan) and returns the event. A newer bundle of the same event replaces the old one; a
    /// pass already imported is checked again against it. Disk (writes).
    ///
    /// `pass_replaced` is set when the pass on the phone no longer stands under the new pack
    /// (the 教务处 re-issued it): show it; the setup flow asks for the new pass.
    ///
    /// Fails with `BadBundle` for a tampered, truncated, foreign, older or scanner bundle.
    pub fn import_bundle(&self, bytes: Vec<u8>) -> ApiResult<BundleImported> {
        let done = self.write(|p| p.import_bundle(&bytes))?;
        Ok(BundleImported {
            event: Event::from(&done.event),
            pass_replaced: done.pass_replaced.map(BilingualText::from),
        })
    }

    /// Sets the student number (学号) this phone is for, as typed (full-width digits and spaces
    /// are fine) and returns it. From then on a classmate's pass is refused with `NotYourPass`.
    /// Disk (writes).
    ///
    /// Fails with `InvalidInput` for text that is not a 学号, or while the phone holds the pass of
    /// another number (purge first).
    pub fn set_student_no(&self, no: String) -> ApiResult<u64> {
        self.write(|p| p.set_student_no(&no))
    }

    /// The student number entered (or taken from the pass), if any. Memory only.
    pub fn student_no(&self) -> Option<u64> {
        self.view().student_no()
    }

    /// Imports the pass from a saved pass card image (PNG or JPEG from the photo album, as
    /// `photoday passes export --format cards` makes it), read by the core's own QR decoder, and
    /// checks it like `import_pass`. The image is decoded without holding the phone. Disk (writes).
    ///
    /// Fails with `InvalidInput` when no pass can be read (the text says why: too small, cut off,
    /// blurred, and to pick the original card), for a file that is not an image or is over 20 MB,
    /// and as `import_pass` does; `NotYourPass` for a classmate's card.
    pub fn import_pass_image(&self, image: Vec<u8>) -> ApiResult<PassInfo> {
        let texts = core_student::pass_texts_in_image(&image)?;
        Ok(self.write(|p| p.import_pass_texts(&texts))?.into())
    }

    /// Imports whatever the student was handed in a chat or saved in the album — the class's
    /// pack, the pass as text, a pass card picture, the studio's number code — recognised by
    /// content, not by file name; a picture is decoded without holding the phone. A staff file
    /// is refused with what to open instead. Disk (writes).
    pub fn import_any(&self, bytes: Vec<u8>) -> ApiResult<StudentImport> {
        use photoday_core::incoming::{self as core_incoming, Incoming};
        let done = if core_incoming::recognise(&bytes) == Incoming::Image {
            let texts = core_student::pass_texts_in_image(&bytes)?;
            core_incoming::StudentImport::Pass(self.write(|p| p.import_pass_texts(&texts))?)
        } else {
            self.write(|p| p.import_any(&bytes))?
        };
        let text = done.text().into();
        Ok(match done {
            core_incoming::StudentImport::Pack(p) => StudentImport {
                kind: StudentImportKind::Pack,
                text,
                pack: Some(BundleImported {
                    event: Event::from(&p.event),
                    pass_replaced: p.pass_replaced.map(BilingualText::from),
                }),
                pass: None,
                shot: None,
            },
            core_incoming::StudentImport::Pass(p) => StudentImport {
                kind: StudentImportKind::Pass,
                text,
                pack: None,
                pass: Some(p.into()),
                shot: None,
            },
            core_incoming::StudentImport::Number(s) => StudentImport {
                kind: StudentImportKind::Number,
                text,
                pack: None,
                pass: None,
                shot: Some(s.into()),
            },
        })
    }

    /// The event, once a bundle is imported. Memory only.
    pub fn event(&self) -> Option<Event> {
        self.view().event().map(Event::from)
    }

    /// The photo fee as a student reads it (pay your college's liaison before the colleges'
    /// transfer deadline; never the colleges' account), once a pack is imported. Show this on the
    /// notice screen instead of `Event.fee.pay_to`, which is for liaisons. Memory only.
    pub fn fee_note(&self) -> Option<BilingualText> {
        self.view().event().map(|e| timeline::fee_note(e).into())
    }

    /// The notice screen, once a pack is imported: the fee (as a student pays it), the 补拍
    /// make-up, the 学信网 check, whom to call, then each instruction section of the notice — in
    /// the order to show, every line in both languages. Draw each section as a card and each
    /// line as text, or as a button that dials `dial` when it has one. Memory only.
    pub fn notice(&self) -> Option<Notice> {
        self.view().event().map(|e| notice::notice(e).into())
    }

    /// Imports the student's pass text (`PD1:…`, as the liaison sent it), verifying it now
    /// against the bundle's keys. Disk (writes).
    ///
    /// Fails with `NotReady` before a bundle is imported, `NotYourPass` for a classmate's pass
    /// (once the student number is set; else the pass sets it), and `InvalidInput` with what to do
    /// for a mistyped, forged, replaced or another event's pass, or for the 采集码 pasted by mistake.
    pub fn import_pass(&self, text: String) -> ApiResult<PassInfo> {
        Ok(self.write(|p| p.import_pass(&text))?.into())
    }

    /// The imported pass, if any. Memory only.
    pub fn pass(&self) -> Option<PassInfo> {
        self.view().pass().cloned().map(PassInfo::from)
    }

    /// The slot card, once a bundle and a pass are imported: college, room, date, the student's
    /// time (their class's planned arrival when the bundle has a plan) and arrive-by.
    /// Memory only.
    pub fn slot(&self) -> Option<Slot> {
        let phone = self.view();
        let (s, _) = phone.slot()?;
        Some(Slot::new(phone.event()?, &s))
    }

    /// The pass as a QR code to draw full-screen at the door. Memory only.
    ///
    /// Fails with `NotReady` before a pass is imported.
    pub fn pass_qr(&self) -> ApiResult<QrCode> {
        Ok(QrCode::from(&self.view().pass_qr()?))
    }

    /// The home screen at `now_ms`: slot card, countdown to arrive-by, the next thing to do, or
    /// the setup step still missing. Memory only.
    pub fn home(&self, now_ms: i64) -> ApiResult<Home> {
        let phone = self.view();
        let home = phone.home(now_ms)?;
        Ok(Home::new(phone.event(), home))
    }

    /// The setup step to take next (the setup flow of both apps), `null`/`nil` when nothing is
    /// missing. The same as `home(now).setup_step`, without the rest of the home. Memory only.
    pub fn setup_step(&self) -> ApiResult<Option<SetupStep>> {
        Ok(self.view().setup_step().map(SetupStep::from))
    }

    /// Keeps the 摄影编号 from the small QR on the studio phone ("一教104 · 037 · 第5批"): the home
    /// and the reminders switch to after-the-shoot — no 补拍 alarms; the 学信网 check 40 days
    /// later stays. Disk (writes).
    ///
    /// Fails with `InvalidInput` for a code that is not a number code, another event's, or a
    /// classmate's (the message says whose), `NotReady` before a bundle.
    pub fn import_number(&self, text: String) -> ApiResult<Shot> {
        Ok(self.write(|p| p.import_number(&text))?.into())
    }

    /// "我已拍完": the student says they were photographed when no number reached the phone
    /// (`done = true`), or takes it back (`false`, returns `null`/`nil`). Disk (writes).
    pub fn set_shot_done(&self, done: bool) -> ApiResult<Option<Shot>> {
        Ok(self.write(|p| p.set_shot_done(done))?.map(Shot::from))
    }

    /// The shoot, once recorded. Memory only.
    pub fn shot(&self) -> Option<Shot> {
        self.view().shot().cloned().map(Shot::from)
    }

    /// The timeline at `now_ms`, ordered by date: fee, 采集码 checks, arrival, shoot, 学信网
    /// check, 补拍 deadline. Memory only.
    ///
    /// Fails with `NotReady` before a bundle and a pass are imported.
    pub fn timeline(&self, now_ms: i64) -> ApiResult<Vec<TimelineItem>> {
        let items = self.view().timeline(now_ms)?;
        Ok(items.iter().map(TimelineItem::from).collect())
    }

    /// Every reminder still ahead at `now_ms`, soonest first: hand them all to the platform's
    /// local notifications, replacing earlier ones by id. Memory only.
    ///
    /// Fails with `NotReady` before a bundle and a pass are imported.
    pub fn reminders(&self, now_ms: i64) -> ApiResult<Vec<Reminder>> {
        let reminders = self.view().reminders(now_ms)?;
        Ok(reminders.iter().map(Reminder::from).collect())
    }

    /// The notice's checklist with the student's ticks (empty before a bundle). Memory only.
    pub fn checklist(&self) -> ApiResult<Vec<ChecklistItem>> {
        let items = self.view().checklist();
        Ok(items.iter().map(ChecklistItem::from).collect())
    }

    /// Ticks or unticks a checklist item and returns the whole list. Disk (writes).
    ///
    /// Fails with `NotReady` before a bundle, `InvalidInput` for an unknown item id.
    pub fn set_tick(&self, id: String, ticked: bool, now_ms: i64) -> ApiResult<Vec<ChecklistItem>> {
        let items = self.write(|p| p.set_tick(&id, ticked, now_ms))?;
        Ok(items.iter().map(ChecklistItem::from).collect())
    }

    /// Saves the student's 采集码 image (a PNG or JPEG screenshot from 学信网) app-private, exactly as
    /// given, and reports whether a scanner can read it. The code is decoded in memory only;
    /// nothing of what it says is kept. Disk (writes).
    ///
    /// Fails with `InvalidInput` for a file that is not a PNG or JPEG, or is over 20 MB.
    pub fn save_collection_code(&self, png: Vec<u8>) -> ApiResult<Readability> {
        // The decoding (hundreds of ms for a camera photo) runs unlocked; only the write waits.
        let readability = core_student::check_code_image(&png)?;
        self.write(|p| p.store_collection_code(&png))?;
        Ok(readability.into())
    }

    /// The saved 采集码 image, to show full-screen at full brightness; `null`/`nil` if none.
    /// Disk (reads).
    pub fn collection_code(&self) -> ApiResult<Option<Vec<u8>>> {
        Ok(lock(&self.inner).collection_code()?)
    }

    /// Checks again that the saved 采集码 can be read (decoded in memory, nothing kept).
    /// Disk (reads).
    ///
    /// Fails with `NotReady` when no 采集码 is saved.
    pub fn check_collection_code(&self) -> ApiResult<Readability> {
        let image = lock(&self.inner).collection_code()?;
        match image {
            Some(image) => Ok(core_student::check_code_image(&image)?.into()),
            None => Ok(lock(&self.inner).check_collection_code()?.into()),
        }
    }

    /// Deletes everything personal: the pass, the 采集码 image and the ticks. The public event
    /// bundle stays. Disk (writes).
    pub fn purge(&self) -> ApiResult<()> {
        self.write(|p| p.purge())
    }
}

/// The notice screen ([`StudentApp::notice`]).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Notice {
    /// The event's title.
    pub title: BilingualText,
    /// The school and the notice's reference: `广州商学院 · 广商教文〔2023〕27号`.
    pub source: BilingualText,
    /// In the order shown.
    pub sections: Vec<NoticeSection>,
}

/// A card of the notice screen.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct NoticeSection {
    /// Heading.
    pub title: BilingualText,
    /// Lines, in order.
    pub lines: Vec<NoticeLine>,
}

/// One line of a notice card.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct NoticeLine {
    /// What it says; for a phone number, the button's label (`拨打 020-…`).
    pub text: BilingualText,
    /// The number to dial when tapped, as written in the notice.
    pub dial: Option<String>,
    /// A sub-heading inside the card (a contact's name and role).
    pub heading: bool,
}

impl From<notice::Notice> for Notice {
    fn from(n: notice::Notice) -> Self {
        Notice {
            title: n.title.into(),
            source: n.source.into(),
            sections: n
                .sections
                .into_iter()
                .map(|s| NoticeSection {
                    title: s.title.into(),
                    lines: s
                        .lines
                        .into_iter()
                        .map(|l| NoticeLine {
                            text: l.text.into(),
                            dial: l.dial,
                            heading: l.heading,
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

/// The student's pass as the phone holds it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PassInfo {
    /// The pass text (`PD1:…`), to draw as a QR code or copy.
    pub text: String,
    /// Student number (学号).
    pub student_no: u64,
    /// 1-based session number (序号).
    pub session: u8,
    /// Pass revision (raised when the 教务处 re-issues it).
    pub serial: u16,
}

/// What kind of thing a student import took.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum StudentImportKind {
    /// The class's student pack.
    Pack,
    /// The student's pass (text or card picture).
    Pass,
    /// The studio's 摄影编号 code.
    Number,
}

/// What `import_any` did.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct StudentImport {
    /// Pack, pass or number.
    pub kind: StudentImportKind,
    /// One line saying what happened: show it (a replaced pass says so).
    pub text: BilingualText,
    /// The pack imported.
    pub pack: Option<BundleImported>,
    /// The pass imported.
    pub pass: Option<PassInfo>,
    /// The number kept.
    pub shot: Option<Shot>,
}

/// What importing a student pack did.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct BundleImported {
    /// The event of the pack.
    pub event: Event,
    /// Set when the pass that was on the phone no longer stands under the new pack (the 教务处
    /// re-issued it): what happened and what to do, for the student. The old pass is gone.
    pub pass_replaced: Option<BilingualText>,
}

/// The student's shoot, once done.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Shot {
    /// The 摄影编号 (`037`, `A037`), when it came from the studio phone's code.
    pub photo_no: Option<String>,
    /// The batch, with the number.
    pub batch: Option<u32>,
    /// 1-based session, with the number.
    pub session: Option<u8>,
    /// "一教104 · 037 · 第5批", or "已拍完" when the student said so without a number.
    pub label: BilingualText,
}

impl From<core_student::Shot> for Shot {
    fn from(s: core_student::Shot) -> Self {
        Shot {
            photo_no: s.number.as_ref().map(|n| n.photo_no.clone()),
            batch: s.number.as_ref().map(|n| n.batch),
            session: s.number.as_ref().map(|n| n.session),
            label: s.label.into(),
        }
    }
}

/// The home screen.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Home {
    /// The shoot, once done: show it, and the after-the-shoot home (no 补拍 alarms).
    pub shot: Option<Shot>,
    /// Once the session has begun and no shoot is recorded: ask whether they were photographed
    /// (scan the studio's number code, or "我已拍完").
    pub shot_prompt: Option<BilingualText>,
    /// The slot card, once a bundle and a pass are imported.
    pub slot: Option<Slot>,
    /// The student's class (group) from the arrival plan, if any.
    pub class_name: Option<String>,
    /// The student number entered (or taken from the pass).
    pub student_no: Option<u64>,
    /// Milliseconds until arrive-by (negative once past).
    pub countdown_ms: Option<i64>,
    /// The countdown to arrive-by in words, made by the core: `还有 3 天 4 小时` / `in 3 days 4 h`,
    /// `明天 09:10`, `今天 09:10（还有 2 小时 5 分）`, `已过 09:10`. Show it as is.
    pub countdown: Option<BilingualText>,
    /// The next thing to do.
    pub next: Option<TimelineItem>,
    /// The setup step to offer first (one button), when something is missing. This is the
    /// setup flow of both apps: follow it, do not derive it.
    pub setup_step: Option<SetupStep>,
    /// Whether to show the setup screen (for `setup_step`) instead of the home: the pack, the
    /// student number or the pass is missing. The 采集码 step is a card on the home.
    pub needs_setup: bool,
    /// The same step in words (pack, 学号, 签到码, 采集码).
    pub setup_hint: Option<BilingualText>,
    /// Whether a 采集码 image is saved.
    pub has_collection_code: bool,
    /// Checklist items ticked.
    pub checklist_done: u32,
    /// Checklist items in all.
    pub checklist_total: u32,
    /// The checklist's progress as the home's button shows it: `准备清单 3/10`.
    pub checklist_line: BilingualText,
}

/// What the student must do before the app is ready, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum SetupStep {
    /// Open the student pack the liaison posted (`import_bundle`).
    ImportBundle,
    /// Enter the student number (`set_student_no`).
    EnterStudentNo,
    /// Import the pass: the card image from the album (`import_pass_image`), or the text
    /// (`import_pass`).
    ImportPass,
    /// Save the 学信网 采集码 screenshot.
    SaveCollectionCode,
}

impl From<core_student::SetupStep> for SetupStep {
    fn from(s: core_student::SetupStep) -> Self {
        match s {
            core_student::SetupStep::ImportBundle => SetupStep::ImportBundle,
            core_student::SetupStep::EnterStudentNo => SetupStep::EnterStudentNo,
            core_student::SetupStep::ImportPass => SetupStep::ImportPass,
            core_student::SetupStep::SaveCollectionCode => SetupStep::SaveCollectionCode,
        }
    }
}

/// Whether a saved 采集码 image can be read by a scanner. Carries nothing of its content.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Readability {
    /// At least one QR code in the image could be read completely.
    pub readable: bool,
    /// How many QR codes could be read (usually 0 or 1).
    pub codes_found: u32,
    /// When nothing could be read: why, and what to do (too small, cut off, blurred, no code).
    pub problem: Option<BilingualText>,
    /// The one line to show under the image: readable; readable but with more than one code
    /// (crop it to the 采集码); or the problem.
    pub verdict: BilingualText,
}

impl From<core_student::PassInfo> for PassInfo {
    fn from(p: core_student::PassInfo) -> Self {
        PassInfo {
            text: p.text,
            student_no: p.student_no,
            session: p.session,
            serial: p.serial,
        }
    }
}

impl Home {
    fn new(event: Option<&CoreEvent>, h: core_student::Home) -> Self {
        Home {
            shot: h.shot.map(Shot::from),
            shot_prompt: h.shot_prompt.map(BilingualText::from),
            slot: event.zip(h.slot.as_ref()).map(|(e, s)| Slot::new(e, s)),
            class_name: h.class,
            student_no: h.student_no,
            countdown_ms: h.countdown_ms,
            countdown: h.countdown.map(BilingualText::from),
            next: h.next.as_ref().map(TimelineItem::from),
            setup_step: h.setup_step.map(SetupStep::from),
            needs_setup: h.needs_setup,
            setup_hint: h.setup_hint.map(BilingualText::from),
            has_collection_code: h.has_collection_code,
            checklist_done: h.checklist_done,
            checklist_total: h.checklist_total,
            checklist_line: h.checklist_line.into(),
        }
    }
}

impl From<qr_decode::Readability> for Readability {
    fn from(r: qr_decode::Readability) -> Self {
        Readability {
            verdict: r.verdict().into(),
            readable: r.readable,
            codes_found: u32::try_from(r.codes_found).unwrap_or(u32::MAX),
            problem: r.problem.map(|p| p.text().into()),
        }
    }
}

/// Where and when a student is photographed: the slot card.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Slot {
    /// 1-based session number (序号).
    pub session: u8,
    /// College.
    pub college: BilingualText,
    /// Room.
    pub room: BilingualText,
    /// Date, event-local `YYYY-MM-DD`.
    pub date: String,
    /// The session's windows.
    pub windows: Vec<TimeWindow>,
    /// Date and windows on one line: `2023-06-03 09:30–12:00、14:00–16:00`.
    pub when_label: String,
    /// The student's time, event-local `YYYY-MM-DD HH:MM`: the class's planned arrival, or the
    /// session's start.
    pub time_local: String,
    /// The student's time, Unix milliseconds.
    pub time_unix_ms: i64,
    /// Whether the time comes from the arrival plan (else it is the session's start).
    pub planned: bool,
    /// When to be at the door (the time minus the event's arrive-early minutes), event-local.
    pub arrive_by_local: String,
    /// When to be at the door, Unix milliseconds.
    pub arrive_by_unix_ms: i64,
    /// Where, on one line: `信息技术与工程学院 · 一教104`.
    pub place: BilingualText,
    /// The time in words, saying whether it is the class's planned time or the session's start.
    pub time_line: BilingualText,
    /// `请在 2023-06-03 09:10 前到门口` / `Be at the door by 2023-06-03 09:10`.
    pub arrive_by_line: BilingualText,
}

/// What a timeline item is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum TimelineItemKind {
    /// The photo fee must be with the liaison.
    FeeDeadline,
    /// Check that the 采集码 is saved and opens (T-7, T-3, T-1 days).
    CollectionCodeCheck,
    /// Be at the door.
    ArriveBy,
    /// The shoot itself.
    Shoot,
    /// Last moment for the 补拍 make-up photo.
    MakeupDeadline,
    /// The photo can be checked on 学信网.
    VerificationOpens,
}

/// Where a timeline item stands at the `now` it was computed for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum TimelineStatus {
    /// Over.
    Past,
    /// Needs doing now.
    Due,
    /// Later.
    Upcoming,
}

/// One local notification for the app to schedule.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Reminder {
    /// Stable id: scheduling the same id again replaces the old notification.
    pub id: String,
    /// When to fire, event-local `YYYY-MM-DD HH:MM`.
    pub fire_at_local: String,
    /// When to fire, Unix milliseconds.
    pub fire_at_unix_ms: i64,
    /// Notification title.
    pub title: BilingualText,
    /// Notification body.
    pub body: BilingualText,
}

/// One dated thing in a student's year.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct TimelineItem {
    /// Stable id (`fee`, `code-t7`, `code-t3`, `code-t1`, `arrive`, `shoot`, `makeup`, `verify`).
    pub id: String,
    /// What it is.
    pub kind: TimelineItemKind,
    /// When, event-local `YYYY-MM-DD HH:MM`.
    pub at_local: String,
    /// When, Unix milliseconds.
    pub at_unix_ms: i64,
    /// Short label.
    pub title: BilingualText,
    /// What to do, with the notice's details.
    pub detail: BilingualText,
    /// Past, due or upcoming.
    pub status: TimelineStatus,
    /// The time with where it stands: `2023-06-03 09:10 · 已过` / `… · now`.
    pub when_line: BilingualText,
    /// The home's next-thing card heading for it: `现在要做` when due, else `下一步`.
    pub next_heading: BilingualText,
    /// Notifications to schedule for it (those already past are left out).
    pub reminders: Vec<Reminder>,
}

/// A checklist item with the student's tick.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ChecklistItem {
    /// Stable id; tick and untick by it.
    pub id: String,
    /// What to check.
    pub text: BilingualText,
    /// Whether the student ticked it.
    pub ticked: bool,
}

impl Slot {
    pub(crate) fn new(event: &CoreEvent, s: &slot::Slot) -> Self {
        let off = event.utc_offset;
        Slot {
            session: s.session,
            college: (&s.college).into(),
            room: (&s.room).into(),
            date: s.date.to_string(),
            windows: s.windows.iter().map(TimeWindow::from).collect(),
            when_label: s.when_label(),
            time_local: time::format_local_minute(s.time),
            time_unix_ms: time::to_unix(off, s.time),
            planned: s.planned,
            arrive_by_local: time::format_local_minute(s.arrive_by),
            arrive_by_unix_ms: time::to_unix(off, s.arrive_by),
            place: s.place().into(),
            time_line: s.time_line().into(),
            arrive_by_line: s.arrive_by_line().into(),
        }
    }
}

impl From<timeline::ItemKind> for TimelineItemKind {
    fn from(k: timeline::ItemKind) -> Self {
        use timeline::ItemKind as K;
        match k {
            K::FeeDeadline => TimelineItemKind::FeeDeadline,
            K::CollectionCodeCheck => TimelineItemKind::CollectionCodeCheck,
            K::ArriveBy => TimelineItemKind::ArriveBy,
            K::Shoot => TimelineItemKind::Shoot,
            K::MakeupDeadline => TimelineItemKind::MakeupDeadline,
            K::VerificationOpens => TimelineItemKind::VerificationOpens,
        }
    }
}

impl From<timeline::Status> for TimelineStatus {
    fn from(s: timeline::Status) -> Self {
        match s {
            timeline::Status::Past => TimelineStatus::Past,
            timeline::Status::Due => TimelineStatus::Due,
            timeline::Status::Upcoming => TimelineStatus::Upcoming,
        }
    }
}

impl From<&timeline::Reminder> for Reminder {
    fn from(r: &timeline::Reminder) -> Self {
        Reminder {
            id: r.id.clone(),
            fire_at_local: time::format_local_minute(r.fire_at),
            fire_at_unix_ms: r.fire_at_unix_ms,
            title: (&r.title).into(),
            body: (&r.body).into(),
        }
    }
}

impl From<&timeline::TimelineItem> for TimelineItem {
    fn from(i: &timeline::TimelineItem) -> Self {
        TimelineItem {
            id: i.id.clone(),
            kind: i.kind.into(),
            at_local: time::format_local_minute(i.at),
            at_unix_ms: i.at_unix_ms,
            title: (&i.title).into(),
            detail: (&i.detail).into(),
            status: i.status.into(),
            when_line: i.when_line().into(),
            next_heading: i.status.next_heading().into(),
            reminders: i.reminders.iter().map(Reminder::from).collect(),
        }
    }
}

impl From<&checklist::ChecklistItem> for ChecklistItem {
    fn from(c: &checklist::ChecklistItem) -> Self {
        ChecklistItem {
            id: c.id.clone(),
            text: (&c.text).into(),
            ticked: c.ticked,
        }
    }
}

#[uniffi::export]
impl StudentApp {
    /// Fingerprint of the event key this phone pinned with its first bundle (`3F2A-9C0D-5E6B`),
    /// once it has one: the liaison can compare it with `photoday event show`. Memory only.
    pub fn pinned_key_fingerprint(&self) -> Option<String> {
        self.view().pinned_key_fingerprint()
    }
}
