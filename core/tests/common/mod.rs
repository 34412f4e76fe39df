//! The event folder several integration tests start from: the built-in 2023 notice, a synthetic
//! roster, every pass issued.

use photoday_core::admin::EventFolder;
use photoday_core::synthetic;

/// A fresh event folder in a temporary directory, `per_session` students in each session, with
/// their passes as (student number, session, pass text).
pub fn event_folder(
    per_session: usize,
    seed: u64,
) -> (tempfile::TempDir, EventFolder, Vec<(u64, u8, String)>) {
    let dir = tempfile::tempdir().unwrap();
    let mut folder = EventFolder::init(&dir.path().join("event"), "gzcc-2023").unwrap();
    let roster = synthetic::roster(folder.event(), per_session, seed);
    folder.import_roster(&roster).unwrap();
    folder.issue_passes(|_, _| {}).unwrap();
    let passes = folder
        .passes()
        .unwrap()
        .into_iter()
        .map(|p| (p.student.student_no, p.student.session, p.text))
        .collect();
    (dir, folder, passes)
}
