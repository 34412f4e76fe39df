//! The door loop as staff live it: a phone held at the 一教104 door while students file past,
//! the same pass held in front of the camera, an amber verdict that must wait to be read, a
//! typed number, a studio waiting for the 采集码. The same loop drives Android, iOS and the
//! laptop, so these are the only tests of those rules.

mod common;

use photoday_core::admin::EventFolder;
use photoday_core::bundle::BundleKind;
use photoday_core::door::{Colour, Verdict};
use photoday_core::door_loop::{DoorLoop, Signal, StaffStatus};
use photoday_core::log::AsideReason;
use photoday_core::scanner::{Role, Scanner};
use photoday_core::time::parse_moment;

struct Day {
    folder: EventFolder,
    passes: Vec<(u64, u8, String)>,
    dir: tempfile::TempDir,
}

impl Day {
    fn new() -> Day {
        let (dir, folder, passes) = common::event_folder(12, 3);
        Day {
            folder,
            passes,
            dir,
        }
    }

    fn at(&self, s: &str) -> i64 {
        parse_moment(s, self.folder.event().utc_offset).unwrap()
    }

    /// The k-th student of session 1 (一教104, 6月3日, 09:30–12:00 and 14:00–16:00).
    fn student(&self, k: usize) -> (u64, &str) {
        let (no, _, text) = self.passes.iter().filter(|p| p.1 == 1).nth(k).unwrap();
        (*no, text)
    }

    fn scanner(&mut self, name: &str, role: Role) -> Scanner {
        let bundle = self.folder.bundle(BundleKind::Scanner, true, 1).unwrap();
        let mut s = Scanner::open(self.dir.path().join(name)).unwrap();
        s.import_bundle(&bundle).unwrap();
        s.set_station("一教104", role, None).unwrap();
        s.set_check_code(false).unwrap();
        s
    }
}

#[test]
fn a_phone_says_what_it_needs_before_it_scans_and_ignores_frames_meanwhile() {
    let day = Day::new();
    let mut s = Scanner::open(day.dir.path().join("new.db")).unwrap();
    let mut door = DoorLoop::new();
    let t = day.at("2023-06-03 09:40");
    assert_eq!(door.screen(&mut s, t).status, StaffStatus::NeedsBundle);
    assert!(door.frame(&mut s, day.student(0).1, t).is_none());
    let bundle = {
        let mut f = EventFolder::open(day.folder.dir()).unwrap();
        f.bundle(BundleKind::Scanner, true, 1).unwrap()
    };
    s.import_bundle(&bundle).unwrap();
    assert_eq!(door.screen(&mut s, t).status, StaffStatus::NeedsStation);
    s.set_station("一教104", Role::Door, None).unwrap();
    let screen = door.screen(&mut s, t);
    assert_eq!(screen.status, StaffStatus::Ready);
    let title = screen.station.unwrap().title;
    // The top bar names the room, the role and the college the room runs now, with its windows.
    assert!(
        title.zh.starts_with("一教104 · 签到 · ")
            && title.zh.contains("学院 · 09:30–12:00、14:00–16:00"),
        "{title:?}"
    );
    assert!(
        title.en.contains("door") && title.en.contains("09:30–12:00, 14:00–16:00"),
        "{title:?}"
    );
}

#[test]
fn a_pass_held_in_front_of_the_camera_is_judged_once_and_beeps_once() {
    let mut day = Day::new();
    let mut s = day.scanner("door.db", Role::Door);
    let mut door = DoorLoop::new();
    let (no, pass) = day.student(0);
    let pass = pass.to_string();
    let t = day.at("2023-06-03 09:40");

    let first = door.frame(&mut s, &pass, t).expect("a new pass is judged");
    let card = first.card.unwrap();
    assert!(
        matches!(card.outcome.verdict, Verdict::CheckedIn { student_no, .. } if student_no == no)
    );
    assert_eq!(card.signal, Signal::Admitted);
    assert_eq!(card.until_ms, Some(t + 2_500), "green stays 2.5 s");
    // Ten frames a second while it stays in view: nothing new, no second record.
    for k in 1..24 {
        assert!(door.frame(&mut s, &pass, t + k * 100).is_none());
    }
    assert_eq!(s.records().unwrap().len(), 1);
    // The verdict times out; the pass is still in view, so it is not judged again.
    assert!(door.tick(&mut s, t + 2_400).is_none());
    let back = door.tick(&mut s, t + 3_000).expect("back to scanning");
    assert!(back.card.is_none());
    assert!(door.frame(&mut s, &pass, t + 3_100).is_none());
    // Taken away and shown again a few seconds later: shown again, silently, not "already".
    let again = door.frame(&mut s, &pass, t + 5_300).unwrap().card.unwrap();
    assert!(again.outcome.repeat);
    assert_eq!(again.signal, Signal::Silent);
    assert_eq!(again.note.unwrap().zh, "再次出示：未重复记录");
    assert_eq!(again.outcome.colour, Colour::Green);
    assert_eq!(s.records().unwrap().len(), 1);
}

