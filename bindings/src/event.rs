//! The event, as the apps read it: the notice's sessions, fee, 补拍 make-up, 学信网 check,
//! contacts and instructions.
//!
//! These records mirror `photoday_core::event` field by field, with times given twice: as Unix
//! milliseconds (for the platform's date types and notifications) and as event-local text
//! `YYYY-MM-DD HH:MM` (Beijing time, to show as is; the phone's own zone may differ).

use photoday_core::event as core;
use photoday_core::time;

use crate::error::ApiResult;
use crate::text::{texts, BilingualText};

/// One photo-collection event: a school's notice, its sessions and its rules.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Event {
    /// Short stable id (`gzcc-2023`); passes of another event never verify here.
    pub id: String,
    /// Title of the event.
    pub title: BilingualText,
    /// The notice's reference number, e.g. 广商教文〔2023〕27号.
    pub notice_ref: String,
    /// UTC offset of every event-local time (`+08:00`).
    pub utc_offset: String,
    /// Cohorts photographed (2020级本科, 2021级专科).
    pub cohorts: Vec<String>,
    /// Students called into the studio together (the notice: 5–8).
    pub batch_size: u32,
    /// Minutes before their time that students must arrive (the notice: 20).
    pub arrive_early_minutes: u32,
    /// The school.
    pub school: School,
    /// The photo fee.
    pub fee: Fee,
    /// The 补拍 make-up for those who miss their session.
    pub makeup: Makeup,
    /// The check of the photo on 学信网 after the shoot.
    pub verification: Verification,
    /// Whom to ask.
    pub contacts: Vec<Contact>,
    /// The schedule, in the notice's order; `number` is the 序号 passes carry.
    pub sessions: Vec<Session>,
    /// The notice's instructions, in sections.
    pub instructions: Vec<InstructionSection>,
    /// Ways to get the CHSI 采集码, each a list of steps.
    pub collection_code_routes: Vec<CollectionCodeRoute>,
}

/// The school running the event.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct School {
    /// The school's name.
    pub name: BilingualText,
    /// The national school code (学校代码), e.g. 13667.
    pub code: String,
}

/// The photo fee (摄影费).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Fee {
    /// Yuan per student (15).
    pub yuan: u32,
    /// When the colleges must have paid, event-local `YYYY-MM-DD HH:MM`.
    pub deadline_local: String,
    /// The same moment in Unix milliseconds.
    pub deadline_unix_ms: i64,
    /// How it is paid.
    pub pay_to: BilingualText,
    /// Who collects it from students.
    pub collected_by: BilingualText,
}

/// The 补拍 make-up photo for students who missed their session.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Makeup {
    /// Last moment for a make-up photo, event-local `YYYY-MM-DD HH:MM`.
    pub deadline_local: String,
    /// The same moment in Unix milliseconds.
    pub deadline_unix_ms: i64,
    /// Where.
    pub place: BilingualText,
    /// Phone number, dialable as written.
    pub phone: String,
    /// Yuan (60, photo and postage).
    pub fee_yuan: u32,
    /// School code to fill in there.
    pub school_code: String,
    /// What to bring.
    pub bring: Vec<BilingualText>,
}

/// The check of the photo on 学信网.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Verification {
    /// Days after the shoot when the photo can be checked (40).
    pub after_days: u32,
    /// The site (学信网).
    pub site: String,
    /// What to do.
    pub how: BilingualText,
}

/// Someone to ask.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Contact {
    /// Name.
    pub name: BilingualText,
    /// What they are for.
    pub role: BilingualText,
    /// Phone numbers, dialable as written.
    pub phones: Vec<String>,
    /// Internal extension (内线), if any.
    pub extension: Option<String>,
    /// Where to find them.
    pub place: BilingualText,
}

/// One row of the notice's schedule: a college photographed in a room on a date.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Session {
    /// The session's 1-based number (序号), as passes and stations carry it.
    pub number: u8,
    /// The college (学院).
    pub college: BilingualText,
    /// The date, event-local `YYYY-MM-DD`.
    pub date: String,
    /// The room (地点).
    pub room: BilingualText,
    /// Shooting windows, in order.
    pub windows: Vec<TimeWindow>,
    /// The windows on one line: `09:30–12:00、14:00–16:00`.
    pub windows_label: String,
    /// Start of the first window, Unix milliseconds.
    pub start_unix_ms: i64,
    /// End of the last window, Unix milliseconds.
    pub end_unix_ms: i64,
}

