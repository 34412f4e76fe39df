//! Spreadsheets in and out.
//!
//! Colleges send rosters as other software saved them: .xlsx/.xls with a 说明 (instructions)
//! sheet first or a title row above the header; CSV from Excel on Windows (CRLF, GBK/GB18030 or
//! UTF-8 with a BOM), from a Mac (CR), from a script (LF); Excel's "Unicode text" (UTF-16, tab
//! separated). Reading detects all of that — encoding, line ends, comma/tab/semicolon, the sheet
//! and the row holding the 学号 header — and says what it understood ([`Table::source`]), so a
//! wrong guess shows up in the import summary. It only turns a file into header + rows of text;
//! the core decides what the columns mean.
//!
//! Reports go back to liaisons as .xlsx, or as .csv with a UTF-8 byte-order mark so that Excel
//! shows the Chinese. Both are made safe to open: a CSV cell that starts with `=`, `+`, `-`, `@`,
//! a tab or a carriage return gets a leading `'`, so Excel shows it instead of running it as a
//! formula (a name like `=HYPERLINK(…)`); .xlsx cells are always written as strings or numbers,
//! never formulas. Every file written here can hold students' names, so it is created readable by
//! its owner only (0600).

use calamine::{open_workbook_auto, Data, Range, Reader};
use photoday_core::roster::{clean_cell, Column};
use rust_xlsxwriter::{Format, Workbook};
use std::path::Path;

use crate::args::TableFormat;
use crate::failure::Failure;
use crate::output::display_width;

/// A table read from a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The header row's cells.
    pub header: Vec<String>,
    /// The rows under it, as text.
    pub rows: Vec<Vec<String>>,
    /// The header's row number in the file (1 unless a title sits above it).
    pub header_row: usize,
    /// The worksheet read, for a workbook.
    pub sheet: Option<String>,
    /// What was understood about the file: `CSV, GB18030, tab-separated, CRLF line ends`.
    pub source: String,
}

/// Rows searched for the header (a title and a few lines of notes may sit above it).
const HEADER_SEARCH_ROWS: usize = 20;

/// Reads the worksheet holding the roster (or `sheet`) of an .xlsx/.xls/.ods file, or a CSV or
/// text export.
pub fn read(path: &Path, sheet: Option<&str>) -> Result<Table, Failure> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if !path.exists() {
        return Err(Failure::input(format!("{}: no such file", path.display())));
    }
    match ext.as_str() {
        "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" => read_workbook(path, sheet),
        "csv" | "txt" | "tsv" => {
            let (grid, source) = read_csv(path)?;
            into_table(path, grid, None, source)
        }
        _ => Err(Failure::input(format!(
            "{}: not a spreadsheet PhotoDay reads; save it as .xlsx or .csv",
            path.display()
        ))),
    }
}

/// Rows of cells with their 1-based row numbers in the file.
type Grid = Vec<(usize, Vec<String>)>;

fn is_header(cells: &[String]) -> bool {
    cells
        .iter()
        .any(|c| Column::from_header(c) == Some(Column::StudentNo))
}

fn filled(grid: &Grid) -> impl Iterator<Item = &(usize, Vec<String>)> {
    grid.iter()
        .filter(|(_, cells)| cells.iter().any(|c| !clean_cell(c).is_empty()))
}

/// The row number of the header: the first of the first rows with a 学号 column.
fn header_row(grid: &Grid) -> Option<usize> {
    filled(grid)
        .take(HEADER_SEARCH_ROWS)
        .find(|(_, cells)| is_header(cells))
        .map(|(n, _)| *n)
}

