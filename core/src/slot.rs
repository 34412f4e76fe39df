//! A student's slot: where and when to be.
//!
//! The notice says "arrive 20 minutes before your time". Without an arrival plan "your time" is the
//! session's first window, so a whole college turns up at 09:10; with a plan it is the class's
//! arrival time. Both apps show the same slot card, so it is computed once, here.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::event::{Event, Window};
use crate::text::Text;

/// Where and when a student is photographed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Slot {
    /// 1-based session number.
    pub session: u8,
    /// College.
    pub college: Text,
    /// Room.
    pub room: Text,
    /// Date.
    pub date: NaiveDate,
    /// The session's windows.
    pub windows: Vec<Window>,
    /// The student's time: their class's planned arrival, or the session's start.
    pub time: NaiveDateTime,
    /// Whether `time` comes from the arrival plan (else it is the session start).
    pub planned: bool,
    /// When to be at the door: `time` minus the event's arrive-early minutes.
    pub arrive_by: NaiveDateTime,
}

impl Slot {
    /// The slot of a session, with the class's planned arrival time if there is a plan.
    pub fn new(event: &Event, session: u8, class_time: Option<NaiveDateTime>) -> Option<Slot> {
        let s = event.session(session)?;
        let time = class_time.unwrap_or_else(|| s.start());
        Some(Slot {
            session,
            college: s.college.clone(),
            room: s.room.clone(),
            date: s.date,
            windows: s.windows.clone(),
            time,
            planned: class_time.is_some(),
            arrive_by: time - chrono::Duration::minutes(event.arrive_early_minutes as i64),
        })
    }

    /// `2023-06-03 09:30–12:00、14:00–16:00`.
    pub fn when_label(&self) -> String {
        let windows: Vec<String> = self.windows.iter().map(Window::label).collect();
        format!("{} {}", self.date, windows.join("、"))
    }
}
