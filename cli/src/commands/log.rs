//! `log export|import`: door logs travel as files between phones, laptops and the 教务处, and
//! merge in any order, any number of times (the core keys records by device and sequence).

use photoday_core::scanner::{ImportSummary, Scanner};
use std::path::Path;

use crate::args::{LogCommand, LogExportArgs, LogImportArgs, LogVoidArgs};
use crate::commands::{clock_now, open_folder};
use crate::failure::Failure;
use crate::output::{Out, Tone};
use crate::tr;

/// `photoday log …`.
pub fn run(command: LogCommand, out: &Out) -> Result<(), Failure> {
    match command {
        LogCommand::Export(a) => export(&a, out),
        LogCommand::Import(a) => import(&a, out),
        LogCommand::Void(a) => void(&a, out),
    }
}

fn void(args: &LogVoidArgs, out: &Out) -> Result<(), Failure> {
    let (device, seq) = args
        .record
        .trim()
        .rsplit_once(':')
        .and_then(|(d, s)| Some((d.to_string(), s.parse::<u64>().ok()?)))
        .filter(|(d, _)| !d.is_empty())
        .ok_or_else(|| {
            let r = &args.record;
            Failure::input(tr!(
                out,
                "`{r}` 不是记录编号；写成 设备:序号，例如 3f2a9c0d5e6b:17（见 photoday report duplicates）",
                "`{r}` is not a record; write DEVICE:SEQ, e.g. 3f2a9c0d5e6b:17 (see photoday report duplicates)"
            ))
        })?;
    let mut folder = open_folder(&args.dir.dir)?;
    let rec = folder.void_record(&device, seq, &args.reason, clock_now())?;
    let (by, n) = (rec.device.clone(), rec.seq);
    println!(
        "{}",
        out.paint(
            Tone::Good,
            tr!(
                out,
                "已作废记录 {device}:{seq}（作废记录 {by}:{n}）；导出日志发给各手机：photoday log export --out 教务处.photodaylog",
                "Voided record {device}:{seq} (by record {by}:{n}); send it to the phones: photoday log export --out admin.photodaylog"
            )
        )
    );
    Ok(())
}

fn export(args: &LogExportArgs, out: &Out) -> Result<(), Failure> {
    let mut device = args
        .device_db
        .as_ref()
        .map(|db| open_device(db))
        .transpose()?;
    let bytes = match device.as_mut() {
        Some(d) => d.export_log(clock_now())?,
        None => open_folder(&args.dir.dir)?.export_log(clock_now())?,
    };
    if let Some(parent) = args.out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| Failure::write(parent, e))?;
    }
    std::fs::write(&args.out, &bytes).map_err(|e| Failure::write(&args.out, e))?;
    // Only a log that reached the disk counts as exported (and lets the device be purged).
    if let Some(d) = device.as_mut() {
        d.confirm_log_exported()?;
    }
    let (file, size) = (args.out.display(), bytes.len());
    println!(
        "{}",
        out.paint(
            Tone::Good,
            tr!(
                out,
                "已导出记录 {file}（{size} 字节）",
                "Exported the log {file} ({size} bytes)"
            )
        )
    );
    Ok(())
}

fn import(args: &LogImportArgs, out: &Out) -> Result<(), Failure> {
    enum Target {
        Folder(Box<photoday_core::admin::EventFolder>),
        Device(Box<Scanner>),
    }
    let mut target = match &args.device_db {
        Some(db) => Target::Device(Box::new(open_device(db)?)),
        None => Target::Folder(Box::new(open_folder(&args.dir.dir)?)),
    };
    if args.pending {
        let summary = match &mut target {
            Target::Folder(f) => f.merge_aside()?,
            Target::Device(s) => s.merge_aside()?,
        };
        print_import(&tr!(out, "另存的记录", "records kept aside"), &summary, out);
        if summary.kept_aside.is_empty() {
            println!(
                "{}",
                tr!(
                    out,
                    "没有仍在等待登记的记录",
                    "Nothing waits aside any more"
                )
            );
        }
    }
    for file in &args.files {
        let bytes = std::fs::read(file).map_err(|e| Failure::read(file, e))?;
        let mut summary = match &mut target {
            Target::Folder(f) => f.import_log(&bytes),
            Target::Device(s) => s.import_log(&bytes),
        }
        .map_err(|e| {
            let f = Failure::from(e);
            Failure::input(format!("{}: {}", file.display(), f.message()))
        })?;
        // Devices by their station names (with their ids), as enrolled.
        summary.devices = match &mut target {
            Target::Folder(f) => {
                let names = f.enrolment()?;
                summary.devices.iter().map(|d| names.label(d)).collect()
            }
            Target::Device(s) => summary.devices.iter().map(|d| s.device_label(d)).collect(),
        };
        print_import(&file.display().to_string(), &summary, out);
    }
    Ok(())
}

/// `a.photodaylog: 12 new records, 3 already here (devices 1a2b3c, 4d5e6f)`.
pub fn print_import(what: &str, s: &ImportSummary, out: &Out) {
    let (added, known, devices) = (s.added, s.known, s.devices.join(", "));
    println!(
        "{}",
        if devices.is_empty() {
            tr!(
                out,
                "{what}：新增 {added} 条记录，已有 {known} 条",
                "{what}: {added} new records, {known} already here"
            )
        } else {
            tr!(
                out,
                "{what}：新增 {added} 条记录，已有 {known} 条（设备 {devices}）",
                "{what}: {added} new records, {known} already here (devices {devices})"
            )
        }
    );
    // Devices not enrolled: their records wait aside, said loudly with what to do.
    for k in &s.kept_aside {
        println!(
            "{}",
            out.paint(Tone::Warn, format!("⚠ {}", out.text(&k.text())))
        );
    }
}

/// A door database that must already exist (a typo must not create an empty one).
fn open_device(db: &Path) -> Result<Scanner, Failure> {
    if !db.exists() {
        return Err(Failure::input(format!(
            "{}: no such door database; it is made by `photoday scan --device-db {}`",
            db.display(),
            db.display()
        )));
    }
    Ok(Scanner::open(db)?)
}
