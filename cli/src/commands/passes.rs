//! `passes issue|export|reissue` and `pass qr|verify`: the signed check-in pass, from the roster
//! to the student's hand (a CSV for mail-merge, QR images, or a printed A4 card), and back again
//! when someone asks "is this pass genuine?".

use chrono::NaiveDateTime;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use photoday_core::admin::{EventFolder, IssueSummary, IssuedPass};
use photoday_core::door::Verdict;
use photoday_core::event::Event;
use photoday_core::pass::{self, NotAPassHint, PassCheck};
use photoday_core::plan::Plan;
use photoday_core::qr::QrMatrix;
use photoday_core::roster::parse_student_no;
use photoday_core::slot::Slot;
use photoday_core::text::Text;
use photoday_core::time::format_hhmm;
use serde::Serialize;
use std::io::{BufRead, IsTerminal};
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::args::{
    PassCommand, PassFormat, PassQrArgs, PassVerifyArgs, PassesCommand, PassesExportArgs,
    ReissueArgs, TableFormat,
};
use crate::commands::{find_session, open_folder};
use crate::failure::Failure;
use crate::output::{tone_of, Out, Tone};
use crate::printable::{self, Card};
use crate::sheet::{self, Cell, Sheet};
use crate::tr;

/// `photoday passes …`.
pub fn run_passes(command: PassesCommand, out: &Out) -> Result<(), Failure> {
    match command {
        PassesCommand::Issue(d) => {
            let mut folder = open_folder(&d.dir)?;
            issue(&mut folder, out)?;
            let dir = d.dir.display();
            println!(
                "{}",
                tr!(
                    out,
                    "下一步：photoday passes export --format html --out 打印 --dir {dir}，或 photoday bundle scanner --out 门口.photoday --dir {dir}",
                    "Next: photoday passes export --format html --out print --dir {dir}, or photoday bundle scanner --out door.photoday --dir {dir}"
                )
            );
            Ok(())
        }
        PassesCommand::Export(a) => export(&a, out),
        PassesCommand::Reissue(a) => reissue(&a, out),
    }
}

/// `photoday pass …`.
pub fn run_pass(command: PassCommand, out: &Out) -> Result<(), Failure> {
    match command {
        PassCommand::Qr(a) => qr(&a, out),
        PassCommand::Verify(a) => verify(&a, out),
    }
}

/// Issues every missing pass with a progress bar on stderr (hidden when stderr is not a
/// terminal), and prints what was done.
pub fn issue(folder: &mut EventFolder, out: &Out) -> Result<IssueSummary, Failure> {
    let target = if std::io::stderr().is_terminal() {
        ProgressDrawTarget::stderr()
    } else {
        ProgressDrawTarget::hidden()
    };
    let bar = ProgressBar::with_draw_target(Some(0), target);
    if let Ok(style) = ProgressStyle::with_template("{msg} [{bar:40.green}] {pos}/{len}") {
        bar.set_style(style.progress_chars("█▉▊▋▌▍▎▏ "));
    }
    bar.set_message(tr!(out, "签发签到码", "signing passes"));
    let started = Instant::now();
    let summary = folder.issue_passes(|done, total| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    });
    bar.finish_and_clear();
    let summary = summary?;
    let secs = started.elapsed().as_secs_f64();
    let IssueSummary {
        issued,
        reissued,
        unchanged,
    } = summary;
    println!(
        "{}",
        out.paint(
            Tone::Good,
            tr!(
                out,
                "新签发 {issued} 张，换发 {reissued} 张（旧码已作废），{unchanged} 张未变（{secs:.2} 秒）",
                "{issued} passes issued, {reissued} re-issued (old ones revoked), {unchanged} unchanged ({secs:.2} s)"
            )
        )
    );
    if issued + reissued + unchanged == 0 {
        println!(
            "{}",
            tr!(
                out,
                "名单是空的：先用 photoday roster import 导入名单",
                "The roster is empty: import one with photoday roster import first"
            )
        );
    }
    Ok(summary)
}

