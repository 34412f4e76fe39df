//! `demo`: the whole photo day of 广州商学院, 2023, offline, in a few seconds — the README's
//! first command, and the quickest way to see what PhotoDay is for.
//!
//! It runs the real code paths, not a mock-up: the built-in notice becomes an event folder; a
//! synthetic roster (made-up students, never real ones) is written as an Excel file and imported
//! through the same reader as a college's file; passes are signed; one student's phone shows its
//! pass, slot and timeline; on the morning of 3 June two door phones check 一教104's students into
//! the queue (wrong room, forged, a 采集码 shown by mistake, checked in by hand) and the studio
//! phone numbers them as they enter, in batches, after seeing their 采集码 — one is stepped aside
//! and comes back, one skipped the door, one checked in and left; the student keeps their number;
//! the logs are merged everywhere; and the reports, built on who was photographed, land in the
//! folder.

use photoday_core::admin::EventFolder;
use photoday_core::bundle::BundleKind;
use photoday_core::event::Event;
use photoday_core::log::AsideReason;
use photoday_core::pass::{self, PassCheck};
use photoday_core::qr::QrMatrix;
use photoday_core::scanner::{Role, ScanOutcome, Scanner};
use photoday_core::slot::Slot;
use photoday_core::student::StudentPhone;
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
    "scanner.photoday",
    "student.db",
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
        "6. 6月3日上午，一教104：两台门口手机签到，摄影室手机发摄影编号",
        "3 June, morning, 一教104: two door phones check in, the studio phone gives photo numbers",
    );
    let morning = Morning::run(&mut folder, &ev, &all, &class1, dir, out)?;

    // 7. Attendance.
    out.heading(
        "7. 到场情况：合并后的记录",
        "Attendance, from the merged logs",
    );
    let att = folder.attendance()?;
    if let Some(s1) = att.sessions.first() {
        let (ar, nu, ph, ex) = (s1.arrived, s1.numbered, s1.photographed, s1.expected);
        let (college, room) = (out.text(&s1.college), out.text(&s1.room));
        println!(
            "{}",
            out.paint(
                Tone::Bold,
                tr!(
                    out,
                    "第1场 {college} · {room}：到场 {ar}，已编号 {nu}，已拍 {ph}/{ex}（上午过了一半）",
                    "Session 1 {college} · {room}: arrived {ar}, numbered {nu}, photographed {ph}/{ex} (half-way through the morning)"
                )
            )
        );
        for c in s1.classes.iter().take(4) {
            println!(
                "  {} {:>3}/{}",
                pad(&c.class, 12),
                c.photographed,
                c.expected
            );
        }
        let chase = &s1.arrived_not_photographed;
        for st in chase.iter().take(3) {
            let (no, name) = (st.student_no, &st.name);
            println!(
                "{}",
                out.paint(
                    Tone::Warn,
                    tr!(
                        out,
                        "▲ {name} {no} 签到了但还没拍：在补拍名单上，联络员去找",
                        "▲ {name} {no} checked in but has not been photographed: on the make-up list; the liaison chases them"
                    )
                )
            );
        }
        if chase.len() > 3 {
            let more = chase.len() - 3;
            println!(
                "{}",
                out.paint(
                    Tone::Dim,
                    tr!(
                        out,
                        "  ……另有{more}人到场未拍（多数在第2批，正在拍）",
                        "  … {more} more arrived, not yet photographed (most are in batch 2, being shot)"
                    )
                )
            );
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
        if device == morning.studio {
            tr!(out, "摄影室手机", "studio phone")
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
    // The printed cards draw Chinese with a system font; a machine without one still runs the
    // whole day and says what to install for the print sheets.
    match crate::cards::CardFont::find(None) {
        Ok(_) => {
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
        }
        Err(f) => {
            let why = f.message();
            println!(
                "{}",
                out.paint(
                    Tone::Warn,
                    tr!(
                        out,
                        "▲ 没有写可打印的签到卡：{why}",
                        "▲ No printable pass cards written: {why}"
                    )
                )
            );
        }
    }

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
        format!("photoday scan --dir {e} --room 一教108 --role studio --now \"2023-06-03 09:40\""),
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
    studio: String,
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

/// What the studio phone's camera reads off a student's 学信网 app (recognised by its shape; the
/// phone keeps nothing of it).
const COLLECTION_CODE: &str = "https://m.chsi.com.cn/xlcj/code?c=8F3A2C9E71B04D5A";

impl Morning {
    fn run(
        folder: &mut EventFolder,
        ev: &Event,
        all: &[photoday_core::admin::IssuedPass],
        class1: &[photoday_core::admin::IssuedPass],
        dir: &Path,
        out: &Out,
    ) -> Result<Morning, Failure> {
        // Each phone shows its enrolment code; the 教务处 enrols it, so the bundle carries the
        // phones' keys and names and they check each other's logs.
        let mut a = Phone::new(dir.join("phone-a.db"), Role::Door, "门口A", "door A", out)?;
        let mut b = Phone::new(dir.join("phone-b.db"), Role::Door, "门口B", "door B", out)?;
        let mut st = Phone::new(
            dir.join("phone-studio.db"),
            Role::Studio,
            "摄影室",
            "studio",
            out,
        )?;
        for phone in [&a, &b, &st] {
            let code = phone
                .scanner
                .enrolment_code(&format!("一教104 {}", phone.label))?;
            let added = folder.add_device(&code, None)?;
            let (name, fp) = (&added.device.station, added.device.fingerprint());
            println!(
                "  {}",
                tr!(
                    out,
                    "登记设备“{name}”（photoday device add 加设备登记码），指纹 {fp}",
                    "enrolled “{name}” (photoday device add with its enrolment code), fingerprint {fp}"
                )
            );
        }
        let made = time::parse_moment("2023-06-02 18:00", ev.utc_offset).unwrap_or_default();
        let bundle = folder.bundle(BundleKind::Scanner, true, made)?;
        let bundle_path = dir.join("scanner.photoday");
        std::fs::write(&bundle_path, &bundle).map_err(|e| Failure::write(&bundle_path, e))?;
        let (p, kb) = (bundle_path.display(), bundle.len().div_ceil(1024));
        println!(
            "{}",
            tr!(
                out,
                "前一晚：门口资料包 {p}（{kb} KB，含名单、公钥和已登记的设备，不含私钥）导入三台手机；每台只选教室和角色，场次跟着时钟走",
                "The evening before: scanner bundle {p} ({kb} KB: roster, public keys and the enrolled devices, no private key) goes onto three phones; each is set to a room and a role, and the session follows the clock"
            )
        );
        let event_fp = folder.key_fingerprint()?;
        for phone in [&mut a, &mut b, &mut st] {
            let s = phone.load(&bundle)?;
            debug_assert_eq!(s.key_fingerprint, event_fp);
        }
        println!(
            "  {}",
            tr!(
                out,
                "三台手机显示的活动密钥指纹 {event_fp} 与 photoday event show 相同：资料包确实来自教务处",
                "all three phones show event key fingerprint {event_fp}, as photoday event show does: the bundle is the 教务处's"
            )
        );
        println!();

        let mut sim = Sim {
            at: time::parse_moment("2023-06-03 09:10", ev.utc_offset).unwrap_or_default() - 30_000,
            offset: ev.utc_offset,
        };
        let story =
            |zh: &str, en: &str| println!("{}", out.paint(Tone::Dim, tr!(out, "{zh}", "{en}")));
        story(
            "09:10 起第一个班在门口排队（提前20分钟），两台门口手机轮流签到——门口不发编号，编号在摄影室里给：",
            "From 09:10 the first class queues at the door (20 minutes early); the two door phones take turns — no numbers at the door, they are given inside the studio:",
        );
        let queue: Vec<&photoday_core::admin::IssuedPass> = class1.iter().take(10).collect();
        if queue.len() < 10 || class1.len() < 13 {
            return Err(Failure::other("the demo's first class is too small"));
        }
        for (i, p) in queue.iter().enumerate() {
            let phone = if i % 2 == 0 { &mut a } else { &mut b };
            let o = phone.scanner.scan(&p.text, sim.tick(30))?;
            phone.line(&sim, &o, out, i == 0);
        }
        println!();
        story(
            "会计学院的同学走错了门：",
            "A student of the School of Accounting comes to the wrong room:",
        );
        if let Some(other) = all.iter().find(|p| p.student.session == 2) {
            let o = a.scanner.scan(&other.text, sim.tick(40))?;
            a.line(&sim, &o, out, true);
        }
        story(
            "有人改了签到码上的一个字符：",
            "Someone changed one character of a pass:",
        );
        if let Some(forged) = forge(folder, ev, &queue[queue.len() - 1].text)? {
            let o = a.scanner.scan(&forged, sim.tick(40))?;
            a.line(&sim, &o, out, true);
        }
        story(
            "有人在门口出示了学信网采集码而不是签到码：",
            "Someone shows the CHSI 采集码 at the door instead of the pass:",
        );
        let o = a.scanner.scan(COLLECTION_CODE, sim.tick(40))?;
        a.line(&sim, &o, out, true);
        let no_phone = class1[10].student.student_no;
        story(
            &format!("{no_phone} 的手机没电了，工作人员核对学生证后按学号签到："),
            &format!(
                "{no_phone}'s phone is flat; staff check the student card and type the number:"
            ),
        );
        let o = b.scanner.check_in_by_number(
            no_phone,
            Some("手机没电，已核对学生证 / phone flat, student card checked"),
            None,
            sim.tick(50),
        )?;
        b.line(&sim, &o, out, true);

        // The doors hand their check-ins to the studio phone by QR: no network, a few codes.
        println!();
        sim.at = time::parse_moment("2023-06-03 09:26", ev.utc_offset).unwrap_or_default();
        for door in [&mut a, &mut b] {
            let codes = door.scanner.export_log_qr(sim.tick(30))?;
            let mut merged = None;
            for code in &codes {
                merged = st.scanner.receive_log_qr(code)?.1.or(merged);
            }
            let (from, k) = (door.label.clone(), codes.len());
            let added = merged.map(|m| m.added).unwrap_or(0);
            println!(
                "  {} {} {}",
                sim.label(),
                pad(&st.label, 7),
                out.paint(
                    Tone::Dim,
                    tr!(
                        out,
                        "扫了{from}屏幕上的 {k} 个记录码：合并 {added} 条签到",
                        "scanned the {k} log codes on {from}'s screen: {added} check-ins merged"
                    )
                )
            );
        }

        // The studio: batches of the event's size, numbered as they enter.
        println!();
        sim.at = time::parse_moment("2023-06-03 09:30", ev.utc_offset).unwrap_or_default();
        let size = ev.batch_size;
        story(
            &format!("09:30 第一批（{size}人）进入摄影室。摄影室手机扫签到码，再看学信网采集码，然后发摄影编号："),
            &format!("09:30 the first batch ({size}) enters the studio. The studio phone scans the pass, then the student's 采集码, then gives the photo number:"),
        );
        let first = queue[0];
        let mut entering: Vec<&photoday_core::admin::IssuedPass> =
            queue.iter().copied().take(8).collect();
        let skipped_door = &class1[12];
        entering.push(skipped_door);
        let aside = queue[2].student.student_no;
        let mut first_qr = None;
        for (i, p) in entering.iter().enumerate() {
            let o = st.scanner.scan(&p.text, sim.tick(20))?;
            if i == 0 {
                st.line(&sim, &o, out, true);
            }
            if p.student.student_no == skipped_door.student.student_no {
                story(
                    "有人没在门口签到就跟着进来了：照样编号，记下“门口未签到”：",
                    "Someone came in without checking in at the door: numbered anyway, with a note:",
                );
            }
            let o = st.scanner.scan(COLLECTION_CODE, sim.tick(8))?;
            st.line(
                &sim,
                &o,
                out,
                i == 0 || p.student.student_no == skipped_door.student.student_no,
            );
            if i == 0 {
                first_qr = o.number_qr.clone();
            }
            if p.student.student_no == aside {
                story(
                    &format!("摄影师发现 {aside} 戴着眼镜：让其稍后，编号作废，不再使用："),
                    &format!("The photographer sees {aside} still wearing glasses: stepped aside, the number void, never reused:"),
                );
                let s = st
                    .scanner
                    .step_aside(aside, AsideReason::Glasses, None, sim.tick(30))?;
                let p = s.photo_no.unwrap_or_default();
                println!(
                    "  {} {} {}",
                    sim.label(),
                    pad(&st.label, 7),
                    out.paint(
                        Tone::Warn,
                        tr!(out, "▲ {p} 作废（眼镜）", "▲ {p} void (glasses)")
                    )
                );
            }
        }
        if let Some(batch) = st.scanner.current_batch(sim.at)? {
            let members: Vec<String> = batch
                .members
                .iter()
                .map(|m| match m.status {
                    photoday_core::scanner::NumberStatus::Voided => format!("({}作废)", m.photo_no),
                    _ => m.photo_no.clone(),
                })
                .collect();
            let (label, members) = (out.text(&batch.label()).to_string(), members.join(" "));
            println!(
                "  {}",
                out.paint(
                    Tone::Bold,
                    tr!(out, "{label}：{members}", "{label}: {members}")
                )
            );
        }
        let closed = st.scanner.close_batch(sim.tick(240))?;
        let (n, k) = (closed.batch.number, closed.photographed);
        println!(
            "  {} {} {}",
            sim.label(),
            pad(&st.label, 7),
            out.paint(
                Tone::Good,
                tr!(
                    out,
                    "✔ 第{n}批拍完：{k}人记为已拍",
                    "✔ batch {n} shot: {k} marked photographed"
                )
            )
        );
        story(
            &format!("{aside} 摘了眼镜回来，排在最后，重新编号："),
            &format!("{aside} comes back without glasses: a new number at the end of the queue:"),
        );
        let o = st.scanner.scan(&queue[2].text, sim.tick(30))?;
        st.line(&sim, &o, out, false);
        let o = st.scanner.scan(COLLECTION_CODE, sim.tick(8))?;
        st.line(&sim, &o, out, true);
        story(
            "第一位同学又扫了一次（在摄影室）：",
            "The first student scans again at the studio:",
        );
        let o = st.scanner.scan(&first.text, sim.tick(60))?;
        st.line(&sim, &o, out, true);

        // The student keeps their number.
        if let Some(qr) = first_qr {
            println!();
            story(
                "第一位同学用 App 扫摄影室手机上的小二维码，保存自己的编号：",
                "The first student scans the small code on the studio phone with the app and keeps their number:",
            );
            let student = folder.bundle(BundleKind::Student, false, made)?;
            let mut phone = StudentPhone::open(dir.join("student.db"))?;
            phone.import_bundle(&student)?;
            phone.import_pass(&first.text)?;
            let shot = phone.import_number(&qr)?;
            let makeup = phone
                .reminders(sim.at)?
                .iter()
                .filter(|r| r.id.starts_with("makeup"))
                .count();
            let label = out.text(&shot.label).to_string();
            println!(
                "  {}",
                out.paint(
                    Tone::Good,
                    tr!(
                        out,
                        "✔ 手机上显示“{label}”；补拍提醒 {makeup} 条，40天后的学信网校对提醒保留",
                        "✔ the phone shows “{label}”; make-up reminders: {makeup}; the 学信网 check 40 days later stays"
                    )
                )
            );
        }

        // Noon: logs out, merged everywhere.
        println!();
        sim.at = time::parse_moment("2023-06-03 12:05", ev.utc_offset).unwrap_or_default();
        story(
            "12:05 三台手机导出记录，互相合并，并交给教务处：",
            "12:05 the three phones export their logs, merge each other's, and hand them to the 教务处:",
        );
        let mut logs = Vec::new();
        for (phone, file) in [
            (&mut a, "phone-a"),
            (&mut b, "phone-b"),
            (&mut st, "phone-studio"),
        ] {
            let bytes = phone.scanner.export_log(sim.at)?;
            let path = dir.join(format!("{file}.photodaylog"));
            std::fs::write(&path, &bytes).map_err(|e| Failure::write(&path, e))?;
            logs.push((path, bytes));
        }
        let names = folder.enrolment()?;
        let named = |mut s: photoday_core::scanner::ImportSummary| {
            s.devices = s.devices.iter().map(|d| names.label(d)).collect();
            s
        };
        for (path, bytes) in &logs {
            let s = named(folder.import_log(bytes)?);
            log::print_import(
                &format!("  {} → {}", file_name(path), tr!(out, "教务处", "admin")),
                &s,
                out,
            );
            let s = named(st.scanner.import_log(bytes)?);
            log::print_import(
                &format!(
                    "  {} → {}",
                    file_name(path),
                    tr!(out, "摄影室手机", "studio phone")
                ),
                &s,
                out,
            );
        }
        let s = named(folder.import_log(&logs[0].1)?);
        log::print_import(
            &format!(
                "  {} → {} {}",
                file_name(&logs[0].0),
                tr!(out, "教务处", "admin"),
                tr!(out, "（再导一次）", "(again)")
            ),
            &s,
            out,
        );
        // A phone nobody enrolled (someone's own, with the bundle copied onto it): its log is
        // genuine, but it is kept aside, not merged, until the 教务处 enrols it.
        let mut rogue = Scanner::open(dir.join("phone-unknown.db"))?;
        rogue.import_bundle(&bundle)?;
        rogue.set_station("一教104", Role::Door, None)?;
        let eleven = time::parse_moment("2023-06-03 11:00", ev.utc_offset).unwrap_or_default();
        if let Some(p) = queue.last() {
            rogue.scan(&p.text, eleven)?;
        }
        let s = folder.import_log(&rogue.export_log(sim.at)?)?;
        log::print_import(
            &format!(
                "  phone-unknown.photodaylog → {}",
                tr!(out, "教务处", "admin")
            ),
            &s,
            out,
        );
        Ok(Morning {
            studio: st.scanner.device_id().to_string(),
        })
    }
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default()
}

/// A staff phone of the demo.
struct Phone {
    scanner: Scanner,
    label: String,
    role: Role,
}

impl Phone {
    fn new(db: PathBuf, role: Role, zh: &str, en: &str, out: &Out) -> Result<Phone, Failure> {
        let scanner = Scanner::open(&db)?;
        let label = tr!(out, "{zh}", "{en}");
        let (dev, f) = (scanner.device_id().to_string(), file_name(&db));
        let what = match role {
            Role::Door => tr!(out, "签到", "check-in"),
            _ => tr!(
                out,
                "发摄影编号，先看采集码",
                "photo numbers, after the 采集码"
            ),
        };
        println!(
            "  {}",
            tr!(
                out,
                "{label}：设备 {dev}，一教104，{what}（{f}）",
                "{label}: device {dev}, 一教104, {what} ({f})"
            )
        );
        Ok(Phone {
            scanner,
            label,
            role,
        })
    }

    /// Imports the bundle and sets the phone to its room and role.
    fn load(&mut self, bundle: &[u8]) -> Result<photoday_core::scanner::BundleSummary, Failure> {
        let s = self.scanner.import_bundle(bundle)?;
        self.scanner.set_station("一教104", self.role, None)?;
        Ok(s)
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
