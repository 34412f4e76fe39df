//! The check-in pass: a signed, 118-character text a student shows at the door as a QR code.
//!
//! A staff phone must decide at the door, with no network, whether a pass is genuine, for this
//! event, and current. So the pass carries exactly what the door needs (session, student number,
//! revision) and an Ed25519 signature by the event key; it carries no name and no ID-card number
//! (PIPL data minimisation: the scanner shows the name from its own roster).
//!
//! Binary layout (76 bytes), then `PD1:` + Base45 (RFC 9285) = 118 characters:
//!
//! | bytes | field |
//! |---|---|
//! | 1 | format version, 1 |
//! | 2 | key id: first 2 bytes of SHA-256(public key), big-endian |
//! | 1 | session index in the event, 1–255 |
//! | 6 | student number, big-endian, at most 14 decimal digits |
//! | 2 | serial: the pass revision, raised on re-issue |
//! | 64 | Ed25519 signature |
//!
//! The signature covers `photoday-pass-v1\0`, the event id's length (8 bytes, big-endian) and
//! bytes, and the 12 bytes above. The context string keeps a pass signature from ever being
//! valid as some other PhotoDay signature (a bundle's, say); the event id binds the pass to one
//! event even if two events were to share a key; the length prefix makes the boundary between
//! event id and body unambiguous. The event id is not *in* the pass: the scanner already knows
//! which event it is checking, so spending QR space on it would only repeat what the signature
//! already proves.
//!
//! Why this shape: Base45 keeps the QR code in alphanumeric mode, so 118 characters fit version 5
//! at ECC M (37×37 modules), and the text survives any scanner that returns text (one letter
//! case, nothing a URL handler would escape or a chat app would turn into a link). The 2-byte
//! key id is the one field a smaller design could drop (a phone holds one or two keys and could
//! try them all); it is kept so a pass from another event is reported as "unknown key" — "you
//! are at the wrong event" — rather than as a forgery, which is what staff need to hear.
//!
//! Parsing is strict and total: exact prefix, exact length, version 1, canonical Base45 (so one
//! pass has exactly one text), `verify_strict`. Any input, of any length or content, yields a
//! [`PassCheck`]; nothing panics (the parser is fuzzed, see `core/fuzz`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::base45;
use crate::error::{Error, Result};
use crate::keys::{EventKey, KeyRing};

/// Every pass text starts with this; the `1` is the format version.
pub const PASS_PREFIX: &str = "PD1:";

/// Length of a pass text: `PD1:` plus 114 Base45 characters.
pub const PASS_TEXT_LEN: usize = PASS_PREFIX.len() + PASS_BYTES / 2 * 3;

/// The largest student number a pass can carry: 14 decimal digits (it also fits in 48 bits).
pub const MAX_STUDENT_NO: u64 = 99_999_999_999_999;

const FORMAT_VERSION: u8 = 1;
const BODY_LEN: usize = 12;
const SIGNATURE_LEN: usize = 64;
const PASS_BYTES: usize = BODY_LEN + SIGNATURE_LEN;
const SIGNATURE_CONTEXT: &[u8] = b"photoday-pass-v1\0";

/// What a pass says: which session the student is booked into, who they are, and which revision
/// of their pass this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PassBody {
    /// The session's position in the event, 1–255 (0 is refused when issuing).
    pub session_index: u8,
    /// The student number (学号) as a number, at most 14 digits. Leading zeros are not stored;
    /// the event gives the display width.
    pub student_no: u64,
    /// The pass revision: 0 for the first pass, raised each time the pass is re-issued so that
    /// older passes can be revoked (see [`Revocations`]).
    pub serial: u16,
}

/// Makes the pass text for one student: `PD1:` + 114 Base45 characters (118 in all).
///
/// `event_id` must be the id the scanners will check against; a pass issued for one event is
/// refused by another event's scanners even if they share a key. The same inputs always give
/// the same text (Ed25519 signatures are deterministic), so re-printing a pass does not change it.
///
/// Fails with [`Error::PassIssue`] for session index 0, a student number of more than 14 digits,
/// or an empty event id.
pub fn issue(key: &EventKey, event_id: &str, body: &PassBody) -> Result<String> {
    if body.session_index == 0 {
        return Err(Error::PassIssue(
            "session index 0 does not exist: sessions are numbered from 1".into(),
        ));
    }
    if body.student_no > MAX_STUDENT_NO {
        return Err(Error::PassIssue(format!(
            "student number {} has {} digits; a pass holds at most 14",
            body.student_no,
            body.student_no.to_string().len()
        )));
    }
    if event_id.is_empty() {
        return Err(Error::PassIssue("the event id is empty".into()));
    }
    let public = key.public();
    let fields = Fields {
        key_id: public.key_id(),
        session_index: body.session_index,
        student_no: body.student_no,
        serial: body.serial,
    };
    let head = fields.to_bytes();
    let signature = key.sign(&signed_message(event_id, &head));
    let mut bytes = [0u8; PASS_BYTES];
    bytes[..BODY_LEN].copy_from_slice(&head);
    bytes[BODY_LEN..].copy_from_slice(&signature);
    let mut text = String::with_capacity(PASS_TEXT_LEN);
    text.push_str(PASS_PREFIX);
    text.push_str(&base45::encode(&bytes));
    debug_assert_eq!(text.len(), PASS_TEXT_LEN);
    Ok(text)
}

