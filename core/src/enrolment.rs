//! Enrolment: which phones and laptops an event takes records from.
//!
//! A device's key proves that a record came from that device, not that the device belongs to the
//! event: anyone can install PhotoDay on a phone of their own and seal records with its key. So
//! the 教务处 enrols the event's devices. Each shows its *enrolment code* — its public key, the
//! short fingerprint staff read aloud to compare screens, and the station name staff gave it —
//! as text and as a QR code; `photoday device add` takes the text or a photo of the QR. The next
//! scanner bundle carries the enrolled keys and names, so every phone can tell an enrolled
//! device's log from a stranger's offline, and reports name devices by station, not hex.
//!
//! A log of a device that is not enrolled is kept aside, never merged and never lost (see
//! `scanner::merge_log`); once the device is enrolled (`device add` on the laptop, a newer bundle
//! on a phone) it merges. An event where no device was ever enrolled (a folder from before
//! enrolment, a quick rehearsal) takes every correctly sealed log, as PhotoDay always did: the
//! first `device add` switches enrolment on for good, and the bundles made from then on say so.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Refusal, Result};
use crate::keys::PublicKey;
use crate::text::Text;

/// What an enrolment code's text starts with.
pub const CODE_PREFIX: &str = "PDE1:";
/// The longest station name a code carries (a room and a role: `一教104 门口 2`).
pub const MAX_STATION_CHARS: usize = 40;

/// What a device shows to be enrolled: `PDE1:FINGERPRINT:PUBLIC-KEY-HEX:STATION`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnrolmentCode {
    /// The device's id (12 hex digits of SHA-256 of its key), as logs and reports name it.
    pub device: String,
    /// The device's public key.
    pub key: PublicKey,
    /// The fingerprint staff read aloud (`3F2A-9C0D-5E6B`); the id in capitals, grouped.
    pub fingerprint: String,
    /// The station name staff gave the device.
    pub station: String,
}

impl EnrolmentCode {
    /// The code of the device with `key`, named `station` by staff.
    pub fn new(key: &PublicKey, station: &str) -> Result<EnrolmentCode> {
        Ok(EnrolmentCode {
            device: crate::device::device_id(key),
            key: *key,
            fingerprint: key.fingerprint(),
            station: station_name(station)?,
        })
    }

    /// The text form, for the QR code and for copying.
    pub fn text(&self) -> String {
        format!(
            "{CODE_PREFIX}{}:{}:{}",
            self.fingerprint,
            self.key.to_hex(),
            self.station
        )
    }

    /// Reads a code's text (as typed, pasted or decoded from its QR). The fingerprint inside must
    /// be the key's, so a code changed or misread on the way is refused.
    pub fn parse(text: &str) -> Result<EnrolmentCode> {
        let text = text.trim();
        let bad = |why: &str| {
            Error::told(
                Refusal::Invalid,
                format!("这不是 PhotoDay 设备登记码（{why}）；在设备上打开“设备登记码”，再扫一次或照原样复制"),
                format!("this is not a PhotoDay enrolment code ({why}); open the device's enrolment code (`photoday scan --enrolment-code` on a laptop) and scan or copy it again exactly"),
            )
        };
        let Some(rest) = text
            .get(..CODE_PREFIX.len())
            .filter(|p| p.eq_ignore_ascii_case(CODE_PREFIX))
            .map(|_| &text[CODE_PREFIX.len()..])
        else {
            return Err(bad("it does not start with PDE1:"));
        };
        let mut parts = rest.splitn(3, ':');
        let (Some(fingerprint), Some(key), Some(station)) =
            (parts.next(), parts.next(), parts.next())
        else {
            return Err(bad("a part is missing"));
        };
        let key = PublicKey::from_hex(key.trim()).map_err(|_| bad("its key is damaged"))?;
        let code = EnrolmentCode::new(&key, station)?;
        if !code.fingerprint.eq_ignore_ascii_case(fingerprint.trim()) {
            return Err(bad(
                "its fingerprint does not match its key: it was changed",
            ));
        }
        Ok(code)
    }
}

fn station_name(station: &str) -> Result<String> {
    let s = station.trim();
    if s.is_empty() || s.chars().any(char::is_control) {
        return Err(Error::told(
            Refusal::Invalid,
            "请给这台设备起一个站点名（例如 一教104 门口），不含换行",
            "give this device a station name (e.g. 一教104 door), on one line",
        ));
    }
    if s.chars().count() > MAX_STATION_CHARS {
        return Err(Error::told(
            Refusal::Invalid,
            format!("站点名最多 {MAX_STATION_CHARS} 个字"),
            format!("a station name has at most {MAX_STATION_CHARS} characters"),
        ));
    }
    Ok(s.to_string())
}

/// An enrolled device: its key and its station name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnrolledDevice {
    /// Device id.
    pub device: String,
    /// Its public key.
    pub key: PublicKey,
    /// The station name reports and screens show.
    pub station: String,
}

