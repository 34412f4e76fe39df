//! A pass that was changed in any way, signed by another event, or presented to another event
//! is never admitted.

use photoday_core::base45;
use photoday_core::keys::{EventKey, KeyRing};
use photoday_core::pass::{self, NotAPassHint, PassBody, PassCheck, Revocations, PASS_PREFIX};

const EVENT: &str = "gzcc-2023";
const ALPHABET: &str = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

fn issued() -> (EventKey, KeyRing, String) {
    let key = EventKey::generate();
    let ring = KeyRing::new(vec![key.public()]);
    let body = PassBody {
        session_index: 12,
        student_no: 20201025010101,
        serial: 3,
    };
    let text = pass::issue(&key, EVENT, &body).unwrap();
    (key, ring, text)
}

#[test]
fn every_single_bit_flip_is_rejected() {
    let (key, ring, text) = issued();
    let none = Revocations::new();
    let bytes = base45::decode(&text[PASS_PREFIX.len()..]).unwrap();
    assert_eq!(bytes.len(), 76);
    for bit in 0..bytes.len() * 8 {
        let mut flipped = bytes.clone();
        flipped[bit / 8] ^= 0x80 >> (bit % 8);
        let forged = format!("{PASS_PREFIX}{}", base45::encode(&flipped));
        assert_eq!(forged.len(), 118);
        let verdict = pass::verify(&forged, EVENT, &ring, &none);
        let byte = bit / 8;
        match byte {
            // The version byte: no such format.
            0 => assert_eq!(
                verdict,
                PassCheck::NotAPass {
                    hint: NotAPassHint::Malformed
                }
            ),
            // The key id: no listed key has the new id (a one-bit change cannot collide
            // with the only key in the ring).
            1 | 2 => assert_eq!(
                verdict,
                PassCheck::UnknownKey {
                    key_id: u16::from_be_bytes([flipped[1], flipped[2]])
                }
            ),
            // Body or signature: the signature no longer matches (or a field left its range).
            _ => assert!(
                matches!(
                    verdict,
                    PassCheck::BadSignature { key_id, .. } if key_id == key.public().key_id()
                ) || verdict
                    == PassCheck::NotAPass {
                        hint: NotAPassHint::Malformed
                    },
                "bit {bit}: {verdict:?}"
            ),
        }
    }
}

#[test]
fn every_single_character_substitution_is_rejected() {
    let (_, ring, text) = issued();
    let none = Revocations::new();
    let mut checked = 0;
    for (pos, original) in text.char_indices() {
        for replacement in ALPHABET.chars() {
            if replacement == original {
                continue;
            }
            let mut forged = text.clone();
            forged.replace_range(pos..pos + 1, &replacement.to_string());
            let verdict = pass::verify(&forged, EVENT, &ring, &none);
            assert!(
                !matches!(verdict, PassCheck::Valid { .. } | PassCheck::Revoked { .. }),
                "position {pos}: {original:?} -> {replacement:?} gave {verdict:?}"
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 118 * 44);
}

#[test]
fn deleting_or_adding_a_character_is_rejected() {
    let (_, ring, text) = issued();
    let none = Revocations::new();
    for pos in 0..text.len() {
        let mut shorter = text.clone();
        shorter.remove(pos);
        assert!(!pass::verify(&shorter, EVENT, &ring, &none).is_valid());
        for extra in ['0', 'Z', ':'] {
            let mut longer = text.clone();
            longer.insert(pos, extra);
            assert!(!pass::verify(&longer, EVENT, &ring, &none).is_valid());
        }
    }
}

#[test]
fn a_pass_signed_by_another_events_key_is_an_unknown_key() {
    let (key, ring, _) = issued();
    // Key ids are 2 bytes; on the rare collision, make another key so the test means what it says.
    let other = std::iter::repeat_with(EventKey::generate)
        .find(|k| k.public().key_id() != key.public().key_id())
        .unwrap();
    let body = PassBody {
        session_index: 1,
        student_no: 1,
        serial: 0,
    };
    let foreign = pass::issue(&other, "another-university-2023", &body).unwrap();
    assert_eq!(
        pass::verify(&foreign, EVENT, &ring, &Revocations::new()),
        PassCheck::UnknownKey {
            key_id: other.public().key_id()
        }
    );
    // Even with the same event id, another key is unknown.
    let same_id = pass::issue(&other, EVENT, &body).unwrap();
    assert!(matches!(
        pass::verify(&same_id, EVENT, &ring, &Revocations::new()),
        PassCheck::UnknownKey { .. }
    ));
}

#[test]
fn a_key_with_the_same_id_but_another_secret_is_a_bad_signature() {
    // Simulate the 1-in-65536 collision: a forger whose key shares our key id gains nothing.
    let (key, _, _) = issued();
    let body = PassBody {
        session_index: 12,
        student_no: 20201025010101,
        serial: 3,
    };
    let other = EventKey::generate();
    let forged = pass::issue(&other, EVENT, &body).unwrap();
    let mut bytes = base45::decode(&forged[PASS_PREFIX.len()..]).unwrap();
    bytes[1..3].copy_from_slice(&key.public().key_id().to_be_bytes());
    let forged = format!("{PASS_PREFIX}{}", base45::encode(&bytes));
    let ring = KeyRing::new(vec![key.public()]);
    assert_eq!(
        pass::verify(&forged, EVENT, &ring, &Revocations::new()),
        PassCheck::BadSignature {
            key_id: key.public().key_id(),
            claimed_student_no: 20201025010101
        }
    );
}

#[test]
fn the_same_key_under_another_event_id_is_a_bad_signature() {
    let (key, ring, text) = issued();
    for other_event in ["gzcc-2024", "gzcc-2023 ", "GZCC-2023", "", "gzcc-2023\0"] {
        assert_eq!(
            pass::verify(&text, other_event, &ring, &Revocations::new()),
            PassCheck::BadSignature {
                key_id: key.public().key_id(),
                claimed_student_no: 20201025010101
            },
            "event id {other_event:?}"
        );
    }
}
