//! The event's signing keys: who may issue passes, and how phones recognise them.
//!
//! Each event has one Ed25519 key pair made by the admin CLI. The secret half stays in a file on
//! the 教务处 machine (mode 0600, refused if others can read it); phones only ever receive public
//! keys, so a lost scanner phone cannot forge a pass. A [`KeyRing`] holds several public keys so
//! the key can be rotated without re-issuing every pass: passes signed by an older key stay valid
//! for as long as that key is listed.
//!
//! Every pass names its key by a 2-byte *key id* (the first two bytes of SHA-256 of the public
//! key). Two bytes are not unique, and need not be: the verifier tries every listed key with that
//! id, so a collision costs one extra signature check, never a wrong verdict.

use std::fmt;
use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::path::Path;

use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

/// First line of a secret key file; it names the algorithm and lets the format change later.
const SECRET_FILE_HEADER: &str = "photoday-ed25519-secret-v1";

/// A key file is two short lines; anything much bigger is not one, so it is not read whole.
const SECRET_FILE_MAX_BYTES: u64 = 4096;

/// An event's public key: what phones hold to check passes and bundles.
///
/// Written as 64 lower-case hexadecimal characters (also in JSON and TOML).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct PublicKey([u8; 32]);

impl PublicKey {
    /// Takes the 32 raw bytes of an Ed25519 public key.
    ///
    /// Refuses bytes that are not a valid curve point, and the handful of "weak" (small-order)
    /// points for which a signature proves nothing.
    pub fn from_bytes(bytes: &[u8; 32]) -> Result<Self> {
        match VerifyingKey::from_bytes(bytes) {
            Ok(vk) if !vk.is_weak() => Ok(PublicKey(*bytes)),
            Ok(_) => Err(Error::Invalid(
                "that public key is a weak (small-order) Ed25519 point; use the key the admin tool printed".into(),
            )),
            Err(_) => Err(Error::Invalid(
                "those 32 bytes are not an Ed25519 public key; use the key the admin tool printed".into(),
            )),
        }
    }

    /// Parses the 64-character hexadecimal form (either letter case; surrounding whitespace is
    /// ignored so a key pasted from a terminal works).
    pub fn from_hex(s: &str) -> Result<Self> {
        let s = s.trim();
        let bytes = hex_to_32(s).ok_or_else(|| {
            Error::Invalid(format!(
                "`{}` is not a public key: expected 64 hexadecimal characters (0-9, a-f), got {} characters",
                truncate_for_message(s),
                s.chars().count()
            ))
        })?;
        Self::from_bytes(&bytes)
    }

    /// The 64-character lower-case hexadecimal form.
    pub fn to_hex(&self) -> String {
        to_hex(&self.0)
    }

    /// A short fingerprint staff read aloud to compare two screens, `3F2A-9C0D-5E6B`: the first
    /// 6 bytes of SHA-256 of the key. The same for an event key (`photoday event show` and the
    /// phone's bundle screen) and a device key (its enrolment code).
    pub fn fingerprint(&self) -> String {
        let hex = to_hex(&Sha256::digest(self.0)[..6]).to_uppercase();
        format!("{}-{}-{}", &hex[..4], &hex[4..8], &hex[8..12])
    }

    /// The raw 32 bytes.
    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// The 2-byte id a pass carries to say which key signed it: the first two bytes of
    /// SHA-256(public key), big-endian. Not unique; see the module documentation.
    pub fn key_id(&self) -> u16 {
        let digest = Sha256::digest(self.0);
        u16::from_be_bytes([digest[0], digest[1]])
    }

    /// Checks an Ed25519 signature with the strict rules (`verify_strict`): no non-canonical
    /// encodings, no small-order components, so one message has no second valid signature to
    /// find and no key is weak enough to "verify" everything.
    ///
    /// Returns only `true` or `false`; the reason a signature fails is never useful to a caller.
    pub fn verify_strict(&self, msg: &[u8], sig: &[u8; 64]) -> bool {
        match VerifyingKey::from_bytes(&self.0) {
            Ok(vk) => vk.verify_strict(msg, &Signature::from_bytes(sig)).is_ok(),
            Err(_) => false,
        }
    }
}

