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

impl Status {
    /// The item's time with where it stands: `2023-06-03 09:10 · 已过` / `… · now`.
    pub fn when_line(self, at: &str) -> Text {
        match self {
            Status::Past => Text::new(format!("{at} · 已过"), format!("{at} · done")),
            Status::Due => Text::new(format!("{at} · 现在"), format!("{at} · now")),
            Status::Upcoming => Text::new(at, at),
        }
    }

    /// The heading of the home's next-thing card: `现在要做` when due, else `下一步`.
    pub fn next_heading(self) -> Text {
        match self {
            Status::Due => Text::new("现在要做", "Do this now"),
            _ => Text::new("下一步", "Next"),
        }
    }
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

impl TimelineItem {
    /// Its time with where it stands, as the timeline and the home show it:
    /// `2023-06-03 09:10 · 已过` / `2023-06-03 09:10 · done`.
    pub fn when_line(&self) -> Text {
        self.status.when_line(&time::format_local_minute(self.at))
    }
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

/// The photo fee as a student must read it: pay the liaison, before the colleges' transfer
/// deadline, never to the colleges' account (`fee.pay_to` is the liaisons', and not shown).
pub fn fee_note(event: &Event) -> Text {
    let fee = &event.fee;
    let deadline = time::format_local_minute(fee.deadline);
    Text::new(
        format!(
            "把{}元摄影费交给{}，按联络员通知的时间交；学院须于{}前统一转账，请在此之前交齐。不要自己转账。",
            fee.yuan, fee.collected_by.zh, deadline
        ),
        format!(
            "Pay the {}-yuan photo fee to {} when they ask; your college must transfer everyone's fees by {}, so pay before then. Do not transfer it yourself.",
            fee.yuan, fee.collected_by.en, deadline
        ),
    )
}

/// Where a student without a 采集码 gets one. How to get it is the school's text (the notice's
/// attachment): point to the event's steps only when the event carries them, else to the
/// attachment itself. The app's own advice stays with what its readability check can tell.
pub fn how_to_get_code(event: &Event) -> Text {
    if event.collection_code_steps.is_empty() {
        Text::new(
            "还没有采集码的，按学校通知附件《查询采集码步骤》获取，或问本学院联络员。",
            "If you have none yet, get it as the attachment to the school's notice (查询采集码步骤) says, or ask your liaison.",
        )
    } else {
        Text::new(
            "还没有采集码的，按“如何获取采集码”的步骤获取。",
            "If you have none yet, follow \"How to get your 采集码\".",
        )
    }
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
        // The deadline is the colleges' transfer; students pay their liaison before it. The
        // account the colleges pay (`fee.pay_to`) is never a student's to pay, so it is not here.
        title: Text::new(
            format!("摄影费{}元交给联络员", fee.yuan),
            format!("{}-yuan photo fee due to your liaison", fee.yuan),
        ),
        detail: fee_note(event),
        remind_at: vec![
            fee.deadline - Duration::days(3),
            fee.deadline - Duration::days(1),
        ],
    });