/// The class's planned time of a student, if the plan has one.
pub fn class_time(plan: &Plan, session: u8, student_no: u64) -> Option<NaiveDateTime> {
    plan.entry_for(session, student_no).map(|e| e.start)
}

/// The slot of an issued pass's student.
pub fn slot_of(event: &Event, plan: &Plan, p: &IssuedPass) -> Option<Slot> {
    let s = &p.student;
    Slot::new(event, s.session, class_time(plan, s.session, s.student_no))
}

fn export(args: &PassesExportArgs, out: &Out) -> Result<(), Failure> {
    let mut folder = open_folder(&args.dir.dir)?;
    let event = folder.event().clone();
    let session = args
        .college
        .as_deref()
        .map(|c| find_session(&event, c))
        .transpose()?;
    let mut passes = folder.passes()?;
    if passes.is_empty() {
        return Err(Failure::input(format!(
            "no passes yet; run `photoday passes issue --dir {}` first",
            args.dir.dir.display()
        )));
    }
    if let Some(n) = session {
        passes.retain(|p| p.student.session == n);
    }
    let plan = folder.plan(None)?;
    std::fs::create_dir_all(&args.out).map_err(|e| Failure::write(&args.out, e))?;
    let suffix = session
        .and_then(|n| event.session(n))
        .map(|s| format!("-{}", s.college.zh))
        .unwrap_or_default();
    let written: Vec<PathBuf> = match args.format {
        PassFormat::Csv => {
            let path = args.out.join(format!("passes{suffix}.csv"));
            sheet::write(
                &path,
                TableFormat::Csv,
                &[passes_sheet(&event, &plan, &passes, out)],
            )?;
            vec![path]
        }
        PassFormat::Png | PassFormat::Svg => {
            let png = args.format == PassFormat::Png;
            let mut files = Vec::with_capacity(passes.len());
            for p in &passes {
                let m = QrMatrix::encode(&p.text)?;
                let path = args.out.join(format!(
                    "{}.{}",
                    p.student.student_no,
                    if png { "png" } else { "svg" }
                ));
                let bytes = if png {
                    m.to_png(8)?
                } else {
                    m.to_svg().into_bytes()
                };
                std::fs::write(&path, bytes).map_err(|e| Failure::write(&path, e))?;
                files.push(path);
            }
            files
        }
        PassFormat::Html => {
            let path = args.out.join(format!("passes{suffix}.html"));
            write_html(&path, &event, &plan, &passes)?;
            vec![path]
        }
    };
    let n = passes.len();
    let where_ = if written.len() == 1 {
        written[0].display().to_string()
    } else {
        args.out.display().to_string()
    };
    println!(
        "{}",
        out.paint(
            Tone::Good,
            tr!(
                out,
                "已导出 {n} 张签到码 → {where_}",
                "Exported {n} passes → {where_}"
            )
        )
    );
    if args.format == PassFormat::Html {
        let pages = n.div_ceil(printable::CARDS_PER_PAGE);
        println!(
            "{}",
            tr!(
                out,
                "用浏览器打开并打印（A4，{pages}页，每页6张），沿虚线剪开发给没有智能手机的同学",
                "Open it in a browser and print (A4, {pages} page(s), 6 a page); cut along the dashed lines"
            )
        );
    }
    Ok(())
}

