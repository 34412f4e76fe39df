//! What a staff phone is handed, recognised by content: the chat app renamed the bundle, the
//! other phone's log arrives as a file, as QR codes on its screen, or as a photo of one code.

mod common;

use photoday_core::admin::EventFolder;
use photoday_core::bundle::BundleKind;
use photoday_core::incoming::{recognise, Incoming, StaffImport};
use photoday_core::qr::QrMatrix;
use photoday_core::scanner::{Role, Scanner};
use photoday_core::time::parse_moment;
use photoday_core::{Error, Refusal};

fn setup() -> (tempfile::TempDir, EventFolder, Vec<String>) {
    let (dir, folder, passes) = common::event_folder(30, 5);
    let session1 = passes
        .into_iter()
        .filter(|p| p.1 == 1)
        .map(|p| p.2)
        .collect();
    (dir, folder, session1)
}

fn phone(dir: &tempfile::TempDir, folder: &mut EventFolder, name: &str) -> Scanner {
    let mut s = Scanner::open(dir.path().join(name)).unwrap();
    let bundle = folder.bundle(BundleKind::Scanner, true, 1).unwrap();
    assert!(matches!(
        s.import_any(&bundle).unwrap(),
        StaffImport::Bundle(_)
    ));
    s.set_station("一教104", Role::Door, None).unwrap();
    s
}

#[test]
fn content_not_the_file_name_says_what_a_file_is() {
    let (_dir, mut folder, passes) = setup();
    let scanner = folder.bundle(BundleKind::Scanner, true, 1).unwrap();
    let student = folder.bundle(BundleKind::Student, false, 1).unwrap();
    assert_eq!(recognise(&scanner), Incoming::ScannerBundle);
    assert_eq!(recognise(&student), Incoming::StudentBundle);
    let with_bom = format!("\u{feff}{}\r\n", passes[0]);
    assert_eq!(
        recognise(with_bom.as_bytes()),
        Incoming::Pass(passes[0].clone())
    );
    let png = QrMatrix::encode(&passes[0]).unwrap().to_png(4).unwrap();
    assert_eq!(recognise(&png), Incoming::Image);
    assert_eq!(recognise(b"hello"), Incoming::Unknown);
}

#[test]
fn a_staff_phone_refuses_the_student_pack_and_a_pass_with_what_to_do_instead() {
    let (dir, mut folder, passes) = setup();
    let mut s = Scanner::open(dir.path().join("door.db")).unwrap();
    let student = folder.bundle(BundleKind::Student, false, 1).unwrap();
    let err = s.import_any(&student).unwrap_err();
    assert!(
        err.text().zh.contains("给学生的数据包"),
        "{}",
        err.text().zh
    );
    let err = s.import_any(passes[0].as_bytes()).unwrap_err();
    assert!(err.text().zh.contains("扫描它"), "{}", err.text().zh);
    let scanner = folder.bundle(BundleKind::Scanner, true, 1).unwrap();
    let err = s.import_any(&scanner[..scanner.len() / 2]).unwrap_err();
    assert!(matches!(err, Error::BadBundle(_)), "{err}");
    assert!(s.event().is_none(), "nothing was imported");
}

#[test]
fn a_log_arrives_as_a_file_as_codes_or_as_a_photo_of_a_code_and_a_finished_one_does_not_block_the_next(
) {
    let (dir, mut folder, passes) = setup();
    let t = parse_moment("2023-06-03 09:40", folder.event().utc_offset).unwrap();
    let mut a = phone(&dir, &mut folder, "a.db");
    let mut b = phone(&dir, &mut folder, "b.db");
    let mut c = phone(&dir, &mut folder, "c.db");
    for (k, p) in passes.iter().take(20).enumerate() {
        a.scan(p, t + k as i64 * 10_000).unwrap();
    }
    b.scan(&passes[25], t).unwrap();
    let codes_a = a.export_log_qr(t + 300_000).unwrap();
    let codes_b = b.export_log_qr(t + 300_000).unwrap();
    assert!(codes_a.len() >= 2, "{} codes", codes_a.len());

    // Half of A's codes, then B's phone comes along: refused by kind, until C abandons A's.
    let first = c.import_any(codes_a[0].as_bytes()).unwrap();
    assert!(first.text().zh.contains(&format!("1/{}", codes_a.len())));
    let err = c.import_any(codes_b[0].as_bytes()).unwrap_err();
    assert!(
        matches!(
            err,
            Error::Told {
                kind: Refusal::LogCodeOtherSequence,
                ..
            }
        ),
        "{err}"
    );
    assert_eq!(c.abandon_log_qr(), 1);
    // B's codes, the first as a photo of B's screen.
    let photo = QrMatrix::encode(&codes_b[0]).unwrap().to_png(3).unwrap();
    let mut last = c.import_any(&photo).unwrap();
    for code in &codes_b[1..] {
        last = c.import_any(code.as_bytes()).unwrap();
    }
    assert!(
        matches!(&last, StaffImport::LogCode { merged: Some(m), .. } if m.added >= 1),
        "{last:?}"
    );
    // B's last code still on B's screen: recognised as done, and A's codes go through now.
    let again = c.import_any(codes_b[0].as_bytes()).unwrap();
    assert!(again.text().zh.contains("已经收过"), "{:?}", again.text());
    let mut merged = None;
    for code in &codes_a {
        if let StaffImport::LogCode {
            merged: Some(m), ..
        } = c.import_any(code.as_bytes()).unwrap()
        {
            merged = Some(m);
        }
    }
    assert_eq!(
        merged.expect("A's log merged").added,
        20,
        "A's twenty check-ins"
    );
    // And as a file, again: nothing new.
    let file = a.export_log(t + 400_000).unwrap();
    let StaffImport::Log(again) = c.import_any(&file).unwrap() else {
        panic!()
    };
    assert_eq!(again.added, 0);
}

#[test]
fn a_students_phone_takes_the_pack_the_pass_or_the_card_picture_by_content_and_refuses_staff_files()
{
    use photoday_core::incoming::StudentImport;
    use photoday_core::student::StudentPhone;
    let (dir, mut folder, passes) = setup();
    let mut phone = StudentPhone::open(dir.path().join("student.db")).unwrap();
    let staff = folder.bundle(BundleKind::Scanner, true, 1).unwrap();
    let err = phone.import_any(&staff).unwrap_err();
    assert!(
        err.text().zh.contains("工作人员用的文件"),
        "{}",
        err.text().zh
    );
    let pack = folder.bundle(BundleKind::Student, false, 2).unwrap();
    let done = phone.import_any(&pack).unwrap();
    assert!(matches!(done, StudentImport::Pack(_)));
    assert!(done.text().zh.starts_with("已导入"), "{:?}", done.text());
    // The card saved from the chat, as a picture.
    let card = QrMatrix::encode(&passes[0]).unwrap().to_png(6).unwrap();
    let done = phone.import_any(&card).unwrap();
    let StudentImport::Pass(p) = &done else {
        panic!("{done:?}")
    };
    assert!(done.text().zh.contains(&p.student_no.to_string()));
    // The same pass pasted as text from a chat (BOM and line break included) is the same pass.
    let pasted = format!("\u{feff}{}\r\n", passes[0]);
    assert!(matches!(
        phone.import_any(pasted.as_bytes()).unwrap(),
        StudentImport::Pass(_)
    ));
}
