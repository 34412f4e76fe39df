//! `scan`: a laptop with a USB keyboard-wedge scanner guards a door.
//!
//! The scanner "types" each pass followed by Enter, so stdin is read line by line and each line
//! gets the same verdict a staff phone would show (the core's `Scanner` decides and records it
//! durably before anything is printed). Staff can type too: a student number checks a student in
//! by hand, and a few `/` commands undo, override, show the batch or the attendance. `--json`
//! prints one object per line read, for a display or a script.

use photoday_core::bundle::BundleKind;
use photoday_core::door::{Colour, Verdict};
use photoday_core::door_loop::{DoorLoop, DoorScreen};
use photoday_core::log::AsideReason;
use photoday_core::scanner::{BatchMember, NumberStatus, Role, ScanOutcome, Scanner};
use photoday_core::time::{self, UnixMillis};
use photoday_core::{room, roster};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::Path;
use std::time::Instant;

use crate::args::ScanArgs;
use crate::commands::passes::hint_name;
use crate::commands::{clock_now, find_session, open_folder};
use crate::failure::Failure;
use crate::output::{pad, tone_of, Out, Tone};
use crate::tr;

/// The event folder's own laptop door (scanner.db in --dir) is the 教务处's machine: once the
/// event enrols devices, it enrols itself (as the room and role), so its log is not kept aside.
/// The next bundle refresh carries it.
fn enrol_own_door(scanner: &mut Scanner, args: &ScanArgs, out: &Out) -> Result<(), Failure> {
    if !args.dir.dir.join(photoday_core::admin::EVENT_FILE).exists() {
        return Ok(());
    }
    let mut folder = open_folder(&args.dir.dir)?;
    let enrolment = folder.enrolment()?;
    if !enrolment.required || enrolment.get(scanner.device_id()).is_some() {
        return Ok(());
    }
    let place = args
        .room
        .as_deref()
        .or(args.station.as_deref())
        .unwrap_or("laptop");
    let name = format!("{place} {} ({})", args.role, &scanner.device_id()[..4]);
    let added = folder.add_device(&scanner.enrolment_code(&name)?, None)?;
    let (n, fp) = (&added.device.station, added.device.fingerprint());
    if args.json {
        println!(
            "{}",
            json!({"action": "enrolled", "station": n, "fingerprint": fp})
        );
    } else {
        println!(
            "{}",
            tr!(
                out,
                "本机（活动文件夹自己的门口数据库）已登记为“{n}”，指纹 {fp}",
                "This laptop (the event folder's own door database) is enrolled as “{n}”, fingerprint {fp}"
            )
        );
    }
    Ok(())
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
    if let Some(name) = &args.enrolment_code {
        // The station name: as given, or the room and the role.
        let name = match (name.trim(), &args.room) {
            ("", Some(room)) => format!("{room} {}", args.role),
            ("", None) => return Err(Failure::input(
                "--enrolment-code needs a station name (--enrolment-code 一教104门口) or --room",
            )),
            (n, _) => n.to_string(),
        };
        return crate::commands::device::print_code(&db, &name, None, out);
    }
    crate::door_input::check_before_open(&db, args.bundle.as_deref(), &args.dir.dir, |e| {
        match (&args.room, &args.station) {
            (Some(room), _) if photoday_core::room::find(e, room).is_none() => {
                Err(Failure::input(format!(
                    "no room `{room}` in this event; its rooms are {}",
                    photoday_core::room::rooms(e).join("、")
                )))
            }
            (None, Some(station)) => find_session(e, station).map(|_| ()),
            _ => Ok(()),
        }
    })?;
    let mut scanner = prepare(&db, args.bundle.as_deref(), &args.dir.dir, out, args.json)?;
    if args.device_db.is_none() && args.bundle.is_none() {
        enrol_own_door(&mut scanner, args, out)?;
    }
    crate::door_input::keep_bundle_current(
        &mut scanner,
        args.bundle.is_some(),
        args.device_db.as_deref(),
        &args.dir.dir,
        out,
        args.json,
    )?;
    let event = scanner
        .event()
        .cloned()
        .ok_or_else(|| Failure::other("the door database has no event after importing a bundle"))?;
    let room_name = match (&args.room, &args.station) {
        (Some(room), _) => room.clone(),
        (None, Some(station)) => {
            let session = find_session(&event, station)?;
            let room = event.session(session).expect("found above").room.zh.clone();
            if !args.json {
                eprintln!(
                    "{}",
                    out.paint(
                        Tone::Warn,
                        tr!(
                            out,
                            "--station 已改为 --room：本机守 {room}，场次按时钟自动切换（换场的教室全天都是同一个门口）",
                            "--station is now --room: this laptop guards {room}, and the session follows the clock (a room that changes college is one station all day)"
                        )
                    )
                );
            }
            room
        }
        (None, None) => unreachable!("clap requires --room or --station"),
    };
    let role = Role::parse(&args.role).expect("clap checked the role");
    let setup = scanner.set_station(&room_name, role, args.lane)?;
    let station = setup.station.clone();
    if role.numbers() {
        scanner.set_check_code(!args.no_code_check)?;
    }
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
        let room = station.room.clone();
        let role_text = match role {
            Role::Door => tr!(out, "门口签到（不编号）", "door check-in (no numbers)"),
            Role::Studio => tr!(out, "摄影室（发摄影编号）", "studio (gives photo numbers)"),
            Role::Both => tr!(
                out,
                "门口+摄影室（签到并编号）",
                "door + studio (checks in and numbers)"
            ),
        };
        let sessions: Vec<String> = room::sessions_in(&event, &room)
            .into_iter()
            .filter_map(|n| event.session(n).map(|s| (n, s)))
            .map(|(n, s)| {
                format!(
                    "{n} {} {} {}",
                    out.text(&s.college),
                    s.date,
                    s.windows_label()
                )
            })
            .collect();
        let device = scanner.device_id().to_string();
        let lane = station
            .lane
            .map(|l| tr!(out, "，编号前缀 {l}", ", photo numbers {l}001…"))
            .unwrap_or_default();
        println!(
            "{}",
            out.paint(
                Tone::Bold,
                tr!(out, "{room} · {role_text}", "{room} · {role_text}")
            )
        );
        for s in &sessions {
            println!("  {s}");
        }
        println!(
            "{}",
            out.paint(
                Tone::Dim,
                tr!(out, "本机 {device}{lane}", "device {device}{lane}")
            )
        );
        if let Some(w) = &setup.warning {
            println!("{}", out.paint(Tone::Warn, format!("⚠ {}", out.text(w))));
        }
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
                    "逐行扫描签到码；输入学号为人工登记；/skip 跳过采集码检查，/aside 学号 原因 让其稍后，/close 本批拍完，/undo 撤销上一个，/override 原因 放行，/batch 本批，/list 摄影编号单，/status 到场；Ctrl-D 结束",
                    "Scan passes, one per line; type a student number to enter by hand; /skip the 采集码 check, /aside NO REASON, /close the batch, /undo, /override REASON, /batch, /list, /status; Ctrl-D to finish"
                )
            );
        }
    }

    let mut counts: BTreeMap<&'static str, u32> = BTreeMap::new();
    // The same door loop as the phones': what a typed line means, what /override re-judges.
    let mut door = DoorLoop::new();
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut buf = Vec::new();
    let mut line_no = 0u64;
    loop {
        let (n, ignored) = crate::door_input::read_line_capped(&mut input, &mut buf)
            .map_err(|e| Failure::other(format!("stdin cannot be read ({e})")))?;
        if n == 0 {
            break;
        }
        line_no += 1;
        if ignored > 0 {
            crate::door_input::report_long_line(line_no, ignored, out, args.json);
            continue;
        }
        let line = String::from_utf8_lossy(&buf);
        let line = line.trim();
        if line.is_empty() {
            continue; // a scanner's stray Enter
        }
        let now = clock.now();
        let result = if let Some(cmd) = line.strip_prefix('/') {
            staff_command(&mut scanner, &mut door, cmd, now, out, args.json, line_no)
        } else {
            let screen = door.typed(&mut scanner, line, None, now);
            show_screen(&screen, out, args.json, line_no, &mut counts)
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
        let a = scanner.station_attendance(clock.now())?;
        let total: u32 = counts.values().sum();
        let (arrived, numbered, shot, expected) =
            (a.arrived, a.numbered, a.photographed, a.expected);
        let by: Vec<String> = counts.iter().map(|(k, v)| format!("{k} {v}")).collect();
        let by = by.join(", ");
        println!();
        println!(
            "{}",
            tr!(
                out,
                "本次读入 {total} 个（{by}）；本场到场 {arrived}、已编号 {numbered}、已拍 {shot}/{expected}",
                "{total} read this time ({by}); this session: arrived {arrived}, numbered {numbered}, photographed {shot}/{expected}"
            )
        );
        let file = db.display();
        println!(
            "{}",
            out.paint(
                Tone::Dim,
                tr!(
                    out,
                    "记录保存在 {file}；导出：photoday log export --device-db {file} --out 门口.photodaylog",
                    "Records are kept in {file}; export them: photoday log export --device-db {file} --out door.photodaylog"
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

/// The step-aside reason a word names (Chinese or English); anything else is "other".
fn aside_reason(word: &str) -> AsideReason {
    match word.to_lowercase().as_str() {
        "code" | "采集码" | "没有采集码" => AsideReason::NoCollectionCode,
        "clothes" | "着装" | "衣服" => AsideReason::Clothes,
        "glasses" | "眼镜" | "饰物" | "头发" => AsideReason::Glasses,
        "absent" | "未到" | "没到" => AsideReason::NotPresent,
        _ => AsideReason::Other,
    }
}

fn aside_reason_known(word: &str) -> bool {
    aside_reason(word) != AsideReason::Other || matches!(word, "other" | "其他")
}

/// The photographer's list: number, student, name; voided numbers struck through.
fn print_members(members: &[BatchMember], out: &Out) {
    for m in members {
        let line = format!(
            "  {} {} {}",
            m.photo_no,
            m.student_no,
            m.name.clone().unwrap_or_default()
        );
        match m.status {
            NumberStatus::Waiting => println!("{line}"),
            NumberStatus::Photographed => {
                println!("{line} {}", out.paint(Tone::Good, tr!(out, "已拍", "shot")))
            }
            NumberStatus::Voided => {
                let why = m
                    .aside
                    .map(|r| out.text(&r.text()).to_string())
                    .unwrap_or_default();
                println!(
                    "{}",
                    out.paint(
                        Tone::Dim,
                        tr!(out, "{line} 作废（{why}）", "{line} void ({why})")
                    )
                )
            }
        }
    }
}

/// Prints what the door loop shows after a line: the verdict, or its notice (a number that is
/// not one, a refusal of the action).
fn show_screen(
    screen: &DoorScreen,
    out: &Out,
    json: bool,
    line: u64,
    counts: &mut BTreeMap<&'static str, u32>,
) -> Result<(), Failure> {
    if let Some(card) = &screen.card {
        show(&card.outcome, out, json, line, counts);
        return Ok(());
    }
    match &screen.notice {
        Some(n) if n.colour == Colour::Red => Err(Failure::input(out.text(&n.text).to_string())),
        Some(n) if json => {
            println!("{}", json!({"line": line, "notice": out.text(&n.text)}));
            Ok(())
        }
        Some(n) => {
            println!("{}", out.paint(tone_of(n.colour), out.text(&n.text)));
            Ok(())
        }
        None => Ok(()),
    }
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
    door: &mut DoorLoop,
    cmd: &str,
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
                    json!({"line": line, "action": "undo", "undone": u.undone, "photo_no": u.photo_no, "student_no": u.student_no})
                );
            } else {
                let n = u.student_no;
                let text = match &u.photo_no {
                    Some(p) => tr!(
                        out,
                        "已撤销摄影编号 {p}（{n}）；该编号不再使用",
                        "Undid photo no. {p} ({n}); the number is not reused"
                    ),
                    None => tr!(out, "已撤销 {n} 的上一个操作", "Undid the last action for {n}"),
                };
                println!("{}", out.paint(Tone::Warn, text));
            }
            Ok(())
        }
        "skip" => {
            let o = scanner.skip_code_check(now)?;
            if json {
                println!("{}", outcome_json(&o, out, line));
            } else {
                print_outcome(&o, out, "");
            }
            Ok(())
        }
        "aside" | "noshow" => {
            let mut words = rest.splitn(2, char::is_whitespace);
            let no: u64 = words
                .next()
                .and_then(|w| roster::parse_student_no(w).ok())
                .ok_or_else(|| {
                    Failure::input(tr!(
                        out,
                        "请写学号，例如：/aside 2020010203 眼镜；原因：采集码、着装、眼镜、未到、其他",
                        "give the student number, e.g. /aside 2020010203 glasses; reasons: code, clothes, glasses, absent, other"
                    ))
                })?;
            let words_rest = words.next().unwrap_or("").trim();
            let (reason, note) = if word == "noshow" {
                (AsideReason::NotPresent, words_rest)
            } else {
                let (r, note) = words_rest
                    .split_once(char::is_whitespace)
                    .unwrap_or((words_rest, ""));
                (aside_reason(r), if aside_reason_known(r) { note } else { words_rest })
            };
            let note = note.trim();
            let a = scanner.step_aside(no, reason, (!note.is_empty()).then_some(note), now)?;
            if json {
                println!(
                    "{}",
                    json!({"line": line, "action": "step_aside", "student_no": no, "photo_no": a.photo_no, "reason": a.reason})
                );
            } else {
                let why_text = reason.text();
                let why = out.text(&why_text);
                let text = match &a.photo_no {
                    Some(p) => tr!(
                        out,
                        "{no} 让其稍后（{why}）：摄影编号 {p} 作废，回来时重新编号",
                        "{no} stepped aside ({why}): photo no. {p} is void; renumbered on return"
                    ),
                    None => tr!(
                        out,
                        "{no} 让其稍后（{why}）；回来时再编号",
                        "{no} stepped aside ({why}); numbered on return"
                    ),
                };
                println!("{}", out.paint(Tone::Warn, text));
            }
            Ok(())
        }
        "close" => {
            let c = scanner.close_batch(now)?;
            if json {
                println!(
                    "{}",
                    json!({"line": line, "action": "close_batch", "batch": c.batch, "photographed": c.photographed})
                );
                return Ok(());
            }
            let (n, k) = (c.batch.number, c.photographed);
            println!(
                "{}",
                out.paint(
                    Tone::Good,
                    tr!(out, "第{n}批拍完：{k}人记为已拍", "Batch {n} done: {k} photographed")
                )
            );
            print_members(&c.batch.members, out);
            Ok(())
        }
        "list" => {
            let session = scanner
                .session_now(now)
                .ok_or_else(|| Failure::input(tr!(out, "本室今天没有场次", "no session in this room today")))?;
            let list = scanner.photo_list(session)?;
            if json {
                println!("{}", json!({"line": line, "action": "list", "session": session, "numbers": list}));
            } else {
                print_members(&list, out);
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
            let screen = door.override_shown(scanner, rest, now);
            let Some(card) = &screen.card else {
                return Err(Failure::input(tr!(
                    out,
                    "还没有可放行的扫描",
                    "nothing scanned yet to override"
                )));
            };
            if json {
                println!("{}", outcome_json(&card.outcome, out, line));
            } else {
                print_outcome(&card.outcome, out, "");
            }
            Ok(())
        }
        "batch" => {
            let b = scanner.current_batch(now)?;
            if json {
                println!("{}", json!({"line": line, "action": "batch", "batch": b}));
                return Ok(());
            }
            match b {
                None => println!(
                    "{}",
                    tr!(
                        out,
                        "没有正在拍的批次",
                        "No batch open on this device"
                    )
                ),
                Some(b) => {
                    println!("{}", out.paint(Tone::Bold, out.text(&b.label())));
                    print_members(&b.members, out);
                }
            }
            Ok(())
        }
        "status" => {
            let a = scanner.station_attendance(now)?;
            if json {
                println!(
                    "{}",
                    json!({"line": line, "action": "status", "attendance": a})
                );
                return Ok(());
            }
            let (ar, nu, ph, ex) = (a.arrived, a.numbered, a.photographed, a.expected);
            println!(
                "{}",
                out.paint(
                    Tone::Bold,
                    tr!(
                        out,
                        "到场 {ar} · 已编号 {nu} · 已拍 {ph}/{ex}",
                        "Arrived {ar} · numbered {nu} · photographed {ph}/{ex}"
                    )
                )
            );
            for c in &a.classes {
                println!("  {} {}/{}", pad(&c.class, 14), c.photographed, c.expected);
            }
            Ok(())
        }
        _ => Err(Failure::input(tr!(
            out,
            "不认识的命令 /{word}；可用：/skip、/aside 学号 原因、/noshow 学号、/close、/undo、/override 原因、/batch、/list、/status",
            "unknown command /{word}; use /skip, /aside NO REASON, /noshow NO, /close, /undo, /override REASON, /batch, /list or /status"
        ))),
    }
}
