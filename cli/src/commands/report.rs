//! `report attendance|absentees|fees|duplicates`: what the 教务处 sends the liaisons after (and
//! before) the day, as .csv or .xlsx.
//!
//! Attendance is per class so a liaison knows whom to chase; the absentee list is the 补拍 list
//! and uses roster headers, so it can be imported again as the roster of a make-up day; the fee
//! report says per college what is still owed before the deadline; duplicates name the photo
//! number to void when a student was photographed twice.
//!
//! Every file is written through `sheet::write`: private to its owner, formula-like text
//! neutralised in CSV, strings kept strings in .xlsx; student numbers keep the roster's leading
//! zeros.

use photoday_core::admin::{EventFolder, FeeRow};
use photoday_core::attendance::Attendance;
use photoday_core::enrolment::Enrolment;
use photoday_core::event::Event;
use photoday_core::roster::{format_student_no, Roster};
use photoday_core::time::{format_local_minute, to_local};
use std::path::Path;

use crate::args::{ReportArgs, ReportKind, TableFormat};
use crate::commands::open_folder;
use crate::failure::Failure;
use crate::output::{Out, Tone};
use crate::sheet::{self, Cell, Sheet};
use crate::tr;

/// `photoday report`.
pub fn run(args: &ReportArgs, out: &Out) -> Result<(), Failure> {
    let mut folder = open_folder(&args.dir.dir)?;
    let format = sheet::format_for(&args.out, args.format);
    write(&mut folder, args.kind, format, &args.out, out)
}

/// Builds one report and writes it; prints a line saying what is in it.
pub fn write(
    folder: &mut EventFolder,
    kind: ReportKind,
    format: TableFormat,
    path: &Path,
    out: &Out,
) -> Result<(), Failure> {
    let event = folder.event().clone();
    let file = path.display();
    let (sheets, summary) = match kind {
        ReportKind::Attendance => {
            let a = folder.attendance()?;
            let roster = folder.roster()?;
            let (adm, exp) = (
                a.photographed(),
                a.sessions.iter().map(|s| s.expected).sum::<u32>(),
            );
            let dups = a.duplicates.len();
            let mut summary = tr!(out, "已拍 {adm}/{exp}", "{adm}/{exp} photographed");
            let count = |v: &str| a.refusals.get(v).copied().unwrap_or(0);
            let (forged, wrong) = (count("bad_signature"), count("wrong_session"));
            if forged + wrong > 0 {
                summary.push_str(&tr!(
                    out,
                    "；门口拒绝：伪造 {forged} 次，走错考场 {wrong} 次",
                    "; refused at the door: {forged} forged, {wrong} wrong room"
                ));
            }
            if dups > 0 && format == TableFormat::Xlsx {
                summary.push_str(&tr!(
                    out,
                    "；{dups}人被拍了两次（见“重复拍摄”工作表）",
                    "; {dups} photographed twice (see the duplicates sheet)"
                ));
            } else if dups > 0 {
                summary.push_str(&tr!(
                    out,
                    "；{dups}人被拍了两次（photoday report duplicates 列出要作废的编号）",
                    "; {dups} photographed twice (photoday report duplicates lists the numbers to void)"
                ));
            }
            let arrived: usize = a
                .sessions
                .iter()
                .map(|s| s.arrived_not_photographed.len())
                .sum();
            if arrived > 0 {
                summary.push_str(&tr!(
                    out,
                    "；{arrived}人到场但未拍（见“到场未拍”，请联络员追回）",
                    "; {arrived} arrived but were not photographed (see the arrived-not-photographed sheet; liaisons, chase them)"
                ));
            }
            let mut dups = duplicates_sheet(&event, &roster, &a, &folder.enrolment()?, out);
            restore_zeros(&mut dups, 0, roster.number_width());
            let mut chase = arrived_sheet(&a, out);
            restore_zeros(&mut chase, 0, roster.number_width());
            (vec![attendance_sheet(&a, out), chase, dups], summary)
        }
        ReportKind::Absentees => {
            let a = folder.attendance()?;
            let width = folder.roster()?.number_width();
            let n: usize = a.sessions.iter().map(|s| s.absentees.len()).sum();
            let mut sheet = absentees_sheet(&a, out);
            restore_zeros(&mut sheet, 0, width);
            (
                vec![sheet],
                tr!(
                    out,
                    "{n}名学生未拍（补拍名单）",
                    "{n} students not photographed (the make-up list)"
                ),
            )
        }
        ReportKind::Fees => {
            let fees = folder.fees()?;
            let owed: u32 = fees.iter().map(|f| f.owed_yuan).sum();
            let deadline = format_local_minute(event.fee.deadline);
            (
                vec![fees_sheet(&event, &fees, out)],
                tr!(
                    out,
                    "{deadline} 前尚欠 {owed} 元",
                    "{owed} yuan still owed before {deadline}"
                ),
            )
        }
        ReportKind::Duplicates => {
            let a = folder.attendance()?;
            let roster = folder.roster()?;
            let n = a.duplicates.len();
            let mut dups = duplicates_sheet(&event, &roster, &a, &folder.enrolment()?, out);
            restore_zeros(&mut dups, 0, roster.number_width());
            (
                vec![dups],
                tr!(out, "{n}人被拍了两次", "{n} photographed twice"),
            )
        }
    };
    sheet::write(path, format, &sheets)?;
    if kind != ReportKind::Fees {
        // A number held by two students is said loudly in every report (DESIGN §5).
        for c in &folder.attendance()?.clashes {
            println!(
                "{}",
                out.paint(Tone::Bad, format!("✖ {}", out.text(&c.advice())))
            );
        }
    }
    println!(
        "{}",
        out.paint(
            Tone::Good,
            tr!(out, "已写入 {file}：{summary}", "Wrote {file}: {summary}")
        )
    );
    Ok(())
}

