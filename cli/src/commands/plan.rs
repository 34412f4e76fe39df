//! `plan`: each class's arrival time inside its college's session, so a college of 400 does not
//! queue down the stairs at 09:10 — printed for the 教务处, written as .xlsx for the liaisons, and
//! a session that cannot hold its roster flagged with the core's numbers before the day.

use chrono::Duration;
use photoday_core::admin::EventFolder;
use photoday_core::event::Event;
use photoday_core::plan::{Plan, PlanSettings, SessionPlan};
use photoday_core::time::format_hhmm;
use serde::Serialize;
use std::path::Path;

use crate::args::{PlanArgs, TableFormat};
use crate::commands::{find_session, open_folder};
use crate::failure::Failure;
use crate::output::{pad, Out, Tone};
use crate::sheet::{self, Cell, Sheet};
use crate::tr;

/// `photoday plan`.
pub fn run(args: &PlanArgs, out: &Out) -> Result<(), Failure> {
    if args.per_hour == Some(0) || args.cameras == Some(0) {
        return Err(Failure::input(
            "--per-hour and --cameras must be at least 1",
        ));
    }
    let mut folder = open_folder(&args.dir.dir)?;
    let event = folder.event().clone();
    let only = args
        .session
        .as_deref()
        .map(|s| find_session(&event, s))
        .transpose()?;
    let given = (args.per_hour.is_some() || args.cameras.is_some()).then_some(PlanSettings {
        per_hour: args.per_hour,
        cameras: args.cameras,
    });
    if args.save {
        folder.set_plan_settings(given.unwrap_or(PlanSettings {
            per_hour: None,
            cameras: None,
        }))?;
    }
    let mut plan = folder.plan(given)?;
    if let Some(n) = only {
        plan.sessions.retain(|s| s.session == n);
    }
    let students: u32 = plan.sessions.iter().map(|s| s.students).sum();
    if args.json {
        let j = PlanJson::new(&event, &plan, out);
        println!(
            "{}",
            serde_json::to_string_pretty(&j).map_err(|e| Failure::other(e.to_string()))?
        );
    } else {
        if students == 0 {
            let dir = args.dir.dir.display();
            println!(
                "{}",
                out.paint(
                    Tone::Warn,
                    tr!(
                        out,
                        "名单是空的，没有可安排的班级：先 photoday roster import 名单.xlsx --dir {dir}",
                        "The roster is empty, so there is nothing to plan: photoday roster import roster.xlsx --dir {dir}"
                    )
                )
            );
        }
        // Sessions without students have nothing to plan (unless asked for by name).
        for s in plan
            .sessions
            .iter()
            .filter(|s| s.students > 0 || only.is_some())
        {
            print_session(&event, s, out, usize::MAX);
        }
        print_overfull(&plan, out);
    }
    if let Some(path) = &args.xlsx {
        write_xlsx(&event, &plan, path, out)?;
        if !args.json {
            let file = path.display();
            println!(
                "{}",
                out.paint(
                    Tone::Good,
                    tr!(
                        out,
                        "已写入 {file}（发给各学院联络员）",
                        "Wrote {file} (for the college liaisons)"
                    )
                )
            );
        }
    }
    if args.save && !args.json {
        println!(
            "{}",
            tr!(
                out,
                "已保存这些设置；之后的资料包和签到卡都按此安排",
                "Saved these settings; bundles and printed passes now follow this plan"
            )
        );
    }
    Ok(())
}

