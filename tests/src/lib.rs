//! Shared set-up for the end-to-end scenarios: an event folder for the seed notice with a
//! synthetic roster, its passes and its bundles, as the 教务处 would prepare them before the day.

use std::collections::HashMap;
use std::path::Path;

use photoday_core::admin::EventFolder;
use photoday_core::bundle::BundleKind;
use photoday_core::event::Event;
use photoday_core::roster::Roster;
use photoday_core::synthetic;
use photoday_core::time::parse_moment;

/// The 教务处's preparation for the seed day.
pub struct Prepared {
    /// The event folder.
    pub folder: EventFolder,
    /// The roster imported.
    pub roster: Roster,
    /// Pass text of every student.
    pub passes: HashMap<u64, String>,
    /// A scanner bundle with names.
    pub scanner_bundle: Vec<u8>,
}

impl Prepared {
    /// Initialises `dir` from the gzcc-2023 template with `per_session` synthetic students per
    /// session, issues every pass and makes a scanner bundle.
    pub fn new(dir: &Path, per_session: usize) -> Prepared {
        let mut folder = EventFolder::init(dir, "gzcc-2023").expect("init");
        let roster = synthetic::roster(folder.event(), per_session, 2023);
        folder.import_roster(&roster).expect("roster");
        folder.issue_passes(|_, _| {}).expect("passes");
        let passes = folder
            .passes()
            .expect("passes")
            .into_iter()
            .map(|p| (p.student.student_no, p.text))
            .collect();
        let scanner_bundle = folder.bundle(BundleKind::Scanner, true, 1).expect("bundle");
        Prepared {
            folder,
            roster,
            passes,
            scanner_bundle,
        }
    }

    /// The event.
    pub fn event(&self) -> &Event {
        self.folder.event()
    }

    /// Unix ms of an event-local `YYYY-MM-DD HH:MM`.
    pub fn at(&self, local: &str) -> i64 {
        parse_moment(local, self.event().utc_offset).expect("time")
    }
}