/// Shows column `col`'s student numbers with the roster's leading zeros (`0501…`), if it has them.
fn restore_zeros(sheet: &mut Sheet, col: usize, width: Option<u8>) {
    let Some(w) = width else { return };
    for row in &mut sheet.rows {
        if let Some(Cell::Text(t)) = row.get_mut(col) {
            if let Ok(n) = t.parse::<u64>() {
                *t = format_student_no(n, Some(w));
            }
        }
    }
}

/// Per session and class: expected, photographed, missing; a total row per session.
pub fn attendance_sheet(a: &Attendance, out: &Out) -> Sheet {
    let header = out.columns(&[
        ("场次", "session"),
        ("学院", "college"),
        ("地点", "room"),
        ("日期", "date"),
        ("班级", "class"),
        ("应到", "expected"),
        ("已拍", "photographed"),
        ("未拍", "missing"),
    ]);
    let total = tr!(out, "（合计）", "(total)");
    let mut rows = Vec::new();
    // A session with nobody expected and nobody admitted has nothing to report.
    for s in a
        .sessions
        .iter()
        .filter(|s| s.expected > 0 || s.arrived > 0 || s.not_on_roster > 0)
    {
        let head = |class: &str, expected: u32, photographed: u32| {
            vec![
                Cell::Int(s.session as i64),
                // Data cells keep the notice's own (Chinese) names, so sheets sort and re-import
                // the same whatever the language of the headers.
                s.college.zh.as_str().into(),
                s.room.zh.as_str().into(),
                s.date.as_str().into(),
                class.into(),
                Cell::Int(expected as i64),
                Cell::Int(photographed as i64),
                Cell::Int(expected.saturating_sub(photographed) as i64),
            ]
        };
        for c in &s.classes {
            rows.push(head(&c.class, c.expected, c.photographed));
        }
        rows.push(head(&total, s.expected, s.photographed));
    }
    Sheet {
        name: tr!(out, "到场情况", "attendance"),
        header,
        rows,
    }
}

/// Students not photographed, with roster headers (re-importable) and where they belonged.
pub fn absentees_sheet(a: &Attendance, out: &Out) -> Sheet {
    let header = out.columns(&[
        ("学号", "student_no"),
        ("姓名", "name"),
        ("学院", "college"),
        ("年级", "cohort"),
        ("班级", "class"),
        ("已缴费", "paid"),
        ("场次", "session"),
        ("地点", "room"),
        ("日期", "date"),
    ]);
    let (yes, no) = (tr!(out, "是", "yes"), tr!(out, "否", "no"));
    let mut rows = Vec::new();
    for s in &a.sessions {
        for st in &s.absentees {
            rows.push(vec![
                Cell::from(st.student_no),
                st.name.as_str().into(),
                st.college.as_str().into(),
                st.cohort.as_str().into(),
                st.class.as_str().into(),
                if st.paid { yes.as_str() } else { no.as_str() }.into(),
                Cell::Int(s.session as i64),
                s.room.zh.as_str().into(),
                s.date.as_str().into(),
            ]);
        }
    }
    Sheet {
        name: tr!(out, "补拍名单", "absentees"),
        header,
        rows,
    }
}

