//! The student's own note of their 摄影编号, carried by a small QR on the studio phone.
//!
//! Inside the studio the student is given a number and shot in that order (the notice, 三.4).
//! The studio phone shows the number with a small QR; the student's app scans it offline and keeps
//! "一教104 · 037 · 第5批", which also tells the app that the shoot is done (no 补拍 alarms). The
//! text names the event and the student so a classmate's code is refused; it is not signed, since
//! it only changes what the student's own phone shows.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// Prefix of a number QR text.
pub const PREFIX: &str = "PDN1:";

/// A 摄影编号 as the student keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShotNumber {
    /// The event it belongs to.
    pub event_id: String,
    /// 1-based session.
    pub session: u8,
    /// The student.
    pub student_no: u64,
    /// The number as the photographer's list shows it (`037`, `A037`).
    pub photo_no: String,
    /// The batch.
    pub batch: u32,
}

impl ShotNumber {
    /// The QR text: `PDN1:` event `:` session `:` student `:` number `:` batch.
    pub fn to_text(&self) -> String {
        format!(
            "{PREFIX}{}:{}:{}:{}:{}",
            self.event_id, self.session, self.student_no, self.photo_no, self.batch
        )
    }

    /// Reads a number QR text; anything else is refused with what it is not.
    pub fn parse(text: &str) -> Result<ShotNumber> {
        let bad = || {
            Error::Invalid(
                "这不是摄影编号二维码 / this is not a photo-number code from the studio phone"
                    .into(),
            )
        };
        let rest = text.trim().strip_prefix(PREFIX).ok_or_else(bad)?;
        // The event id may hold colons; the four fields after it never do.
        let mut parts = rest.rsplitn(5, ':');
        let batch = parts.next().and_then(|s| s.parse().ok()).ok_or_else(bad)?;
        let photo_no = parts.next().filter(|s| !s.is_empty()).ok_or_else(bad)?;
        let student_no = parts.next().and_then(|s| s.parse().ok()).ok_or_else(bad)?;
        let session = parts.next().and_then(|s| s.parse().ok()).ok_or_else(bad)?;
        let event_id = parts.next().filter(|s| !s.is_empty()).ok_or_else(bad)?;
        Ok(ShotNumber {
            event_id: event_id.to_string(),
            session,
            student_no,
            photo_no: photo_no.to_string(),
            batch,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_code_round_trips_even_with_colons_in_the_event_id() {
        let n = ShotNumber {
            event_id: "gzcc:2023-7f3a".into(),
            session: 1,
            student_no: 202001010203,
            photo_no: "A037".into(),
            batch: 5,
        };
        assert_eq!(ShotNumber::parse(&n.to_text()).unwrap(), n);
        assert!(ShotNumber::parse("PD1:ABC").is_err());
        assert!(ShotNumber::parse("PDN1:x:1:2:").is_err());
    }
}
