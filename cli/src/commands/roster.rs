//! `roster import` and `roster history`: a college's spreadsheet becomes part of the event's
//! roster, all rows or none, and nothing already there is lost on the way.
//!
//! Colleges send their files one by one, so a file replaces only the colleges it covers. Before
//! anything is stored the command prints what it understood of the file (format, encoding,
//! separator, worksheet, header row) and what would change — added, changed (class, college…),
//! removed — so a wrong college column shows up before any pass is printed. Removing students who
//! already hold a pass needs `--replace`; without it nothing changes and they are listed. Every
//! stored import is recorded with the file's name and SHA-256; `roster history` lists them.

use photoday_core::admin::{sha256_hex, RosterImport, RosterSource};
use photoday_core::event::Event;
use photoday_core::roster::{Roster, RosterDiff, Student};
use photoday_core::time::{format_local_minute, to_local};
use photoday_core::Error;
use std::collections::BTreeSet;
use std::path::Path;

use crate::args::{RosterCommand, RosterHistoryArgs, RosterImportArgs};
use crate::commands::{clock_now, open_folder};
use crate::failure::Failure;
use crate::output::{display_width, pad, Out, Tone};
use crate::sheet::{self, Table};
use crate::tr;

/// Students listed by name per kind of change before the rest is only counted.
const LISTED: usize = 10;

/// `photoday roster …`.
pub fn run(command: RosterCommand, out: &Out) -> Result<(), Failure> {
    match command {
        RosterCommand::Import(a) => import(&a, out),
        RosterCommand::History(a) => history(&a, out),
    }
}

