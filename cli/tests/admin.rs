//! The 教务处's week before the day, through the command line: the event folder, the roster from
//! Excel, passes, bundles, the arrival plan and the reports — and the errors a tired person makes.

mod common;

use common::*;
use predicates::prelude::*;
use rust_xlsxwriter::Workbook;
use serde_json::Value;
use std::path::Path;

fn json_of(a: &assert_cmd::assert::Assert) -> Value {
    serde_json::from_str(&stdout_of(a)).expect("stdout is JSON")
}

/// Exactly one line on stderr, and a non-zero exit code.
fn one_line_error(a: assert_cmd::assert::Assert, code: i32) -> String {
    let a = a.failure().code(code);
    let err = stderr_of(&a);
    assert_eq!(
        err.trim_end().lines().count(),
        1,
        "one line expected, got: {err}"
    );
    assert!(!err.contains("panicked") && !err.contains("backtrace"));
    err
}

#[test]
fn init_makes_an_event_folder_whose_private_key_only_its_owner_can_read() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("gzcc");
    photoday()
        .arg("init")
        .arg(&dir)
        .assert()
        .success()
        .stdout(predicate::str::contains("Created the event folder"));
    for f in ["event.toml", "event.key", "event.pub", "photoday.db"] {
        assert!(dir.join(f).exists(), "{f} missing");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.join("event.key"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let err = one_line_error(photoday().arg("init").arg(&dir).assert(), 2);
    assert!(err.contains("already holds an event"));
    let err = one_line_error(
        photoday()
            .args(["init", "--template", "nowhere-2023"])
            .arg(tmp.path().join("x"))
            .assert(),
        2,
    );
    assert!(err.contains("gzcc-2023"));
}

#[test]
fn event_show_gives_the_notice_schedule_as_json() {
    let a = photoday()
        .args(["event", "show", "--template", "gzcc-2023", "--json"])
        .assert()
        .success();
    let j = json_of(&a);
    let sessions = j["sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), 10);
    assert_eq!(sessions[0]["college"], "信息技术与工程学院");
    assert_eq!(sessions[0]["date"], "2023-06-03");
    assert_eq!(sessions[0]["room"], "一教104");
    assert_eq!(sessions[0]["windows"][0]["start"], "09:30");
    assert_eq!(sessions[0]["windows"][1]["end"], "16:00");
    assert_eq!(sessions[7]["college"], "数字经济产业学院");
    assert_eq!(sessions[7]["windows"][0]["start"], "15:00");
    assert_eq!(j["fee_yuan"], 15);
    assert_eq!(j["fee_deadline"], "2023-05-20 17:00");
    assert_eq!(j["makeup_deadline"], "2024-04-30 17:00");
    assert_eq!(j["makeup_fee_yuan"], 60);
    assert_eq!(j["verify_after_days"], 40);
}

#[test]
fn event_show_reads_an_event_folder_and_speaks_chinese_when_asked() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("e");
    photoday().arg("init").arg(&dir).assert().success();
    photoday()
        .args(["event", "show", "--dir"])
        .arg(&dir)
        .assert()
        .success()
        .stdout(predicate::str::contains("Teaching Building 1, Room 104"))
        .stdout(predicate::str::contains("2023-05-20 17:00"));
    photoday()
        .args(["--lang", "zh", "event", "show", "--dir"])
        .arg(&dir)
        .assert()
        .success()
        .stdout(predicate::str::contains("一教104"))
        .stdout(predicate::str::contains("每人15元"));
    photoday()
        .env("LANG", "zh_CN.UTF-8")
        .args(["event", "show", "--dir"])
        .arg(&dir)
        .assert()
        .success()
        .stdout(predicate::str::contains("补拍"));
    let err = one_line_error(
        photoday()
            .args(["event", "show", "--dir"])
            .arg(tmp.path())
            .assert(),
        2,
    );
    assert!(err.contains("event.toml"));
}

/// A roster as a college sends it: a title row, then the header, student numbers as numbers.
fn write_xlsx(path: &Path, rows: &[Vec<&str>]) {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.write_string(0, 0, "2020级本科毕业生名单").unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32 + 1, c as u16);
            match cell.parse::<f64>() {
                Ok(n) if c == 0 => ws.write_number(r, c, n).unwrap(),
                _ => ws.write_string(r, c, *cell).unwrap(),
            };
        }
    }
    book.save(path).unwrap();
}

