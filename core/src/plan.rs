//! The arrival plan: every class gets its own arrival time inside its college's session.
//!
//! The notice gives a college one session (09:30–12:00, 14:00–16:00) and asks it to arrange the
//! order itself; in practice the whole college arrives at 09:10 and queues down the stairs. One
//! camera takes about 150 students an hour, so the plan fills the session's windows class by class
//! at that pace, respects the lunch break, and splits a class only when it does not fit before a
//! break. A session that cannot hold its roster is reported before the day with the numbers and
//! what would make it fit. The plan is deterministic: the same roster always gives the same plan.
//!
//! A student's phone finds its entry by student number: each entry lists the runs of consecutive
//! (in the session's sorted order) student numbers it covers, so the student bundle carries no
//! names and no class lists, yet every lookup is exact.

use chrono::{Duration, NaiveDateTime};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::BTreeMap;

use crate::event::{Event, Session};
use crate::roster::Roster;
use crate::text::Text;
use crate::time;

/// Name used for students whose class is blank.
pub const NO_CLASS: &str = "（未分班）";

/// Don't split a class to put fewer than this many students before a break; move it instead.
const MIN_SPLIT: u32 = 5;

/// Settings of a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanSettings {
    /// Students per hour per camera; `None` uses the event's (and each session's) own.
    pub per_hour: Option<u32>,
    /// Cameras per room; `None` uses each session's own (default 1).
    pub cameras: Option<u32>,
}

/// One class (or part of a class) with its arrival time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanEntry {
    /// Class name.
    pub class: String,
    /// Part number when the class is split at a break (1, 2); 1 when not split.
    pub part: u32,
    /// Parts in all.
    pub parts: u32,
    /// Students in this entry.
    pub students: u32,
    /// When this group is photographed from (their "time"; arrive-by is earlier).
    #[serde(with = "time::serde_local_minute")]
    pub start: NaiveDateTime,
    /// When this group should be done.
    #[serde(with = "time::serde_local_minute")]
    pub end: NaiveDateTime,
    /// False when the session's windows are full and this group runs past the last window.
    pub fits: bool,
    /// Runs of student numbers (inclusive) in this entry.
    pub ranges: Vec<(u64, u64)>,
}

impl PlanEntry {
    /// `软件1班` or `软件1班 (2/2)`.
    pub fn label(&self) -> String {
        if self.parts > 1 {
            format!("{} ({}/{})", self.class, self.part, self.parts)
        } else {
            self.class.clone()
        }
    }

    /// Whether the entry covers a student number.
    pub fn covers(&self, student_no: u64) -> bool {
        self.ranges
            .iter()
            .any(|(a, b)| (*a..=*b).contains(&student_no))
    }
}

/// The plan of one session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionPlan {
    /// 1-based session number.
    pub session: u8,
    /// Students on the roster.
    pub students: u32,
    /// Students per hour per camera used.
    pub per_hour: u32,
    /// Cameras used.
    pub cameras: u32,
    /// Minutes the roster needs at that pace.
    pub needed_minutes: u32,
    /// Minutes the windows give.
    pub available_minutes: u32,
    /// Whether the roster fits.
    pub fits: bool,
    /// When it does not fit: the numbers and what would make it fit.
    pub overflow: Option<Text>,
    /// Classes in arrival order.
    pub entries: Vec<PlanEntry>,
}

/// The arrival plan of an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Plan {
    /// One per session, in the event's order.
    pub sessions: Vec<SessionPlan>,
}

impl Plan {
    /// The entry a student belongs to.
    pub fn entry_for(&self, session: u8, student_no: u64) -> Option<&PlanEntry> {
        self.sessions
            .iter()
            .find(|s| s.session == session)?
            .entries
            .iter()
            .find(|e| e.covers(student_no))
    }

    /// Sessions that cannot hold their roster.
    pub fn overfull(&self) -> impl Iterator<Item = &SessionPlan> {
        self.sessions.iter().filter(|s| !s.fits)
    }
}