/// Every pass as a table: who, where, when, and the pass text.
fn passes_sheet(event: &Event, plan: &Plan, passes: &[IssuedPass], out: &Out) -> Sheet {
    let header = out.columns(&[
        ("学号", "student_no"),
        ("姓名", "name"),
        ("学院", "college"),
        ("班级", "class"),
        ("场次", "session"),
        ("地点", "room"),
        ("日期", "date"),
        ("本班时间", "class_time"),
        ("最迟到达", "arrive_by"),
        ("版本", "serial"),
        ("签到码", "pass"),
    ]);
    let rows = passes
        .iter()
        .map(|p| {
            let slot = slot_of(event, plan, p);
            let s = &p.student;
            vec![
                Cell::from(s.student_no),
                s.name.as_str().into(),
                s.college.as_str().into(),
                s.class.as_str().into(),
                Cell::Int(s.session as i64),
                slot.as_ref()
                    .map(|x| x.room.zh.clone())
                    .unwrap_or_default()
                    .into(),
                slot.as_ref()
                    .map(|x| x.date.to_string())
                    .unwrap_or_default()
                    .into(),
                slot.as_ref()
                    .map(|x| format_hhmm(x.time.time()))
                    .unwrap_or_default()
                    .into(),
                slot.as_ref()
                    .map(|x| format_hhmm(x.arrive_by.time()))
                    .unwrap_or_default()
                    .into(),
                Cell::Int(p.serial as i64),
                p.text.as_str().into(),
            ]
        })
        .collect();
    Sheet {
        name: "passes".into(),
        header,
        rows,
    }
}

/// Writes the printable A4 sheet for `passes`.
pub fn write_html(
    path: &Path,
    event: &Event,
    plan: &Plan,
    passes: &[IssuedPass],
) -> Result<(), Failure> {
    let mut cards = Vec::with_capacity(passes.len());
    for p in passes {
        let Some(slot) = slot_of(event, plan, p) else {
            continue;
        };
        cards.push(Card {
            name: p.student.name.clone(),
            student_no: p.student.student_no,
            class: p.student.class.clone(),
            slot,
            qr_svg: QrMatrix::encode(&p.text)?.to_svg(),
        });
    }
    let heading = format!("{} · 签到码 check-in passes", event.title.zh);
    std::fs::write(path, printable::a4_sheet(event, &heading, &cards))
        .map_err(|e| Failure::write(path, e))
}

fn reissue(args: &ReissueArgs, out: &Out) -> Result<(), Failure> {
    let no = parse_student_no(&args.student_no).map_err(Failure::input)?;
    let mut folder = open_folder(&args.dir.dir)?;
    let p = folder.reissue(no)?;
    let (name, serial) = (&p.student.name, p.serial);
    println!(
        "{}",
        out.paint(
            Tone::Good,
            tr!(
                out,
                "已为 {name} {no} 换发签到码（版本 {serial}）；旧码在新的门口资料包里作废",
                "Re-issued {name} {no}'s pass (revision {serial}); older ones are revoked in the next scanner bundles"
            )
        )
    );
    println!("{}", p.text);
    println!(
        "{}",
        out.paint(
            Tone::Warn,
            tr!(
                out,
                "请重新生成门口资料包（photoday bundle scanner）并发给各门口手机",
                "Make a new scanner bundle (photoday bundle scanner) and give it to every door phone"
            )
        )
    );
    Ok(())
}

fn qr(args: &PassQrArgs, out: &Out) -> Result<(), Failure> {
    let m = QrMatrix::encode(&args.text)?;
    let mut wrote = false;
    if let Some(path) = &args.png {
        std::fs::write(path, m.to_png(args.px)?).map_err(|e| Failure::write(path, e))?;
        let p = path.display();
        println!("{}", tr!(out, "已写入 {p}", "Wrote {p}"));
        wrote = true;
    }
    if let Some(path) = &args.svg {
        std::fs::write(path, m.to_svg()).map_err(|e| Failure::write(path, e))?;
        let p = path.display();
        println!("{}", tr!(out, "已写入 {p}", "Wrote {p}"));
        wrote = true;
    }
    if !wrote {
        print!("{}", m.to_terminal());
    }
    println!("{}", out.paint(Tone::Dim, format!("QR {}", m.describe())));
    Ok(())
}

/// `pass verify --json`.
#[derive(Debug, Serialize)]
struct VerifyJson {
    valid: bool,
    reason: &'static str,
    student_no: Option<u64>,
    session: Option<u8>,
    serial: Option<u16>,
    key_id: Option<String>,
    hint: Option<String>,
    college: Option<String>,
    on_roster: Option<bool>,
    message: String,
}

