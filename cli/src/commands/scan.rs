//! `scan`: a laptop with a USB keyboard-wedge scanner guards a door.
//!
//! The scanner "types" each pass followed by Enter, so stdin is read line by line and each line
//! gets the same verdict a staff phone would show (the core's `Scanner` decides and records it
//! durably before anything is printed). Staff can type too: a student number checks a student in
//! by hand, and a few `/` commands undo, override, show the batch or the attendance. `--json`
//! prints one object per line read, for a display or a script.

use photoday_core::bundle::BundleKind;
use photoday_core::door::{Colour, Verdict};
use photoday_core::scanner::{ScanOutcome, Scanner};
use photoday_core::time::{self, UnixMillis};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::io::{BufRead, IsTerminal};
use std::path::Path;
use std::time::Instant;

use crate::args::ScanArgs;
use crate::commands::passes::hint_name;
use crate::commands::{clock_now, find_session, open_folder};
use crate::failure::Failure;
use crate::output::{pad, tone_of, Out, Tone};
use crate::tr;

/// The last thing scanned or typed, for `/override`.
enum Last {
    Pass(String),
    Number(u64),
}

/// The door clock: the real clock, or `--now` moving forward in real time.
struct Clock {
    base: UnixMillis,
    started: Instant,
}

impl Clock {
    fn now(&self) -> UnixMillis {
        self.base + self.started.elapsed().as_millis() as i64
    }
}

/// `photoday scan`.
pub fn run(args: &ScanArgs, out: &Out) -> Result<(), Failure> {
    let db = args
        .device_db
        .clone()
        .unwrap_or_else(|| args.dir.dir.join("scanner.db"));
    let mut scanner = prepare(&db, args.bundle.as_deref(), &args.dir.dir, out, args.json)?;
    let event = scanner
        .event()
        .cloned()
        .ok_or_else(|| Failure::other("the door database has no event after importing a bundle"))?;
    let session = find_session(&event, &args.station)?;
    let station = scanner.set_station(session, args.lane)?;
    let base = match &args.now {
        Some(s) => time::parse_moment(s, event.utc_offset).ok_or_else(|| {
            Failure::input(format!(
                "--now `{s}` is not a moment; write it like 2023-06-03 09:40 or 2023-06-03T09:40:00+08:00"
            ))
        })?,
        None => clock_now(),
    };
    let clock = Clock {
        base,
        started: Instant::now(),
    };

    if !args.json {
        let s = event.session(session).expect("found above");
        let (college, room, when) = (
            out.text(&s.college),
            out.text(&s.room),
            format!("{} {}", s.date, s.windows_label()),
        );
        let device = scanner.device_id().to_string();
        let lane = station
            .lane
            .map(|l| tr!(out, "，编号前缀 {l}", ", photo numbers {l}001…"))
            .unwrap_or_default();
        println!(
            "{}",
            out.paint(
                Tone::Bold,
                tr!(
                    out,
                    "门口：第{session}场 {college} · {room} · {when}",
                    "Door: session {session} {college} · {room} · {when}"
                )
            )
        );
        println!(
            "{}",
            out.paint(
                Tone::Dim,
                tr!(out, "本机 {device}{lane}", "device {device}{lane}")
            )
        );
        if args.now.is_some() {
            let at = time::format_local_minute(time::to_local(event.utc_offset, base));
            println!(
                "{}",
                out.paint(
                    Tone::Dim,
                    tr!(
                        out,
                        "模拟时间从 {at} 开始",
                        "rehearsal clock starts at {at}"
                    )
                )
            );
        }
        if std::io::stdin().is_terminal() {
            println!(
                "{}",
                tr!(
                    out,
                    "逐行扫描签到码；输入学号为人工签到；/undo 撤销上一个，/override 原因 放行，/batch 本批，/status 到场；Ctrl-D 结束",
                    "Scan passes, one per line; type a student number to check in by hand; /undo, /override REASON, /batch, /status; Ctrl-D to finish"
                )
            );
        }
    }

    let mut counts: BTreeMap<&'static str, u32> = BTreeMap::new();
    let mut last: Option<Last> = None;
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut buf = Vec::new();
    let mut line_no = 0u64;
    loop {
        buf.clear();
        let n = input
            .read_until(b'\n', &mut buf)
            .map_err(|e| Failure::other(format!("stdin cannot be read ({e})")))?;
        if n == 0 {
            break;
        }
        line_no += 1;
        let line = String::from_utf8_lossy(&buf);
        let line = line.trim();
        if line.is_empty() {
            continue; // a scanner's stray Enter
        }
        let now = clock.now();
        let result = if let Some(cmd) = line.strip_prefix('/') {
            staff_command(&mut scanner, cmd, &mut last, now, out, args.json, line_no)
        } else if is_student_no(line) {
            let no: u64 = line.parse().expect("digits");
            last = Some(Last::Number(no));
            scanner
                .check_in_by_number(no, None, None, now)
                .map(|o| show(&o, out, args.json, line_no, &mut counts))
                .map_err(Failure::from)
        } else {
            last = Some(Last::Pass(line.to_string()));
            scanner
                .scan(line, now)
                .map(|o| show(&o, out, args.json, line_no, &mut counts))
                .map_err(Failure::from)
        };
        if let Err(f) = result {
            if args.json {
                println!("{}", json!({"line": line_no, "error": f.message()}));
            } else {
                f.report(out);
            }
        }
    }

    if !args.json {
        let a = scanner.station_attendance()?;
        let total: u32 = counts.values().sum();
        let (admitted, expected) = (a.admitted, a.expected);
        let by: Vec<String> = counts.iter().map(|(k, v)| format!("{k} {v}")).collect();
        let by = by.join(", ");
        println!();
        println!(
            "{}",
            tr!(
                out,
                "本次读入 {total} 个（{by}）；本场已拍 {admitted}/{expected}",
                "{total} read this time ({by}); photographed in this session: {admitted}/{expected}"
            )
        );
        let file = db.display();
        println!(
            "{}",
            out.paint(
                Tone::Dim,
                tr!(
                    out,
                    "记录保存在 {file}；导出：photoday log export --device-db {file} --out 门口.pdl",
                    "Records are kept in {file}; export them: photoday log export --device-db {file} --out door.pdl"
                )
            )
        );
    }
    Ok(())
}