/// Compares class names the way people read them: `软件2班` before `软件10班`.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (mut x, mut y) = (a.chars().peekable(), b.chars().peekable());
    loop {
        match (x.peek().copied(), y.peek().copied()) {
            (None, None) => return a.cmp(b),
            (None, _) => return Ordering::Less,
            (_, None) => return Ordering::Greater,
            (Some(c), Some(d)) if c.is_ascii_digit() && d.is_ascii_digit() => {
                let mut n = String::new();
                while let Some(c) = x.peek().filter(|c| c.is_ascii_digit()) {
                    n.push(*c);
                    x.next();
                }
                let mut m = String::new();
                while let Some(d) = y.peek().filter(|d| d.is_ascii_digit()) {
                    m.push(*d);
                    y.next();
                }
                let (n, m) = (n.trim_start_matches('0'), m.trim_start_matches('0'));
                match n.len().cmp(&m.len()).then(n.cmp(m)) {
                    Ordering::Equal => continue,
                    o => return o,
                }
            }
            (Some(c), Some(d)) => {
                x.next();
                y.next();
                match c.cmp(&d) {
                    Ordering::Equal => continue,
                    o => return o,
                }
            }
        }
    }
}

/// Plans every session of the event for the roster.
pub fn plan(event: &Event, roster: &Roster, settings: PlanSettings) -> Plan {
    Plan {
        sessions: (1..=event.sessions.len() as u8)
            .map(|n| plan_session(event, n, roster, settings))
            .collect(),
    }
}

fn plan_session(event: &Event, number: u8, roster: &Roster, settings: PlanSettings) -> SessionPlan {
    let session = event.session(number).expect("numbers come from the event");
    let per_hour = settings
        .per_hour
        .unwrap_or_else(|| event.throughput(number))
        .max(1);
    let cameras = settings.cameras.unwrap_or_else(|| session.cameras()).max(1);
    let rate = (per_hour * cameras) as f64; // students an hour

    let mut classes: BTreeMap<String, Vec<u64>> = BTreeMap::new();
    for s in roster.in_session(number) {
        let class = if s.class.trim().is_empty() {
            NO_CLASS.to_string()
        } else {
            s.class.trim().to_string()
        };
        classes.entry(class).or_default().push(s.student_no);
    }
    let mut order: Vec<(String, Vec<u64>)> = classes.into_iter().collect();
    order.sort_by(|(a, _), (b, _)| {
        let pos = |c: &str| event.class_order.iter().position(|o| o == c);
        match (pos(a), pos(b)) {
            (Some(i), Some(j)) => i.cmp(&j),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => natural_cmp(a, b),
        }
    });

    let total: u32 = order.iter().map(|(_, v)| v.len() as u32).sum();
    let available: i64 = session.windows.iter().map(|w| w.minutes()).sum();
    let needed = (total as f64 * 60.0 / rate).ceil() as i64;
    let fits = needed <= available;

    // Fill the windows in seconds; each student takes 3600 / rate seconds.
    let per_student = 3600.0 / rate;
    let mut cursor = Cursor::new(session);
    let mut raw: Vec<Part> = Vec::new();
    for (class, mut students) in order {
        students.sort_unstable();
        let mut parts: Vec<(Vec<u64>, f64, f64, bool)> = Vec::new();
        let mut rest = students.as_slice();
        while !rest.is_empty() {
            let room = cursor.room_in_window(per_student);
            let n = rest.len() as u32;
            let take = if !cursor.in_windows() || room >= n {
                n
            } else if room < MIN_SPLIT.min(n) {
                cursor.next_window();
                continue;
            } else {
                room
            };
            let (head, tail) = rest.split_at(take as usize);
            let start = cursor.now();
            let inside = cursor.in_windows();
            let length = take as f64 * per_student;
            cursor.advance(length);
            parts.push((head.to_vec(), start, start + length, inside));
            rest = tail;
        }
        let count = parts.len() as u32;
        for (i, (nos, start, end, inside)) in parts.into_iter().enumerate() {
            raw.push(Part {
                class: class.clone(),
                part: i as u32 + 1,
                parts: count,
                nos,
                start,
                end,
                inside,
            });
        }
    }

    // Student-number runs, exact over the session's sorted numbers.
    let mut owner: Vec<(u64, usize)> = raw
        .iter()
        .enumerate()
        .flat_map(|(i, r)| r.nos.iter().map(move |n| (*n, i)))
        .collect();
    owner.sort_unstable();
    let mut ranges: Vec<Vec<(u64, u64)>> = vec![Vec::new(); raw.len()];
    for (no, i) in owner {
        match ranges[i].last_mut() {
            Some(last) if no.checked_sub(1) == Some(last.1) || last.1 == no => last.1 = no,
            _ => ranges[i].push((no, no)),
        }
    }
    // Only numbers exactly one apart join a run, so a run never covers another entry's student.

    let day = session.date;
    let at = |secs: f64| day.and_hms_opt(0, 0, 0).unwrap() + Duration::seconds(secs.floor() as i64);
    let entries: Vec<PlanEntry> = raw
        .iter()
        .enumerate()
        .map(|(i, p)| PlanEntry {
            class: p.class.clone(),
            part: p.part,
            parts: p.parts,
            students: p.nos.len() as u32,
            start: floor_minute(at(p.start)),
            end: floor_minute(at(p.end)),
            fits: p.inside,
            ranges: std::mem::take(&mut ranges[i]),
        })
        .collect();

    let overflow = (!fits).then(|| {
        let need_h = needed as f64 / 60.0;
        let have_h = available as f64 / 60.0;
        let cams = ((total as f64 / (per_hour as f64 * have_h)).ceil() as u32).max(cameras + 1);
        let pace = (total as f64 / (have_h * cameras as f64)).ceil() as u32;
        let extra = needed - available;
        Text::new(
            format!(
                "{}：{}名学生按每台相机每小时{}人、{}台相机需要{:.1}小时，但时段只有{:.1}小时。可以：增加到{}台相机；或把速度提高到每小时{}人；或把时段延长{}分钟。",
                session.college.zh, total, per_hour, cameras, need_h, have_h, cams, pace, extra
            ),
            format!(
                "{}: {} students at {} an hour per camera with {} camera(s) need {:.1} h, but the windows give {:.1} h. To fit: use {} cameras, or {} students an hour, or lengthen the windows by {} minutes.",
                session.college.en, total, per_hour, cameras, need_h, have_h, cams, pace, extra
            ),
        )
    });

    SessionPlan {
        session: number,
        students: total,
        per_hour,
        cameras,
        needed_minutes: needed as u32,
        available_minutes: available as u32,
        fits,
        overflow,
        entries,
    }
}

