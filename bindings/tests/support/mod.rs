//! What the student-getter test and its benchmark (`examples/getter_latency.rs`) share: a phone
//! set up with a pack and a pass, and a 12-megapixel camera photo of a 采集码; the screens test
//! uses the pack alone.
#![allow(dead_code)] // each test binary uses its part

use std::sync::Arc;

use photoday_core::bundle::{self, BundleContent, BundleKind};
use photoday_core::keys::EventKey;
use photoday_core::pass::{self, PassBody};
use photoday_core::qr::QrMatrix;
use photoday_core::Event;
use photoday_ffi::StudentApp;

/// A 4000×3000 greyscale PNG (12 MP, a phone camera's photo) of a grey desk with a QR code (the
/// 采集码 stand-in) at 24 px per module in the middle.
pub fn twelve_megapixel_png() -> Vec<u8> {
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
    enc.set_compression(png::Compression::Fast);
    let mut wr = enc.write_header().unwrap();
    wr.write_image_data(&img).unwrap();
    wr.finish().unwrap();
    out
}

/// A student pack of the 2023 event and the pass of student 202001001001 under its key.
pub fn pack_and_pass() -> (Vec<u8>, String) {
    let event = Event::template("gzcc-2023").unwrap();
    let key = EventKey::generate();
    let pack = bundle::seal(
        &BundleContent {
            kind: BundleKind::Student,
            made_at_ms: 1,
            event: event.clone(),
            keys: vec![key.public()],
            revocations: vec![],
            students: vec![],
            with_names: false,
            plan: None,
            trust: Default::default(),
        },
        &key,
    )
    .unwrap();
    let body = PassBody {
        session_index: 1,
        student_no: 202001001001,
        serial: 0,
    };
    (pack, pass::issue(&key, &event.id, &body).unwrap())
}

/// A student phone in a fresh temporary folder with a pack and its pass; returns the folder to
/// delete afterwards.
pub fn set_up_phone() -> (Arc<StudentApp>, std::path::PathBuf) {
    let (pack, pass_text) = pack_and_pass();
    let dir = std::env::temp_dir().join(format!(
        "photoday-getters-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let app = StudentApp::new(dir.join("student.db").to_string_lossy().into_owned()).unwrap();
    app.import_bundle(pack).unwrap();
    app.import_pass(pass_text).unwrap();
    (app, dir)
}