#[test]
fn an_xlsx_roster_with_bad_rows_imports_nothing_and_names_every_bad_row() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("e");
    photoday().arg("init").arg(&dir).assert().success();
    let file = tmp.path().join("名单.xlsx");
    write_xlsx(
        &file,
        &[
            vec!["学号", "姓名", "学院", "年级", "班级", "已缴费"],
            vec![
                "2020010001",
                "李明",
                "信息技术与工程学院",
                "2020级本科",
                "软件1班",
                "是",
            ], // row 3
            vec!["2020A1", "王芳", "会计学院", "2020级本科", "会计1班", "否"], // row 4
            vec![
                "2020010003",
                "张伟",
                "信息技术与工程学院",
                "2020级本科",
                "软件1班",
                "是",
            ], // row 5
            vec![
                "2020010004",
                "",
                "信息技术与工程学院",
                "2020级本科",
                "软件1班",
                "是",
            ], // row 6
            vec![
                "2020010005",
                "刘洋",
                "火星学院",
                "2020级本科",
                "软件1班",
                "是",
            ], // row 7
            vec![
                "2020010006",
                "陈静",
                "法学院",
                "2020级本科",
                "法学1班",
                "也许",
            ], // row 8
            vec![
                "2020010001",
                "李明",
                "信息技术与工程学院",
                "2020级本科",
                "软件1班",
                "是",
            ], // row 9
        ],
    );
    let a = photoday()
        .args(["roster", "import"])
        .arg(&file)
        .arg("--dir")
        .arg(&dir)
        .assert()
        .failure()
        .code(2);
    let err = stderr_of(&a);
    assert!(err.contains("nothing was imported"), "{err}");
    for expected in [
        "row 4, column 学号",
        "row 6, column 姓名",
        "row 7, column 学院",
        "row 8, column 已缴费",
        "row 9, column 学号",
    ] {
        assert!(err.contains(expected), "missing `{expected}` in:\n{err}");
    }
    assert!(
        err.contains("row 3"),
        "the duplicate names its first row: {err}"
    );
    assert_eq!(
        err.lines()
            .filter(|l| l.trim_start().starts_with("row "))
            .count(),
        5
    );
    // Nothing was stored: the roster is still empty.
    photoday()
        .args(["passes", "issue", "--dir"])
        .arg(&dir)
        .assert()
        .success()
        .stdout(predicate::str::contains("0 passes issued"))
        .stdout(predicate::str::contains("roster is empty"));
}

#[test]
fn a_good_xlsx_roster_is_imported_with_excel_numbers_read_as_student_numbers() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("e");
    photoday().arg("init").arg(&dir).assert().success();
    let file = tmp.path().join("roster.xlsx");
    write_xlsx(
        &file,
        &[
            vec!["student_no", "name", "college", "class", "paid"],
            vec![
                "202001010101",
                "Li Ming",
                "School of Accounting",
                "Acc 1",
                "yes",
            ],
            vec!["202001010102", "Wang Fang", "会计学院", "Acc 1", "no"],
        ],
    );
    photoday()
        .args(["roster", "import", "--dry-run"])
        .arg(&file)
        .arg("--dir")
        .arg(&dir)
        .assert()
        .success()
        .stdout(predicate::str::contains("dry run"));
    photoday()
        .args(["passes", "issue", "--dir"])
        .arg(&dir)
        .assert()
        .stdout(predicate::str::contains("0 passes issued"));
    photoday()
        .args(["roster", "import"])
        .arg(&file)
        .arg("--dir")
        .arg(&dir)
        .assert()
        .success()
        .stdout(predicate::str::contains("Imported"))
        .stdout(predicate::str::contains("2 students"));
    photoday()
        .args(["passes", "issue", "--dir"])
        .arg(&dir)
        .assert()
        .stdout(predicate::str::contains("2 passes issued"));
    let passes = pass_texts(&dir);
    assert!(passes.contains_key(&202001010101) && passes.contains_key(&202001010102));
}

#[test]
fn a_gbk_csv_saved_by_chinese_excel_is_read() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("e");
    photoday().arg("init").arg(&dir).assert().success();
    let (gbk, _, _) = encoding_rs::GBK.encode(ROSTER_CSV);
    let file = tmp.path().join("gbk.csv");
    std::fs::write(&file, &gbk).unwrap();
    photoday()
        .args(["roster", "import"])
        .arg(&file)
        .arg("--dir")
        .arg(&dir)
        .assert()
        .success()
        .stdout(predicate::str::contains("4 students"));
}

