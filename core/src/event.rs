//! The event, as the 教务处's notice defines it.
//!
//! A notice such as 广商教文〔2023〕27号 is the single source of truth for the day: which college
//! is photographed where and when, the fee and its deadline, the 补拍 make-up, the 40-day check on
//! 学信网, what to wear. PhotoDay keeps it as a TOML file a person can edit (the built-in template
//! `gzcc-2023` is that notice, row by row), validates it with errors that name the field, and every
//! other module reads its rules from here instead of hard-coding them.

use chrono::{Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};
use std::path::Path;

use crate::error::{Error, Result};
use crate::text::Text;
use crate::time;

/// The notice of 广州商学院, 2023, as shipped inside the crate.
pub const GZCC_2023_TOML: &str = include_str!("../templates/gzcc-2023.toml");

/// Names of the built-in templates.
pub const TEMPLATES: &[&str] = &["gzcc-2023"];

/// Largest batch the door accepts (the notice says 5–8 a batch; 20 leaves room for big studios).
pub const MAX_BATCH_SIZE: u32 = 20;

/// One photo-collection event: a school's notice, its sessions and its rules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Short stable id, signed into every pass (`gzcc-2023`); passes of another event never verify here.
    pub id: String,
    /// Title of the event.
    pub title: Text,
    /// The notice's reference number, e.g. 广商教文〔2023〕27号.
    #[serde(default)]
    pub notice_ref: String,
    /// UTC offset of every time in the event (`+08:00`).
    #[serde(with = "time::serde_offset")]
    pub utc_offset: FixedOffset,
    /// Cohorts photographed (2020级本科, 2021级专科).
    #[serde(default)]
    pub cohorts: Vec<String>,
    /// Students called into the studio together (the notice: 5–8).
    pub batch_size: u32,
    /// Minutes before their time that students must arrive (the notice: 20).
    pub arrive_early_minutes: u32,
    /// Students one camera photographs in an hour, for the arrival plan (default 150).
    #[serde(default = "default_throughput")]
    pub throughput_per_hour: u32,
    /// Explicit class order for the arrival plan; empty means by class name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub class_order: Vec<String>,
    /// The school.
    pub school: School,
    /// The photo fee.
    pub fee: Fee,
    /// The 补拍 make-up for those who miss their session.
    pub makeup: Makeup,
    /// The check of the photo on 学信网 after the shoot.
    pub verification: Verification,
    /// Whom to ask.
    #[serde(default)]
    pub contacts: Vec<Contact>,
    /// The schedule: one row of the notice's table each, in the notice's order (序号 = index + 1).
    pub sessions: Vec<Session>,
    /// The notice's instructions, in sections.
    #[serde(default)]
    pub instructions: Vec<Section>,
    /// Ways to get the CHSI 采集码, each a list of steps.
    #[serde(default)]
    pub collection_code_steps: Vec<CodeRoute>,
    /// What a student ticks before the day.
    #[serde(default)]
    pub checklist: Vec<ChecklistEntry>,
}

fn default_throughput() -> u32 {
    150
}

/// The school running the event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct School {
    /// The school's name.
    pub name: Text,
    /// The national school code (学校代码), e.g. 13667.
    pub code: String,
}

/// The photo fee (摄影费).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fee {
    /// Yuan per student (15).
    pub yuan: u32,
    /// When the colleges must have paid, event-local.
    #[serde(with = "time::serde_local_minute")]
    pub deadline: NaiveDateTime,
    /// How it is paid.
    #[serde(default)]
    pub pay_to: Text,
    /// Who collects it from students.
    #[serde(default)]
    pub collected_by: Text,
}

/// The 补拍 make-up photo for students who missed their session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Makeup {
    /// Last moment for a make-up photo, event-local.
    #[serde(with = "time::serde_local_minute")]
    pub deadline: NaiveDateTime,
    /// Where.
    pub place: Text,
    /// Phone number.
    pub phone: String,
    /// Yuan (60, photo and postage).
    pub fee_yuan: u32,
    /// School code to fill in there.
    pub school_code: String,
    /// What to bring.
    #[serde(default)]
    pub bring: Vec<Text>,
}

/// The check of the photo on 学信网.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Verification {
    /// Days after the shoot when the photo can be checked (40).
    pub after_days: u32,
    /// The site (学信网).
    pub site: String,
    /// What to do.
    #[serde(default)]
    pub how: Text,
}

/// Someone to ask.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Name.
    pub name: Text,
    /// What they are for.
    #[serde(default)]
    pub role: Text,
    /// Phone numbers, dialable as written.
    #[serde(default)]
    pub phones: Vec<String>,
    /// Internal extension (内线).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extension: Option<String>,
    /// Where to find them.
    #[serde(default)]
    pub place: Text,
}

/// One row of the notice's schedule: a college photographed in a room on a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// The college (学院).
    pub college: Text,
    /// The date, event-local.
    pub date: NaiveDate,
    /// The room (地点).
    pub room: Text,
    /// Shooting windows, in order (e.g. 09:30–12:00 and 14:00–16:00).
    pub windows: Vec<Window>,
    /// Cameras in the room for the arrival plan (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cameras: Option<u32>,
    /// Throughput for this session if it differs from the event's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub throughput_per_hour: Option<u32>,
}

