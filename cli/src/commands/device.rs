//! `device add|list|remove|code`: the devices whose logs the event takes.
//!
//! Each phone (or laptop door) shows an enrolment code — its key, a fingerprint to read aloud
//! and the station name staff gave it — as text and QR. The 教务处 enrols it here from the text
//! or from a photo of the QR (read by the core's own decoder), and the next scanner bundle
//! carries it to every phone. Logs of devices that are not enrolled wait aside until they are.

use photoday_core::enrolment::{EnrolmentCode, KeptAside, CODE_PREFIX};
use photoday_core::qr::QrMatrix;
use photoday_core::qr_decode;
use photoday_core::scanner::Scanner;
use serde_json::json;
use std::path::Path;

use crate::args::{DeviceAddArgs, DeviceCodeArgs, DeviceCommand, DeviceListArgs, DeviceRemoveArgs};
use crate::commands::log::print_import;
use crate::commands::open_folder;
use crate::failure::Failure;
use crate::output::{Out, Tone};
use crate::tr;

/// `photoday device …`.
pub fn run(command: DeviceCommand, out: &Out) -> Result<(), Failure> {
    match command {
        DeviceCommand::Add(a) => add(&a, out),
        DeviceCommand::List(a) => list(&a, out),
        DeviceCommand::Remove(a) => remove(&a, out),
        DeviceCommand::Code(a) => code(&a, out),
    }
}

