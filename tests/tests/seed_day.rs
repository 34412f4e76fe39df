//! The whole seed day as the notice runs it: the 10 sessions of 广商教文〔2023〕27号 in four rooms
//! on 6月3日 and 6月4日, 4,000 students, and at every room two door phones that check students
//! into the queue and one studio phone that numbers them as they enter, batch by batch, after
//! their 采集码. Rooms hand over between colleges (一教209 at 14:30, 一教206 at 15:00, every room
//! between the days) with the same three phones all day. Along the way: 5 % are stepped aside at
//! the studio and come back, 3 % check in and leave before the studio, 1 % skip the door, some never
//! come; old passes, visitors from other rooms and a student missing from the roster turn up.
//! The twelve phones' logs are then merged by file and by QR code in several random orders; every
//! order must give the same attendance, and it must match what really happened: one dense 摄影编号
//! sequence per room and session (voided numbers shown, never reused) and a 补拍 list that is
//! exactly the roster minus the photographed.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use photoday_core::attendance::Attendance;
use photoday_core::door::Verdict;
use photoday_core::log::AsideReason;
use photoday_core::pass::{self, PassBody};
use photoday_core::room;
use photoday_core::scanner::{NumberStatus, Role, Scanner};
use photoday_core::store::Store;
use photoday_tests::Prepared;
use rand::rngs::StdRng;
use rand::seq::{IndexedRandom, SliceRandom};
use rand::{Rng, SeedableRng};

/// What the studio phone's camera reads off a student's 学信网 app.
const CODE: &str = "https://m.chsi.com.cn/xlcj/code?c=8F3A2C9E71B04D5A";

/// What really happened, kept by the test as the day goes.
#[derive(Default)]
struct Truth {
    photographed: BTreeSet<u64>,
    arrived_not_photographed: BTreeSet<u64>,
    never_came: BTreeSet<u64>,
    door_skipped: BTreeSet<u64>,
    /// Numbers voided by a step-aside after numbering, per session.
    voided: BTreeMap<u8, u32>,
    /// Students whose number was voided.
    voided_students: BTreeSet<u64>,
    /// Step-asides of any kind (some before a number was given), per session.
    stepped_aside: BTreeMap<u8, u32>,
    strangers: BTreeMap<u8, u32>,
    verdicts: BTreeMap<&'static str, u32>,
}

impl Truth {
    fn saw(&mut self, v: &Verdict, want: &'static str) {
        assert_eq!(v.name(), want, "{v:?}");
        *self.verdicts.entry(want).or_default() += 1;
    }
}

/// A session's clock: 6 seconds a studio step, jumping over the lunch break.
struct Clock {
    windows: Vec<(i64, i64)>,
    i: usize,
    t: i64,
}

impl Clock {
    fn tick(&mut self) -> i64 {
        self.t += 6_000;
        while self.i + 1 < self.windows.len() && self.t >= self.windows[self.i].1 {
            self.i += 1;
            self.t = self.t.max(self.windows[self.i].0);
        }
        assert!(
            self.t < self.windows[self.windows.len() - 1].1,
            "the simulated session ran past its last window"
        );
        self.t
    }
}

/// Who walks into the studio next: a student for the first time, or back after stepping aside.
enum Entry {
    First(u64),
    Back(u64),
}

struct Room {
    doors: [Scanner; 2],
    studio: Scanner,
}

fn phone(bundle: &[u8], room: &str, role: Role) -> Scanner {
    let mut s = Scanner::with_store(Store::in_memory().unwrap()).unwrap();
    s.import_bundle(bundle).unwrap();
    s.set_station(room, role, None).unwrap();
    s
}