/// Students who arrived (checked in or numbered) but were not photographed: liaisons chase them
/// before the session ends; they are on the 补拍 list too.
pub fn arrived_sheet(a: &Attendance, out: &Out) -> Sheet {
    let header = out.columns(&[
        ("学号", "student_no"),
        ("姓名", "name"),
        ("学院", "college"),
        ("班级", "class"),
        ("场次", "session"),
        ("地点", "room"),
        ("日期", "date"),
    ]);
    let rows = a
        .sessions
        .iter()
        .flat_map(|s| {
            s.arrived_not_photographed.iter().map(move |st| {
                vec![
                    Cell::from(st.student_no),
                    st.name.as_str().into(),
                    st.college.as_str().into(),
                    st.class.as_str().into(),
                    Cell::Int(s.session as i64),
                    s.room.zh.as_str().into(),
                    s.date.as_str().into(),
                ]
            })
        })
        .collect();
    Sheet {
        name: tr!(out, "到场未拍", "arrived not photographed"),
        header,
        rows,
    }
}

/// Per college: students, paid, amount due at the event's fee, paid, still owed, the deadline.
pub fn fees_sheet(event: &Event, fees: &[FeeRow], out: &Out) -> Sheet {
    let header = out.columns(&[
        ("学院", "college"),
        ("人数", "students"),
        ("已缴人数", "paid"),
        ("未缴人数", "unpaid"),
        ("每人（元）", "fee_yuan"),
        ("应缴（元）", "due_yuan"),
        ("已缴（元）", "paid_yuan"),
        ("尚欠（元）", "owed_yuan"),
        ("截止时间", "deadline"),
    ]);
    let deadline = format_local_minute(event.fee.deadline);
    let fee = event.fee.yuan;
    let row = |college: &str, students: u32, paid: u32, due: u32, got: u32, owed: u32| {
        vec![
            college.into(),
            Cell::from(students),
            Cell::from(paid),
            Cell::from(students - paid),
            Cell::from(fee),
            Cell::from(due),
            Cell::from(got),
            Cell::from(owed),
            deadline.as_str().into(),
        ]
    };
    let mut rows: Vec<Vec<Cell>> = fees
        .iter()
        .map(|f| {
            row(
                &f.college,
                f.students,
                f.paid,
                f.due_yuan,
                f.paid_yuan,
                f.owed_yuan,
            )
        })
        .collect();
    let sum = |g: fn(&FeeRow) -> u32| fees.iter().map(g).sum::<u32>();
    rows.push(row(
        &tr!(out, "（合计）", "(total)"),
        sum(|f| f.students),
        sum(|f| f.paid),
        sum(|f| f.due_yuan),
        sum(|f| f.paid_yuan),
        sum(|f| f.owed_yuan),
    ));
    Sheet {
        name: tr!(out, "摄影费", "fees"),
        header,
        rows,
    }
}

/// Students admitted more than once: which photo stands and which numbers to void.
/// Devices are named by their station (`names`: the event's enrolment) with their id.
pub fn duplicates_sheet(
    event: &Event,
    roster: &Roster,
    a: &Attendance,
    names: &Enrolment,
    out: &Out,
) -> Sheet {
    let header = out.columns(&[
        ("学号", "student_no"),
        ("姓名", "name"),
        ("学院", "college"),
        ("保留编号", "keep_photo_no"),
        ("保留设备", "keep_device"),
        ("保留时间", "keep_time"),
        ("作废编号", "void_photo_nos"),
        ("作废设备", "void_devices"),
    ]);
    let at = |ms: i64| format_local_minute(to_local(event.utc_offset, ms));
    let rows = a
        .duplicates
        .iter()
        .map(|d| {
            let s = roster.get(d.student_no);
            vec![
                Cell::from(d.student_no),
                s.map(|s| s.name.clone()).unwrap_or_default().into(),
                s.map(|s| s.college.clone()).unwrap_or_default().into(),
                d.keep.photo_no.as_str().into(),
                names.label(&d.keep.device).into(),
                at(d.keep.at_ms).into(),
                d.void
                    .iter()
                    .map(|v| v.photo_no.clone())
                    .collect::<Vec<_>>()
                    .join(", ")
                    .into(),
                d.void
                    .iter()
                    .map(|v| names.label(&v.device))
                    .collect::<Vec<_>>()
                    .join(", ")
                    .into(),
            ]
        })
        .collect();
    Sheet {
        name: tr!(out, "重复拍摄", "duplicates"),
        header,
        rows,
    }
}
