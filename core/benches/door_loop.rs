//! The door loop's cost per camera frame, for BENCHMARKS.md: a phone's analyzer hands every
//! decoded frame to `frame`, ten or more a second, so a frame that changes nothing (the same pass
//! still in view, a verdict showing) must cost next to nothing, and one that judges a new pass
//! costs the scan plus the screen it returns (station line, open batch).
//!
//! Run: `cargo bench -p photoday-core --bench door_loop`.

use std::time::Instant;

use photoday_core::door_loop::DoorLoop;

mod studio;
use studio::{stats, Day};

fn main() {
    let mut day = Day::new();
    let passes: Vec<String> = day.passes.iter().map(|p| p.text.clone()).collect();
    let mut s = day.studio("studio.db");
    let t0 = day.t0;

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
    let mut bare = day.studio("bare.db");
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
