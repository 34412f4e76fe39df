//! BENCHMARKS.md: how long the student home's getters take while a 12-megapixel camera photo of
//! the 采集码 is being saved on another thread (the photo is decoded without holding the phone).
//!
//!   cargo run --release -p photoday-ffi --example getter_latency

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

#[path = "../tests/support/mod.rs"]
mod support;

fn main() {
    let (app, dir) = support::set_up_phone();
    let photo = support::twelve_megapixel_png();
    println!("photo: 4000×3000 PNG, {:.1} MB", photo.len() as f64 / 1e6);

    let mut lat: Vec<Duration> = Vec::new();
    let mut saves = Vec::new();
    for _ in 0..5 {
        let saving = Arc::new(AtomicBool::new(true));
        let t0 = Instant::now();
        let th = std::thread::spawn({
            let (app, saving, photo) = (app.clone(), saving.clone(), photo.clone());
            move || {
                app.save_collection_code(photo).unwrap();
                saving.store(false, Ordering::SeqCst);
            }
        });
        while saving.load(Ordering::SeqCst) {
            for call in 0..3 {
                let t = Instant::now();
                match call {
                    0 => drop(app.event()),
                    1 => drop(app.pass()),
                    _ => drop(app.home(0).unwrap()),
                }
                lat.push(t.elapsed());
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        th.join().unwrap();
        saves.push(t0.elapsed());
    }
    lat.sort();
    let pct = |p: f64| lat[((lat.len() - 1) as f64 * p) as usize];
    println!(
        "save: median {:?} over {} saves; getters during the saves (event, pass, home): {} calls, median {:?}, p99 {:?}, max {:?}",
        { saves.sort(); saves[saves.len() / 2] },
        saves.len(),
        lat.len(),
        pct(0.5),
        pct(0.99),
        lat[lat.len() - 1]
    );
    let _ = std::fs::remove_dir_all(dir);
}
