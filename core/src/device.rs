//! Device keys: every record is signed by the phone (or laptop) that made it.
//!
//! The records decide who was photographed, and they travel by file and QR between phones that
//! never meet a server. A checksum proves nothing against someone with a laptop, so each device
//! makes its own Ed25519 key on first use (the secret never leaves its database) and signs every
//! record it writes. A device's id is derived from its public key (the first 6 bytes of its
//! SHA-256, as 12 hex digits), so a record's device id can only come from that device: a record
//! claiming another phone's id, an edited record, an undo of someone else's admission or a record
//! slipped in at another phone's next sequence number fails its signature and the whole log is
//! refused. Logs carry the public keys of the devices they hold, and relaying a log phone to phone
//! keeps every original signature, so any phone can check any log offline.
//!
//! The signed message is a context string, the event id, and the record's JSON without its
//! signature: the record is bound to its event, and two events made from one template never
//! accept each other's records.

use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::keys::{self, EventKey, PublicKey};
use crate::log::Record;

const CONTEXT: &[u8] = b"photoday-record-v1\0";

/// A device's id: 12 hex digits of SHA-256 of its public key.
pub fn device_id(key: &PublicKey) -> String {
    keys::to_hex(&Sha256::digest(key.as_bytes())[..6])
}

/// A short fingerprint staff can read aloud to compare two screens: `3F2A-9C0D-5E6B`.
pub fn fingerprint(key: &PublicKey) -> String {
    let hex = keys::to_hex(&Sha256::digest(key.as_bytes())[..6]).to_uppercase();
    format!("{}-{}-{}", &hex[..4], &hex[4..8], &hex[8..12])
}

fn message(event_id: &str, record: &Record) -> Vec<u8> {
    let mut unsigned = record.clone();
    unsigned.sig = None;
    let json = serde_json::to_vec(&unsigned).expect("records serialise");
    let mut msg = Vec::with_capacity(CONTEXT.len() + 8 + event_id.len() + json.len());
    msg.extend_from_slice(CONTEXT);
    msg.extend_from_slice(&(event_id.len() as u64).to_be_bytes());
    msg.extend_from_slice(event_id.as_bytes());
    msg.extend_from_slice(&json);
    msg
}

/// Signs a record this device made (its `device` must be this key's id).
pub fn sign(key: &EventKey, event_id: &str, mut record: Record) -> Record {
    debug_assert_eq!(record.device, device_id(&key.public()));
    record.sig = None;
    let sig = key.sign(&message(event_id, &record));
    record.sig = Some(keys::to_hex(&sig));
    record
}

/// Checks that a record was signed, for this event, by the device its id names.
pub fn verify(event_id: &str, record: &Record, key: &PublicKey) -> Result<()> {
    let bad = |why: &str| {
        Err(Error::BadLog(format!(
            "record {}/{} {why}; the log was forged or altered, nothing was imported",
            record.device, record.seq
        )))
    };
    if device_id(key) != record.device {
        return bad("names a device whose key the log does not carry");
    }
    let Some(sig) = record.sig.as_deref() else {
        return bad("is not signed (made by an older PhotoDay, or forged)");
    };
    let Some(sig) = hex_to_64(sig) else {
        return bad("has a damaged signature");
    };
    if !key.verify_strict(&message(event_id, record), &sig) {
        return bad("is not signed by its device for this event");
    }
    Ok(())
}

fn hex_to_64(s: &str) -> Option<[u8; 64]> {
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

    fn record(device: &str) -> Record {
        Record {
            device: device.to_string(),
            seq: 1,
            at_ms: 1_685_756_400_000,
            session: 1,
            action: Action::CheckIn {
                student_no: 2020010001,
                via: Via::Pass,
                serial: Some(0),
                reason: None,
            },
            sig: None,
        }
    }

    #[test]
    fn a_signed_record_verifies_only_unchanged_for_its_event_and_device() {
        let k = EventKey::generate();
        let id = device_id(&k.public());
        assert_eq!(id.len(), 12);
        let r = sign(&k, "ev-1", record(&id));
        verify("ev-1", &r, &k.public()).unwrap();
        assert!(verify("ev-2", &r, &k.public()).is_err(), "another event");
        let mut edited = r.clone();
        edited.at_ms += 1;
        assert!(verify("ev-1", &edited, &k.public()).is_err(), "edited");
        let other = EventKey::generate();
        let mut stolen = r.clone();
        stolen.device = device_id(&other.public());
        assert!(
            verify("ev-1", &stolen, &other.public()).is_err(),
            "re-labelled"
        );
        assert!(
            verify("ev-1", &record(&id), &k.public()).is_err(),
            "unsigned"
        );
        assert_eq!(fingerprint(&k.public()).len(), 14);
    }
}
