//! The student's timeline and reminders.
//!
//! The notice's deadlines are spread over a year: the fee in May, the shoot in June, the 补拍 make-up
//! until next April, the photo check on 学信网 40 days after the shoot. Students miss them because
//! they live in a PDF. The timeline is a pure function of (event, slot, now): dated items, each past,
//! due or upcoming, and the local notifications the app should schedule for them. Both apps hand the
//! reminders to the platform as they are; no app computes a date.

use chrono::{Duration, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::event::Event;
use crate::slot::Slot;
use crate::text::Text;
use crate::time::{self, UnixMillis};

/// What a timeline item is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// The photo fee must be with the liaison.
    FeeDeadline,
    /// Check that the 采集码 is saved and opens, `days_before` the shoot.
    CollectionCodeCheck,
    /// Be at the door (time minus the arrive-early minutes).
    ArriveBy,
    /// The shoot itself.
    Shoot,
    /// Last moment for the 补拍 make-up photo.
    MakeupDeadline,
    /// The photo can be checked on 学信网.
    VerificationOpens,
}

/// Where an item stands at `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Over.
    Past,
    /// Needs doing now.
    Due,
    /// Later.
    Upcoming,
}

/// One local notification for the app to schedule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reminder {
    /// Stable id: scheduling the same id again replaces the old notification.
    pub id: String,
    /// When to fire, event-local.
    pub fire_at: NaiveDateTime,
    /// When to fire, Unix milliseconds.
    pub fire_at_unix_ms: UnixMillis,
    /// Notification title.
    pub title: Text,
    /// Notification body.
    pub body: Text,
}

/// One dated thing in a student's year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineItem {
    /// Stable id (`fee`, `code-t7`, `arrive`, `shoot`, `makeup`, `verify`).
    pub id: String,
    /// What it is.
    pub kind: ItemKind,
    /// When, event-local.
    pub at: NaiveDateTime,
    /// When, Unix milliseconds.
    pub at_unix_ms: UnixMillis,
    /// Short label.
    pub title: Text,
    /// What to do, with the notice's details.
    pub detail: Text,
    /// Past, due or upcoming at the `now` given.
    pub status: Status,
    /// Notifications to schedule for it (already past ones are left out).
    pub reminders: Vec<Reminder>,
}

struct Draft {
    id: String,
    kind: ItemKind,
    at: NaiveDateTime,
    due_from: NaiveDateTime,
    over_at: NaiveDateTime,
    title: Text,
    detail: Text,
    remind_at: Vec<NaiveDateTime>,
}