#[test]
fn the_whole_seed_day_as_the_notice_runs_it_merges_to_the_same_attendance_in_every_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut prep = Prepared::new(&dir.path().join("event"), 400);
    assert_eq!(prep.roster.len(), 4000);
    let mut rng = StdRng::seed_from_u64(20230603);

    // Lost phones before the day: 20 passes re-issued; the old ones are revoked by the bundle.
    let mut old_passes = BTreeMap::new();
    let all: Vec<u64> = prep.roster.students().map(|s| s.student_no).collect();
    for no in all.choose_multiple(&mut rng, 20) {
        let new = prep.folder.reissue(*no).unwrap();
        old_passes.insert(*no, prep.passes.insert(*no, new.text).unwrap());
    }
    let bundle = prep
        .folder
        .bundle(photoday_core::bundle::BundleKind::Scanner, true, 2)
        .unwrap();
    let key = prep.folder.key().unwrap();
    let event = prep.event().clone();
    let batch_size = event.batch_size;

    // Three phones per room, set up once: the session follows the clock all day.
    let rooms: Vec<String> = room::rooms(&event);
    let mut phones: BTreeMap<String, Room> = rooms
        .iter()
        .map(|r| {
            (
                r.clone(),
                Room {
                    doors: [phone(&bundle, r, Role::Door), phone(&bundle, r, Role::Door)],
                    studio: phone(&bundle, r, Role::Studio),
                },
            )
        })
        .collect();
    let mut truth = Truth::default();

    for day in ["2023-06-03", "2023-06-04"] {
        for room_name in &rooms {
            let mut sessions: Vec<u8> = room::sessions_in(&event, room_name)
                .into_iter()
                .filter(|n| event.session(*n).unwrap().date.to_string() == day)
                .collect();
            sessions.sort_by_key(|n| event.session(*n).unwrap().start());
            let r = phones.get_mut(room_name).unwrap();
            for session in sessions {
                run_session(
                    &prep,
                    session,
                    r,
                    &mut rng,
                    &mut truth,
                    &old_passes,
                    batch_size,
                );
                // A visitor from another room, and a genuine pass missing from the roster.
                let s = event.session(session).unwrap();
                let t = prep.at(&format!("{day} {}", s.windows[0].start.format("%H:%M"))) + 60_000;
                let visitor = prep
                    .roster
                    .students()
                    .find(|x| !room::holds(&event, room_name, x.session))
                    .unwrap();
                let out = r.doors[0]
                    .scan(&prep.passes[&visitor.student_no], t)
                    .unwrap();
                truth.saw(&out.verdict, "wrong_session");
                let stranger = 2099_0000_0000 + session as u64;
                let text = pass::issue(
                    &key,
                    &event.id,
                    &PassBody {
                        session_index: session,
                        student_no: stranger,
                        serial: 0,
                    },
                )
                .unwrap();
                let out = r.studio.scan(&text, t + 5_000).unwrap();
                truth.saw(&out.verdict, "not_on_roster");
                let out = r
                    .studio
                    .override_pass(&text, "学院补报", t + 10_000)
                    .unwrap();
                truth.saw(&out.verdict, "show_collection_code");
                let out = r.studio.scan(CODE, t + 12_000).unwrap();
                truth.saw(&out.verdict, "numbered");
                *truth.strangers.entry(session).or_default() += 1;
                // The stranger is in the last batch of the session; close what is open.
                while r.studio.close_batch(t + 20_000).is_ok() {}
            }
        }
    }
    assert!(truth.verdicts["revoked"] > 0 && !truth.door_skipped.is_empty());

    // Every phone's log, as a file and as QR texts.
    let logs: Vec<(Vec<u8>, Vec<String>)> = phones
        .values_mut()
        .flat_map(|r| {
            let [a, b] = &mut r.doors;
            [a, b, &mut r.studio]
        })
        .map(|p| {
            let file = p.export_log(0).unwrap();
            let qr = photoday_core::log::to_qr_texts(&file);
            (file, qr)
        })
        .collect();
    assert_eq!(logs.len(), 12);

    let mut results: Vec<Attendance> = Vec::new();
    let mut merged: Option<Scanner> = None;
    for round in 0..3 {
        let mut order: Vec<usize> = (0..logs.len()).collect();
        order.shuffle(&mut rng);
        let mut target = Scanner::with_store(Store::in_memory().unwrap()).unwrap();
        target.import_bundle(&bundle).unwrap();
        for (n, &i) in order.iter().enumerate() {
            if (n + round) % 3 == 0 {
                let mut texts = logs[i].1.clone();
                texts.shuffle(&mut rng);
                let mut done = false;
                for t in &texts {
                    done |= target.receive_log_qr(t).unwrap().1.is_some();
                }
                assert!(done);
            } else {
                target.import_log(&logs[i].0).unwrap();
            }
            // Importing the same log again changes nothing.
            assert_eq!(target.import_log(&logs[i].0).unwrap().added, 0);
        }
        results.push(target.attendance().unwrap());
        merged = Some(target);
    }
    for r in &results[1..] {
        assert!(r == &results[0], "merge order changed the outcome");
    }
    // And the 教务处's laptop (whose roster also knows cohorts and fees) agrees.
    for (file, _) in logs.iter().rev() {
        prep.folder.import_log(file).unwrap();
    }
    let admin = prep.folder.attendance().unwrap();
    assert!(
        fingerprint(&admin) == fingerprint(&results[0]),
        "the admin's merge differs"
    );

    let a = &results[0];
    assert!(a.clashes.is_empty(), "{:?}", a.clashes);
    assert!(a.duplicates.is_empty(), "{:?}", a.duplicates);
    let mut photographed = BTreeSet::new();
    for s in &a.sessions {
        assert_eq!(
            s.expected as usize,
            prep.roster.in_session(s.session).count()
        );
        assert_eq!(s.not_on_roster, truth.strangers[&s.session]);
        assert_eq!(
            s.stepped_aside, truth.voided[&s.session],
            "session {}",
            s.session
        );
        let roster: BTreeSet<u64> = prep
            .roster
            .in_session(s.session)
            .map(|x| x.student_no)
            .collect();
        let absent: BTreeSet<u64> = s.absentees.iter().map(|x| x.student_no).collect();
        // 补拍 = roster − photographed, exactly.
        let shot: BTreeSet<u64> = roster.difference(&absent).copied().collect();
        let want: BTreeSet<u64> = roster.intersection(&truth.photographed).copied().collect();
        assert_eq!(shot, want, "session {}", s.session);
        assert_eq!(s.photographed as usize, shot.len());
        let chase: BTreeSet<u64> = s
            .arrived_not_photographed
            .iter()
            .map(|x| x.student_no)
            .collect();
        let want_chase: BTreeSet<u64> = roster
            .intersection(&truth.arrived_not_photographed)
            .copied()
            .collect();
        assert_eq!(chase, want_chase, "session {}", s.session);
        let class_total: u32 = s.classes.iter().map(|c| c.photographed).sum();
        assert_eq!(class_total, s.photographed);
        photographed.extend(shot);
    }
    let never: BTreeSet<u64> = all
        .iter()
        .copied()
        .filter(|n| !photographed.contains(n))
        .collect();
    let want_never: BTreeSet<u64> = truth
        .never_came
        .union(&truth.arrived_not_photographed)
        .copied()
        .collect();
    assert_eq!(never, want_never);
    assert_eq!(a.refusals["wrong_session"], truth.verdicts["wrong_session"]);
    assert_eq!(a.refusals["revoked"], truth.verdicts["revoked"]);
    assert_eq!(a.refusals["not_on_roster"], truth.verdicts["not_on_roster"]);

    // One dense 摄影编号 sequence per room and session, voided numbers kept and never reused.
    for r in phones.values_mut() {
        let room_name = r.studio.station().unwrap().room.clone();
        for session in room::sessions_in(&event, &room_name) {
            let list = r.studio.photo_list(session).unwrap();
            let numbers: Vec<&str> = list.iter().map(|m| m.photo_no.as_str()).collect();
            let dense: Vec<String> = (1..=list.len()).map(|k| format!("{k:03}")).collect();
            assert_eq!(numbers, dense, "session {session}");
            let voided = list
                .iter()
                .filter(|m| m.status == NumberStatus::Voided)
                .count() as u32;
            assert_eq!(voided, truth.voided[&session], "session {session}");
            assert!(
                list.iter().all(|m| m.status != NumberStatus::Waiting),
                "every batch closed: session {session}"
            );
        }
    }
    // A phone that merged everything shows the same voided numbers.
    let merged = merged.unwrap().attendance().unwrap();
    for s in &merged.sessions {
        assert_eq!(s.stepped_aside, truth.voided[&s.session]);
    }
}

