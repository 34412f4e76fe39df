//! Makes what the 教务处 hands to phones, for the bindings' Kotlin tests on the JVM.
//!
//! The Kotlin tests drive `StudentApp` and `ScannerApp` exactly as the apps do, so they need real
//! signed inputs: an event folder made with the core's admin code (the same the CLI uses), a
//! synthetic roster, the student and scanner bundles, pass texts (valid, for another room,
//! replaced, forged, of another event, of a student missing from the scanner's roster; every pass
//! of session 1 and of the two sessions sharing 一教209 on 6月4日), pass card images of a student
//! and a classmate (as saved to the photo album) and two 采集码 images (readable, blank). Keys are
//! fresh on every run.
//!
//!   cargo run -p photoday-ffi --example kotlin_fixtures -- OUT_DIR
//!
//! OUT_DIR is emptied first. `fixtures.properties` in it lists what is where, in UTF-8.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use photoday_core::admin::EventFolder;
use photoday_core::bundle::BundleKind;
use photoday_core::keys::EventKey;
use photoday_core::pass::{self, PassBody, PASS_PREFIX};
use photoday_core::qr::QrMatrix;
use photoday_core::roster::{Roster, Student};
use photoday_core::{base45, synthetic, time, Event};

/// Students per session in the synthetic roster: three classes of 40 each, so the arrival plan
/// gives the classes different times.
const PER_SESSION: usize = 120;

type Res<T> = Result<T, Box<dyn std::error::Error>>;

