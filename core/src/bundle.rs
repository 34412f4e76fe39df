//! Bundles: what the admin laptop hands to phones.
//!
//! Phones have no network, so everything they need arrives as one file: the event, the public keys,
//! the revocation list, and for scanners the roster (student numbers and classes; names only if the
//! 教务处 chooses). A bundle is compressed so 10,000 students fit in a file that travels by WeChat or
//! USB, and signed by the event key so a bundle someone edited on the way — one that adds a key of
//! their own, say — is refused whole. The first bundle a phone imports sets the keys it trusts; a
//! later one must be signed by a key the phone already trusts, for the same event, and newer.
//!
//! Layout: `PDB` | format 1 | kind (1 scanner, 2 student) | key id (2, BE) | payload length (4, BE)
//! | deflated JSON payload | Ed25519 signature (64) over `photoday-bundle-v1\0` and all bytes
//! before it.

use flate2::read::DeflateDecoder;
use flate2::write::DeflateEncoder;
use flate2::Compression;
use serde::{Deserialize, Serialize};
use std::io::{Read, Write};

use crate::error::{Error, Result};
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

/// Packs and signs a bundle with the event key.
pub fn seal(content: &BundleContent, key: &EventKey) -> Result<Vec<u8>> {
    if !content.keys.contains(&key.public()) {
        return Err(Error::Invalid(
            "the signing key must be one of the bundle's keys".into(),
        ));
    }
    let json = serde_json::to_vec(content).map_err(|e| Error::Invalid(e.to_string()))?;
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
    if !signer_ok(&content.key_ring()) {
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

/// The import rules for a phone that may already hold a bundle: same kind, same event (unless
/// `replace_event`), signed by an already trusted key, and newer than the one held.
pub fn accept(
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