/// A shooting window inside one day, event-local.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TimeWindow {
    /// Start, `HH:MM`.
    pub start: String,
    /// End, `HH:MM`.
    pub end: String,
}

/// A section of the notice's instructions.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct InstructionSection {
    /// Heading.
    pub title: BilingualText,
    /// Items, in order.
    pub items: Vec<BilingualText>,
}

/// One way to get the CHSI 采集码 (学信网 App, 公众号, 学信档案).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct CollectionCodeRoute {
    /// Where.
    pub title: BilingualText,
    /// Steps, in order.
    pub steps: Vec<BilingualText>,
}

/// A built-in event by name (`gzcc-2023`: 广州商学院's 2023 notice), for a demo or a preview
/// before any bundle is imported. Pure computation, no disk.
///
/// Fails with `InvalidInput` for an unknown name.
#[uniffi::export]
pub fn event_template(name: String) -> ApiResult<Event> {
    Ok(Event::from(&core::Event::template(&name)?))
}

impl From<&core::Event> for Event {
    fn from(e: &core::Event) -> Self {
        let off = e.utc_offset;
        Event {
            id: e.id.clone(),
            title: (&e.title).into(),
            notice_ref: e.notice_ref.clone(),
            utc_offset: time::format_offset(off),
            cohorts: e.cohorts.clone(),
            batch_size: e.batch_size,
            arrive_early_minutes: e.arrive_early_minutes,
            school: School {
                name: (&e.school.name).into(),
                code: e.school.code.clone(),
            },
            fee: Fee {
                yuan: e.fee.yuan,
                deadline_local: time::format_local_minute(e.fee.deadline),
                deadline_unix_ms: time::to_unix(off, e.fee.deadline),
                pay_to: (&e.fee.pay_to).into(),
                collected_by: (&e.fee.collected_by).into(),
            },
            makeup: Makeup {
                deadline_local: time::format_local_minute(e.makeup.deadline),
                deadline_unix_ms: time::to_unix(off, e.makeup.deadline),
                place: (&e.makeup.place).into(),
                phone: e.makeup.phone.clone(),
                fee_yuan: e.makeup.fee_yuan,
                school_code: e.makeup.school_code.clone(),
                bring: texts(&e.makeup.bring),
            },
            verification: Verification {
                after_days: e.verification.after_days,
                site: e.verification.site.clone(),
                how: (&e.verification.how).into(),
            },
            contacts: e
                .contacts
                .iter()
                .map(|c| Contact {
                    name: (&c.name).into(),
                    role: (&c.role).into(),
                    phones: c.phones.clone(),
                    extension: c.extension.clone(),
                    place: (&c.place).into(),
                })
                .collect(),
            sessions: e
                .sessions
                .iter()
                .enumerate()
                .map(|(i, s)| session(e, (i + 1) as u8, s))
                .collect(),
            instructions: e
                .instructions
                .iter()
                .map(|s| InstructionSection {
                    title: (&s.title).into(),
                    items: texts(&s.items),
                })
                .collect(),
            collection_code_routes: e
                .collection_code_steps
                .iter()
                .map(|r| CollectionCodeRoute {
                    title: (&r.title).into(),
                    steps: texts(&r.steps),
                })
                .collect(),
        }
    }
}

fn session(e: &core::Event, number: u8, s: &core::Session) -> Session {
    Session {
        number,
        college: (&s.college).into(),
        date: s.date.to_string(),
        room: (&s.room).into(),
        windows: s.windows.iter().map(TimeWindow::from).collect(),
        windows_label: s.windows_label(),
        start_unix_ms: time::to_unix(e.utc_offset, s.start()),
        end_unix_ms: time::to_unix(e.utc_offset, s.end()),
    }
}

impl From<&core::Window> for TimeWindow {
    fn from(w: &core::Window) -> Self {
        TimeWindow {
            start: time::format_hhmm(w.start),
            end: time::format_hhmm(w.end),
        }
    }
}
