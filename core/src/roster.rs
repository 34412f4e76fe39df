//! The roster: who is photographed, and in which session.
//!
//! Colleges hand the 教务处 spreadsheets with 学号/姓名/学院/年级/班级 columns. Import is all or
//! nothing: one bad row and nothing is stored, and every bad row is reported at once with its row
//! number, column and reason, so a liaison fixes the file in one pass instead of ten. Each student
//! maps to their college's session; the pass carries only the student number, never the name.
//!
//! Cells arrive as other software wrote them, so a student number is read from what a person
//! would type or Excel would show: full-width digits (２０２０…) and stray spaces are normalised,
//! `2020123.0` is a whole number, and Excel's scientific display (`2.02001E+11`) is accepted only
//! when every digit survived; otherwise the row is refused with the fix (format the column as
//! text). A cell that a CSV report neutralised against spreadsheet formulas (`'=…`) reads back as
//! it was.
//!
//! Leading zeros. A 学号 is an identifier, but passes (a u48), door records and bundles carry it
//! as a number, and passes already printed must keep verifying, so the number stays a `u64`
//! everywhere and the zeros are kept as a *display width*: when a roster writes its numbers with
//! leading zeros (`0501230101`), every zero-padded number must have the same number of digits,
//! that width is kept with the roster, and every number is shown padded to it — which also
//! restores zeros Excel dropped from cells it stored as numbers. A roster in which two rows differ
//! only by leading zeros (`0123` and `123`), or whose zero-padded numbers disagree on the width, or
//! which has a number longer than that width, is refused naming both rows.
//!
//! Importing one college's file must not drop the others: [`Roster::merge`] replaces only the
//! colleges a file covers and reports the [`RosterDiff`] (added, changed, removed).

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};

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

impl Student {
    /// One line for a list of students: `202001001001 张三 软件1班` (no name when the bundle
    /// was made without names).
    pub fn line(&self) -> String {
        [
            self.student_no.to_string(),
            self.name.clone(),
            self.class.clone(),
        ]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
    }
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
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
    /// The column a header names, whatever its spacing (`学 号`, full-width spaces) or case.
    pub fn from_header(h: &str) -> Option<Column> {
        let h: String = clean_cell(h)
            .chars()
            .filter(|c| !(c.is_whitespace() || *c == '\u{3000}'))
            .flat_map(char::to_lowercase)
            .collect();
        if let Some(c) = Column::from_words(&h) {
            return Some(c);
        }
        // `student no` written without its space.
        Column::from_words(&h.replace('_', ""))
    }

