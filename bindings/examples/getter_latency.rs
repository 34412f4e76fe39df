//! BENCHMARKS.md: how long the student home's getters take while a 12-megapixel camera photo of
//! the 采集码 is being saved on another thread (the photo is decoded without holding the phone).
//!
//!   cargo run --release -p photoday-ffi --example getter_latency

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use photoday_core::bundle::{self, BundleContent, BundleKind};
use photoday_core::keys::EventKey;
use photoday_core::pass::{self, PassBody};
use photoday_core::qr::QrMatrix;
use photoday_core::Event;
use photoday_ffi::StudentApp;

fn photo() -> Vec<u8> {
    let (w, h) = (4000usize, 3000usize);
    let mut img: Vec<u8> = (0..w * h)
        .map(|i| 150 + ((i % w + i / w) % 64) as u8)
        .collect();
    let qr = QrMatrix::encode("https://my.chsi.com.cn/archive/xlzp/2023/0123456789").unwrap();
    let side = qr.width + 8;
    let (ox, oy) = (w / 2 - side * 12, h / 2 - side * 12);
    for my in 0..side {
        for mx in 0..side {
            let dark =
                mx >= 4 && my >= 4 && mx < side - 4 && my < side - 4 && qr.dark(mx - 4, my - 4);
            for y in 0..24 {
                let row = (oy + my * 24 + y) * w + ox + mx * 24;
                img[row..row + 24].fill(if dark { 0 } else { 255 });
            }
        }
    }
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, w as u32, h as u32);
    enc.set_color(png::ColorType::Grayscale);
    enc.set_depth(png::BitDepth::Eight);
    let mut wr = enc.write_header().unwrap();
    wr.write_image_data(&img).unwrap();
    wr.finish().unwrap();
    out
}

fn main() {
    let event = Event::template("gzcc-2023").unwrap();
    let key = EventKey::generate();
    let content = BundleContent {
        kind: BundleKind::Student,
        made_at_ms: 1,
        event: event.clone(),
        keys: vec![key.public()],
        revocations: vec![],
        students: vec![],
        with_names: false,
        plan: None,
        trust: Default::default(),
    };
    let dir = std::env::temp_dir().join(format!("photoday-getter-latency-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let app = StudentApp::new(dir.join("s.db").to_string_lossy().into_owned()).unwrap();
    app.import_bundle(bundle::seal(&content, &key).unwrap())
        .unwrap();
    let body = PassBody {
        session_index: 1,
        student_no: 202001001001,
        serial: 0,
    };
    app.import_pass(pass::issue(&key, &event.id, &body).unwrap())
        .unwrap();
    let photo = photo();
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
