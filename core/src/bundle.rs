//! Bundles: what the admin laptop hands to phones.
//!
//! Phones have no network, so everything they need arrives as one file: the event, the public keys,
//! the revocation list, and for scanners the roster (student numbers and classes; names only if the
//! 教务处 chooses). A bundle is compressed so 10,000 students fit in a file that travels by WeChat or
//! USB, and signed by the event key so a bundle someone edited on the way — one that adds a key of
//! their own, say — is refused whole.
//!
//! The first bundle a phone imports *pins* the key that signed it (the bundle names its signer
//! inside the signed content; staff compare its fingerprint with `photoday event show`). A later
//! bundle of the same event must be signed by the pinned key, or carry a key change signed by it
//! ([`KeyRotation`]); "the same key listed in the bundle" is not enough, since anyone can list the
//! genuine key next to their own. Order is the admin's bundle counter inside the signed content,
//! not a date: a replayed older bundle is refused and the message says which one the phone holds.
//! Students' phones follow the same rules, through [`accept`].
//!
//! Layout: `PDB` | format 1 | kind (1 scanner, 2 student) | key id (2, BE) | payload length (4, BE)
//! | deflated JSON payload | Ed25519 signature (64) over `photoday-bundle-v1\0` and all bytes
//! before it.

use flate2::read::DeflateDecoder;
use flate2::write::DeflateEncoder;
use flate2::Compression;
use serde::{Deserialize, Serialize};
use std::io::{Read, Write};

use crate::enrolment::Enrolment;
use crate::error::{Error, Refusal, Result};
use crate::event::Event;
use crate::keys::{EventKey, KeyRing, PublicKey};
use crate::pass::Revocations;
use crate::plan::Plan;
use crate::roster::{Roster, Student};

const MAGIC: &[u8; 3] = b"PDB";
const FORMAT: u8 = 1;
const HEADER_LEN: usize = 3 + 1 + 1 + 2 + 4;
const SIG_LEN: usize = 64;
const CONTEXT: &[u8] = b"photoday-bundle-v1\0";
const ROTATION_CONTEXT: &[u8] = b"photoday-key-rotation-v1\0";
/// A bundle never unpacks to more than this (a defence against a file crafted to fill the phone).
const MAX_PAYLOAD: u64 = 64 * 1024 * 1024;

/// Who a bundle is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BundleKind {
    /// A staff phone at the door: event, keys, revocations, roster.
    Scanner,
    /// A student's phone: the public event data and keys (to check their own pass).
    Student,
}

impl BundleKind {
    fn byte(self) -> u8 {
        match self {
            BundleKind::Scanner => 1,
            BundleKind::Student => 2,
        }
    }

    /// `scanner` / `student`.
    pub fn name(self) -> &'static str {
        match self {
            BundleKind::Scanner => "scanner",
            BundleKind::Student => "student",
        }
    }
}

/// A roster line as a scanner carries it: no ID number ever, the name only if chosen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleStudent(
    /// Student number.
    pub u64,
    /// Name, or empty when the bundle was made without names.
    pub String,
    /// Class.
    pub String,
    /// Session (1-based).
    pub u8,
);

/// What a bundle carries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BundleContent {
    /// Scanner or student.
    pub kind: BundleKind,
    /// When it was made (Unix ms); a phone only replaces its bundle with a newer one.
    pub made_at_ms: i64,
    /// The event.
    pub event: Event,
    /// Public keys that sign passes (hex).
    pub keys: Vec<PublicKey>,
    /// Student → lowest valid pass serial.
    #[serde(default)]
    pub revocations: Vec<(u64, u16)>,
    /// Roster (scanner bundles); empty for student bundles.
    #[serde(default)]
    pub students: Vec<BundleStudent>,
    /// Whether `students` carries names.
    #[serde(default)]
    pub with_names: bool,
    /// The arrival plan, if the 教务处 made one.
    #[serde(default)]
    pub plan: Option<Plan>,
    /// Whom a phone trusts next: the signer, the bundle's number, the enrolled devices.
    #[serde(default)]
    pub trust: Trust,
}

/// The part of a bundle that says whom to trust. Signed with the rest of the content.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trust {
    /// The key that signed this bundle (set by [`seal`]); the first bundle a phone imports pins
    /// it. `None` only in bundles made before pinning.
    #[serde(default)]
    pub signer: Option<PublicKey>,
    /// The bundle's number in the event folder (+1 for every bundle made); a phone refuses a
    /// lower one. 0 in bundles made before counters (their `made_at_ms` orders them).
    #[serde(default)]
    pub counter: u64,
    /// The devices whose logs phones merge (scanner bundles).
    #[serde(default)]
    pub enrolment: Enrolment,
    /// Key changes, each signed by the key before it, oldest first.
    #[serde(default)]
    pub rotations: Vec<KeyRotation>,
}

