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

    /// Where: `信息技术与工程学院 · 一教104`.
    pub fn place(&self) -> Text {
        Text::new(
            format!("{} · {}", self.college.zh, self.room.zh),
            format!("{} · {}", self.college.en, self.room.en),
        )
    }

    /// The student's time, saying whether it is their class's planned time or the session's
    /// start: `你班的时间：2023-06-03 09:30`.
    pub fn time_line(&self) -> Text {
        let t = crate::time::format_local_minute(self.time);
        if self.planned {
            Text::new(
                format!("你班的时间：{t}"),
                format!("Your class's time: {t}"),
            )
        } else {
            Text::new(format!("本场开始：{t}"), format!("Session starts: {t}"))
        }
    }

    /// When to be at the room's door: `请在 2023-06-03 09:10 前到门口`.
    pub fn arrive_by_line(&self) -> Text {
        let t = crate::time::format_local_minute(self.arrive_by);
        Text::new(
            format!("请在 {t} 前到门口"),
            format!("Be at the door by {t}"),
        )
    }
}
