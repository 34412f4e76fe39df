//! What the apps pay for drawing core-described pages, for BENCHMARKS.md: every screen is built
//! by the core on each refresh (`page`) and every tap or camera read goes through `perform`, so
//! these must stay far below a frame's budget. Measured on a studio phone that has numbered 500
//! students of a 1,000-student roster, and a student phone that went through setup.
//!
//! Run: `cargo bench -p photoday-core --bench pages`.

use std::time::Instant;

use photoday_core::bundle::BundleKind;
use photoday_core::door_loop::DoorLoop;
use photoday_core::pages::{staff, student, Command, Input, PageId, Scan};
use photoday_core::student::StudentPhone;

mod studio;
use studio::{stats, Day};

fn time(n: usize, mut f: impl FnMut(usize)) -> Vec<f64> {
    (0..n)
        .map(|k| {
            let start = Instant::now();
            f(k);
            start.elapsed().as_secs_f64() * 1e6
        })
        .collect()
}

fn main() {
    let mut day = Day::new();
    let mut s = day.studio("studio.db");
    let mut door = DoorLoop::new();
    let (t0, passes) = (day.t0, day.passes.clone());

    // A new pass in front of the camera: the loop judges it, the record is durable, and the app
    // asks for the door page again.
    let scanned = time(500, |k| {
        let t = t0 + k as i64 * 10_000;
        let text = passes[k].text.clone();
        staff::perform(
            &mut s,
            &mut door,
            &Command::Scanned(Scan::Door),
            &Input::Text(text),
            t,
        );
        staff::page(&mut s, &mut door, PageId::Door, t).unwrap();
    });
    println!(
        "studio: new pass read → verdict → durable 摄影编号 → door page: {}",
        stats(scanned)
    );
    let t1 = t0 + 500 * 10_000;
    let last = passes[499].text.clone();
    let ignored = time(500, |k| {
        staff::perform(
            &mut s,
            &mut door,
            &Command::Scanned(Scan::Door),
            &Input::Text(last.clone()),
            t1 + k as i64,
        );
    });
    println!(
        "studio: camera frame of the pass still in view (Unchanged): {}",
        stats(ignored)
    );
    for (name, id) in [
        ("door page", PageId::Door),
        ("batch page (photo list of 500)", PageId::Batch),
        ("attendance page", PageId::Attendance),
        ("history page (newest 50)", PageId::History),
        (
            "log QR page (500 records, one code drawn)",
            PageId::LogQrShow,
        ),
    ] {
        let v = time(100, |k| {
            staff::page(&mut s, &mut door, id, t1 + 60_000 + k as i64 * 1_000).unwrap();
        });
        println!("studio: {name}: {}", stats(v));
    }

    // The student's side: a phone through setup, its pages as the home refreshes them.
    let mut phone = StudentPhone::open(day.dir.path().join("student.db")).unwrap();
    let pack = day.folder.bundle(BundleKind::Student, false, 1).unwrap();
    let me = &passes[0];
    for (command, input) in [
        (Command::Import, Input::Bytes(pack)),
        (
            Command::SetStudentNo,
            Input::Text(me.student.student_no.to_string()),
        ),
        (Command::Import, Input::Text(me.text.clone())),
    ] {
        student::perform(&mut phone, &command, &input, t0 - 86_400_000);
    }
    for (name, id) in [
        ("home page (slot, countdown, next step)", PageId::Home),
        ("pass page (QR)", PageId::Pass),
        ("checklist page", PageId::Checklist),
        ("timeline page", PageId::Timeline),
    ] {
        let v = time(200, |k| {
            student::page(&mut phone, id, t0 - 86_400_000 + k as i64 * 1_000).unwrap();
        });
        println!("student: {name}: {}", stats(v));
    }
}