#[test]
fn while_a_verdict_shows_the_next_students_pass_waits_until_it_is_read() {
    let mut day = Day::new();
    let mut s = day.scanner("door.db", Role::Door);
    let mut door = DoorLoop::new();
    let t = day.at("2023-06-03 09:40");
    let a = day.student(0).1.to_string();
    let b = day.student(1).1.to_string();
    door.frame(&mut s, &a, t).unwrap();
    // The next student holds their pass up at once and keeps it there, ten frames a second.
    for f in 5..25 {
        assert!(
            door.frame(&mut s, &b, t + f * 100).is_none(),
            "staff must read the first card"
        );
    }
    // The first card goes at 2.5 s; the very next frame of the waiting pass is judged.
    let next = door.frame(&mut s, &b, t + 2_600).unwrap().card.unwrap();
    assert_eq!(next.student_no, Some(day.student(1).0));
}

#[test]
fn an_amber_verdict_staff_may_override_stays_until_they_act_and_the_override_rejudges_that_pass() {
    let mut day = Day::new();
    let mut s = day.scanner("door.db", Role::Door);
    let mut door = DoorLoop::new();
    let (no, pass) = day.student(2);
    let pass = pass.to_string();
    // Session 1 runs 09:30–12:00 and 14:00–16:00; 16:40 is past the 15-minute tolerance.
    let late = day.at("2023-06-03 16:40");
    let card = door.frame(&mut s, &pass, late).unwrap().card.unwrap();
    assert!(
        matches!(card.outcome.verdict, Verdict::OutsideWindow { .. }),
        "{card:?}"
    );
    assert!(card.can_override);
    assert_eq!(
        card.until_ms, None,
        "an overridable verdict waits for staff"
    );
    assert_eq!(card.signal, Signal::Attention);
    assert!(
        door.tick(&mut s, late + 60_000).is_none(),
        "still there a minute later"
    );

    let over = door
        .override_shown(&mut s, "班主任说明：上午在考试", late + 70_000)
        .card
        .unwrap();
    assert!(
        matches!(over.outcome.verdict, Verdict::CheckedIn { student_no, .. } if student_no == no)
    );
    assert_eq!(over.signal, Signal::Admitted);
    // A stray second tap does not admit twice.
    let again = door.override_shown(&mut s, "again", late + 71_000);
    assert_eq!(again.card.unwrap().serial, over.serial);
    let check_ins = s
        .records()
        .unwrap()
        .into_iter()
        .filter(|r| r.kind() == "check_in")
        .count();
    assert_eq!(check_ins, 1);
}

#[test]
fn a_red_verdict_leaves_by_itself_after_a_longer_look() {
    let mut day = Day::new();
    let mut s = day.scanner("door.db", Role::Door);
    let mut door = DoorLoop::new();
    let t = day.at("2023-06-03 09:40");
    let mut forged = day.student(3).1.to_string();
    let last = forged.pop().unwrap();
    forged.push(if last == '0' { '1' } else { '0' });
    let card = door.frame(&mut s, &forged, t).unwrap().card.unwrap();
    assert_eq!(card.outcome.colour, Colour::Red);
    assert!(!card.can_override && !card.can_undo);
    assert_eq!(card.until_ms, Some(t + 6_000));
    assert_eq!(card.signal, Signal::Refused);
}

#[test]
fn staff_type_a_number_in_full_width_digits_and_the_student_is_checked_in_by_hand() {
    let mut day = Day::new();
    let mut s = day.scanner("door.db", Role::Door);
    let mut door = DoorLoop::new();
    let t = day.at("2023-06-03 09:40");
    let no = day.student(4).0;
    let full_width: String = no
        .to_string()
        .chars()
        .map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap())
        .collect();
    let card = door
        .typed(&mut s, &format!(" {full_width} "), Some("手机没电"), t)
        .card
        .unwrap();
    assert!(
        matches!(card.outcome.verdict, Verdict::CheckedIn { student_no, via, .. } if student_no == no && via == photoday_core::log::Via::Manual),
        "{card:?}"
    );
    // Not digits: judged as a scanned text (a USB scanner sends the pass as a line).
    let bad = door.typed(&mut s, "12ab", None, t + 5_000);
    assert!(
        matches!(
            bad.card.as_ref().map(|c| &c.outcome.verdict),
            Some(Verdict::NotAPass { .. })
        ),
        "{bad:?}"
    );
    let too_long = door.typed(&mut s, "123456789012345", None, t + 6_000);
    let notice = too_long
        .notice
        .expect("a 15-digit number is refused with a word");
    assert!(notice.text.zh.contains("不是学号"), "{notice:?}");
}

