//! `demo`: the whole photo day of 广州商学院, 2023, offline, in a few seconds — the README's
//! first command, and the quickest way to see what PhotoDay is for.
//!
//! It runs the real code paths, not a mock-up: the built-in notice becomes an event folder; a
//! synthetic roster (made-up students, never real ones) is written as an Excel file and imported
//! through the same reader as a college's file; passes are signed; one student's phone shows its
//! pass, slot and timeline; two door phones guard 一教104 on the morning of 3 June (admitted,
//! wrong room, photographed twice, forged, a 采集码 shown by mistake, checked in by hand), their
//! logs are merged both ways and into the 教务处's folder; and the reports land in the folder.

use photoday_core::admin::EventFolder;
use photoday_core::bundle::BundleKind;
use photoday_core::event::Event;
use photoday_core::pass::{self, PassCheck};
use photoday_core::qr::QrMatrix;
use photoday_core::scanner::{ScanOutcome, Scanner};
use photoday_core::slot::Slot;
use photoday_core::synthetic;
use photoday_core::time::{self, format_hhmm, format_local_minute, UnixMillis};
use photoday_core::timeline::{timeline, Status};
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::args::{DemoArgs, ReportKind, TableFormat};
use crate::commands::{event, log, passes, plan, report, roster, scan};
use crate::failure::Failure;
use crate::output::{pad, tone_of, Out, Tone};
use crate::sheet;
use crate::tr;

/// A file that marks a folder as the demo's own, so a second run may clear it.
const MARKER: &str = ".photoday-demo";

/// Files the demo writes (besides `event/` and the `pass-*` / `phone-*` files).
const FILES: &[&str] = &[
    "roster.xlsx",
    "scanner.pdb",
    "passes-print.html",
    "attendance.csv",
    "attendance.xlsx",
    "absentees.csv",
    "absentees.xlsx",
    "fees.csv",
    "fees.xlsx",
    "plan.xlsx",
];

