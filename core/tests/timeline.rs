//! A student's year, as the notice lays it out: fee, 采集码 checks, the shoot, 补拍, 学信网.

use photoday_core::event::Event;
use photoday_core::slot::Slot;
use photoday_core::time::{parse_moment, rfc3339};
use photoday_core::timeline::{next_item, reminders, timeline, ItemKind, Status};

fn at(e: &Event, s: &str) -> i64 {
    parse_moment(s, e.utc_offset).unwrap()
}

#[test]
fn an_it_student_arrives_by_0910_on_june_3_and_checks_the_photo_from_july_13() {
    let e = Event::template("gzcc-2023").unwrap();
    let session = e.session_of_college("信息技术与工程学院").unwrap();
    let slot = Slot::new(&e, session, None).unwrap();
    assert_eq!(
        rfc3339(e.utc_offset, slot.arrive_by),
        "2023-06-03T09:10:00+08:00"
    );
    let items = timeline(&e, &slot, at(&e, "2023-05-10 12:00"));
    let kinds: Vec<ItemKind> = items.iter().map(|i| i.kind).collect();
    assert_eq!(
        kinds,
        vec![
            ItemKind::FeeDeadline,
            ItemKind::CollectionCodeCheck,
            ItemKind::CollectionCodeCheck,
            ItemKind::CollectionCodeCheck,
            ItemKind::ArriveBy,
            ItemKind::Shoot,
            ItemKind::VerificationOpens,
            ItemKind::MakeupDeadline,
        ]
    );
    let get = |id: &str| items.iter().find(|i| i.id == id).unwrap();
    assert_eq!(get("fee").at.to_string(), "2023-05-20 17:00:00");
    assert_eq!(get("code-t7").at.date().to_string(), "2023-05-27");
    assert_eq!(get("code-t3").at.date().to_string(), "2023-05-31");
    assert_eq!(get("code-t1").at.date().to_string(), "2023-06-02");
    assert_eq!(get("arrive").at.to_string(), "2023-06-03 09:10:00");
    assert_eq!(get("verify").at.date().to_string(), "2023-07-13");
    assert_eq!(get("makeup").at.to_string(), "2024-04-30 17:00:00");
    assert!(get("makeup").detail.zh.contains("020-83398378"));
    assert!(get("makeup").detail.zh.contains("13667"));
    assert!(get("makeup").detail.zh.contains("60元"));
    assert!(items.iter().all(|i| i.status == Status::Upcoming));
    assert_eq!(next_item(&items).unwrap().id, "fee");
}

#[test]
fn an_international_school_student_arrives_by_1410_on_june_4() {
    let e = Event::template("gzcc-2023").unwrap();
    let slot = Slot::new(&e, e.session_of_college("国际学院").unwrap(), None).unwrap();
    assert_eq!(
        rfc3339(e.utc_offset, slot.arrive_by),
        "2023-06-04T14:10:00+08:00"
    );
    let items = timeline(&e, &slot, at(&e, "2023-05-01 08:00"));
    let verify = items
        .iter()
        .find(|i| i.kind == ItemKind::VerificationOpens)
        .unwrap();
    assert_eq!(verify.at.date().to_string(), "2023-07-14");
}

#[test]
fn items_turn_due_then_past_as_time_moves() {
    let e = Event::template("gzcc-2023").unwrap();
    let slot = Slot::new(&e, 1, None).unwrap();
    let status = |now: &str, id: &str| {
        timeline(&e, &slot, at(&e, now))
            .into_iter()
            .find(|i| i.id == id)
            .unwrap()
            .status
    };
    assert_eq!(status("2023-05-18 10:00", "fee"), Status::Due);
    assert_eq!(status("2023-05-20 17:01", "fee"), Status::Past);
    assert_eq!(status("2023-06-03 07:00", "arrive"), Status::Due);
    assert_eq!(status("2023-06-03 10:00", "shoot"), Status::Due);
    assert_eq!(status("2023-06-03 16:01", "shoot"), Status::Past);
    assert_eq!(status("2023-07-13 10:00", "verify"), Status::Due);
    let items = timeline(&e, &slot, at(&e, "2023-06-03 07:00"));
    assert_eq!(next_item(&items).unwrap().id, "arrive");
}

#[test]
fn reminders_leave_out_the_past_and_come_soonest_first() {
    let e = Event::template("gzcc-2023").unwrap();
    let slot = Slot::new(&e, 1, None).unwrap();
    let now = at(&e, "2023-06-01 00:00");
    let r = reminders(&timeline(&e, &slot, now));
    assert!(!r.is_empty());
    assert!(r.iter().all(|r| r.fire_at_unix_ms > now));
    assert!(r.windows(2).all(|w| w[0].fire_at <= w[1].fire_at));
    assert!(
        !r.iter().any(|r| r.id.starts_with("fee")),
        "fee reminders are past"
    );
    assert!(r.iter().any(|r| r.id == "code-t1-0"));
}
