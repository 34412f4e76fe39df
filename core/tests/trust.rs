//! Trust between devices, tried as an attacker with a laptop and a stolen door phone would: every
//! forged log is refused whole and nothing already stored changes; genuine logs relayed phone to
//! phone still verify.

mod common;

use photoday_core::admin::{DeviceAdded, EventFolder};
use photoday_core::bundle::BundleKind;
use photoday_core::device;
use photoday_core::enrolment::EnrolmentCode;
use photoday_core::keys::EventKey;
use photoday_core::log::{self, Action, LogFile, Record, Via};
use photoday_core::scanner::{Role, Scanner};
use photoday_core::student::StudentPhone;
use photoday_core::synthetic;
use photoday_core::Error;

struct Event {
    folder: EventFolder,
    bundle: Vec<u8>,
    passes: Vec<(u64, String)>,
    dir: tempfile::TempDir,
}

fn event() -> Event {
    let (dir, mut folder, passes) = common::event_folder(10, 3);
    let passes = passes
        .into_iter()
        .filter(|p| p.1 == 1)
        .map(|p| (p.0, p.2))
        .collect();
    let bundle = folder.bundle(BundleKind::Scanner, true, 1).unwrap();
    Event {
        folder,
        bundle,
        passes,
        dir,
    }
}

impl Event {
    fn phone(&self, name: &str) -> Scanner {
        let mut s = Scanner::open(self.dir.path().join(name)).unwrap();
        s.import_bundle(&self.bundle).unwrap();
        s.set_station("一教104", Role::Both, None).unwrap();
        s.set_check_code(false).unwrap();
        s
    }

    fn at(&self, hhmm: &str) -> i64 {
        photoday_core::time::parse_moment(
            &format!("2023-06-03 {hhmm}"),
            self.folder.event().utc_offset,
        )
        .unwrap()
    }
}