fn verify(args: &PassVerifyArgs, out: &Out) -> Result<(), Failure> {
    let text = if args.text == "-" {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .map_err(|e| Failure::input(format!("stdin cannot be read ({e})")))?;
        line
    } else {
        args.text.clone()
    };
    let mut folder = open_folder(&args.dir.dir)?;
    let event = folder.event().clone();
    let keys = folder.key_ring()?;
    let revocations = folder.revocations()?;
    let roster = folder.roster()?;
    let check = pass::verify(&text, &event.id, &keys, &revocations);
    let mut j = VerifyJson {
        valid: check.is_valid(),
        reason: "valid",
        student_no: None,
        session: None,
        serial: None,
        key_id: None,
        hint: None,
        college: None,
        on_roster: None,
        message: String::new(),
    };
    let verdict = match check {
        PassCheck::Valid {
            student_no,
            session_index,
            serial,
            key_id,
        } => {
            j.student_no = Some(student_no);
            j.session = Some(session_index);
            j.serial = Some(serial);
            j.key_id = Some(format!("{key_id:04x}"));
            let college = event
                .session(session_index)
                .map(|s| s.college.clone())
                .unwrap_or_default();
            j.college = Some(college.zh.clone());
            let on = roster.get(student_no);
            j.on_roster = Some(on.is_some());
            let who = match on {
                Some(s) => format!("{} {student_no}", s.name),
                None => student_no.to_string(),
            };
            let c = out.text(&college);
            j.message = tr!(
                out,
                "真实有效：{who}，第{session_index}场（{c}），版本 {serial}",
                "Genuine and current: {who}, session {session_index} ({c}), revision {serial}"
            );
            if on.is_none() {
                j.message.push_str(&tr!(
                    out,
                    "；但不在当前名单上",
                    "; but not on the current roster"
                ));
            }
            None
        }
        PassCheck::BadSignature {
            key_id,
            claimed_student_no,
        } => {
            j.reason = "bad_signature";
            j.student_no = Some(claimed_student_no);
            j.key_id = Some(format!("{key_id:04x}"));
            Some(Verdict::BadSignature { claimed_student_no })
        }
        PassCheck::UnknownKey { key_id } => {
            j.reason = "unknown_key";
            j.key_id = Some(format!("{key_id:04x}"));
            Some(Verdict::UnknownKey { key_id })
        }
        PassCheck::Revoked {
            student_no,
            serial,
            min_serial,
            session_index,
        } => {
            j.reason = "revoked";
            j.student_no = Some(student_no);
            j.session = Some(session_index);
            j.serial = Some(serial);
            Some(Verdict::Revoked {
                student_no,
                serial,
                min_serial,
            })
        }
        PassCheck::NotAPass { hint } => {
            j.reason = "not_a_pass";
            j.hint = Some(hint_name(hint));
            Some(Verdict::NotAPass { hint })
        }
    };
    if let Some(v) = &verdict {
        let (headline, detail): (Text, Text) = v.texts();
        j.message = format!("{}: {}", out.text(&headline), out.text(&detail));
    }
    if args.json {
        println!(
            "{}",
            serde_json::to_string(&j).map_err(|e| Failure::other(e.to_string()))?
        );
    } else {
        let tone = match &verdict {
            None => Tone::Good,
            Some(v) => tone_of(v.colour()),
        };
        let mark = if j.valid { "✔" } else { "✖" };
        println!("{}", out.paint(tone, format!("{mark} {}", j.message)));
    }
    if j.valid {
        Ok(())
    } else {
        // The verdict was printed; the exit code tells scripts it is not a good pass.
        Err(Failure::silent(crate::failure::EXIT_OTHER))
    }
}

/// The snake_case name of a not-a-pass hint, for JSON (the core's own serde name).
pub fn hint_name(h: NotAPassHint) -> String {
    match serde_json::to_value(h) {
        Ok(serde_json::Value::String(s)) => s,
        _ => format!("{h:?}"),
    }
}