/// "The event's bundles are signed by `to` from now on", signed by `from`. A phone that pinned
/// `from` accepts bundles signed by `to` once it sees this statement, and pins `to`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyRotation {
    /// The key before.
    pub from: PublicKey,
    /// The key after.
    pub to: PublicKey,
    /// Ed25519 signature by `from` (hex) over the event id and both keys.
    pub sig: String,
}

impl KeyRotation {
    fn message(event_id: &str, from: &PublicKey, to: &PublicKey) -> Vec<u8> {
        let mut m = Vec::with_capacity(ROTATION_CONTEXT.len() + 8 + event_id.len() + 64);
        m.extend_from_slice(ROTATION_CONTEXT);
        m.extend_from_slice(&(event_id.len() as u64).to_be_bytes());
        m.extend_from_slice(event_id.as_bytes());
        m.extend_from_slice(from.as_bytes());
        m.extend_from_slice(to.as_bytes());
        m
    }

    /// The statement that `old` hands the event over to `new`.
    pub fn sign(event_id: &str, old: &EventKey, new: &PublicKey) -> KeyRotation {
        let from = old.public();
        KeyRotation {
            from,
            to: *new,
            sig: crate::keys::to_hex(&old.sign(&Self::message(event_id, &from, new))),
        }
    }

    /// Whether `from` really signed this statement for this event.
    pub fn verify(&self, event_id: &str) -> bool {
        let Some(sig) = crate::device::hex_to_64(&self.sig) else {
            return false;
        };
        self.from
            .verify_strict(&Self::message(event_id, &self.from, &self.to), &sig)
    }
}

impl BundleContent {
    /// The key ring of the bundle.
    pub fn key_ring(&self) -> KeyRing {
        KeyRing::new(self.keys.clone())
    }

    /// The revocation list.
    pub fn revocation_list(&self) -> Revocations {
        let mut r = Revocations::new();
        for (no, min) in &self.revocations {
            r.insert(*no, *min);
        }
        r
    }

    /// The roster the bundle carries (names empty when made without them).
    pub fn roster(&self) -> Roster {
        Roster::from_students(self.students.iter().map(|s| {
            let college = self
                .event
                .session(s.3)
                .map(|x| x.college.zh.clone())
                .unwrap_or_default();
            Student {
                student_no: s.0,
                name: s.1.clone(),
                college,
                cohort: String::new(),
                class: s.2.clone(),
                paid: false,
                session: s.3,
            }
        }))
    }

    /// Roster lines for a bundle, from the admin's roster.
    pub fn students_from(roster: &Roster, with_names: bool) -> Vec<BundleStudent> {
        roster
            .students()
            .map(|s| {
                BundleStudent(
                    s.student_no,
                    if with_names {
                        s.name.clone()
                    } else {
                        String::new()
                    },
                    s.class.clone(),
                    s.session,
                )
            })
            .collect()
    }
}

/// Packs and signs a bundle with the event key (which it names as the signer inside).
pub fn seal(content: &BundleContent, key: &EventKey) -> Result<Vec<u8>> {
    if !content.keys.contains(&key.public()) {
        return Err(Error::Invalid(
            "the signing key must be one of the bundle's keys".into(),
        ));
    }
    let mut content = content.clone();
    content.trust.signer = Some(key.public());
    let json = serde_json::to_vec(&content).map_err(|e| Error::Invalid(e.to_string()))?;
    let mut enc = DeflateEncoder::new(Vec::new(), Compression::best());
    enc.write_all(&json)
        .map_err(|e| Error::Invalid(e.to_string()))?;
    let payload = enc.finish().map_err(|e| Error::Invalid(e.to_string()))?;
    let mut out = Vec::with_capacity(HEADER_LEN + payload.len() + SIG_LEN);
    out.extend_from_slice(MAGIC);
    out.push(FORMAT);
    out.push(content.kind.byte());
    out.extend_from_slice(&key.public().key_id().to_be_bytes());
    out.extend_from_slice(&(payload.len() as u32).to_be_bytes());
    out.extend_from_slice(&payload);
    let sig = key.sign(&signed_message(&out));
    out.extend_from_slice(&sig);
    Ok(out)
}

fn signed_message(body: &[u8]) -> Vec<u8> {
    let mut m = Vec::with_capacity(CONTEXT.len() + body.len());
    m.extend_from_slice(CONTEXT);
    m.extend_from_slice(body);
    m
}