#[test]
fn passes_are_issued_once_and_exported_as_csv_images_and_a_printable_a4_sheet() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = ready_event(tmp.path());
    photoday()
        .args(["passes", "issue", "--dir"])
        .arg(&dir)
        .assert()
        .success()
        .stdout(predicate::str::contains("4 unchanged"));
    let out = tmp.path().join("out");
    for format in ["csv", "png", "svg", "html"] {
        photoday()
            .args(["passes", "export", "--format", format, "--out"])
            .arg(&out)
            .arg("--dir")
            .arg(&dir)
            .assert()
            .success()
            .stdout(predicate::str::contains("Exported 4 passes"));
    }
    let header = csv_header(&out.join("passes.csv"));
    assert_eq!(header[0], "student_no");
    assert!(header.contains(&"arrive_by".to_string()) && header.contains(&"pass".to_string()));
    let png = std::fs::read(out.join("2020010001.png")).unwrap();
    assert_eq!(&png[1..4], b"PNG");
    let svg = std::fs::read_to_string(out.join("2020020001.svg")).unwrap();
    assert!(svg.starts_with("<svg"));
    let html = std::fs::read_to_string(out.join("passes.html")).unwrap();
    assert!(html.contains("size: A4"));
    assert_eq!(html.matches("<svg").count(), 4);
    assert!(html.contains("李明") && html.contains("2020010001") && html.contains("一教104"));
    assert!(
        html.contains("09:10"),
        "the class time's arrive-by is on the card"
    );

    // One college only.
    photoday()
        .args([
            "passes",
            "export",
            "--format",
            "html",
            "--college",
            "会计学院",
            "--out",
        ])
        .arg(&out)
        .arg("--dir")
        .arg(&dir)
        .assert()
        .success()
        .stdout(predicate::str::contains("Exported 1 passes"));
    let html = std::fs::read_to_string(out.join("passes-会计学院.html")).unwrap();
    assert!(html.contains("赵强") && !html.contains("李明"));
    let err = one_line_error(
        photoday()
            .args([
                "passes",
                "export",
                "--format",
                "html",
                "--college",
                "火星学院",
                "--out",
            ])
            .arg(&out)
            .arg("--dir")
            .arg(&dir)
            .assert(),
        2,
    );
    assert!(err.contains("no session `火星学院`"));
}

#[test]
fn pass_qr_draws_a_png_or_the_terminal() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = ready_event(tmp.path());
    let text = pass_texts(&dir)[&2020010001].clone();
    let png = tmp.path().join("pass.png");
    photoday()
        .args(["pass", "qr", &text, "--png"])
        .arg(&png)
        .assert()
        .success()
        .stdout(predicate::str::contains("version 5-M"));
    assert_eq!(&std::fs::read(&png).unwrap()[1..4], b"PNG");
    photoday()
        .args(["pass", "qr", &text])
        .assert()
        .success()
        .stdout(predicate::str::contains("▀"));
}

#[test]
fn pass_verify_tells_a_genuine_pass_from_a_tampered_one() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = ready_event(tmp.path());
    let text = pass_texts(&dir)[&2020010003].clone();
    let a = photoday()
        .args(["pass", "verify", &text, "--json", "--dir"])
        .arg(&dir)
        .assert()
        .success();
    let j = json_of(&a);
    assert_eq!(j["valid"], true);
    assert_eq!(j["reason"], "valid");
    assert_eq!(j["student_no"], 2020010003u64);
    assert_eq!(j["session"], 1);
    assert_eq!(j["serial"], 0);

    // One character of the signature changed.
    let mut chars: Vec<char> = text.chars().collect();
    chars[60] = if chars[60] == 'A' { 'B' } else { 'A' };
    let tampered: String = chars.into_iter().collect();
    let a = photoday()
        .args(["pass", "verify", &tampered, "--json", "--dir"])
        .arg(&dir)
        .assert()
        .failure()
        .code(1);
    let j = json_of(&a);
    assert_eq!(j["valid"], false);
    assert!(
        j["reason"] == "bad_signature" || j["reason"] == "not_a_pass",
        "{j}"
    );

    let a = photoday()
        .args([
            "pass",
            "verify",
            "https://weixin.qq.com/x",
            "--json",
            "--dir",
        ])
        .arg(&dir)
        .assert()
        .failure();
    let j = json_of(&a);
    assert_eq!(j["reason"], "not_a_pass");
    assert_eq!(j["hint"], "looks_like_url");

    // Re-issued: the old pass is revoked.
    photoday()
        .args(["passes", "reissue", "2020010003", "--dir"])
        .arg(&dir)
        .assert()
        .success()
        .stdout(predicate::str::contains("revision 1"));
    let a = photoday()
        .args(["pass", "verify", &text, "--json", "--dir"])
        .arg(&dir)
        .assert()
        .failure();
    assert_eq!(json_of(&a)["reason"], "revoked");
    photoday()
        .args(["pass", "verify", &text, "--dir"])
        .arg(&dir)
        .assert()
        .failure()
        .stdout(predicate::str::contains("Pass replaced"));
}

