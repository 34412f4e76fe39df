//! `init` and `event show`: the event folder is born from a built-in notice, and the notice as
//! PhotoDay understood it is printed back (or as JSON) so the 教务处 can check it against the PDF.

use photoday_core::admin::{EventFolder, DB_FILE, EVENT_FILE, KEY_FILE, PUB_FILE};
use photoday_core::event::{Event, TEMPLATES};
use photoday_core::time::{format_hhmm, format_local_minute};
use serde::Serialize;
use std::path::Path;

use crate::args::{EventCommand, EventShowArgs, InitArgs};
use crate::failure::Failure;
use crate::output::{display_width, pad, Out, Tone};
use crate::tr;

/// `photoday event …`.
pub fn run(command: EventCommand, out: &Out) -> Result<(), Failure> {
    match command {
        EventCommand::Show(a) => show(&a, out),
        EventCommand::RotateKey(a) => rotate_key(&a.dir, out),
    }
}

/// `photoday init`.
pub fn init(args: &InitArgs, out: &Out) -> Result<(), Failure> {
    if !TEMPLATES.contains(&args.template.as_str()) {
        return Err(Failure::input(format!(
            "no built-in event template named `{}`; known templates: {}",
            args.template,
            TEMPLATES.join(", ")
        )));
    }
    let folder = EventFolder::init(&args.dir, &args.template)?;
    let dir = args.dir.display();
    let event = folder.event();
    println!(
        "{}",
        out.paint(
            Tone::Good,
            tr!(
                out,
                "已创建活动文件夹 {dir}",
                "Created the event folder {dir}"
            )
        )
    );
    println!("  {}", out.text(&event.title));
    for (file, zh, en) in [
        (
            EVENT_FILE,
            "活动（可编辑，即通知的内容）",
            "the event, editable (the notice)",
        ),
        (
            KEY_FILE,
            "签名私钥，仅本机可读（0600），切勿外传",
            "private signing key, mode 0600: never share it",
        ),
        (PUB_FILE, "公钥", "public key"),
        (
            DB_FILE,
            "数据库：名单、签到码、合并的签到记录",
            "database: roster, passes, merged door logs",
        ),
    ] {
        println!(
            "  {}  {}",
            pad(file, 12),
            out.paint(Tone::Dim, tr!(out, "{zh}", "{en}"))
        );
    }
    println!();
    println!(
        "{}",
        tr!(
            out,
            "下一步：photoday roster import 名单.xlsx --dir {dir}",
            "Next: photoday roster import roster.xlsx --dir {dir}"
        )
    );
    Ok(())
}

/// `photoday event show`.
fn show(args: &EventShowArgs, out: &Out) -> Result<(), Failure> {
    let (event, fingerprint) = match (&args.template, &args.dir) {
        (Some(name), _) => (Event::template(name)?, None),
        (None, dir) => {
            let dir = dir.as_deref().unwrap_or(Path::new("."));
            let path = dir.join(EVENT_FILE);
            if !path.exists() {
                return Err(Failure::input(format!(
                    "{} has no {EVENT_FILE}; give --dir EVENT_FOLDER or --template gzcc-2023",
                    dir.display()
                )));
            }
            (Event::load(&path)?, key_fingerprint(dir))
        }
    };
    if args.json {
        let mut json = serde_json::to_value(EventJson::from(&event))
            .map_err(|e| Failure::other(e.to_string()))?;
        if let (Some(fp), Some(obj)) = (&fingerprint, json.as_object_mut()) {
            obj.insert("key_fingerprint".into(), fp.clone().into());
        }
        let json =
            serde_json::to_string_pretty(&json).map_err(|e| Failure::other(e.to_string()))?;
        println!("{json}");
    } else {
        print_event(&event, out);
        if let Some(fp) = fingerprint {
            println!();
            println!(
                "{}",
                out.paint(
                    Tone::Bold,
                    tr!(
                        out,
                        "活动密钥指纹：{fp}（手机导入第一个资料包后显示的指纹必须与此相同）",
                        "Event key fingerprint: {fp} (a phone shows the same after its first bundle, or it holds someone else's)"
                    )
                )
            );
        }
    }
    Ok(())
}

fn rotate_key(dir: &Path, out: &Out) -> Result<(), Failure> {
    let mut folder = EventFolder::open(dir)?;
    let old = folder.key_fingerprint()?;
    let new = folder.rotate_key()?;
    println!(
        "{}",
        out.paint(
            Tone::Good,
            tr!(
                out,
                "活动密钥已更换：{old} → {new}。旧密钥签发的签到码仍然有效；之后的资料包由新密钥签名，并带有旧密钥签名的更换声明，已导入过资料包的手机会接受。请把新的资料包发给各手机，并核对它们显示的指纹 {new}",
                "Event key replaced: {old} → {new}. Passes signed by the old key stay valid; bundles are signed by the new key from now on and carry the change, signed by the old key, so phones that hold a bundle follow. Hand out new bundles and check the phones show {new}"
            )
        )
    );
    Ok(())
}

/// The event key's fingerprint, as phones show it: from event.key, or without it the first key
/// of event.pub. Read without opening the database.
fn key_fingerprint(dir: &Path) -> Option<String> {
    if let Ok(k) = photoday_core::keys::EventKey::load(&dir.join(KEY_FILE)) {
        return Some(k.public().fingerprint());
    }
    let text = std::fs::read_to_string(dir.join(PUB_FILE)).ok()?;
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))?;
    Some(
        photoday_core::keys::PublicKey::from_hex(line)
            .ok()?
            .fingerprint(),
    )
}

