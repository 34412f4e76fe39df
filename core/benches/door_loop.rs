//! The door loop's cost per camera frame, for BENCHMARKS.md: a phone's analyzer hands every
//! decoded frame to `frame`, ten or more a second, so a frame that changes nothing (the same pass
//! still in view, a verdict showing) must cost next to nothing, and one that judges a new pass
//! costs the scan plus the screen it returns (station line, open batch).
//!
//! Run: `cargo bench -p photoday-core --bench door_loop`.

use std::time::Instant;

use photoday_core::admin::EventFolder;
use photoday_core::bundle::BundleKind;
use photoday_core::door_loop::DoorLoop;
use photoday_core::scanner::{Role, Scanner};
use photoday_core::synthetic;
use photoday_core::time::parse_moment;

fn stats(mut v: Vec<f64>) -> String {
    v.sort_by(f64::total_cmp);
    let p = |q: f64| v[((v.len() as f64 - 1.0) * q).round() as usize];
    format!("median {:.1} µs, p99 {:.1} µs", p(0.5), p(0.99))
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let mut folder = EventFolder::init(&dir.path().join("event"), "gzcc-2023").unwrap();
    let roster = synthetic::roster(folder.event(), 1000, 42);
    folder.import_roster(&roster).unwrap();
    folder.issue_passes(|_, _| {}).unwrap();
    let passes: Vec<String> = folder
        .passes()
        .unwrap()
        .into_iter()
        .filter(|p| p.student.session == 1)
        .map(|p| p.text)
        .collect();
    let bundle = folder.bundle(BundleKind::Scanner, true, 1).unwrap();
    let mut s = Scanner::open(dir.path().join("studio.db")).unwrap();
    s.import_bundle(&bundle).unwrap();
    s.set_station("一教104", Role::Studio, None).unwrap();
    s.set_check_code(false).unwrap();
    let t0 = parse_moment("2023-06-03 09:35", folder.event().utc_offset).unwrap();

    let mut door = DoorLoop::new();
    let (mut judged, mut ignored) = (Vec::new(), Vec::new());
    for (k, pass) in passes.iter().take(500).enumerate() {
        let t = t0 + k as i64 * 10_000;
        let start = Instant::now();
        assert!(door.frame(&mut s, pass, t).is_some());
        judged.push(start.elapsed().as_secs_f64() * 1e6);
        // The pass stays in view for a second: ten more frames, all ignored.
        for f in 1..=10 {
            let start = Instant::now();
            assert!(door.frame(&mut s, pass, t + f * 100).is_none());
            ignored.push(start.elapsed().as_secs_f64() * 1e6);
        }
    }
    // The same scans without the loop, on a second phone, interleaved so both see the same load.
    let mut bare = Scanner::open(dir.path().join("bare.db")).unwrap();
    bare.import_bundle(&bundle).unwrap();
    bare.set_station("一教104", Role::Studio, None).unwrap();
    bare.set_check_code(false).unwrap();
    let mut scans = Vec::new();
    for (k, pass) in passes.iter().take(500).enumerate() {
        let start = Instant::now();
        bare.scan(pass, t0 + k as i64 * 10_000).unwrap();
        scans.push(start.elapsed().as_secs_f64() * 1e6);
    }
    println!(
        "studio scan alone (durable 摄影编号): {} over {}",
        stats(scans.clone()),
        scans.len()
    );
    println!(
        "studio frame with a new pass (scan, durable 摄影编号, screen with batch): {} over {}",
        stats(judged.clone()),
        judged.len()
    );
    let mut screens = Vec::new();
    for k in 0..200 {
        let start = Instant::now();
        let _ = door.screen(&mut s, t0 + 6_000_000 + k);
        screens.push(start.elapsed().as_secs_f64() * 1e6);
    }
    println!(
        "screen alone (station line, open batch; 500 numbers on the phone): {} over {}",
        stats(screens.clone()),
        screens.len()
    );
    println!(
        "frame ignored (same pass in view): {} over {}",
        stats(ignored.clone()),
        ignored.len()
    );
}