/// Unpacks a bundle and checks it on its own: shape, size, signature by one of its own keys.
///
/// `trusted` are the keys the phone already trusts for this event (from an earlier bundle): when
/// given, the signer must be one of them. Use [`accept`] for the full import rules.
pub fn open(bytes: &[u8], trusted: Option<&KeyRing>) -> Result<BundleContent> {
    let bad = |m: &str| Err(Error::BadBundle(m.to_string()));
    if bytes.len() < 3 || &bytes[..3] != MAGIC {
        return bad(
            "this file is not a PhotoDay bundle (make one with `photoday bundle scanner|student`)",
        );
    }
    if bytes.len() < HEADER_LEN + SIG_LEN {
        return bad("the file is cut short (truncated); copy the bundle again");
    }
    if bytes[3] != FORMAT {
        return Err(Error::BadBundle(format!(
            "bundle format {} is not known to this version of PhotoDay; update the app",
            bytes[3]
        )));
    }
    let kind = match bytes[4] {
        1 => BundleKind::Scanner,
        2 => BundleKind::Student,
        k => return Err(Error::BadBundle(format!("unknown bundle kind {k}"))),
    };
    let key_id = u16::from_be_bytes([bytes[5], bytes[6]]);
    let len = u32::from_be_bytes([bytes[7], bytes[8], bytes[9], bytes[10]]) as usize;
    let expected = HEADER_LEN + len + SIG_LEN;
    if bytes.len() < expected {
        return Err(Error::BadBundle(format!(
            "the file is cut short ({} of {} bytes); copy the bundle again",
            bytes.len(),
            expected
        )));
    }
    if bytes.len() > expected {
        return Err(Error::BadBundle(format!(
            "the file has {} unexpected bytes at the end; copy the bundle again",
            bytes.len() - expected
        )));
    }
    let body = &bytes[..HEADER_LEN + len];
    let sig: [u8; SIG_LEN] = bytes[HEADER_LEN + len..]
        .try_into()
        .expect("length checked");
    let mut json = Vec::new();
    DeflateDecoder::new(&body[HEADER_LEN..])
        .take(MAX_PAYLOAD + 1)
        .read_to_end(&mut json)
        .map_err(|_| Error::BadBundle("the bundle's content is damaged".into()))?;
    if json.len() as u64 > MAX_PAYLOAD {
        return bad("the bundle unpacks to more than 64 MB; refused");
    }
    let content: BundleContent = serde_json::from_slice(&json)
        .map_err(|e| Error::BadBundle(format!("the bundle's content is damaged ({e})")))?;
    if content.kind != kind {
        return bad("the bundle's header and content disagree; it was tampered with");
    }
    let message = signed_message(body);
    let signer_ok = |ring: &KeyRing| {
        ring.with_id(key_id)
            .any(|k| k.verify_strict(&message, &sig))
    };
    let signed = match content.trust.signer {
        // The named signer, and only it.
        Some(k) => {
            k.key_id() == key_id && content.keys.contains(&k) && k.verify_strict(&message, &sig)
        }
        None => signer_ok(&content.key_ring()),
    };
    if !signed {
        return bad("the bundle's signature does not match its content: it was changed after the 教务处 made it");
    }
    if let Some(trusted) = trusted {
        if !signer_ok(trusted) {
            return bad("the bundle is signed by a key this phone does not trust for this event; ask the 教务处 for a bundle made with the event's key");
        }
    }
    content
        .event
        .validate("bundle")
        .map_err(|e| Error::BadBundle(e.to_string()))?;
    Ok(content)
}

/// The key a phone holding `current` trusts for the event's next bundles: the key that signed
/// it, named inside. `None` for a bundle made before bundles named their signer.
pub fn pinned_key(current: &BundleContent) -> Option<PublicKey> {
    current.trust.signer
}

/// The fingerprint of the key that signed a bundle (for one made before bundles named their
/// signer, of its first key): what staff compare with `photoday event show`.
pub fn signer_fingerprint(content: &BundleContent) -> String {
    content
        .trust
        .signer
        .or_else(|| content.keys.first().copied())
        .map(|k| k.fingerprint())
        .unwrap_or_default()
}

/// How a bundle is named to staff: `no. 5, made 2023-06-02 18:30`.
fn describe(c: &BundleContent) -> (String, String) {
    let when =
        crate::time::format_local_minute(crate::time::to_local(c.event.utc_offset, c.made_at_ms));
    if c.trust.counter > 0 {
        (
            format!("第 {} 号，{when} 生成", c.trust.counter),
            format!("no. {}, made {when}", c.trust.counter),
        )
    } else {
        (format!("{when} 生成"), format!("made {when}"))
    }
}

