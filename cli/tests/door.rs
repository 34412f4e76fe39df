//! The morning at the door, with a laptop and a USB scanner: `scan` reads passes line by line and
//! answers as a staff phone would; logs go back to the 教务处 and become attendance.

mod common;

use common::*;
use predicates::prelude::*;
use serde_json::Value;
use std::path::Path;

/// `scan --json` at a station given as `--room 一教104` (one laptop, door and studio, the
/// photographer checks the 采集码) or as the older `--station 1`.
fn scan_json(dir: &Path, db: &Path, at: &[&str], now: &str, input: String) -> Vec<Value> {
    let a = photoday()
        .args(["scan", "--json", "--no-code-check"])
        .args(at)
        .args(["--now", now, "--device-db"])
        .arg(db)
        .arg("--dir")
        .arg(dir)
        .write_stdin(input)
        .assert()
        .success();
    stdout_of(&a)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

#[test]
fn each_scanned_line_gets_one_json_verdict() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = ready_event(tmp.path());
    let passes = pass_texts(&dir);
    let mut tampered: Vec<char> = passes[&2020010003].chars().collect();
    tampered[100] = if tampered[100] == 'A' { 'B' } else { 'A' };
    let tampered: String = tampered.into_iter().collect();
    // Another event's pass: the same notice, but another key.
    let other = ready_event(&tmp.path().join("other"));
    let foreign = pass_texts(&other)[&2020010001].clone();

    let input = [
        passes[&2020010001].as_str(),    // admitted
        passes[&2020020001].as_str(),    // 会计学院: wrong room
        "",                              // a stray Enter is skipped
        "hello",                         // not a pass
        "https://www.chsi.com.cn/xlcj/", // the 采集码 by mistake
        &tampered,                       // forged
        foreign.as_str(),                // another event
        "2020010002",                    // typed by hand
        passes[&2020010002].as_str(),    // then the pass too
    ]
    .join("\r\n");
    let db = tmp.path().join("door.db");
    let lines = scan_json(&dir, &db, &["--room", "一教104"], "2023-06-03 09:40", input);
    let verdicts: Vec<&str> = lines
        .iter()
        .map(|l| l["verdict"].as_str().unwrap())
        .collect();
    assert_eq!(
        verdicts,
        [
            "numbered",
            "wrong_session",
            "not_a_pass",
            "not_a_pass",
            "bad_signature",
            "unknown_key",
            "numbered",
            "already_numbered",
        ]
    );
    for l in &lines {
        assert!(
            l.get("student_no").is_some() && l.get("photo_no").is_some(),
            "{l}"
        );
    }
    assert_eq!(lines[0]["student_no"], 2020010001u64);
    assert_eq!(lines[0]["photo_no"], "001");
    assert_eq!(lines[0]["batch"], 1);
    assert_eq!(lines[0]["name"], "李明");
    assert_eq!(lines[1]["session"], 2);
    assert_eq!(lines[1]["photo_no"], Value::Null);
    assert!(lines[1]["headline"].as_str().unwrap().contains("Room 108"));
    assert_eq!(lines[3]["hint"], "looks_like_collection_code");
    assert_eq!(lines[4]["student_no"], 2020010003u64);
    assert_eq!(lines[6]["via"], "manual");
    assert_eq!(lines[6]["photo_no"], "002");
    assert_eq!(lines[7]["photo_no"], "002");

    // The same database, on the same day: numbering goes on; the first student is already in.
    // `--station COLLEGE` still works: it guards that college's room.
    let lines = scan_json(
        &dir,
        &db,
        &["--station", "信息技术与工程学院"],
        "2023-06-03 10:05",
        format!("{}\n{}\n", passes[&2020010003], passes[&2020010001]),
    );
    assert_eq!(lines[0]["verdict"], "numbered");
    assert_eq!(lines[0]["photo_no"], "003");
    assert_eq!(lines[1]["verdict"], "already_numbered");
}