/// A shooting window inside one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Window {
    /// Start, event-local `HH:MM`.
    #[serde(with = "time::serde_hhmm")]
    pub start: NaiveTime,
    /// End, event-local `HH:MM`.
    #[serde(with = "time::serde_hhmm")]
    pub end: NaiveTime,
}

/// A section of the notice's instructions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Heading.
    pub title: Text,
    /// Items, in order.
    pub items: Vec<Text>,
}

/// One way to get the CHSI 采集码.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeRoute {
    /// Where (学信网 App, 公众号, 学信档案).
    pub title: Text,
    /// Steps, in order.
    pub steps: Vec<Text>,
}

/// One checklist item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistEntry {
    /// Stable id; ticks are stored under it.
    pub id: String,
    /// What to check.
    pub text: Text,
}

impl Window {
    /// Minutes the window lasts.
    pub fn minutes(&self) -> i64 {
        (self.end - self.start).num_minutes()
    }

    /// `09:30–12:00`.
    pub fn label(&self) -> String {
        format!(
            "{}–{}",
            time::format_hhmm(self.start),
            time::format_hhmm(self.end)
        )
    }
}

impl Session {
    /// Event-local start of the first window.
    pub fn start(&self) -> NaiveDateTime {
        self.date.and_time(self.windows[0].start)
    }

    /// Event-local end of the last window.
    pub fn end(&self) -> NaiveDateTime {
        self.date.and_time(self.windows[self.windows.len() - 1].end)
    }

    /// Each window as `09:30–12:00`.
    pub fn window_labels(&self) -> Vec<String> {
        self.windows.iter().map(Window::label).collect()
    }

    /// The windows joined for each language: `09:30–12:00、14:00–16:00` / `09:30–12:00, 14:00–16:00`.
    pub fn windows_text(&self) -> crate::text::Text {
        crate::text::Text::list(&self.window_labels())
    }

    /// `09:30–12:00、14:00–16:00`.
    pub fn windows_label(&self) -> String {
        self.windows
            .iter()
            .map(Window::label)
            .collect::<Vec<_>>()
            .join("、")
    }

    /// The window containing `t`, if any.
    pub fn window_at(&self, t: NaiveDateTime) -> Option<&Window> {
        if t.date() != self.date {
            return None;
        }
        self.windows
            .iter()
            .find(|w| t.time() >= w.start && t.time() < w.end)
    }

    /// Cameras in the room (default 1).
    pub fn cameras(&self) -> u32 {
        self.cameras.unwrap_or(1).max(1)
    }
}

impl Event {
    /// A built-in template by name (`gzcc-2023`).
    pub fn template(name: &str) -> Result<Event> {
        match name {
            "gzcc-2023" => Event::from_toml(GZCC_2023_TOML, "template gzcc-2023"),
            other => Err(Error::UnknownTemplate(other.to_string())),
        }
    }

    /// Parses and validates an event from TOML; `source_name` (a file name) appears in errors.
    pub fn from_toml(text: &str, source_name: &str) -> Result<Event> {
        let event: Event = toml::from_str(text).map_err(|e| {
            let field = e
                .span()
                .map(|s| {
                    let line = text[..s.start.min(text.len())].lines().count().max(1);
                    format!("line {line}")
                })
                .unwrap_or_else(|| "?".to_string());
            Error::event(source_name, field, e.message().to_string())
        })?;
        event.validate(source_name)?;
        Ok(event)
    }