    let how_to_get = how_to_get_code(event);
    for days in [7i64, 3, 1] {
        let at = day(slot.time - Duration::days(days), 20);
        let before = if days == 1 {
            Text::new("拍摄前一天", "the day before")
        } else {
            Text::new(format!("拍摄前{days}天"), format!("{days} days before"))
        };
        drafts.push(Draft {
            id: format!("code-t{days}"),
            kind: ItemKind::CollectionCodeCheck,
            at,
            due_from: at - Duration::hours(12),
            over_at: at + Duration::hours(4),
            title: Text::new(
                format!("检查采集码（{}）", before.zh),
                format!("Check your 采集码 ({})", before.en),
            ),
            detail: Text::new(
                format!(
                    "打开本App里保存的学信网采集码，做一次识别检查：图太小、截图不全或太模糊都会提示。{}",
                    how_to_get.zh
                ),
                format!(
                    "Open the CHSI 采集码 saved in this app and run the readability check: it tells you if the picture is too small, cut off or blurred. {}",
                    how_to_get.en
                ),
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
                "提前{}分钟到达拍摄地点，带好签到码（手机或打印的卡片）和学信网采集码，按顺序排队。",
                event.arrive_early_minutes
            ),
            format!(
                "Arrive {} minutes early with your check-in pass (on your phone or printed) and your CHSI 采集码; queue in order.",
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
                "{}。进入摄影室后由工作人员填写“摄影编号”，严格按编号顺序拍摄，不要站错位置。",
                slot.when_label()
            ),
            format!(
                "{}. In the studio, staff give you a photo number (摄影编号); you are photographed strictly in that order, so stand in your own place.",
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
        // Said once: where, until when, what to bring, what to write.
        detail: Text::new(
            format!(
                "错过集中拍摄的同学，请于{}前到{}补拍，电话{}。自备{}；学校代码填涂“{}”。",
                fmt(m.deadline),
                m.place.zh,
                m.phone,
                m.bring.iter().map(|b| b.zh.as_str()).collect::<Vec<_>>().join("、"),
                m.school_code
            ),
            format!(
                "If you missed your session, get a make-up photo before {} at {} (phone {}). Bring {}; fill in school code {}.",
                fmt(m.deadline),
                m.place.en,
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
            format!("{}（网址 {}）", v.how.zh, v.site),
            format!("{} ({})", v.how.en, v.site),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn code_check(event: &Event) -> TimelineItem {
        let slot = Slot::new(event, 1, None).unwrap();
        timeline(event, &slot, 0)
            .into_iter()
            .find(|i| i.id == "code-t1")
            .unwrap()
    }

    #[test]
    fn the_code_check_points_to_the_schools_steps_only_when_the_event_has_them() {
        let mut e = Event::template("gzcc-2023").unwrap();
        assert!(
            e.collection_code_steps.is_empty(),
            "the template invents no steps"
        );
        let without = code_check(&e);
        assert!(without.detail.zh.contains("附件"), "{}", without.detail.zh);
        assert!(!without.detail.zh.contains("如何获取"));
        assert_eq!(without.title.zh, "检查采集码（拍摄前一天）");
        e.collection_code_steps.push(crate::event::CodeRoute {
            title: Text::new("学信网", "CHSI"),
            steps: vec![Text::new("登录", "log in")],
        });
        let with = code_check(&e);
        assert!(
            with.detail.zh.contains("如何获取采集码"),
            "{}",
            with.detail.zh
        );
    }

    #[test]
    fn the_fee_goes_to_the_liaison_and_never_names_the_colleges_account() {
        let e = Event::template("gzcc-2023").unwrap();
        let slot = Slot::new(&e, 1, None).unwrap();
        let fee = timeline(&e, &slot, 0)
            .into_iter()
            .find(|i| i.id == "fee")
            .unwrap();
        for text in [&fee.title.zh, &fee.detail.zh, &fee.title.en, &fee.detail.en] {
            assert!(!text.contains("1119786746"), "{text}");
            assert!(
                !text.contains("支付宝") && !text.contains("Alipay"),
                "{text}"
            );
        }
        assert!(fee.detail.zh.contains("联络员") && fee.detail.zh.contains("2023-05-20 17:00"));
    }

    #[test]
    fn the_makeup_paragraph_says_once_what_to_bring_and_what_to_write() {
        let e = Event::template("gzcc-2023").unwrap();
        let slot = Slot::new(&e, 1, None).unwrap();
        let m = timeline(&e, &slot, 0)
            .into_iter()
            .find(|i| i.id == "makeup")
            .unwrap();
        let zh = &m.detail.zh;
        for once in ["学生证", "身份证", "60元", "13667", "020-83398378"] {
            assert_eq!(zh.matches(once).count(), 1, "{once} in {zh}");
        }
        assert_eq!(m.detail.en.matches("13667").count(), 1);
    }
}
