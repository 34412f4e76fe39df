//! Whatever is scanned at the door — nothing, a 采集码, a link, a newer pass, noise — the answer
//! is a calm "not a pass" with a hint, never a crash.

use photoday_core::keys::{EventKey, KeyRing};
use photoday_core::pass::{self, NotAPassHint, PassBody, PassCheck, Revocations};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

const EVENT: &str = "gzcc-2023";

fn ring() -> (EventKey, KeyRing) {
    let key = EventKey::generate();
    let ring = KeyRing::new(vec![key.public()]);
    (key, ring)
}

fn hint(text: &str, ring: &KeyRing) -> NotAPassHint {
    match pass::verify(text, EVENT, ring, &Revocations::new()) {
        PassCheck::NotAPass { hint } => hint,
        other => panic!("{text:?} gave {other:?}"),
    }
}

fn a_pass(key: &EventKey) -> String {
    let body = PassBody {
        session_index: 1,
        student_no: 202012345678,
        serial: 0,
    };
    pass::issue(key, EVENT, &body).unwrap()
}

#[test]
fn empty_and_blank_scans() {
    let (_, ring) = ring();
    for text in ["", " ", "\r\n", "\t \n"] {
        assert_eq!(hint(text, &ring), NotAPassHint::Empty, "{text:?}");
    }
}

#[test]
fn a_lower_cased_pass_is_not_a_pass() {
    // What a USB scanner types with Caps Lock on.
    let (key, ring) = ring();
    let text = a_pass(&key);
    assert_eq!(hint(&text.to_lowercase(), &ring), NotAPassHint::WrongPrefix);
    // Only the payload lower-cased: the prefix is right, the Base45 is not.
    let half = format!("PD1:{}", text[4..].to_lowercase());
    assert_eq!(hint(&half, &ring), NotAPassHint::Malformed);
}

#[test]
fn wrong_prefix_wrong_length_and_non_base45() {
    let (key, ring) = ring();
    let text = a_pass(&key);
    let payload = &text[4..];
    assert_eq!(
        hint(&format!("PD2:{payload}"), &ring),
        NotAPassHint::WrongPrefix
    );
    assert_eq!(
        hint(&format!("PD1-{payload}"), &ring),
        NotAPassHint::WrongPrefix
    );
    assert_eq!(
        hint(&format!("PD-1:{payload}"), &ring),
        NotAPassHint::WrongPrefix
    );
    assert_eq!(
        hint(&format!("XPD1:{payload}"), &ring),
        NotAPassHint::WrongPrefix
    );
    assert_eq!(hint(&text[..117], &ring), NotAPassHint::Malformed);
    assert_eq!(hint(&format!("{text}0"), &ring), NotAPassHint::Malformed);
    assert_eq!(hint(&format!("{text}000"), &ring), NotAPassHint::Malformed);
    assert_eq!(hint("PD1:", &ring), NotAPassHint::Malformed);
    // Right length, characters outside Base45.
    for bad in ['a', '#', '_', 'é', '\u{0}', '\u{3000}'] {
        let mut forged: String = text.chars().take(60).collect();
        forged.push(bad);
        forged.extend(text.chars().skip(61));
        assert_eq!(hint(&forged, &ring), NotAPassHint::Malformed, "{bad:?}");
    }
    // Right length, every group overflowing ("ZZZ" = 35 + 35·45 + 35·2025 > 65535).
    assert_eq!(
        hint(&format!("PD1:{}", "Z".repeat(114)), &ring),
        NotAPassHint::Malformed
    );
    // Right length, valid Base45, version byte 0.
    let zeros = photoday_core::base45::encode(&[0u8; 76]);
    assert_eq!(
        hint(&format!("PD1:{zeros}"), &ring),
        NotAPassHint::Malformed
    );
}

#[test]
fn an_over_long_scan_is_not_a_pass() {
    let (key, ring) = ring();
    let text = a_pass(&key);
    let megabyte = "A".repeat(1 << 20);
    assert_eq!(hint(&megabyte, &ring), NotAPassHint::WrongPrefix);
    let pass_then_megabyte = format!("{text}{megabyte}");
    assert_eq!(hint(&pass_then_megabyte, &ring), NotAPassHint::Malformed);
    let repeated = text.repeat(10_000);
    assert_eq!(hint(&repeated, &ring), NotAPassHint::Malformed);
}

#[test]
fn collection_codes_and_links_get_their_hint() {
    let (_, ring) = ring();
    for code in [
        // Links into 学信网 (where students fetch the 采集码).
        "https://www.chsi.com.cn/xlcx/bgcx.jsp",
        "HTTPS://MY.CHSI.COM.CN/ARCHIVE/INDEX.JSP",
        // Long opaque tokens: digit strings, hex, base64.
        "12345678901234567890",
        "4f9c2a7be0d14e3a9b8c7d6e5f4a3b2c",
        "q8bX2kLmP0rT5vWz9YcE3hJnA7sDgF1u+/w=",
        // Text that names the system.
        "学信网图像采集码",
    ] {
        assert_eq!(
            hint(code, &ring),
            NotAPassHint::LooksLikeCollectionCode,
            "{code}"
        );
    }
    for url in [
        "https://u.wechat.com/abc",
        "http://example.com",
        "www.gzcc.cn",
        "weixin://wxpay/bizpayurl?pr=abc",
    ] {
        assert_eq!(hint(url, &ring), NotAPassHint::LooksLikeUrl, "{url}");
    }
    for other in [
        "hello",
        "2020123456",
        "Hello, world!",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    ] {
        assert_eq!(hint(other, &ring), NotAPassHint::WrongPrefix, "{other}");
    }
}

#[test]
fn random_bytes_never_panic_and_are_never_valid() {
    let (key, ring) = ring();
    let text = a_pass(&key);
    let mut rng = StdRng::seed_from_u64(45);
    for round in 0..20_000 {
        let len = match round % 4 {
            0 => rng.random_range(0..8),
            1 => rng.random_range(0..200),
            2 => 118,
            _ => rng.random_range(0..4096),
        };
        let mut bytes = vec![0u8; len];
        rng.fill(&mut bytes[..]);
        if round % 8 == 2 {
            // Keep the prefix so the Base45 and length checks are exercised, not only the prefix.
            bytes[..4.min(len)].copy_from_slice(&b"PD1:"[..4.min(len)]);
        }
        if round % 16 == 6 {
            // A valid pass with random bytes spliced in.
            let mut spliced = text.clone().into_bytes();
            let at = rng.random_range(0..spliced.len());
            spliced[at] = rng.random();
            bytes = spliced;
        }
        let lossy = String::from_utf8_lossy(&bytes);
        let verdict = pass::verify(&lossy, EVENT, &ring, &Revocations::new());
        assert!(
            !verdict.is_valid() || lossy.trim_matches(|c: char| c.is_ascii_whitespace()) == text,
            "{lossy:?} gave {verdict:?}"
        );
    }
}