/// The revocation list a scanner bundle carries: for each re-issued student, the lowest pass
/// serial still valid. A pass with a lower serial is answered with [`PassCheck::Revoked`].
///
/// Serialised as a map from student number to lowest valid serial.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Revocations {
    min_serial: BTreeMap<u64, u16>,
}

impl Revocations {
    /// An empty list: every correctly signed pass is current.
    pub fn new() -> Self {
        Self::default()
    }

    /// Says that `student_no`'s passes below `min_serial` are no longer valid, replacing any
    /// earlier entry for that student. Returns the earlier entry.
    pub fn insert(&mut self, student_no: u64, min_serial: u16) -> Option<u16> {
        self.min_serial.insert(student_no, min_serial)
    }

    /// The lowest valid serial for this student, if any of their passes were revoked.
    pub fn min_serial(&self, student_no: u64) -> Option<u16> {
        self.min_serial.get(&student_no).copied()
    }

    /// Whether this student's pass with this serial has been replaced by a newer one.
    pub fn is_revoked(&self, student_no: u64, serial: u16) -> bool {
        self.min_serial(student_no).is_some_and(|min| serial < min)
    }

    /// All entries as `(student_no, min_serial)`, ordered by student number.
    pub fn iter(&self) -> impl Iterator<Item = (u64, u16)> + '_ {
        self.min_serial.iter().map(|(s, m)| (*s, *m))
    }

    /// How many students have revoked passes.
    pub fn len(&self) -> usize {
        self.min_serial.len()
    }

    /// Whether no pass has been revoked.
    pub fn is_empty(&self) -> bool {
        self.min_serial.is_empty()
    }
}

/// Why a text is not a pass at all, so the door screen can say something useful.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NotAPassHint {
    /// Nothing was scanned (empty, or only spaces and line breaks).
    Empty,
    /// Probably the student's CHSI 学信网 图像采集码 (photo collection code) instead of their pass:
    /// the two QR codes sit side by side in the app, and students are told to "have the 采集码
    /// ready". Guessed from the shape, since the 采集码's content is an encrypted token whose
    /// format CHSI does not publish: the text mentions `chsi.com`/`chsi.cn`, 学信 or 采集, or is
    /// one unbroken token of 16 or more letters, digits and `+/=_-` (base64/hex/digit-string
    /// shapes) containing at least one digit.
    LooksLikeCollectionCode,
    /// A web link (`http://`, `https://`, `www.`, or any `scheme://`), e.g. a WeChat or
    /// payment QR code.
    LooksLikeUrl,
    /// Some other text that does not start with `PD1:`: another app's QR code, a pass from a
    /// newer PhotoDay (`PD2:`), or a pass whose letters a scanner changed to lower case (a USB
    /// scanner with Caps Lock on types `pd1:`).
    WrongPrefix,
    /// Starts with `PD1:` but the rest is not a well-formed pass: cut short, too long, a
    /// character changed into one Base45 cannot contain, an unknown format version, or fields
    /// out of range. Usually a damaged print or a bad scan: scan again.
    Malformed,
}

/// The verdict on a scanned text. Only [`PassCheck::Valid`] admits; every other variant says why
/// not, in terms staff can act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PassCheck {
    /// Genuine, for this event, and the student's current pass.
    Valid {
        student_no: u64,
        session_index: u8,
        serial: u16,
        key_id: u16,
    },
    /// Well-formed and from a key this phone knows, but the signature does not match: forged or
    /// tampered with, or issued for another event that uses the same key.
    /// `claimed_student_no` is who the pass claims to be, for the staff's information only — it
    /// is not proven.
    BadSignature {
        key_id: u16,
        claimed_student_no: u64,
    },
    /// Signed with a key this phone does not hold: usually a pass for another event (or another
    /// year), or the phone's bundle predates a key rotation.
    UnknownKey { key_id: u16 },
    /// Genuine, but the student has since been issued a newer pass (serial `min_serial` or
    /// higher); the older one must not be used.
    Revoked {
        student_no: u64,
        serial: u16,
        min_serial: u16,
        session_index: u8,
    },
    /// Not a PhotoDay pass; the hint says what it looks like instead.
    NotAPass { hint: NotAPassHint },
}