impl fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PublicKey({})", self.to_hex())
    }
}

impl fmt::Display for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_hex())
    }
}

impl Serialize for PublicKey {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_hex())
    }
}

impl<'de> Deserialize<'de> for PublicKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        PublicKey::from_hex(&s).map_err(serde::de::Error::custom)
    }
}

/// An event's secret signing key. Only the admin CLI holds one; it signs passes and bundles.
///
/// Its `Debug` output shows the public key only, so a secret never lands in a log by accident.
/// The secret bytes are wiped from memory when the value is dropped.
pub struct EventKey {
    signing: SigningKey,
}

impl EventKey {
    /// Makes a new random key from the operating system's random source.
    ///
    /// # Panics
    /// Only if the operating system cannot supply randomness at all, in which case no safe key
    /// can be made.
    pub fn generate() -> Self {
        let mut seed = [0u8; 32];
        getrandom::fill(&mut seed).expect("the operating system's random source is unavailable");
        let key = EventKey {
            signing: SigningKey::from_bytes(&seed),
        };
        seed.fill(0);
        key
    }

    /// The key from its 32 secret bytes as hex (a device key kept in the device's own database).
    pub fn from_secret_hex(hex: &str) -> Result<Self> {
        let mut seed = hex_to_32(hex.trim())
            .ok_or_else(|| Error::Invalid("a stored device key is damaged".into()))?;
        let key = EventKey {
            signing: SigningKey::from_bytes(&seed),
        };
        seed.fill(0);
        Ok(key)
    }

    /// The 32 secret bytes as hex, to keep in the device's own (app-private) database.
    pub fn secret_hex(&self) -> String {
        to_hex(self.signing.as_bytes())
    }

    /// The public half, to hand to phones (in bundles) and to list in a [`KeyRing`].
    pub fn public(&self) -> PublicKey {
        PublicKey(self.signing.verifying_key().to_bytes())
    }

    /// Signs `msg` (Ed25519, deterministic: the same message always gives the same signature).
    pub fn sign(&self, msg: &[u8]) -> [u8; 64] {
        self.signing.sign(msg).to_bytes()
    }

    /// Writes the secret key to a new file readable only by its owner (mode 0600 on Unix).
    ///
    /// Refuses to overwrite an existing file: replacing an event's key by accident would
    /// invalidate every pass already handed out.
    pub fn save(&self, path: &Path) -> Result<()> {
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut file = options.open(path).map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                Error::Invalid(format!(
                    "{} already exists; an event key is never overwritten (every pass it signed would stop working) — choose another file name or move the old key away first",
                    path.display()
                ))
            } else {
                Error::io(path, e)
            }
        })?;
        let text = format!(
            "{SECRET_FILE_HEADER}\n{}\n",
            to_hex(self.signing.as_bytes())
        );
        file.write_all(text.as_bytes())
            .and_then(|()| file.sync_all())
            .map_err(|e| Error::io(path, e))
    }

    /// Reads a secret key file written by [`EventKey::save`].
    ///
    /// On Unix, a file that its group or other users may read or write is refused with
    /// [`Error::KeyFileTooOpen`], whose message tells the user to `chmod 600` it: a key that
    /// others could have copied can no longer be trusted to mean "the 教务处 issued this".
    pub fn load(path: &Path) -> Result<Self> {
        let file = File::open(path).map_err(|e| Error::io(path, e))?;
        // Check the opened file itself, not the path again, so it cannot be swapped in between.
        let meta = file.metadata().map_err(|e| Error::io(path, e))?;
        if !meta.is_file() {
            return Err(bad_key_file(path, "not a regular file"));
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = meta.permissions().mode() & 0o777;
            if mode & 0o077 != 0 {
                return Err(Error::KeyFileTooOpen {
                    path: path.to_path_buf(),
                    mode,
                });
            }
        }
        let mut bytes = Vec::new();
        file.take(SECRET_FILE_MAX_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io(path, e))?;
        let parsed = parse_secret_file(&bytes);
        bytes.fill(0);
        let mut seed = parsed.map_err(|detail| bad_key_file(path, detail))?;
        let key = EventKey {
            signing: SigningKey::from_bytes(&seed),
        };
        seed.fill(0);
        Ok(key)
    }
}