impl EnrolledDevice {
    /// The device of an enrolment code, under `station` (the code's own name when `None`).
    pub fn from_code(code: &EnrolmentCode, station: Option<&str>) -> Result<EnrolledDevice> {
        Ok(EnrolledDevice {
            device: code.device.clone(),
            key: code.key,
            station: match station {
                Some(s) => station_name(s)?,
                None => code.station.clone(),
            },
        })
    }

    /// The device's fingerprint.
    pub fn fingerprint(&self) -> String {
        self.key.fingerprint()
    }
}

/// The devices an event takes records from, as a scanner bundle carries them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Enrolment {
    /// Whether only these devices' logs merge. False for an event where no device was ever
    /// enrolled: every correctly sealed log merges then (`devices` still names the 教务处's).
    #[serde(default)]
    pub required: bool,
    /// The enrolled devices (and the 教务处's laptop, for its voids).
    #[serde(default)]
    pub devices: Vec<EnrolledDevice>,
}

impl Enrolment {
    /// Whether records of `device` merge here (`me`: the device merging, always its own).
    pub fn admits(&self, device: &str, me: Option<&str>) -> bool {
        !self.required || me == Some(device) || self.get(device).is_some()
    }

    /// The enrolled device with this id.
    pub fn get(&self, device: &str) -> Option<&EnrolledDevice> {
        self.devices.iter().find(|d| d.device == device)
    }

    /// The station name of a device, if it is enrolled.
    pub fn name_for(&self, device: &str) -> Option<&str> {
        self.get(device).map(|d| d.station.as_str())
    }

    /// How reports and screens name a device: `一教104 门口 (3f2a9c0d5e6b)`, or its id alone.
    pub fn label(&self, device: &str) -> String {
        match self.name_for(device) {
            Some(name) => format!("{name} ({device})"),
            None => device.to_string(),
        }
    }
}

/// A device whose records were kept aside because it is not enrolled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptAside {
    /// Device id.
    pub device: String,
    /// Its fingerprint, to compare with the device's enrolment code.
    pub fingerprint: String,
    /// How many of its records wait.
    pub records: u32,
}

impl KeptAside {
    /// What staff and the 教务处 read.
    pub fn text(&self) -> Text {
        let (d, f, n) = (&self.device, &self.fingerprint, self.records);
        Text::new(
            format!("设备 {d}（指纹 {f}）未登记：它的 {n} 条记录已另外保存，没有合并，也没有丢失。核对指纹后登记：photoday device add（手机需导入之后的新资料包），登记后自动合并"),
            format!("device {d} (fingerprint {f}) is not enrolled: its {n} record(s) were kept aside, not merged and not lost. Check the fingerprint and enrol it with photoday device add (a phone needs the next bundle); they merge then"),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::EventKey;

    #[test]
    fn a_code_reads_back_and_a_changed_one_is_refused() {
        let k = EventKey::generate().public();
        let code = EnrolmentCode::new(&k, " 一教104 门口 ").unwrap();
        assert_eq!(code.station, "一教104 门口");
        assert_eq!(code.fingerprint.len(), 14);
        let text = code.text();
        assert!(text.starts_with("PDE1:"));
        assert_eq!(EnrolmentCode::parse(&format!(" {text}\n")).unwrap(), code);
        let other = EventKey::generate().public();
        let swapped = text.replace(&k.to_hex(), &other.to_hex());
        assert!(EnrolmentCode::parse(&swapped).is_err(), "another key");
        assert!(EnrolmentCode::parse("PD1:ABC").is_err());
        assert!(EnrolmentCode::new(&k, "").is_err());
        assert!(EnrolmentCode::new(&k, "a\nb").is_err());
        let with_colon = EnrolmentCode::new(&k, "一教104: studio").unwrap();
        assert_eq!(
            EnrolmentCode::parse(&with_colon.text()).unwrap().station,
            "一教104: studio"
        );
    }

    #[test]
    fn an_event_without_enrolment_admits_every_device_and_one_with_it_only_its_own() {
        let k = EventKey::generate().public();
        let dev =
            EnrolledDevice::from_code(&EnrolmentCode::new(&k, "门口").unwrap(), None).unwrap();
        let open = Enrolment {
            required: false,
            devices: vec![dev.clone()],
        };
        assert!(open.admits("abcdefabcdef", None));
        let closed = Enrolment {
            required: true,
            devices: vec![dev.clone()],
        };
        assert!(closed.admits(&dev.device, None));
        assert!(!closed.admits("abcdefabcdef", None));
        assert!(closed.admits("abcdefabcdef", Some("abcdefabcdef")));
        assert_eq!(closed.label(&dev.device), format!("门口 ({})", dev.device));
        assert_eq!(closed.label("abcdefabcdef"), "abcdefabcdef");
    }
}
