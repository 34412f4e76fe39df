//! The student home's getters answer while a 12-megapixel camera photo of the 采集码 is being
//! saved: the photo is decoded without holding the phone, so a UI thread that asks for the event,
//! the pass or the home does not freeze behind the save (issue 15: 256–440 ms before).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};

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

fn set_up_phone() -> (Arc<StudentApp>, std::path::PathBuf) {
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
    app.import_pass(pass::issue(&key, &event.id, &body).unwrap())
        .unwrap();
    (app, dir)
}

#[test]
fn getters_answer_while_a_12_megapixel_photo_is_being_saved() {
    let (app, dir) = set_up_phone();
    let photo = twelve_megapixel_png();
    let saving = Arc::new(AtomicBool::new(true));
    let (started, on_start) = mpsc::channel();
    let save = std::thread::spawn({
        let (app, saving) = (app.clone(), saving.clone());
        move || {
            started.send(()).unwrap();
            let readable = app.save_collection_code(photo).unwrap();
            saving.store(false, Ordering::SeqCst);
            readable
        }
    });
    on_start.recv().unwrap();
    // Leave the save alone for a moment so it is under way (holding the phone, were it to hold
    // it) before the getters start; a busy getter loop could otherwise keep it from starting.
    std::thread::sleep(std::time::Duration::from_millis(50));
    assert!(
        saving.load(Ordering::SeqCst),
        "the save must still be running for this test to mean anything"
    );

    // A getter that waited behind the save could answer at most once while it ran (right after
    // the save let go, before the flag falls); rounds that complete while the save is still
    // running prove the getters did not wait.
    let mut rounds_during_save = 0;
    while saving.load(Ordering::SeqCst) {
        let event = app.event();
        let pass = app.pass();
        let no = app.student_no();
        let home = app.home(0).unwrap();
        if saving.load(Ordering::SeqCst) {
            rounds_during_save += 1;
        }
        assert!(event.is_some() && pass.is_some() && no == Some(202001001001));
        assert!(home.slot.is_some());
    }
    let readable = save.join().unwrap();
    assert!(readable.readable, "the photo's code was read: {readable:?}");
    assert!(
        rounds_during_save >= 10,
        "only {rounds_during_save} getter rounds answered during the save: they waited for it"
    );
    // The saved photo shows on the home once the save is done.
    assert!(app.home(0).unwrap().has_collection_code);
    let _ = std::fs::remove_dir_all(dir);
}
