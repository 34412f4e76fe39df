//! The card a liaison posts in the class group goes into the student's app from the photo album:
//! the student phone reads a real exported card (PNG, and the JPEG for chat apps) with the core's
//! decoder and takes it as the student's pass, and refuses a classmate's card naming both numbers.

mod common;

use common::{event_with_roster, photoday};
use photoday_core::admin::EventFolder;
use photoday_core::bundle::BundleKind;
use photoday_core::student::StudentPhone;
use photoday_core::{Error, Refusal};
use std::path::Path;

const ROSTER: &str = "学号,姓名,学院,年级,班级,已缴费
2020010001,李明,信息技术与工程学院,2020级本科,软件1班,是
2020010002,王芳,信息技术与工程学院,2020级本科,软件1班,否
";

fn export(dir: &Path, out: &Path, jpeg: bool) {
    let mut cmd = photoday();
    cmd.args(["passes", "export", "--format", "cards"]);
    if jpeg {
        cmd.arg("--jpeg");
    }
    cmd.arg("--out")
        .arg(out)
        .arg("--dir")
        .arg(dir)
        .assert()
        .success();
}

fn card(out: &Path, name: &str) -> Vec<u8> {
    std::fs::read(out.join("信息技术与工程学院/软件1班").join(name)).unwrap()
}

#[test]
fn a_students_own_card_from_the_album_is_their_pass_and_a_classmates_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = event_with_roster(tmp.path(), ROSTER);
    let (png, jpg) = (tmp.path().join("png"), tmp.path().join("jpg"));
    export(&dir, &png, false);
    export(&dir, &jpg, true);
    let pack = EventFolder::open(&dir)
        .unwrap()
        .bundle(BundleKind::Student, false, 1_685_000_000_000)
        .unwrap();

    let mut phone = StudentPhone::open(tmp.path().join("student.db")).unwrap();
    phone.import_bundle(&pack).unwrap();
    phone.set_student_no("2020010001").unwrap();
    match phone.import_pass_image(&card(&png, "2020010002-王芳.png")) {
        Err(Error::Told {
            kind: Refusal::NotYourPass,
            text,
        }) => assert!(
            text.zh
                .contains("这是学号 2020010002 的签到码，不是你的（你的学号是 2020010001）"),
            "{}",
            text.zh
        ),
        other => panic!("a classmate's card went in: {other:?}"),
    }
    let from_jpeg = phone
        .import_pass_image(&card(&jpg, "2020010001-李明.jpg"))
        .unwrap();
    assert_eq!(from_jpeg.student_no, 2020010001);
    let from_png = phone
        .import_pass_image(&card(&png, "2020010001-李明.png"))
        .unwrap();
    assert_eq!(from_png, from_jpeg, "the same pass either way");
}
