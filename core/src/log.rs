//! Device logs: what each door phone did, and how phones merge without a network.
//!
//! Every admission, manual check-in, override, undo and refusal is a record, numbered per device
//! (device id, sequence). Nothing is ever edited in place: an undo is a new record pointing at the
//! admission it cancels. The set of records only grows, so merging is a union keyed by
//! (device, sequence): idempotent and order-free — import the same log twice, or three phones' logs
//! in any order, and every phone ends with the same set.
//!
//! A log travels as a file (`PDL` | format 1 | deflated JSON lines | SHA-256 of all before), or as a
//! short sequence of QR texts (`PDL1:` index `/` total `:` log id `:` chunk check `:` Base45 data),
//! each small enough for QR version 10, shown on one phone and scanned by another in any order.
//! A truncated, corrupted or foreign log is refused whole; nothing half-imported is ever stored.

use flate2::read::DeflateDecoder;
use flate2::write::DeflateEncoder;
use flate2::Compression;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::io::{Read, Write};

use crate::base45;
use crate::error::{Error, Refusal, Result};
use crate::text::Text;

const MAGIC: &[u8; 3] = b"PDL";
const FORMAT: u8 = 1;
const MAX_LOG: u64 = 256 * 1024 * 1024;
/// Prefix of a log QR text.
pub const QR_PREFIX: &str = "PDL1:";

/// How long each code of a log QR sequence stays on the sending phone's screen: long enough for a
/// receiving camera to focus and read it, short enough that 10 codes pass in 7 seconds.
pub const LOG_QR_FRAME_MS: u32 = 700;
/// Data bytes per QR text: 150 bytes → 225 Base45 characters, plus a header of about 30, fits
/// QR version 10 at ECC M in alphanumeric mode (capacity 311 characters).
pub const QR_CHUNK_BYTES: usize = 150;

/// How a student got in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Via {
    /// Their signed pass was scanned.
    Pass,
    /// Staff typed the student number (no phone, no printout).
    Manual,
    /// Staff admitted over a refusal (outside window, not on roster) with a reason.
    Override,
}

/// Why the studio stepped a student aside (DESIGN §4): they are numbered again when they return.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AsideReason {
    /// No 学信网 采集码 ready on the phone.
    NoCollectionCode,
    /// Clothes the notice advises against (blue, green, yellow, skin-coloured, no collar…).
    Clothes,
    /// Glasses, hat or earrings still on, or hair over the forehead and ears.
    Glasses,
    /// Called with their batch but not there ("did not show").
    NotPresent,
    /// Anything else; the note says what.
    Other,
}

impl AsideReason {
    /// Every reason, in the order a screen offers them.
    pub const ALL: [AsideReason; 5] = [
        AsideReason::NoCollectionCode,
        AsideReason::Clothes,
        AsideReason::Glasses,
        AsideReason::NotPresent,
        AsideReason::Other,
    ];

    /// The words staff read on the button and in reports.
    pub fn text(self) -> crate::text::Text {
        let (zh, en) = match self {
            AsideReason::NoCollectionCode => ("没有采集码", "no 采集码 ready"),
            AsideReason::Clothes => ("着装不合要求", "clothes not as the notice asks"),
            AsideReason::Glasses => ("眼镜/饰物/头发", "glasses, accessories or hair"),
            AsideReason::NotPresent => ("叫号未到", "not there when called"),
            AsideReason::Other => ("其他原因", "other reason"),
        };
        crate::text::Text::new(zh, en)
    }
}

