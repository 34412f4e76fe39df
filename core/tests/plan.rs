//! The arrival plan for the seed day: 10 colleges, 4,000 students, 80 classes.

use chrono::NaiveTime;
use photoday_core::bundle::{self, BundleContent, BundleKind};
use photoday_core::door::Verdict;
use photoday_core::event::Event;
use photoday_core::keys::EventKey;
use photoday_core::pass::{self, PassBody};
use photoday_core::plan::{plan, PlanSettings};
use photoday_core::scanner::{Role, Scanner};
use photoday_core::student::StudentPhone;
use photoday_core::synthetic;
use photoday_core::time::parse_moment;

const DEFAULT: PlanSettings = PlanSettings {
    per_hour: None,
    cameras: None,
};

#[test]
fn every_class_of_the_seed_day_gets_a_time_inside_a_window_with_no_overlap_in_any_room() {
    let e = Event::template("gzcc-2023").unwrap();
    let roster = synthetic::roster(&e, 400, 1);
    assert_eq!(roster.len(), 4000);
    let p = plan(&e, &roster, DEFAULT);
    let classes: std::collections::HashSet<(u8, &str)> = p
        .sessions
        .iter()
        .flat_map(|s| s.entries.iter().map(move |x| (s.session, x.class.as_str())))
        .collect();
    assert_eq!(classes.len(), 80);
    assert_eq!(
        p,
        plan(&e, &roster, DEFAULT),
        "the same inputs give the same plan"
    );

    let mut by_room: std::collections::HashMap<
        (String, chrono::NaiveDate),
        Vec<(chrono::NaiveDateTime, chrono::NaiveDateTime)>,
    > = Default::default();
    for sp in p.sessions.iter().filter(|s| s.fits) {
        let s = e.session(sp.session).unwrap();
        let covered: u32 = sp.entries.iter().map(|x| x.students).sum();
        assert_eq!(covered, sp.students);
        for x in &sp.entries {
            assert!(x.fits);
            let inside = s
                .windows
                .iter()
                .any(|w| x.start >= s.date.and_time(w.start) && x.end <= s.date.and_time(w.end));
            assert!(
                inside,
                "{} {} {}–{} is outside {}",
                s.college.zh,
                x.label(),
                x.start,
                x.end,
                s.windows_label()
            );
            let lunch = (
                NaiveTime::from_hms_opt(12, 0, 0).unwrap(),
                NaiveTime::from_hms_opt(14, 0, 0).unwrap(),
            );
            assert!(
                !(x.start.time() >= lunch.0 && x.start.time() < lunch.1),
                "{} starts in the lunch gap",
                x.label()
            );
            by_room
                .entry((s.room.zh.clone(), s.date))
                .or_default()
                .push((x.start, x.end));
        }
    }
    for (room, mut slots) in by_room {
        slots.sort();
        for w in slots.windows(2) {
            assert!(w[0].1 <= w[1].0, "{room:?}: {:?} overlaps {:?}", w[0], w[1]);
        }
    }
}

#[test]
fn a_class_is_split_only_when_it_does_not_fit_before_the_break() {
    let e = Event::template("gzcc-2023").unwrap();
    let roster = synthetic::roster(&e, 400, 1);
    let p = plan(&e, &roster, DEFAULT);
    let s1 = &p.sessions[0];
    // 09:30–12:00 holds 375 at 150 an hour; 8 classes of 50 → the 8th class straddles lunch.
    let split: Vec<_> = s1.entries.iter().filter(|x| x.parts > 1).collect();
    assert_eq!(split.len(), 2);
    assert_eq!(split[0].students + split[1].students, 50);
    assert_eq!(
        split[1].start.time(),
        NaiveTime::from_hms_opt(14, 0, 0).unwrap()
    );
    assert_eq!(
        s1.entries[0].start.time(),
        NaiveTime::from_hms_opt(9, 30, 0).unwrap()
    );
    assert_eq!(
        s1.entries[1].start.time(),
        NaiveTime::from_hms_opt(9, 50, 0).unwrap()
    );
}

