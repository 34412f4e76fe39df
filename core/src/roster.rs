//! The roster: who is photographed, and in which session.
//!
//! Colleges hand the 教务处 spreadsheets with 学号/姓名/学院/年级/班级 columns. Import is all or
//! nothing: one bad row and nothing is stored, and every bad row is reported at once with its row
//! number, column and reason, so a liaison fixes the file in one pass instead of ten. Each student
//! maps to their college's session; the pass carries only the student number, never the name.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

use crate::error::{Error, Result};
use crate::event::Event;

/// Largest student number a pass can carry: 14 digits (and below 2^48).
pub const MAX_STUDENT_NO: u64 = 99_999_999_999_999;

/// One student on the roster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Student {
    /// 学号, numeric, up to 14 digits.
    pub student_no: u64,
    /// 姓名.
    pub name: String,
    /// 学院, as the event names it.
    pub college: String,
    /// 年级 (2020级本科 / 2021级专科).
    #[serde(default)]
    pub cohort: String,
    /// 班级.
    #[serde(default)]
    pub class: String,
    /// Whether the 15-yuan fee was collected (已缴费).
    #[serde(default)]
    pub paid: bool,
    /// The 1-based session of the student's college.
    pub session: u8,
}

/// A bad cell in an imported roster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowError {
    /// Spreadsheet row number (the header is row 1).
    pub row: usize,
    /// Column header as written in the file, or the field's Chinese name.
    pub column: String,
    /// What is wrong and what to do.
    pub reason: String,
}

/// All bad rows as one message, a line each.
pub fn describe_row_errors(errors: &[RowError]) -> String {
    let mut s = format!(
        "the roster has {} problem(s); nothing was imported — fix these rows and import again:",
        errors.len()
    );
    for e in errors {
        s.push_str(&format!(
            "\n  row {}, column {}: {}",
            e.row, e.column, e.reason
        ));
    }
    s
}

/// The columns a roster can have, with the header names accepted for each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Column {
    /// 学号.
    StudentNo,
    /// 姓名.
    Name,
    /// 学院.
    College,
    /// 年级.
    Cohort,
    /// 班级.
    Class,
    /// 已缴费.
    Paid,
}

impl Column {
    fn from_header(h: &str) -> Option<Column> {
        let h = h.trim().trim_start_matches('\u{feff}').to_lowercase();
        Some(match h.as_str() {
            "学号" | "student_no" | "student no" | "student number" | "studentno" | "id" => {
                Column::StudentNo
            }
            "姓名" | "name" => Column::Name,
            "学院" | "college" | "school" => Column::College,
            "年级" | "cohort" | "grade" => Column::Cohort,
            "班级" | "class" => Column::Class,
            "已缴费" | "缴费" | "paid" | "fee paid" => Column::Paid,
            _ => return None,
        })
    }

    /// The Chinese header, used in messages.
    pub fn zh(self) -> &'static str {
        match self {
            Column::StudentNo => "学号",
            Column::Name => "姓名",
            Column::College => "学院",
            Column::Cohort => "年级",
            Column::Class => "班级",
            Column::Paid => "已缴费",
        }
    }
}

/// The students of one event, keyed by student number.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Roster {
    students: BTreeMap<u64, Student>,
}

impl Roster {
    /// Builds a roster from a spreadsheet: a header row and data rows of cell text. Row numbers in
    /// errors count the header as row 1. Nothing is returned unless every row is good.
    pub fn from_table(event: &Event, header: &[String], rows: &[Vec<String>]) -> Result<Roster> {
        Self::from_table_at(event, header, rows, 1)
    }

    /// Like [`Roster::from_table`] for a sheet whose header is on row `header_row` (colleges often
    /// put a title above it), so every row number in errors is the one the spreadsheet shows.
    pub fn from_table_at(
        event: &Event,
        header: &[String],
        rows: &[Vec<String>],
        header_row: usize,
    ) -> Result<Roster> {
        let header_row = header_row.max(1);
        let mut columns: HashMap<Column, usize> = HashMap::new();
        let mut errors = Vec::new();
        for (i, h) in header.iter().enumerate() {
            if let Some(c) = Column::from_header(h) {
                if columns.insert(c, i).is_some() {
                    errors.push(RowError {
                        row: header_row,
                        column: h.clone(),
                        reason: format!("the {} column appears twice", c.zh()),
                    });
                }
            }
        }
        for c in [Column::StudentNo, Column::Name, Column::College] {
            if !columns.contains_key(&c) {
                errors.push(RowError {
                    row: header_row,
                    column: c.zh().to_string(),
                    reason: format!(
                        "no {} column; the header row needs 学号, 姓名 and 学院 (or student_no, name, college)",
                        c.zh()
                    ),
                });
            }
        }
        if !errors.is_empty() {
            return Err(Error::InvalidRoster(errors));
        }
        let col_name = |c: Column| header[columns[&c]].trim().to_string();
        let mut roster = Roster::default();
        let mut first_row: HashMap<u64, usize> = HashMap::new();
        for (i, cells) in rows.iter().enumerate() {
            let row = header_row + i + 1;
            let cell = |c: Column| -> &str {
                columns
                    .get(&c)
                    .and_then(|&k| cells.get(k))
                    .map(|s| s.trim())
                    .unwrap_or("")
            };
            if cells.iter().all(|c| c.trim().is_empty()) {
                continue; // blank lines at the end of a sheet are normal
            }
            let mut bad = |c: Column, reason: String| {
                errors.push(RowError {
                    row,
                    column: col_name(c),
                    reason,
                })
            };
            let no_text = cell(Column::StudentNo);
            let student_no = match parse_student_no(no_text) {
                Ok(n) => Some(n),
                Err(reason) => {
                    bad(Column::StudentNo, reason);
                    None
                }
            };
            let name = cell(Column::Name).to_string();
            if name.is_empty() {
                bad(Column::Name, "the name is empty".to_string());
            }
            let college = cell(Column::College);
            let session = event.session_of_college(college);
            if session.is_none() {
                bad(
                    Column::College,
                    if college.is_empty() {
                        "the college is empty".to_string()
                    } else {
                        format!(
                            "`{college}` is not a college of this event (known: {})",
                            event
                                .sessions
                                .iter()
                                .map(|s| s.college.zh.as_str())
                                .collect::<Vec<_>>()
                                .join("、")
                        )
                    },
                );
            }
            let paid = match parse_paid(cell(Column::Paid)) {
                Ok(p) => p,
                Err(reason) => {
                    bad(Column::Paid, reason);
                    false
                }
            };
            if let Some(no) = student_no {
                if let Some(prev) = first_row.get(&no) {
                    bad(
                        Column::StudentNo,
                        format!("student number {no} already appears in row {prev}"),
                    );
                    continue;
                }
                first_row.insert(no, row);
            }
            if let (Some(no), Some(session), false) = (student_no, session, name.is_empty()) {
                let s = &event.sessions[session as usize - 1];
                roster.students.insert(
                    no,
                    Student {
                        student_no: no,
                        name,
                        college: s.college.zh.clone(),
                        cohort: cell(Column::Cohort).to_string(),
                        class: cell(Column::Class).to_string(),
                        paid,
                        session,
                    },
                );
            }
        }
        if !errors.is_empty() {
            return Err(Error::InvalidRoster(errors));
        }
        Ok(roster)
    }

