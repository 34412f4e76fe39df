//! Nothing lost or silently changed on the admin laptop: private files, the wrong database
//! refused before it is touched, arguments checked before anything is created, errors that name
//! the missing file and the command that makes it, a bounded input line, and a laptop door that
//! refuses a reissued pass right after `passes reissue`.

mod common;

use common::{photoday, stderr_of, stdout_of};
use serde_json::Value;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

fn scan(dir: &Path, extra: &[&str], input: String) -> assert_cmd::assert::Assert {
    photoday()
        .args([
            "scan",
            "--json",
            "--station",
            "1",
            "--now",
            "2023-06-03 09:40",
        ])
        .args(extra)
        .arg("--dir")
        .arg(dir)
        .write_stdin(input)
        .assert()
}

fn json_lines(a: &assert_cmd::assert::Assert) -> Vec<Value> {
    stdout_of(a)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l}: {e}")))
        .collect()
}

fn verdicts(a: &assert_cmd::assert::Assert) -> Vec<String> {
    json_lines(a)
        .iter()
        .filter_map(|v| v["verdict"].as_str().map(str::to_string))
        .collect()
}

#[test]
fn the_database_and_reports_holding_names_are_readable_by_their_owner_only() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = common::ready_event(tmp.path());
    assert_eq!(mode(&dir.join("photoday.db")), 0o600);
    let report = tmp.path().join("absentees.csv");
    // Even over an existing file that others could read.
    std::fs::write(&report, "old").unwrap();
    std::fs::set_permissions(&report, std::fs::Permissions::from_mode(0o644)).unwrap();
    photoday()
        .args(["report", "absentees", "--out"])
        .arg(&report)
        .arg("--dir")
        .arg(&dir)
        .assert()
        .success();
    assert_eq!(mode(&report), 0o600);
    let xlsx = tmp.path().join("absentees.xlsx");
    photoday()
        .args(["report", "absentees", "--out"])
        .arg(&xlsx)
        .arg("--dir")
        .arg(&dir)
        .assert()
        .success();
    assert_eq!(mode(&xlsx), 0o600);
    common::pass_texts(&dir);
    assert_eq!(mode(&tmp.path().join("passes-export/passes.csv")), 0o600);
    scan(&dir, &[], String::new()).success();
    assert_eq!(mode(&dir.join("scanner.db")), 0o600);
}

#[test]
fn the_event_database_is_refused_as_a_door_database_and_left_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = common::ready_event(tmp.path());
    let db = dir.join("photoday.db");
    let before = std::fs::read(&db).unwrap();
    let a = scan(&dir, &["--device-db", db.to_str().unwrap()], String::new()).code(2);
    let err = stderr_of(&a);
    assert!(
        err.contains("is an event folder's database") && err.contains("door.db"),
        "{err}"
    );
    let a = photoday()
        .args(["log", "export", "--out"])
        .arg(tmp.path().join("x.log"))
        .arg("--device-db")
        .arg(&db)
        .arg("--dir")
        .arg(&dir)
        .assert()
        .code(2);
    assert!(stderr_of(&a).contains("is an event folder's database"));
    assert_eq!(std::fs::read(&db).unwrap(), before, "not a byte written");
    assert!(!tmp.path().join("x.log").exists());

    // And the other way: a door database where the event's should be is refused by every
    // admin command.
    let door = tmp.path().join("door.db");
    scan(
        &dir,
        &["--device-db", door.to_str().unwrap()],
        String::new(),
    )
    .success();
    std::fs::rename(&db, tmp.path().join("photoday.db.bak")).unwrap();
    std::fs::copy(&door, &db).unwrap();
    let a = photoday()
        .args(["passes", "issue", "--dir"])
        .arg(&dir)
        .assert()
        .code(2);
    assert!(
        stderr_of(&a).contains("is a door database"),
        "{}",
        stderr_of(&a)
    );
}

#[test]
fn a_wrong_station_creates_no_database() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = common::ready_event(tmp.path());
    let a = photoday()
        .args(["scan", "--station", "99", "--dir"])
        .arg(&dir)
        .write_stdin("")
        .assert()
        .code(2);
    assert!(
        stderr_of(&a).contains("no session `99`"),
        "{}",
        stderr_of(&a)
    );
    assert!(!dir.join("scanner.db").exists());
    let elsewhere = tmp.path().join("door.db");
    photoday()
        .args(["scan", "--station", "99", "--device-db"])
        .arg(&elsewhere)
        .arg("--dir")
        .arg(&dir)
        .write_stdin("")
        .assert()
        .code(2);
    assert!(!elsewhere.exists());
}