#[allow(clippy::too_many_arguments)]
fn run_session(
    prep: &Prepared,
    session: u8,
    r: &mut Room,
    rng: &mut StdRng,
    truth: &mut Truth,
    old_passes: &BTreeMap<u64, String>,
    batch_size: u32,
) {
    let event = prep.event();
    let s = event.session(session).unwrap();
    let day = s.date.to_string();
    let windows = s
        .windows
        .iter()
        .map(|w| {
            (
                prep.at(&format!("{day} {}", w.start.format("%H:%M"))),
                prep.at(&format!("{day} {}", w.end.format("%H:%M"))),
            )
        })
        .collect::<Vec<_>>();
    let mut clock = Clock {
        t: windows[0].0,
        windows,
        i: 0,
    };
    truth.stepped_aside.entry(session).or_default();
    truth.voided.entry(session).or_default();
    let mut students: Vec<u64> = prep
        .roster
        .in_session(session)
        .map(|s| s.student_no)
        .collect();
    students.shuffle(rng);
    let mut queue: VecDeque<Entry> = VecDeque::new();
    for no in students {
        let roll: f64 = rng.random();
        if roll < 0.04 {
            truth.never_came.insert(no);
            continue;
        }
        // The door works alongside the studio, on the studio's clock.
        let t = clock.t;
        let door = &mut r.doors[rng.random_range(0..2)];
        if let Some(old) = old_passes.get(&no) {
            let out = door.scan(old, t).unwrap();
            truth.saw(&out.verdict, "revoked");
        }
        if roll < 0.07 {
            // Checked in, then left before the studio.
            let out = door.scan(&prep.passes[&no], t + 1_000).unwrap();
            truth.saw(&out.verdict, "checked_in");
            truth.arrived_not_photographed.insert(no);
            continue;
        }
        if roll < 0.08 {
            truth.door_skipped.insert(no);
        } else {
            let out = door.scan(&prep.passes[&no], t + 1_000).unwrap();
            truth.saw(&out.verdict, "checked_in");
        }
        queue.push_back(Entry::First(no));
        // The studio takes students as they come, a little behind the door.
        if queue.len() > 6 {
            studio_step(
                prep, r, &mut queue, &mut clock, rng, truth, batch_size, session,
            );
        }
    }
    while !queue.is_empty() {
        studio_step(
            prep, r, &mut queue, &mut clock, rng, truth, batch_size, session,
        );
    }
    while r.studio.close_batch(clock.tick()).is_ok() {}
}