fn main() -> Res<()> {
    let out = PathBuf::from(
        std::env::args()
            .nth(1)
            .ok_or("usage: kotlin_fixtures OUT_DIR")?,
    );
    if out.exists() {
        std::fs::remove_dir_all(&out)?;
    }
    std::fs::create_dir_all(&out)?;
    let mut props = BTreeMap::new();

    let event = Event::template("gzcc-2023")?;
    let made_at = time::parse_moment("2023-05-25T10:00:00+08:00", event.utc_offset)
        .ok_or("bad fixture time")?;
    let roster = synthetic::roster(&event, PER_SESSION, 2023);
    let mut session1: Vec<&Student> = roster.in_session(1).collect();
    session1.sort_by_key(|s| s.student_no);
    let it = session1[0];
    let replaced = session1[1];
    // A classmate of `it` whose card lands in the class group too.
    let classmate = session1[2];
    // The first student of the third class: the plan has that class come in after two others.
    let late = *session1
        .iter()
        .find(|s| s.class.ends_with("3班"))
        .ok_or("no third class in session 1")?;
    let accounting = roster.in_session(2).next().ok_or("no session 2")?;
    // Someone with a genuine pass who is missing from the scanner's roster (a late transfer).
    let missing = Student {
        student_no: it.student_no + 900,
        name: "迟到转专业".into(),
        ..it.clone()
    };

    let mut admin = EventFolder::init(&out.join("admin"), "gzcc-2023")?;
    let with_missing = Roster::from_students(
        roster
            .students()
            .cloned()
            .chain(std::iter::once(missing.clone())),
    );
    admin.import_roster(&with_missing)?;
    admin.issue_passes(|_, _| {})?;
    let pass_of = |admin: &mut EventFolder, no: u64| -> Res<String> {
        Ok(admin
            .passes()?
            .into_iter()
            .find(|p| p.student.student_no == no)
            .ok_or("no pass")?
            .text)
    };
    let missing_pass = pass_of(&mut admin, missing.student_no)?;
    admin.import_roster(&roster)?;
    let old_pass = pass_of(&mut admin, replaced.student_no)?;
    // An earlier scanner bundle (bundle no. 1), to replay after the current one.
    write(
        &out,
        "scanner-earlier.bundle",
        &admin.bundle(BundleKind::Scanner, true, made_at)?,
    )?;
    // The pack as it was before the re-issue: a phone that holds the old pass learns from the
    // newer pack (student.bundle) that it was replaced.
    write(
        &out,
        "student-before-reissue.bundle",
        &admin.bundle(BundleKind::Student, false, made_at - 60_000)?,
    )?;
    let new_pass = admin.reissue(replaced.student_no)?.text;

    write(
        &out,
        "student.bundle",
        &admin.bundle(BundleKind::Student, false, made_at)?,
    )?;
    write(
        &out,
        "scanner.bundle",
        &admin.bundle(BundleKind::Scanner, true, made_at)?,
    )?;

    // Session 1 (一教104), and the two colleges that share 一教209 on 6月4日: 管理学院 (session 9,
    // until 14:30) hands over to 国际学院 (session 10).
    for session in [1u8, 9, 10] {
        let mut students: Vec<&Student> = roster.in_session(session).collect();
        students.sort_by_key(|s| s.student_no);
        let mut passes = String::new();
        for s in students {
            let text = pass_of(&mut admin, s.student_no)?;
            writeln!(passes, "{}\t{}\t{}", s.student_no, s.name, text)?;
        }
        write(&out, &format!("session{session}.passes"), passes.as_bytes())?;
    }

    let it_pass = pass_of(&mut admin, it.student_no)?;
    write(&out, "it.pass", it_pass.as_bytes())?;
    write(
        &out,
        "accounting.pass",
        pass_of(&mut admin, accounting.student_no)?.as_bytes(),
    )?;
    write(
        &out,
        "late.pass",
        pass_of(&mut admin, late.student_no)?.as_bytes(),
    )?;
    write(&out, "replaced-old.pass", old_pass.as_bytes())?;
    write(&out, "replaced-new.pass", new_pass.as_bytes())?;
    write(&out, "not-on-roster.pass", missing_pass.as_bytes())?;
    write(&out, "forged.pass", forge(&it_pass)?.as_bytes())?;
    let stranger = EventKey::generate();
    let foreign = pass::issue(
        &stranger,
        &event.id,
        &PassBody {
            session_index: 1,
            student_no: it.student_no,
            serial: 0,
        },
    )?;
    write(&out, "other-event.pass", foreign.as_bytes())?;

    // Pass cards as a student saves them to the photo album: the pass's QR as the core draws it
    // (the CLI's full cards need a CJK font; their QR is the same code). Ours, and a classmate's.
    write(
        &out,
        "it-card.png",
        &QrMatrix::encode(&it_pass)?.to_png(12)?,
    )?;
    let classmate_pass = pass_of(&mut admin, classmate.student_no)?;
    write(
        &out,
        "classmate-card.png",
        &QrMatrix::encode(&classmate_pass)?.to_png(12)?,
    )?;
    write(&out, "classmate.pass", classmate_pass.as_bytes())?;

    // A 采集码 stand-in: CHSI does not publish the format, so any token in a QR code will do.
    let code = QrMatrix::encode("CHSI-CJM-7F3A9C2E51B84D06A1E2")?.to_png(8)?;
    write(&out, "collection-code.png", &code)?;
    write(&out, "blank.png", &blank_png(200)?)?;

    trust_fixtures(&mut admin, &out, &it_pass, &mut props)?;

    // The folder's own id: the template's plus a suffix of its own, so two events never mix.
    props.insert("event.id", admin.event().id.clone());
    props.insert("it.student_no", it.student_no.to_string());
    props.insert("it.name", it.name.clone());
    props.insert("it.class", it.class.clone());
    props.insert("late.class", late.class.clone());
    props.insert("replaced.student_no", replaced.student_no.to_string());
    props.insert("classmate.student_no", classmate.student_no.to_string());
    props.insert("accounting.student_no", accounting.student_no.to_string());
    props.insert("missing.student_no", missing.student_no.to_string());
    props.insert("session1.students", session1.len().to_string());
    props.insert("students", roster.len().to_string());
    let mut text = String::from("# made by bindings/examples/kotlin_fixtures.rs\n");
    for (k, v) in props {
        writeln!(text, "{k}={v}")?;
    }
    write(&out, "fixtures.properties", text.as_bytes())?;
    println!("fixtures for the Kotlin tests in {}", out.display());
    Ok(())
}

