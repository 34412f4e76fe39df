//! What the door-loop and page benchmarks share: the 2023 day with a 1,000-per-session roster,
//! session 1's passes, studio phones at 一教104, and the median/p99 line they print.

use photoday_core::admin::{EventFolder, IssuedPass};
use photoday_core::bundle::BundleKind;
use photoday_core::scanner::{Role, Scanner};
use photoday_core::synthetic;
use photoday_core::time::{parse_moment, UnixMillis};

/// The event folder, session 1's passes, and 6月3日 09:35 (session 1 under way).
pub struct Day {
    pub dir: tempfile::TempDir,
    pub folder: EventFolder,
    pub passes: Vec<IssuedPass>,
    pub t0: UnixMillis,
}

impl Day {
    pub fn new() -> Day {
        let dir = tempfile::tempdir().unwrap();
        let mut folder = EventFolder::init(&dir.path().join("event"), "gzcc-2023").unwrap();
        let roster = synthetic::roster(folder.event(), 1000, 42);
        folder.import_roster(&roster).unwrap();
        folder.issue_passes(|_, _| {}).unwrap();
        let passes = folder
            .passes()
            .unwrap()
            .into_iter()
            .filter(|p| p.student.session == 1)
            .collect();
        let t0 = parse_moment("2023-06-03 09:35", folder.event().utc_offset).unwrap();
        Day {
            dir,
            folder,
            passes,
            t0,
        }
    }

    /// A studio phone at 一教104 (no 采集码 check) over `name` in the day's folder.
    pub fn studio(&mut self, name: &str) -> Scanner {
        let bundle = self.folder.bundle(BundleKind::Scanner, true, 1).unwrap();
        let mut s = Scanner::open(self.dir.path().join(name)).unwrap();
        s.import_bundle(&bundle).unwrap();
        s.set_station("一教104", Role::Studio, None).unwrap();
        s.set_check_code(false).unwrap();
        s
    }
}

/// `median … µs, p99 … µs` of timings in microseconds.
pub fn stats(mut v: Vec<f64>) -> String {
    v.sort_by(f64::total_cmp);
    let p = |q: f64| v[((v.len() as f64 - 1.0) * q).round() as usize];
    format!("median {:.1} µs, p99 {:.1} µs", p(0.5), p(0.99))
}