/// What a record says happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Action {
    /// Door: a student checked into the room's queue. No number is given at the door.
    CheckIn {
        /// Student number.
        student_no: u64,
        /// Pass, manual or override.
        via: Via,
        /// Pass serial when checked in by pass.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        serial: Option<u16>,
        /// Why staff checked in by hand or over a refusal.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
    /// Studio: a student entering the studio was given their 摄影编号 (shooting order).
    /// Older builds called this `admit`.
    #[serde(alias = "admit")]
    Number {
        /// Student number.
        student_no: u64,
        /// Position in this device's numbering for the session (1, 2, 3…); never reused.
        photo_seq: u32,
        /// The device's letter when several studio phones number one room and session.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        lane: Option<char>,
        /// The batch (5–8 students) the number went in with; 0 in older records (derived).
        #[serde(default, skip_serializing_if = "is_zero")]
        batch: u32,
        /// Pass, manual or override.
        via: Via,
        /// Pass serial when numbered by pass.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        serial: Option<u16>,
        /// Why staff numbered by hand or over a refusal.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
        /// This device had not seen the student check in at the door (numbered anyway).
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        door_unseen: bool,
    },
    /// Studio: a student who cannot be shot now is stepped aside; their number (if any) is void.
    StepAside {
        /// Student.
        student_no: u64,
        /// The `number` record voided, when they had one on this device.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        target_seq: Option<u64>,
        /// Why.
        reason: AsideReason,
        /// Staff's words, if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
    /// Studio: the batch was shot; this student (numbered, not stepped aside) was photographed.
    Photographed {
        /// Student.
        student_no: u64,
        /// The `number` record the photo was taken under.
        target_seq: u64,
        /// The batch closed.
        batch: u32,
    },
    /// An earlier record of this device (check-in, number, step-aside, photographed) is cancelled.
    Undo {
        /// The record's sequence number on this device.
        target_seq: u64,
        /// Its student.
        student_no: u64,
    },
    /// A record of any device is void (the 教务处 correcting a mistake, or a phone its own record
    /// after the undo window): it counts as if it had never been made; both stay in the log.
    Void {
        /// The voided record's device.
        target_device: String,
        /// Its sequence number there.
        target_seq: u64,
        /// Its student, when it names one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        student_no: Option<u64>,
        /// Why.
        reason: String,
    },
    /// A scan was refused (kept for the day's report: forged passes, wrong rooms).
    Refuse {
        /// The verdict, snake_case (`bad_signature`, `wrong_session`…).
        verdict: String,
        /// The student, when the pass names one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        student_no: Option<u64>,
    },
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// One thing one device did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// The device's random id.
    pub device: String,
    /// The device's own counter, from 1.
    pub seq: u64,
    /// When, by the device's clock (Unix ms).
    pub at_ms: i64,
    /// Session guarded (1-based).
    pub session: u8,
    /// What happened.
    #[serde(flatten)]
    pub action: Action,
}

impl Record {
    /// The student the record is about.
    pub fn student_no(&self) -> Option<u64> {
        match &self.action {
            Action::CheckIn { student_no, .. }
            | Action::Number { student_no, .. }
            | Action::StepAside { student_no, .. }
            | Action::Photographed { student_no, .. }
            | Action::Undo { student_no, .. } => Some(*student_no),
            Action::Refuse { student_no, .. } | Action::Void { student_no, .. } => *student_no,
        }
    }

    /// The kind as stored in the database's `kind` column.
    pub fn kind(&self) -> &'static str {
        match self.action {
            Action::CheckIn { .. } => "check_in",
            Action::Number { .. } => "number",
            Action::StepAside { .. } => "step_aside",
            Action::Photographed { .. } => "photographed",
            Action::Undo { .. } => "undo",
            Action::Void { .. } => "void",
            Action::Refuse { .. } => "refuse",
        }
    }

    /// The photo number of a `number` record: `012`, or `A012` with a lane letter.
    pub fn photo_no(&self) -> Option<String> {
        match &self.action {
            Action::Number {
                photo_seq, lane, ..
            } => Some(photo_no(*lane, *photo_seq)),
            _ => None,
        }
    }
}

/// Formats a photo number as the photographer's list shows it: `012`, or `A012` with a lane letter.
pub fn photo_no(lane: Option<char>, seq: u32) -> String {
    match lane {
        Some(l) => format!("{l}{seq:03}"),
        None => format!("{seq:03}"),
    }
}