/// One session: its header, its numbers and up to `max_entries` classes.
pub fn print_session(event: &Event, s: &SessionPlan, out: &Out, max_entries: usize) {
    let Some(session) = event.session(s.session) else {
        return;
    };
    let (n, college, room) = (
        s.session,
        out.text(&session.college),
        out.text(&session.room),
    );
    let when = format!("{} {}", session.date, session.windows_label());
    println!();
    println!(
        "{}",
        out.paint(Tone::Bold, format!("{n:>2} {college} · {room} · {when}"))
    );
    let (students, per_hour, cameras) = (s.students, s.per_hour, s.cameras);
    let need = s.needed_minutes as f64 / 60.0;
    let have = s.available_minutes as f64 / 60.0;
    let verdict = if s.fits {
        out.paint(Tone::Good, tr!(out, "✔ 排得下", "✔ fits"))
    } else {
        out.paint(Tone::Bad, tr!(out, "✖ 排不下", "✖ does not fit"))
    };
    println!(
        "   {}  {verdict}",
        tr!(
            out,
            "{students}人 · 每台相机每小时{per_hour}人 × {cameras}台 · 需要{need:.1}小时 / 时段{have:.1}小时",
            "{students} students · {per_hour}/h per camera × {cameras} · needs {need:.1} h of {have:.1} h"
        )
    );
    if let Some(o) = &s.overflow {
        println!("   {}", out.paint(Tone::Bad, out.text(o)));
    }
    let early = Duration::minutes(event.arrive_early_minutes as i64);
    for e in s.entries.iter().take(max_entries) {
        let (start, end) = (format_hhmm(e.start.time()), format_hhmm(e.end.time()));
        let by = format_hhmm((e.start - early).time());
        let k = e.students;
        let line = format!(
            "   {start}–{end}  {} {}  {}",
            pad(&e.label(), 16),
            pad(&tr!(out, "{k}人", "{k}"), 5),
            tr!(out, "{by} 前到达", "arrive by {by}")
        );
        if e.fits {
            println!("{line}");
        } else {
            println!(
                "{line}  {}",
                out.paint(Tone::Bad, tr!(out, "超出时段", "past the last window"))
            );
        }
    }
    if max_entries > 0 && s.entries.len() > max_entries {
        let more = s.entries.len() - max_entries;
        println!(
            "   {}",
            out.paint(
                Tone::Dim,
                tr!(out, "……另有{more}个班级", "… {more} more classes")
            )
        );
    }
}

/// A closing line: every session fits, or which do not.
pub fn print_overfull(plan: &Plan, out: &Out) {
    let over: Vec<String> = plan.overfull().map(|s| s.session.to_string()).collect();
    println!();
    if over.is_empty() {
        println!(
            "{}",
            out.paint(
                Tone::Good,
                tr!(out, "每一场都排得下。", "Every session fits.")
            )
        );
    } else {
        let list = over.join(", ");
        println!(
            "{}",
            out.paint(
                Tone::Bad,
                tr!(
                    out,
                    "第 {list} 场排不下：请在拍摄日之前加相机、提高速度或延长时段（photoday plan --cameras 2 可试算）",
                    "Session(s) {list} cannot hold their roster: add a camera, a faster pace or a longer window before the day (try photoday plan --cameras 2)"
                )
            )
        );
    }
}