#[test]
fn bundles_are_written_and_shown_and_a_tampered_one_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = ready_event(tmp.path());
    let scanner = tmp.path().join("door.photoday");
    let student = tmp.path().join("student.photoday");
    photoday()
        .args(["bundle", "scanner", "--with-names", "--out"])
        .arg(&scanner)
        .arg("--dir")
        .arg(&dir)
        .assert()
        .success()
        .stdout(predicate::str::contains("4 students, with names"));
    photoday()
        .args(["bundle", "student", "--out"])
        .arg(&student)
        .arg("--dir")
        .arg(&dir)
        .assert()
        .success();
    let a = photoday()
        .args(["bundle", "show", "--json"])
        .arg(&scanner)
        .assert()
        .success();
    let j = json_of(&a);
    assert_eq!(j["kind"], "scanner");
    assert_eq!(j["students"], 4);
    assert_eq!(j["with_names"], true);
    assert_eq!(j["plan"], true);
    photoday()
        .args(["bundle", "show"])
        .arg(&student)
        .arg("--dir")
        .arg(&dir)
        .assert()
        .success()
        .stdout(predicate::str::contains("signature valid"));

    let mut bytes = std::fs::read(&scanner).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0x40;
    let bad = tmp.path().join("bad.photoday");
    std::fs::write(&bad, bytes).unwrap();
    let err = one_line_error(photoday().args(["bundle", "show"]).arg(&bad).assert(), 2);
    assert!(err.contains("bundle refused"), "{err}");
}

/// 300 students of 数字经济产业学院: 2 hours at 150 an hour, but its window is 15:00–16:30.
fn crowded_roster(tmp: &Path) -> std::path::PathBuf {
    let mut csv = String::from("学号,姓名,学院,班级\n");
    for i in 0..300 {
        csv.push_str(&format!(
            "{},学生{i},数字经济产业学院,数媒{}班\n",
            2020080001 + i,
            i / 50 + 1
        ));
    }
    csv.push_str("2020010001,李明,信息技术与工程学院,软件1班\n");
    let path = tmp.join("crowded.csv");
    std::fs::write(&path, csv).unwrap();
    path
}

#[test]
fn plan_prints_each_class_time_flags_an_overfull_session_and_writes_xlsx() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("e");
    photoday().arg("init").arg(&dir).assert().success();
    photoday()
        .args(["roster", "import"])
        .arg(crowded_roster(tmp.path()))
        .arg("--dir")
        .arg(&dir)
        .assert()
        .success();
    let xlsx = tmp.path().join("plan.xlsx");
    let a = photoday()
        .args(["plan", "--xlsx"])
        .arg(&xlsx)
        .arg("--dir")
        .arg(&dir)
        .assert()
        .success();
    let out = stdout_of(&a);
    assert!(out.contains("15:00–15:20  数媒1班"), "{out}");
    assert!(out.contains("arrive by 14:40"));
    assert!(out.contains("does not fit"));
    assert!(
        out.contains("300 students at 150 an hour"),
        "the core's numbers: {out}"
    );
    assert!(out.contains("past the last window"));
    assert!(out.contains("09:30–09:30  软件1班") || out.contains("软件1班"));
    assert!(xlsx.exists());
    let rows = xlsx_rows(&xlsx, None);
    assert_eq!(rows[0][0], "session");
    assert!(rows[0].contains(&"arrive_by".to_string()));
    assert!(rows
        .iter()
        .any(|r| r[4] == "数媒1班" && r[6] == "15:00" && r[8] == "14:40"));
    assert_eq!(xlsx_sheets(&xlsx).len(), 2);

    let a = photoday()
        .args(["plan", "--json", "--dir"])
        .arg(&dir)
        .assert()
        .success();
    let j = json_of(&a);
    assert_eq!(j["overfull"], serde_json::json!([8]));
    assert_eq!(j["sessions"][7]["fits"], false);
    assert_eq!(j["sessions"][7]["students"], 300);

    // Two cameras make it fit.
    photoday()
        .args(["plan", "--cameras", "2", "--session", "8", "--dir"])
        .arg(&dir)
        .assert()
        .success()
        .stdout(predicate::str::contains("Every session fits"));
    let err = one_line_error(
        photoday()
            .args(["plan", "--per-hour", "0", "--dir"])
            .arg(&dir)
            .assert(),
        2,
    );
    assert!(err.contains("at least 1"));
}