/// The name a phone gives the log file it shares: `PhotoDay-1a2b3c4d.photodaylog` (the device id
/// keeps two phones' files apart in one chat).
pub fn file_name(device_id: &str) -> String {
    format!("PhotoDay-{device_id}.photodaylog")
}

/// Stores a record; `Ok(false)` when the same record was already there.
pub fn insert(tx: &Connection, r: &Record) -> Result<bool> {
    let body = serde_json::to_string(r).expect("records serialise");
    let existing: Option<String> = tx
        .query_row(
            "SELECT body FROM records WHERE device = ?1 AND seq = ?2",
            params![r.device, r.seq as i64],
            |row| row.get(0),
        )
        .optional()?;
    if let Some(old) = existing {
        if old == body {
            return Ok(false);
        }
        let old: Record = serde_json::from_str(&old)
            .map_err(|e| Error::BadLog(format!("stored record unreadable: {e}")))?;
        if &old == r {
            return Ok(false);
        }
        return Err(Error::BadLog(format!(
            "device {} record {} differs from the one already merged; the log was altered",
            r.device, r.seq
        )));
    }
    tx.execute(
        "INSERT INTO records (device, seq, kind, at_ms, session, student_no, body)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            r.device,
            r.seq as i64,
            r.kind(),
            r.at_ms,
            r.session,
            r.student_no().map(|n| n as i64),
            body
        ],
    )?;
    Ok(true)
}

fn read_rows(tx: &Connection, sql: &str, p: impl rusqlite::Params) -> Result<Vec<Record>> {
    let mut stmt = tx.prepare_cached(sql)?;
    let rows = stmt.query_map(p, |row| row.get::<_, String>(0))?;
    let mut out = Vec::new();
    for body in rows {
        let body = body?;
        out.push(
            serde_json::from_str(&body)
                .map_err(|e| Error::BadLog(format!("stored record unreadable: {e}")))?,
        );
    }
    Ok(out)
}

/// Every record, by device and sequence.
pub fn all(tx: &Connection) -> Result<Vec<Record>> {
    read_rows(tx, "SELECT body FROM records ORDER BY device, seq", [])
}

/// Every record about one student.
pub fn for_student(tx: &Connection, student_no: u64) -> Result<Vec<Record>> {
    read_rows(
        tx,
        "SELECT body FROM records WHERE student_no = ?1 ORDER BY device, seq",
        [student_no as i64],
    )
}

/// Records of one device, oldest first.
pub fn for_device(tx: &Connection, device: &str) -> Result<Vec<Record>> {
    read_rows(
        tx,
        "SELECT body FROM records WHERE device = ?1 ORDER BY seq",
        params![device],
    )
}

/// Records of one device in one session, oldest first.
pub fn for_device_session(tx: &Connection, device: &str, session: u8) -> Result<Vec<Record>> {
    read_rows(
        tx,
        "SELECT body FROM records WHERE session = ?1 AND device = ?2 ORDER BY seq",
        params![session, device],
    )
}

/// The session of a device's latest `number` record.
pub fn last_number_session(tx: &Connection, device: &str) -> Result<Option<u8>> {
    Ok(tx
        .query_row(
            "SELECT session FROM records WHERE device = ?1 AND kind IN ('number', 'admit')
             ORDER BY seq DESC LIMIT 1",
            params![device],
            |r| r.get(0),
        )
        .optional()?)
}

/// A device's records in a session from the first `number` of a batch on: everything that can
/// concern that batch (its numbers, and the step-asides, undos and photographs that follow them).
pub fn for_device_session_from_batch(
    tx: &Connection,
    device: &str,
    session: u8,
    batch: u32,
) -> Result<Vec<Record>> {
    read_rows(
        tx,
        "SELECT body FROM records WHERE session = ?1 AND device = ?2 AND seq >= coalesce((
             SELECT min(seq) FROM records WHERE session = ?1 AND device = ?2
             AND kind = 'number' AND json_extract(body, '$.batch') = ?3), 1 << 62)
         ORDER BY seq",
        params![session, device, batch],
    )
}