    /// A roster from students already validated (e.g. read back from the store).
    pub fn from_students(students: impl IntoIterator<Item = Student>) -> Roster {
        Roster {
            students: students.into_iter().map(|s| (s.student_no, s)).collect(),
        }
    }

    /// The student with that number.
    pub fn get(&self, student_no: u64) -> Option<&Student> {
        self.students.get(&student_no)
    }

    /// All students, by student number.
    pub fn students(&self) -> impl Iterator<Item = &Student> {
        self.students.values()
    }

    /// Students of one session, by student number.
    pub fn in_session(&self, session: u8) -> impl Iterator<Item = &Student> {
        self.students.values().filter(move |s| s.session == session)
    }

    /// How many students.
    pub fn len(&self) -> usize {
        self.students.len()
    }

    /// True when nobody is on the roster.
    pub fn is_empty(&self) -> bool {
        self.students.is_empty()
    }
}

/// Parses a 学号: digits only (Excel may hand `2020123.0`), 1–14 digits.
pub fn parse_student_no(text: &str) -> std::result::Result<u64, String> {
    let t = text.trim();
    let t = t.strip_suffix(".0").unwrap_or(t);
    if t.is_empty() {
        return Err("the student number is empty".to_string());
    }
    if !t.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("`{text}` is not a number (digits only)"));
    }
    if t.len() > 14 {
        return Err(format!(
            "`{text}` has {} digits; at most 14 fit on a pass",
            t.len()
        ));
    }
    t.parse::<u64>()
        .map_err(|_| format!("`{text}` is not a number"))
}

fn parse_paid(text: &str) -> std::result::Result<bool, String> {
    match text.trim().to_lowercase().as_str() {
        "" | "否" | "未缴" | "未缴费" | "no" | "n" | "false" | "0" | "0.0" => Ok(false),
        "是" | "已缴" | "已缴费" | "yes" | "y" | "true" | "1" | "1.0" | "✓" | "√" => {
            Ok(true)
        }
        other => Err(format!("`{other}` is not yes/no (是/否)")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: &[&[&str]]) -> (Vec<String>, Vec<Vec<String>>) {
        let h = rows[0].iter().map(|s| s.to_string()).collect();
        let r = rows[1..]
            .iter()
            .map(|r| r.iter().map(|s| s.to_string()).collect())
            .collect();
        (h, r)
    }

    #[test]
    fn a_good_roster_maps_each_student_to_their_colleges_session() {
        let e = Event::template("gzcc-2023").unwrap();
        let (h, r) = table(&[
            &["学号", "姓名", "学院", "年级", "班级", "已缴费"],
            &[
                "202001010101",
                "李明",
                "信息技术与工程学院",
                "2020级本科",
                "软件1班",
                "是",
            ],
            &[
                "202101100001",
                "王芳",
                "国际学院",
                "2021级专科",
                "国贸1班",
                "",
            ],
        ]);
        let roster = Roster::from_table(&e, &h, &r).unwrap();
        assert_eq!(roster.get(202001010101).unwrap().session, 1);
        assert!(roster.get(202001010101).unwrap().paid);
        assert_eq!(roster.get(202101100001).unwrap().session, 10);
    }

    #[test]
    fn every_bad_row_is_reported_with_row_and_column() {
        let e = Event::template("gzcc-2023").unwrap();
        let (h, r) = table(&[
            &["student_no", "name", "college"],
            &["2020A1", "甲", "会计学院"],
            &["2020002", "", "会计学院"],
            &["2020003", "丙", "火星学院"],
            &["2020004", "丁", "会计学院"],
            &["2020004", "戊", "会计学院"],
        ]);
        let Err(Error::InvalidRoster(errs)) = Roster::from_table(&e, &h, &r) else {
            panic!("bad roster accepted")
        };
        let got: Vec<(usize, &str)> = errs.iter().map(|e| (e.row, e.column.as_str())).collect();
        assert_eq!(
            got,
            vec![
                (2, "student_no"),
                (3, "name"),
                (4, "college"),
                (6, "student_no")
            ]
        );
        assert!(errs[3].reason.contains("row 5"));
    }
}