/// A class, or the part of a class before or after a break, placed in seconds since midnight.
struct Part {
    class: String,
    part: u32,
    parts: u32,
    nos: Vec<u64>,
    start: f64,
    end: f64,
    inside: bool,
}

fn floor_minute(t: NaiveDateTime) -> NaiveDateTime {
    t - Duration::seconds(t.and_utc().timestamp().rem_euclid(60))
}

/// Walks through a session's windows in seconds since midnight.
struct Cursor {
    windows: Vec<(f64, f64)>,
    index: usize,
    at: f64,
}

impl Cursor {
    fn new(session: &Session) -> Cursor {
        let secs = |t: chrono::NaiveTime| (t - chrono::NaiveTime::MIN).num_seconds() as f64;
        let windows: Vec<(f64, f64)> = session
            .windows
            .iter()
            .map(|w| (secs(w.start), secs(w.end)))
            .collect();
        Cursor {
            at: windows[0].0,
            windows,
            index: 0,
        }
    }

    fn in_windows(&self) -> bool {
        self.index < self.windows.len()
    }

    fn now(&self) -> f64 {
        self.at
    }

    /// Whole students that still fit in the current window.
    fn room_in_window(&self, per_student: f64) -> u32 {
        match self.windows.get(self.index) {
            Some((_, end)) => ((end - self.at) / per_student + 1e-9).floor().max(0.0) as u32,
            None => u32::MAX,
        }
    }

    fn next_window(&mut self) {
        self.index += 1;
        match self.windows.get(self.index) {
            Some((start, _)) => self.at = self.at.max(*start),
            None => {
                self.at = self
                    .windows
                    .last()
                    .map(|w| w.1)
                    .unwrap_or(self.at)
                    .max(self.at)
            }
        }
    }

    fn advance(&mut self, secs: f64) {
        self.at += secs;
        if let Some((_, end)) = self.windows.get(self.index) {
            if self.at >= end - 1e-6 {
                self.at = self.at.max(*end);
                self.next_window();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_names_sort_the_way_people_read_them() {
        let mut v = vec!["软件10班", "软件2班", "软件1班", "会计1班"];
        v.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(v, vec!["会计1班", "软件1班", "软件2班", "软件10班"]);
    }
}