    fn from_words(h: &str) -> Option<Column> {
        Some(match h {
            "学号" | "student_no" | "studentno" | "studentnumber" | "id" => Column::StudentNo,
            "姓名" | "name" => Column::Name,
            "学院" | "college" | "school" => Column::College,
            "年级" | "cohort" | "grade" => Column::Cohort,
            "班级" | "class" => Column::Class,
            "已缴费" | "缴费" | "paid" | "feepaid" => Column::Paid,
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
    /// Digits a student number is shown with (leading zeros restored), when the roster's numbers
    /// are zero-padded; see the module comment.
    #[serde(default)]
    number_width: Option<u8>,
    /// Optional columns (年级, 班级, 已缴费) the file did not have: an import keeps what the
    /// roster already says for them instead of blanking it.
    #[serde(default)]
    absent: Vec<Column>,
}

/// A student number as read from a cell: its value and the digits as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StudentNoText {
    /// The number.
    pub value: u64,
    /// The digits as written, leading zeros kept (`0123`).
    pub digits: String,
}

impl StudentNoText {
    /// Whether the cell wrote the number with leading zeros.
    pub fn zero_padded(&self) -> bool {
        self.digits.len() > 1 && self.digits.starts_with('0')
    }
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
        let no_column = col_name(Column::StudentNo);
        let mut roster = Roster {
            absent: [Column::Cohort, Column::Class, Column::Paid]
                .into_iter()
                .filter(|c| !columns.contains_key(c))
                .collect(),
            ..Roster::default()
        };
        // Per number: the first row it appears on and its digits as written there.
        let mut first_row: HashMap<u64, (usize, String)> = HashMap::new();
        // The first zero-padded number: (row, digits).
        let mut padded: Option<(usize, String)> = None;
        for (i, cells) in rows.iter().enumerate() {
            let row = header_row + i + 1;
            let cell = |c: Column| -> String {
                columns
                    .get(&c)
                    .and_then(|&k| cells.get(k))
                    .map(|s| clean_cell(s))
                    .unwrap_or_default()
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
            let student_no = match read_student_no(&no_text) {
                Ok(n) => Some(n),
                Err(reason) => {
                    bad(Column::StudentNo, reason);
                    None
                }
            };
            let name = cell(Column::Name);
            if name.is_empty() {
                bad(Column::Name, "the name is empty".to_string());
            }
            let college = cell(Column::College);
            let college = college.as_str();
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
            let paid = match parse_paid(&cell(Column::Paid)) {
                Ok(p) => p,
                Err(reason) => {
                    bad(Column::Paid, reason);
                    false
                }
            };
            if let Some(no) = &student_no {
                if let Some((prev, digits)) = first_row.get(&no.value) {
                    let reason = if *digits == no.digits {
                        format!("student number {} already appears in row {prev}", no.digits)
                    } else {
                        format!(
                            "`{}` here and `{digits}` in row {prev} are the same student number once leading zeros are set aside; a 学号 is one student — correct one of the two rows",
                            no.digits
                        )
                    };
                    bad(Column::StudentNo, reason);
                    continue;
                }
                first_row.insert(no.value, (row, no.digits.clone()));
                if no.zero_padded() && padded.is_none() {
                    padded = Some((row, no.digits.clone()));
                }
            }
            let student_no = student_no.map(|n| n.value);
            if let (Some(no), Some(session), false) = (student_no, session, name.is_empty()) {
                let s = &event.sessions[session as usize - 1];
                roster.students.insert(
                    no,
                    Student {
                        student_no: no,
                        name,
                        college: s.college.zh.clone(),
                        cohort: cell(Column::Cohort),
                        class: cell(Column::Class),
                        paid,
                        session,
                    },
                );
            }
        }
        if let Some((prow, pdigits)) = &padded {
            let width = pdigits.len();
            // Every zero-padded number must have the width; so must no number exceed it.
            let mut clashes: Vec<(usize, String)> = first_row
                .values()
                .filter(|(_, d)| {
                    (d.len() > 1 && d.starts_with('0') && d.len() != width) || d.len() > width
                })
                .cloned()
                .collect();
            clashes.sort();
            for (row, digits) in clashes {
                errors.push(RowError {
                    row,
                    column: no_column.clone(),
                    reason: format!(
                        "`{digits}` has {} digits, but `{pdigits}` in row {prow} keeps its leading zero at {width} digits; numbers written with leading zeros must all have the same number of digits — check both rows",
                        digits.len()
                    ),
                });
            }
            roster.number_width = Some(width as u8);
        }
        if !errors.is_empty() {
            errors.sort_by_key(|e| e.row);
            return Err(Error::InvalidRoster(errors));
        }
        Ok(roster)
    }

    /// A roster from students already validated (e.g. read back from the store).
    pub fn from_students(students: impl IntoIterator<Item = Student>) -> Roster {
        Roster {
            students: students.into_iter().map(|s| (s.student_no, s)).collect(),
            number_width: None,
            absent: Vec::new(),
        }
    }

    /// The same roster showing its student numbers with `width` digits (see the module comment).
    pub fn with_number_width(mut self, width: Option<u8>) -> Roster {
        self.number_width = width;
        self
    }

    /// Digits student numbers are shown with, when the roster writes them zero-padded.
    pub fn number_width(&self) -> Option<u8> {
        self.number_width
    }

    /// A student number as the college writes it: zero-padded to the roster's width, if it has one.
    pub fn display_no(&self, student_no: u64) -> String {
        format_student_no(student_no, self.number_width)
    }

    /// The colleges with at least one student, by name.
    pub fn colleges(&self) -> BTreeSet<&str> {
        self.students.values().map(|s| s.college.as_str()).collect()
    }

    /// This roster after importing `incoming`, a file that covers some colleges: the colleges it
    /// covers are replaced by its students, every other college is kept as it is. Also returns
    /// what changed. Fails when the two disagree on how many digits a zero-padded 学号 has.
    pub fn merge(&self, incoming: &Roster) -> Result<(Roster, RosterDiff)> {
        let covered = incoming.colleges();
        let width = match (self.number_width, incoming.number_width) {
            (Some(a), Some(b)) if a != b && !self.is_empty() => {
                return Err(Error::Invalid(format!(
                    "this file writes 学号 with leading zeros at {b} digits, but the roster already imported writes them at {a}; a student number has one form — check the 学号 column"
                )))
            }
            (a, b) => b.or(a),
        };
        // Colleges in the event's order (their sessions), as the notice lists them.
        let in_order = |r: &Roster, keep: &dyn Fn(&str) -> bool| -> Vec<String> {
            let by_session: BTreeMap<(u8, &str), ()> = r
                .students
                .values()
                .filter(|s| keep(&s.college))
                .map(|s| ((s.session, s.college.as_str()), ()))
                .collect();
            let mut out: Vec<String> = Vec::new();
            for (_, c) in by_session.keys() {
                if !out.iter().any(|o| o == c) {
                    out.push(c.to_string());
                }
            }
            out
        };
        let mut diff = RosterDiff {
            colleges: in_order(incoming, &|_| true),
            kept: in_order(self, &|c| !covered.contains(c)),
            ..RosterDiff::default()
        };
        let mut result = Roster {
            students: BTreeMap::new(),
            number_width: width,
            absent: Vec::new(),
        };
        for s in self.students.values() {
            if incoming.students.contains_key(&s.student_no) {
                continue;
            }
            if covered.contains(s.college.as_str()) {
                diff.removed.push(s.clone());
            } else {
                result.students.insert(s.student_no, s.clone());
            }
        }
        for s in incoming.students.values() {
            let mut s = s.clone();
            if let Some(before) = self.students.get(&s.student_no) {
                for c in &incoming.absent {
                    match c {
                        Column::Cohort => s.cohort = before.cohort.clone(),
                        Column::Class => s.class = before.class.clone(),
                        Column::Paid => s.paid = before.paid,
                        _ => {}
                    }
                }
            }
            let s = &s;
            match self.students.get(&s.student_no) {
                None => diff.added.push(s.clone()),
                Some(before) if before == s => diff.unchanged += 1,
                Some(before) => diff.changed.push(StudentChange {
                    before: before.clone(),
                    after: s.clone(),
                }),
            }
            result.students.insert(s.student_no, s.clone());
        }
        if let Some(w) = width {
            if let Some(s) = result
                .students
                .values()
                .find(|s| s.student_no.to_string().len() > w as usize)
            {
                return Err(Error::Invalid(format!(
                    "student number {} ({}) has more than the {w} digits the zero-padded 学号 of this roster have; a student number has one form — check the 学号 column",
                    s.student_no, s.name
                )));
            }
        }
        Ok((result, diff))
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

/// What an import changes, student by student.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RosterDiff {
    /// Students new to the roster.
    pub added: Vec<Student>,
    /// Students already on it whose class, college, name, cohort or fee changed.
    pub changed: Vec<StudentChange>,
    /// Students of a covered college who are not in the file.
    pub removed: Vec<Student>,
    /// Students the file repeats exactly.
    pub unchanged: usize,
    /// The colleges the file covers (replaced by it).
    pub colleges: Vec<String>,
    /// The colleges the file does not cover (kept as they were).
    pub kept: Vec<String>,
}

impl RosterDiff {
    /// True when the import changes nothing.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty() && self.removed.is_empty()
    }
}

/// A student whose row changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StudentChange {
    /// As stored before.
    pub before: Student,
    /// As in the file.
    pub after: Student,
}

impl StudentChange {
    /// The columns that differ.
    pub fn fields(&self) -> Vec<Column> {
        let (a, b) = (&self.before, &self.after);
        let mut out = Vec::new();
        if a.college != b.college {
            out.push(Column::College);
        }
        if a.class != b.class {
            out.push(Column::Class);
        }
        if a.name != b.name {
            out.push(Column::Name);
        }
        if a.cohort != b.cohort {
            out.push(Column::Cohort);
        }
        if a.paid != b.paid {
            out.push(Column::Paid);
        }
        out
    }
}

/// A student number shown with `width` digits (leading zeros restored), or as is.
pub fn format_student_no(student_no: u64, width: Option<u8>) -> String {
    match width {
        Some(w) => format!("{student_no:0w$}", w = w as usize),
        None => student_no.to_string(),
    }
}

/// A cell's text as a person means it: surrounding spaces (also the full-width U+3000 and the
/// no-break space Excel pastes from web pages) trimmed, and the apostrophe a CSV report puts in
/// front of `=`, `+`, `-`, `@` to stop spreadsheet formulas taken off again.
pub fn clean_cell(text: &str) -> String {
    let t = text
        .trim_start_matches('\u{feff}')
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}');
    match t.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest.to_string(),
        _ => t.to_string(),
    }
}