    /// Reads and validates an event file.
    pub fn load(path: &Path) -> Result<Event> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        Event::from_toml(&text, &path.display().to_string())
    }

    /// The event as editable TOML.
    pub fn to_toml(&self) -> String {
        toml::to_string_pretty(self).expect("an event always serialises")
    }

    /// Checks the rules a notice must obey; the error names the first field that breaks one.
    pub fn validate(&self, src: &str) -> Result<()> {
        let err = |field: String, msg: String| Err(Error::event(src, field, msg));
        if self.id.trim().is_empty() || self.id.len() > 64 {
            return err("id".into(), "must be 1–64 characters".into());
        }
        if !(1..=MAX_BATCH_SIZE).contains(&self.batch_size) {
            return err(
                "batch_size".into(),
                format!(
                    "{} is outside 1..={MAX_BATCH_SIZE} (the notice calls 5–8 students a batch)",
                    self.batch_size
                ),
            );
        }
        if self.arrive_early_minutes > 240 {
            return err(
                "arrive_early_minutes".into(),
                "more than 4 hours early is surely a typo".into(),
            );
        }
        if self.throughput_per_hour == 0 {
            return err(
                "throughput_per_hour".into(),
                "must be at least 1 student an hour".into(),
            );
        }
        if self.sessions.is_empty() {
            return err("sessions".into(), "the event has no session".into());
        }
        if self.sessions.len() > 255 {
            return err(
                "sessions".into(),
                format!("{} sessions; a pass holds at most 255", self.sessions.len()),
            );
        }
        for (i, s) in self.sessions.iter().enumerate() {
            let f = format!("sessions[{i}]");
            if s.college.zh.trim().is_empty() && s.college.en.trim().is_empty() {
                return err(format!("{f}.college"), "is empty".into());
            }
            if s.windows.is_empty() {
                return err(format!("{f}.windows"), "needs at least one window".into());
            }
            if s.cameras == Some(0) {
                return err(format!("{f}.cameras"), "must be at least 1".into());
            }
            if s.throughput_per_hour == Some(0) {
                return err(
                    format!("{f}.throughput_per_hour"),
                    "must be at least 1".into(),
                );
            }
            for (j, w) in s.windows.iter().enumerate() {
                if w.end <= w.start {
                    return err(
                        format!("{f}.windows[{j}].end"),
                        format!(
                            "{} ({}, {}) ends before it starts",
                            w.label(),
                            s.college.zh,
                            s.date
                        ),
                    );
                }
                if j > 0 && w.start < s.windows[j - 1].end {
                    return err(
                        format!("{f}.windows[{j}].start"),
                        format!("{} overlaps or precedes the window before it", w.label()),
                    );
                }
            }
            for (k, other) in self.sessions.iter().enumerate().take(i) {
                if other.college.zh == s.college.zh {
                    return err(
                        format!("{f}.college"),
                        format!(
                            "{} already has session {}; students map to their college's one session",
                            s.college.zh,
                            k + 1
                        ),
                    );
                }
                if other.date != s.date || other.room.zh != s.room.zh {
                    continue;
                }
                for w in &s.windows {
                    for o in &other.windows {
                        // Windows that only touch (a 15:00 hand-over) are fine.
                        if w.start < o.end && o.start < w.end {
                            return err(
                                format!("{f}.windows"),
                                format!(
                                    "{} {} {} overlaps {} ({}) in the same room",
                                    s.room.zh,
                                    s.date,
                                    w.label(),
                                    other.college.zh,
                                    o.label()
                                ),
                            );
                        }
                    }
                }
            }
        }
        let first = self.first_start();
        if self.fee.deadline > first {
            return err(
                "fee.deadline".into(),
                format!(
                    "{} is after the first session starts ({})",
                    time::format_local_minute(self.fee.deadline),
                    time::format_local_minute(first)
                ),
            );
        }
        let last = self.last_end();
        if self.makeup.deadline < last {
            return err(
                "makeup.deadline".into(),
                format!(
                    "{} is before the last session ends ({})",
                    time::format_local_minute(self.makeup.deadline),
                    time::format_local_minute(last)
                ),
            );
        }
        let mut ids = std::collections::HashSet::new();
        for (i, c) in self.checklist.iter().enumerate() {
            if !ids.insert(c.id.as_str()) {
                return err(format!("checklist[{i}].id"), format!("`{}` twice", c.id));
            }
        }
        Ok(())
    }

    /// Start of the earliest session.
    pub fn first_start(&self) -> NaiveDateTime {
        self.sessions.iter().map(Session::start).min().unwrap()
    }

    /// End of the latest session.
    pub fn last_end(&self) -> NaiveDateTime {
        self.sessions.iter().map(Session::end).max().unwrap()
    }

    /// The session by its 1-based number (序号), as passes and stations carry it.
    pub fn session(&self, number: u8) -> Option<&Session> {
        (number as usize)
            .checked_sub(1)
            .and_then(|i| self.sessions.get(i))
    }

    /// The 1-based number of the session of a college (Chinese or English name).
    pub fn session_of_college(&self, college: &str) -> Option<u8> {
        self.sessions
            .iter()
            .position(|s| s.college.matches(college))
            .map(|i| (i + 1) as u8)
    }

    /// A session chosen by its number (`3`) or its college's name.
    pub fn find_session(&self, key: &str) -> Option<u8> {
        match key.trim().parse::<u8>() {
            Ok(n) if self.session(n).is_some() => Some(n),
            _ => self.session_of_college(key),
        }
    }

    /// Throughput (students an hour per camera) for a session.
    pub fn throughput(&self, number: u8) -> u32 {
        self.session(number)
            .and_then(|s| s.throughput_per_hour)
            .unwrap_or(self.throughput_per_hour)
    }

    /// Day the photo can be checked on 学信网 for a shoot on `date`.
    pub fn verification_opens(&self, date: NaiveDate) -> NaiveDate {
        date + Duration::days(self.verification.after_days as i64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_validates_and_round_trips_through_toml() {
        let e = Event::template("gzcc-2023").unwrap();
        let again = Event::from_toml(&e.to_toml(), "round trip").unwrap();
        assert_eq!(e, again);
    }

    #[test]
    fn sessions_are_found_by_number_or_college() {
        let e = Event::template("gzcc-2023").unwrap();
        assert_eq!(e.find_session("1"), Some(1));
        assert_eq!(e.find_session("国际学院"), Some(10));
        assert_eq!(e.find_session("International School"), Some(10));
        assert_eq!(e.find_session("11"), None);
    }
}