impl PassCheck {
    /// Whether this verdict admits the student.
    pub fn is_valid(&self) -> bool {
        matches!(self, PassCheck::Valid { .. })
    }
}

/// Checks a scanned text against the event's keys and revocation list.
///
/// Leading and trailing ASCII whitespace (spaces, tabs, CR, LF) is ignored, because USB
/// scanners end what they type with a line break and copy-paste adds spaces. This is safe for
/// Base45's own space character: the last character of a 3-character group is at most `W`, so a
/// version-1 pass never ends in a space. Nothing else is forgiven: no case folding, no other
/// Unicode whitespace, no partial matches.
///
/// Never panics, whatever the input; verification takes well under 100 µs on a laptop.
pub fn verify(text: &str, event_id: &str, keys: &KeyRing, revocations: &Revocations) -> PassCheck {
    let text = text.trim_matches(|c: char| c.is_ascii_whitespace());
    let (fields, head, signature) = match parse(text) {
        Ok(parsed) => parsed,
        Err(hint) => return PassCheck::NotAPass { hint },
    };
    let msg = signed_message(event_id, &head);
    match keys.verify_with_id(fields.key_id, &msg, &signature) {
        None => PassCheck::UnknownKey {
            key_id: fields.key_id,
        },
        Some(false) => PassCheck::BadSignature {
            key_id: fields.key_id,
            claimed_student_no: fields.student_no,
        },
        Some(true) => match revocations.min_serial(fields.student_no) {
            Some(min_serial) if fields.serial < min_serial => PassCheck::Revoked {
                student_no: fields.student_no,
                serial: fields.serial,
                min_serial,
                session_index: fields.session_index,
            },
            _ => PassCheck::Valid {
                student_no: fields.student_no,
                session_index: fields.session_index,
                serial: fields.serial,
                key_id: fields.key_id,
            },
        },
    }
}

/// A pass's signed fields as numbers; the version byte is implied (only version 1 exists).
#[derive(Debug, Clone, Copy)]
struct Fields {
    key_id: u16,
    session_index: u8,
    student_no: u64,
    serial: u16,
}

impl Fields {
    fn to_bytes(self) -> [u8; BODY_LEN] {
        let mut b = [0u8; BODY_LEN];
        b[0] = FORMAT_VERSION;
        b[1..3].copy_from_slice(&self.key_id.to_be_bytes());
        b[3] = self.session_index;
        b[4..10].copy_from_slice(&self.student_no.to_be_bytes()[2..]);
        b[10..12].copy_from_slice(&self.serial.to_be_bytes());
        b
    }
}

type Parsed = (Fields, [u8; BODY_LEN], [u8; SIGNATURE_LEN]);

/// Splits a trimmed text into fields and signature, or says why it is not a pass.
fn parse(text: &str) -> std::result::Result<Parsed, NotAPassHint> {
    let Some(payload) = text.strip_prefix(PASS_PREFIX) else {
        return Err(hint_for(text));
    };
    if text.len() != PASS_TEXT_LEN {
        return Err(NotAPassHint::Malformed);
    }
    let bytes: [u8; PASS_BYTES] = base45::decode(payload)
        .and_then(|b| b.try_into().ok())
        .ok_or(NotAPassHint::Malformed)?;
    let mut head = [0u8; BODY_LEN];
    let mut signature = [0u8; SIGNATURE_LEN];
    head.copy_from_slice(&bytes[..BODY_LEN]);
    signature.copy_from_slice(&bytes[BODY_LEN..]);
    if head[0] != FORMAT_VERSION {
        return Err(NotAPassHint::Malformed);
    }
    let mut student = [0u8; 8];
    student[2..].copy_from_slice(&head[4..10]);
    let fields = Fields {
        key_id: u16::from_be_bytes([head[1], head[2]]),
        session_index: head[3],
        student_no: u64::from_be_bytes(student),
        serial: u16::from_be_bytes([head[10], head[11]]),
    };
    // The issuer never signs these, so they can only come from damage or forgery; calling them
    // malformed spares a signature check.
    if fields.session_index == 0 || fields.student_no > MAX_STUDENT_NO {
        return Err(NotAPassHint::Malformed);
    }
    Ok((fields, head, signature))
}

fn signed_message(event_id: &str, head: &[u8; BODY_LEN]) -> Vec<u8> {
    let id = event_id.as_bytes();
    let mut msg = Vec::with_capacity(SIGNATURE_CONTEXT.len() + 8 + id.len() + BODY_LEN);
    msg.extend_from_slice(SIGNATURE_CONTEXT);
    msg.extend_from_slice(&(id.len() as u64).to_be_bytes());
    msg.extend_from_slice(id);
    msg.extend_from_slice(head);
    msg
}