/// Prints the event for a person: the schedule table and the rules around it.
pub fn print_event(event: &Event, out: &Out) {
    println!(
        "{}  {}",
        out.paint(Tone::Bold, out.text(&event.title)),
        out.paint(Tone::Dim, format!("({})", event.id))
    );
    println!("{} · {}", out.text(&event.school.name), event.notice_ref);
    println!();
    let college_w = event
        .sessions
        .iter()
        .map(|s| display_width(out.text(&s.college)))
        .max()
        .unwrap_or(0)
        .max(8);
    let windows_w = event
        .sessions
        .iter()
        .map(|s| display_width(&s.windows_label()))
        .max()
        .unwrap_or(0);
    let widths = [4, college_w, 10, windows_w];
    let head = [
        tr!(out, "序号", "#"),
        tr!(out, "学院", "college"),
        tr!(out, "日期", "date"),
        tr!(out, "时间", "windows"),
        tr!(out, "地点", "room"),
    ];
    let mut line = String::new();
    for (i, h) in head.iter().enumerate() {
        line.push_str(&pad(h, widths.get(i).copied().unwrap_or(0)));
        line.push(' ');
    }
    println!("{}", out.paint(Tone::Dim, line.trim_end()));
    for (i, s) in event.sessions.iter().enumerate() {
        println!(
            "{} {} {} {} {}",
            pad(&(i + 1).to_string(), widths[0]),
            pad(out.text(&s.college), widths[1]),
            pad(&s.date.to_string(), widths[2]),
            pad(&s.windows_label(), widths[3]),
            out.text(&s.room)
        );
    }
    println!();
    let w = 10;
    let fee = &event.fee;
    let (yuan, deadline) = (fee.yuan, format_local_minute(fee.deadline));
    out.field(
        &tr!(out, "摄影费", "photo fee"),
        tr!(
            out,
            "每人{yuan}元，{deadline} 前交齐",
            "{yuan} yuan a student, due {deadline}"
        ),
        w,
    );
    out.field("", out.text(&fee.pay_to), w);
    let (batch, early) = (event.batch_size, event.arrive_early_minutes);
    out.field(
        &tr!(out, "拍摄", "on the day"),
        tr!(
            out,
            "提前{early}分钟到达；每批{batch}人进入摄影室",
            "arrive {early} min early; batches of {batch} into the studio"
        ),
        w,
    );
    let m = &event.makeup;
    let (md, mf, phone) = (format_local_minute(m.deadline), m.fee_yuan, &m.phone);
    out.field(
        &tr!(out, "补拍", "make-up"),
        tr!(
            out,
            "{md} 前，{mf}元，电话 {phone}",
            "before {md}, {mf} yuan, phone {phone}"
        ),
        w,
    );
    out.field("", out.text(&m.place), w);
    let v = &event.verification;
    let (days, site) = (v.after_days, &v.site);
    out.field(
        &tr!(out, "校对", "check"),
        tr!(
            out,
            "拍摄日起{days}天后登录 {site} 校对相片",
            "{days} days after the shoot, check the photo on {site}"
        ),
        w,
    );
}

/// `event show --json`: the contract of issue 5 plus a few fields scripts find useful.
#[derive(Debug, Serialize)]
struct EventJson {
    id: String,
    title: String,
    notice_ref: String,
    school: String,
    school_code: String,
    utc_offset: String,
    sessions: Vec<SessionJson>,
    fee_yuan: u32,
    fee_deadline: String,
    makeup_deadline: String,
    makeup_fee_yuan: u32,
    makeup_place: String,
    makeup_phone: String,
    verify_after_days: u32,
    verify_site: String,
    batch_size: u32,
    arrive_early_minutes: u32,
    throughput_per_hour: u32,
}

#[derive(Debug, Serialize)]
struct SessionJson {
    number: usize,
    college: String,
    college_en: String,
    date: String,
    room: String,
    room_en: String,
    windows: Vec<WindowJson>,
}

#[derive(Debug, Serialize)]
struct WindowJson {
    start: String,
    end: String,
}

impl From<&Event> for EventJson {
    fn from(e: &Event) -> EventJson {
        EventJson {
            id: e.id.clone(),
            title: e.title.zh.clone(),
            notice_ref: e.notice_ref.clone(),
            school: e.school.name.zh.clone(),
            school_code: e.school.code.clone(),
            utc_offset: photoday_core::time::format_offset(e.utc_offset),
            sessions: e
                .sessions
                .iter()
                .enumerate()
                .map(|(i, s)| SessionJson {
                    number: i + 1,
                    college: s.college.zh.clone(),
                    college_en: s.college.en.clone(),
                    date: s.date.format("%Y-%m-%d").to_string(),
                    room: s.room.zh.clone(),
                    room_en: s.room.en.clone(),
                    windows: s
                        .windows
                        .iter()
                        .map(|w| WindowJson {
                            start: format_hhmm(w.start),
                            end: format_hhmm(w.end),
                        })
                        .collect(),
                })
                .collect(),
            fee_yuan: e.fee.yuan,
            fee_deadline: format_local_minute(e.fee.deadline),
            makeup_deadline: format_local_minute(e.makeup.deadline),
            makeup_fee_yuan: e.makeup.fee_yuan,
            makeup_place: e.makeup.place.zh.clone(),
            makeup_phone: e.makeup.phone.clone(),
            verify_after_days: e.verification.after_days,
            verify_site: e.verification.site.clone(),
            batch_size: e.batch_size,
            arrive_early_minutes: e.arrive_early_minutes,
            throughput_per_hour: e.throughput_per_hour,
        }
    }
}