#[test]
fn the_door_screen_shows_photo_number_and_batch_and_staff_can_undo_and_override() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = ready_event(tmp.path());
    let passes = pass_texts(&dir);
    let input = format!(
        "{}\n/batch\n/undo\n/status\n{}\n/override checked with the counsellor\n/nonsense\n",
        passes[&2020010001], passes[&2020010002]
    );
    let a = photoday()
        .args([
            "scan",
            "--room",
            "一教104",
            "--no-code-check",
            "--lane",
            "A",
            "--now",
            "2023-06-03 09:20",
            "--dir",
        ])
        .arg(&dir)
        .write_stdin(input)
        .assert()
        .success();
    let out = stdout_of(&a);
    assert!(
        out.contains("Imported a scanner bundle: 4 students"),
        "{out}"
    );
    assert!(out.contains("Photo no. A001"), "{out}");
    assert!(out.contains("batch 1"));
    assert!(out.contains("Batch 1 · 1/8"), "{out}");
    assert!(out.contains("Undid photo no. A001"));
    assert!(out.contains("photographed 0/3"), "{out}");
    assert!(
        out.contains("Photo no. A002"),
        "numbers are never reused: {out}"
    );
    assert!(
        !out.contains("A003"),
        "an override of a student just numbered gives no second number: {out}"
    );
    assert!(!out.contains("\x1b["), "no colour when not a terminal");
    assert!(stderr_of(&a).contains("unknown command /nonsense"));

    // 07:00 is too early for the 09:30 window: staff override with a reason.
    let early = format!(
        "{}\n/override checked with the counsellor\n",
        passes[&2020010003]
    );
    let db = tmp.path().join("early.db");
    let lines = scan_json(&dir, &db, &["--room", "一教104"], "2023-06-03 07:00", early);
    assert_eq!(lines[0]["verdict"], "outside_window");
    assert_eq!(lines[0]["timing"], "too_early");
    assert_eq!(lines[0]["overridable"], true);
    assert_eq!(lines[1]["verdict"], "numbered");
    assert_eq!(lines[1]["via"], "override");
}

#[test]
fn door_logs_merge_into_the_event_folder_once_and_show_in_attendance() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = ready_event(tmp.path());
    let passes = pass_texts(&dir);
    let bundle = tmp.path().join("door.photoday");
    photoday()
        .args(["bundle", "scanner", "--out"])
        .arg(&bundle)
        .arg("--dir")
        .arg(&dir)
        .assert()
        .success();
    // Two laptops, no event folder at the door: only the bundle. The same student at both.
    let (a_db, b_db) = (tmp.path().join("a.db"), tmp.path().join("b.db"));
    for (db, lane, now) in [
        (&a_db, "A", "2023-06-03 09:35"),
        (&b_db, "B", "2023-06-03 09:36"),
    ] {
        let a = photoday()
            .args([
                "scan",
                "--json",
                "--room",
                "一教104",
                "--no-code-check",
                "--lane",
                lane,
            ])
            .args(["--now", now, "--bundle"])
            .arg(&bundle)
            .arg("--device-db")
            .arg(db)
            .arg("--dir")
            .arg(tmp.path().join("not-here"))
            .write_stdin(format!("{}\n/close\n", passes[&2020010001]))
            .assert()
            .success();
        let first = stdout_of(&a).lines().next().unwrap().to_string();
        let v: Value = serde_json::from_str(&first).unwrap();
        assert_eq!(v["photo_no"], format!("{lane}001"));
    }
    let (a_log, b_log) = (
        tmp.path().join("a.photodaylog"),
        tmp.path().join("b.photodaylog"),
    );
    for (db, log) in [(&a_db, &a_log), (&b_db, &b_log)] {
        photoday()
            .args(["log", "export", "--device-db"])
            .arg(db)
            .arg("--out")
            .arg(log)
            .assert()
            .success()
            .stdout(predicate::str::contains("Exported the log"));
    }
    photoday()
        .args(["log", "import"])
        .arg(&a_log)
        .arg(&b_log)
        .arg("--dir")
        .arg(&dir)
        .assert()
        .success()
        .stdout(predicate::str::contains("2 new records"));
    photoday()
        .args(["log", "import"])
        .arg(&a_log)
        .arg("--dir")
        .arg(&dir)
        .assert()
        .success()
        .stdout(predicate::str::contains("0 new records, 2 already here"));
    // Phone to phone as well.
    photoday()
        .args(["log", "import"])
        .arg(&b_log)
        .arg("--device-db")
        .arg(&a_db)
        .assert()
        .success();

    let report = tmp.path().join("attendance.csv");
    photoday()
        .args(["report", "attendance", "--out"])
        .arg(&report)
        .arg("--dir")
        .arg(&dir)
        .assert()
        .success()
        .stdout(predicate::str::contains("1/4 photographed"))
        .stdout(predicate::str::contains("1 photographed twice"));
    let text = std::fs::read_to_string(&report).unwrap();
    assert!(
        text.contains("1,信息技术与工程学院,一教104,2023-06-03,软件1班,2,1,1"),
        "{text}"
    );
    let dups = tmp.path().join("dups.xlsx");
    photoday()
        .args(["report", "duplicates", "--out"])
        .arg(&dups)
        .arg("--dir")
        .arg(&dir)
        .assert()
        .success();
    let rows = xlsx_rows(&dups, None);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1][0], "2020010001");
    assert_eq!((rows[1][3].as_str(), rows[1][6].as_str()), ("A001", "B001"));

    let export = tmp.path().join("all.photodaylog");
    photoday()
        .args(["log", "export", "--out"])
        .arg(&export)
        .arg("--dir")
        .arg(&dir)
        .assert()
        .success();
    assert!(export.exists());
}

