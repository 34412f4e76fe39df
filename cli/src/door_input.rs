//! The laptop door's guard rails, kept apart from the door loop in `commands/scan.rs`.
//!
//! A laptop door must not make a mess of the 教务处's files or admit a pass the folder already
//! revoked: its database is never the event's `photoday.db` ([`door_database`] refuses it before
//! anything opens it); arguments are checked before a database is created
//! ([`check_before_open`]); the database is private (0600) because the bundle carries names; its
//! bundle is refreshed when the event folder changed since it was made, or, for a separate door
//! database, a warning says so ([`keep_bundle_current`]); and one line of input is capped
//! ([`read_line_capped`]) so a runaway scanner or a pasted file cannot grow the process without
//! bound.

use photoday_core::admin::{self, DatabaseRole, DoorBundleState, DB_FILE, EVENT_FILE};
use photoday_core::bundle::{self, BundleKind};
use photoday_core::event::Event;
use photoday_core::scanner::Scanner;
use serde_json::json;
use std::io::BufRead;
use std::path::{Path, PathBuf};

use crate::commands::{clock_now, open_folder};
use crate::failure::Failure;
use crate::output::{Out, Tone};
use crate::tr;

/// Longest line the door reads. A pass is 118 characters, a typed student number 14, a staff
/// command with its reason well under this; anything longer is not something to judge.
pub const MAX_LINE_BYTES: usize = 1024;

/// `--device-db`: any path except an event folder's own database (clap calls this before the
/// command runs, so nothing is written to the wrong file).
pub fn door_database(arg: &str) -> Result<PathBuf, String> {
    let path = PathBuf::from(arg);
    let is_folder_db = path.file_name().is_some_and(|n| n == DB_FILE)
        && path
            .parent()
            .map(|p| {
                if p.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    p
                }
            })
            .is_some_and(|p| p.join(EVENT_FILE).exists());
    let role = admin::database_role(&path).map_err(|e| e.to_string())?;
    if is_folder_db || role == Some(DatabaseRole::Admin) {
        return Err(format!(
            "{arg} is an event folder's database (roster, passes, merged logs), not a door's; give a door database such as door.db, or leave --device-db out to use scanner.db in --dir"
        ));
    }
    Ok(path)
}

/// Checks what can be checked before the door database `db` is created: the event a new
/// database would get (from `bundle_file`, else the event folder `dir`) and, with
/// `check_station`, that the room or session asked for is in it. Then creates the database file
/// private (0600), or makes an existing one private.
pub fn check_before_open(
    db: &Path,
    bundle_file: Option<&Path>,
    dir: &Path,
    check_station: impl FnOnce(&Event) -> Result<(), Failure>,
) -> Result<(), Failure> {
    if !db.exists() {
        let event = match bundle_file {
            Some(path) => {
                let bytes = std::fs::read(path).map_err(|e| Failure::read(path, e))?;
                bundle::open(&bytes, None)?.event
            }
            None => {
                let toml = dir.join(EVENT_FILE);
                if !toml.exists() {
                    return Err(Failure::input(format!(
                        "{} has no scanner bundle yet and {} is not an event folder (no {EVENT_FILE}; `photoday init` makes one); give --bundle FILE or --dir EVENT_FOLDER",
                        db.display(),
                        dir.display()
                    )));
                }
                Event::load(&toml)?
            }
        };
        check_station(&event)?;
    }
    let folder_exists = match db.parent() {
        None => true,
        Some(p) => p.as_os_str().is_empty() || p.is_dir(),
    };
    if folder_exists {
        admin::make_private(db)?;
    }
    Ok(())
}

