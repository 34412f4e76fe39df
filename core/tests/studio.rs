//! The day as the notice runs it: rooms that hand over, door check-in apart from the studio's
//! 摄影编号, the 采集码 at the studio door, step aside and come back, photographed as its own fact.

use photoday_core::bundle::{self, BundleContent, BundleKind};
use photoday_core::door::{Colour, Timing, Verdict};
use photoday_core::event::Event;
use photoday_core::keys::EventKey;
use photoday_core::log::{Action, AsideReason, Via};
use photoday_core::pass::{self, PassBody};
use photoday_core::roster::Roster;
use photoday_core::scanner::{NumberStatus, Role, Scanner};
use photoday_core::store::Store;
use photoday_core::student::StudentPhone;
use photoday_core::synthetic;
use photoday_core::time::parse_moment;
use photoday_core::Error;

/// A 学信网 采集码 as the studio phone's camera reads it (an opaque token the core recognises by
/// its shape; its content is never stored).
const CODE: &str = "https://www.chsi.com.cn/xlcx/cjm?code=8a7f6e5d4c3b2a190817";

struct Day {
    event: Event,
    key: EventKey,
    roster: Roster,
    dir: tempfile::TempDir,
}

impl Day {
    fn new() -> Day {
        let event = Event::template("gzcc-2023").unwrap();
        let roster = synthetic::roster(&event, 30, 11);
        Day {
            event,
            key: EventKey::generate(),
            roster,
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn at(&self, s: &str) -> i64 {
        parse_moment(s, self.event.utc_offset).unwrap()
    }

    fn content(&self, kind: BundleKind) -> BundleContent {
        BundleContent {
            kind,
            made_at_ms: 1,
            event: self.event.clone(),
            keys: vec![self.key.public()],
            revocations: vec![],
            students: BundleContent::students_from(&self.roster, true),
            with_names: true,
            plan: None,
            trust: Default::default(),
        }
    }

    fn phone(&self, name: &str, room: &str, role: Role, lane: Option<char>) -> Scanner {
        let mut s = Scanner::open(self.dir.path().join(name)).unwrap();
        s.import_bundle(&bundle::seal(&self.content(BundleKind::Scanner), &self.key).unwrap())
            .unwrap();
        s.set_station(room, role, lane).unwrap();
        s
    }

    fn student(&self, session: u8, k: usize) -> u64 {
        self.roster.in_session(session).nth(k).unwrap().student_no
    }

    fn pass(&self, student_no: u64) -> String {
        let s = self.roster.get(student_no).unwrap();
        pass::issue(
            &self.key,
            &self.event.id,
            &PassBody {
                session_index: s.session,
                student_no,
                serial: 0,
            },
        )
        .unwrap()
    }
}

/// Numbers a student at a studio phone: pass, then their 采集码.
fn enter_studio(studio: &mut Scanner, pass: &str, t: i64) -> Verdict {
    let first = studio.scan(pass, t).unwrap();
    assert!(
        matches!(first.verdict, Verdict::ShowCollectionCode { .. }),
        "{first:?}"
    );
    studio.scan(CODE, t + 3_000).unwrap().verdict
}

#[test]
fn at_yijiao_209_on_june_4_the_room_hands_over_from_management_to_international_at_1430() {
    let day = Day::new();
    let mut door = day.phone("209.db", "一教209", Role::Door, None);
    let management = day.event.find_session("管理学院").unwrap();
    let international = day.event.find_session("国际学院").unwrap();
    let (m, i) = (0..4)
        .map(|k| {
            (
                day.pass(day.student(management, k)),
                day.pass(day.student(international, k)),
            )
        })
        .unzip::<_, _, Vec<_>, Vec<_>>();

    // 14:20 and 14:29: 管理学院 is shooting; a 国际学院 student is early, never sent elsewhere.
    for (k, hhmm) in ["14:20", "14:29"].iter().enumerate() {
        let t = day.at(&format!("2023-06-04 {hhmm}"));
        assert_eq!(door.session_now(t), Some(management));
        assert!(matches!(
            door.scan(&m[k], t).unwrap().verdict,
            Verdict::CheckedIn { .. }
        ));
        let out = door.scan(&i[k], t + 1_000).unwrap();
        let Verdict::OutsideWindow { timing, at, .. } = &out.verdict else {
            panic!("{out:?}")
        };
        assert_eq!((*timing, at.as_str()), (Timing::TooEarly, "14:30"));
        assert!(out.headline.zh.contains("14:30"), "{}", out.headline.zh);
        assert!(out.detail.zh.contains("附近"), "{}", out.detail.zh);
        assert!(
            !out.headline.zh.contains("请去"),
            "directions to the room they stand in"
        );
        assert!(out.overridable);
    }
    // 14:31: the room is 国际学院's; a 管理学院 student is late, with the 补拍 way out.
    let t = day.at("2023-06-04 14:31");
    assert_eq!(door.session_now(t), Some(international));
    assert!(matches!(
        door.scan(&i[2], t).unwrap().verdict,
        Verdict::CheckedIn { .. }
    ));
    let late = door.scan(&m[2], t + 1_000).unwrap();
    let Verdict::OutsideWindow { timing, at, .. } = &late.verdict else {
        panic!("{late:?}")
    };
    assert_eq!((*timing, at.as_str()), (Timing::TooLate, "14:30"));
    assert!(late.detail.zh.contains("补拍"), "{}", late.detail.zh);
    assert!(
        late.detail.zh.contains("2024-04-30 17:00"),
        "{}",
        late.detail.zh
    );
    // 16:35: 国际学院's last window ended at 16:30; stragglers within the tolerance still come in.
    let t = day.at("2023-06-04 16:35");
    assert!(matches!(
        door.scan(&i[3], t).unwrap().verdict,
        Verdict::CheckedIn { .. }
    ));
    let out = door.scan(&m[3], t + 1_000).unwrap();
    assert!(matches!(
        out.verdict,
        Verdict::OutsideWindow {
            timing: Timing::TooLate,
            ..
        }
    ));
    // A 法学院 student (一教209 on 6月3日) in the same room on 6月4日: another day, not another room.
    let law = day.pass(day.student(day.event.find_session("法学院").unwrap(), 0));
    let out = door.scan(&law, day.at("2023-06-04 10:00")).unwrap();
    assert!(matches!(
        out.verdict,
        Verdict::OutsideWindow {
            timing: Timing::WrongDay,
            ..
        }
    ));
    assert!(out.detail.zh.contains("补拍"), "{}", out.detail.zh);
    // And a 会计学院 student is sent to 一教108.
    let acc = day.pass(day.student(2, 0));
    let out = door.scan(&acc, day.at("2023-06-04 10:01")).unwrap();
    assert!(out.headline.zh.contains("一教108"), "{}", out.headline.zh);
}

#[test]
fn at_yijiao_206_on_june_4_the_hand_over_at_1500_is_exact_to_the_minute() {
    let day = Day::new();
    let mut door = day.phone("206.db", "一教 206", Role::Door, None);
    let modern = day.event.find_session("现代信息产业学院").unwrap();
    let digital = day.event.find_session("数字经济产业学院").unwrap();
    let cases = [
        ("14:59", "checked_in", "outside_window"),
        ("15:00", "outside_window", "checked_in"),
        ("15:01", "outside_window", "checked_in"),
    ];
    for (k, (hhmm, want_modern, want_digital)) in cases.iter().enumerate() {
        let t = day.at(&format!("2023-06-04 {hhmm}"));
        let a = door.scan(&day.pass(day.student(modern, k)), t).unwrap();
        let b = door
            .scan(&day.pass(day.student(digital, k)), t + 500)
            .unwrap();
        assert_eq!(a.verdict.name(), *want_modern, "现代 at {hhmm}: {a:?}");
        assert_eq!(b.verdict.name(), *want_digital, "数字 at {hhmm}: {b:?}");
    }
    assert_eq!(door.session_now(day.at("2023-06-04 14:59")), Some(modern));
    assert_eq!(door.session_now(day.at("2023-06-04 15:00")), Some(digital));
}

#[test]
fn door_phones_check_in_without_numbers_and_the_studio_numbers_in_shooting_order() {
    let day = Day::new();
    let mut door_a = day.phone("a.db", "一教104", Role::Door, None);
    let mut door_b = day.phone("b.db", "一教104", Role::Door, None);
    let mut studio = day.phone("s.db", "一教104", Role::Studio, None);
    let t = day.at("2023-06-03 09:20");
    for k in 0..6 {
        let door = if k % 2 == 0 { &mut door_a } else { &mut door_b };
        let out = door
            .scan(&day.pass(day.student(1, k)), t + k as i64 * 10_000)
            .unwrap();
        assert!(matches!(out.verdict, Verdict::CheckedIn { .. }), "{out:?}");
        assert_eq!(out.verdict.photo_no(), None, "the door gives no number");
        assert_eq!(out.colour, Colour::Green);
        assert!(out.record_seq.is_some());
    }
    // The studio phone has not merged the doors' logs: it numbers anyway, noting the door.
    let v = enter_studio(&mut studio, &day.pass(day.student(1, 0)), t + 600_000);
    let Verdict::Numbered {
        photo_no,
        batch,
        door_unseen,
        ..
    } = &v
    else {
        panic!("{v:?}")
    };
    assert_eq!((photo_no.as_str(), *batch, *door_unseen), ("001", 1, true));
    // After merging a door log it knows who checked in.
    studio.import_log(&door_b.export_log(t).unwrap()).unwrap();
    let v = enter_studio(&mut studio, &day.pass(day.student(1, 1)), t + 620_000);
    assert!(
        matches!(
            v,
            Verdict::Numbered {
                door_unseen: false,
                ..
            }
        ),
        "{v:?}"
    );
    // A student the door never saw at all (skipped the queue) is numbered, not refused.
    let v = enter_studio(&mut studio, &day.pass(day.student(1, 20)), t + 640_000);
    assert_eq!(v.photo_no(), Some("003"));
    // The door says "already checked in" with where and when; staff can override with a reason.
    let again = door_a
        .scan(&day.pass(day.student(1, 0)), t + 700_000)
        .unwrap();
    let Verdict::AlreadyCheckedIn {
        at, this_device, ..
    } = &again.verdict
    else {
        panic!("{again:?}")
    };
    assert_eq!((at.as_str(), *this_device), ("09:20", true));
    assert!(again.overridable);
    let over = door_a
        .override_pass(
            &day.pass(day.student(1, 0)),
            "截图被同学用过，核对学生证",
            t + 710_000,
        )
        .unwrap();
    assert!(matches!(
        over.verdict,
        Verdict::CheckedIn {
            via: Via::Override,
            ..
        }
    ));
}

#[test]
fn the_studio_asks_for_the_collection_code_and_keeps_nothing_of_it() {
    let day = Day::new();
    let mut studio = day.phone("s.db", "一教104", Role::Both, None);
    let t = day.at("2023-06-03 10:00");
    let no = day.student(1, 0);
    let first = studio.scan(&day.pass(no), t).unwrap();
    assert!(matches!(first.verdict, Verdict::ShowCollectionCode { .. }));
    assert!(first.headline.zh.contains("采集码"));
    assert_eq!(studio.waiting_for_code(), Some(no));
    assert!(
        studio.records().unwrap().is_empty(),
        "nothing recorded before the number"
    );
    let numbered = studio.scan(CODE, t + 4_000).unwrap();
    assert_eq!(numbered.verdict.photo_no(), Some("001"));
    let qr = numbered.number_qr.clone().unwrap();
    assert!(qr.contains(&no.to_string()) && qr.contains("001"));
    // Nothing of the 采集码 is in the database or the exported log.
    let body = serde_json::to_string(&studio.records().unwrap()).unwrap();
    assert!(
        !body.contains("8a7f6e5d4c3b2a190817") && !body.contains("chsi"),
        "{body}"
    );
    let db = std::fs::read(day.dir.path().join("s.db")).unwrap();
    assert!(!db.windows(20).any(|w| w == b"8a7f6e5d4c3b2a190817"));
    // A 采集码 with nobody waiting is explained as before ("the 采集码 is for the photographer").
    let out = studio.scan(CODE, t + 10_000).unwrap();
    assert!(matches!(out.verdict, Verdict::NotAPass { .. }));
    // Staff skip the check with one tap when the photographer checks the code instead.
    let second = day.student(1, 1);
    studio.scan(&day.pass(second), t + 20_000).unwrap();
    let skipped = studio.skip_code_check(t + 21_000).unwrap();
    assert_eq!(skipped.verdict.photo_no(), Some("002"));
    assert!(matches!(
        studio.skip_code_check(t + 22_000),
        Err(Error::NotReady(_))
    ));
    // A student who goes to find their code is let go: nothing recorded, the next pass starts over.
    let third = day.student(1, 3);
    studio.scan(&day.pass(third), t + 24_000).unwrap();
    assert_eq!(studio.cancel_code_check(), Some(third));
    assert_eq!(studio.waiting_for_code(), None);
    assert!(matches!(
        studio.scan(CODE, t + 25_000).unwrap().verdict,
        Verdict::NotAPass { .. }
    ));
    // Or switch the check off for the session.
    studio.set_check_code(false).unwrap();
    let out = studio
        .scan(&day.pass(day.student(1, 2)), t + 30_000)
        .unwrap();
    assert_eq!(out.verdict.photo_no(), Some("003"));
}

#[test]
fn a_student_stepped_aside_is_renumbered_at_the_end_and_the_void_number_is_never_reused() {
    let day = Day::new();
    let t = day.at("2023-06-03 10:00");
    let path_students: Vec<u64> = (0..10).map(|k| day.student(1, k)).collect();
    {
        let mut studio = day.phone("s.db", "一教104", Role::Both, None);
        studio.set_check_code(false).unwrap();
        for (k, no) in path_students.iter().take(5).enumerate() {
            studio.scan(&day.pass(*no), t + k as i64 * 20_000).unwrap();
        }
    }
    // After a restart, much later than any undo window: student 3 has blue clothes.
    let mut studio = Scanner::open(day.dir.path().join("s.db")).unwrap();
    let later = t + 40 * 60_000;
    let aside = studio
        .step_aside(
            path_students[2],
            AsideReason::Clothes,
            Some("蓝色上衣"),
            later,
        )
        .unwrap();
    assert_eq!(aside.photo_no.as_deref(), Some("003"));
    let list = studio.photo_list(1).unwrap();
    let three = list.iter().find(|m| m.photo_no == "003").unwrap();
    assert_eq!(
        (three.status, three.aside),
        (NumberStatus::Voided, Some(AsideReason::Clothes))
    );
    // Others go on; the student comes back changed and is numbered again at the end.
    studio
        .scan(&day.pass(path_students[5]), later + 10_000)
        .unwrap();
    let back = studio
        .scan(&day.pass(path_students[2]), later + 20_000)
        .unwrap();
    let Verdict::Numbered {
        photo_no,
        renumbered,
        ..
    } = &back.verdict
    else {
        panic!("{back:?}")
    };
    assert_eq!((photo_no.as_str(), *renumbered), ("007", true));
    assert!(back.detail.zh.contains("重新编号"));
    // One dense sequence 001–007, 003 voided, never reused.
    let list = studio.photo_list(1).unwrap();
    let numbers: Vec<&str> = list.iter().map(|m| m.photo_no.as_str()).collect();
    assert_eq!(numbers, ["001", "002", "003", "004", "005", "006", "007"]);
    // "Did not show" when called is a step-aside too; the batch closes without them.
    studio
        .step_aside(
            path_students[4],
            AsideReason::NotPresent,
            None,
            later + 30_000,
        )
        .unwrap();
    let closed = studio.close_batch(later + 60_000).unwrap();
    assert_eq!(closed.batch.number, 1);
    assert_eq!(
        closed.photographed, 5,
        "001 002 004 006 007; 003 and 005 void"
    );
    // A photographed student cannot be stepped aside.
    assert!(studio
        .step_aside(path_students[0], AsideReason::Glasses, None, later + 70_000)
        .is_err());
    // Undo of the last action still works, on records, not edits.
    let no = path_students[6];
    let out = studio.scan(&day.pass(no), later + 80_000).unwrap();
    assert_eq!(out.verdict.photo_no(), Some("008"));
    let undone = studio.undo_last(later + 90_000).unwrap();
    assert_eq!(
        (undone.undone.as_str(), undone.photo_no.as_deref()),
        ("number", Some("008"))
    );
    assert!(studio
        .records()
        .unwrap()
        .iter()
        .any(|r| matches!(r.action, Action::Undo { .. })));
}

#[test]
fn photographed_is_its_own_fact_and_the_makeup_list_is_the_roster_minus_the_photographed() {
    let day = Day::new();
    let mut door = day.phone("d.db", "一教104", Role::Door, None);
    let mut studio = day.phone("s.db", "一教104", Role::Studio, None);
    studio.set_check_code(false).unwrap();
    let t = day.at("2023-06-03 09:40");
    let all: Vec<u64> = day.roster.in_session(1).map(|s| s.student_no).collect();
    // 20 check in; 16 reach the studio; two of them do not show when called; 4 left the queue.
    for (k, no) in all.iter().take(20).enumerate() {
        door.scan(&day.pass(*no), t + k as i64 * 5_000).unwrap();
    }
    for (k, no) in all.iter().take(16).enumerate() {
        studio
            .scan(&day.pass(*no), t + 200_000 + k as i64 * 5_000)
            .unwrap();
    }
    studio
        .step_aside(all[3], AsideReason::NotPresent, None, t + 400_000)
        .unwrap();
    studio
        .step_aside(all[12], AsideReason::NoCollectionCode, None, t + 400_500)
        .unwrap();
    let first = studio.close_batch(t + 500_000).unwrap();
    let second = studio.close_batch(t + 600_000).unwrap();
    assert_eq!((first.photographed, second.photographed), (7, 7));
    assert!(
        studio.close_batch(t + 700_000).is_err(),
        "nothing left to close"
    );
    // One who skipped the door, was numbered, then stepped aside, still arrived.
    let skipper = all[25];
    studio.scan(&day.pass(skipper), t + 800_000).unwrap();
    studio
        .step_aside(skipper, AsideReason::Clothes, None, t + 800_500)
        .unwrap();
    studio.import_log(&door.export_log(t).unwrap()).unwrap();
    let a = &studio.attendance().unwrap().sessions[0];
    assert_eq!(
        (a.expected as usize, a.arrived, a.numbered, a.photographed),
        (all.len(), 21, 14, 14)
    );
    // 补拍 = roster − photographed, exactly; the ones who came but were not shot are listed apart.
    let shot: std::collections::BTreeSet<u64> = all
        .iter()
        .take(16)
        .copied()
        .filter(|n| *n != all[3] && *n != all[12])
        .collect();
    let absent: std::collections::BTreeSet<u64> =
        a.absentees.iter().map(|s| s.student_no).collect();
    let want: std::collections::BTreeSet<u64> =
        all.iter().copied().filter(|n| !shot.contains(n)).collect();
    assert_eq!(absent, want);
    let chase: Vec<u64> = a
        .arrived_not_photographed
        .iter()
        .map(|s| s.student_no)
        .collect();
    let mut want_chase: Vec<u64> = vec![all[3], all[12], skipper];
    want_chase.extend(&all[16..20]);
    want_chase.sort();
    let mut chase_sorted = chase.clone();
    chase_sorted.sort();
    assert_eq!(chase_sorted, want_chase);
    assert_eq!(a.stepped_aside, 3);
}

#[test]
fn a_second_studio_phone_is_warned_and_a_clash_after_merging_names_both_students() {
    let day = Day::new();
    let mut one = day.phone("1.db", "一教104", Role::Studio, None);
    one.set_check_code(false).unwrap();
    let t = day.at("2023-06-03 10:00");
    one.scan(&day.pass(day.student(1, 0)), t).unwrap();
    // The second phone got the first one's log (e.g. by QR) before being set up: warned.
    let mut two = Scanner::open(day.dir.path().join("2.db")).unwrap();
    two.import_bundle(&bundle::seal(&day.content(BundleKind::Scanner), &day.key).unwrap())
        .unwrap();
    two.import_log(&one.export_log(t).unwrap()).unwrap();
    let setup = two.set_station("一教104", Role::Studio, None).unwrap();
    let warning = setup.warning.expect("warned");
    assert!(warning.zh.contains("前缀"), "{}", warning.zh);
    assert!(two
        .set_station("一教104", Role::Studio, Some('B'))
        .unwrap()
        .warning
        .is_none());
    // A third phone that nobody warned numbers without a letter; the merge says so loudly.
    let mut three = day.phone("3.db", "一教104", Role::Studio, None);
    three.set_check_code(false).unwrap();
    three.scan(&day.pass(day.student(1, 1)), t + 5_000).unwrap();
    let summary = one.import_log(&three.export_log(t).unwrap()).unwrap();
    assert_eq!(summary.warnings.len(), 1);
    let w = &summary.warnings[0];
    assert!(w.zh.contains("001"), "{}", w.zh);
    assert!(
        w.zh.contains(&day.student(1, 0).to_string())
            && w.zh.contains(&day.student(1, 1).to_string())
    );
    let a = one.attendance().unwrap();
    assert_eq!(a.clashes.len(), 1);
    assert_eq!(a.clashes[0].holders.len(), 2);
}

#[test]
fn a_purged_and_reused_studio_phone_never_repeats_a_number() {
    let day = Day::new();
    let mut s = day.phone("s.db", "一教104", Role::Both, None);
    s.set_check_code(false).unwrap();
    let t = day.at("2023-06-03 10:00");
    for k in 0..3 {
        s.scan(&day.pass(day.student(1, k)), t + k as i64 * 10_000)
            .unwrap();
    }
    s.close_batch(t + 60_000).unwrap();
    s.export_log(t).unwrap();
    s.confirm_log_exported().unwrap();
    s.purge().unwrap();
    s.import_bundle(&bundle::seal(&day.content(BundleKind::Scanner), &day.key).unwrap())
        .unwrap();
    s.set_station("一教104", Role::Both, None).unwrap();
    s.set_check_code(false).unwrap();
    let out = s.scan(&day.pass(day.student(1, 5)), t + 120_000).unwrap();
    let Verdict::Numbered {
        photo_no, batch, ..
    } = &out.verdict
    else {
        panic!("{out:?}")
    };
    assert_eq!((photo_no.as_str(), *batch), ("004", 2));
}

#[test]
fn the_student_keeps_their_number_from_the_studio_qr_and_the_makeup_alarms_stop() {
    let day = Day::new();
    let mut studio = day.phone("s.db", "一教104", Role::Both, None);
    studio.set_check_code(false).unwrap();
    let no = day.student(1, 4);
    let t = day.at("2023-06-03 10:00");
    let out = studio.scan(&day.pass(no), t).unwrap();
    let qr = out.number_qr.unwrap();

    let mut phone = StudentPhone::open(day.dir.path().join("student.db")).unwrap();
    phone
        .import_bundle(&bundle::seal(&day.content(BundleKind::Student), &day.key).unwrap())
        .unwrap();
    phone.import_pass(&day.pass(no)).unwrap();
    let before = phone.reminders(t).unwrap();
    assert!(before.iter().any(|r| r.id.starts_with("makeup")));
    let home = phone.home(t + 60_000).unwrap();
    assert!(home.shot.is_none() && home.shot_prompt.is_some());
    // A classmate's number is refused.
    let other = studio
        .scan(&day.pass(day.student(1, 5)), t + 10_000)
        .unwrap();
    assert!(phone.import_number(&other.number_qr.unwrap()).is_err());
    let shot = phone.import_number(&qr).unwrap();
    assert_eq!(shot.label.zh, "一教104 · 001 · 第1批");
    let home = phone.home(t + 120_000).unwrap();
    assert_eq!(
        home.shot.as_ref().unwrap().label.zh,
        "一教104 · 001 · 第1批"
    );
    assert!(home.shot_prompt.is_none());
    let after = phone.reminders(t + 120_000).unwrap();
    assert!(
        !after.iter().any(|r| r.id.starts_with("makeup")),
        "{after:?}"
    );
    assert!(
        after.iter().any(|r| r.id.starts_with("verify")),
        "the 学信网 check stays"
    );
    let tl = phone.timeline(t + 120_000).unwrap();
    assert!(!tl.iter().any(|i| i.id == "makeup"));
    // Kept across a reopen; "我已拍完" works without a code too, and can be taken back.
    drop(phone);
    let mut phone = StudentPhone::open(day.dir.path().join("student.db")).unwrap();
    assert!(phone.shot().is_some());
    phone.set_shot_done(false).unwrap();
    assert!(phone
        .reminders(t)
        .unwrap()
        .iter()
        .any(|r| r.id.starts_with("makeup")));
    let done = phone.set_shot_done(true).unwrap().unwrap();
    assert_eq!(done.label.zh, "已拍完");
}

#[test]
fn the_studio_numbers_are_durable_before_they_are_shown_even_in_memory_stores_agree() {
    // Same flow over an in-memory store (what the simulations use) and a file: same numbers.
    let day = Day::new();
    let bundle = bundle::seal(&day.content(BundleKind::Scanner), &day.key).unwrap();
    let mut mem = Scanner::with_store(Store::in_memory().unwrap()).unwrap();
    mem.import_bundle(&bundle).unwrap();
    mem.set_station("一教104", Role::Both, None).unwrap();
    mem.set_check_code(false).unwrap();
    let mut file = day.phone("f.db", "一教104", Role::Both, None);
    file.set_check_code(false).unwrap();
    let t = day.at("2023-06-03 10:00");
    for k in 0..9 {
        let p = day.pass(day.student(1, k));
        let a = mem.scan(&p, t + k as i64 * 9_000).unwrap();
        let b = file.scan(&p, t + k as i64 * 9_000).unwrap();
        assert_eq!(a.verdict, b.verdict);
    }
    assert_eq!(mem.current_batch(t).unwrap().unwrap().members.len(), 8);
    drop(file);
    let mut reopened = Scanner::open(day.dir.path().join("f.db")).unwrap();
    assert_eq!(reopened.photo_list(1).unwrap().len(), 9);
}