/// Trust between devices (made after `scanner.bundle`, which enrols no device, so the other tests'
/// phones still merge each other's logs):
/// - `stranger.log`: a genuine log of a door that is never enrolled, and `forged.log`, the same
///   with one record edited (its checksum recomputed, its seal not);
/// - `enrolled-door.db`: a door database whose device is enrolled, and `enrolled.bundle`, the
///   next scanner bundle, which carries it (from then on only enrolled devices' logs merge);
/// - `rogue.bundle`: a bundle from another folder with the same event id, signed by its own key
///   with the genuine key appended to its event.pub (the attack of issue 14).
fn trust_fixtures(
    admin: &mut EventFolder,
    out: &Path,
    it_pass: &str,
    props: &mut BTreeMap<&'static str, String>,
) -> Res<()> {
    use photoday_core::enrolment::EnrolmentCode;
    use photoday_core::log;
    use photoday_core::scanner::{Role, Scanner};

    let scanner_bundle = std::fs::read(out.join("scanner.bundle"))?;
    let work = out.join("work");
    std::fs::create_dir_all(&work)?;
    let at = time::parse_moment("2023-06-03T10:00:00+08:00", admin.event().utc_offset)
        .ok_or("bad fixture time")?;
    let mut stranger = Scanner::open(work.join("stranger.db"))?;
    stranger.import_bundle(&scanner_bundle)?;
    stranger.set_station("一教104", Role::Door, None)?;
    stranger.scan(it_pass, at)?;
    let log_bytes = stranger.export_log(at)?;
    write(out, "stranger.log", &log_bytes)?;
    let mut forged = log::decode(&log_bytes)?;
    forged.records[0].at_ms += 60_000;
    write(out, "forged.log", &log::encode(&forged))?;
    props.insert(
        "stranger.fingerprint",
        stranger.enrolment_code("x")?.fingerprint,
    );
    props.insert("stranger.device", stranger.device_id().to_string());

    let door = Scanner::open(out.join("enrolled-door.db"))?;
    let code = door.enrolment_code("一教104 门口")?;
    admin.add_device(&EnrolmentCode::parse(&code.text())?, None)?;
    props.insert("enrolled.device", code.device.clone());
    props.insert("enrolled.fingerprint", code.fingerprint.clone());
    drop(door);
    let made_at = time::parse_moment("2023-06-02T18:00:00+08:00", admin.event().utc_offset)
        .ok_or("bad fixture time")?;
    write(
        out,
        "enrolled.bundle",
        &admin.bundle(BundleKind::Scanner, true, made_at)?,
    )?;
    props.insert("event.key_fingerprint", admin.key_fingerprint()?);

    let rogue_dir = work.join("rogue");
    EventFolder::init(&rogue_dir, "gzcc-2023")?;
    std::fs::copy(admin.dir().join("event.toml"), rogue_dir.join("event.toml"))?;
    let mut pubs = std::fs::read_to_string(rogue_dir.join("event.pub"))?;
    pubs.push_str(&std::fs::read_to_string(admin.dir().join("event.pub"))?);
    std::fs::write(rogue_dir.join("event.pub"), pubs)?;
    let mut rogue = EventFolder::open(&rogue_dir)?;
    rogue.import_roster(&synthetic::roster(rogue.event(), 10, 7))?;
    // Numbered far ahead, so only the key can refuse it.
    for _ in 0..50 {
        rogue.next_bundle_counter()?;
    }
    write(
        out,
        "rogue.bundle",
        &rogue.bundle(BundleKind::Scanner, true, made_at)?,
    )?;
    props.insert("rogue.key_fingerprint", rogue.key_fingerprint()?);
    Ok(())
}

/// The same pass claiming another student: one byte of the student number changed, the signature
/// kept, re-encoded canonically. Verifies as a bad signature, not as unreadable text.
fn forge(text: &str) -> Res<String> {
    let mut bytes = base45::decode(&text[PASS_PREFIX.len()..]).ok_or("not a pass")?;
    bytes[9] ^= 0x01;
    Ok(format!("{PASS_PREFIX}{}", base45::encode(&bytes)))
}

/// A white square: a valid PNG with no code in it.
fn blank_png(side: u32) -> Res<Vec<u8>> {
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, side, side);
        enc.set_color(png::ColorType::Grayscale);
        enc.set_depth(png::BitDepth::Eight);
        let mut w = enc.write_header()?;
        w.write_image_data(&vec![255u8; (side * side) as usize])?;
    }
    Ok(out)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> Res<()> {
    std::fs::write(dir.join(name), bytes)?;
    Ok(())
}