/// `photoday demo`.
pub fn run(args: &DemoArgs, out: &Out) -> Result<(), Failure> {
    let started = Instant::now();
    let dir = args.out.as_path();
    prepare_dir(dir)?;
    let event_dir = dir.join("event");
    let per_session = args.students_per_session.max(10);

    // 1. The event.
    out.heading("1. 活动：通知里的规则", "The event, from the notice");
    let mut folder = EventFolder::init(&event_dir, "gzcc-2023")?;
    let ev = folder.event().clone();
    event::print_event(&ev, out);
    let d = event_dir.display();
    println!();
    println!(
        "{}",
        out.paint(
            Tone::Dim,
            tr!(
                out,
                "活动文件夹 {d}：event.toml（可编辑）、event.key（签名私钥，0600）、photoday.db",
                "Event folder {d}: event.toml (editable), event.key (signing key, mode 0600), photoday.db"
            )
        )
    );

    // 2. The roster, through the same Excel reader as a college's file.
    out.heading(
        "2. 名单：学院交来的 Excel",
        "The roster, as a college's Excel file",
    );
    let t = Instant::now();
    let roster_path = dir.join("roster.xlsx");
    write_roster_xlsx(&ev, per_session, &roster_path)?;
    let roster = roster::load(&ev, &roster_path, None)?;
    folder.import_roster(&roster)?;
    let (n, f, secs) = (
        roster.len(),
        roster_path.display(),
        t.elapsed().as_secs_f64(),
    );
    println!(
        "{}",
        out.paint(
            Tone::Good,
            tr!(
                out,
                "已导入 {f}：{n}名学生（虚构的同学，不是真人），用时 {secs:.2} 秒",
                "Imported {f}: {n} students (made up, no real person) in {secs:.2} s"
            )
        )
    );
    roster::print_summary(&ev, &roster, out);

    // 3. Passes.
    out.heading(
        "3. 签到码：用活动私钥签名",
        "Passes, signed with the event key",
    );
    passes::issue(&mut folder, out)?;
    let all = folder.passes()?;
    let len = all.first().map(|p| p.text.len()).unwrap_or(0);
    println!(
        "{}",
        out.paint(
            Tone::Dim,
            tr!(
                out,
                "每张 {len} 个字符：场次、学号、版本和 Ed25519 签名；不含姓名和身份证号",
                "Each is {len} characters: session, student number, revision and an Ed25519 signature; no name, no ID number"
            )
        )
    );

    // 4. The arrival plan.
    out.heading(
        "4. 到达安排：每个班有自己的时间",
        "Arrival plan: every class has its own time",
    );
    let the_plan = folder.plan(None)?;
    if let Some(first) = the_plan.sessions.first() {
        plan::print_session(&ev, first, out, 6);
    }
    for s in the_plan.overfull() {
        plan::print_session(&ev, s, out, 0);
    }
    plan::print_overfull(&the_plan, out);

    // 5. One student's phone.
    out.heading("5. 一名学生的手机", "One student's phone");
    let first_entry = the_plan
        .sessions
        .first()
        .and_then(|s| s.entries.first())
        .ok_or_else(|| Failure::other("the demo roster has no class in session 1"))?;
    let class1: Vec<_> = all
        .iter()
        .filter(|p| p.student.session == 1 && first_entry.covers(p.student.student_no))
        .cloned()
        .collect();
    let me = class1
        .first()
        .cloned()
        .ok_or_else(|| Failure::other("the demo's first class is empty"))?;
    show_student(&ev, &the_plan, &me, dir, out)?;

    // 6. The morning at 一教104.
    out.heading(
        "6. 6月3日上午，一教104：两台门口手机",
        "3 June, morning, 一教104: two door phones",
    );
    let morning = Morning::run(&mut folder, &ev, &all, &class1, dir, out)?;

    // 7. Attendance.
    out.heading(
        "7. 到场情况：合并后的记录",
        "Attendance, from the merged logs",
    );
    let att = folder.attendance()?;
    if let Some(s1) = att.sessions.first() {
        let (ad, ex) = (s1.admitted, s1.expected);
        let (college, room) = (out.text(&s1.college), out.text(&s1.room));
        println!(
            "{}",
            out.paint(
                Tone::Bold,
                tr!(
                    out,
                    "第1场 {college} · {room}：已拍 {ad}/{ex}",
                    "Session 1 {college} · {room}: {ad}/{ex} photographed"
                )
            )
        );
        for c in s1.classes.iter().take(4) {
            println!("  {} {:>3}/{}", pad(&c.class, 12), c.admitted, c.expected);
        }
        if s1.classes.len() > 4 {
            let more = s1.classes.len() - 4;
            println!(
                "  {}",
                out.paint(
                    Tone::Dim,
                    tr!(out, "……另有{more}个班", "… {more} more classes")
                )
            );
        }
    }
    let phone_name = |device: &str| {
        if device == morning.device_a {
            tr!(out, "手机A", "phone A")
        } else if device == morning.device_b {
            tr!(out, "手机B", "phone B")
        } else {
            device.to_string()
        }
    };
    for dup in &att.duplicates {
        let no = dup.student_no;
        let (keep, keep_on) = (&dup.keep.photo_no, phone_name(&dup.keep.device));
        let void: Vec<String> = dup
            .void
            .iter()
            .map(|v| {
                let (p, on) = (&v.photo_no, phone_name(&v.device));
                tr!(out, "{p}（{on}）", "{p} ({on})")
            })
            .collect();
        let void = void.join(", ");
        println!(
            "{}",
            out.paint(
                Tone::Warn,
                tr!(
                    out,
                    "▲ {no} 被拍了两次：保留 {keep}（{keep_on}），作废 {void}——请告诉摄影师",
                    "▲ {no} was photographed twice: keep {keep} ({keep_on}), void {void} — tell the photographer"
                )
            )
        );
    }

    // 8. Reports.
    out.heading(
        "8. 报表：发给各学院联络员",
        "Reports for the college liaisons",
    );
    for (kind, name) in [
        (ReportKind::Attendance, "attendance"),
        (ReportKind::Absentees, "absentees"),
        (ReportKind::Fees, "fees"),
    ] {
        for (format, ext) in [(TableFormat::Csv, "csv"), (TableFormat::Xlsx, "xlsx")] {
            report::write(
                &mut folder,
                kind,
                format,
                &dir.join(format!("{name}.{ext}")),
                out,
            )?;
        }
    }
    let plan_path = dir.join("plan.xlsx");
    plan::write_folder_xlsx(&mut folder, &plan_path, out)?;
    let p = plan_path.display();
    println!(
        "{}",
        out.paint(
            Tone::Good,
            tr!(
                out,
                "已写入 {p}：各班到达时间",
                "Wrote {p}: every class's arrival time"
            )
        )
    );
    let print_path = dir.join("passes-print.html");
    passes::write_html(&print_path, &ev, &the_plan, &class1)?;
    let (p, k) = (print_path.display(), class1.len());
    println!(
        "{}",
        out.paint(
            Tone::Good,
            tr!(
                out,
                "已写入 {p}：{k}张可打印的签到卡（A4），给没有智能手机的同学",
                "Wrote {p}: {k} printable pass cards (A4) for students without a smartphone"
            )
        )
    );

    // Done.
    out.heading("完成", "Done");
    let (secs, d, e) = (
        started.elapsed().as_secs_f64(),
        dir.display(),
        event_dir.display(),
    );
    println!(
        "{}",
        tr!(
            out,
            "全程离线，用时 {secs:.1} 秒。文件都在 {d}。接着可以试试：",
            "All offline, in {secs:.1} s. Everything is in {d}. Try next:"
        )
    );
    for cmd in [
        format!("photoday plan --dir {e} --cameras 2"),
        format!("photoday scan --dir {e} --station 2 --now \"2023-06-03 09:40\""),
        format!("photoday report fees --dir {e} --out fees.xlsx"),
        format!("photoday passes export --format html --college 会计学院 --out print --dir {e}"),
    ] {
        println!("  {}", out.paint(Tone::Bold, cmd));
    }
    Ok(())
}

