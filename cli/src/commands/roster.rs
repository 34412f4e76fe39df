//! `roster import`: a college's spreadsheet becomes the event's roster, all rows or none.
//!
//! The core validates; this module reads the file, keeps the row numbers true to the file (a title
//! row above the header shifts them), and prints what was understood per college so a wrong
//! college column shows up before any pass is printed.

use photoday_core::event::Event;
use photoday_core::roster::Roster;
use photoday_core::Error;
use std::collections::BTreeSet;
use std::path::Path;

use crate::args::{RosterCommand, RosterImportArgs};
use crate::commands::open_folder;
use crate::failure::Failure;
use crate::output::{display_width, pad, Out, Tone};
use crate::sheet;
use crate::tr;

/// `photoday roster …`.
pub fn run(command: RosterCommand, out: &Out) -> Result<(), Failure> {
    match command {
        RosterCommand::Import(a) => import(&a, out),
    }
}

fn import(args: &RosterImportArgs, out: &Out) -> Result<(), Failure> {
    let mut folder = open_folder(&args.dir.dir)?;
    let roster = load(folder.event(), &args.file, args.sheet.as_deref())?;
    let file = args.file.display();
    let n = roster.len();
    if args.dry_run {
        println!(
            "{}",
            out.paint(
                Tone::Good,
                tr!(
                    out,
                    "{file} 没有问题：{n}名学生（试运行，什么都没有保存）",
                    "{file} is good: {n} students (dry run: nothing was stored)"
                )
            )
        );
    } else {
        folder.import_roster(&roster)?;
        println!(
            "{}",
            out.paint(
                Tone::Good,
                tr!(
                    out,
                    "已导入 {file}：{n}名学生",
                    "Imported {file}: {n} students"
                )
            )
        );
    }
    print_summary(folder.event(), &roster, out);
    if !args.dry_run {
        let dir = args.dir.dir.display();
        println!();
        println!(
            "{}",
            tr!(
                out,
                "下一步：photoday passes issue --dir {dir}",
                "Next: photoday passes issue --dir {dir}"
            )
        );
    }
    Ok(())
}

/// Reads and validates a roster file for `event`; every bad row is reported with the row number
/// a spreadsheet program shows.
pub fn load(event: &Event, path: &Path, sheet_name: Option<&str>) -> Result<Roster, Failure> {
    let table = sheet::read(path, sheet_name)?;
    let roster = match Roster::from_table_at(event, &table.header, &table.rows, table.header_row) {
        Ok(r) => r,
        Err(Error::InvalidRoster(rows)) => return Err(Failure::roster(rows)),
        Err(e) => return Err(e.into()),
    };
    if roster.is_empty() {
        return Err(Failure::input(format!(
            "{}: no student under the header row; add one row per student",
            path.display()
        )));
    }
    Ok(roster)
}

/// Per college: students, classes, unpaid.
pub fn print_summary(event: &Event, roster: &Roster, out: &Out) {
    let w = event
        .sessions
        .iter()
        .map(|s| display_width(out.text(&s.college)))
        .max()
        .unwrap_or(0)
        .max(8);
    println!(
        "{}",
        out.paint(
            Tone::Dim,
            format!(
                "  {} {} {} {}",
                pad(&tr!(out, "学院", "college"), w),
                pad(&tr!(out, "人数", "students"), 9),
                pad(&tr!(out, "班级", "classes"), 8),
                tr!(out, "未缴费", "unpaid")
            )
        )
    );
    for (i, s) in event.sessions.iter().enumerate() {
        let students: Vec<_> = roster.in_session(i as u8 + 1).collect();
        if students.is_empty() {
            continue;
        }
        let classes: BTreeSet<&str> = students.iter().map(|s| s.class.as_str()).collect();
        let unpaid = students.iter().filter(|s| !s.paid).count();
        println!(
            "  {} {} {} {}",
            pad(out.text(&s.college), w),
            pad(&students.len().to_string(), 9),
            pad(&classes.len().to_string(), 8),
            unpaid
        );
    }
}
