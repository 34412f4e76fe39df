//! Trust between devices, tried as an attacker with a laptop and a stolen door phone would: every
//! forged log is refused whole and nothing already stored changes; genuine logs relayed phone to
//! phone still verify.

use photoday_core::admin::EventFolder;
use photoday_core::bundle::BundleKind;
use photoday_core::device;
use photoday_core::keys::EventKey;
use photoday_core::log::{self, Action, LogFile, Record, Via};
use photoday_core::scanner::{Role, Scanner};
use photoday_core::synthetic;
use photoday_core::Error;

struct Event {
    folder: EventFolder,
    bundle: Vec<u8>,
    passes: Vec<(u64, String)>,
    dir: tempfile::TempDir,
}

fn event() -> Event {
    let dir = tempfile::tempdir().unwrap();
    let mut folder = EventFolder::init(&dir.path().join("event"), "gzcc-2023").unwrap();
    let roster = synthetic::roster(folder.event(), 10, 3);
    folder.import_roster(&roster).unwrap();
    folder.issue_passes(|_, _| {}).unwrap();
    let passes = folder
        .passes()
        .unwrap()
        .into_iter()
        .filter(|p| p.student.session == 1)
        .map(|p| (p.student.student_no, p.text))
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
