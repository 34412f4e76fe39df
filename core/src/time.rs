//! Event-local time.
//!
//! The notice speaks in Beijing time ("2023年5月20日下午17时"); phones and laptops count in
//! Unix time and may be set to any zone, or simply be wrong. Everything in the core is held as
//! naive local time of the event plus the event's fixed UTC offset (China has no daylight saving,
//! so no time-zone database is needed), and "now" always arrives as Unix milliseconds so tests,
//! the CLI's `--now` and the phones' clocks all enter the same way.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};

/// Unix time in milliseconds, as every platform clock gives it.
pub type UnixMillis = i64;

/// Parses `+08:00` / `-05:30` / `Z`.
pub fn parse_offset(s: &str) -> Option<FixedOffset> {
    let s = s.trim();
    if s == "Z" || s == "z" {
        return FixedOffset::east_opt(0);
    }
    let (sign, rest) = match s.as_bytes().first()? {
        b'+' => (1, &s[1..]),
        b'-' => (-1, &s[1..]),
        _ => return None,
    };
    let (h, m) = rest.split_once(':')?;
    if h.len() != 2 || m.len() != 2 {
        return None;
    }
    let h: i32 = h.parse().ok()?;
    let m: i32 = m.parse().ok()?;
    if h > 14 || m > 59 {
        return None;
    }
    FixedOffset::east_opt(sign * (h * 3600 + m * 60))
}

/// Formats an offset as `+08:00`.
pub fn format_offset(offset: FixedOffset) -> String {
    let secs = offset.local_minus_utc();
    let sign = if secs < 0 { '-' } else { '+' };
    let secs = secs.abs();
    format!("{sign}{:02}:{:02}", secs / 3600, (secs % 3600) / 60)
}

/// Parses `HH:MM` (24-hour).
pub fn parse_hhmm(s: &str) -> Option<NaiveTime> {
    let (h, m) = s.trim().split_once(':')?;
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return None;
    }
    NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
}

/// Formats a time as `HH:MM`.
pub fn format_hhmm(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

/// Parses `YYYY-MM-DD HH:MM` (a `T` between the two parts is accepted too).
pub fn parse_local_minute(s: &str) -> Option<NaiveDateTime> {
    let s = s.trim();
    let (d, t) = s.split_once([' ', 'T'])?;
    let date = NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").ok()?;
    Some(date.and_time(parse_hhmm(t)?))
}

/// Formats a local moment as `YYYY-MM-DD HH:MM`.
pub fn format_local_minute(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%d %H:%M").to_string()
}

/// Event-local wall time of a Unix instant.
pub fn to_local(offset: FixedOffset, at: UnixMillis) -> NaiveDateTime {
    match DateTime::from_timestamp_millis(at) {
        Some(utc) => utc.with_timezone(&offset).naive_local(),
        None => DateTime::UNIX_EPOCH.with_timezone(&offset).naive_local(),
    }
}

/// Unix instant of an event-local wall time.
pub fn to_unix(offset: FixedOffset, local: NaiveDateTime) -> UnixMillis {
    offset
        .from_local_datetime(&local)
        .single()
        .map(|t| t.timestamp_millis())
        .unwrap_or_default()
}

/// RFC 3339 text of a local time with its offset: `2023-06-03T09:10:00+08:00`.
pub fn rfc3339(offset: FixedOffset, local: NaiveDateTime) -> String {
    offset
        .from_local_datetime(&local)
        .single()
        .map(|t| t.to_rfc3339())
        .unwrap_or_default()
}

/// Parses a `--now` style moment: RFC 3339 (`2023-06-03T09:40:00+08:00`) or event-local
/// `YYYY-MM-DD HH:MM`.
pub fn parse_moment(s: &str, offset: FixedOffset) -> Option<UnixMillis> {
    if let Ok(t) = DateTime::parse_from_rfc3339(s.trim()) {
        return Some(t.timestamp_millis());
    }
    parse_local_minute(s).map(|l| to_unix(offset, l))
}

/// Serde for `HH:MM`.
pub mod serde_hhmm {
    use chrono::NaiveTime;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(t: &NaiveTime, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::format_hhmm(*t))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveTime, D::Error> {
        let s = String::deserialize(d)?;
        super::parse_hhmm(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("`{s}` is not a time like 09:30")))
    }
}

/// Serde for `YYYY-MM-DD HH:MM`.
pub mod serde_local_minute {
    use chrono::NaiveDateTime;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(t: &NaiveDateTime, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::format_local_minute(*t))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDateTime, D::Error> {
        let s = String::deserialize(d)?;
        super::parse_local_minute(&s).ok_or_else(|| {
            serde::de::Error::custom(format!("`{s}` is not a moment like 2023-05-20 17:00"))
        })
    }
}

/// Serde for a UTC offset such as `+08:00`.
pub mod serde_offset {
    use chrono::FixedOffset;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(o: &FixedOffset, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::format_offset(*o))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<FixedOffset, D::Error> {
        let s = String::deserialize(d)?;
        super::parse_offset(&s).ok_or_else(|| {
            serde::de::Error::custom(format!("`{s}` is not a UTC offset like +08:00"))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn beijing_time_round_trips_through_unix_millis() {
        let off = parse_offset("+08:00").unwrap();
        let local = parse_local_minute("2023-06-03 09:10").unwrap();
        let unix = to_unix(off, local);
        assert_eq!(to_local(off, unix), local);
        assert_eq!(rfc3339(off, local), "2023-06-03T09:10:00+08:00");
        assert_eq!(parse_moment("2023-06-03T01:10:00Z", off), Some(unix));
    }

    #[test]
    fn malformed_times_are_refused() {
        assert!(parse_hhmm("9:3").is_none());
        assert!(parse_hhmm("25:00").is_none());
        assert!(parse_offset("08:00").is_none());
        assert!(parse_local_minute("2023-02-30 10:00").is_none());
    }
}