#[test]
fn a_door_without_a_bundle_or_with_a_wrong_station_or_clock_says_what_to_do() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = ready_event(tmp.path());
    let one_line = |a: assert_cmd::assert::Assert| {
        let a = a.failure().code(2);
        let err = stderr_of(&a);
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        err
    };
    let err = one_line(
        photoday()
            .args(["scan", "--room", "一教104", "--device-db"])
            .arg(tmp.path().join("x.db"))
            .arg("--dir")
            .arg(tmp.path())
            .write_stdin("")
            .assert(),
    );
    assert!(err.contains("--bundle"), "{err}");
    let err = one_line(
        photoday()
            .args(["scan", "--station", "火星学院", "--dir"])
            .arg(&dir)
            .write_stdin("")
            .assert(),
    );
    assert!(err.contains("no session"));
    let err = one_line(
        photoday()
            .args(["scan", "--room", "二教101", "--dir"])
            .arg(&dir)
            .write_stdin("")
            .assert(),
    );
    assert!(err.contains("一教104、一教108"), "{err}");
    let err = one_line(
        photoday()
            .args(["scan", "--room", "一教104", "--now", "tomorrow", "--dir"])
            .arg(&dir)
            .write_stdin("")
            .assert(),
    );
    assert!(err.contains("2023-06-03 09:40"));
    let err = one_line(
        photoday()
            .args(["log", "import", "nothing.photodaylog", "--dir"])
            .arg(&dir)
            .assert(),
    );
    assert!(err.contains("nothing.photodaylog"));
}

#[test]
fn the_laptop_door_reads_typed_lines_as_the_phones_do() {
    // The laptop uses the core's door loop: a number typed with full-width digits (an IME left
    // in full-width mode) is a check-in by hand; /override re-judges the student typed last;
    // 15 digits is not a student number and says so.
    let tmp = tempfile::tempdir().unwrap();
    let dir = ready_event(tmp.path());
    let db = tmp.path().join("door.db");
    let input = [
        "２０２０１１０００１", // not on the roster: amber, overridable
        "/override 辅导员确认：名单漏了",
        "123456789012345",
    ]
    .join("\n");
    let lines = scan_json(&dir, &db, &["--room", "一教104"], "2023-06-03 09:40", input);
    assert_eq!(lines[0]["student_no"], 2020110001u64, "{}", lines[0]);
    assert_eq!(lines[0]["verdict"], "not_on_roster", "{}", lines[0]);
    assert_eq!(lines[1]["verdict"], "numbered", "{}", lines[1]);
    assert_eq!(lines[1]["via"], "override", "{}", lines[1]);
    assert_eq!(lines[1]["student_no"], 2020110001u64, "{}", lines[1]);
    assert!(
        lines[2]["notice"]
            .as_str()
            .unwrap()
            .contains("not a student number"),
        "{}",
        lines[2]
    );
}