/// Guesses what a text that does not start with `PD1:` is; see [`NotAPassHint`] for the rules.
fn hint_for(text: &str) -> NotAPassHint {
    if text.is_empty() {
        return NotAPassHint::Empty;
    }
    if mentions_chsi(text) {
        return NotAPassHint::LooksLikeCollectionCode;
    }
    if looks_like_url(text) {
        return NotAPassHint::LooksLikeUrl;
    }
    if looks_like_opaque_token(text) {
        return NotAPassHint::LooksLikeCollectionCode;
    }
    NotAPassHint::WrongPrefix
}

fn mentions_chsi(text: &str) -> bool {
    contains_ignore_ascii_case(text, "chsi.com")
        || contains_ignore_ascii_case(text, "chsi.cn")
        || text.contains("学信")
        || text.contains("采集")
}

fn looks_like_url(text: &str) -> bool {
    let lower_start = |p: &str| {
        text.get(..p.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(p))
    };
    if lower_start("http://") || lower_start("https://") || lower_start("www.") {
        return true;
    }
    // Any `scheme://` (weixin://, alipays://): a scheme is a letter then letters, digits, `+-.`.
    match text.find("://") {
        Some(end) if end > 0 && end <= 32 => {
            let scheme = &text.as_bytes()[..end];
            scheme[0].is_ascii_alphabetic()
                && scheme
                    .iter()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.'))
        }
        _ => false,
    }
}

/// One unbroken run of 16 to 4096 base64/hex/digit characters with at least one digit: the
/// shape of an encrypted token such as the 采集码, and not of words or of a pass.
fn looks_like_opaque_token(text: &str) -> bool {
    (16..=4096).contains(&text.len())
        && text
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'/' | b'=' | b'_' | b'-'))
        && text.bytes().any(|c| c.is_ascii_digit())
}

fn contains_ignore_ascii_case(haystack: &str, needle: &str) -> bool {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    h.len() >= n.len() && h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> (EventKey, KeyRing, String) {
        let key = EventKey::generate();
        let ring = KeyRing::new(vec![key.public()]);
        let body = PassBody {
            session_index: 3,
            student_no: 202_010_250_101,
            serial: 0,
        };
        let text = issue(&key, "gzcc-2023", &body).unwrap();
        (key, ring, text)
    }

    #[test]
    fn a_fresh_pass_is_valid_and_118_characters() {
        let (key, ring, text) = sample();
        assert_eq!(text.len(), PASS_TEXT_LEN);
        assert_eq!(PASS_TEXT_LEN, 118);
        assert_eq!(
            verify(&text, "gzcc-2023", &ring, &Revocations::new()),
            PassCheck::Valid {
                student_no: 202_010_250_101,
                session_index: 3,
                serial: 0,
                key_id: key.public().key_id(),
            }
        );
    }

    #[test]
    fn scanner_line_breaks_are_ignored_but_nothing_else() {
        let (_, ring, text) = sample();
        let r = Revocations::new();
        assert!(verify(&format!("  {text}\r\n"), "gzcc-2023", &ring, &r).is_valid());
        assert!(!verify(&format!("\u{3000}{text}"), "gzcc-2023", &ring, &r).is_valid());
        assert!(!verify(&text.to_lowercase(), "gzcc-2023", &ring, &r).is_valid());
    }

    #[test]
    fn issuing_refuses_out_of_range_fields() {
        let key = EventKey::generate();
        let body = |session_index, student_no| PassBody {
            session_index,
            student_no,
            serial: 1,
        };
        assert!(issue(&key, "e", &body(0, 1)).is_err());
        assert!(issue(&key, "e", &body(1, MAX_STUDENT_NO + 1)).is_err());
        assert!(issue(&key, "", &body(1, 1)).is_err());
        assert!(issue(&key, "e", &body(255, MAX_STUDENT_NO)).is_ok());
    }

    #[test]
    fn hints() {
        use NotAPassHint::*;
        assert_eq!(hint_for(""), Empty);
        assert_eq!(
            hint_for("https://www.chsi.com.cn/xlcx/"),
            LooksLikeCollectionCode
        );
        assert_eq!(hint_for("https://example.com/"), LooksLikeUrl);
        assert_eq!(hint_for("weixin://dl/business/?t=abc"), LooksLikeUrl);
        assert_eq!(
            hint_for("U2FsdGVkX1+vupppZksvRf5pq5g5XjFRlipRkwB0K1Y="),
            LooksLikeCollectionCode
        );
        assert_eq!(hint_for("3f2a9c0d5e6b7a8190ab"), LooksLikeCollectionCode);
        assert_eq!(hint_for("pd1:ABC"), WrongPrefix);
        assert_eq!(hint_for("PD2:ABC"), WrongPrefix);
        assert_eq!(hint_for("hello world"), WrongPrefix);
        assert_eq!(hint_for("ABCDEFGHIJKLMNOPQRSTUVWXYZ"), WrongPrefix);
    }
}
