//! The whole seed day: the 10 sessions of 广商教文〔2023〕27号 on 6月3日 and 6月4日, 4,000
//! students, three phones a day, and every kind of trouble the notice worries about — wrong room,
//! too early, photographed twice, forged, revoked, not on the roster, no phone, a mistaken scan
//! undone. The phones' logs are then exchanged by file and by QR codes in several random orders;
//! every order must give the same attendance and the same flags, and they must match what
//! really happened.

use std::collections::{BTreeMap, BTreeSet};

use photoday_core::attendance::Attendance;
use photoday_core::bundle::BundleKind;
use photoday_core::door::{Timing, Verdict};
use photoday_core::pass::{self, PassBody};
use photoday_core::scanner::Scanner;
use photoday_tests::Prepared;
use rand::rngs::StdRng;
use rand::seq::{IndexedRandom, SliceRandom};
use rand::{Rng, SeedableRng};

/// What really happened, kept by the test as the day goes.
#[derive(Default)]
struct Truth {
    admitted: BTreeMap<u8, BTreeSet<u64>>,
    absent: BTreeSet<u64>,
    duplicates: BTreeSet<u64>,
    strangers: BTreeMap<u8, u32>,
    verdicts: BTreeMap<&'static str, u32>,
}

struct Clock {
    windows: Vec<(i64, i64)>,
    i: usize,
    t: i64,
}

impl Clock {
    fn tick(&mut self) -> i64 {
        self.t += 15_000;
        while self.i + 1 < self.windows.len() && self.t >= self.windows[self.i].1 {
            self.i += 1;
            self.t = self.t.max(self.windows[self.i].0);
        }
        self.t
    }
}

fn expect(truth: &mut Truth, v: &Verdict, want: &'static str) {
    assert_eq!(v.name(), want, "{v:?}");
    *truth.verdicts.entry(want).or_default() += 1;
}