/// The last `number` record of a device in a session (older builds stored the kind `admit`).
pub fn last_number(tx: &Connection, device: &str, session: u8) -> Result<Option<Record>> {
    Ok(read_rows(
        tx,
        "SELECT body FROM records WHERE session = ?1 AND device = ?2 AND kind IN ('number', 'admit')
         ORDER BY seq DESC LIMIT 1",
        params![session, device],
    )?
    .pop())
}

/// The highest sequence number a device has used (0 when none).
pub fn last_seq(tx: &Connection, device: &str) -> Result<u64> {
    let n: Option<i64> = tx.query_row(
        "SELECT max(seq) FROM records WHERE device = ?1",
        [device],
        |r| r.get(0),
    )?;
    Ok(n.unwrap_or(0) as u64)
}

/// A log as it travels between devices.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LogFile {
    /// The event the records belong to.
    pub event_id: String,
    /// The device that exported it.
    pub from_device: String,
    /// When (Unix ms).
    pub exported_at_ms: i64,
    /// Public keys of the devices whose records the log holds (id → key).
    #[serde(default)]
    pub device_keys: std::collections::BTreeMap<String, crate::keys::PublicKey>,
    /// Each device's signed seals over runs of its records: every record must be covered.
    #[serde(default)]
    pub seals: Vec<crate::device::Seal>,
    /// The records.
    pub records: Vec<Record>,
}

/// Encodes a log file: header, deflated JSON, SHA-256.
pub fn encode(log: &LogFile) -> Vec<u8> {
    let json = serde_json::to_vec(log).expect("logs serialise");
    let mut enc = DeflateEncoder::new(Vec::new(), Compression::default());
    enc.write_all(&json).expect("writing to memory");
    let payload = enc.finish().expect("writing to memory");
    let mut out = Vec::with_capacity(payload.len() + 40);
    out.extend_from_slice(MAGIC);
    out.push(FORMAT);
    out.extend_from_slice(&(payload.len() as u32).to_be_bytes());
    out.extend_from_slice(&payload);
    let digest = Sha256::digest(&out);
    out.extend_from_slice(&digest);
    out
}

/// Decodes a log file, refusing anything truncated, altered or unknown.
pub fn decode(bytes: &[u8]) -> Result<LogFile> {
    let bad = |m: String| Err(Error::BadLog(m));
    if bytes.len() < 4 || &bytes[..3] != MAGIC {
        return bad(
            "this is not a PhotoDay log file (export one with “导出记录 / export log”)".into(),
        );
    }
    if bytes[3] != FORMAT {
        return bad(format!(
            "log format {} is not known to this version; update PhotoDay",
            bytes[3]
        ));
    }
    if bytes.len() < 8 + 32 {
        return bad("the log is cut short (truncated); export it again".into());
    }
    let len = u32::from_be_bytes([bytes[4], bytes[5], bytes[6], bytes[7]]) as usize;
    let expected = 8 + len + 32;
    if bytes.len() != expected {
        return bad(format!(
            "the log has {} bytes where {} were written: it was cut short or padded; export it again",
            bytes.len(),
            expected
        ));
    }
    let digest = Sha256::digest(&bytes[..8 + len]);
    if digest.as_slice() != &bytes[8 + len..] {
        return bad(
            "the log's checksum does not match: the file was damaged or altered; export it again"
                .into(),
        );
    }
    let mut json = Vec::new();
    DeflateDecoder::new(&bytes[8..8 + len])
        .take(MAX_LOG + 1)
        .read_to_end(&mut json)
        .map_err(|_| Error::BadLog("the log's content is damaged".into()))?;
    if json.len() as u64 > MAX_LOG {
        return bad("the log unpacks to more than 256 MB; refused".into());
    }
    serde_json::from_slice(&json)
        .map_err(|e| Error::BadLog(format!("the log's content is damaged ({e})")))
}