/// Opens the door database; imports `--bundle`, or, when it has none, a scanner bundle made from
/// the event folder (with names: this laptop is the 教务处's own).
fn prepare(
    db: &Path,
    bundle_file: Option<&Path>,
    dir: &Path,
    out: &Out,
    json: bool,
) -> Result<Scanner, Failure> {
    let mut scanner = Scanner::open(db)?;
    let bytes = match bundle_file {
        Some(path) => Some(std::fs::read(path).map_err(|e| Failure::read(path, e))?),
        None if scanner.bundle().is_none() => {
            let mut folder = open_folder(dir).map_err(|f| {
                Failure::input(format!(
                    "{} has no scanner bundle yet and {} is not an event folder ({}); give --bundle FILE or --dir EVENT_FOLDER",
                    db.display(),
                    dir.display(),
                    f.message()
                ))
            })?;
            Some(folder.bundle(BundleKind::Scanner, true, clock_now())?)
        }
        None => None,
    };
    if let Some(bytes) = bytes {
        let s = scanner.import_bundle(&bytes)?;
        if !json {
            let n = s.students;
            println!(
                "{}",
                out.paint(
                    Tone::Dim,
                    tr!(
                        out,
                        "已导入门口资料包：{n}名学生",
                        "Imported a scanner bundle: {n} students"
                    )
                )
            );
        }
    }
    Ok(scanner)
}

/// A line of 1–14 digits: a student number typed (or read off a student card's barcode).
fn is_student_no(s: &str) -> bool {
    (1..=14).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

fn show(
    o: &ScanOutcome,
    out: &Out,
    json: bool,
    line: u64,
    counts: &mut BTreeMap<&'static str, u32>,
) {
    if !o.repeat {
        *counts.entry(o.verdict.name()).or_insert(0) += 1;
    }
    if json {
        println!("{}", outcome_json(o, out, line));
    } else {
        print_outcome(o, out, "");
    }
}

/// Prints a verdict the way a door phone shows it: headline in its colour, detail under it.
pub fn print_outcome(o: &ScanOutcome, out: &Out, prefix: &str) {
    let mark = mark_of(o.colour);
    println!(
        "{prefix}{}",
        out.paint(
            tone_of(o.colour),
            format!("{mark} {}", out.text(&o.headline))
        )
    );
    let indent = " ".repeat(crate::output::display_width(prefix) + 2);
    println!("{indent}{}", out.text(&o.detail));
    if o.repeat {
        println!(
            "{indent}{}",
            out.paint(
                Tone::Dim,
                tr!(
                    out,
                    "（同一码刚扫过，没有新增记录）",
                    "(same pass again within seconds: nothing new recorded)"
                )
            )
        );
    }
    if o.overridable {
        println!(
            "{indent}{}",
            out.paint(
                Tone::Dim,
                tr!(
                    out,
                    "核实后可输入 /override 原因 放行",
                    "after checking, /override REASON admits"
                )
            )
        );
    }
    if let Some(w) = &o.clock_warning {
        println!(
            "{indent}{}",
            out.paint(Tone::Warn, format!("⚠ {}", out.text(w)))
        );
    }
}

/// The sign in front of a verdict, for terminals without colour: ✔ go in, ▲ look, ✖ refused.
pub fn mark_of(c: Colour) -> &'static str {
    match c {
        Colour::Green => "✔",
        Colour::Amber => "▲",
        Colour::Red => "✖",
    }
}

