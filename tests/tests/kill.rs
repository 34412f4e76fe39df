//! A flat battery at the door: a phone admitting students is killed (SIGKILL) at random moments,
//! many times. Every admission it had shown green must be in the database after reopening, and no
//! photo number may have been handed out twice.

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use photoday_core::log::Action;
use photoday_core::scanner::{Role, Scanner};
use photoday_tests::Prepared;
use rand::Rng;

#[test]
fn every_admission_shown_survives_a_kill_and_no_photo_number_is_used_twice() {
    let dir = tempfile::tempdir().unwrap();
    let prep = Prepared::new(&dir.path().join("event"), 300);
    let db = dir.path().join("door.db");
    {
        let mut door = Scanner::open(&db).unwrap();
        door.import_bundle(&prep.scanner_bundle).unwrap();
        door.set_station("1", Role::Both, None).unwrap();
        door.set_check_code(false).unwrap();
    }
    // The whole event's passes: those of session 1 are admitted, the rest are refused as the
    // wrong room — refusals are records too, written the same durable way.
    let mut texts: Vec<&String> = prep.passes.values().collect();
    texts.sort();
    let file = dir.path().join("passes.txt");
    let mut rng = rand::rng();
    let mut shown: HashMap<u64, String> = HashMap::new();
    let mut start = prep.at("2023-06-03 09:30");
    let mut rounds = 0;
    let mut killed_mid_run = 0;
    while rounds < 25 {
        rounds += 1;
        // Each round scans every pass not yet shown admitted, in a fresh order.
        let mut pending: Vec<&String> = texts
            .iter()
            .copied()
            .filter(|t| !admitted_text(&prep, &shown, t))
            .collect();
        use rand::seq::SliceRandom;
        pending.shuffle(&mut rng);
        std::fs::write(
            &file,
            pending.iter().map(|t| format!("{t}\n")).collect::<String>(),
        )
        .unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_admit_loop"))
            .arg(&db)
            .arg(&file)
            .arg(start.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        start += 6_000 * (pending.len() as i64 + 1);
        let stdout = child.stdout.take().unwrap();
        let deadline = Instant::now() + Duration::from_millis(rng.random_range(30..400));
        let reader = std::thread::spawn(move || {
            let mut lines = Vec::new();
            for line in BufReader::new(stdout).lines() {
                match line {
                    Ok(l) => lines.push(l),
                    Err(_) => break,
                }
            }
            lines
        });
        while Instant::now() < deadline {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        if child.try_wait().unwrap().is_none() {
            unsafe {
                libc::kill(child.id() as i32, libc::SIGKILL);
            }
            killed_mid_run += 1;
        }
        child.wait().unwrap();
        for line in reader.join().unwrap() {
            let mut parts = line.split_whitespace();
            if parts.next() != Some("ADMITTED") {
                continue; // a line cut by the kill was never shown whole
            }
            let (Some(no), Some(photo)) = (parts.next(), parts.next()) else {
                continue;
            };
            let Ok(no) = no.parse::<u64>() else { continue };
            let previous = shown.insert(no, photo.to_string());
            assert!(previous.is_none(), "{no} was shown admitted twice");
        }

        // Reopen as the app would after a restart.
        let mut door = Scanner::open(&db).expect("the database reopens after a kill");
        let records = door.records().unwrap();
        let mut numbers = HashSet::new();
        let mut stored: HashMap<u64, String> = HashMap::new();
        for r in &records {
            if let Action::Number { student_no, .. } = r.action {
                let photo = r.photo_no().unwrap();
                // One sequence per room and session: 一教104 runs session 1 on 6月3日 and
                // session 5 on 6月4日, and the rounds' clock runs into the second day.
                assert!(
                    numbers.insert((r.session, photo.clone())),
                    "photo number {photo} used twice in session {}",
                    r.session
                );
                stored.insert(student_no, photo);
            }
        }
        for (no, photo) in &shown {
            assert_eq!(
                stored.get(no),
                Some(photo),
                "admission of {no} shown as {photo} was lost"
            );
        }
    }
    assert!(
        killed_mid_run >= 10,
        "only {killed_mid_run} kills landed mid-run"
    );
    assert!(!shown.is_empty());
}

fn admitted_text(prep: &Prepared, shown: &HashMap<u64, String>, text: &str) -> bool {
    prep.passes
        .iter()
        .any(|(no, t)| t == text && shown.contains_key(no))
}