fn hex4(bytes: &[u8]) -> String {
    bytes[..4].iter().map(|b| format!("{b:02X}")).collect()
}

/// Splits an encoded log into QR texts (each fits QR version 10-M, alphanumeric mode).
pub fn to_qr_texts(encoded: &[u8]) -> Vec<String> {
    let id = hex4(&Sha256::digest(encoded));
    let chunks: Vec<&[u8]> = encoded.chunks(QR_CHUNK_BYTES).collect();
    let total = chunks.len();
    chunks
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let check = hex4(&Sha256::digest(c));
            format!(
                "{QR_PREFIX}{}/{}:{}:{}:{}",
                i + 1,
                total,
                id,
                check,
                base45::encode(c)
            )
        })
        .collect()
}

/// Progress of a QR log transfer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QrProgress {
    /// Codes received so far (distinct).
    pub received: u32,
    /// Codes in the sequence.
    pub total: u32,
    /// Indexes (1-based) still missing.
    pub missing: Vec<u32>,
    /// The code belongs to a sequence this phone already received whole (the sender's screen
    /// still shows it): nothing to do, and the next phone's codes are welcome.
    pub already_merged: bool,
}

impl QrProgress {
    /// Where a transfer stands, for the receiving screen: `已收 3/5，还缺第 2、4 张` /
    /// `3 of 5 codes received; still missing 2, 4`.
    pub fn line(&self) -> Text {
        if self.already_merged {
            return Text::new(
                "这部手机的记录已全部收到：可以扫下一部手机了",
                "This phone's records are all here: scan the next phone",
            );
        }
        let (r, t) = (self.received, self.total);
        if self.missing.is_empty() {
            return Text::new(
                format!("已收齐 {t} 张码"),
                format!("All {t} codes received"),
            );
        }
        let missing: Vec<String> = self.missing.iter().map(u32::to_string).collect();
        let missing = Text::list(&missing);
        Text::new(
            format!("已收 {r}/{t}，还缺第 {} 张", missing.zh),
            format!("{r} of {t} codes received; still missing {}", missing.en),
        )
    }
}

/// The counter under each code a phone shows when it sends its log: `第 2/5 张` / `Code 2 of 5`.
pub fn qr_counter(index: u32, total: u32) -> Text {
    Text::new(
        format!("第 {index}/{total} 张"),
        format!("Code {index} of {total}"),
    )
}

/// Collects log QR texts in any order until the sequence is complete.
#[derive(Debug, Clone, Default)]
pub struct QrAssembler {
    id: Option<String>,
    total: u32,
    chunks: BTreeMap<u32, Vec<u8>>,
    /// Sequences already received whole, so their codes still on a screen are not a new one.
    done: Vec<String>,
}