/// Makes the output folder, or clears a previous demo's files from it; refuses a folder that
/// holds anything else, so the demo never deletes someone's work.
fn prepare_dir(dir: &Path) -> Result<(), Failure> {
    if dir.exists() {
        let mut entries = std::fs::read_dir(dir).map_err(|e| Failure::read(dir, e))?;
        if entries.next().is_some() {
            if !dir.join(MARKER).exists() {
                return Err(Failure::input(format!(
                    "{} is not empty and was not made by `photoday demo`; choose another folder with --out",
                    dir.display()
                )));
            }
            let event_dir = dir.join("event");
            if event_dir.exists() {
                std::fs::remove_dir_all(&event_dir).map_err(|e| Failure::write(&event_dir, e))?;
            }
            for entry in std::fs::read_dir(dir).map_err(|e| Failure::read(dir, e))? {
                let entry = entry.map_err(|e| Failure::read(dir, e))?;
                let name = entry.file_name().to_string_lossy().to_string();
                if FILES.contains(&name.as_str())
                    || name.starts_with("pass-")
                    || name.starts_with("phone-")
                {
                    let p = entry.path();
                    std::fs::remove_file(&p).map_err(|e| Failure::write(&p, e))?;
                }
            }
        }
    }
    std::fs::create_dir_all(dir).map_err(|e| Failure::write(dir, e))?;
    let marker = dir.join(MARKER);
    std::fs::write(
        &marker,
        "made by `photoday demo`; the next demo run may clear this folder\n",
    )
    .map_err(|e| Failure::write(&marker, e))
}

/// Writes the synthetic roster the way a college would send it (see [`sheet::write_roster`]).
fn write_roster_xlsx(event: &Event, per_session: usize, path: &Path) -> Result<(), Failure> {
    sheet::write_roster(&synthetic::roster(event, per_session, 2023), path)
}