/// After the door database is open: when its bundle no longer says what the event folder `dir`
/// says (a roster import, `passes issue`, `passes reissue` since), the folder's own door
/// database is given a fresh bundle and the staff are told; a separate door database
/// (`separate_db`, from `--device-db`) is only warned about, with the command that refreshes it.
/// Nothing is done when `--bundle` chose the bundle (`bundle_given`).
pub fn keep_bundle_current(
    scanner: &mut Scanner,
    bundle_given: bool,
    separate_db: Option<&Path>,
    dir: &Path,
    out: &Out,
    json: bool,
) -> Result<(), Failure> {
    if bundle_given || !dir.join(EVENT_FILE).exists() {
        return Ok(());
    }
    let Some(held) = scanner.bundle().cloned() else {
        return Ok(());
    };
    let mut folder = open_folder(dir)?;
    if folder.door_bundle_state(&held)? != DoorBundleState::Stale {
        return Ok(());
    }
    let Some(separate_db) = separate_db else {
        let bytes = folder.bundle(BundleKind::Scanner, held.with_names, clock_now())?;
        let s = scanner.import_bundle(&bytes)?;
        let revoked = scanner
            .bundle()
            .map(|b| b.revocations.len())
            .unwrap_or_default();
        let n = s.students;
        if !json {
            println!(
                "{}",
                out.paint(
                    Tone::Warn,
                    tr!(
                        out,
                        "活动文件夹在上次生成门口资料包后有变动（名单、签到码或作废）：已更新资料包，{n}名学生，{revoked}个旧签到码作废",
                        "The event folder changed since this door's bundle was made (roster, passes or revocations): refreshed it — {n} students, {revoked} superseded passes refused"
                    )
                )
            );
        } else {
            println!(
                "{}",
                json!({"action": "bundle_refreshed", "students": n, "revoked": revoked})
            );
        }
        return Ok(());
    };
    let (db, dir) = (separate_db.display().to_string(), dir.display().to_string());
    let message = tr!(
        out,
        "⚠ {db} 的门口资料包比活动文件夹 {dir} 旧（之后导入过名单或重发过签到码）：已作废的签到码在这里仍会被放行。更新：photoday bundle scanner --with-names --dir {dir} --out door.photoday，再用 --bundle door.photoday 运行 scan",
        "⚠ the bundle in {db} is older than the event folder {dir} (a roster import or a reissued pass since): passes revoked since are still admitted here. Refresh it: photoday bundle scanner --with-names --dir {dir} --out door.photoday, then scan with --bundle door.photoday"
    );
    if json {
        println!("{}", json!({"action": "bundle_stale", "warning": message}));
    } else {
        eprintln!("{}", out.paint_err(Tone::Warn, message));
    }
    Ok(())
}

/// Reads one line into `buf` (cleared first), keeping at most [`MAX_LINE_BYTES`]. Returns the
/// bytes consumed (0 at the end of input) and, for a longer line, how many bytes it had — that
/// line is dropped whole (`buf` left empty) and the memory used stays bounded.
pub fn read_line_capped(
    input: &mut impl BufRead,
    buf: &mut Vec<u8>,
) -> std::io::Result<(usize, usize)> {
    buf.clear();
    let (mut consumed, mut too_long) = (0usize, false);
    loop {
        let (used, done) = {
            let avail = match input.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if avail.is_empty() {
                break;
            }
            let (chunk, done) = match avail.iter().position(|b| *b == b'\n') {
                Some(i) => (&avail[..=i], true),
                None => (avail, false),
            };
            if !too_long && buf.len() + chunk.len() <= MAX_LINE_BYTES {
                buf.extend_from_slice(chunk);
            } else {
                too_long = true;
                buf.clear();
            }
            (chunk.len(), done)
        };
        input.consume(used);
        consumed += used;
        if done {
            break;
        }
    }
    Ok((consumed, if too_long { consumed } else { 0 }))
}

/// Tells the staff a line was too long and ignored (nothing recorded).
pub fn report_long_line(line: u64, bytes: usize, out: &Out, json: bool) {
    let max = MAX_LINE_BYTES;
    let message = tr!(
        out,
        "第{line}行有 {bytes} 字节，超过 {max} 字节（签到码只有 118 个字符），已忽略，没有记录",
        "line {line}: {bytes} bytes, longer than {max} (a pass is 118 characters): ignored, nothing recorded"
    );
    if json {
        println!(
            "{}",
            json!({"line": line, "error": message, "ignored_bytes": bytes})
        );
    } else {
        eprintln!("{}", out.paint_err(Tone::Warn, message));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_huge_line_is_dropped_whole_and_the_next_line_is_read() {
        let mut text = vec![b'A'; 5 * 1024 * 1024];
        text.push(b'\n');
        text.extend_from_slice(b"2020010001\n");
        let mut input = std::io::BufReader::with_capacity(8192, &text[..]);
        let mut buf = Vec::new();
        let (n, ignored) = read_line_capped(&mut input, &mut buf).unwrap();
        assert_eq!((n, ignored), (5 * 1024 * 1024 + 1, 5 * 1024 * 1024 + 1));
        assert!(buf.is_empty() && buf.capacity() <= 2 * MAX_LINE_BYTES + 8192);
        let (n, ignored) = read_line_capped(&mut input, &mut buf).unwrap();
        assert_eq!((n, ignored), (11, 0));
        assert_eq!(buf, b"2020010001\n");
        assert_eq!(read_line_capped(&mut input, &mut buf).unwrap(), (0, 0));
    }

    #[test]
    fn a_pass_length_line_without_a_newline_at_the_end_is_read() {
        let pass = "PD1:".to_string() + &"A".repeat(114);
        let mut input = std::io::BufReader::new(pass.as_bytes());
        let mut buf = Vec::new();
        assert_eq!(read_line_capped(&mut input, &mut buf).unwrap(), (118, 0));
        assert_eq!(buf, pass.as_bytes());
    }
}
