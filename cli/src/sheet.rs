//! Spreadsheets in and out.
//!
//! Colleges send rosters as Excel files (sometimes with a title row above the header), or as CSV
//! saved by Chinese Excel, which is GBK rather than UTF-8. Reports go back to liaisons as .xlsx,
//! or as .csv with a UTF-8 byte-order mark so that Excel shows the Chinese instead of mojibake.
//! This module turns a file into header + rows of text (the core validates them) and tables into
//! files; it knows nothing of what the columns mean.

use calamine::{open_workbook_auto, Data, Reader};
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
}

/// Headers that mark the header row (a title row above it is skipped).
const KEY_HEADERS: &[&str] = &[
    "学号",
    "student_no",
    "student no",
    "student number",
    "studentno",
];

/// Reads the first worksheet (or `sheet`) of an .xlsx/.xls/.ods file, or a .csv file.
pub fn read(path: &Path, sheet: Option<&str>) -> Result<Table, Failure> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if !path.exists() {
        return Err(Failure::input(format!("{}: no such file", path.display())));
    }
    let grid = match ext.as_str() {
        "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" => read_workbook(path, sheet)?,
        "csv" | "txt" | "tsv" => read_csv(path, ext == "tsv")?,
        _ => {
            return Err(Failure::input(format!(
                "{}: not a spreadsheet PhotoDay reads; save it as .xlsx or .csv",
                path.display()
            )))
        }
    };
    into_table(path, grid)
}

/// Rows of cells with their 1-based row numbers in the file.
type Grid = Vec<(usize, Vec<String>)>;

fn into_table(path: &Path, grid: Grid) -> Result<Table, Failure> {
    let filled: Vec<&(usize, Vec<String>)> = grid
        .iter()
        .filter(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()))
        .collect();
    let Some(first) = filled.first() else {
        return Err(Failure::input(format!(
            "{}: the sheet is empty; it needs a header row (学号, 姓名, 学院…) and one row per student",
            path.display()
        )));
    };
    let is_header = |cells: &[String]| {
        cells.iter().any(|c| {
            let c = c.trim().trim_start_matches('\u{feff}').to_lowercase();
            KEY_HEADERS.contains(&c.as_str())
        })
    };
    let header_at = filled
        .iter()
        .take(10)
        .find(|(_, cells)| is_header(cells))
        .map(|(n, _)| *n)
        .unwrap_or(first.0);
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
    })
}

fn read_workbook(path: &Path, sheet: Option<&str>) -> Result<Grid, Failure> {
    let mut book = open_workbook_auto(path).map_err(|e| {
        Failure::input(format!(
            "{}: not a readable spreadsheet ({e}); open it in Excel and save it again as .xlsx",
            path.display()
        ))
    })?;
    let range = match sheet {
        Some(name) => book.worksheet_range(name).map_err(|_| {
            Failure::input(format!(
                "{}: no worksheet named `{name}`; it has: {}",
                path.display(),
                book.sheet_names().join(", ")
            ))
        })?,
        None => book
            .worksheet_range_at(0)
            .ok_or_else(|| {
                Failure::input(format!("{}: the file has no worksheet", path.display()))
            })?
            .map_err(|e| {
                Failure::input(format!(
                    "{}: the first worksheet cannot be read ({e})",
                    path.display()
                ))
            })?,
    };
    let (row0, col0) = range.start().unwrap_or((0, 0));
    Ok(range
        .rows()
        .enumerate()
        .map(|(i, cells)| {
            // Columns before the used range are empty; keep them so positions stay true.
            let mut row = vec![String::new(); col0 as usize];
            row.extend(cells.iter().map(cell_text));
            (row0 as usize + i + 1, row)
        })
        .collect())
}

/// A cell as the text a person sees: `2020123` for the number 2020123.0.
fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "true" } else { "false" }.to_string(),
        Data::DateTime(t) => t.to_string(),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

fn read_csv(path: &Path, tabs: bool) -> Result<Grid, Failure> {
    let bytes = std::fs::read(path).map_err(|e| Failure::read(path, e))?;
    let text = decode_text(&bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(if tabs { b'\t' } else { b',' })
        .from_reader(text.as_bytes());
    let mut grid = Vec::new();
    for (i, rec) in reader.records().enumerate() {
        let rec = rec.map_err(|e| {
            Failure::input(format!(
                "{}: row {}: not valid CSV ({e})",
                path.display(),
                i + 1
            ))
        })?;
        // The line number is the row a spreadsheet shows (blank lines count).
        let line = rec.position().map(|p| p.line() as usize).unwrap_or(i + 1);
        grid.push((line, rec.iter().map(str::to_string).collect()));
    }
    Ok(grid)
}

/// UTF-8 (with or without a BOM), else GB18030/GBK as Chinese Excel saves CSV.
fn decode_text(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::GB18030.decode(bytes).0.into_owned(),
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

/// Writes the sheets: every sheet into one workbook, or the first sheet as CSV.
pub fn write(path: &Path, format: TableFormat, sheets: &[Sheet]) -> Result<(), Failure> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| Failure::write(parent, e))?;
    }
    match format {
        TableFormat::Csv => write_csv(path, &sheets[0]),
        TableFormat::Xlsx => write_xlsx(path, sheets),
    }
}

fn write_csv(path: &Path, sheet: &Sheet) -> Result<(), Failure> {
    let mut buf = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = csv::Writer::from_writer(&mut buf);
        let err = |e: csv::Error| Failure::write(path, e);
        w.write_record(&sheet.header).map_err(err)?;
        for row in &sheet.rows {
            w.write_record(row.iter().map(|c| c.to_string()))
                .map_err(err)?;
        }
        w.flush().map_err(|e| Failure::write(path, e))?;
    }
    std::fs::write(path, buf).map_err(|e| Failure::write(path, e))
}

fn write_xlsx(path: &Path, sheets: &[Sheet]) -> Result<(), Failure> {
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
    book.save(path).map_err(err)
}

/// Writes a roster as a college sends one: Chinese headers (学号/姓名/学院/年级/班级/已缴费),
/// student numbers as Excel numbers, 是/否 for the fee. The demo and the import benchmark use it,
/// so both go through the same reader a real college's file does.
pub fn write_roster(roster: &photoday_core::roster::Roster, path: &Path) -> Result<(), Failure> {
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
        crate::args::TableFormat::Xlsx,
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
        let t = into_table(Path::new("x.csv"), grid).unwrap();
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
    }

    #[test]
    fn gbk_csv_from_chinese_excel_is_understood() {
        let (gbk, _, _) = encoding_rs::GBK.encode("学号,姓名\n1,李明\n");
        assert_eq!(decode_text(&gbk), "学号,姓名\n1,李明\n");
        assert_eq!(decode_text("\u{feff}学号".as_bytes()), "学号");
    }
}