#[test]
fn the_whole_seed_day_merges_to_the_same_attendance_in_every_order() {
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
    let bundle = prep.folder.bundle(BundleKind::Scanner, true, 2).unwrap();
    let key = prep.folder.key().unwrap();
    let event = prep.event().clone();

    let mut phones: Vec<Scanner> = (1..=3)
        .map(|i| {
            let mut s = Scanner::open(dir.path().join(format!("phone{i}.db"))).unwrap();
            s.import_bundle(&bundle).unwrap();
            s
        })
        .collect();
    let mut truth = Truth::default();

    for day in ["2023-06-03", "2023-06-04"] {
        let sessions: Vec<u8> = (1..=event.sessions.len() as u8)
            .filter(|n| event.session(*n).unwrap().date.to_string() == day)
            .collect();
        for (j, &session) in sessions.iter().enumerate() {
            // The first room of the day gets two phones (letters A and B); phone 3 does the rest.
            let guards: Vec<usize> = if j == 0 { vec![0, 1] } else { vec![2] };
            for (k, &g) in guards.iter().enumerate() {
                let lane = (guards.len() > 1).then(|| (b'A' + k as u8) as char);
                phones[g].set_station(session, lane).unwrap();
            }
            let s = event.session(session).unwrap();
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
                t: windows[0].0 - 10 * 60_000,
                windows,
                i: 0,
            };
            let mut students: Vec<u64> = prep
                .roster
                .in_session(session)
                .map(|s| s.student_no)
                .collect();
            students.shuffle(&mut rng);
            for no in students {
                let g = guards[rng.random_range(0..guards.len())];
                let phone = &mut phones[g];
                let roll: f64 = rng.random();
                let t = clock.tick();
                if roll < 0.06 {
                    truth.absent.insert(no);
                    continue;
                }
                if roll < 0.08 {
                    let out = phone
                        .check_in_by_number(no, Some("没带手机"), None, t)
                        .unwrap();
                    expect(&mut truth, &out.verdict, "admitted");
                    truth.admitted.entry(session).or_default().insert(no);
                    continue;
                }
                if roll < 0.09 {
                    // Came at 08:00: too early; admitted when the window is open.
                    let early = prep.at(&format!("{day} 08:00"));
                    let out = phone.scan(&prep.passes[&no], early).unwrap();
                    assert!(
                        matches!(
                            out.verdict,
                            Verdict::OutsideWindow {
                                timing: Timing::TooEarly,
                                ..
                            }
                        ),
                        "{out:?}"
                    );
                    *truth.verdicts.entry("outside_window").or_default() += 1;
                }
                if let Some(old) = old_passes.get(&no) {
                    let out = phone.scan(old, t).unwrap();
                    expect(&mut truth, &out.verdict, "revoked");
                }
                if roll < 0.10 {
                    // A friend tries this student's pass with one character changed.
                    let mut forged = prep.passes[&no].clone().into_bytes();
                    let i = rng.random_range(4..forged.len());
                    forged[i] = if forged[i] == b'0' { b'1' } else { b'0' };
                    let out = phone
                        .scan(std::str::from_utf8(&forged).unwrap(), t)
                        .unwrap();
                    assert!(
                        !matches!(out.verdict, Verdict::Admitted { .. }),
                        "forged pass admitted"
                    );
                    *truth.verdicts.entry("forged").or_default() += 1;
                }
                let out = phone.scan(&prep.passes[&no], t + 1_000).unwrap();
                expect(&mut truth, &out.verdict, "admitted");
                truth.admitted.entry(session).or_default().insert(no);
                if roll < 0.11 {
                    // Wrong person scanned: undone within the minute, then the right scan again.
                    phone.undo(out.record_seq.unwrap(), t + 30_000).unwrap();
                    let again = phone.scan(&prep.passes[&no], t + 40_000).unwrap();
                    expect(&mut truth, &again.verdict, "admitted");
                    assert_ne!(again.verdict.photo_no(), out.verdict.photo_no());
                } else if roll < 0.115 && guards.len() > 1 {
                    // Slipped into the other queue and was photographed again on the other phone.
                    let other = guards.iter().copied().find(|x| *x != g).unwrap();
                    let out = phones[other].scan(&prep.passes[&no], t + 50_000).unwrap();
                    expect(&mut truth, &out.verdict, "admitted");
                    truth.duplicates.insert(no);
                } else if roll < 0.13 {
                    // Scanned again on the same phone a minute later.
                    let out = phone.scan(&prep.passes[&no], t + 60_000).unwrap();
                    expect(&mut truth, &out.verdict, "already_admitted");
                }
            }
            // Visitors from other rooms, and a genuine pass missing from the roster.
            let g = guards[0];
            for other in prep
                .roster
                .students()
                .filter(|x| x.session != session)
                .take(3)
            {
                let out = phones[g]
                    .scan(&prep.passes[&other.student_no], clock.tick())
                    .unwrap();
                expect(&mut truth, &out.verdict, "wrong_session");
            }
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
            let t = clock.tick();
            let out = phones[g].scan(&text, t).unwrap();
            expect(&mut truth, &out.verdict, "not_on_roster");
            let out = phones[g]
                .override_pass(&text, "学院补报", t + 10_000)
                .unwrap();
            expect(&mut truth, &out.verdict, "admitted");
            *truth.strangers.entry(session).or_default() += 1;
        }
    }
    assert!(
        truth.verdicts["revoked"] > 0
            && truth.verdicts["forged"] > 0
            && !truth.duplicates.is_empty()
    );

    // Every phone's log, as a file and as QR texts.
    let logs: Vec<(Vec<u8>, Vec<String>)> = phones
        .iter_mut()
        .map(|p| {
            let file = p.export_log(0).unwrap();
            let qr = photoday_core::log::to_qr_texts(&file);
            (file, qr)
        })
        .collect();

    let mut results: Vec<Attendance> = Vec::new();
    for round in 0..4 {
        let mut order: Vec<usize> = (0..logs.len()).collect();
        order.shuffle(&mut rng);
        let mut target = Scanner::open(dir.path().join(format!("merge{round}.db"))).unwrap();
        target.import_bundle(&bundle).unwrap();
        for (n, &i) in order.iter().enumerate() {
            if (n + round) % 2 == 0 {
                target.import_log(&logs[i].0).unwrap();
            } else {
                let mut texts = logs[i].1.clone();
                texts.shuffle(&mut rng);
                let mut done = false;
                for t in &texts {
                    done |= target.receive_log_qr(t).unwrap().1.is_some();
                }
                assert!(done);
            }
            // Importing the same log again changes nothing.
            assert_eq!(target.import_log(&logs[i].0).unwrap().added, 0);
        }
        results.push(target.attendance().unwrap());
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
    for s in &a.sessions {
        let want = &truth.admitted[&s.session];
        assert_eq!(s.admitted as usize, want.len(), "session {}", s.session);
        assert_eq!(s.not_on_roster, truth.strangers[&s.session]);
        assert_eq!(
            s.expected as usize,
            prep.roster.in_session(s.session).count()
        );
        for absent in &s.absentees {
            assert!(truth.absent.contains(&absent.student_no));
            assert!(!want.contains(&absent.student_no));
        }
        let class_total: u32 = s.classes.iter().map(|c| c.admitted).sum();
        assert_eq!(class_total, s.admitted);
    }
    assert_eq!(a.refusals["wrong_session"], truth.verdicts["wrong_session"]);
    assert_eq!(a.refusals["revoked"], truth.verdicts["revoked"]);
    assert_eq!(a.refusals["not_on_roster"], truth.verdicts["not_on_roster"]);
    let absentees: usize = a.sessions.iter().map(|s| s.absentees.len()).sum();
    assert_eq!(absentees, truth.absent.len());
    let flagged: BTreeSet<u64> = a.duplicates.iter().map(|d| d.student_no).collect();
    assert_eq!(flagged, truth.duplicates);
    for d in &a.duplicates {
        assert_eq!(d.void.len(), 1);
        assert!(d.void[0].at_ms > d.keep.at_ms);
        assert_ne!(d.void[0].photo_no, d.keep.photo_no);
    }
}

type Fingerprint = (
    Vec<(u8, u32, u32, u32, Vec<(String, u32, u32)>, Vec<u64>)>,
    Vec<(u64, String, Vec<String>)>,
);

/// Attendance reduced to what both a phone and the admin know: counts, classes, who is absent,
/// and which photo numbers to void.
fn fingerprint(a: &Attendance) -> Fingerprint {
    (
        a.sessions
            .iter()
            .map(|s| {
                (
                    s.session,
                    s.expected,
                    s.admitted,
                    s.not_on_roster,
                    s.classes
                        .iter()
                        .map(|c| (c.class.clone(), c.admitted, c.expected))
                        .collect(),
                    s.absentees.iter().map(|x| x.student_no).collect(),
                )
            })
            .collect(),
        a.duplicates
            .iter()
            .map(|d| {
                (
                    d.student_no,
                    d.keep.photo_no.clone(),
                    d.void.iter().map(|v| v.photo_no.clone()).collect(),
                )
            })
            .collect(),
    )
}