/// The code from the argument: its text, or the QR code in an image file.
fn read_code(arg: &str, out: &Out) -> Result<EnrolmentCode, Failure> {
    let trimmed = arg.trim();
    let looks_like_code = trimmed
        .get(..CODE_PREFIX.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(CODE_PREFIX));
    if looks_like_code {
        return Ok(EnrolmentCode::parse(trimmed)?);
    }
    let path = Path::new(arg);
    if !path.is_file() {
        return Err(Failure::input(tr!(
            out,
            "`{arg}` 既不是设备登记码（PDE1:…），也不是图片文件；在设备上打开“设备登记码”，复制文字或拍下二维码",
            "`{arg}` is neither an enrolment code (PDE1:…) nor an image file; open the device's enrolment code and copy its text or take a photo of its QR code"
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| Failure::read(path, e))?;
    let texts = qr_decode::decode_image_file_bytes(&bytes)
        .map_err(|e| Failure::input(format!("{}: {e}", path.display())))?;
    let p = path.display();
    let code = texts
        .iter()
        .find(|t| t.starts_with(CODE_PREFIX))
        .ok_or_else(|| {
            Failure::input(if texts.is_empty() {
                tr!(
                    out,
                    "{p}：图片中读不到二维码；靠近一点、对准屏幕再拍一张",
                    "{p}: no QR code could be read in the image; take the photo closer and square to the screen"
                )
            } else {
                tr!(
                    out,
                    "{p}：图片中的二维码不是设备登记码",
                    "{p}: the QR code in the image is not an enrolment code"
                )
            })
        })?;
    Ok(EnrolmentCode::parse(code)?)
}

fn add(args: &DeviceAddArgs, out: &Out) -> Result<(), Failure> {
    let code = read_code(&args.code, out)?;
    let mut folder = open_folder(&args.dir.dir)?;
    let added = folder.add_device(&code, args.name.as_deref())?;
    let (name, id, fp) = (
        &added.device.station,
        &added.device.device,
        added.device.fingerprint(),
    );
    let line = match &added.renamed_from {
        Some(before) => tr!(
            out,
            "已改名：设备 {id}（指纹 {fp}）从“{before}”改为“{name}”",
            "Renamed device {id} (fingerprint {fp}) from “{before}” to “{name}”"
        ),
        None => tr!(
            out,
            "已登记设备“{name}”：{id}，指纹 {fp}（请与设备屏幕上的指纹核对）",
            "Enrolled “{name}”: device {id}, fingerprint {fp} (check it against the device's screen)"
        ),
    };
    println!("{}", out.paint(Tone::Good, line));
    if added.merged.added > 0 || added.merged.known > 0 {
        print_import(
            &tr!(out, "另存的记录", "records kept aside"),
            &added.merged,
            out,
        );
    }
    print_waiting(&added.merged.kept_aside, out);
    println!(
        "{}",
        tr!(
            out,
            "下一步：photoday bundle scanner --out door.photoday，把新资料包发给各手机，手机之间才能核对这台设备的记录",
            "Next: photoday bundle scanner --out door.photoday and hand the new bundle to the phones, so they check this device's logs too"
        )
    );
    Ok(())
}

/// Devices whose logs still wait aside.
fn print_waiting(waiting: &[KeptAside], out: &Out) {
    for k in waiting {
        println!(
            "{}",
            out.paint(Tone::Warn, format!("⚠ {}", out.text(&k.text())))
        );
    }
}

fn list(args: &DeviceListArgs, out: &Out) -> Result<(), Failure> {
    let mut folder = open_folder(&args.dir.dir)?;
    let devices = folder.devices()?;
    let waiting = folder.kept_aside()?;
    let required = folder.enrolment()?.required;
    if args.json {
        let json = json!({
            "enrolment_required": required,
            "devices": devices.iter().map(|d| json!({
                "device": d.device,
                "station": d.station,
                "fingerprint": d.fingerprint(),
                "key": d.key.to_hex(),
            })).collect::<Vec<_>>(),
            "kept_aside": waiting,
        });
        println!(
            "{}",
            serde_json::to_string_pretty(&json).expect("serialises")
        );
        return Ok(());
    }
    if devices.is_empty() {
        println!(
            "{}",
            if required {
                tr!(
                    out,
                    "没有已登记的设备：所有设备的记录都会另外保存，直到登记（photoday device add）",
                    "No device is enrolled: every device's log is kept aside until it is enrolled (photoday device add)"
                )
            } else {
                tr!(
                    out,
                    "还没有登记设备：现在所有签名正确的记录都会合并；登记第一台设备（photoday device add）后，只合并已登记设备的记录",
                    "No device enrolled yet: every correctly sealed log merges; once the first device is enrolled (photoday device add), only enrolled devices' logs do"
                )
            }
        );
    }
    for d in &devices {
        println!("{}  {}  {}", d.station, d.device, d.fingerprint());
    }
    print_waiting(&waiting, out);
    Ok(())
}

fn remove(args: &DeviceRemoveArgs, out: &Out) -> Result<(), Failure> {
    let mut folder = open_folder(&args.dir.dir)?;
    let gone = folder.remove_device(&args.which)?;
    let (name, id) = (&gone.station, &gone.device);
    println!(
        "{}",
        out.paint(
            Tone::Good,
            tr!(
                out,
                "已移除设备“{name}”（{id}）：已合并的记录保留；它之后的记录会另外保存。做一个新资料包发给各手机",
                "Removed “{name}” ({id}): its merged records stay; its logs from now on are kept aside. Make a new scanner bundle for the phones"
            )
        )
    );
    Ok(())
}

fn code(args: &DeviceCodeArgs, out: &Out) -> Result<(), Failure> {
    print_code(&args.device_db, &args.name, args.png.as_deref(), out)
}

/// Prints the enrolment code of the door database `db` under the station name `name`: the text,
/// the fingerprint and the QR code (in the terminal, or as a PNG).
pub fn print_code(db: &Path, name: &str, png: Option<&Path>, out: &Out) -> Result<(), Failure> {
    if let Some(p) = db
        .parent()
        .filter(|p| !p.as_os_str().is_empty() && !p.is_dir())
    {
        return Err(Failure::input(format!("{}: no such folder", p.display())));
    }
    photoday_core::admin::make_private(db)?;
    let scanner = Scanner::open(db)?;
    let code = scanner.enrolment_code(name)?;
    let m = QrMatrix::encode(&code.text())?;
    let (id, fp) = (&code.device, &code.fingerprint);
    println!(
        "{}",
        tr!(
            out,
            "设备登记码（在教务处电脑上运行 photoday device add 加上这段文字或二维码照片）：",
            "Enrolment code (at the 教务处: photoday device add with this text or a photo of the QR):"
        )
    );
    println!("{}", code.text());
    println!(
        "{}",
        out.paint(
            Tone::Bold,
            tr!(out, "设备 {id}，指纹 {fp}", "device {id}, fingerprint {fp}")
        )
    );
    match png {
        Some(path) => {
            std::fs::write(path, m.to_png(8)?).map_err(|e| Failure::write(path, e))?;
            let p = path.display();
            println!("{}", tr!(out, "已写入 {p}", "Wrote {p}"));
        }
        None if out.is_terminal() => print!("{}", m.to_terminal()),
        None => {}
    }
    Ok(())
}