impl QrAssembler {
    /// An empty assembler.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one scanned text. A text of another sequence (while one is under way), a damaged
    /// chunk or a non-log text is refused with a reason; repeats are harmless.
    pub fn add(&mut self, text: &str) -> Result<QrProgress> {
        let text = text.trim();
        let bad = |en: &str| {
            Err(Error::told(
                Refusal::LogCodeDamaged,
                "这个记录二维码不完整或已损坏，请再扫一次",
                en,
            ))
        };
        let Some(rest) = text.strip_prefix(QR_PREFIX) else {
            return Err(Error::told(
                Refusal::Invalid,
                "这不是 PhotoDay 的记录二维码",
                "this QR code is not part of a PhotoDay log",
            ));
        };
        let mut parts = rest.splitn(4, ':');
        let (Some(pos), Some(id), Some(check), Some(data)) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return bad("this log QR code is cut short; scan it again");
        };
        let Some((i, n)) = pos.split_once('/') else {
            return bad("this log QR code has no index; scan it again");
        };
        let (Ok(i), Ok(n)) = (i.parse::<u32>(), n.parse::<u32>()) else {
            return bad("this log QR code has a damaged index; scan it again");
        };
        if n == 0 || i == 0 || i > n || n > 100_000 {
            return bad("this log QR code has an impossible index; scan it again");
        }
        let Some(bytes) = base45::decode(data) else {
            return bad("this log QR code is damaged; scan it again");
        };
        if hex4(&Sha256::digest(&bytes)) != check {
            return bad("this log QR code fails its checksum; scan it again");
        }
        if self.done.iter().any(|d| d == id) {
            return Ok(QrProgress {
                received: n,
                total: n,
                missing: vec![],
                already_merged: true,
            });
        }
        match &self.id {
            Some(cur) if cur != id || self.total != n => {
                return Err(Error::told(
                    Refusal::LogCodeOtherSequence,
                    format!(
                        "这是另一台手机的记录二维码；当前这组已收 {}/{}，请扫完或放弃后重来",
                        self.chunks.len(),
                        self.total
                    ),
                    format!(
                        "this code belongs to another log sequence ({} of {} of the current one received); finish it or abandon it and start over",
                        self.chunks.len(),
                        self.total
                    ),
                ))
            }
            None => {
                self.id = Some(id.to_string());
                self.total = n;
            }
            _ => {}
        }
        self.chunks.insert(i, bytes);
        Ok(self.progress())
    }

    /// Where the transfer stands.
    pub fn progress(&self) -> QrProgress {
        QrProgress {
            received: self.chunks.len() as u32,
            total: self.total,
            missing: (1..=self.total)
                .filter(|i| !self.chunks.contains_key(i))
                .collect(),
            already_merged: false,
        }
    }

    /// Drops a half-received sequence (the other phone went away); the next code starts anew.
    /// Returns how many codes were dropped.
    pub fn abandon(&mut self) -> u32 {
        let dropped = self.chunks.len() as u32;
        self.id = None;
        self.total = 0;
        self.chunks.clear();
        dropped
    }

    /// The encoded log once every code is in, and the assembler ready for the next phone; the
    /// finished sequence's codes are recognised as already merged from then on.
    pub fn take(&mut self) -> Result<Vec<u8>> {
        let bytes = self.finish()?;
        if let Some(id) = self.id.clone() {
            self.done.push(id);
        }
        self.abandon();
        Ok(bytes)
    }

    /// The encoded log once every code is in (checked against the sequence id).
    pub fn finish(&self) -> Result<Vec<u8>> {
        let p = self.progress();
        if p.total == 0 || !p.missing.is_empty() {
            return Err(Error::BadLog(format!(
                "{} of {} codes received; still missing {:?}",
                p.received, p.total, p.missing
            )));
        }
        let bytes: Vec<u8> = self.chunks.values().flatten().copied().collect();
        if Some(hex4(&Sha256::digest(&bytes))) != self.id {
            return Err(Error::BadLog(
                "the codes do not add up to the log they announce; start over".into(),
            ));
        }
        Ok(bytes)
    }
}

/// Assembles a complete set of QR texts given in any order.
pub fn from_qr_texts<S: AsRef<str>>(texts: &[S]) -> Result<Vec<u8>> {
    let mut a = QrAssembler::new();
    for t in texts {
        a.add(t.as_ref())?;
    }
    a.finish()
}

#[cfg(test)]
mod text_tests {
    use super::*;

    #[test]
    fn a_transfer_says_which_codes_are_missing_and_when_it_is_whole() {
        let p = |received, missing: Vec<u32>, already_merged| QrProgress {
            received,
            total: 5,
            missing,
            already_merged,
        };
        assert_eq!(
            p(3, vec![2, 4], false).line().zh,
            "已收 3/5，还缺第 2、4 张"
        );
        assert_eq!(
            p(3, vec![2, 4], false).line().en,
            "3 of 5 codes received; still missing 2, 4"
        );
        assert_eq!(p(5, vec![], false).line().en, "All 5 codes received");
        assert!(p(5, vec![], true).line().zh.contains("下一部手机"));
        assert_eq!(qr_counter(2, 5).en, "Code 2 of 5");
    }
}
