//! A liaison posts one student pack in each class group: `bundle student --by class` writes a
//! signed `学院-班级.photoday` per class that holds the event, the public key and that class's
//! arrival times — no passes, no names, nothing of other classes.

mod common;

use common::{photoday, ready_event};
use photoday_core::admin::EventFolder;
use photoday_core::bundle::{self, BundleKind};

fn names_in(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    names
}

#[test]
fn one_signed_pack_per_class_with_only_that_classs_times() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = ready_event(tmp.path());
    // 王芳 lost her phone: her old pass is revoked, which her class's pack says and no other.
    photoday()
        .args(["passes", "reissue", "2020010002", "--dir"])
        .arg(&dir)
        .assert()
        .success();
    let out = tmp.path().join("packs");
    photoday()
        .args(["bundle", "student", "--by", "class", "--out"])
        .arg(&out)
        .arg("--dir")
        .arg(&dir)
        .assert()
        .success()
        .stdout(predicates::str::contains("Wrote 3 class packs"));
    assert_eq!(
        names_in(&out),
        vec![
            "会计学院-会计1班.photoday",
            "信息技术与工程学院-软件1班.photoday",
            "信息技术与工程学院-软件2班.photoday",
        ]
    );
    let keys = EventFolder::open(&dir).unwrap().key_ring().unwrap();
    let read = |name: &str| {
        let bytes = std::fs::read(out.join(name)).unwrap();
        bundle::open(&bytes, Some(&keys)).unwrap()
    };
    let soft1 = read("信息技术与工程学院-软件1班.photoday");
    assert_eq!(soft1.kind, BundleKind::Student);
    assert!(soft1.students.is_empty() && !soft1.with_names);
    let plan = soft1.plan.unwrap();
    assert_eq!(plan.sessions.len(), 1);
    let classes: Vec<&str> = plan.sessions[0]
        .entries
        .iter()
        .map(|e| e.class.as_str())
        .collect();
    assert_eq!(classes, vec!["软件1班"]);
    assert!(plan.entry_for(1, 2020010001).is_some());
    assert!(
        plan.entry_for(1, 2020010003).is_none(),
        "软件2班 is not in 软件1班's pack"
    );
    assert_eq!(soft1.revocations.len(), 1);
    assert_eq!(soft1.revocations[0].0, 2020010002);
    let soft2 = read("信息技术与工程学院-软件2班.photoday");
    assert!(soft2.revocations.is_empty());
    // The pack is the student bundle the apps already open.
    photoday()
        .args(["bundle", "show", "--json"])
        .arg(out.join("会计学院-会计1班.photoday"))
        .assert()
        .success()
        .stdout(predicates::str::contains("\"kind\": \"student\""));
}

#[test]
fn one_pack_per_college_and_a_clear_refusal_without_a_roster() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = ready_event(tmp.path());
    let out = tmp.path().join("packs");
    photoday()
        .args(["bundle", "student", "--by", "college", "--out"])
        .arg(&out)
        .arg("--dir")
        .arg(&dir)
        .assert()
        .success();
    assert_eq!(
        names_in(&out),
        vec!["会计学院.photoday", "信息技术与工程学院.photoday"]
    );
    let empty = tmp.path().join("empty");
    photoday().arg("init").arg(&empty).assert().success();
    let a = photoday()
        .args(["bundle", "student", "--by", "class", "--out"])
        .arg(tmp.path().join("none"))
        .arg("--dir")
        .arg(&empty)
        .assert()
        .code(2);
    let err = String::from_utf8(a.get_output().stderr.clone()).unwrap();
    assert!(err.contains("roster import"), "{err}");
}
