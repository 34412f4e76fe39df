//! `photoday device add|list|remove|code`: the 教务处 enrols the event's phones and laptops from
//! their enrolment code (its text, or a photo of its QR code); a log of a device that is not
//! enrolled is kept aside and merges once it is.

mod common;

use common::*;
use serde_json::Value;
use std::path::Path;

/// A laptop door's enrolment code: `device code` prints its text and writes its QR as a PNG.
fn code_of(db: &Path, name: &str, png: &Path) -> String {
    let a = photoday()
        .args(["device", "code", "--device-db"])
        .arg(db)
        .args(["--name", name, "--png"])
        .arg(png)
        .assert()
        .success();
    let text = stdout_of(&a);
    assert!(text.contains("fingerprint"), "{text}");
    text.lines()
        .find(|l| l.starts_with("PDE1:"))
        .unwrap_or_else(|| panic!("no code in {text}"))
        .to_string()
}

/// `bundle scanner` for the event in `dir`, written into `tmp`; returns its path.
fn scanner_bundle(dir: &Path, tmp: &Path) -> std::path::PathBuf {
    let bundle = tmp.join("door.photoday");
    photoday()
        .args(["bundle", "scanner", "--out"])
        .arg(&bundle)
        .arg("--dir")
        .arg(dir)
        .assert()
        .success();
    bundle
}

fn open_bundle(path: &Path) -> photoday_core::bundle::BundleContent {
    photoday_core::bundle::open(&std::fs::read(path).unwrap(), None).unwrap()
}

/// The event key's fingerprint as `event show --json` gives it.
fn key_fingerprint(dir: &Path) -> String {
    let a = photoday()
        .args(["event", "show", "--json", "--dir"])
        .arg(dir)
        .assert()
        .success();
    let j: Value = serde_json::from_str(&stdout_of(&a)).unwrap();
    j["key_fingerprint"].as_str().unwrap().to_string()
}

fn list(dir: &Path) -> Value {
    let a = photoday()
        .args(["device", "list", "--json", "--dir"])
        .arg(dir)
        .assert()
        .success();
    serde_json::from_str(&stdout_of(&a)).unwrap()
}

/// One pass scanned on a laptop door database; returns its log file.
fn scan_and_export(dir: &Path, db: &Path, pass: &str, log: &Path) {
    photoday()
        .args(["scan", "--json", "--room", "一教104", "--no-code-check"])
        .args(["--now", "2023-06-03 09:40", "--device-db"])
        .arg(db)
        .arg("--dir")
        .arg(dir)
        .write_stdin(format!("{pass}\n"))
        .assert()
        .success();
    photoday()
        .args(["log", "export", "--device-db"])
        .arg(db)
        .arg("--out")
        .arg(log)
        .assert()
        .success();
}

#[test]
fn a_device_is_enrolled_from_its_code_text_or_a_photo_of_its_qr_listed_and_removed() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = ready_event(tmp.path());
    let before = list(&dir);
    assert_eq!(before["enrolment_required"], false);

    let door = code_of(
        &tmp.path().join("door.db"),
        "一教104 门口",
        &tmp.path().join("door.png"),
    );
    let add = photoday()
        .args(["device", "add", &door, "--dir"])
        .arg(&dir)
        .assert()
        .success();
    assert!(
        stdout_of(&add).contains("Enrolled “一教104 门口”"),
        "{}",
        stdout_of(&add)
    );

    // The studio laptop's code, from a photo of its QR code (read by the core's decoder).
    let studio_png = tmp.path().join("studio.png");
    let studio = code_of(&tmp.path().join("studio.db"), "一教104 摄影室", &studio_png);
    photoday()
        .args(["device", "add"])
        .arg(&studio_png)
        .arg("--dir")
        .arg(&dir)
        .assert()
        .success();
    let l = list(&dir);
    assert_eq!(l["enrolment_required"], true);
    let devices = l["devices"].as_array().unwrap();
    assert_eq!(devices.len(), 2);
    assert_eq!(devices[1]["station"], "一教104 摄影室");
    let fp = devices[1]["fingerprint"].as_str().unwrap();
    assert!(studio.starts_with(&format!("PDE1:{fp}:")), "{studio}");

    // Wrong inputs say what to do.
    let bad = photoday()
        .args(["device", "add", "hello", "--dir"])
        .arg(&dir)
        .assert()
        .code(2);
    assert!(
        stderr_of(&bad).contains("enrolment code"),
        "{}",
        stderr_of(&bad)
    );
    let changed = door.replacen("PDE1:", "PDE1:0", 1);
    photoday()
        .args(["device", "add", &changed, "--dir"])
        .arg(&dir)
        .assert()
        .code(2);

    // Removed by station name; the scanner bundle shows the devices it carries.
    photoday()
        .args(["device", "remove", "一教104 门口", "--dir"])
        .arg(&dir)
        .assert()
        .success();
    assert_eq!(list(&dir)["devices"].as_array().unwrap().len(), 1);
    photoday()
        .args(["device", "remove", "nobody", "--dir"])
        .arg(&dir)
        .assert()
        .failure();
    let bundle = scanner_bundle(&dir, tmp.path());
    let show = photoday()
        .args(["bundle", "show"])
        .arg(&bundle)
        .assert()
        .success();
    assert!(
        stdout_of(&show).contains("一教104 摄影室"),
        "{}",
        stdout_of(&show)
    );
}