impl fmt::Debug for EventKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EventKey")
            .field("public", &self.public())
            .finish_non_exhaustive()
    }
}

fn parse_secret_file(bytes: &[u8]) -> std::result::Result<[u8; 32], &'static str> {
    if bytes.len() as u64 > SECRET_FILE_MAX_BYTES {
        return Err("file is too large to be a key");
    }
    let text = std::str::from_utf8(bytes).map_err(|_| "not text")?;
    let mut lines = text.lines();
    if lines.next().map(str::trim_end) != Some(SECRET_FILE_HEADER) {
        return Err("first line is not `photoday-ed25519-secret-v1`");
    }
    let seed = lines
        .next()
        .and_then(|line| hex_to_32(line.trim()))
        .ok_or("second line is not 64 hexadecimal characters")?;
    if lines.any(|line| !line.trim().is_empty()) {
        return Err("unexpected text after the key");
    }
    Ok(seed)
}

fn bad_key_file(path: &Path, detail: &str) -> Error {
    Error::BadKeyFile {
        path: path.to_path_buf(),
        detail: detail.to_string(),
    }
}

/// The public keys a phone accepts for one event.
///
/// Usually one key; more during a rotation. Serialised as a list of hexadecimal keys. The keys
/// are also kept decoded, so checking a pass does not repeat the curve-point decompression.
#[derive(Clone)]
pub struct KeyRing {
    keys: Vec<PublicKey>,
    /// Per key, in the same order: its id and its decoded point.
    decoded: Vec<(u16, Option<VerifyingKey>)>,
}

impl KeyRing {
    /// A ring of these keys, in this order; a key listed twice is kept once.
    pub fn new(keys: Vec<PublicKey>) -> Self {
        let mut unique: Vec<PublicKey> = Vec::with_capacity(keys.len());
        for key in keys {
            if !unique.contains(&key) {
                unique.push(key);
            }
        }
        let decoded = unique
            .iter()
            .map(|k| (k.key_id(), VerifyingKey::from_bytes(k.as_bytes()).ok()))
            .collect();
        KeyRing {
            keys: unique,
            decoded,
        }
    }

    /// The keys, in the order given.
    pub fn keys(&self) -> &[PublicKey] {
        &self.keys
    }

    /// Whether the ring lists this key.
    pub fn contains(&self, key: &PublicKey) -> bool {
        self.keys.contains(key)
    }

    /// The keys whose [`PublicKey::key_id`] is `id` (usually none or one).
    pub fn with_id(&self, id: u16) -> impl Iterator<Item = &PublicKey> {
        self.keys
            .iter()
            .zip(&self.decoded)
            .filter(move |(_, (key_id, _))| *key_id == id)
            .map(|(key, _)| key)
    }

    /// Whether some key with id `key_id` signed `msg` (strict Ed25519). The pass verifier's
    /// inner loop; `None` means no listed key has that id.
    pub(crate) fn verify_with_id(&self, key_id: u16, msg: &[u8], sig: &[u8; 64]) -> Option<bool> {
        let signature = Signature::from_bytes(sig);
        let mut any = false;
        for (id, vk) in &self.decoded {
            if *id != key_id {
                continue;
            }
            any = true;
            // A PublicKey is only ever built from a valid point, so `vk` is always present.
            if vk.is_some_and(|vk| vk.verify_strict(msg, &signature).is_ok()) {
                return Some(true);
            }
        }
        any.then_some(false)
    }
}

impl fmt::Debug for KeyRing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(&self.keys).finish()
    }
}