#[test]
fn the_studio_waits_for_the_collection_code_then_numbers_and_an_override_still_means_the_pass() {
    let mut day = Day::new();
    let mut s = day.scanner("studio.db", Role::Studio);
    s.set_check_code(true).unwrap();
    let mut door = DoorLoop::new();
    let t = day.at("2023-06-03 09:40");
    let (no, pass) = day.student(5);
    let pass = pass.to_string();
    let wait = door.frame(&mut s, &pass, t).unwrap().card.unwrap();
    assert!(wait.awaiting_code);
    assert_eq!(wait.until_ms, None);
    // The 采集码 is read while the card is up (frames still go to the core).
    let code = "https://www.chsi.com.cn/xlcx/bgys.jsp?c=ABCDEF1234";
    let numbered = door.frame(&mut s, code, t + 3_000).unwrap();
    let card = numbered.card.unwrap();
    assert!(
        matches!(card.outcome.verdict, Verdict::Numbered { student_no, .. } if student_no == no),
        "{card:?}"
    );
    assert_eq!(card.photo_no.as_deref(), Some("001"));
    // Who it is, on the card and in the step-aside list, named as the lists name them.
    let who = card.who().unwrap();
    assert!(
        who.ends_with(&format!(" · {no}")) || who == no.to_string(),
        "{who}"
    );
    assert_eq!(
        card.aside_who().unwrap(),
        format!("001  {}", who.replace(" · ", "  "))
    );
    assert_eq!(
        wait.aside_who().unwrap(),
        who.replace(" · ", "  "),
        "no number yet while the 采集码 is awaited"
    );
    assert_eq!(card.batch_label.as_ref().unwrap().zh, "第1批");
    assert!(card.can_step_aside && wait.can_step_aside);
    // The new number stays long enough for the student's app to scan its small QR.
    assert!(card.outcome.number_qr.is_some());
    assert_eq!(card.until_ms, Some(t + 3_000 + 10_000));
    assert_eq!(numbered.batch_label.unwrap().zh, "第1批 · 1/8");
    assert!(card.can_undo);
    let undone = door.undo_shown(&mut s, t + 10_000);
    assert!(undone.card.is_none());
    assert!(undone.notice.unwrap().text.zh.contains("已撤销"));
}

#[test]
fn undo_after_the_window_is_a_clear_notice_not_a_crash() {
    let mut day = Day::new();
    let mut s = day.scanner("door.db", Role::Door);
    let mut door = DoorLoop::new();
    let t = day.at("2023-06-03 09:40");
    door.frame(&mut s, day.student(6).1, t).unwrap();
    let late = door.undo_last(&mut s, t + 6 * 60_000);
    let n = late.notice.unwrap();
    assert_eq!(n.colour, Colour::Red);
    assert!(n.text.zh.contains("超过 5 分钟"), "{n:?}");
}

#[test]
fn dismissing_the_code_wait_lets_the_student_go_with_nothing_recorded() {
    let mut day = Day::new();
    let mut s = day.scanner("studio.db", Role::Studio);
    s.set_check_code(true).unwrap();
    let mut door = DoorLoop::new();
    let t = day.at("2023-06-03 09:40");
    let pass = day.student(7).1.to_string();
    door.frame(&mut s, &pass, t).unwrap();
    let back = door.dismiss(&mut s, t + 1_000);
    assert!(back.card.is_none());
    assert_eq!(s.waiting_for_code(), None);
    let skip = door.skip_code(&mut s, t + 2_000);
    assert!(skip.card.is_none(), "nothing to skip once dismissed");
    assert!(s.records().unwrap().iter().all(|r| r.kind() != "number"));
}

#[test]
fn stepping_aside_and_closing_a_batch_say_what_happened_in_both_languages() {
    let mut day = Day::new();
    let mut s = day.scanner("studio.db", Role::Studio);
    let mut door = DoorLoop::new();
    let t = day.at("2023-06-03 09:40");
    for k in 0..3 {
        let p = day.student(k).1.to_string();
        door.frame(&mut s, &p, t + k as i64 * 10_000).unwrap();
    }
    let aside = door.step_aside(
        &mut s,
        day.student(1).0,
        AsideReason::NoCollectionCode,
        None,
        t + 40_000,
    );
    let n = aside.notice.unwrap();
    assert!(n.text.zh.contains("002 号作废"), "{n:?}");
    assert_eq!(aside.batch_label.unwrap().zh, "第1批 · 2/8");
    let closed = door.close_batch(&mut s, t + 50_000);
    assert!(closed
        .notice
        .unwrap()
        .text
        .en
        .contains("2 recorded photographed"));
}