#[test]
fn an_over_full_session_is_reported_with_its_numbers_and_what_would_make_it_fit() {
    let e = Event::template("gzcc-2023").unwrap();
    let roster = synthetic::roster(&e, 400, 1);
    let p = plan(&e, &roster, DEFAULT);
    let over: Vec<_> = p.overfull().collect();
    let names: Vec<&str> = over
        .iter()
        .map(|s| e.session(s.session).unwrap().college.zh.as_str())
        .collect();
    // 数字经济产业学院 has 15:00–16:30 (225 places), 国际学院 14:30–16:30 (300 places).
    assert_eq!(names, vec!["数字经济产业学院", "国际学院"]);
    let s = over[0];
    assert_eq!(
        (s.students, s.needed_minutes, s.available_minutes),
        (400, 160, 90)
    );
    let text = s.overflow.as_ref().unwrap();
    assert!(
        text.zh.contains("400名学生") && text.zh.contains("2.7小时") && text.zh.contains("1.5小时"),
        "{}",
        text.zh
    );
    assert!(
        text.zh.contains("2台相机")
            && text.zh.contains("每小时267人")
            && text.zh.contains("70分钟"),
        "{}",
        text.zh
    );
    // A second camera makes it fit.
    let two = plan(
        &e,
        &roster,
        PlanSettings {
            per_hour: None,
            cameras: Some(2),
        },
    );
    assert!(two.sessions[7].fits);
}

#[test]
fn a_students_arrive_by_follows_their_class_and_the_door_says_how_early_they_are() {
    let e = Event::template("gzcc-2023").unwrap();
    let roster = synthetic::roster(&e, 400, 1);
    let p = plan(&e, &roster, DEFAULT);
    let key = EventKey::generate();
    let entry = &p.sessions[0].entries[3];
    let no = entry.ranges[0].0;
    let dir = tempfile::tempdir().unwrap();
    let content = |kind| BundleContent {
        kind,
        made_at_ms: 1,
        event: e.clone(),
        keys: vec![key.public()],
        revocations: vec![],
        students: if kind == BundleKind::Scanner {
            BundleContent::students_from(&roster, true)
        } else {
            vec![]
        },
        with_names: kind == BundleKind::Scanner,
        plan: Some(p.clone()),
        trust: Default::default(),
    };
    let text = pass::issue(
        &key,
        &e.id,
        &PassBody {
            session_index: 1,
            student_no: no,
            serial: 0,
        },
    )
    .unwrap();

    let mut phone = StudentPhone::open(dir.path().join("s.db")).unwrap();
    phone
        .import_bundle(&bundle::seal(&content(BundleKind::Student), &key).unwrap())
        .unwrap();
    phone.import_pass(&text).unwrap();
    let now = parse_moment("2023-06-01 12:00", e.utc_offset).unwrap();
    let home = phone.home(now).unwrap();
    let slot = home.slot.unwrap();
    assert_eq!(slot.time, entry.start);
    assert_eq!(slot.arrive_by, entry.start - chrono::Duration::minutes(20));
    assert_eq!(home.class.as_deref(), Some(entry.class.as_str()));
    let tl = phone.timeline(now).unwrap();
    assert_eq!(
        tl.iter().find(|i| i.id == "arrive").unwrap().at,
        slot.arrive_by
    );

    let mut door = Scanner::open(dir.path().join("d.db")).unwrap();
    door.import_bundle(&bundle::seal(&content(BundleKind::Scanner), &key).unwrap())
        .unwrap();
    door.set_station("1", Role::Door, None).unwrap();
    let at = parse_moment("2023-06-03 09:30", e.utc_offset).unwrap();
    let out = door.scan(&text, at).unwrap();
    let Verdict::CheckedIn { early_minutes, .. } = out.verdict else {
        panic!("{out:?}")
    };
    assert_eq!(
        early_minutes,
        Some((entry.start - parse_moment_local("2023-06-03 09:30")).num_minutes() as u32)
    );
    // Checked in at the door is not photographed: the class still counts 0 of 50 shot.
    let att = door.station_attendance(at).unwrap();
    assert_eq!(att.arrived, 1);
    let class = att.classes.iter().find(|c| c.class == entry.class).unwrap();
    assert_eq!((class.photographed, class.expected), (0, 50));
}

fn parse_moment_local(s: &str) -> chrono::NaiveDateTime {
    photoday_core::time::parse_local_minute(s).unwrap()
}
