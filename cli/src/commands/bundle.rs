//! `bundle scanner|student|show`: the signed file that carries the event to the phones, and a way to
//! look inside one before it goes out (or when a phone refuses it).

use chrono::DateTime;
use photoday_core::bundle::{self, BundleContent, BundleKind};
use photoday_core::time::{format_local_minute, to_local};
use serde::Serialize;

use crate::args::{BundleCommand, BundleMakeArgs, BundleShowArgs};
use crate::commands::{clock_now, open_folder};
use crate::failure::Failure;
use crate::output::{Out, Tone};
use crate::tr;

/// `photoday bundle …`.
pub fn run(command: BundleCommand, out: &Out) -> Result<(), Failure> {
    match command {
        BundleCommand::Scanner(a) => make(BundleKind::Scanner, &a, out),
        BundleCommand::Student(a) => make(BundleKind::Student, &a, out),
        BundleCommand::Show(a) => show(&a, out),
    }
}

fn make(kind: BundleKind, args: &BundleMakeArgs, out: &Out) -> Result<(), Failure> {
    let mut folder = open_folder(&args.dir.dir)?;
    if kind == BundleKind::Student && args.with_names {
        return Err(Failure::input(
            "--with-names is for scanner bundles; a student bundle never carries the roster",
        ));
    }
    let bytes = folder.bundle(kind, args.with_names, clock_now())?;
    if let Some(parent) = args.out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| Failure::write(parent, e))?;
    }
    std::fs::write(&args.out, &bytes).map_err(|e| Failure::write(&args.out, e))?;
    let content = bundle::open(&bytes, None)?;
    let (file, kb) = (args.out.display(), bytes.len().div_ceil(1024));
    let what = match kind {
        BundleKind::Scanner => tr!(out, "门口手机资料包", "scanner bundle"),
        BundleKind::Student => tr!(out, "学生资料包", "student bundle"),
    };
    println!(
        "{}",
        out.paint(
            Tone::Good,
            tr!(
                out,
                "已写入{what} {file}（{kb} KB）",
                "Wrote the {what} {file} ({kb} KB)"
            )
        )
    );
    describe(&content, out);
    if kind == BundleKind::Scanner && content.students.is_empty() {
        println!(
            "{}",
            out.paint(
                Tone::Warn,
                tr!(
                    out,
                    "注意：名单是空的，门口手机会把每个人都判为“不在名单上”",
                    "Note: the roster is empty, so door phones will call everyone \"not on the roster\""
                )
            )
        );
    }
    Ok(())
}

fn show(args: &BundleShowArgs, out: &Out) -> Result<(), Failure> {
    let bytes = std::fs::read(&args.file).map_err(|e| Failure::read(&args.file, e))?;
    let trusted = match &args.dir {
        Some(dir) => Some(open_folder(dir)?.key_ring()?),
        None => None,
    };
    let content = bundle::open(&bytes, trusted.as_ref())?;
    if args.json {
        let j = ShowJson::new(&content, bytes.len());
        println!(
            "{}",
            serde_json::to_string_pretty(&j).map_err(|e| Failure::other(e.to_string()))?
        );
        return Ok(());
    }
    let (file, size) = (args.file.display(), bytes.len());
    println!(
        "{}",
        out.paint(
            Tone::Good,
            match &args.dir {
                Some(d) => {
                    let d = d.display();
                    tr!(
                        out,
                        "{file}（{size} 字节）：签名有效，由 {d} 的活动密钥签发",
                        "{file} ({size} bytes): signature valid, made with {d}'s event key"
                    )
                }
                None => tr!(
                    out,
                    "{file}（{size} 字节）：签名与内容相符（加 --dir 可核对是否本活动的密钥）",
                    "{file} ({size} bytes): signature matches the content (add --dir to check it is this event's key)"
                ),
            }
        )
    );
    describe(&content, out);
    Ok(())
}

/// What a bundle holds, a line each.
pub fn describe(c: &BundleContent, out: &Out) {
    let w = 12;
    let kind = match c.kind {
        BundleKind::Scanner => tr!(out, "门口手机", "scanner"),
        BundleKind::Student => tr!(out, "学生", "student"),
    };
    out.field(&tr!(out, "类型", "kind"), kind, w);
    out.field(
        &tr!(out, "活动", "event"),
        format!("{} ({})", out.text(&c.event.title), c.event.id),
        w,
    );
    out.field(&tr!(out, "生成时间", "made at"), made_at(c), w);
    let keys: Vec<String> = c
        .keys
        .iter()
        .map(|k| format!("{:04x}", k.key_id()))
        .collect();
    out.field(&tr!(out, "公钥", "keys"), keys.join(", "), w);
    out.field(&tr!(out, "场次", "sessions"), c.event.sessions.len(), w);
    if c.kind == BundleKind::Scanner {
        let (n, names) = (c.students.len(), c.with_names);
        out.field(
            &tr!(out, "名单", "roster"),
            if names {
                tr!(out, "{n}人，含姓名", "{n} students, with names")
            } else {
                tr!(out, "{n}人，不含姓名", "{n} students, no names")
            },
            w,
        );
        out.field(&tr!(out, "作废名单", "revocations"), c.revocations.len(), w);
    }
    let plan = match &c.plan {
        Some(p) => {
            // A class split at lunch is two entries but one class.
            let classes: usize = p
                .sessions
                .iter()
                .map(|s| s.entries.iter().filter(|e| e.part == 1).count())
                .sum();
            tr!(
                out,
                "{classes}个班级的到达时间",
                "arrival times for {classes} classes"
            )
        }
        None => tr!(out, "无", "none"),
    };
    out.field(&tr!(out, "到达安排", "plan"), plan, w);
}

fn made_at(c: &BundleContent) -> String {
    if DateTime::from_timestamp_millis(c.made_at_ms).is_none() {
        return c.made_at_ms.to_string();
    }
    format_local_minute(to_local(c.event.utc_offset, c.made_at_ms))
}

#[derive(Debug, Serialize)]
struct ShowJson {
    kind: &'static str,
    event_id: String,
    title: String,
    made_at: String,
    bytes: usize,
    keys: Vec<String>,
    sessions: usize,
    students: usize,
    with_names: bool,
    revocations: usize,
    plan: bool,
}

impl ShowJson {
    fn new(c: &BundleContent, bytes: usize) -> ShowJson {
        ShowJson {
            kind: c.kind.name(),
            event_id: c.event.id.clone(),
            title: c.event.title.zh.clone(),
            made_at: made_at(c),
            bytes,
            keys: c.keys.iter().map(|k| k.to_hex()).collect(),
            sessions: c.event.sessions.len(),
            students: c.students.len(),
            with_names: c.with_names,
            revocations: c.revocations.len(),
            plan: c.plan.is_some(),
        }
    }
}
