//! At the door and in the studio: a morning at 一教104 as staff live it, with one phone doing
//! both (check-in and 摄影编号) unless a test says otherwise. The two-step day, rooms that hand
//! over, step-asides and photographed are in `core/tests/studio.rs`.

use photoday_core::bundle::{self, BundleContent, BundleKind};
use photoday_core::door::{Colour, Timing, Verdict};
use photoday_core::event::Event;
use photoday_core::keys::EventKey;
use photoday_core::log::{self, Via};
use photoday_core::pass::{self, NotAPassHint, PassBody};
use photoday_core::qr::QrMatrix;
use photoday_core::roster::Roster;
use photoday_core::scanner::{Role, Scanner};
use photoday_core::synthetic;
use photoday_core::time::parse_moment;
use photoday_core::Error;

struct Day {
    event: Event,
    key: EventKey,
    roster: Roster,
    dir: tempfile::TempDir,
}

impl Day {
    fn new() -> Day {
        let event = Event::template("gzcc-2023").unwrap();
        let roster = synthetic::roster(&event, 40, 7);
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

    fn content(&self, made_at_ms: i64, revocations: Vec<(u64, u16)>) -> BundleContent {
        BundleContent {
            kind: BundleKind::Scanner,
            made_at_ms,
            event: self.event.clone(),
            keys: vec![self.key.public()],
            revocations,
            students: BundleContent::students_from(&self.roster, true),
            with_names: true,
            plan: None,
            trust: Default::default(),
        }
    }

    fn bundle(&self) -> Vec<u8> {
        bundle::seal(&self.content(1, vec![]), &self.key).unwrap()
    }

    fn scanner(&self, name: &str, session: u8, lane: Option<char>) -> Scanner {
        let mut s = Scanner::open(self.dir.path().join(name)).unwrap();
        s.import_bundle(&self.bundle()).unwrap();
        s.set_station(&session.to_string(), Role::Both, lane)
            .unwrap();
        s.set_check_code(false).unwrap();
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

#[test]
fn students_are_numbered_in_the_order_they_enter_and_called_in_batches_of_eight() {
    let day = Day::new();
    let mut door = day.scanner("a.db", 1, None);
    let t = day.at("2023-06-03 09:40");
    for k in 0..10 {
        let no = day.student(1, k);
        let out = door.scan(&day.pass(no), t + k as i64 * 20_000).unwrap();
        let Verdict::Numbered {
            photo_no,
            batch,
            name,
            ..
        } = &out.verdict
        else {
            panic!("{out:?}")
        };
        assert_eq!(photo_no, &format!("{:03}", k + 1));
        assert_eq!(*batch, (k as u32) / 8 + 1);
        assert_eq!(
            name.as_deref(),
            Some(day.roster.get(no).unwrap().name.as_str())
        );
        assert_eq!(out.colour, Colour::Green);
        assert!(out.headline.zh.contains(&format!("摄影编号 {:03}", k + 1)));
    }
    let t_end = t + 10 * 20_000;
    let first = door.current_batch(t_end).unwrap().unwrap();
    assert_eq!((first.number, first.members.len()), (1, 8));
    assert_eq!(door.close_batch(t_end).unwrap().photographed, 8);
    let batch = door.current_batch(t_end).unwrap().unwrap();
    assert_eq!(batch.number, 2);
    assert_eq!(
        batch
            .members
            .iter()
            .map(|m| m.photo_no.as_str())
            .collect::<Vec<_>>(),
        vec!["009", "010"]
    );
    assert_eq!(batch.members[0].student_no, day.student(1, 8));
}

#[test]
fn the_same_pass_twice_within_seconds_records_nothing_new_and_later_says_already_numbered() {
    let day = Day::new();
    let mut door = day.scanner("a.db", 1, None);
    let t = day.at("2023-06-03 09:40");
    let p = day.pass(day.student(1, 0));
    let first = door.scan(&p, t).unwrap();
    let before = door.records().unwrap().len();
    let again = door.scan(&format!("{p}\n"), t + 2_000).unwrap();
    assert!(again.repeat);
    assert_eq!(again.verdict, first.verdict);
    assert_eq!(door.records().unwrap().len(), before);
    // Held in front of the camera, decoded every second for 20 seconds: still one scan.
    for k in 3..=20 {
        let held = door.scan(&p, t + k * 1_000).unwrap();
        assert!(held.repeat, "sighting at {k} s");
        assert_eq!(held.colour, Colour::Green);
    }
    assert_eq!(door.records().unwrap().len(), before);
    let later = door.scan(&p, t + 60_000).unwrap();
    let Verdict::AlreadyNumbered {
        photo_no,
        at,
        this_device,
        ..
    } = later.verdict
    else {
        panic!("{later:?}")
    };
    assert_eq!(
        (photo_no.as_str(), at.as_str(), this_device),
        ("001", "09:40", true)
    );
    assert_eq!(later.colour, Colour::Amber);
}

#[test]
fn a_student_at_the_wrong_room_is_told_the_right_one() {
    let day = Day::new();
    let mut door = day.scanner("a.db", 1, None);
    let out = door
        .scan(&day.pass(day.student(2, 0)), day.at("2023-06-03 09:40"))
        .unwrap();
    let Verdict::WrongSession {
        college,
        room,
        date,
        windows,
        ..
    } = &out.verdict
    else {
        panic!("{out:?}")
    };
    assert_eq!(college.zh, "会计学院");
    assert_eq!(room.zh, "一教108");
    assert_eq!(date, "2023-06-03");
    assert_eq!(windows, &["09:30–12:00", "14:00–16:00"]);
    assert!(out.headline.zh.contains("一教108"));
}

#[test]
fn too_early_too_late_and_wrong_day_are_refused_but_staff_may_override_with_a_reason() {
    let day = Day::new();
    let mut door = day.scanner("a.db", 1, None);
    let p = day.pass(day.student(1, 0));
    let early = door.scan(&p, day.at("2023-06-03 08:00")).unwrap();
    assert!(matches!(
        early.verdict,
        Verdict::OutsideWindow {
            timing: Timing::TooEarly,
            minutes: 90,
            ..
        }
    ));
    assert!(early.overridable);
    // 09:05 is within the 30-minute early tolerance: they queue 20 minutes early.
    let p2 = day.pass(day.student(1, 1));
    assert!(matches!(
        door.scan(&p2, day.at("2023-06-03 09:05")).unwrap().verdict,
        Verdict::Numbered { .. }
    ));
    // Lunch: 12:30 is too early for the 14:00 window.
    let p3 = day.pass(day.student(1, 2));
    assert!(matches!(
        door.scan(&p3, day.at("2023-06-03 12:40")).unwrap().verdict,
        Verdict::OutsideWindow {
            timing: Timing::TooEarly,
            ..
        }
    ));
    let late = door.scan(&p3, day.at("2023-06-03 16:30")).unwrap();
    assert!(matches!(
        late.verdict,
        Verdict::OutsideWindow {
            timing: Timing::TooLate,
            minutes: 30,
            ..
        }
    ));
    let wrong_day = door.scan(&p3, day.at("2023-06-04 10:00")).unwrap();
    assert!(matches!(
        wrong_day.verdict,
        Verdict::OutsideWindow {
            timing: Timing::WrongDay,
            ..
        }
    ));
    assert!(matches!(
        door.override_pass(&p, "  ", day.at("2023-06-03 08:01")),
        Err(Error::Invalid(_))
    ));
    let over = door
        .override_pass(&p, "辅导员确认", day.at("2023-06-03 08:01"))
        .unwrap();
    let Verdict::Numbered { via, .. } = over.verdict else {
        panic!("{over:?}")
    };
    assert_eq!(via, Via::Override);
}

#[test]
fn forged_revoked_foreign_and_non_passes_are_refused_in_red_or_explained() {
    let day = Day::new();
    let no = day.student(1, 3);
    // A bundle that revokes serial 0 of this student.
    let mut door = Scanner::open(day.dir.path().join("r.db")).unwrap();
    door.import_bundle(&bundle::seal(&day.content(2, vec![(no, 1)]), &day.key).unwrap())
        .unwrap();
    door.set_station("一教104", Role::Both, None).unwrap();
    door.set_check_code(false).unwrap();
    let t = day.at("2023-06-03 10:00");
    let out = door.scan(&day.pass(no), t).unwrap();
    assert!(matches!(
        out.verdict,
        Verdict::Revoked {
            serial: 0,
            min_serial: 1,
            ..
        }
    ));
    assert_eq!(out.colour, Colour::Red);

    let mut forged = day.pass(day.student(1, 4)).into_bytes();
    forged[20] = if forged[20] == b'A' { b'B' } else { b'A' };
    let out = door
        .scan(std::str::from_utf8(&forged).unwrap(), t + 10_000)
        .unwrap();
    assert!(
        matches!(
            out.verdict,
            Verdict::BadSignature { .. } | Verdict::NotAPass { .. }
        ),
        "{out:?}"
    );
    assert_ne!(out.colour, Colour::Green);

    let other = EventKey::generate();
    let foreign = pass::issue(
        &other,
        "other-2024",
        &PassBody {
            session_index: 1,
            student_no: 1,
            serial: 0,
        },
    )
    .unwrap();
    let out = door.scan(&foreign, t + 20_000).unwrap();
    assert!(matches!(out.verdict, Verdict::UnknownKey { .. }));
    assert_eq!(out.colour, Colour::Red);

    let out = door
        .scan(
            "https://www.chsi.com.cn/xlcx/cjm?code=8a7f6e5d4c3b2a190817",
            t + 30_000,
        )
        .unwrap();
    assert!(matches!(
        out.verdict,
        Verdict::NotAPass {
            hint: NotAPassHint::LooksLikeCollectionCode | NotAPassHint::LooksLikeUrl
        }
    ));
    assert!(out.detail.zh.contains("码"));
    // Refusals are records, so the day's report can count forged passes.
    assert!(door.records().unwrap().len() >= 4);
}

#[test]
fn a_genuine_pass_missing_from_the_roster_can_be_admitted_by_override() {
    let day = Day::new();
    let mut door = day.scanner("a.db", 1, None);
    let stranger = pass::issue(
        &day.key,
        &day.event.id,
        &PassBody {
            session_index: 1,
            student_no: 20209999999,
            serial: 0,
        },
    )
    .unwrap();
    let t = day.at("2023-06-03 10:00");
    let out = door.scan(&stranger, t).unwrap();
    assert_eq!(
        out.verdict,
        Verdict::NotOnRoster {
            student_no: 20209999999
        }
    );
    assert!(out.overridable);
    let out = door
        .override_pass(&stranger, "名单漏报，学院确认", t + 30_000)
        .unwrap();
    assert!(matches!(
        out.verdict,
        Verdict::Numbered {
            via: Via::Override,
            ..
        }
    ));
    let a = door.station_attendance(t).unwrap();
    assert_eq!(a.not_on_roster, 1);
}

#[test]
fn a_student_without_a_phone_is_checked_in_by_number() {
    let day = Day::new();
    let mut door = day.scanner("a.db", 1, None);
    let no = day.student(1, 5);
    let out = door
        .check_in_by_number(no, Some("手机没电"), None, day.at("2023-06-03 10:00"))
        .unwrap();
    let Verdict::Numbered { via, photo_no, .. } = &out.verdict else {
        panic!("{out:?}")
    };
    assert_eq!((*via, photo_no.as_str()), (Via::Manual, "001"));
    assert!(out.detail.zh.contains("人工登记"));
    // A student of another college typed in is sent to their room.
    let other = day.student(3, 0);
    let out = door
        .check_in_by_number(other, None, None, day.at("2023-06-03 10:01"))
        .unwrap();
    assert!(matches!(out.verdict, Verdict::WrongSession { .. }));
}

#[test]
fn undo_within_five_minutes_frees_the_student_but_never_reuses_the_number() {
    let day = Day::new();
    let mut door = day.scanner("a.db", 1, None);
    let t = day.at("2023-06-03 10:00");
    let no = day.student(1, 0);
    let first = door.scan(&day.pass(no), t).unwrap();
    let undone = door.undo(first.record_seq.unwrap(), t + 60_000).unwrap();
    assert_eq!(
        (undone.photo_no.as_deref(), undone.student_no),
        (Some("001"), no)
    );
    let again = door.scan(&day.pass(no), t + 120_000).unwrap();
    let Verdict::Numbered { photo_no, .. } = &again.verdict else {
        panic!("{again:?}")
    };
    assert_eq!(photo_no, "002");
    let err = door
        .undo(again.record_seq.unwrap(), t + 120_000 + 6 * 60_000)
        .unwrap_err();
    assert!(err.to_string().contains("5 minutes"), "{err}");
    let err = door
        .undo(first.record_seq.unwrap(), t + 130_000)
        .unwrap_err();
    assert!(err.to_string().contains("already undone"), "{err}");
    // The undo is a record: nothing was edited in place.
    let recs = door.records().unwrap();
    assert!(recs
        .iter()
        .any(|r| matches!(r.action, log::Action::Undo { .. })));
    assert_eq!(door.station_attendance(t).unwrap().numbered, 1);
}

#[test]
fn two_phones_in_one_room_number_with_their_own_letters() {
    let day = Day::new();
    let mut a = day.scanner("a.db", 1, Some('A'));
    let mut b = day.scanner("b.db", 1, Some('b'));
    let t = day.at("2023-06-03 10:00");
    let pa = a.scan(&day.pass(day.student(1, 0)), t).unwrap();
    let pb = b.scan(&day.pass(day.student(1, 1)), t).unwrap();
    assert_eq!(pa.verdict.photo_no(), Some("A001"));
    assert_eq!(pb.verdict.photo_no(), Some("B001"));
}

#[test]
fn an_admission_shown_green_is_on_disk_when_the_app_is_reopened() {
    let day = Day::new();
    let t = day.at("2023-06-03 10:00");
    let no = day.student(1, 0);
    {
        let mut door = day.scanner("a.db", 1, None);
        assert!(matches!(
            door.scan(&day.pass(no), t).unwrap().verdict,
            Verdict::Numbered { .. }
        ));
    }
    let mut door = Scanner::open(day.dir.path().join("a.db")).unwrap();
    assert_eq!(door.station().unwrap().room, "一教104");
    let out = door.scan(&day.pass(no), t + 60_000).unwrap();
    assert!(matches!(out.verdict, Verdict::AlreadyNumbered { .. }));
    let next = door.scan(&day.pass(day.student(1, 1)), t + 90_000).unwrap();
    assert_eq!(next.verdict.photo_no(), Some("002"));
}

#[test]
fn a_clock_days_off_is_reported_with_the_verdict() {
    let day = Day::new();
    let mut door = day.scanner("a.db", 1, None);
    let out = door
        .scan(&day.pass(day.student(1, 0)), day.at("2023-06-09 10:00"))
        .unwrap();
    let warning = out.clock_warning.expect("clock warning");
    assert!(warning.zh.contains("2023-06-09"), "{}", warning.zh);
    let ok = door
        .scan(&day.pass(day.student(1, 1)), day.at("2023-06-03 10:00"))
        .unwrap();
    assert!(ok.clock_warning.is_none());
    // Only a day off: the phone thinks it is 2 June. Still warned, with the verdict.
    let day_off = door
        .scan(&day.pass(day.student(1, 2)), day.at("2023-06-02 10:00"))
        .unwrap();
    assert!(matches!(
        day_off.verdict,
        Verdict::OutsideWindow {
            timing: Timing::WrongDay,
            ..
        }
    ));
    let warning = day_off
        .clock_warning
        .expect("a clock a day off is reported");
    assert!(warning.en.contains("1 day(s) away"), "{}", warning.en);
}

#[test]
fn a_tampered_truncated_or_foreign_bundle_is_refused_whole() {
    let day = Day::new();
    let good = day.bundle();
    let mut door = Scanner::open(day.dir.path().join("a.db")).unwrap();
    let mut tampered = good.clone();
    let mid = tampered.len() / 2;
    tampered[mid] ^= 0x40;
    assert!(matches!(
        door.import_bundle(&tampered),
        Err(Error::BadBundle(_))
    ));
    let err = door.import_bundle(&good[..good.len() - 10]).unwrap_err();
    assert!(err.to_string().contains("cut short"), "{err}");
    // A bundle that adds an attacker's key and re-signs with it is refused once the real one is in.
    door.import_bundle(&good).unwrap();
    let evil = EventKey::generate();
    let mut c = day.content(5, vec![]);
    c.keys.push(evil.public());
    let err = door
        .import_bundle(&bundle::seal(&c, &evil).unwrap())
        .unwrap_err();
    assert!(err.to_string().contains("does not trust"), "{err}");
    // Another event's bundle.
    let mut other = day.content(6, vec![]);
    other.event.id = "other-2024".into();
    let err = door
        .import_bundle(&bundle::seal(&other, &day.key).unwrap())
        .unwrap_err();
    assert!(err.to_string().contains("other-2024"), "{err}");
    // A student bundle is not a scanner bundle.
    let mut st = day.content(7, vec![]);
    st.kind = BundleKind::Student;
    assert!(door
        .import_bundle(&bundle::seal(&st, &day.key).unwrap())
        .is_err());
}

#[test]
fn a_newer_bundle_replaces_the_old_one_and_keeps_the_records() {
    let day = Day::new();
    let mut door = day.scanner("a.db", 1, None);
    let t = day.at("2023-06-03 10:00");
    door.scan(&day.pass(day.student(1, 0)), t).unwrap();
    let newer = bundle::seal(&day.content(10, vec![(day.student(1, 9), 1)]), &day.key).unwrap();
    let sum = door.import_bundle(&newer).unwrap();
    assert!(sum.replaced);
    assert_eq!(door.station_attendance(t).unwrap().numbered, 1);
    assert!(matches!(
        door.scan(&day.pass(day.student(1, 9)), t + 10_000)
            .unwrap()
            .verdict,
        Verdict::Revoked { .. }
    ));
    let older = day.bundle();
    assert!(door
        .import_bundle(&older)
        .unwrap_err()
        .to_string()
        .contains("older"));
}

#[test]
fn logs_merge_by_file_and_by_qr_in_any_order_and_twice_changes_nothing() {
    let day = Day::new();
    let mut a = day.scanner("a.db", 1, Some('A'));
    let mut b = day.scanner("b.db", 1, Some('B'));
    let t = day.at("2023-06-03 10:00");
    for k in 0..30 {
        a.scan(&day.pass(day.student(1, k)), t + k as i64 * 10_000)
            .unwrap();
        b.scan(
            &day.pass(day.student(1, 30 + k % 10)),
            t + k as i64 * 10_000,
        )
        .unwrap();
    }
    let file = a.export_log(t).unwrap();
    let first = b.import_log(&file).unwrap();
    assert!(first.added > 0);
    let second = b.import_log(&file).unwrap();
    assert_eq!(second.added, 0);

    let mut texts = b.export_log_qr(t).unwrap();
    assert!(texts.len() > 1);
    for text in &texts {
        assert!(
            QrMatrix::encode(text).unwrap().version <= 10,
            "{} chars",
            text.len()
        );
    }
    texts.reverse();
    let mid = texts.len() / 2;
    texts.swap(0, mid);
    let mut done = None;
    for text in &texts {
        let (_, summary) = a.receive_log_qr(text).unwrap();
        if summary.is_some() {
            done = summary;
        }
    }
    assert!(done.is_some());
    let (ra, rb) = (a.records().unwrap(), b.records().unwrap());
    assert_eq!(ra, rb);
    assert_eq!(a.attendance().unwrap(), b.attendance().unwrap());
}

#[test]
fn a_truncated_or_corrupted_log_is_refused_whole() {
    let day = Day::new();
    let mut a = day.scanner("a.db", 1, None);
    let mut b = day.scanner("b.db", 1, None);
    a.scan(&day.pass(day.student(1, 0)), day.at("2023-06-03 10:00"))
        .unwrap();
    let file = a.export_log(0).unwrap();
    let before = b.records().unwrap();
    assert!(b
        .import_log(&file[..file.len() - 1])
        .unwrap_err()
        .to_string()
        .contains("cut short"));
    let mut bad = file.clone();
    bad[12] ^= 1;
    assert!(b
        .import_log(&bad)
        .unwrap_err()
        .to_string()
        .contains("checksum"));
    assert_eq!(b.records().unwrap(), before);
    let texts = a.export_log_qr(0).unwrap();
    let mut damaged = texts[0].clone();
    damaged.pop();
    assert!(b.receive_log_qr(&damaged).is_err());
}

#[test]
fn two_numbers_for_one_student_on_two_phones_are_both_kept_and_the_later_is_named_to_void() {
    let day = Day::new();
    let mut a = day.scanner("a.db", 1, Some('A'));
    let mut b = day.scanner("b.db", 1, Some('B'));
    let t = day.at("2023-06-03 10:00");
    let no = day.student(1, 0);
    a.scan(&day.pass(no), t).unwrap();
    b.scan(&day.pass(no), t + 60_000).unwrap();
    b.import_log(&a.export_log(t).unwrap()).unwrap();
    let att = b.attendance().unwrap();
    assert_eq!(att.duplicates.len(), 1);
    let d = &att.duplicates[0];
    assert_eq!(
        (d.keep.photo_no.as_str(), d.void[0].photo_no.as_str()),
        ("A001", "B001")
    );
    assert_eq!(att.sessions[0].numbered, 1);
}

#[test]
fn a_scanner_purges_only_after_its_log_was_exported() {
    let day = Day::new();
    let mut a = day.scanner("a.db", 1, None);
    a.scan(&day.pass(day.student(1, 0)), day.at("2023-06-03 10:00"))
        .unwrap();
    assert!(matches!(a.purge(), Err(Error::NotReady(_))));
    // Exported but never confirmed saved (the share sheet was cancelled): still refused.
    a.export_log(0).unwrap();
    assert!(matches!(a.purge(), Err(Error::NotReady(_))));
    assert!(a.confirm_log_exported().unwrap() >= 1);
    a.purge().unwrap();
    assert!(a.records().unwrap().is_empty());
    assert!(a.event().is_none());
    // Numbers keep going up after a purge, so old and new records never collide in a merge.
    a.import_bundle(&day.bundle()).unwrap();
    a.set_station("一教104", Role::Both, None).unwrap();
    a.set_check_code(false).unwrap();
    let out = a
        .scan(&day.pass(day.student(1, 1)), day.at("2023-06-03 10:05"))
        .unwrap();
    assert!(out.record_seq.unwrap() > 1);
}
