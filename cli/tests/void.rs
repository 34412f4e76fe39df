//! `photoday log void`: the 教务处 voids a record by the DEVICE:SEQ reports name, with a reason;
//! reports and every phone that merges the folder's log agree.

mod common;

use common::*;
use serde_json::Value;
use std::path::Path;

/// One pass scanned on the laptop's door database at `now`: its JSON verdict.
fn scan_one(dir: &Path, db: &Path, now: &str, pass: &str) -> Value {
    let a = photoday()
        .args(["scan", "--json", "--room", "一教104", "--no-code-check"])
        .args(["--now", now, "--device-db"])
        .arg(db)
        .arg("--dir")
        .arg(dir)
        .write_stdin(format!("{pass}\n"))
        .assert()
        .success();
    serde_json::from_str(stdout_of(&a).lines().next().unwrap()).unwrap()
}

#[test]
fn the_admin_voids_a_door_record_and_the_attendance_follows() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = ready_event(tmp.path());
    let passes = pass_texts(&dir);
    let db = tmp.path().join("door.db");
    let v = scan_one(&dir, &db, "2023-06-03 09:40", &passes[&2020010001]);
    assert_eq!(v["verdict"], "numbered");
    let seq = v["record_seq"].as_u64().unwrap();
    let log = tmp.path().join("door.photodaylog");
    photoday()
        .args(["log", "export", "--device-db"])
        .arg(&db)
        .arg("--out")
        .arg(&log)
        .assert()
        .success();
    photoday()
        .args(["log", "import"])
        .arg(&log)
        .arg("--dir")
        .arg(&dir)
        .assert()
        .success();
    let device = {
        let bytes = std::fs::read(&log).unwrap();
        photoday_core::log::decode(&bytes).unwrap().records[0]
            .device
            .clone()
    };
    // A malformed record name and a missing reason are refused with what to write.
    let bad = photoday()
        .args(["log", "void", "nonsense", "--reason", "x", "--dir"])
        .arg(&dir)
        .assert()
        .failure();
    assert!(
        stderr_of(&bad).contains("DEVICE:SEQ"),
        "{}",
        stderr_of(&bad)
    );
    let ok = photoday()
        .args([
            "log",
            "void",
            &format!("{device}:{seq}"),
            "--reason",
            "wrong student scanned",
            "--dir",
        ])
        .arg(&dir)
        .assert()
        .success();
    assert!(
        stdout_of(&ok).contains(&format!("Voided record {device}:{seq}")),
        "{}",
        stdout_of(&ok)
    );
    let again = photoday()
        .args([
            "log",
            "void",
            &format!("{device}:{seq}"),
            "--reason",
            "again",
            "--dir",
        ])
        .arg(&dir)
        .assert()
        .failure();
    assert!(
        stderr_of(&again).contains("void already"),
        "{}",
        stderr_of(&again)
    );
    // The folder's merged log carries the void to the door laptop, which agrees.
    let admin_log = tmp.path().join("admin.photodaylog");
    photoday()
        .args(["log", "export", "--out"])
        .arg(&admin_log)
        .arg("--dir")
        .arg(&dir)
        .assert()
        .success();
    photoday()
        .args(["log", "import"])
        .arg(&admin_log)
        .arg("--device-db")
        .arg(&db)
        .assert()
        .success();
    let v = scan_one(&dir, &db, "2023-06-03 09:50", &passes[&2020010001]);
    assert_eq!(
        v["verdict"], "numbered",
        "the voided number no longer stands: {v}"
    );
}