/// Whether `signer` may follow `pinned`: the same key, or a chain of key changes from the pinned
/// key to it, each signed by the key before (carried in `content`).
fn follows(content: &BundleContent, pinned: &PublicKey, signer: &PublicKey) -> bool {
    let mut at = *pinned;
    for r in &content.trust.rotations {
        if at == *signer {
            break;
        }
        if r.from == at && r.verify(&content.event.id) {
            at = r.to;
        }
    }
    at == *signer
}

/// The import rules for a phone that may already hold a bundle (`current`): same kind, same
/// event (unless `replace_event`), signed by the key the first bundle pinned (or by a key it
/// handed over to), and not older than the one held.
pub fn accept(
    bytes: &[u8],
    want: BundleKind,
    current: Option<&BundleContent>,
    replace_event: bool,
) -> Result<BundleContent> {
    let Some(pinned) = current.filter(|_| !replace_event).and_then(pinned_key) else {
        return legacy_accept(bytes, want, current, replace_event);
    };
    let cur = current.expect("pinned comes from it");
    let content = open(bytes, None)?;
    if content.kind != want {
        return Err(Error::BadBundle(format!(
            "this is a {} bundle; this screen needs a {} bundle",
            content.kind.name(),
            want.name()
        )));
    }
    if content.event.id != cur.event.id {
        return Err(Error::BadBundle(format!(
            "this bundle is for event `{}`, but this phone holds `{}`; finish and export this event first",
            content.event.id, cur.event.id
        )));
    }
    let signer = content.trust.signer;
    if !signer.is_some_and(|s| follows(&content, &pinned, &s)) {
        let theirs = match signer {
            Some(k) => k.fingerprint(),
            // A bundle made before bundles named their signer: its first key.
            None => content.keys[0].fingerprint(),
        };
        let ours = pinned.fingerprint();
        return Err(Error::told(
            Refusal::BadBundle,
            format!("这个资料包由另一把密钥签名（指纹 {theirs}），本机不信任它：本机第一次导入资料包时记下的活动密钥指纹是 {ours}，请与教务处 photoday event show 显示的指纹核对。未作任何改动"),
            format!("this bundle is signed by another key (fingerprint {theirs}); this phone does not trust it: the event key it pinned with its first bundle has fingerprint {ours} — compare with what `photoday event show` prints at the 教务处. Nothing changed"),
        ));
    }
    let older = if content.trust.counter > 0 || cur.trust.counter > 0 {
        content.trust.counter < cur.trust.counter
    } else {
        content.made_at_ms < cur.made_at_ms
    };
    if older {
        let ((new_zh, new_en), (held_zh, held_en)) = (describe(&content), describe(cur));
        return Err(Error::told(
            Refusal::BadBundle,
            format!("这个资料包（{new_zh}）比本机已有的（{held_zh}）旧，未作任何改动；请向教务处要最新的资料包"),
            format!("this bundle ({new_en}) is older than the one already on this phone ({held_en}); nothing changed — ask the 教务处 for their latest bundle"),
        ));
    }
    Ok(content)
}

/// The rules before pinning, for a phone whose held bundle does not name its signer.
fn legacy_accept(
    bytes: &[u8],
    want: BundleKind,
    current: Option<&BundleContent>,
    replace_event: bool,
) -> Result<BundleContent> {
    let trusted = current
        .filter(|_| !replace_event)
        .map(BundleContent::key_ring);
    // Only insist on the old keys when the event stays the same.
    let content = match open(bytes, trusted.as_ref()) {
        Err(Error::BadBundle(m)) if m.contains("does not trust") => {
            let c = open(bytes, None)?;
            if let Some(cur) = current {
                if c.event.id != cur.event.id {
                    return Err(Error::BadBundle(format!(
                        "this bundle is for event `{}`, but this phone holds `{}`; finish and export this event first",
                        c.event.id, cur.event.id
                    )));
                }
            }
            return Err(Error::BadBundle(m));
        }
        other => other?,
    };
    if content.kind != want {
        return Err(Error::BadBundle(format!(
            "this is a {} bundle; this screen needs a {} bundle",
            content.kind.name(),
            want.name()
        )));
    }
    if let (Some(cur), false) = (current, replace_event) {
        if content.event.id != cur.event.id {
            return Err(Error::BadBundle(format!(
                "this bundle is for event `{}`, but this phone holds `{}`; finish and export this event first",
                content.event.id, cur.event.id
            )));
        }
        if content.made_at_ms < cur.made_at_ms {
            return Err(Error::BadBundle(
                "this bundle is older than the one already on this phone; nothing changed".into(),
            ));
        }
    }
    Ok(content)
}