/// An attacker's log: `records` sealed with `sign_with`'s key (under the attacker's own id,
/// then claimed for the device the records name), announcing `keys`.
fn forged_log(
    event_id: &str,
    keys: &[(&str, &EventKey)],
    records: Vec<Record>,
    sign_with: &EventKey,
) -> Vec<u8> {
    let own = device::device_id(&sign_with.public());
    let relabelled: Vec<Record> = records
        .iter()
        .map(|r| Record {
            device: own.clone(),
            ..r.clone()
        })
        .collect();
    let mut seal = device::seal(sign_with, event_id, &relabelled).unwrap();
    seal.device = records[0].device.clone();
    if seal.device != own {
        // The chain is over the records as they claim to be.
        let real: Vec<&Record> = records.iter().collect();
        seal.head = hex(&device::chain(real));
    }
    log::encode(&LogFile {
        event_id: event_id.to_string(),
        from_device: "laptop".into(),
        exported_at_ms: 0,
        device_keys: keys
            .iter()
            .map(|(id, k)| (id.to_string(), k.public()))
            .collect(),
        seals: vec![seal],
        records,
    })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn number(device: &str, seq: u64, student_no: u64, photo_seq: u32, at_ms: i64) -> Record {
    Record {
        device: device.to_string(),
        seq,
        at_ms,
        session: 1,
        action: Action::Number {
            student_no,
            photo_seq,
            lane: None,
            batch: 1,
            via: Via::Pass,
            serial: Some(0),
            reason: None,
            door_unseen: false,
        },
    }
}

#[test]
fn a_record_under_another_phones_id_is_refused_and_nothing_changes() {
    let ev = event();
    let id = ev.folder.event().id.clone();
    let mut real = ev.phone("real.db");
    let t = ev.at("10:00");
    real.scan(&ev.passes[0].1, t).unwrap();
    let mut admin = ev.phone("admin.db");
    admin.import_log(&real.export_log(t).unwrap()).unwrap();
    let before = admin.records().unwrap();

    let attacker = EventKey::generate();
    let victim = real.device_id().to_string();
    // A student who never came, "numbered" by the real phone; the attacker's key announced
    // under the real phone's id, or not announced at all.
    let fake = number(&victim, 2, ev.passes[5].0, 2, t + 60_000);
    for keys in [vec![(victim.as_str(), &attacker)], vec![]] {
        let bytes = forged_log(&id, &keys, vec![fake.clone()], &attacker);
        let err = admin.import_log(&bytes).unwrap_err();
        assert!(matches!(err, Error::BadLog(_)), "{err}");
        assert_eq!(admin.records().unwrap(), before, "nothing stored changed");
    }
    // The real phone's next genuine record, at that very sequence number, still merges.
    real.scan(&ev.passes[1].1, t + 90_000).unwrap();
    let ok = admin.import_log(&real.export_log(t).unwrap()).unwrap();
    assert!(ok.added >= 1);
}

#[test]
fn an_edited_record_with_a_recomputed_checksum_is_refused() {
    let ev = event();
    let mut real = ev.phone("real.db");
    let t = ev.at("10:00");
    real.scan(&ev.passes[0].1, t).unwrap();
    let mut decoded = log::decode(&real.export_log(t).unwrap()).unwrap();
    // Re-point the admission at another student; encode() recomputes the SHA-256 as the
    // attacker's twenty lines of Python would.
    if let Action::Number { student_no, .. } = &mut decoded.records[0].action {
        *student_no = ev.passes[7].0;
    }
    let edited = log::encode(&decoded);
    let mut other = ev.phone("other.db");
    let err = other.import_log(&edited).unwrap_err();
    assert!(
        err.to_string().contains("do not match their device's seal"),
        "{err}"
    );
    assert!(other.records().unwrap().is_empty());
}

#[test]
fn an_undo_of_someone_elses_admission_cancels_nothing() {
    let ev = event();
    let id = ev.folder.event().id.clone();
    let mut real = ev.phone("real.db");
    let t = ev.at("10:00");
    let out = real.scan(&ev.passes[0].1, t).unwrap();
    let target = out.record_seq.unwrap();
    let mut admin = ev.phone("admin.db");
    admin.import_log(&real.export_log(t).unwrap()).unwrap();
    let attacker = EventKey::generate();
    let attacker_id = device::device_id(&attacker.public());
    let undo = |device: &str, seq: u64| Record {
        device: device.to_string(),
        seq,
        at_ms: t + 1_000,
        session: 1,
        action: Action::Undo {
            target_seq: target,
            student_no: ev.passes[0].0,
        },
    };
    // Under the real phone's id: refused.
    let bytes = forged_log(&id, &[], vec![undo(real.device_id(), 99)], &attacker);
    assert!(admin.import_log(&bytes).is_err());
    // Under the attacker's own (valid) id: stored as the attacker's record, but an undo only
    // ever cancels its own device's record, so the real admission stands.
    let bytes = forged_log(
        &id,
        &[(attacker_id.as_str(), &attacker)],
        vec![undo(&attacker_id, 1)],
        &attacker,
    );
    admin.import_log(&bytes).unwrap();
    let a = admin.attendance().unwrap();
    assert_eq!(a.sessions[0].numbered, 1);
}

#[test]
fn a_log_relayed_phone_to_phone_to_the_laptop_verifies_and_a_foreign_events_does_not() {
    let ev = event();
    let mut a = ev.phone("a.db");
    let mut b = ev.phone("b.db");
    let t = ev.at("10:00");
    a.scan(&ev.passes[0].1, t).unwrap();
    b.scan(&ev.passes[1].1, t).unwrap();
    b.import_log(&a.export_log(t).unwrap()).unwrap();
    // B relays A's records (with A's own signatures and key) to the 教务处's laptop.
    let mut folder = EventFolder::open(&ev.dir.path().join("event")).unwrap();
    let s = folder.import_log(&b.export_log(t).unwrap()).unwrap();
    assert_eq!(s.devices.len(), 2);
    assert_eq!(folder.attendance().unwrap().sessions[0].numbered, 2);
    // And the laptop's merged log goes on to a third phone.
    let mut c = ev.phone("c.db");
    c.import_log(&folder.export_log(t).unwrap()).unwrap();
    assert_eq!(c.records().unwrap().len(), a.records().unwrap().len() + 1);

    // Another event made from the same template has its own id: its logs are refused.
    let other = event();
    assert_ne!(other.folder.event().id, ev.folder.event().id);
    assert!(other.folder.event().id.starts_with("gzcc-2023-"));
    let mut stranger = other.phone("x.db");
    stranger.scan(&other.passes[0].1, t).unwrap();
    let err = folder
        .import_log(&stranger.export_log(t).unwrap())
        .unwrap_err();
    assert!(err.to_string().contains("from event"), "{err}");
}

#[test]
fn the_event_id_cannot_change_once_passes_exist() {
    let ev = event();
    let path = ev.dir.path().join("event/event.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let id = ev.folder.event().id.clone();
    std::fs::write(&path, text.replace(&id, "gzcc-2023")).unwrap();
    let err = match EventFolder::open(&ev.dir.path().join("event")) {
        Err(e) => e.to_string(),
        Ok(_) => panic!("a changed event id was accepted after passes were issued"),
    };
    assert!(err.contains(&format!("id = \"{id}\"")), "{err}");
}

#[test]
fn the_admin_voids_a_record_by_device_and_sequence_and_every_phone_agrees() {
    let ev = event();
    let mut studio = ev.phone("studio.db");
    let t = ev.at("10:00");
    let out = studio.scan(&ev.passes[0].1, t).unwrap();
    let seq = out.record_seq.unwrap();
    let mut folder = EventFolder::open(&ev.dir.path().join("event")).unwrap();
    folder.import_log(&studio.export_log(t).unwrap()).unwrap();
    assert_eq!(folder.attendance().unwrap().sessions[0].numbered, 1);
    // A void needs a reason and a record the folder holds.
    let device = studio.device_id().to_string();
    assert!(folder.void_record(&device, seq, " ", t).is_err());
    assert!(folder.void_record(&device, 999, "拍错了人", t).is_err());
    let void = folder
        .void_record(&device, seq, "拍错了人 / wrong student", t + 60_000)
        .unwrap();
    let a = folder.attendance().unwrap();
    assert_eq!(a.sessions[0].numbered, 0);
    assert_eq!(a.voids.len(), 1);
    assert_eq!(
        (a.voids[0].by.as_str(), a.voids[0].reason.as_str()),
        (void.device.as_str(), "拍错了人 / wrong student")
    );
    assert!(
        folder.void_record(&device, seq, "again", t).is_err(),
        "void twice"
    );
    // The void is a signed record like any other: the phone merges it and agrees.
    let s = studio.import_log(&folder.export_log(t).unwrap()).unwrap();
    assert_eq!(s.added, 1);
    assert_eq!(studio.attendance().unwrap().sessions[0].numbered, 0);
    // A photographed student whose number the 教务处 voids (a retake) is back on the 补拍 list
    // and is numbered anew.
    studio.set_check_code(false).unwrap();
    let shot = studio.scan(&ev.passes[2].1, t + 100_000).unwrap();
    studio.close_batch(t + 110_000).unwrap();
    folder.import_log(&studio.export_log(t).unwrap()).unwrap();
    assert_eq!(folder.attendance().unwrap().sessions[0].photographed, 1);
    folder
        .void_record(&device, shot.record_seq.unwrap(), "retake", t + 115_000)
        .unwrap();
    assert_eq!(folder.attendance().unwrap().sessions[0].photographed, 0);
    studio.import_log(&folder.export_log(t).unwrap()).unwrap();
    let again = studio.scan(&ev.passes[2].1, t + 118_000).unwrap();
    assert_eq!(again.verdict.name(), "numbered");
    // A phone voids its own records at any time, even after the undo window.
    let out = studio.scan(&ev.passes[1].1, t + 120_000).unwrap();
    let late = t + 60 * 60_000;
    assert!(studio.undo(out.record_seq.unwrap(), late).is_err());
    studio
        .void_own(
            out.record_seq.unwrap(),
            "number given to the wrong student",
            late,
        )
        .unwrap();
    // Only the retaken student still holds a number.
    assert_eq!(studio.attendance().unwrap().sessions[0].numbered, 1);
}

/// A phone with its own database, no bundle yet (to show its enrolment code first).
fn bare_phone(ev: &Event, name: &str) -> Scanner {
    Scanner::open(ev.dir.path().join(name)).unwrap()
}

/// Sets a phone up for the room once it holds a bundle.
fn station(s: &mut Scanner) {
    s.set_station("一教104", Role::Both, None).unwrap();
    s.set_check_code(false).unwrap();
}

fn enrol(folder: &mut EventFolder, phone: &Scanner, name: &str) -> DeviceAdded {
    let code = phone.enrolment_code(name).unwrap();
    folder
        .add_device(&EnrolmentCode::parse(&code.text()).unwrap(), None)
        .unwrap()
}

#[test]
fn a_device_shows_its_enrolment_code_and_the_next_bundle_names_it_by_station() {
    let mut ev = event();
    let phone = bare_phone(&ev, "door.db");
    let code = phone.enrolment_code("一教104 门口").unwrap();
    assert_eq!(code.device, phone.device_id());
    assert_eq!(
        code.fingerprint.replace('-', "").to_lowercase(),
        code.device
    );
    assert!(code.text().contains(&code.fingerprint) && code.text().ends_with("一教104 门口"));
    let added = enrol(&mut ev.folder, &phone, "一教104 门口");
    assert_eq!(added.device.station, "一教104 门口");
    assert_eq!(ev.folder.devices().unwrap().len(), 1);
    // A second device may not take the same name; the same device may be renamed.
    let other = bare_phone(&ev, "other.db");
    let clash = other.enrolment_code("一教104 门口").unwrap();
    assert!(ev.folder.add_device(&clash, None).is_err());
    let renamed = ev.folder.add_device(&code, Some("一教104 门口 1")).unwrap();
    assert_eq!(renamed.renamed_from.as_deref(), Some("一教104 门口"));
    assert_eq!(
        ev.folder.device_label(phone.device_id()).unwrap(),
        format!("一教104 门口 1 ({})", phone.device_id())
    );
    // The next scanner bundle carries it (and the 教务处's laptop); phones name it by station.
    let bytes = ev.folder.bundle(BundleKind::Scanner, true, 2).unwrap();
    let mut door = phone;
    door.import_bundle(&bytes).unwrap();
    let carried = &door.bundle().unwrap().trust.enrolment;
    assert!(carried.required);
    assert_eq!(carried.devices.len(), 2);
    assert_eq!(
        door.device_label(door.device_id()),
        format!("一教104 门口 1 ({})", door.device_id())
    );
    // Removed by name: enrolment stays on, so its later logs are kept aside.
    ev.folder.remove_device("一教104 门口 1").unwrap();
    assert!(ev.folder.devices().unwrap().is_empty());
    assert!(ev.folder.enrolment().unwrap().required);
    assert!(ev.folder.remove_device("nobody").is_err());
}

#[test]
fn an_unknown_devices_log_is_kept_aside_and_merged_after_device_add() {
    let mut ev = event();
    let t = ev.at("10:00");
    let mut known = bare_phone(&ev, "known.db");
    let mut stranger = bare_phone(&ev, "stranger.db");
    enrol(&mut ev.folder, &known, "一教104 门口");
    let bundle = ev.folder.bundle(BundleKind::Scanner, true, 2).unwrap();
    known.import_bundle(&bundle).unwrap();
    stranger.import_bundle(&bundle).unwrap();
    station(&mut known);
    station(&mut stranger);
    known.scan(&ev.passes[0].1, t).unwrap();
    stranger.scan(&ev.passes[1].1, t).unwrap();
    let stranger_log = stranger.export_log(t).unwrap();

    // The laptop: the stranger's log is kept aside, with its id and fingerprint, twice = once.
    let s = ev.folder.import_log(&stranger_log).unwrap();
    assert_eq!(s.added, 0);
    assert_eq!(s.kept_aside.len(), 1);
    assert_eq!(s.kept_aside[0].device, stranger.device_id());
    let fp = stranger.enrolment_code("x").unwrap().fingerprint;
    assert_eq!(s.kept_aside[0].fingerprint, fp);
    assert!(s
        .warnings
        .iter()
        .any(|w| w.en.contains("photoday device add") && w.en.contains(&fp)));
    ev.folder.import_log(&stranger_log).unwrap();
    assert_eq!(ev.folder.kept_aside().unwrap()[0].records, 1);
    assert_eq!(ev.folder.attendance().unwrap().sessions[0].numbered, 0);
    // The enrolled phone keeps the stranger's log aside too, so it does not relay it: its own
    // log carries its own records only.
    let s = known.import_log(&stranger_log).unwrap();
    assert_eq!((s.added, s.kept_aside.len()), (0, 1));
    let relayed = ev.folder.import_log(&known.export_log(t).unwrap()).unwrap();
    assert_eq!((relayed.added, relayed.kept_aside.len()), (1, 0));
    assert_eq!(ev.folder.attendance().unwrap().sessions[0].numbered, 1);

    // Enrolled: everything kept aside merges, once.
    let added = enrol(&mut ev.folder, &stranger, "一教104 摄影室");
    assert_eq!(added.merged.added, 1);
    assert!(added.merged.kept_aside.is_empty());
    assert!(ev.folder.kept_aside().unwrap().is_empty());
    assert_eq!(ev.folder.attendance().unwrap().sessions[0].numbered, 2);
    assert_eq!(ev.folder.merge_aside().unwrap().added, 0, "idempotent");

    // The enrolled phone kept the stranger's records aside too, until a bundle enrols it.
    assert_eq!(known.attendance().unwrap().sessions[0].numbered, 1);
    assert_eq!(known.kept_aside().unwrap().len(), 1);
    let newer = ev.folder.bundle(BundleKind::Scanner, true, 3).unwrap();
    let s = known.import_bundle(&newer).unwrap();
    assert_eq!(s.merged_from_aside, 1);
    assert!(known.kept_aside().unwrap().is_empty());
    assert_eq!(known.attendance().unwrap().sessions[0].numbered, 2);
}

#[test]
fn a_forged_log_of_an_unknown_device_is_refused_not_kept_aside() {
    let mut ev = event();
    let t = ev.at("10:00");
    let mut known = bare_phone(&ev, "known.db");
    enrol(&mut ev.folder, &known, "一教104 门口");
    let mut stranger = ev.phone("stranger.db");
    stranger.scan(&ev.passes[1].1, t).unwrap();
    let mut decoded = log::decode(&stranger.export_log(t).unwrap()).unwrap();
    decoded.records[0].at_ms += 1;
    let forged = log::encode(&decoded);
    let err = ev.folder.import_log(&forged).unwrap_err();
    assert!(matches!(err, Error::BadLog(_)), "{err}");
    assert!(ev.folder.kept_aside().unwrap().is_empty());
    let bundle = ev.folder.bundle(BundleKind::Scanner, true, 2).unwrap();
    known.import_bundle(&bundle).unwrap();
    assert!(known.import_log(&forged).is_err());
    assert!(known.kept_aside().unwrap().is_empty());
}

#[test]
fn an_event_where_no_device_was_enrolled_merges_every_sealed_log() {
    let mut ev = event();
    let t = ev.at("10:00");
    let mut a = ev.phone("a.db");
    a.scan(&ev.passes[0].1, t).unwrap();
    assert!(!ev.folder.enrolment().unwrap().required);
    let s = ev.folder.import_log(&a.export_log(t).unwrap()).unwrap();
    assert_eq!((s.added, s.kept_aside.len()), (1, 0));
}

#[test]
fn a_replayed_older_bundle_is_refused_saying_which_one_the_phone_holds() {
    let mut ev = event();
    let first = ev.bundle.clone();
    let second = ev.folder.bundle(BundleKind::Scanner, true, 2).unwrap();
    let mut door = bare_phone(&ev, "door.db");
    let s = door.import_bundle(&second).unwrap();
    assert_eq!(s.counter, 2);
    // The counter orders bundles, whatever their dates say.
    let err = door.import_bundle(&first).unwrap_err();
    let text = err.text();
    assert!(
        text.en.contains("no. 1") && text.en.contains("no. 2"),
        "{}",
        text.en
    );
    assert!(
        text.zh.contains("第 1 号") && text.zh.contains("第 2 号"),
        "{}",
        text.zh
    );
    assert_eq!(door.bundle().unwrap().trust.counter, 2, "nothing changed");
    // The same bundle again is fine; a newer one replaces it.
    door.import_bundle(&second).unwrap();
    let third = ev.folder.bundle(BundleKind::Scanner, true, 0).unwrap();
    assert_eq!(door.import_bundle(&third).unwrap().counter, 3);

    // Students' phones follow the same rule.
    let earlier = ev.folder.bundle(BundleKind::Student, false, 6).unwrap();
    let later = ev.folder.bundle(BundleKind::Student, false, 5).unwrap();
    let mut student = StudentPhone::open(ev.dir.path().join("student.db")).unwrap();
    student.import_bundle(&later).unwrap();
    let err = student.import_bundle(&earlier).unwrap_err();
    assert!(err.to_string().contains("older"), "{err}");
}

#[test]
fn the_first_bundle_pins_the_event_key_and_a_rogue_one_with_the_genuine_key_appended_is_refused() {
    let ev = event();
    let genuine_dir = ev.dir.path().join("event");
    let genuine_fp = ev.folder.key_fingerprint().unwrap();
    // An attacker's folder: the genuine event.toml (same id), its own key, and the genuine
    // public key appended to its event.pub.
    let rogue_dir = ev.dir.path().join("rogue");
    EventFolder::init(&rogue_dir, "gzcc-2023").unwrap();
    std::fs::copy(genuine_dir.join("event.toml"), rogue_dir.join("event.toml")).unwrap();
    let genuine_pub = std::fs::read_to_string(genuine_dir.join("event.pub")).unwrap();
    let mut pubs = std::fs::read_to_string(rogue_dir.join("event.pub")).unwrap();
    pubs.push_str(&genuine_pub);
    std::fs::write(rogue_dir.join("event.pub"), pubs).unwrap();
    let mut rogue = EventFolder::open(&rogue_dir).unwrap();
    assert_eq!(rogue.event().id, ev.folder.event().id);
    rogue
        .import_roster(&synthetic::roster(rogue.event(), 10, 3))
        .unwrap();
    let rogue_bundle = rogue.bundle(BundleKind::Scanner, true, 99).unwrap();

    // After the genuine bundle: refused, naming both fingerprints; nothing changed.
    let mut door = bare_phone(&ev, "door.db");
    let s = door.import_bundle(&ev.bundle).unwrap();
    assert_eq!(s.key_fingerprint, genuine_fp);
    let err = door.import_bundle(&rogue_bundle).unwrap_err();
    let text = err.text();
    assert!(text.en.contains("signed by another key"), "{}", text.en);
    assert!(text.en.contains(&genuine_fp), "{}", text.en);
    assert_eq!(door.bundle().unwrap().trust.counter, 1);

    // A rogue *first* bundle is accepted (nothing to compare with yet), but its fingerprint is
    // not the one `photoday event show` prints, and then the genuine bundle is refused loudly.
    let mut fooled = bare_phone(&ev, "fooled.db");
    let s = fooled.import_bundle(&rogue_bundle).unwrap();
    assert_ne!(s.key_fingerprint, genuine_fp);
    assert_eq!(s.key_fingerprint, rogue.key_fingerprint().unwrap());
    assert!(fooled.import_bundle(&ev.bundle).is_err());
}

#[test]
fn a_key_change_signed_by_the_pinned_key_is_followed_and_old_passes_stay_valid() {
    let mut ev = event();
    let mut door = ev.phone("door.db");
    let old_fp = ev.folder.key_fingerprint().unwrap();
    let new_fp = ev.folder.rotate_key().unwrap();
    assert_ne!(old_fp, new_fp);
    assert_eq!(ev.folder.key_fingerprint().unwrap(), new_fp);
    let next = ev.folder.bundle(BundleKind::Scanner, true, 2).unwrap();
    let s = door.import_bundle(&next).unwrap();
    assert_eq!(s.key_fingerprint, new_fp);
    // A pass signed by the old key still admits.
    let out = door.scan(&ev.passes[0].1, ev.at("10:00")).unwrap();
    assert_eq!(out.verdict.name(), "numbered");
    // A bundle without the statement, signed by a key the phone never pinned, is refused.
    let mut content = ev
        .folder
        .bundle_content(BundleKind::Scanner, true, 3)
        .unwrap();
    content.trust.rotations.clear();
    content.trust.counter = 9;
    let stranger = EventKey::generate();
    content.keys.push(stranger.public());
    let forged = photoday_core::bundle::seal(&content, &stranger).unwrap();
    assert!(door.import_bundle(&forged).is_err());
}

#[test]
fn a_student_already_in_is_told_by_the_station_name_not_a_hex_id() {
    let mut ev = event();
    let t = ev.at("10:00");
    let a = bare_phone(&ev, "a.db");
    let b = bare_phone(&ev, "b.db");
    enrol(&mut ev.folder, &a, "一教104 门口 A");
    enrol(&mut ev.folder, &b, "一教104 门口 B");
    let bytes = ev.folder.bundle(BundleKind::Scanner, true, 2).unwrap();
    let (mut a, mut b) = (a, b);
    for p in [&mut a, &mut b] {
        p.import_bundle(&bytes).unwrap();
        p.set_station("一教104", Role::Door, None).unwrap();
    }
    a.scan(&ev.passes[0].1, t).unwrap();
    let log = a.export_log(t + 1_000).unwrap();
    b.import_log(&log).unwrap();
    let out = b.scan(&ev.passes[0].1, t + 60_000).unwrap();
    assert!(
        matches!(&out.verdict, photoday_core::door::Verdict::AlreadyCheckedIn { device_name, .. } if device_name == "一教104 门口 A"),
        "{out:?}"
    );
    assert!(
        out.detail.zh.contains("“一教104 门口 A”"),
        "{}",
        out.detail.zh
    );
    assert!(!out.detail.zh.contains(a.device_id()), "{}", out.detail.zh);
}

#[test]
fn the_conflicts_on_an_attendance_screen_name_the_studio_phones_by_station() {
    let mut ev = event();
    let t = ev.at("10:00");
    let a = bare_phone(&ev, "a.db");
    let b = bare_phone(&ev, "b.db");
    enrol(&mut ev.folder, &a, "一教104 摄影室 A");
    enrol(&mut ev.folder, &b, "一教104 摄影室 B");
    let bytes = ev.folder.bundle(BundleKind::Scanner, true, 2).unwrap();
    let (mut a, mut b) = (a, b);
    for (p, lane) in [(&mut a, 'A'), (&mut b, 'B')] {
        p.import_bundle(&bytes).unwrap();
        p.set_station("一教104", Role::Studio, Some(lane)).unwrap();
        p.set_check_code(false).unwrap();
    }
    // The same student numbered on both studio phones (they had not swapped logs yet).
    a.scan(&ev.passes[0].1, t).unwrap();
    b.scan(&ev.passes[0].1, t + 30_000).unwrap();
    let log = b.export_log(t + 60_000).unwrap();
    a.import_log(&log).unwrap();
    let att = a.attendance().unwrap();
    let advice = att.duplicates[0].advice();
    assert!(advice.zh.contains("一教104 摄影室 B"), "{advice:?}");
    assert!(!advice.zh.contains(b.device_id()), "{advice:?}");
    ev.folder.import_log(&log).unwrap();
    ev.folder
        .import_log(&a.export_log(t + 90_000).unwrap())
        .unwrap();
    let admin = ev.folder.attendance().unwrap();
    assert!(admin.duplicates[0].void[0].device_name == "一教104 摄影室 B");
}