fn into_table(
    path: &Path,
    grid: Grid,
    sheet: Option<String>,
    source: String,
) -> Result<Table, Failure> {
    let Some(first) = filled(&grid).next().map(|(n, _)| *n) else {
        return Err(Failure::input(format!(
            "{}: the sheet is empty; it needs a header row (学号, 姓名, 学院…) and one row per student",
            path.display()
        )));
    };
    let header_at = header_row(&grid).unwrap_or(first);
    let mut header = Vec::new();
    let mut rows = Vec::new();
    for (n, cells) in grid {
        if n == header_at {
            header = cells;
        } else if n > header_at {
            // Row numbers must stay true to the file: pad skipped blank rows.
            while rows.len() + header_at + 1 < n {
                rows.push(Vec::new());
            }
            rows.push(cells);
        }
    }
    Ok(Table {
        header,
        rows,
        header_row: header_at,
        sheet,
        source,
    })
}

fn read_workbook(path: &Path, sheet: Option<&str>) -> Result<Table, Failure> {
    let mut book = open_workbook_auto(path).map_err(|e| {
        Failure::input(format!(
            "{}: not a readable spreadsheet ({e}); open it in Excel and save it again as .xlsx",
            path.display()
        ))
    })?;
    let names = book.sheet_names().to_vec();
    let kind = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("workbook")
        .to_ascii_lowercase();
    if let Some(name) = sheet {
        let range = book.worksheet_range(name).map_err(|_| {
            Failure::input(format!(
                "{}: no worksheet named `{name}`; it has: {}",
                path.display(),
                names.join(", ")
            ))
        })?;
        let source = format!(".{kind}, worksheet `{name}`");
        return into_table(path, grid_of(&range), Some(name.to_string()), source);
    }
    // The roster is on the first worksheet with a 学号 header; colleges often put a 说明
    // (instructions) sheet first.
    for name in &names {
        let range = book.worksheet_range(name).map_err(|e| {
            Failure::input(format!(
                "{}: worksheet `{name}` cannot be read ({e}); open the file in Excel and save it again as .xlsx",
                path.display()
            ))
        })?;
        let grid = grid_of(&range);
        if header_row(&grid).is_some() {
            let source = if names.len() > 1 {
                format!(".{kind}, worksheet `{name}` (of {})", names.join(", "))
            } else {
                format!(".{kind}, worksheet `{name}`")
            };
            return into_table(path, grid, Some(name.clone()), source);
        }
    }
    if names.is_empty() {
        return Err(Failure::input(format!(
            "{}: the file has no worksheet",
            path.display()
        )));
    }
    Err(Failure::input(format!(
        "{}: no worksheet has a 学号 (student_no) column in its first {HEADER_SEARCH_ROWS} rows; worksheets: {}. Name the one with the roster with --sheet NAME, or add a header row 学号, 姓名, 学院 above the students",
        path.display(),
        names.join(", ")
    )))
}

fn grid_of(range: &Range<Data>) -> Grid {
    let (row0, col0) = range.start().unwrap_or((0, 0));
    range
        .rows()
        .enumerate()
        .map(|(i, cells)| {
            // Columns before the used range are empty; keep them so positions stay true.
            let mut row = vec![String::new(); col0 as usize];
            row.extend(cells.iter().map(cell_text));
            (row0 as usize + i + 1, row)
        })
        .collect()
}

/// A cell as the text a person sees: `2020123` for the number 2020123.0.
fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        // A whole number of 16 digits or more: Excel already lost digits; the roster says so.
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e20 => format!("{}", *f as u64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "true" } else { "false" }.to_string(),
        Data::DateTime(t) => t.to_string(),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