/// The plan as a workbook: every class's time, and a summary per session.
pub fn write_xlsx(event: &Event, plan: &Plan, path: &Path, out: &Out) -> Result<(), Failure> {
    let early = Duration::minutes(event.arrive_early_minutes as i64);
    let yes_no = |b: bool| {
        if b {
            tr!(out, "是", "yes")
        } else {
            tr!(out, "否", "no")
        }
    };
    let mut rows = Vec::new();
    let mut summary = Vec::new();
    for s in &plan.sessions {
        let Some(session) = event.session(s.session) else {
            continue;
        };
        for e in &s.entries {
            rows.push(vec![
                Cell::Int(s.session as i64),
                session.college.zh.as_str().into(),
                session.room.zh.as_str().into(),
                session.date.to_string().into(),
                e.label().into(),
                Cell::from(e.students),
                format_hhmm(e.start.time()).into(),
                format_hhmm(e.end.time()).into(),
                format_hhmm((e.start - early).time()).into(),
                yes_no(e.fits).into(),
            ]);
        }
        summary.push(vec![
            Cell::Int(s.session as i64),
            session.college.zh.as_str().into(),
            session.room.zh.as_str().into(),
            format!("{} {}", session.date, session.windows_label()).into(),
            Cell::from(s.students),
            Cell::from(s.per_hour),
            Cell::from(s.cameras),
            Cell::from(s.needed_minutes),
            Cell::from(s.available_minutes),
            yes_no(s.fits).into(),
            s.overflow
                .as_ref()
                .map(|o| out.text(o).to_string())
                .unwrap_or_default()
                .into(),
        ]);
    }
    let sheets = [
        Sheet {
            name: tr!(out, "到达安排", "plan"),
            header: out.columns(&[
                ("场次", "session"),
                ("学院", "college"),
                ("地点", "room"),
                ("日期", "date"),
                ("班级", "class"),
                ("人数", "students"),
                ("拍摄时间", "start"),
                ("结束", "end"),
                ("最迟到达", "arrive_by"),
                ("在时段内", "fits"),
            ]),
            rows,
        },
        Sheet {
            name: tr!(out, "各场汇总", "sessions"),
            header: out.columns(&[
                ("场次", "session"),
                ("学院", "college"),
                ("地点", "room"),
                ("时间", "when"),
                ("人数", "students"),
                ("每台每小时", "per_hour"),
                ("相机", "cameras"),
                ("需要（分钟）", "needed_minutes"),
                ("可用（分钟）", "available_minutes"),
                ("排得下", "fits"),
                ("说明", "note"),
            ]),
            rows: summary,
        },
    ];
    sheet::write(path, TableFormat::Xlsx, &sheets)
}

/// Writes the plan workbook from a folder's saved settings (the demo uses it).
pub fn write_folder_xlsx(folder: &mut EventFolder, path: &Path, out: &Out) -> Result<(), Failure> {
    let event = folder.event().clone();
    let plan = folder.plan(None)?;
    write_xlsx(&event, &plan, path, out)
}

#[derive(Debug, Serialize)]
struct PlanJson {
    sessions: Vec<SessionJson>,
    overfull: Vec<u8>,
}

#[derive(Debug, Serialize)]
struct SessionJson {
    session: u8,
    college: String,
    room: String,
    date: String,
    students: u32,
    per_hour: u32,
    cameras: u32,
    needed_minutes: u32,
    available_minutes: u32,
    fits: bool,
    overflow: Option<String>,
    entries: Vec<EntryJson>,
}

#[derive(Debug, Serialize)]
struct EntryJson {
    class: String,
    part: u32,
    parts: u32,
    students: u32,
    start: String,
    end: String,
    arrive_by: String,
    fits: bool,
}

impl PlanJson {
    fn new(event: &Event, plan: &Plan, out: &Out) -> PlanJson {
        let early = Duration::minutes(event.arrive_early_minutes as i64);
        PlanJson {
            overfull: plan.overfull().map(|s| s.session).collect(),
            sessions: plan
                .sessions
                .iter()
                .filter_map(|s| {
                    let session = event.session(s.session)?;
                    Some(SessionJson {
                        session: s.session,
                        college: session.college.zh.clone(),
                        room: session.room.zh.clone(),
                        date: session.date.to_string(),
                        students: s.students,
                        per_hour: s.per_hour,
                        cameras: s.cameras,
                        needed_minutes: s.needed_minutes,
                        available_minutes: s.available_minutes,
                        fits: s.fits,
                        overflow: s.overflow.as_ref().map(|o| out.text(o).to_string()),
                        entries: s
                            .entries
                            .iter()
                            .map(|e| EntryJson {
                                class: e.class.clone(),
                                part: e.part,
                                parts: e.parts,
                                students: e.students,
                                start: format_hhmm(e.start.time()),
                                end: format_hhmm(e.end.time()),
                                arrive_by: format_hhmm((e.start - early).time()),
                                fits: e.fits,
                            })
                            .collect(),
                    })
                })
                .collect(),
        }
    }
}
