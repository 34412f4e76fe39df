//! The event key stays private on disk, keys rotate without invalidating passes, and a
//! re-issued pass retires the old one.

use photoday_core::keys::{EventKey, KeyRing, PublicKey};
use photoday_core::pass::{self, PassBody, PassCheck, Revocations};
use photoday_core::Error;

const EVENT: &str = "gzcc-2023";

#[cfg(unix)]
fn set_mode(path: &std::path::Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[cfg(unix)]
fn mode_of(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
#[cfg(unix)]
fn a_saved_key_is_private_and_loads_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("event.key");
    let key = EventKey::generate();
    key.save(&path).unwrap();
    assert_eq!(mode_of(&path), 0o600);
    let loaded = EventKey::load(&path).unwrap();
    assert_eq!(loaded.public(), key.public());
    assert_eq!(loaded.sign(b"same"), key.sign(b"same"));
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("photoday-ed25519-secret-v1\n"));
}

#[test]
#[cfg(unix)]
fn a_key_file_others_can_read_is_refused_with_the_fix() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("event.key");
    EventKey::generate().save(&path).unwrap();
    for mode in [0o644, 0o640, 0o604, 0o660, 0o602] {
        set_mode(&path, mode);
        match EventKey::load(&path) {
            Err(err @ Error::KeyFileTooOpen { mode: m, .. }) => {
                assert_eq!(m, mode);
                let message = err.to_string();
                assert!(message.contains("chmod 600"), "{message}");
            }
            other => panic!("mode {mode:o}: {other:?}"),
        }
    }
    set_mode(&path, 0o400);
    assert!(EventKey::load(&path).is_ok());
}

#[test]
fn an_existing_key_file_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("event.key");
    let first = EventKey::generate();
    first.save(&path).unwrap();
    assert!(EventKey::generate().save(&path).is_err());
    assert_eq!(EventKey::load(&path).unwrap().public(), first.public());
}

#[test]
fn a_file_that_is_not_a_key_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    std::fs::write(&path, "not a key\n").unwrap();
    #[cfg(unix)]
    set_mode(&path, 0o600);
    assert!(matches!(
        EventKey::load(&path),
        Err(Error::BadKeyFile { .. })
    ));
    assert!(matches!(
        EventKey::load(&dir.path().join("missing.key")),
        Err(Error::Io { .. })
    ));
}

#[test]
fn public_keys_are_lower_case_hex_in_json() {
    let key = EventKey::generate().public();
    let json = serde_json::to_string(&key).unwrap();
    assert_eq!(json, format!("\"{}\"", key.to_hex()));
    assert!(key
        .to_hex()
        .chars()
        .all(|c| matches!(c, '0'..='9' | 'a'..='f')));
    assert_eq!(serde_json::from_str::<PublicKey>(&json).unwrap(), key);
    assert!(serde_json::from_str::<PublicKey>("\"00\"").is_err());
    let id = key.key_id();
    assert_eq!(id.to_be_bytes(), {
        use sha2::Digest;
        let d = sha2::Sha256::digest(key.as_bytes());
        [d[0], d[1]]
    });
}

#[test]
fn revoked_passes_are_refused_and_newer_ones_admitted() {
    let key = EventKey::generate();
    let ring = KeyRing::new(vec![key.public()]);
    let issue = |serial| {
        pass::issue(
            &key,
            EVENT,
            &PassBody {
                session_index: 4,
                student_no: 202103010207,
                serial,
            },
        )
        .unwrap()
    };
    let mut revocations = Revocations::new();
    revocations.insert(202103010207, 2);
    revocations.insert(999, 7);
    for serial in [0, 1] {
        assert_eq!(
            pass::verify(&issue(serial), EVENT, &ring, &revocations),
            PassCheck::Revoked {
                student_no: 202103010207,
                serial,
                min_serial: 2,
                session_index: 4
            }
        );
    }
    for serial in [2, 3, u16::MAX] {
        assert!(pass::verify(&issue(serial), EVENT, &ring, &revocations).is_valid());
    }
    // The list survives a bundle round trip.
    let json = serde_json::to_string(&revocations).unwrap();
    let back: Revocations = serde_json::from_str(&json).unwrap();
    assert_eq!(back, revocations);
    assert_eq!(
        back.iter().collect::<Vec<_>>(),
        vec![(999, 7), (202103010207, 2)]
    );
    assert_eq!(back.min_serial(1), None);
}

#[test]
fn after_a_key_rotation_both_keys_validate_while_listed() {
    let old = EventKey::generate();
    let new = EventKey::generate();
    let body = PassBody {
        session_index: 2,
        student_no: 42,
        serial: 0,
    };
    let old_pass = pass::issue(&old, EVENT, &body).unwrap();
    let new_pass = pass::issue(&new, EVENT, &body).unwrap();
    let both = KeyRing::new(vec![old.public(), new.public()]);
    let none = Revocations::new();
    assert!(pass::verify(&old_pass, EVENT, &both, &none).is_valid());
    assert!(pass::verify(&new_pass, EVENT, &both, &none).is_valid());
    let json = serde_json::to_string(&both).unwrap();
    let both: KeyRing = serde_json::from_str(&json).unwrap();
    assert!(pass::verify(&old_pass, EVENT, &both, &none).is_valid());
    // Once the old key is dropped from the ring, its passes are from an unknown key.
    let only_new = KeyRing::new(vec![new.public()]);
    if old.public().key_id() != new.public().key_id() {
        assert_eq!(
            pass::verify(&old_pass, EVENT, &only_new, &none),
            PassCheck::UnknownKey {
                key_id: old.public().key_id()
            }
        );
    }
    assert!(!pass::verify(&old_pass, EVENT, &only_new, &none).is_valid());
}