#[test]
fn a_student_whose_pass_was_replaced_is_checked_in_by_hand_only_with_a_reason_and_the_screen_says_why(
) {
    let mut day = Day::new();
    let (no, _) = day.student(8);
    day.folder.reissue(no).unwrap();
    let mut s = day.scanner("door.db", Role::Door);
    let mut door = DoorLoop::new();
    let t = day.at("2023-06-03 09:40");
    let card = door.typed(&mut s, &no.to_string(), None, t).card.unwrap();
    assert!(
        matches!(card.outcome.verdict, Verdict::PassReplaced { student_no, min_serial: 1, .. } if student_no == no),
        "{card:?}"
    );
    assert_eq!(card.outcome.colour, Colour::Amber);
    assert!(
        card.outcome.detail.zh.contains("核对学生证"),
        "{:?}",
        card.outcome.detail
    );
    assert!(card.can_override && card.until_ms.is_none());
    let over = door
        .override_shown(&mut s, "核对了学生证，旧手机丢了", t + 20_000)
        .card
        .unwrap();
    assert!(
        matches!(
            over.outcome.verdict,
            Verdict::CheckedIn {
                via: photoday_core::log::Via::Override,
                ..
            }
        ),
        "{over:?}"
    );
}

#[test]
fn after_a_restart_any_recent_admission_can_still_be_undone_from_the_history() {
    let mut day = Day::new();
    let t = day.at("2023-06-03 09:40");
    {
        let mut s = day.scanner("studio.db", Role::Studio);
        let mut door = DoorLoop::new();
        for k in 0..3 {
            let p = day.student(k).1.to_string();
            door.frame(&mut s, &p, t + k as i64 * 10_000).unwrap();
        }
    }
    // The app was killed; reopened a minute later, the second student is the wrong one.
    let mut s = Scanner::open(day.dir.path().join("studio.db")).unwrap();
    let history = s.history(t + 60_000, 10).unwrap();
    assert_eq!(history.len(), 3);
    assert!(
        history[0].text.zh.contains("摄影编号 003"),
        "{:?}",
        history[0].text
    );
    assert!(history.iter().all(|h| h.can_undo));
    let second = &history[1];
    assert_eq!(second.student_no, Some(day.student(1).0));
    let mut door = DoorLoop::new();
    let undone = door.undo_record(&mut s, second.record_seq, t + 61_000);
    assert!(undone.notice.unwrap().text.zh.contains("已撤销"));
    // The third is stepped aside: its number is void, and the history says so.
    s.step_aside(day.student(2).0, AsideReason::Glasses, None, t + 61_500)
        .unwrap();
    let history = s.history(t + 62_000, 10).unwrap();
    let third = history
        .iter()
        .find(|h| h.student_no == Some(day.student(2).0) && h.text.zh.contains("摄影编号"))
        .unwrap();
    assert!(third.cancelled && !third.can_undo, "{third:?}");
    assert!(
        third.text.zh.ends_with("（暂离，编号作废）"),
        "{:?}",
        third.text
    );
    let history: Vec<_> = history
        .into_iter()
        .filter(|h| h.text.zh.contains("摄影编号"))
        .collect();
    assert!(history[1].cancelled && !history[1].can_undo);
    assert!(
        history[1].text.zh.ends_with("（已撤销）"),
        "{:?}",
        history[1].text
    );
    // Ten minutes on, nothing can be undone any more (step aside or void instead).
    assert!(s
        .history(t + 10 * 60_000, 10)
        .unwrap()
        .iter()
        .all(|h| !h.can_undo));
}

#[test]
fn the_top_bar_follows_yijiao_209s_hand_over_from_management_to_international_at_1430() {
    let mut day = Day::new();
    let bundle = day.folder.bundle(BundleKind::Scanner, true, 1).unwrap();
    let mut s = Scanner::open(day.dir.path().join("209.db")).unwrap();
    s.import_bundle(&bundle).unwrap();
    s.set_station("一教209", Role::Door, None).unwrap();
    let mut door = DoorLoop::new();
    let at = |hhmm: &str| day.at(&format!("2023-06-04 {hhmm}"));
    let before = door.screen(&mut s, at("14:29")).station.unwrap().title;
    let after = door.screen(&mut s, at("14:30")).station.unwrap().title;
    assert!(before.zh.contains("管理学院"), "{before:?}");
    assert!(after.zh.contains("国际学院"), "{after:?}");
    assert!(after.en.contains("International"), "{after:?}");
}