fn read_csv(path: &Path) -> Result<(Grid, String), Failure> {
    let bytes = std::fs::read(path).map_err(|e| Failure::read(path, e))?;
    let (text, encoding) = decode_text(&bytes);
    let (text, line_ends) = one_line_end(&text);
    let delimiter = detect_delimiter(&text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut grid = Vec::new();
    for (i, rec) in reader.records().enumerate() {
        let rec = rec.map_err(|e| {
            Failure::input(format!(
                "{}: row {}: not valid CSV ({e}); open it in Excel and save it again",
                path.display(),
                i + 1
            ))
        })?;
        // The line number is the row a spreadsheet shows (blank lines count).
        let line = rec.position().map(|p| p.line() as usize).unwrap_or(i + 1);
        grid.push((line, rec.iter().map(str::to_string).collect()));
    }
    let separated = match delimiter {
        b'\t' => "tab-separated",
        b';' => "semicolon-separated",
        _ => "comma-separated",
    };
    let kind = if encoding.starts_with("UTF-16") {
        "text"
    } else {
        "CSV"
    };
    Ok((
        grid,
        format!("{kind}, {encoding}, {separated}, {line_ends} line ends"),
    ))
}

/// The text and its encoding: UTF-8 (with or without a BOM), UTF-16 (Excel's "Unicode text",
/// with or without a BOM), else GB18030 — what Chinese Excel saves as "CSV".
fn decode_text(bytes: &[u8]) -> (String, &'static str) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return (String::from_utf8_lossy(rest).into_owned(), "UTF-8 with BOM");
    }
    let utf16 = |le: bool, b: &[u8]| -> String {
        let enc = if le {
            encoding_rs::UTF_16LE
        } else {
            encoding_rs::UTF_16BE
        };
        enc.decode_without_bom_handling(b).0.into_owned()
    };
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return (utf16(true, rest), "UTF-16LE");
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return (utf16(false, rest), "UTF-16BE");
    }
    // UTF-16 without a BOM: ASCII characters leave every other byte zero.
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() >= 4 {
        let zeros = |start: usize| {
            sample
                .iter()
                .skip(start)
                .step_by(2)
                .filter(|b| **b == 0)
                .count()
        };
        let half = sample.len() / 2;
        if zeros(1) * 3 > half {
            return (utf16(true, bytes), "UTF-16LE");
        }
        if zeros(0) * 3 > half {
            return (utf16(false, bytes), "UTF-16BE");
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), "UTF-8"),
        Err(_) => (encoding_rs::GB18030.decode(bytes).0.into_owned(), "GB18030"),
    }
}

/// The text with every line ending as `\n`, and which ending the file used.
fn one_line_end(text: &str) -> (String, &'static str) {
    let crlf = text.matches("\r\n").count();
    let cr = text.matches('\r').count() - crlf;
    let lf = text.matches('\n').count() - crlf;
    let name = if crlf >= cr && crlf >= lf && crlf > 0 {
        "CRLF"
    } else if cr > lf {
        "CR"
    } else {
        "LF"
    };
    if crlf + cr == 0 {
        return (text.to_string(), name);
    }
    (text.replace("\r\n", "\n").replace('\r', "\n"), name)
}

/// Comma unless the first lines have more tabs (Excel's text export) or semicolons (Excel in
/// locales where the comma is the decimal mark). Quoted text is not counted.
fn detect_delimiter(text: &str) -> u8 {
    let (mut comma, mut tab, mut semi) = (0, 0, 0);
    let mut quoted = false;
    for c in text.lines().take(20).flat_map(|l| l.chars().chain(['\n'])) {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => comma += 1,
            '\t' if !quoted => tab += 1,
            ';' if !quoted => semi += 1,
            _ => {}
        }
    }
    if tab > 0 && tab >= comma {
        b'\t'
    } else if semi > comma {
        b';'
    } else {
        b','
    }
}

/// A cell to write.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text.
    Text(String),
    /// A whole number (student counts, yuan).
    Int(i64),
}

impl From<String> for Cell {
    fn from(s: String) -> Cell {
        Cell::Text(s)
    }
}

impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }
}

impl From<u32> for Cell {
    fn from(n: u32) -> Cell {
        Cell::Int(n as i64)
    }
}

impl From<u64> for Cell {
    fn from(n: u64) -> Cell {
        // Student numbers are identifiers: as text, Excel keeps every digit.
        Cell::Text(n.to_string())
    }
}

impl std::fmt::Display for Cell {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Cell::Text(s) => f.write_str(s),
            Cell::Int(n) => write!(f, "{n}"),
        }
    }
}

/// One sheet of a report.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// Worksheet name (at most 31 characters).
    pub name: String,
    /// Column headers.
    pub header: Vec<String>,
    /// Rows.
    pub rows: Vec<Vec<Cell>>,
}