#[test]
fn an_unknown_doors_log_is_kept_aside_and_merges_after_device_add() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = ready_event(tmp.path());
    let passes = pass_texts(&dir);
    let known_db = tmp.path().join("known.db");
    let stranger_db = tmp.path().join("stranger.db");
    let known = code_of(&known_db, "一教104 门口", &tmp.path().join("k.png"));
    photoday()
        .args(["device", "add", &known, "--dir"])
        .arg(&dir)
        .assert()
        .success();

    let log = tmp.path().join("stranger.photodaylog");
    scan_and_export(&dir, &stranger_db, &passes[&2020010001], &log);
    let import = photoday()
        .args(["log", "import"])
        .arg(&log)
        .arg("--dir")
        .arg(&dir)
        .assert()
        .success();
    let text = stdout_of(&import);
    assert!(text.contains("0 new records"), "{text}");
    assert!(
        text.contains("kept aside") && text.contains("photoday device add"),
        "{text}"
    );
    let waiting = list(&dir)["kept_aside"].clone();
    assert_eq!(waiting[0]["records"], 1, "{waiting}");

    // The stranger's laptop is enrolled: its kept records merge.
    let stranger = code_of(&stranger_db, "一教104 摄影室", &tmp.path().join("s.png"));
    let fp = waiting[0]["fingerprint"].as_str().unwrap();
    assert!(stranger.contains(fp), "the fingerprint staff compare");
    let add = photoday()
        .args(["device", "add", &stranger, "--dir"])
        .arg(&dir)
        .assert()
        .success();
    assert!(
        stdout_of(&add).contains("1 new records"),
        "{}",
        stdout_of(&add)
    );
    let again = photoday()
        .args(["log", "import", "--pending", "--dir"])
        .arg(&dir)
        .assert()
        .success();
    assert!(
        stdout_of(&again).contains("Nothing waits aside"),
        "{}",
        stdout_of(&again)
    );
    assert!(list(&dir)["kept_aside"].as_array().unwrap().is_empty());
}

#[test]
fn a_laptop_door_shows_its_code_and_event_show_prints_the_key_fingerprint_phones_show() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = ready_event(tmp.path());
    let a = photoday()
        .args([
            "scan",
            "--enrolment-code",
            "--room",
            "一教104",
            "--role",
            "door",
        ])
        .arg("--device-db")
        .arg(tmp.path().join("door.db"))
        .arg("--dir")
        .arg(&dir)
        .assert()
        .success();
    assert!(
        stdout_of(&a).contains("PDE1:") && stdout_of(&a).contains(":一教104 door"),
        "{}",
        stdout_of(&a)
    );

    let show = photoday()
        .args(["event", "show", "--dir"])
        .arg(&dir)
        .assert()
        .success();
    let bundle = scanner_bundle(&dir, tmp.path());
    let fp = photoday_core::bundle::signer_fingerprint(&open_bundle(&bundle));
    assert!(
        stdout_of(&show).contains(&format!("Event key fingerprint: {fp}")),
        "{}",
        stdout_of(&show)
    );
    assert_eq!(key_fingerprint(&dir), fp);
}

#[test]
fn a_rotated_event_key_signs_the_next_bundles_and_old_passes_still_verify() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = ready_event(tmp.path());
    let passes = pass_texts(&dir);
    let before = key_fingerprint(&dir);
    let a = photoday()
        .args(["event", "rotate-key", "--dir"])
        .arg(&dir)
        .assert()
        .success();
    let after = key_fingerprint(&dir);
    assert_ne!(before, after);
    assert!(
        stdout_of(&a).contains(&format!("{before} → {after}")),
        "{}",
        stdout_of(&a)
    );
    photoday()
        .args(["pass", "verify", &passes[&2020010001], "--dir"])
        .arg(&dir)
        .assert()
        .success();
    let bundle = scanner_bundle(&dir, tmp.path());
    let c = open_bundle(&bundle);
    assert_eq!(photoday_core::bundle::signer_fingerprint(&c), after);
    assert_eq!(c.trust.rotations.len(), 1);
}

#[test]
fn the_folders_own_laptop_door_enrols_itself_once_the_event_enrols_devices() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = ready_event(tmp.path());
    let passes = pass_texts(&dir);
    let phone = code_of(
        &tmp.path().join("phone.db"),
        "一教104 门口",
        &tmp.path().join("p.png"),
    );
    photoday()
        .args(["device", "add", &phone, "--dir"])
        .arg(&dir)
        .assert()
        .success();
    let scan = || {
        photoday()
            .args(["scan", "--room", "一教104", "--no-code-check"])
            .args(["--now", "2023-06-03 09:40", "--dir"])
            .arg(&dir)
            .write_stdin(format!("{}\n", passes[&2020010001]))
            .assert()
            .success()
    };
    let a = scan();
    assert!(
        stdout_of(&a).contains("is enrolled as “一教104 both"),
        "{}",
        stdout_of(&a)
    );
    assert_eq!(list(&dir)["devices"].as_array().unwrap().len(), 2);
    // Once only; and its log merges into the folder.
    assert!(!stdout_of(&scan()).contains("is enrolled as"));
    let log = tmp.path().join("laptop.photodaylog");
    photoday()
        .args(["log", "export", "--device-db"])
        .arg(dir.join("scanner.db"))
        .arg("--out")
        .arg(&log)
        .assert()
        .success();
    let import = photoday()
        .args(["log", "import"])
        .arg(&log)
        .arg("--dir")
        .arg(&dir)
        .assert()
        .success();
    assert!(
        !stdout_of(&import).contains("kept aside"),
        "{}",
        stdout_of(&import)
    );
}
