//! What every CLI test needs: the binary with a fixed language and no colour, and an event folder
//! with a small roster whose passes are issued — the state the 教务处 is in the week before the day.

#![allow(dead_code)]

use assert_cmd::Command;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// `photoday` in English, without colour, whatever the machine's locale.
pub fn photoday() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_photoday"));
    c.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "en_US.UTF-8")
        .env("NO_COLOR", "1");
    c
}

/// The small roster: three students of 信息技术与工程学院 (session 1), one of 会计学院 (session 2).
pub const ROSTER_CSV: &str = "学号,姓名,学院,年级,班级,已缴费
2020010001,李明,信息技术与工程学院,2020级本科,软件1班,是
2020010002,王芳,信息技术与工程学院,2020级本科,软件1班,否
2020010003,张伟,信息技术与工程学院,2020级本科,软件2班,是
2020020001,赵强,会计学院,2020级本科,会计1班,是
";

/// A fresh event folder `event` under `tmp` with the small roster imported and passes issued.
pub fn ready_event(tmp: &Path) -> PathBuf {
    event_with_roster(tmp, ROSTER_CSV)
}

/// A fresh event folder `event` under `tmp` with `roster_csv` imported and passes issued.
pub fn event_with_roster(tmp: &Path, roster_csv: &str) -> PathBuf {
    let dir = tmp.join("event");
    photoday().arg("init").arg(&dir).assert().success();
    let roster = tmp.join("roster.csv");
    std::fs::write(&roster, roster_csv).unwrap();
    photoday()
        .args(["roster", "import"])
        .arg(&roster)
        .arg("--dir")
        .arg(&dir)
        .assert()
        .success();
    photoday()
        .args(["passes", "issue", "--dir"])
        .arg(&dir)
        .assert()
        .success();
    dir
}

/// Every issued pass text by student number, read back through `passes export --format csv`.
pub fn pass_texts(dir: &Path) -> BTreeMap<u64, String> {
    let out = dir.parent().unwrap().join("passes-export");
    photoday()
        .args(["passes", "export", "--format", "csv", "--out"])
        .arg(&out)
        .arg("--dir")
        .arg(dir)
        .assert()
        .success();
    let text = std::fs::read_to_string(out.join("passes.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header = reader.headers().unwrap().clone();
    let no = header.iter().position(|h| h == "student_no").unwrap();
    let pass = header.iter().position(|h| h == "pass").unwrap();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[no].parse().unwrap(), r[pass].to_string())
        })
        .collect()
}

/// The header row of a CSV report (without the BOM Excel needs).
pub fn csv_header(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(
        text.starts_with('\u{feff}'),
        "CSV reports start with a BOM for Excel"
    );
    let first = text.trim_start_matches('\u{feff}').lines().next().unwrap();
    first.split(',').map(str::to_string).collect()
}

/// Every row of the first (or named) worksheet of an .xlsx file, as text.
pub fn xlsx_rows(path: &Path, sheet: Option<&str>) -> Vec<Vec<String>> {
    use calamine::{open_workbook_auto, Reader};
    let mut book = open_workbook_auto(path).unwrap();
    let range = match sheet {
        Some(name) => book.worksheet_range(name).unwrap(),
        None => book.worksheet_range_at(0).unwrap().unwrap(),
    };
    range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}

/// Worksheet names of an .xlsx file.
pub fn xlsx_sheets(path: &Path) -> Vec<String> {
    use calamine::{open_workbook_auto, Reader};
    open_workbook_auto(path).unwrap().sheet_names().to_vec()
}

/// Standard error as text.
pub fn stderr_of(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stderr).to_string()
}

/// Standard output as text.
pub fn stdout_of(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stdout).to_string()
}