/// The format for `path`: the one given, else from its extension, else CSV.
pub fn format_for(path: &Path, given: Option<TableFormat>) -> TableFormat {
    given.unwrap_or_else(|| {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("xlsx") => TableFormat::Xlsx,
            _ => TableFormat::Csv,
        }
    })
}

/// Writes the sheets: every sheet into one workbook, or the first sheet as CSV. The file is
/// created readable by its owner only.
pub fn write(path: &Path, format: TableFormat, sheets: &[Sheet]) -> Result<(), Failure> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| Failure::write(parent, e))?;
    }
    let bytes = match format {
        TableFormat::Csv => csv_bytes(path, &sheets[0])?,
        TableFormat::Xlsx => xlsx_bytes(path, sheets)?,
    };
    write_private(path, &bytes)
}

/// Writes `bytes` to `path`, created (or truncated) with mode 0600: reports and exports hold
/// students' names and numbers.
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path).map_err(|e| Failure::write(path, e))?;
    #[cfg(unix)]
    {
        // An existing file keeps its mode on truncation; take group and other access away.
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(std::fs::Permissions::from_mode(0o600))
            .map_err(|e| Failure::write(path, e))?;
    }
    file.write_all(bytes)
        .and_then(|()| file.flush())
        .map_err(|e| Failure::write(path, e))
}

/// A text cell made safe for a spreadsheet: a leading `=`, `+`, `-`, `@`, tab or carriage return
/// would make Excel or LibreOffice read the cell as a formula (CSV injection), so it is prefixed
/// with `'`, which they show as text. The roster reader takes the `'` off again.
pub fn neutralise(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

fn csv_bytes(path: &Path, sheet: &Sheet) -> Result<Vec<u8>, Failure> {
    let mut buf = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = csv::Writer::from_writer(&mut buf);
        let err = |e: csv::Error| Failure::write(path, e);
        w.write_record(sheet.header.iter().map(|h| neutralise(h).into_owned()))
            .map_err(err)?;
        for row in &sheet.rows {
            w.write_record(row.iter().map(|c| match c {
                Cell::Text(s) => neutralise(s).into_owned(),
                // A number is a number (a negative one is not a formula).
                Cell::Int(n) => n.to_string(),
            }))
            .map_err(err)?;
        }
        w.flush().map_err(|e| Failure::write(path, e))?;
    }
    Ok(buf)
}

fn xlsx_bytes(path: &Path, sheets: &[Sheet]) -> Result<Vec<u8>, Failure> {
    let err = |e: rust_xlsxwriter::XlsxError| Failure::write(path, e);
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    for sheet in sheets {
        let ws = book.add_worksheet();
        let name: String = sheet.name.chars().take(31).collect();
        ws.set_name(name).map_err(err)?;
        let mut widths: Vec<usize> = sheet.header.iter().map(|h| display_width(h)).collect();
        for (c, h) in sheet.header.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, h, &bold)
                .map_err(err)?;
        }
        for (r, row) in sheet.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (c, cell) in row.iter().enumerate() {
                // Strings stay strings (never a formula, whatever they start with).
                match cell {
                    Cell::Text(s) => ws.write_string(r, c as u16, s).map_err(err)?,
                    Cell::Int(n) => ws.write_number(r, c as u16, *n as f64).map_err(err)?,
                };
                if c >= widths.len() {
                    widths.resize(c + 1, 0);
                }
                widths[c] = widths[c].max(display_width(&cell.to_string()));
            }
        }
        for (c, w) in widths.iter().enumerate() {
            ws.set_column_width(c as u16, (*w as f64 + 2.0).min(80.0))
                .map_err(err)?;
        }
        ws.set_freeze_panes(1, 0).map_err(err)?;
    }
    book.save_to_buffer().map_err(err)
}