/// One JSON object for a verdict: the verdict's own fields (tagged `verdict`), always with
/// `student_no` and `photo_no` (null when none), and what the screen shows.
pub fn outcome_json(o: &ScanOutcome, out: &Out, line: u64) -> Value {
    let mut v = serde_json::to_value(&o.verdict).unwrap_or_else(|_| json!({}));
    let Some(map) = v.as_object_mut() else {
        return json!({"verdict": o.verdict.name()});
    };
    if let Verdict::NotAPass { hint } = &o.verdict {
        map.insert("hint".into(), json!(hint_name(*hint)));
    }
    map.insert("line".into(), json!(line));
    map.insert("student_no".into(), json!(o.verdict.student_no()));
    map.insert("photo_no".into(), json!(o.verdict.photo_no()));
    map.entry("batch").or_insert(Value::Null);
    map.insert("colour".into(), json!(o.colour));
    map.insert("headline".into(), json!(out.text(&o.headline)));
    map.insert("detail".into(), json!(out.text(&o.detail)));
    map.insert("repeat".into(), json!(o.repeat));
    map.insert("overridable".into(), json!(o.overridable));
    map.insert("record_seq".into(), json!(o.record_seq));
    map.insert(
        "clock_warning".into(),
        json!(o.clock_warning.as_ref().map(|w| out.text(w))),
    );
    v
}

fn staff_command(
    scanner: &mut Scanner,
    cmd: &str,
    last: &mut Option<Last>,
    now: UnixMillis,
    out: &Out,
    json: bool,
    line: u64,
) -> Result<(), Failure> {
    let (word, rest) = cmd.split_once(char::is_whitespace).unwrap_or((cmd, ""));
    let rest = rest.trim();
    match word {
        "undo" => {
            let u = scanner.undo_last(now)?;
            if json {
                println!(
                    "{}",
                    json!({"line": line, "action": "undo", "photo_no": u.photo_no, "student_no": u.student_no})
                );
            } else {
                let (p, n) = (&u.photo_no, u.student_no);
                println!(
                    "{}",
                    out.paint(
                        Tone::Warn,
                        tr!(
                            out,
                            "已撤销摄影编号 {p}（{n}）；该编号不再使用，此学生可重新签到",
                            "Undid photo no. {p} ({n}); the number is not reused and the student can be admitted again"
                        )
                    )
                );
            }
            Ok(())
        }
        "override" => {
            if rest.is_empty() {
                return Err(Failure::input(tr!(
                    out,
                    "放行需要原因，例如：/override 辅导员确认",
                    "an override needs a reason, e.g. /override checked with the counsellor"
                )));
            }
            let o = match last.as_ref() {
                Some(Last::Pass(text)) => scanner.override_pass(text, rest, now)?,
                Some(Last::Number(no)) => scanner.check_in_by_number(*no, None, Some(rest), now)?,
                None => {
                    return Err(Failure::input(tr!(
                        out,
                        "还没有可放行的扫描",
                        "nothing scanned yet to override"
                    )))
                }
            };
            if json {
                println!("{}", outcome_json(&o, out, line));
            } else {
                print_outcome(&o, out, "");
            }
            Ok(())
        }
        "batch" => {
            let b = scanner.current_batch()?;
            if json {
                println!("{}", json!({"line": line, "action": "batch", "batch": b}));
                return Ok(());
            }
            match b {
                None => println!(
                    "{}",
                    tr!(
                        out,
                        "本机还没有放行任何人",
                        "Nobody admitted on this device yet"
                    )
                ),
                Some(b) => {
                    let (n, k, size) = (b.number, b.members.len(), b.size);
                    println!(
                        "{}",
                        out.paint(
                            Tone::Bold,
                            tr!(out, "第{n}批（{k}/{size}）", "Batch {n} ({k}/{size})")
                        )
                    );
                    for m in &b.members {
                        println!(
                            "  {} {} {}",
                            m.photo_no,
                            m.student_no,
                            m.name.clone().unwrap_or_default()
                        );
                    }
                }
            }
            Ok(())
        }
        "status" => {
            let a = scanner.station_attendance()?;
            if json {
                println!(
                    "{}",
                    json!({"line": line, "action": "status", "attendance": a})
                );
                return Ok(());
            }
            let (ad, ex) = (a.admitted, a.expected);
            println!(
                "{}",
                out.paint(
                    Tone::Bold,
                    tr!(out, "已拍 {ad}/{ex}", "Photographed {ad}/{ex}")
                )
            );
            for c in &a.classes {
                println!("  {} {}/{}", pad(&c.class, 14), c.admitted, c.expected);
            }
            Ok(())
        }
        _ => Err(Failure::input(tr!(
            out,
            "不认识的命令 /{word}；可用：/undo、/override 原因、/batch、/status",
            "unknown command /{word}; use /undo, /override REASON, /batch or /status"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_number_is_a_manual_check_in_but_a_long_token_is_not() {
        assert!(is_student_no("2020010001"));
        assert!(!is_student_no("123456789012345"));
        assert!(!is_student_no("PD1:ABC"));
    }
}
