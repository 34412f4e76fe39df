//! `passes issue|export|reissue` and `pass qr|verify`: the signed check-in pass, from the roster
//! to the student's hand (a CSV for mail-merge, QR images, a phone-screen pass card per student
//! with a zip per class for the class group, or printed A4 cards), and back again when someone
//! asks "is this pass genuine?".

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
use std::collections::BTreeMap;
use std::io::{BufRead, IsTerminal};
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::args::{
    PassCommand, PassFormat, PassQrArgs, PassVerifyArgs, PassesCommand, PassesExportArgs,
    ReissueArgs, TableFormat,
};
use crate::cards::{self, CardData, CardFont};
use crate::commands::{find_session, open_folder};
use crate::failure::Failure;
use crate::output::{tone_of, Out, Tone};
use crate::printable::{self, PrintCard};
use crate::sheet::{self, Cell, Sheet};
use crate::stored_zip::{self, Entry};
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
    let bar = progress(0, tr!(out, "签发签到码", "signing passes"));
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

/// A progress bar on stderr, hidden when stderr is not a terminal.
fn progress(len: u64, message: String) -> ProgressBar {
    let target = if std::io::stderr().is_terminal() {
        ProgressDrawTarget::stderr()
    } else {
        ProgressDrawTarget::hidden()
    };
    let bar = ProgressBar::with_draw_target(Some(len), target);
    if let Ok(style) = ProgressStyle::with_template("{msg} [{bar:40.green}] {pos}/{len} {eta}") {
        bar.set_style(style.progress_chars("█▉▊▋▌▍▎▏ "));
    }
    bar.set_message(message);
    bar
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
            let font = CardFont::find(args.font.as_deref())?;
            let path = args.out.join(format!("passes{suffix}.html"));
            let per_page = args.per_page.count();
            write_a4(&path, &event, &plan, &passes, per_page, &font, out)?;
            vec![path]
        }
        PassFormat::Cards => {
            let font = CardFont::find(args.font.as_deref())?;
            write_cards(&args.out, &event, &plan, &passes, args.jpeg, &font, out)?
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
        let per = args.per_page.count();
        let pages = n.div_ceil(per);
        println!(
            "{}",
            tr!(
                out,
                "用浏览器打开并打印（A4，{pages}页，每页{per}张，边距按默认），沿虚线剪开发给没有智能手机的同学",
                "Open it in a browser and print (A4, {pages} page(s), {per} a page, default margins); cut along the dashed lines"
            )
        );
    }
    if args.format == PassFormat::Cards {
        println!(
            "{}",
            tr!(
                out,
                "每个学院一个文件夹，每班一个文件夹和一个 zip：把 zip 发到班级群，或按“学号-姓名”单独发给学生。单凭这张图就能在门口签到，不必装App",
                "A folder per college, a folder and a zip per class: post the zip in the class group, or send each student their 学号-姓名 file. The card alone works at the door; no app needed"
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

/// What a student's card says; `None` for a pass whose session left the event.
pub fn card_data(event: &Event, plan: &Plan, p: &IssuedPass) -> Option<CardData> {
    Some(CardData {
        pass_text: p.text.clone(),
        student_no: p.student.student_no.to_string(),
        name: p.student.name.clone(),
        class: p.student.class.clone(),
        slot: slot_of(event, plan, p)?,
    })
}

/// A file or folder name from a college, class or student name: no path separators or
/// characters Windows refuses, never empty.
pub fn file_name(s: &str) -> String {
    let cleaned: String = s
        .trim()
        .chars()
        .map(|c| {
            if c.is_control() || "/\\:*?\"<>|".contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect();
    let cleaned = cleaned.trim_matches('.').to_string();
    if cleaned.is_empty() {
        "_".into()
    } else {
        cleaned
    }
}

/// Writes one card per student under `out/学院/班级/学号-姓名.png` (or `.jpg`), and
/// `out/学院/班级.zip` with the class's cards; returns the zips.
pub fn write_cards(
    out_dir: &Path,
    event: &Event,
    plan: &Plan,
    passes: &[IssuedPass],
    jpeg: bool,
    font: &CardFont,
    out: &Out,
) -> Result<Vec<PathBuf>, Failure> {
    // Classes in the event's order of colleges, then class name as people read it.
    let mut classes: BTreeMap<(u8, String, String), Vec<&IssuedPass>> = BTreeMap::new();
    for p in passes {
        let s = &p.student;
        classes
            .entry((s.session, s.college.clone(), s.class.clone()))
            .or_default()
            .push(p);
    }
    let mut ordered: Vec<_> = classes.into_iter().collect();
    ordered.sort_by(|((a, _, x), _), ((b, _, y), _)| {
        a.cmp(b).then(photoday_core::plan::natural_cmp(x, y))
    });
    let bar = progress(
        passes.len() as u64,
        tr!(out, "绘制签到卡", "drawing pass cards"),
    );
    let ext = if jpeg { "jpg" } else { "png" };
    let mut zips = Vec::new();
    for ((_, college, class), members) in ordered {
        let college_dir = out_dir.join(file_name(&college));
        let class_dir = college_dir.join(file_name(&class));
        std::fs::create_dir_all(&class_dir).map_err(|e| Failure::write(&class_dir, e))?;
        // A class at a time: its cards drawn on every core, then written and zipped.
        let drawn = cards::on_all_cores(&members, |p| {
            let bytes = match card_data(event, plan, p) {
                None => None,
                Some(data) => {
                    let card = cards::render_card(font, event, &data, cards::CARD_WIDTH)?;
                    Some(if jpeg {
                        card.to_jpeg()?
                    } else {
                        card.to_png(false)?
                    })
                }
            };
            bar.inc(1);
            Ok(bytes)
        })?;
        let mut entries = Vec::with_capacity(members.len());
        for (p, bytes) in members.iter().zip(drawn) {
            let Some(bytes) = bytes else {
                continue;
            };
            let name = format!(
                "{}-{}.{ext}",
                p.student.student_no,
                file_name(&p.student.name)
            );
            let path = class_dir.join(&name);
            std::fs::write(&path, &bytes).map_err(|e| Failure::write(&path, e))?;
            entries.push(Entry { name, bytes });
        }
        let zip = college_dir.join(format!("{}.zip", file_name(&class)));
        let bytes = stored_zip::zip_stored(&entries).map_err(Failure::other)?;
        std::fs::write(&zip, bytes).map_err(|e| Failure::write(&zip, e))?;
        zips.push(zip);
    }
    bar.finish_and_clear();
    Ok(zips)
}

/// Writes the printable A4 sheet for `passes`, four cards a page, with the font found as
/// [`CardFont::find`] finds it (the demo's sheet).
pub fn write_html(
    path: &Path,
    event: &Event,
    plan: &Plan,
    passes: &[IssuedPass],
) -> Result<(), Failure> {
    let font = CardFont::find(None)?;
    let quiet = Out::new(Some(photoday_core::text::Lang::En));
    write_a4(path, event, plan, passes, 4, &font, &quiet)
}

/// Writes the printable A4 sheet for `passes`: their cards, `per_page` (2 or 4) to a page.
pub fn write_a4(
    path: &Path,
    event: &Event,
    plan: &Plan,
    passes: &[IssuedPass],
    per_page: usize,
    font: &CardFont,
    out: &Out,
) -> Result<(), Failure> {
    let bar = progress(
        passes.len() as u64,
        tr!(out, "绘制打印卡", "drawing printed cards"),
    );
    let drawn = cards::on_all_cores(passes, |p| {
        bar.inc(1);
        let Some(data) = card_data(event, plan, p) else {
            return Ok(None);
        };
        let img = cards::render_card(font, event, &data, cards::CARD_WIDTH)?;
        let s = &data.slot;
        Ok(Some(PrintCard {
            title: format!(
                "{} {} {} {} {} {} 请于{}前到达",
                data.student_no,
                data.name,
                s.college.zh,
                data.class,
                s.room.zh,
                s.date,
                format_hhmm(s.arrive_by.time())
            ),
            png: img.to_png(true)?,
            width: img.width,
            height: img.height,
        }))
    })?;
    let cards: Vec<PrintCard> = drawn.into_iter().flatten().collect();
    bar.finish_and_clear();
    let heading = format!("{} · 签到码 check-in passes", event.title.zh);
    std::fs::write(path, printable::a4_sheet(&heading, &cards, per_page))
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