/// Writes a roster as a college sends one: Chinese headers (学号/姓名/学院/年级/班级/已缴费),
/// student numbers as Excel numbers, 是/否 for the fee. The demo and the import benchmark use it,
/// so both go through the same reader a real college's file does.
pub fn write_roster(roster: &photoday_core::roster::Roster, path: &Path) -> Result<(), Failure> {
    write_roster_as(roster, path, TableFormat::Xlsx)
}

/// Like [`write_roster`], as CSV or .xlsx.
pub fn write_roster_as(
    roster: &photoday_core::roster::Roster,
    path: &Path,
    format: TableFormat,
) -> Result<(), Failure> {
    let rows = roster
        .students()
        .map(|s| {
            vec![
                Cell::Int(s.student_no as i64),
                s.name.as_str().into(),
                s.college.as_str().into(),
                s.cohort.as_str().into(),
                s.class.as_str().into(),
                if s.paid { "是" } else { "否" }.into(),
            ]
        })
        .collect();
    let header = ["学号", "姓名", "学院", "年级", "班级", "已缴费"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    write(
        path,
        format,
        &[Sheet {
            name: "名单".into(),
            header,
            rows,
        }],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_row_above_the_header_is_skipped_and_rows_keep_their_numbers() {
        let grid = vec![
            (1, vec!["2020级名单".to_string()]),
            (2, vec!["学号".to_string(), "姓名".to_string()]),
            (3, vec!["1".to_string(), "甲".to_string()]),
            (5, vec!["2".to_string(), "乙".to_string()]),
        ];
        let t = into_table(Path::new("x.csv"), grid, None, String::new()).unwrap();
        assert_eq!(t.header_row, 2);
        assert_eq!(t.header, vec!["学号", "姓名"]);
        // Row 5 of the file is the third row under the header (row 4 was blank).
        assert_eq!(t.rows.len(), 3);
        assert_eq!(t.rows[2][1], "乙");
    }

    #[test]
    fn excel_numbers_read_as_the_digits_a_person_sees() {
        assert_eq!(cell_text(&Data::Float(2020010101.0)), "2020010101");
        assert_eq!(cell_text(&Data::Float(1.5)), "1.5");
        assert_eq!(
            cell_text(&Data::Float(1234567890123456.0)),
            "1234567890123456"
        );
    }

    #[test]
    fn gbk_csv_from_chinese_excel_is_understood() {
        let (gbk, _, _) = encoding_rs::GBK.encode("学号,姓名\n1,李明\n");
        assert_eq!(
            decode_text(&gbk),
            ("学号,姓名\n1,李明\n".to_string(), "GB18030")
        );
        assert_eq!(decode_text("\u{feff}学号".as_bytes()).0, "学号");
    }

    #[test]
    fn utf16_without_a_bom_is_recognised() {
        let le: Vec<u8> = "学号\t姓名\r\n1\t李明\r\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(decode_text(&le).1, "UTF-16LE");
        assert_eq!(decode_text(&le).0, "学号\t姓名\r\n1\t李明\r\n");
    }

    #[test]
    fn line_ends_and_separators_are_detected() {
        assert_eq!(one_line_end("a\r\nb\r\n"), ("a\nb\n".to_string(), "CRLF"));
        assert_eq!(one_line_end("a\rb\r"), ("a\nb\n".to_string(), "CR"));
        assert_eq!(one_line_end("a\nb\n").1, "LF");
        assert_eq!(detect_delimiter("学号\t姓名\n1\t\"李,明\"\n"), b'\t');
        assert_eq!(detect_delimiter("学号;姓名;学院\n1;李明;x\n"), b';');
        assert_eq!(detect_delimiter("学号,姓名\n1,\"a;b;c\"\n"), b',');
    }

    #[test]
    fn formula_like_cells_are_neutralised_and_plain_ones_left_alone() {
        for bad in [
            "=HYPERLINK(\"http://x\")",
            "+1",
            "-2",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ] {
            assert_eq!(neutralise(bad), format!("'{bad}"));
        }
        assert_eq!(neutralise("李明"), "李明");
        assert_eq!(neutralise("2020010001"), "2020010001");
    }
}
