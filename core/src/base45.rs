//! Base45 (RFC 9285), the text form of a pass.
//!
//! A pass is binary (a signature is 64 random-looking bytes), but it travels as text: through a
//! QR code read by the phone's own scanner, a USB scanner typing into a terminal, or a chat
//! message. Base45's 45 characters are exactly the QR alphanumeric set, so the QR code uses the
//! compact alphanumeric mode (5.5 bits per character instead of 8 for base64 in byte mode) and no
//! scanner has lower-case letters or punctuation to mangle.
//!
//! Decoding is strict: the RFC lets a lenient decoder accept chunks whose value overflows, which
//! would give one pass several spellings. Here every byte string has exactly one text, so "the
//! same pass scanned twice" can be recognised by comparing texts, and a changed character is
//! never silently accepted.

/// The 45 characters, in value order (RFC 9285 §4).
const ALPHABET: &[u8; 45] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

/// Maps an input byte to its value, or `INVALID`. Built at compile time so decoding is a table
/// lookup per character.
const INVALID: u8 = 0xFF;
const DECODE: [u8; 256] = {
    let mut table = [INVALID; 256];
    let mut i = 0;
    while i < ALPHABET.len() {
        table[ALPHABET[i] as usize] = i as u8;
        i += 1;
    }
    table
};

/// Encodes bytes as Base45: every 2 bytes become 3 characters, a final odd byte becomes 2.
///
/// The output contains only `0-9`, `A-Z`, space and `$%*+-./:`.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(2) * 3);
    let mut chunks = bytes.chunks_exact(2);
    for pair in &mut chunks {
        let mut n = (u32::from(pair[0]) << 8) | u32::from(pair[1]);
        for _ in 0..3 {
            out.push(ALPHABET[(n % 45) as usize] as char);
            n /= 45;
        }
    }
    if let [last] = chunks.remainder() {
        let n = u32::from(*last);
        out.push(ALPHABET[(n % 45) as usize] as char);
        out.push(ALPHABET[(n / 45) as usize] as char);
    }
    out
}

/// Decodes Base45 text, or returns `None` if it is not the canonical encoding of some bytes.
///
/// Refused: any character outside the alphabet (including lower-case letters), a length that
/// leaves one character over (`len % 3 == 1`), a 3-character group worth more than 65535 and a
/// final 2-character group worth more than 255. Because of these checks `encode(decode(s)) == s`
/// whenever `decode(s)` succeeds.
pub fn decode(s: &str) -> Option<Vec<u8>> {
    let input = s.as_bytes();
    if input.len() % 3 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(input.len() / 3 * 2 + 1);
    let mut chunks = input.chunks_exact(3);
    for group in &mut chunks {
        let n = value(group[0])? + value(group[1])? * 45 + value(group[2])? * 45 * 45;
        if n > 0xFFFF {
            return None;
        }
        out.push((n >> 8) as u8);
        out.push(n as u8);
    }
    if let [c, d] = chunks.remainder() {
        let n = value(*c)? + value(*d)? * 45;
        if n > 0xFF {
            return None;
        }
        out.push(n as u8);
    }
    Some(out)
}

fn value(c: u8) -> Option<u32> {
    match DECODE[c as usize] {
        INVALID => None,
        v => Some(u32::from(v)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_9285_examples() {
        assert_eq!(encode(b"AB"), "BB8");
        assert_eq!(encode(b"Hello!!"), "%69 VD92EX0");
        assert_eq!(encode(b"base-45"), "UJCLQE7W581");
        assert_eq!(encode(b"ietf!"), "QED8WEX0");
        assert_eq!(decode("QED8WEX0").as_deref(), Some(&b"ietf!"[..]));
        assert_eq!(decode("%69 VD92EX0").as_deref(), Some(&b"Hello!!"[..]));
        assert_eq!(encode(b""), "");
        assert_eq!(decode("").as_deref(), Some(&b""[..]));
    }

    #[test]
    fn overflowing_and_foreign_input_is_refused() {
        // "GGW" = 16 + 16*45 + 32*2025 = 65536: one past the largest 2-byte value.
        assert_eq!(decode("GGW"), None);
        assert_eq!(decode("FGW").as_deref(), Some(&[0xFF, 0xFF][..]));
        // "U5" = 30 + 5*45 = 255 is the largest 1-byte value, "V5" is 256.
        assert_eq!(decode("U5").as_deref(), Some(&[0xFF][..]));
        assert_eq!(decode("V5"), None);
        assert_eq!(decode("A"), None);
        assert_eq!(decode("BBBB"), None);
        assert_eq!(decode("bb8"), None);
        assert_eq!(decode("BB\u{e9}"), None);
        assert_eq!(decode("B\u{1F600}"), None);
    }

    #[test]
    fn every_byte_pair_round_trips() {
        for n in 0..=0xFFFFu32 {
            let bytes = [(n >> 8) as u8, n as u8];
            let text = encode(&bytes);
            assert_eq!(decode(&text).as_deref(), Some(&bytes[..]));
        }
        for b in 0..=255u8 {
            assert_eq!(decode(&encode(&[b])).as_deref(), Some(&[b][..]));
        }
    }
}