/// The ordered timeline of a student with `slot`, as seen at `now`.
pub fn timeline(event: &Event, slot: &Slot, now: UnixMillis) -> Vec<TimelineItem> {
    let off = event.utc_offset;
    let now_local = time::to_local(off, now);
    let day = |t: NaiveDateTime, h: u32| {
        t.date()
            .and_time(NaiveTime::from_hms_opt(h, 0, 0).expect("valid hour"))
    };
    let fmt = time::format_local_minute;
    let session_end = slot.date.and_time(slot.windows[slot.windows.len() - 1].end);
    let shoot_start = slot.date.and_time(slot.windows[0].start);
    let mut drafts = Vec::new();

    let fee = &event.fee;
    drafts.push(Draft {
        id: "fee".into(),
        kind: ItemKind::FeeDeadline,
        at: fee.deadline,
        due_from: fee.deadline - Duration::days(7),
        over_at: fee.deadline,
        title: Text::new(
            format!("摄影费{}元截止", fee.yuan),
            format!("{}-yuan photo fee due", fee.yuan),
        ),
        detail: Text::new(
            format!(
                "{}前把{}元摄影费交给{}。",
                fmt(fee.deadline),
                fee.yuan,
                fee.collected_by.zh
            ),
            format!(
                "Pay the {}-yuan photo fee to {} before {}.",
                fee.yuan,
                fee.collected_by.en,
                fmt(fee.deadline)
            ),
        ),
        remind_at: vec![
            fee.deadline - Duration::days(3),
            fee.deadline - Duration::days(1),
        ],
    });

    for days in [7i64, 3, 1] {
        let at = day(slot.time - Duration::days(days), 20);
        drafts.push(Draft {
            id: format!("code-t{days}"),
            kind: ItemKind::CollectionCodeCheck,
            at,
            due_from: at - Duration::hours(12),
            over_at: at + Duration::hours(4),
            title: Text::new(
                format!("检查采集码（拍摄前{days}天）"),
                format!("Check your 采集码 ({days} day(s) before)"),
            ),
            detail: Text::new(
                "打开本App中保存的采集码，确认能显示、能识别；还没有就按“如何获取采集码”的步骤获取。",
                "Open the collection code saved in this app and run the readability check; if you have none, follow \"How to get it\".",
            ),
            remind_at: vec![at],
        });
    }

    drafts.push(Draft {
        id: "arrive".into(),
        kind: ItemKind::ArriveBy,
        at: slot.arrive_by,
        due_from: day(slot.arrive_by, 0),
        over_at: slot.arrive_by,
        title: Text::new(
            format!("{} 前到达{}", time::format_hhmm(slot.arrive_by.time()), slot.room.zh),
            format!("Be at {} by {}", slot.room.en, time::format_hhmm(slot.arrive_by.time())),
        ),
        detail: Text::new(
            format!(
                "提前{}分钟到达，带好手机里的签到码和采集码，按顺序排队。",
                event.arrive_early_minutes
            ),
            format!(
                "Arrive {} minutes early with your check-in pass and collection code; queue in order.",
                event.arrive_early_minutes
            ),
        ),
        remind_at: vec![
            day(slot.arrive_by - Duration::days(1), 20),
            slot.arrive_by - Duration::hours(1),
        ],
    });

    drafts.push(Draft {
        id: "shoot".into(),
        kind: ItemKind::Shoot,
        at: slot.time.max(shoot_start),
        due_from: day(slot.time, 0),
        over_at: session_end,
        title: Text::new(
            format!("拍摄：{} {}", slot.college.zh, slot.room.zh),
            format!("Photo: {} {}", slot.college.en, slot.room.en),
        ),
        detail: Text::new(
            format!(
                "{}。进入摄影室后按“摄影编号”顺序拍摄，不要站错位置。",
                slot.when_label()
            ),
            format!(
                "{}. Inside, you are photographed in photo-number order: stand in your own place.",
                slot.when_label()
            ),
        ),
        remind_at: vec![],
    });

    let m = &event.makeup;
    drafts.push(Draft {
        id: "makeup".into(),
        kind: ItemKind::MakeupDeadline,
        at: m.deadline,
        due_from: session_end,
        over_at: m.deadline,
        title: Text::new("补拍截止", "Make-up photo deadline"),
        detail: Text::new(
            format!(
                "错过拍摄的同学请于{}前到{}补拍，电话{}；自备{}；学校代码{}。",
                fmt(m.deadline),
                m.place.zh,
                m.phone,
                m.bring.iter().map(|b| b.zh.as_str()).collect::<Vec<_>>().join("、"),
                m.school_code
            ),
            format!(
                "If you missed your session, go to {} before {} (phone {}); bring {}; school code {}.",
                m.place.en,
                fmt(m.deadline),
                m.phone,
                m.bring.iter().map(|b| b.en.as_str()).collect::<Vec<_>>().join(", "),
                m.school_code
            ),
        ),
        remind_at: vec![m.deadline - Duration::days(30), m.deadline - Duration::days(7)],
    });

    let opens = day(
        event
            .verification_opens(slot.date)
            .and_hms_opt(0, 0, 0)
            .unwrap(),
        9,
    );
    let v = &event.verification;
    drafts.push(Draft {
        id: "verify".into(),
        kind: ItemKind::VerificationOpens,
        at: opens,
        due_from: opens,
        over_at: opens + Duration::days(30),
        title: Text::new("学信网校对相片", "Check your photo on 学信网"),
        detail: Text::new(
            format!("登录 {} 校对相片。{}", v.site, v.how.zh),
            format!("Log in to {} and check your photo. {}", v.site, v.how.en),
        ),
        remind_at: vec![opens, opens + Duration::days(7)],
    });

    drafts.sort_by_key(|d| d.at);
    drafts
        .into_iter()
        .map(|d| {
            let status = if now_local >= d.over_at {
                Status::Past
            } else if now_local >= d.due_from {
                Status::Due
            } else {
                Status::Upcoming
            };
            let reminders = d
                .remind_at
                .iter()
                .enumerate()
                .filter(|(_, at)| **at > now_local)
                .map(|(i, at)| Reminder {
                    id: format!("{}-{}", d.id, i),
                    fire_at: *at,
                    fire_at_unix_ms: time::to_unix(off, *at),
                    title: d.title.clone(),
                    body: d.detail.clone(),
                })
                .collect();
            TimelineItem {
                id: d.id,
                kind: d.kind,
                at: d.at,
                at_unix_ms: time::to_unix(off, d.at),
                title: d.title,
                detail: d.detail,
                status,
                reminders,
            }
        })
        .collect()
}

/// The timeline of a student who has been photographed (their phone holds their 摄影编号, or they
/// said so): the 补拍 deadline is not theirs, everything up to the shoot is over and silent, and
/// the 学信网 check 40 days later stays with its reminders.
pub fn after_shoot(items: Vec<TimelineItem>) -> Vec<TimelineItem> {
    items
        .into_iter()
        .filter(|i| i.kind != ItemKind::MakeupDeadline)
        .map(|mut i| {
            if i.kind != ItemKind::VerificationOpens {
                i.status = Status::Past;
                i.reminders.clear();
            }
            i
        })
        .collect()
}

/// Every reminder of the timeline, soonest first, for the app to schedule as local notifications.
pub fn reminders(items: &[TimelineItem]) -> Vec<Reminder> {
    let mut all: Vec<Reminder> = items.iter().flat_map(|i| i.reminders.clone()).collect();
    all.sort_by_key(|r| r.fire_at);
    all
}

/// The first item that is due, else the first upcoming one: "the next thing to do".
pub fn next_item(items: &[TimelineItem]) -> Option<&TimelineItem> {
    items
        .iter()
        .find(|i| i.status == Status::Due)
        .or_else(|| items.iter().find(|i| i.status == Status::Upcoming))
}