/// The next student enters the studio: pass, 采集码, number; some are stepped aside and come back
/// later; a full batch is shot and closed.
#[allow(clippy::too_many_arguments)]
fn studio_step(
    prep: &Prepared,
    r: &mut Room,
    queue: &mut VecDeque<Entry>,
    clock: &mut Clock,
    rng: &mut StdRng,
    truth: &mut Truth,
    batch_size: u32,
    session: u8,
) {
    let entry = queue.pop_front().unwrap();
    let (no, back) = match entry {
        Entry::First(no) => (no, false),
        Entry::Back(no) => (no, true),
    };
    let t = clock.tick();
    let out = r.studio.scan(&prep.passes[&no], t).unwrap();
    truth.saw(&out.verdict, "show_collection_code");
    let aside = !back && rng.random::<f64>() < 0.05;
    if aside && rng.random_bool(0.5) {
        // No 采集码 on the phone: stepped aside before any number is given.
        r.studio
            .step_aside(no, AsideReason::NoCollectionCode, None, t + 2_000)
            .unwrap();
    } else {
        let out = r.studio.scan(CODE, t + 3_000).unwrap();
        truth.saw(&out.verdict, "numbered");
        let Verdict::Numbered {
            door_unseen,
            renumbered,
            ..
        } = out.verdict
        else {
            unreachable!()
        };
        // "Renumbered" only for a student whose earlier number was voided.
        assert_eq!(renumbered, truth.voided_students.contains(&no));
        // The studio knows only its own records: every student is "unseen" at the door here,
        // since the door phones' logs reach it only after the day.
        assert!(door_unseen);
        if aside {
            r.studio
                .step_aside(no, AsideReason::Glasses, None, t + 5_000)
                .unwrap();
            *truth.voided.get_mut(&session).unwrap() += 1;
            truth.voided_students.insert(no);
        }
    }
    if aside {
        *truth.stepped_aside.get_mut(&session).unwrap() += 1;
        let at = queue.len().min(rng.random_range(3..30));
        queue.insert(at, Entry::Back(no));
    } else {
        truth.photographed.insert(no);
    }
    if let Some(b) = r.studio.current_batch(t).unwrap() {
        if b.members.len() as u32 >= batch_size {
            r.studio.close_batch(t + 6_000).unwrap();
        }
    }
}

type Fingerprint = (
    Vec<(
        u8,
        u32,
        u32,
        u32,
        u32,
        Vec<(String, u32, u32)>,
        Vec<u64>,
        Vec<u64>,
    )>,
    usize,
);

/// Attendance reduced to what both a phone and the admin know: counts, classes, who goes to 补拍
/// and who arrived without being photographed.
fn fingerprint(a: &Attendance) -> Fingerprint {
    (
        a.sessions
            .iter()
            .map(|s| {
                (
                    s.session,
                    s.expected,
                    s.arrived,
                    s.photographed,
                    s.not_on_roster,
                    s.classes
                        .iter()
                        .map(|c| (c.class.clone(), c.photographed, c.expected))
                        .collect(),
                    s.absentees.iter().map(|x| x.student_no).collect(),
                    s.arrived_not_photographed
                        .iter()
                        .map(|x| x.student_no)
                        .collect(),
                )
            })
            .collect(),
        a.duplicates.len() + a.clashes.len(),
    )
}
