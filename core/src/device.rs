//! Device keys: every record is sealed by the phone (or laptop) that made it.
//!
//! The records decide who was photographed, and they travel by file and QR between phones that
//! never meet a server. A checksum proves nothing against someone with a laptop, so each device
//! makes its own Ed25519 key on first use (the secret never leaves its database). A device's id is
//! derived from its public key (the first 6 bytes of its SHA-256, as 12 hex digits), so a record's
//! device id can only come from that device.
//!
//! A device's records are numbered 1, 2, 3… without gaps. On export the device chains them —
//! `h = SHA-256(h ‖ record)` from `first` to `last` — and signs one *seal*: the event id, its id,
//! the range and the chain's head. A log carries its devices' public keys and seals, and a merge
//! accepts a record only inside a seal of its device whose chain it recomputes. One signature per
//! device and export, not per record, keeps a log as small as it was (the QR transfer too) and a
//! merge fast; yet a record claiming another phone's id, an edited record, an undo under someone
//! else's id or a record slipped in at another phone's next sequence number breaks the chain or
//! the signature, and the whole log is refused. A phone relaying another's records relays its
//! seals with them, so any phone can check any log offline. Seals are bound to the event id, so
//! two events made from one template never accept each other's records.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::keys::{self, EventKey, PublicKey};
use crate::log::Record;

const CONTEXT: &[u8] = b"photoday-seal-v1\0";

/// A device's id: 12 hex digits of SHA-256 of its public key.
pub fn device_id(key: &PublicKey) -> String {
    keys::to_hex(&Sha256::digest(key.as_bytes())[..6])
}

/// A short fingerprint staff can read aloud to compare two screens: `3F2A-9C0D-5E6B`.
pub fn fingerprint(key: &PublicKey) -> String {
    key.fingerprint()
}

/// A device's signature over a gap-free run of its records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seal {
    /// The device.
    pub device: String,
    /// First sequence number covered.
    pub first: u64,
    /// Last sequence number covered.
    pub last: u64,
    /// The chain's head over records `first..=last` (hex SHA-256).
    pub head: String,
    /// Ed25519 signature (hex) over the event id, the device, the range and the head.
    pub sig: String,
}

impl Seal {
    /// Whether this seal covers `other`'s whole range (so `other` adds nothing).
    pub fn covers(&self, other: &Seal) -> bool {
        self.device == other.device && self.first <= other.first && self.last >= other.last
    }
}

/// The chain head over records given in sequence order.
pub fn chain<'a>(records: impl IntoIterator<Item = &'a Record>) -> [u8; 32] {
    let mut h = [0u8; 32];
    for r in records {
        let mut d = Sha256::new();
        d.update(h);
        d.update(serde_json::to_vec(r).expect("records serialise"));
        h = d.finalize().into();
    }
    h
}

fn message(event_id: &str, device: &str, first: u64, last: u64, head: &str) -> Vec<u8> {
    let mut msg = Vec::with_capacity(CONTEXT.len() + 64 + event_id.len() + head.len());
    msg.extend_from_slice(CONTEXT);
    msg.extend_from_slice(&(event_id.len() as u64).to_be_bytes());
    msg.extend_from_slice(event_id.as_bytes());
    msg.extend_from_slice(device.as_bytes());
    msg.extend_from_slice(&first.to_be_bytes());
    msg.extend_from_slice(&last.to_be_bytes());
    msg.extend_from_slice(head.as_bytes());
    msg
}

/// Seals this device's records (`records`: its own, in sequence order, without gaps).
/// `None` when there are none.
pub fn seal(key: &EventKey, event_id: &str, records: &[Record]) -> Option<Seal> {
    let device = device_id(&key.public());
    let (first, last) = (records.first()?.seq, records.last()?.seq);
    debug_assert!(records.iter().all(|r| r.device == device));
    debug_assert_eq!(last - first + 1, records.len() as u64);
    let head = keys::to_hex(&chain(records));
    let sig = keys::to_hex(&key.sign(&message(event_id, &device, first, last, &head)));
    Some(Seal {
        device,
        first,
        last,
        head,
        sig,
    })
}

/// Checks a seal against its device's key and the records it covers (`records`: that device's
/// records `first..=last` in sequence order, as the log carries them).
pub fn verify(event_id: &str, seal: &Seal, key: &PublicKey, records: &[&Record]) -> Result<()> {
    let bad = |why: String| {
        Err(Error::BadLog(format!(
            "the records of device {} ({}–{}) {why}; the log was forged or altered, nothing was imported",
            seal.device, seal.first, seal.last
        )))
    };
    if device_id(key) != seal.device {
        return bad("name a device whose key the log does not carry".into());
    }
    let expected = seal.last.checked_sub(seal.first).map(|n| n + 1);
    if expected != Some(records.len() as u64)
        || records
            .iter()
            .zip(seal.first..)
            .any(|(r, seq)| r.seq != seq || r.device != seal.device)
    {
        return bad("are incomplete".into());
    }
    if keys::to_hex(&chain(records.iter().copied())) != seal.head {
        return bad("do not match their device's seal".into());
    }
    let Some(sig) = hex_to_64(&seal.sig) else {
        return bad("carry a damaged seal".into());
    };
    if !key.verify_strict(
        &message(event_id, &seal.device, seal.first, seal.last, &seal.head),
        &sig,
    ) {
        return bad("are not sealed by their device for this event".into());
    }
    Ok(())
}

pub(crate) fn hex_to_64(s: &str) -> Option<[u8; 64]> {
    if s.len() != 128 {
        return None;
    }
    let a = keys::hex_to_32(&s[..64])?;
    let b = keys::hex_to_32(&s[64..])?;
    let mut out = [0u8; 64];
    out[..32].copy_from_slice(&a);
    out[32..].copy_from_slice(&b);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::log::{Action, Via};

    fn record(device: &str, seq: u64) -> Record {
        Record {
            device: device.to_string(),
            seq,
            at_ms: 1_685_756_400_000 + seq as i64,
            session: 1,
            action: Action::CheckIn {
                student_no: 2020010000 + seq,
                via: Via::Pass,
                serial: Some(0),
                reason: None,
            },
        }
    }

    #[test]
    fn a_seal_verifies_only_its_records_unchanged_for_its_event_and_device() {
        let k = EventKey::generate();
        let id = device_id(&k.public());
        assert_eq!(id.len(), 12);
        let rs: Vec<Record> = (1..=3).map(|s| record(&id, s)).collect();
        let s = seal(&k, "ev-1", &rs).unwrap();
        let refs: Vec<&Record> = rs.iter().collect();
        verify("ev-1", &s, &k.public(), &refs).unwrap();
        assert!(
            verify("ev-2", &s, &k.public(), &refs).is_err(),
            "another event"
        );
        let mut edited = rs.clone();
        edited[1].at_ms += 1;
        let e: Vec<&Record> = edited.iter().collect();
        assert!(verify("ev-1", &s, &k.public(), &e).is_err(), "edited");
        assert!(
            verify("ev-1", &s, &k.public(), &refs[..2]).is_err(),
            "one missing"
        );
        let other = EventKey::generate();
        assert!(
            verify("ev-1", &s, &other.public(), &refs).is_err(),
            "another key"
        );
        assert_eq!(fingerprint(&k.public()).len(), 14);
    }
}