#[test]
fn reports_are_written_as_csv_and_xlsx_with_their_headers() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = ready_event(tmp.path());
    let expect: &[(&str, &str)] = &[
        ("attendance", "session,college,room,date,class,expected,photographed,missing"),
        ("absentees", "student_no,name,college,cohort,class,paid,session,room,date"),
        (
            "fees",
            "college,students,paid,unpaid,fee_yuan,due_yuan,paid_yuan,owed_yuan,deadline",
        ),
        (
            "duplicates",
            "student_no,name,college,keep_photo_no,keep_device,keep_time,void_photo_nos,void_devices",
        ),
    ];
    for (kind, header) in expect {
        let csv = tmp.path().join(format!("{kind}.csv"));
        let xlsx = tmp.path().join(format!("{kind}.xlsx"));
        photoday()
            .args(["report", kind, "--format", "csv", "--out"])
            .arg(&csv)
            .arg("--dir")
            .arg(&dir)
            .assert()
            .success();
        photoday()
            .args(["report", kind, "--out"])
            .arg(&xlsx)
            .arg("--dir")
            .arg(&dir)
            .assert()
            .success();
        assert_eq!(csv_header(&csv).join(","), *header, "{kind}.csv");
        assert_eq!(xlsx_rows(&xlsx, None)[0].join(","), *header, "{kind}.xlsx");
    }
    // Fees: per college at 15 yuan, what is owed before the deadline; a total row.
    let text = std::fs::read_to_string(tmp.path().join("fees.csv")).unwrap();
    assert!(
        text.contains("信息技术与工程学院,3,2,1,15,45,30,15,2023-05-20 17:00"),
        "{text}"
    );
    assert!(
        text.contains("(total),4,3,1,15,60,45,15,2023-05-20 17:00"),
        "{text}"
    );
    // Before the day everyone is absent; the list is a roster again.
    let text = std::fs::read_to_string(tmp.path().join("absentees.csv")).unwrap();
    assert_eq!(text.lines().count(), 5);
    photoday()
        .args(["roster", "import", "--dry-run"])
        .arg(tmp.path().join("absentees.xlsx"))
        .arg("--dir")
        .arg(&dir)
        .assert()
        .success()
        .stdout(predicate::str::contains("4 students"));
    // Chinese headers for Chinese liaisons.
    let zh = tmp.path().join("fees-zh.csv");
    photoday()
        .args(["--lang", "zh", "report", "fees", "--out"])
        .arg(&zh)
        .arg("--dir")
        .arg(&dir)
        .assert()
        .success();
    assert_eq!(csv_header(&zh)[0], "学院");
}

#[test]
fn wrong_input_fails_with_one_line_and_exit_code_2() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = ready_event(tmp.path());
    let err = one_line_error(
        photoday()
            .args(["roster", "import", "nowhere.xlsx", "--dir"])
            .arg(&dir)
            .assert(),
        2,
    );
    assert!(err.contains("nowhere.xlsx: no such file"));
    let notes = tmp.path().join("notes.docx");
    std::fs::write(&notes, "x").unwrap();
    let err = one_line_error(
        photoday()
            .args(["roster", "import"])
            .arg(&notes)
            .arg("--dir")
            .arg(&dir)
            .assert(),
        2,
    );
    assert!(err.contains(".xlsx or .csv"));
    let fake = tmp.path().join("fake.xlsx");
    std::fs::write(&fake, "not a zip").unwrap();
    one_line_error(
        photoday()
            .args(["roster", "import"])
            .arg(&fake)
            .arg("--dir")
            .arg(&dir)
            .assert(),
        2,
    );
    let err = one_line_error(
        photoday()
            .args(["passes", "issue", "--dir"])
            .arg(tmp.path().join("nope"))
            .assert(),
        2,
    );
    assert!(err.contains("photoday init"));
    let err = one_line_error(photoday().args(["report", "fees", "--bogus"]).assert(), 2);
    assert!(err.contains("--bogus"));
    let err = one_line_error(
        photoday()
            .args(["passes", "reissue", "12ab", "--dir"])
            .arg(&dir)
            .assert(),
        2,
    );
    assert!(err.contains("12ab"));
    photoday()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("demo"));
}
