//! `photoday demo`, the README's first command: the whole day end to end into a fresh folder.

mod common;

use common::*;
use predicates::prelude::*;

#[test]
fn the_demo_runs_the_whole_day_and_leaves_every_file_behind() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("demo");
    let a = photoday()
        .args(["demo", "--students-per-session", "60", "--out"])
        .arg(&out)
        .assert()
        .success();
    let text = stdout_of(&a);
    for expected in [
        "The event, from the notice",
        "Imported",
        "600 students",
        "600 passes issued",
        "Arrival plan",
        "version 5-M",
        "be at the door by 09:10",
        "15-yuan photo fee due",
        "Checked in",
        "Wrong room: go to Teaching Building 1, Room 108",
        "Forged or altered pass",
        "This is the CHSI 采集码",
        "entered by hand",
        "check-ins merged",
        "enrolled “一教104 door A”",
        "all three phones show event key fingerprint",
        "(devices 一教104 door A (",
        "were kept aside, not merged and not lost",
        "Show the 采集码",
        "Photo no. 001",
        "▲ 003 void (glasses)",
        "not checked in at the door, recorded at the studio",
        "batch 1 shot: 7 marked photographed",
        "Photo no. 010",
        "back after stepping aside",
        "Already photographed · 001",
        "· 001 · batch 1”; make-up reminders: 0",
        "photographed 7/60",
        "checked in but has not been photographed",
        "0 new records",
        "Done",
    ] {
        assert!(
            text.contains(expected),
            "missing `{expected}` in the demo:\n{text}"
        );
    }
    assert!(stderr_of(&a).is_empty(), "{}", stderr_of(&a));
    for f in [
        "event/event.toml",
        "event/event.key",
        "event/photoday.db",
        "roster.xlsx",
        "scanner.photoday",
        "phone-a.db",
        "phone-b.db",
        "phone-studio.db",
        "phone-a.photodaylog",
        "phone-b.photodaylog",
        "phone-studio.photodaylog",
        "student.db",
        "attendance.csv",
        "attendance.xlsx",
        "absentees.csv",
        "absentees.xlsx",
        "fees.csv",
        "fees.xlsx",
        "plan.xlsx",
        "passes-print.html",
    ] {
        assert!(out.join(f).exists(), "{f} missing");
    }
    let pngs = std::fs::read_dir(&out)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with("pass-") && (n.ends_with(".png") || n.ends_with(".svg")))
        .count();
    assert_eq!(pngs, 2, "one student's pass as PNG and SVG");
    assert_eq!(csv_header(&out.join("fees.csv"))[0], "college");
    assert_eq!(csv_header(&out.join("absentees.csv"))[0], "student_no");
    let sheets = xlsx_sheets(&out.join("attendance.xlsx"));
    assert_eq!(
        sheets,
        ["attendance", "arrived not photographed", "duplicates"]
    );

    // The event folder the demo made works with every other command.
    photoday()
        .args(["plan", "--session", "1", "--dir"])
        .arg(out.join("event"))
        .assert()
        .success()
        .stdout(predicate::str::contains("09:30–09:42  软件1班"));

    // A second run into the same folder starts afresh.
    photoday()
        .args(["demo", "--students-per-session", "20", "--out"])
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains("200 students"));
}

#[test]
fn the_demo_speaks_chinese_and_never_overwrites_someone_elses_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let mine = tmp.path().join("mine");
    std::fs::create_dir(&mine).unwrap();
    std::fs::write(mine.join("thesis.docx"), "important").unwrap();
    let a = photoday()
        .args(["demo", "--out"])
        .arg(&mine)
        .assert()
        .failure()
        .code(2);
    assert!(stderr_of(&a).contains("--out"));
    assert!(mine.join("thesis.docx").exists());

    photoday()
        .env("LANG", "zh_CN.UTF-8")
        .args(["demo", "--students-per-session", "20", "--out"])
        .arg(tmp.path().join("zh"))
        .assert()
        .success()
        .stdout(predicate::str::contains("走错了：请去 一教108"))
        .stdout(predicate::str::contains("摄影编号 001"))
        .stdout(predicate::str::contains("第1批拍完：7人记为已拍"))
        .stdout(
            predicate::str::contains("活动 · ")
                .not()
                .or(predicate::str::contains("The event")),
        );
}