#[test]
fn a_missing_key_or_event_file_names_the_file_and_the_command_that_makes_it() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = common::ready_event(tmp.path());
    std::fs::remove_file(dir.join("event.key")).unwrap();
    let a = photoday()
        .args(["passes", "reissue", "2020010001", "--dir"])
        .arg(&dir)
        .assert()
        .code(2);
    let err = stderr_of(&a);
    assert!(
        err.contains("event.key is missing") && err.contains("photoday init"),
        "{err}"
    );
    let empty = tmp.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let a = photoday()
        .args(["roster", "history", "--dir"])
        .arg(&empty)
        .assert()
        .code(2);
    let err = stderr_of(&a);
    assert!(
        err.contains("event.toml") && err.contains("photoday init"),
        "{err}"
    );
    assert!(!empty.join("photoday.db").exists());
}

#[test]
fn a_runaway_line_on_the_door_is_ignored_and_said_so_and_the_next_pass_is_judged() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = common::ready_event(tmp.path());
    let pass = common::pass_texts(&dir)[&2020010001].clone();
    let input = format!("{}\n{pass}\n", "A".repeat(20 * 1024 * 1024));
    let a = scan(&dir, &[], input).success();
    let lines = json_lines(&a);
    assert_eq!(lines[0]["line"], 1);
    assert_eq!(lines[0]["ignored_bytes"], 20 * 1024 * 1024 + 1);
    assert!(lines[0]["error"].as_str().unwrap().contains("118"));
    assert_eq!(verdicts(&a).len(), 1, "the pass on line 2 was judged");
    assert_eq!(lines.last().unwrap()["line"], 2);
}

#[test]
fn a_reissued_pass_is_refused_by_scan_dir_right_after_passes_reissue() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = common::ready_event(tmp.path());
    let old = common::pass_texts(&dir)[&2020010003].clone();
    // The laptop door already holds a bundle from before the reissue.
    scan(&dir, &[], String::new()).success();
    photoday()
        .args(["passes", "reissue", "2020010003", "--dir"])
        .arg(&dir)
        .assert()
        .success();
    let a = scan(&dir, &[], format!("{old}\n")).success();
    let lines = json_lines(&a);
    assert!(
        lines.iter().any(|l| l["action"] == "bundle_refreshed"),
        "says it refreshed: {lines:?}"
    );
    assert_eq!(verdicts(&a), vec!["revoked"], "{lines:?}");
    let new = common::pass_texts(&dir)[&2020010003].clone();
    assert_ne!(new, old);
}

#[test]
fn a_separate_door_database_with_an_old_bundle_is_warned_about() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = common::ready_event(tmp.path());
    let door = tmp.path().join("door.db");
    let door_arg = door.to_str().unwrap().to_string();
    scan(&dir, &["--device-db", &door_arg], String::new()).success();
    let a = photoday()
        .args(["scan", "--station", "1", "--device-db", &door_arg, "--dir"])
        .arg(&dir)
        .write_stdin("")
        .assert()
        .success();
    assert!(!stderr_of(&a).contains("older than the event folder"));
    photoday()
        .args(["passes", "reissue", "2020010003", "--dir"])
        .arg(&dir)
        .assert()
        .success();
    let a = photoday()
        .args(["scan", "--station", "1", "--device-db", &door_arg, "--dir"])
        .arg(&dir)
        .write_stdin("")
        .assert()
        .success();
    let err = stderr_of(&a);
    assert!(
        err.contains("older than the event folder") && err.contains("--bundle"),
        "{err}"
    );
}

#[test]
fn a_200_mb_line_on_the_door_does_not_grow_the_process() {
    // Python runs the door and reads the child's peak memory (ru_maxrss, KB on Linux).
    let tmp = tempfile::tempdir().unwrap();
    let dir = common::ready_event(tmp.path());
    let probe = r#"
import resource, subprocess, sys, tempfile
# Started first, so the child is forked while this process is small; fed 1 MB at a time.
out = tempfile.TemporaryFile()
p = subprocess.Popen(sys.argv[1:], stdin=subprocess.PIPE, stdout=out, stderr=subprocess.DEVNULL)
chunk = b"A" * (1024 * 1024)
for _ in range(200):
    p.stdin.write(chunk)
p.stdin.write(b"\n")
p.stdin.close()
assert p.wait() == 0
out.seek(0)
sys.stdout.write("%d\n" % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.stdout.write(out.read().decode())
"#;
    let out = std::process::Command::new("python3")
        .arg("-c")
        .arg(probe)
        .arg(env!("CARGO_BIN_EXE_photoday"))
        .args(["--lang", "en", "scan", "--json", "--station", "1", "--dir"])
        .arg(&dir)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    let peak_kb: u64 = lines.next().unwrap().parse().unwrap();
    assert!(
        peak_kb < 64 * 1024,
        "the door grew to {} MB on one long line",
        peak_kb / 1024
    );
    assert!(
        lines.any(|l| l.contains("\"ignored_bytes\":209715201")),
        "{text}"
    );
}
