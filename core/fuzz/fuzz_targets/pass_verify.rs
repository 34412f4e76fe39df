//! Fuzzes the door's first contact with untrusted text: `pass::verify` and `base45::decode`.
//!
//! Checks more than "no panic": Base45 decoding is canonical (what decodes re-encodes to the same
//! text), and nothing but the one genuine pass is ever `Valid`. Inputs starting with byte 0xA5
//! are edits applied to a genuine pass, so the fuzzer spends time next to the one valid text
//! instead of only on noise.

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use photoday_core::base45;
use photoday_core::keys::{EventKey, KeyRing};
use photoday_core::pass::{self, PassBody, PassCheck, Revocations};

const EVENT: &str = "gzcc-2023";

struct Door {
    ring: KeyRing,
    revocations: Revocations,
    genuine: String,
}

fn door() -> &'static Door {
    static DOOR: OnceLock<Door> = OnceLock::new();
    DOOR.get_or_init(|| {
        let key = EventKey::generate();
        let body = PassBody {
            session_index: 3,
            student_no: 202010250101,
            serial: 2,
        };
        let mut revocations = Revocations::new();
        revocations.insert(202010250101, 1);
        Door {
            ring: KeyRing::new(vec![EventKey::generate().public(), key.public()]),
            revocations,
            genuine: pass::issue(&key, EVENT, &body).unwrap(),
        }
    })
}

fn check(text: &str) {
    let door = door();
    if let Some(bytes) = base45::decode(text) {
        assert_eq!(
            base45::encode(&bytes),
            text,
            "Base45 decoding must be canonical"
        );
    }
    let verdict = pass::verify(text, EVENT, &door.ring, &door.revocations);
    if let PassCheck::Valid { .. } | PassCheck::Revoked { .. } = verdict {
        assert_eq!(
            text.trim_matches(|c: char| c.is_ascii_whitespace()),
            door.genuine,
            "only the genuine pass may verify"
        );
    }
}

fuzz_target!(|data: &[u8]| {
    match data.split_first() {
        Some((0xA5, edits)) => {
            // Each 2-byte edit: position in the pass, new byte.
            let mut text = door().genuine.clone().into_bytes();
            for edit in edits.chunks_exact(2) {
                let at = usize::from(edit[0]) % text.len();
                text[at] = edit[1];
            }
            check(&String::from_utf8_lossy(&text));
        }
        _ => check(&String::from_utf8_lossy(data)),
    }
});
