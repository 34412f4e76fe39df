//! The student home's getters answer while a 12-megapixel camera photo of the 采集码 is being
//! saved: the photo is decoded without holding the phone, so a UI thread that asks for the event,
//! the pass or the home does not freeze behind the save (issue 15: 256–440 ms before).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};

mod support;

use support::{set_up_phone, twelve_megapixel_png};

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
        let checklist = app.checklist().unwrap();
        let timeline = app.timeline(0).unwrap();
        if saving.load(Ordering::SeqCst) {
            rounds_during_save += 1;
        }
        assert!(event.is_some() && pass.is_some() && no == Some(202001001001));
        assert!(home.slot.is_some());
        assert!(!checklist.is_empty() && !timeline.is_empty());
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
