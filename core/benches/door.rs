//! Door benchmarks for BENCHMARKS.md: scan → durable verdict, merging ten phones' logs, and the
//! size of a scanner bundle for 10,000 students.
//!
//! Run: `cargo bench -p photoday-core --bench door`. Plain timing loops (no harness) so the numbers
//! are the ones a phone would see: every admission is committed to a real file with
//! `synchronous=FULL` before the verdict returns.

use std::time::Instant;

use photoday_core::bundle::{self, BundleContent, BundleKind};
use photoday_core::device;
use photoday_core::event::Event;
use photoday_core::keys::EventKey;
use photoday_core::log::{self, Action, LogFile, Record, Via};
use photoday_core::pass::{self, PassBody};
use photoday_core::plan::{self, PlanSettings};
use photoday_core::scanner::{Role, Scanner};
use photoday_core::store::Store;
use photoday_core::synthetic;
use photoday_core::time::parse_moment;

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn main() {
    let event = Event::template("gzcc-2023").unwrap();
    let key = EventKey::generate();
    let roster = synthetic::roster(&event, 1000, 42);
    let dir = tempfile::tempdir().unwrap();

    // Scanner bundle size for 10,000 students.
    let content = |with_names: bool| BundleContent {
        kind: BundleKind::Scanner,
        made_at_ms: 1,
        event: event.clone(),
        keys: vec![key.public()],
        revocations: vec![],
        students: BundleContent::students_from(&roster, with_names),
        with_names,
        plan: Some(plan::plan(
            &event,
            &roster,
            PlanSettings {
                per_hour: None,
                cameras: None,
            },
        )),
        trust: Default::default(),
    };
    let with_names = bundle::seal(&content(true), &key).unwrap();
    // The synthetic names repeat 30 surnames and 30 given names, which compresses unusually well;
    // random 2–3 character names over all 20,902 common CJK characters are a worst case.
    let mut worst = content(true);
    let mut x: u32 = 12345;
    for s in &mut worst.students {
        let len = 2 + (x % 2) as usize;
        s.1 = (0..len)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                char::from_u32(0x4E00 + x % 20_902).unwrap()
            })
            .collect();
    }
    let worst = bundle::seal(&worst, &key).unwrap();
    println!(
        "scanner bundle, 10,000 students, random CJK names (worst case) + plan: {:.1} KB",
        worst.len() as f64 / 1024.0
    );
    let without = bundle::seal(&content(false), &key).unwrap();
    println!(
        "scanner bundle, 10,000 students, with names + plan: {:.1} KB",
        with_names.len() as f64 / 1024.0
    );
    println!(
        "scanner bundle, 10,000 students, numbers + classes + plan: {:.1} KB",
        without.len() as f64 / 1024.0
    );
    let t = Instant::now();
    let n = 20;
    for _ in 0..n {
        bundle::open(&with_names, None).unwrap();
    }
    println!(
        "open + verify that bundle: {:.1} ms",
        t.elapsed().as_secs_f64() * 1e3 / n as f64
    );

    // Scan → durable verdict.
    let mut door = Scanner::open(dir.path().join("door.db")).unwrap();
    door.import_bundle(&with_names).unwrap();
    door.set_station("1", Role::Both, None).unwrap();
    door.set_check_code(false).unwrap();
    let students: Vec<u64> = roster.in_session(1).map(|s| s.student_no).collect();
    let texts: Vec<String> = students
        .iter()
        .map(|no| {
            pass::issue(
                &key,
                &event.id,
                &PassBody {
                    session_index: 1,
                    student_no: *no,
                    serial: 0,
                },
            )
            .unwrap()
        })
        .collect();
    let start = parse_moment("2023-06-03 09:30", event.utc_offset).unwrap();
    let mut times = Vec::with_capacity(texts.len());
    for (i, text) in texts.iter().enumerate() {
        let t = Instant::now();
        let out = door.scan(text, start + i as i64 * 6_000).unwrap();
        times.push(t.elapsed().as_secs_f64() * 1e3);
        assert_eq!(out.verdict.name(), "numbered");
    }
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!(
        "studio: scan → durable 摄影编号 (numbered, synchronous=FULL, {} scans): median {:.3} ms, p99 {:.3} ms, max {:.3} ms",
        times.len(),
        percentile(&times, 0.5),
        percentile(&times, 0.99),
        times[times.len() - 1]
    );
    let mut times = Vec::new();
    for (i, text) in texts.iter().take(300).enumerate() {
        let t = Instant::now();
        let out = door
            .scan(text, start + 6_100_000 + i as i64 * 1_000)
            .unwrap();
        times.push(t.elapsed().as_secs_f64() * 1e3);
        assert_eq!(out.verdict.name(), "already_numbered");
    }
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!(
        "studio: scan → durable verdict (already numbered, refusal recorded): median {:.3} ms, p99 {:.3} ms",
        percentile(&times, 0.5),
        percentile(&times, 0.99)
    );

    // Merge 10 device logs × 1,000 records, each record signed by its device.
    let devices: Vec<EventKey> = (0..10).map(|_| EventKey::generate()).collect();
    let t = Instant::now();
    let logs: Vec<Vec<u8>> = devices
        .iter()
        .enumerate()
        .map(|(d, dk)| {
            let id = device::device_id(&dk.public());
            let records: Vec<Record> = (1..=1000u64)
                .map(|seq| Record {
                    device: id.clone(),
                    seq,
                    at_ms: start + seq as i64 * 10_000,
                    session: (d % 10 + 1) as u8,
                    action: Action::Number {
                        student_no: 2020_0000_0000 + d as u64 * 10_000 + seq,
                        photo_seq: seq as u32,
                        lane: Some((b'A' + d as u8) as char),
                        batch: (seq as u32).div_ceil(8),
                        via: Via::Pass,
                        serial: Some(0),
                        reason: None,
                        door_unseen: false,
                    },
                })
                .collect();
            log::encode(&LogFile {
                event_id: event.id.clone(),
                from_device: id.clone(),
                exported_at_ms: 0,
                device_keys: [(id.clone(), dk.public())].into_iter().collect(),
                seals: device::seal(dk, &event.id, &records).into_iter().collect(),
                records,
            })
        })
        .collect();
    println!(
        "seal 10 logs × 1,000 records (chain + one signature each): {:.1} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    println!(
        "10 logs × 1,000 records: {:.1} KB as files, {} QR codes each",
        logs.iter().map(|l| l.len()).sum::<usize>() as f64 / 1024.0,
        log::to_qr_texts(&logs[0]).len()
    );
    // Every device enrolled, as on the day: each record's device is looked up too.
    let enrolment = photoday_core::enrolment::Enrolment {
        required: true,
        devices: logs
            .iter()
            .flat_map(|b| log::decode(b).unwrap().device_keys)
            .map(|(device, key)| photoday_core::enrolment::EnrolledDevice {
                station: format!("门口 {device}"),
                device,
                key,
            })
            .collect(),
    };
    let mut runs = Vec::new();
    for r in 0..5 {
        let mut store = Store::open(dir.path().join(format!("merge{r}.db"))).unwrap();
        let t = Instant::now();
        for bytes in &logs {
            let decoded = log::decode(bytes).unwrap();
            let s =
                photoday_core::scanner::merge_log(&mut store, &event, &decoded, &enrolment, None)
                    .unwrap();
            assert!(s.kept_aside.is_empty());
        }
        runs.push(t.elapsed().as_secs_f64() * 1e3);
    }
    runs.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!(
        "merge 10 sealed logs × 1,000 records (every chain and seal checked) into a fresh database: median {:.1} ms (of 5 runs)",
        runs[2]
    );
}