/// The student's view: pass as QR (terminal, PNG, SVG), slot, timeline.
fn show_student(
    ev: &Event,
    the_plan: &photoday_core::plan::Plan,
    me: &photoday_core::admin::IssuedPass,
    dir: &Path,
    out: &Out,
) -> Result<(), Failure> {
    let s = &me.student;
    println!(
        "{}",
        out.paint(
            Tone::Bold,
            format!("{} {} · {} · {}", s.name, s.student_no, s.college, s.class)
        )
    );
    let qr = QrMatrix::encode(&me.text)?;
    print!("{}", qr.to_terminal());
    println!("{}", out.paint(Tone::Dim, &me.text));
    let png = dir.join(format!("pass-{}.png", s.student_no));
    let svg = dir.join(format!("pass-{}.svg", s.student_no));
    std::fs::write(&png, qr.to_png(8)?).map_err(|e| Failure::write(&png, e))?;
    std::fs::write(&svg, qr.to_svg()).map_err(|e| Failure::write(&svg, e))?;
    let (desc, p, v) = (qr.describe(), png.display(), svg.display());
    println!(
        "{}",
        out.paint(
            Tone::Dim,
            tr!(out, "二维码 {desc} → {p}、{v}", "QR {desc} → {p}, {v}")
        )
    );
    let class_time = passes::class_time(the_plan, s.session, s.student_no);
    let Some(slot) = Slot::new(ev, s.session, class_time) else {
        return Ok(());
    };
    println!();
    let w = 10;
    out.field(&tr!(out, "地点", "room"), slot.room.both(), w);
    out.field(&tr!(out, "日期", "date"), slot.when_label(), w);
    let (tm, by) = (
        format_hhmm(slot.time.time()),
        format_hhmm(slot.arrive_by.time()),
    );
    out.field(
        &tr!(out, "本班时间", "class time"),
        out.paint(
            Tone::Bold,
            tr!(
                out,
                "{tm}，请于 {by} 前到达",
                "{tm}; be at the door by {by}"
            ),
        ),
        w,
    );
    let now_label = "2023-05-18 09:00";
    let now = time::parse_moment(now_label, ev.utc_offset).unwrap_or_default();
    println!();
    println!(
        "{}",
        out.paint(
            Tone::Dim,
            tr!(
                out,
                "时间线（以 {now_label} 看）：",
                "Timeline (as seen on {now_label}):"
            )
        )
    );
    for item in timeline(ev, &slot, now) {
        let (mark, tone) = match item.status {
            Status::Past => ("✓", Tone::Dim),
            Status::Due => ("!", Tone::Warn),
            Status::Upcoming => ("·", Tone::Bold),
        };
        println!(
            "  {} {}  {}",
            out.paint(tone, mark),
            format_local_minute(item.at),
            out.text(&item.title)
        );
    }
    Ok(())
}

/// What the morning left behind.
struct Morning {
    device_a: String,
    device_b: String,
}

/// The simulated clock of the morning.
struct Sim {
    at: UnixMillis,
    offset: chrono::FixedOffset,
}

impl Sim {
    fn tick(&mut self, secs: i64) -> UnixMillis {
        self.at += secs * 1000;
        self.at
    }

    fn label(&self) -> String {
        format_hhmm(time::to_local(self.offset, self.at).time())
    }
}