fn import(args: &RosterImportArgs, out: &Out) -> Result<(), Failure> {
    let mut folder = open_folder(&args.dir.dir)?;
    let (roster, table) = load_table(folder.event(), &args.file, args.sheet.as_deref())?;
    let bytes = std::fs::read(&args.file).map_err(|e| Failure::read(&args.file, e))?;
    let source = RosterSource {
        file: args.file.display().to_string(),
        sha256: sha256_hex(&bytes),
        sheet: table.sheet.clone(),
        rows: roster.len() as u32,
    };
    let file = args.file.display();
    let (what, row, n) = (&table.source, table.header_row, roster.len());
    println!(
        "{}",
        tr!(
            out,
            "读取 {file}：{what}；表头在第{row}行；{n}名学生",
            "Read {file}: {what}; header on row {row}; {n} students"
        )
    );
    let done =
        folder.import_roster_from(&roster, &source, args.replace, args.dry_run, clock_now())?;
    print_diff(&done.diff, &roster, &done, out);
    if !done.removes_pass_holders.is_empty() && !args.replace {
        let k = done.removes_pass_holders.len();
        return Err(Failure::input(tr!(
            out,
            "这次导入会删除{k}名已有签到码的学生（见上方列表），所以什么都没有改动。若他们确实不再参加，加 --replace 再导入；若是文件漏了他们，把他们加回文件",
            "this import would remove {k} student(s) who already hold a pass (listed above), so nothing was changed. If they really leave the roster, import again with --replace; if the file left them out, add their rows back"
        )));
    }
    let total = done.total;
    if args.dry_run {
        println!(
            "{}",
            out.paint(
                Tone::Good,
                tr!(
                    out,
                    "{file} 没有问题：导入后共{total}名学生（试运行，什么都没有保存）",
                    "{file} is good: {total} students after the import (dry run: nothing was stored)"
                )
            )
        );
    } else {
        let id = done.id.unwrap_or_default();
        let sha = &source.sha256[..12];
        println!(
            "{}",
            out.paint(
                Tone::Good,
                tr!(
                    out,
                    "已导入 {file}：名单现有{total}名学生（第{id}次导入，sha256 {sha}…；photoday roster history 可查）",
                    "Imported {file}: the roster now has {total} students (import #{id}, sha256 {sha}…; see photoday roster history)"
                )
            )
        );
    }
    let all = folder.roster()?;
    print_summary(folder.event(), &all, out);
    if !args.dry_run && !done.diff.is_empty() {
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

/// What the import changes, student by student (the first few of each kind by name; every
/// removed pass holder always).
fn print_diff(diff: &RosterDiff, file: &Roster, done: &RosterImport, out: &Out) {
    let covered = diff.colleges.join("、");
    println!(
        "{}",
        tr!(
            out,
            "文件包含的学院（将被文件替换）：{covered}",
            "Colleges in the file (replaced by it): {covered}"
        )
    );
    if !diff.kept.is_empty() {
        let kept = diff.kept.join("、");
        println!(
            "{}",
            tr!(
                out,
                "保持不变的学院：{kept}",
                "Colleges kept as they were: {kept}"
            )
        );
    }
    let show = |s: &Student| {
        format!(
            "{} {} {} {}",
            file.display_no(s.student_no),
            s.name,
            s.college,
            s.class
        )
    };
    let more = |n: usize| {
        if n > LISTED {
            let k = n - LISTED;
            println!("      {}", tr!(out, "……另有{k}名", "… and {k} more"));
        }
    };
    let (a, c, r, u) = (
        diff.added.len(),
        diff.changed.len(),
        diff.removed.len(),
        diff.unchanged,
    );
    println!(
        "{}",
        out.paint(
            Tone::Bold,
            tr!(
                out,
                "  新增 {a}，变更 {c}，删除 {r}，不变 {u}",
                "  added {a}, changed {c}, removed {r}, unchanged {u}"
            )
        )
    );
    for s in diff.added.iter().take(LISTED) {
        println!("    + {}", show(s));
    }
    more(a);
    for ch in diff.changed.iter().take(LISTED) {
        let what: Vec<String> = ch
            .fields()
            .into_iter()
            .map(|f| {
                let (before, after) = field_values(f, &ch.before, &ch.after, out);
                format!("{} {before} → {after}", f.zh())
            })
            .collect();
        println!("    ~ {}: {}", show(&ch.after), what.join("; "));
    }
    more(c);
    let holders: BTreeSet<u64> = done
        .removes_pass_holders
        .iter()
        .map(|s| s.student_no)
        .collect();
    let mut listed = 0;
    for s in &diff.removed {
        let holds = holders.contains(&s.student_no);
        if listed >= LISTED && !holds {
            continue;
        }
        listed += 1;
        let mark = if holds {
            out.paint(Tone::Warn, tr!(out, "（已有签到码）", " (holds a pass)"))
        } else {
            String::new()
        };
        println!("    - {}{mark}", show(s));
    }
    if r > listed {
        let k = r - listed;
        println!("      {}", tr!(out, "……另有{k}名", "… and {k} more"));
    }
}

fn field_values(
    f: photoday_core::roster::Column,
    a: &Student,
    b: &Student,
    out: &Out,
) -> (String, String) {
    use photoday_core::roster::Column;
    let paid = |p: bool| {
        if p {
            tr!(out, "已缴", "paid")
        } else {
            tr!(out, "未缴", "unpaid")
        }
    };
    match f {
        Column::College => (a.college.clone(), b.college.clone()),
        Column::Class => (a.class.clone(), b.class.clone()),
        Column::Name => (a.name.clone(), b.name.clone()),
        Column::Cohort => (a.cohort.clone(), b.cohort.clone()),
        Column::Paid => (paid(a.paid), paid(b.paid)),
        Column::StudentNo => (a.student_no.to_string(), b.student_no.to_string()),
    }
}

fn history(args: &RosterHistoryArgs, out: &Out) -> Result<(), Failure> {
    let mut folder = open_folder(&args.dir.dir)?;
    let records = folder.roster_history()?;
    let offset = folder.event().utc_offset;
    let diff = match args.show {
        Some(id) => Some(folder.roster_import_diff(id)?.ok_or_else(|| {
            Failure::input(format!(
                "no roster import #{id}; `photoday roster history` lists them"
            ))
        })?),
        None => None,
    };
    if args.json {
        let v = serde_json::json!({"imports": records, "diff": diff});
        println!("{}", serde_json::to_string_pretty(&v).expect("serialises"));
        return Ok(());
    }
    if records.is_empty() {
        println!(
            "{}",
            tr!(
                out,
                "还没有导入过名单（photoday roster import 文件）",
                "No roster imported yet (photoday roster import FILE)"
            )
        );
        return Ok(());
    }
    for r in &records {
        let at = format_local_minute(to_local(offset, r.at_ms));
        let (id, file, sha) = (r.id, &r.file, &r.sha256);
        let colleges = r.colleges.join("、");
        let (rows, a, c, d, now) = (r.rows, r.added, r.changed, r.removed, r.current);
        let sheet = r
            .sheet
            .as_deref()
            .map(|s| format!(" [{s}]"))
            .unwrap_or_default();
        println!(
            "{}",
            out.paint(Tone::Bold, format!("#{id} {at} {file}{sheet}"))
        );
        println!("    sha256 {sha}");
        println!(
            "    {}",
            tr!(
                out,
                "{colleges}：{rows}行；新增 {a}，变更 {c}，删除 {d}；现名单中{now}人来自此文件",
                "{colleges}: {rows} rows; added {a}, changed {c}, removed {d}; {now} of today's students come from it"
            )
        );
        if r.replace {
            println!(
                "    {}",
                tr!(
                    out,
                    "（--replace：允许删除已有签到码的学生）",
                    "(--replace: removing pass holders was allowed)"
                )
            );
        }
    }
    if let Some(d) = diff {
        let roster = folder.roster()?;
        let show = |s: &Student| {
            format!(
                "{} {} {} {}",
                roster.display_no(s.student_no),
                s.name,
                s.college,
                s.class
            )
        };
        println!();
        for no in &d.added {
            match roster.get(*no) {
                Some(s) => println!("  + {}", show(s)),
                None => println!("  + {}", roster.display_no(*no)),
            }
        }
        for ch in &d.changed {
            let fields: Vec<&str> = ch.fields().into_iter().map(|f| f.zh()).collect();
            println!("  ~ {} ({})", show(&ch.after), fields.join(", "));
        }
        for s in &d.removed {
            println!("  - {}", show(s));
        }
    }
    Ok(())
}

/// Reads and validates a roster file for `event`; every bad row is reported with the row number
/// a spreadsheet program shows.
pub fn load(event: &Event, path: &Path, sheet_name: Option<&str>) -> Result<Roster, Failure> {
    load_table(event, path, sheet_name).map(|(r, _)| r)
}

/// Like [`load`], also returning what was understood of the file.
pub fn load_table(
    event: &Event,
    path: &Path,
    sheet_name: Option<&str>,
) -> Result<(Roster, Table), Failure> {
    let table = sheet::read(path, sheet_name)?;
    let roster = match Roster::from_table_at(event, &table.header, &table.rows, table.header_row) {
        Ok(r) => r,
        Err(Error::InvalidRoster(rows)) => {
            return Err(Failure::roster(rows).with_file(path.display().to_string()))
        }
        Err(e) => return Err(e.into()),
    };
    if roster.is_empty() {
        return Err(Failure::input(format!(
            "{}: no student under the header row; add one row per student",
            path.display()
        )));
    }
    Ok((roster, table))
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
