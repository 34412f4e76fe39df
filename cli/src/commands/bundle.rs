//! `bundle scanner|student|show`: the signed file that carries the event to the phones, and a way to
//! look inside one before it goes out (or when a phone refuses it).
//!
//! A liaison posts one student pack in each class group (`bundle student --by class`): the signed
//! student bundle with only that class's arrival times, named `学院-班级.photoday` so the liaison
//! can tell the packs apart and the student's phone opens it with PhotoDay in one tap.

use chrono::DateTime;
use photoday_core::bundle::{self, BundleContent, BundleKind};
use photoday_core::time::{format_local_minute, to_local};
use serde::Serialize;

use crate::args::{BundleCommand, BundleMakeArgs, BundleShowArgs, PackBy, StudentBundleArgs};
use crate::commands::passes::file_name;
use crate::commands::{clock_now, open_folder};
use crate::failure::Failure;
use crate::output::{Out, Tone};
use crate::tr;
use photoday_core::plan::{Plan, SessionPlan};
use std::path::PathBuf;

/// `photoday bundle …`.
pub fn run(command: BundleCommand, out: &Out) -> Result<(), Failure> {
    match command {
        BundleCommand::Scanner(a) => make(BundleKind::Scanner, &a, out),
        BundleCommand::Student(a) => student(&a, out),
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

fn student(args: &StudentBundleArgs, out: &Out) -> Result<(), Failure> {
    let Some(by) = args.by else {
        let one = BundleMakeArgs {
            out: args.out.clone(),
            with_names: args.with_names,
            dir: args.dir.clone(),
        };
        return make(BundleKind::Student, &one, out);
    };
    if args.with_names {
        return Err(Failure::input(
            "--with-names is for scanner bundles; a student bundle never carries the roster",
        ));
    }
    let mut folder = open_folder(&args.dir.dir)?;
    let content = folder.bundle_content(BundleKind::Student, false, clock_now())?;
    let Some(plan) = content.plan.clone() else {
        return Err(Failure::input(format!(
            "the roster is empty, so there are no classes to make packs for; import one with `photoday roster import FILE --dir {}`",
            args.dir.dir.display()
        )));
    };
    let key = folder.key()?;
    std::fs::create_dir_all(&args.out).map_err(|e| Failure::write(&args.out, e))?;
    let mut written: Vec<(PathBuf, usize)> = Vec::new();
    for packs in split_plan(&plan, by) {
        let (session, label, plan) = packs;
        let college = content
            .event
            .session(session)
            .map(|s| s.college.zh.clone())
            .unwrap_or_default();
        let name = match &label {
            Some(class) => format!("{}-{}.photoday", file_name(&college), file_name(class)),
            None => format!("{}.photoday", file_name(&college)),
        };
        let mut pack = content.clone();
        // Replaced passes only of the pack's own students: enough for a student's phone to say
        // "your pass was replaced", nothing about other classes.
        pack.revocations.retain(|(no, _)| {
            plan.sessions
                .iter()
                .any(|s| s.entries.iter().any(|e| e.covers(*no)))
        });
        pack.plan = Some(plan);
        let bytes = bundle::seal(&pack, &key)?;
        let path = args.out.join(name);
        std::fs::write(&path, &bytes).map_err(|e| Failure::write(&path, e))?;
        written.push((path, bytes.len()));
    }
    let (n, dir) = (written.len(), args.out.display());
    println!(
        "{}",
        out.paint(
            Tone::Good,
            match by {
                PackBy::Class => tr!(
                    out,
                    "已写入 {n} 个班级的学生资料包 → {dir}",
                    "Wrote {n} class packs → {dir}"
                ),
                PackBy::College => tr!(
                    out,
                    "已写入 {n} 个学院的学生资料包 → {dir}",
                    "Wrote {n} college packs → {dir}"
                ),
            }
        )
    );
    for (path, size) in &written {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let kb = size.div_ceil(1024);
        println!("  {name}  {kb} KB");
    }
    println!(
        "{}",
        tr!(
            out,
            "把各自的 .photoday 文件发到班级群：学生点开，用 PhotoDay 打开即可；包里只有活动信息、公钥和本班的到达时间，没有签到码和同学名单",
            "Post each .photoday file in its class group: a student taps it and opens it with PhotoDay. A pack holds the event, the public key and its own arrival times; no passes, no names"
        )
    );
    Ok(())
}

/// The plan cut into packs: per college, its session's plan; per class, its session's plan with
/// only that class's entries (both parts of a class split at lunch). Each is (session, class if
/// by class, plan).
pub fn split_plan(plan: &Plan, by: PackBy) -> Vec<(u8, Option<String>, Plan)> {
    let mut packs = Vec::new();
    for sp in plan.sessions.iter().filter(|s| !s.entries.is_empty()) {
        match by {
            PackBy::College => packs.push((
                sp.session,
                None,
                Plan {
                    sessions: vec![sp.clone()],
                },
            )),
            PackBy::Class => {
                for first in sp.entries.iter().filter(|e| e.part == 1) {
                    let only = SessionPlan {
                        entries: sp
                            .entries
                            .iter()
                            .filter(|e| e.class == first.class)
                            .cloned()
                            .collect(),
                        ..sp.clone()
                    };
                    packs.push((
                        sp.session,
                        Some(first.class.clone()),
                        Plan {
                            sessions: vec![only],
                        },
                    ));
                }
            }
        }
    }
    packs
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
    // What a phone shows after importing it, to compare with `photoday event show`.
    out.field(
        &tr!(out, "签名密钥指纹", "signed by"),
        bundle::signer_fingerprint(c),
        w,
    );
    if c.trust.counter > 0 {
        out.field(&tr!(out, "资料包编号", "bundle no."), c.trust.counter, w);
    }
    if c.kind == BundleKind::Scanner && c.trust.enrolment.required {
        let names: Vec<&str> = c
            .trust
            .enrolment
            .devices
            .iter()
            .map(|d| d.station.as_str())
            .collect();
        out.field(&tr!(out, "已登记设备", "devices"), names.join("、"), w);
    }
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