impl Morning {
    fn run(
        folder: &mut EventFolder,
        ev: &Event,
        all: &[photoday_core::admin::IssuedPass],
        class1: &[photoday_core::admin::IssuedPass],
        dir: &Path,
        out: &Out,
    ) -> Result<Morning, Failure> {
        let made = time::parse_moment("2023-06-02 18:00", ev.utc_offset).unwrap_or_default();
        let bundle = folder.bundle(BundleKind::Scanner, true, made)?;
        let bundle_path = dir.join("scanner.pdb");
        std::fs::write(&bundle_path, &bundle).map_err(|e| Failure::write(&bundle_path, e))?;
        let (p, kb) = (bundle_path.display(), bundle.len().div_ceil(1024));
        println!(
            "{}",
            tr!(
                out,
                "前一晚：门口资料包 {p}（{kb} KB，含名单和公钥，不含私钥）导入两台手机",
                "The evening before: scanner bundle {p} ({kb} KB: roster and public keys, no private key) goes onto two phones"
            )
        );
        let mut a = Phone::new(dir.join("phone-a.db"), 'A', &bundle, out)?;
        let mut b = Phone::new(dir.join("phone-b.db"), 'B', &bundle, out)?;
        println!();

        let mut sim = Sim {
            at: time::parse_moment("2023-06-03 09:12", ev.utc_offset).unwrap_or_default(),
            offset: ev.utc_offset,
        };
        // The class queues; the two phones take turns.
        let queue: Vec<&photoday_core::admin::IssuedPass> = class1.iter().take(11).collect();
        for (i, p) in queue.iter().enumerate() {
            let phone = if i % 2 == 0 { &mut a } else { &mut b };
            let o = phone.scanner.scan(&p.text, sim.tick(35))?;
            phone.line(&sim, &o, out, false);
        }
        let first = queue
            .first()
            .ok_or_else(|| Failure::other("the demo's first class is empty"))?;

        println!();
        let story =
            |zh: &str, en: &str| println!("{}", out.paint(Tone::Dim, tr!(out, "{zh}", "{en}")));
        story(
            "会计学院的同学走错了门：",
            "A student of the School of Accounting comes to the wrong room:",
        );
        if let Some(other) = all.iter().find(|p| p.student.session == 2) {
            let o = a.scanner.scan(&other.text, sim.tick(40))?;
            a.line(&sim, &o, out, true);
        }
        story(
            "刚拍过的同学又排到手机B那边（两台手机之间没有网络）：",
            "A student already admitted on phone A queues again at phone B (no network between them):",
        );
        let o = b.scanner.scan(&first.text, sim.tick(40))?;
        b.line(&sim, &o, out, true);
        story(
            "有人改了签到码上的一个字符：",
            "Someone changed one character of a pass:",
        );
        if let Some(forged) = forge(folder, ev, &queue[queue.len() - 1].text)? {
            let o = a.scanner.scan(&forged, sim.tick(40))?;
            a.line(&sim, &o, out, true);
        }
        story(
            "有人出示了学信网采集码而不是签到码：",
            "Someone shows the CHSI 采集码 instead of the pass:",
        );
        let o = a.scanner.scan(
            "https://m.chsi.com.cn/xlcj/code?c=8F3A2C9E71B04D5A",
            sim.tick(40),
        )?;
        a.line(&sim, &o, out, true);
        if let Some(no_phone) = class1.get(11) {
            let no = no_phone.student.student_no;
            story(
                &format!("{no} 的手机没电了，工作人员核对学生证后按学号签到："),
                &format!("{no}'s phone is flat; staff check the student card and type the number:"),
            );
            let o = b.scanner.check_in_by_number(
                no,
                Some("手机没电，已核对学生证 / phone flat, student card checked"),
                None,
                sim.tick(50),
            )?;
            b.line(&sim, &o, out, true);
        }
        story(
            "第一位同学回来再扫一次：",
            "The first student comes back and scans again:",
        );
        let o = a.scanner.scan(&first.text, sim.tick(90))?;
        a.line(&sim, &o, out, true);

        if let Some(batch) = a.scanner.current_batch()? {
            let (n, k, size) = (batch.number, batch.members.len(), batch.size);
            let members: Vec<String> = batch
                .members
                .iter()
                .map(|m| format!("{} {}", m.photo_no, m.name.clone().unwrap_or_default()))
                .collect();
            let members = members.join("  ");
            println!();
            println!(
                "{}",
                tr!(
                    out,
                    "手机A 当前第{n}批（{k}/{size}人）：{members}",
                    "Phone A, batch {n} ({k}/{size}): {members}"
                )
            );
        }

        // Noon: logs out, merged everywhere.
        println!();
        sim.at = time::parse_moment("2023-06-03 12:05", ev.utc_offset).unwrap_or_default();
        story(
            "12:05 两台手机导出记录，互相合并，并交给教务处：",
            "12:05 both phones export their logs, merge each other's, and hand them to the 教务处:",
        );
        let log_a = a.scanner.export_log(sim.at)?;
        let log_b = b.scanner.export_log(sim.at)?;
        let (pa, pb) = (dir.join("phone-a.pdl"), dir.join("phone-b.pdl"));
        std::fs::write(&pa, &log_a).map_err(|e| Failure::write(&pa, e))?;
        std::fs::write(&pb, &log_b).map_err(|e| Failure::write(&pb, e))?;
        let s = folder.import_log(&log_a)?;
        log::print_import(
            &format!("  {} → {}", file_name(&pa), tr!(out, "教务处", "admin")),
            &s,
            out,
        );
        let s = folder.import_log(&log_b)?;
        log::print_import(
            &format!("  {} → {}", file_name(&pb), tr!(out, "教务处", "admin")),
            &s,
            out,
        );
        let s = a.scanner.import_log(&log_b)?;
        log::print_import(
            &format!("  {} → {}", file_name(&pb), tr!(out, "手机A", "phone A")),
            &s,
            out,
        );
        let s = b.scanner.import_log(&log_a)?;
        log::print_import(
            &format!("  {} → {}", file_name(&pa), tr!(out, "手机B", "phone B")),
            &s,
            out,
        );
        let s = folder.import_log(&log_a)?;
        log::print_import(
            &format!(
                "  {} → {} {}",
                file_name(&pa),
                tr!(out, "教务处", "admin"),
                tr!(out, "（再导一次）", "(again)")
            ),
            &s,
            out,
        );

        story(
            "合并之后，手机B也知道谁在手机A那边拍过了：",
            "After the merge, phone B knows who was admitted on phone A:",
        );
        if let Some(p) = queue.get(2) {
            let o = b.scanner.scan(&p.text, sim.tick(60))?;
            b.line(&sim, &o, out, true);
        }
        Ok(Morning {
            device_a: a.scanner.device_id().to_string(),
            device_b: b.scanner.device_id().to_string(),
        })
    }
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default()
}