/// Parses a 学号 (see [`read_student_no`]) to its number.
pub fn parse_student_no(text: &str) -> std::result::Result<u64, String> {
    read_student_no(text).map(|n| n.value)
}

/// Reads a 学号 as people and spreadsheets write it: ASCII or full-width digits, spaces anywhere,
/// Excel's `2020123.0`, a leading apostrophe (Excel's "this is text"), or Excel's scientific
/// display when every digit survived (`2.02001010101E+11`). 1–14 digits; leading zeros kept in
/// [`StudentNoText::digits`]. The error says what is wrong and how to fix the file.
pub fn read_student_no(text: &str) -> std::result::Result<StudentNoText, String> {
    let shown = text.trim();
    // Full-width forms (０-９, ．, Ｅ, ＋) as ASCII; spaces of any width dropped.
    let t: String = shown
        .chars()
        .filter(|c| !(c.is_whitespace() || *c == '\u{3000}' || *c == '\u{a0}'))
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            _ => c,
        })
        .collect();
    let t = t.strip_prefix('\'').unwrap_or(&t);
    if t.is_empty() {
        return Err("the student number is empty".to_string());
    }
    let digits = if let Some((mantissa, exp)) = t.split_once(['e', 'E']) {
        from_scientific(mantissa, exp).ok_or_else(|| {
            format!(
                "`{shown}` is a long number as Excel displays it (scientific notation), and its last digits are lost; in the spreadsheet, format the 学号 column as Text (设置单元格格式 → 文本), enter the numbers again, save and import again"
            )
        })?
    } else {
        let whole = match t.split_once('.') {
            Some((w, f)) if !w.is_empty() && f.bytes().all(|b| b == b'0') => w,
            Some(_) => {
                return Err(format!(
                    "`{shown}` is not a whole number; a 学号 is digits only"
                ))
            }
            None => t,
        };
        whole.to_string()
    };
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("`{shown}` is not a student number (digits only)"));
    }
    if digits.len() >= 16 {
        return Err(format!(
            "`{shown}` has {} digits: more than a pass holds (14), and more than Excel keeps in a number (15), so the last digits may already be wrong; format the 学号 column as Text (设置单元格格式 → 文本), enter the numbers again and import again",
            digits.len()
        ));
    }
    if digits.len() > 14 {
        return Err(format!(
            "`{shown}` has {} digits; at most 14 fit on a pass",
            digits.len()
        ));
    }
    let value = digits
        .parse::<u64>()
        .map_err(|_| format!("`{shown}` is not a student number"))?;
    if value == 0 {
        return Err(format!("`{shown}` is zero; a 学号 is never 0"));
    }
    Ok(StudentNoText { value, digits })
}