#[test]
fn a_student_at_the_wrong_room_is_sent_to_the_right_one_and_a_minute_later_the_same_pass_is_already_in(
) {
    let mut day = Day::new();
    let mut s = day.scanner("door.db", Role::Door);
    let mut door = DoorLoop::new();
    let t = day.at("2023-06-03 09:40");
    // A session-2 student (another college, another room) at 一教104.
    let (_, _, other) = day.passes.iter().find(|p| p.1 == 2).unwrap().clone();
    let card = door.frame(&mut s, &other, t).unwrap().card.unwrap();
    let room = card.right_room.clone().expect("names the right room");
    assert!(card.outcome.headline.zh.contains(&room.zh), "{card:?}");
    assert!(!card.can_override, "directions are never overridden");
    assert_eq!(card.until_ms, Some(t + 6_000));

    let pass = day.student(0).1.to_string();
    door.frame(&mut s, &pass, t + 10_000).unwrap();
    let later = door.frame(&mut s, &pass, t + 70_000).unwrap().card.unwrap();
    assert!(
        matches!(later.outcome.verdict, Verdict::AlreadyCheckedIn { .. }),
        "{later:?}"
    );
    assert_eq!(later.signal, Signal::Attention);
}

#[test]
fn a_phone_whose_clock_is_months_off_shows_the_warning_on_every_verdict() {
    let mut day = Day::new();
    let mut s = day.scanner("door.db", Role::Door);
    let mut door = DoorLoop::new();
    let pass = day.student(0).1.to_string();
    let card = door
        .frame(&mut s, &pass, day.at("2023-09-03 09:40"))
        .unwrap()
        .card
        .unwrap();
    let warning = card.outcome.clock_warning.expect("the clock is called out");
    assert!(warning.zh.contains("时钟"), "{warning:?}");
}

#[test]
fn the_studio_skips_the_code_check_with_one_tap_and_the_ninth_student_starts_batch_two() {
    let mut day = Day::new();
    let mut s = day.scanner("studio.db", Role::Studio);
    s.set_check_code(true).unwrap();
    let mut door = DoorLoop::new();
    let t = day.at("2023-06-03 09:40");
    let mut last = None;
    for k in 0..9 {
        let p = day.student(k).1.to_string();
        let at = t + k as i64 * 20_000;
        assert!(
            door.frame(&mut s, &p, at)
                .unwrap()
                .card
                .unwrap()
                .awaiting_code
        );
        last = Some(door.skip_code(&mut s, at + 1_000));
    }
    let screen = last.unwrap();
    let card = screen.card.unwrap();
    assert_eq!(
        (card.photo_no.as_deref(), card.batch),
        (Some("009"), Some(2))
    );
    assert_eq!(
        screen.batch_label.unwrap().zh,
        "第1批 · 8/8",
        "the batch being called is still the first"
    );
}

#[test]
fn the_attendance_screen_gets_its_lines_from_the_core() {
    let mut day = Day::new();
    let mut s = day.scanner("studio.db", Role::Studio);
    let mut door = DoorLoop::new();
    let t = day.at("2023-06-03 09:40");
    for k in 0..3 {
        let p = day.student(k).1.to_string();
        door.frame(&mut s, &p, t + k as i64 * 20_000).unwrap();
    }
    door.step_aside(
        &mut s,
        day.student(2).0,
        AsideReason::Glasses,
        None,
        t + 70_000,
    );
    door.close_batch(&mut s, t + 80_000);
    let a = s.station_attendance(t + 90_000).unwrap();
    assert!(
        a.heading().zh.starts_with("1. ") && a.heading().zh.ends_with("一教104"),
        "{:?}",
        a.heading()
    );
    assert_eq!(
        a.summary().zh,
        format!("到场 3 · 已编号 2 · 已拍 2/{} · 暂离 1", a.expected)
    );
}

#[test]
fn a_typed_line_is_split_into_the_number_and_the_note_after_it() {
    use photoday_core::door_loop::split_typed;
    assert_eq!(
        split_typed(" 202001001001 忘带手机 "),
        ("202001001001", Some("忘带手机"))
    );
    assert_eq!(split_typed("2020 0100 1001"), ("2020 0100 1001", None));
    assert_eq!(split_typed("２０２００１"), ("２０２００１", None));
    assert_eq!(split_typed("PD1:abc def"), ("PD1:abc def", None));
}