/// A door phone of the demo.
struct Phone {
    scanner: Scanner,
    label: String,
}

impl Phone {
    fn new(db: PathBuf, lane: char, bundle: &[u8], out: &Out) -> Result<Phone, Failure> {
        let mut scanner = Scanner::open(&db)?;
        scanner.import_bundle(bundle)?;
        scanner.set_station(1, Some(lane))?;
        let label = tr!(out, "手机{lane}", "phone {lane}");
        let (dev, f) = (scanner.device_id().to_string(), file_name(&db));
        println!(
            "  {}",
            tr!(
                out,
                "{label}：设备 {dev}，第1场，编号前缀 {lane}（{f}）",
                "{label}: device {dev}, session 1, photo numbers {lane}001… ({f})"
            )
        );
        Ok(Phone { scanner, label })
    }

    /// One scan: a compact line, or the phone's full screen when `full`.
    fn line(&self, sim: &Sim, o: &ScanOutcome, out: &Out, full: bool) {
        let prefix = format!("  {} {} ", sim.label(), pad(&self.label, 7));
        if full {
            scan::print_outcome(o, out, &prefix);
            return;
        }
        let mark = out.paint(tone_of(o.colour), scan::mark_of(o.colour));
        let (photo, detail) = (o.verdict.photo_no().unwrap_or("-"), out.text(&o.detail));
        println!("{prefix}{mark} {} {detail}", out.paint(Tone::Bold, photo));
    }
}

/// A copy of `text` with one character of the signature changed: the pass still "claims" its
/// student, but the signature no longer matches.
fn forge(folder: &mut EventFolder, ev: &Event, text: &str) -> Result<Option<String>, Failure> {
    const BASE45: &str = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ$%*+-./:";
    let keys = folder.key_ring()?;
    let revocations = folder.revocations()?;
    let chars: Vec<char> = text.chars().collect();
    for pos in 30..chars.len() {
        for c in BASE45.chars().filter(|c| *c != chars[pos]) {
            let mut v = chars.clone();
            v[pos] = c;
            let candidate: String = v.into_iter().collect();
            if matches!(
                pass::verify(&candidate, &ev.id, &keys, &revocations),
                PassCheck::BadSignature { .. }
            ) {
                return Ok(Some(candidate));
            }
        }
    }
    Ok(None)
}