impl PartialEq for KeyRing {
    fn eq(&self, other: &Self) -> bool {
        self.keys == other.keys
    }
}

impl Eq for KeyRing {}

impl Serialize for KeyRing {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        self.keys.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for KeyRing {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        Ok(KeyRing::new(Vec::<PublicKey>::deserialize(deserializer)?))
    }
}

/// Lower-case hexadecimal of any bytes.
pub(crate) fn to_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[usize::from(b >> 4)] as char);
        s.push(DIGITS[usize::from(b & 0xF)] as char);
    }
    s
}

pub(crate) fn hex_to_32(s: &str) -> Option<[u8; 32]> {
    let s = s.as_bytes();
    if s.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    for (byte, pair) in out.iter_mut().zip(s.chunks_exact(2)) {
        *byte = (hex_digit(pair[0])? << 4) | hex_digit(pair[1])?;
    }
    Some(out)
}

fn hex_digit(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

/// Keeps error messages short when someone pastes a whole file where a key was expected.
fn truncate_for_message(s: &str) -> String {
    const MAX: usize = 80;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let head: String = s.chars().take(MAX).collect();
        format!("{head}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trip_and_refusals() {
        let key = EventKey::generate().public();
        assert_eq!(PublicKey::from_hex(&key.to_hex()).unwrap(), key);
        assert_eq!(
            PublicKey::from_hex(&key.to_hex().to_uppercase()).unwrap(),
            key
        );
        assert!(PublicKey::from_hex("abc").is_err());
        assert!(PublicKey::from_hex(&"g".repeat(64)).is_err());
        // The identity point (small order) is refused.
        let mut identity = [0u8; 32];
        identity[0] = 1;
        assert!(PublicKey::from_bytes(&identity).is_err());
    }

    #[test]
    fn signatures_verify_only_for_their_message_and_key() {
        let key = EventKey::generate();
        let sig = key.sign(b"hello");
        assert!(key.public().verify_strict(b"hello", &sig));
        assert!(!key.public().verify_strict(b"hellp", &sig));
        assert!(!EventKey::generate().public().verify_strict(b"hello", &sig));
    }

    #[test]
    fn debug_never_shows_the_secret() {
        let key = EventKey::generate();
        let shown = format!("{key:?}");
        assert!(!shown.contains(&to_hex(key.signing.as_bytes())));
        assert!(shown.contains(&key.public().to_hex()));
    }

    #[test]
    fn key_ring_serialises_as_a_list_of_hex_keys() {
        let a = EventKey::generate().public();
        let b = EventKey::generate().public();
        let ring = KeyRing::new(vec![a, b, a]);
        assert_eq!(ring.keys(), &[a, b]);
        let json = serde_json::to_string(&ring).unwrap();
        assert_eq!(json, format!("[\"{}\",\"{}\"]", a.to_hex(), b.to_hex()));
        let back: KeyRing = serde_json::from_str(&json).unwrap();
        assert_eq!(back, ring);
        assert_eq!(ring.with_id(a.key_id()).next(), Some(&a));
    }

    #[test]
    fn secret_file_parser_is_strict() {
        let hex = "11".repeat(32);
        assert!(parse_secret_file(format!("{SECRET_FILE_HEADER}\n{hex}\n").as_bytes()).is_ok());
        assert!(parse_secret_file(format!("{SECRET_FILE_HEADER}\r\n{hex}\r\n").as_bytes()).is_ok());
        assert!(parse_secret_file(format!("{SECRET_FILE_HEADER}\n{hex}").as_bytes()).is_ok());
        assert!(parse_secret_file(format!("other\n{hex}\n").as_bytes()).is_err());
        assert!(
            parse_secret_file(format!("{SECRET_FILE_HEADER}\n{hex}\nmore\n").as_bytes()).is_err()
        );
        assert!(parse_secret_file(
            format!("{SECRET_FILE_HEADER}\n{}\n", "11".repeat(31)).as_bytes()
        )
        .is_err());
        assert!(parse_secret_file(b"\xff\xfe").is_err());
    }
}