/// The digits of `m`E`e` when it is a whole number with every digit written (`2.02001010101E+11`),
/// else `None` (digits lost, or a fraction).
fn from_scientific(mantissa: &str, exp: &str) -> Option<String> {
    let exp: usize = exp.strip_prefix('+').unwrap_or(exp).parse().ok()?;
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // Excel shows one digit before the point; the digits after it must reach the units exactly.
    if int.len() != 1 || int == "0" || frac.len() != exp {
        return None;
    }
    Some(format!("{int}{frac}"))
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

    fn it(rows: &[[&str; 3]]) -> (Vec<String>, Vec<Vec<String>>) {
        let h = ["学号", "姓名", "学院"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let r = rows
            .iter()
            .map(|r| r.iter().map(|s| s.to_string()).collect())
            .collect();
        (h, r)
    }

    #[test]
    fn student_numbers_are_read_as_people_and_excel_write_them() {
        let n = |t: &str| parse_student_no(t);
        assert_eq!(n("２０２００１０１０１０１"), Ok(202001010101));
        assert_eq!(n(" 2020 0101 0101\u{3000}"), Ok(202001010101));
        assert_eq!(n("202001010101.0"), Ok(202001010101));
        assert_eq!(n("'202001010101"), Ok(202001010101));
        assert_eq!(n("2.02001010101E+11"), Ok(202001010101));
        assert_eq!(n("２．０２００１０１０１０１Ｅ＋１１"), Ok(202001010101));
        let lost = n("2.02001E+11").unwrap_err();
        assert!(lost.contains("lost") && lost.contains("Text"), "{lost}");
        assert!(n("2020.5").unwrap_err().contains("whole"));
        assert!(n("1234567890123456").unwrap_err().contains("15"));
        assert!(n("123456789012345").unwrap_err().contains("14"));
        assert!(n("0").is_err());
        assert_eq!(read_student_no("0123").unwrap().digits, "0123");
    }

    #[test]
    fn leading_zeros_set_the_display_width_and_restore_zeros_excel_dropped() {
        let e = Event::template("gzcc-2023").unwrap();
        let (h, r) = it(&[
            ["0501230101", "甲", "会计学院"],
            ["501230102", "乙", "会计学院"],
        ]);
        let roster = Roster::from_table(&e, &h, &r).unwrap();
        assert_eq!(roster.number_width(), Some(10));
        assert_eq!(roster.display_no(501230102), "0501230102");
        assert!(
            roster.get(501230101).is_some(),
            "the number stays the pass's u64"
        );
    }

    #[test]
    fn numbers_that_differ_only_by_leading_zeros_or_width_are_refused_naming_both_rows() {
        let e = Event::template("gzcc-2023").unwrap();
        let (h, r) = it(&[["0123", "甲", "会计学院"], ["123", "乙", "会计学院"]]);
        let Err(Error::InvalidRoster(errs)) = Roster::from_table(&e, &h, &r) else {
            panic!("0123 and 123 accepted as two students")
        };
        assert_eq!(errs[0].row, 3);
        assert!(
            errs[0].reason.contains("`0123` in row 2"),
            "{}",
            errs[0].reason
        );

        let (h, r) = it(&[["0123", "甲", "会计学院"], ["00456", "乙", "会计学院"]]);
        let Err(Error::InvalidRoster(errs)) = Roster::from_table(&e, &h, &r) else {
            panic!("two widths accepted")
        };
        assert_eq!(errs[0].row, 3);
        assert!(errs[0].reason.contains("row 2"), "{}", errs[0].reason);
    }

    #[test]
    fn a_college_file_replaces_its_college_and_keeps_the_others() {
        let e = Event::template("gzcc-2023").unwrap();
        let (h, r) = it(&[
            ["2020010001", "甲", "信息技术与工程学院"],
            ["2020010002", "乙", "信息技术与工程学院"],
            ["2020020001", "丙", "会计学院"],
        ]);
        let before = Roster::from_table(&e, &h, &r).unwrap();
        let (h, r) = it(&[
            ["2020010001", "甲", "信息技术与工程学院"],
            ["2020010003", "丁", "信息技术与工程学院"],
            ["2020020001", "丙", "信息技术与工程学院"],
        ]);
        let file = Roster::from_table(&e, &h, &r).unwrap();
        let (after, diff) = before.merge(&file).unwrap();
        assert_eq!(after.len(), 3);
        assert_eq!(diff.added.len(), 1);
        assert_eq!(diff.removed[0].student_no, 2020010002);
        assert_eq!(diff.changed[0].fields(), vec![Column::College]);
        assert_eq!(diff.unchanged, 1);
        assert_eq!(diff.kept, vec!["会计学院".to_string()]);
    }

    #[test]
    fn a_file_without_the_class_or_fee_column_keeps_what_the_roster_says() {
        let e = Event::template("gzcc-2023").unwrap();
        let (h, r) = table(&[
            &["学号", "姓名", "学院", "年级", "班级", "已缴费"],
            &[
                "2020010001",
                "甲",
                "会计学院",
                "2020级本科",
                "会计1班",
                "是",
            ],
        ]);
        let before = Roster::from_table(&e, &h, &r).unwrap();
        let (h, r) = it(&[["2020010001", "甲乙", "会计学院"]]);
        let (after, diff) = before
            .merge(&Roster::from_table(&e, &h, &r).unwrap())
            .unwrap();
        let s = after.get(2020010001).unwrap();
        assert_eq!(
            (s.class.as_str(), s.paid, s.name.as_str()),
            ("会计1班", true, "甲乙")
        );
        assert_eq!(diff.changed[0].fields(), vec![Column::Name]);
    }

    #[test]
    fn a_neutralised_report_cell_reads_back_as_it_was() {
        assert_eq!(clean_cell("'=SUM(A1)"), "=SUM(A1)");
        assert_eq!(clean_cell("'-王芳"), "-王芳");
        assert_eq!(clean_cell("\u{3000}李明\u{a0}"), "李明");
        assert_eq!(clean_cell("O'Neil"), "O'Neil");
        assert_eq!(Column::from_header(" 学 号 "), Some(Column::StudentNo));
        assert_eq!(Column::from_header("Student No"), Some(Column::StudentNo));
    }
}
