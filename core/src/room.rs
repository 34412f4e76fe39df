//! A station guards a room: which session the room is running at a given minute.
//!
//! The notice shares rooms between colleges: 一教206 passes from 现代信息产业学院 to 数字经济产业学院
//! at 15:00 on 6月4日, 一教209 from 管理学院 to 国际学院 at 14:30, and every room changes college
//! between 6月3日 and 6月4日. So a door or studio phone is set up for a room, once, and the session
//! follows the clock. A student's time is judged against their own session's windows, widened by
//! the station's tolerance but never into another college's time in the same room: a 国际学院
//! student at 14:20 is early ("your session here starts 14:30 — wait nearby"), never sent to the
//! room they are standing in; a 管理学院 student at 14:31 is late, with the 补拍 way out.

use chrono::{Duration, NaiveDateTime};

use crate::door::Tolerance;
use crate::event::{Event, Session};

/// A room's key: its Chinese name without spaces (`一教209`), as stations store it.
pub fn key(name: &str) -> String {
    name.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Where a scan at a room stands against a student's session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoomTiming {
    /// Inside the session's (clipped, widened) window: let them in.
    OnTime,
    /// Before their window here; it starts at `starts`.
    Early {
        /// When their window here starts (event-local).
        starts: NaiveDateTime,
    },
    /// After their last window here; it ended at `ended`.
    Late {
        /// When their session here ended (event-local).
        ended: NaiveDateTime,
    },
    /// Their session is in this room on another day.
    OtherDay,
    /// Their session is in another room.
    OtherRoom,
}

/// The event's rooms, each once, in the order the notice first names them.
pub fn rooms(event: &Event) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for s in &event.sessions {
        let k = key(&s.room.zh);
        if !out.contains(&k) {
            out.push(k);
        }
    }
    out
}

/// The room a name (Chinese or English, spaces ignored) or a session number (`3`) points at.
pub fn find(event: &Event, name: &str) -> Option<String> {
    let want = key(name);
    if want.is_empty() {
        return None;
    }
    if let Ok(n) = want.parse::<u8>() {
        if let Some(s) = event.session(n) {
            return Some(key(&s.room.zh));
        }
    }
    event
        .sessions
        .iter()
        .find(|s| key(&s.room.zh) == want || key(&s.room.en).eq_ignore_ascii_case(&want))
        .map(|s| key(&s.room.zh))
}

/// The sessions held in a room, by number.
pub fn sessions_in(event: &Event, room: &str) -> Vec<u8> {
    event
        .sessions
        .iter()
        .enumerate()
        .filter(|(_, s)| key(&s.room.zh) == room)
        .map(|(i, _)| (i + 1) as u8)
        .collect()
}

/// Whether a session is held in a room.
pub fn holds(event: &Event, room: &str, session: u8) -> bool {
    event
        .session(session)
        .is_some_and(|s| key(&s.room.zh) == room)
}

/// The intervals in which a session's students are let in: each window widened by the tolerance,
/// clipped so it never reaches into another session's window in the same room that day.
fn admit_intervals(
    event: &Event,
    session: &Session,
    tol: Tolerance,
) -> Vec<(NaiveDateTime, NaiveDateTime)> {
    let room = key(&session.room.zh);
    let others: Vec<(NaiveDateTime, NaiveDateTime)> = event
        .sessions
        .iter()
        .filter(|o| {
            key(&o.room.zh) == room && o.date == session.date && o.college != session.college
        })
        .flat_map(|o| {
            o.windows
                .iter()
                .map(|w| (o.date.and_time(w.start), o.date.and_time(w.end)))
        })
        .collect();
    session
        .windows
        .iter()
        .map(|w| {
            let (s, e) = (session.date.and_time(w.start), session.date.and_time(w.end));
            let mut lo = s - Duration::minutes(tol.early_minutes as i64);
            let mut hi = e + Duration::minutes(tol.late_minutes as i64);
            for &(os, oe) in &others {
                if oe <= s && oe > lo {
                    lo = oe;
                }
                if os >= e && os < hi {
                    hi = os;
                }
            }
            (lo, hi)
        })
        .collect()
}

/// Judges a student of `session` scanned at `room` at `now`.
pub fn timing(
    event: &Event,
    room: &str,
    session: u8,
    now: NaiveDateTime,
    tol: Tolerance,
) -> RoomTiming {
    let Some(s) = event.session(session) else {
        return RoomTiming::OtherRoom;
    };
    if key(&s.room.zh) != room {
        return RoomTiming::OtherRoom;
    }
    if s.date != now.date() {
        return RoomTiming::OtherDay;
    }
    let intervals = admit_intervals(event, s, tol);
    if intervals.iter().any(|(lo, hi)| now >= *lo && now < *hi) {
        return RoomTiming::OnTime;
    }
    match s
        .windows
        .iter()
        .map(|w| s.date.and_time(w.start))
        .find(|start| now < *start)
    {
        Some(starts) => RoomTiming::Early { starts },
        None => RoomTiming::Late { ended: s.end() },
    }
}

/// The session a room is running at `now`: the one whose time it is, else the next one today,
/// else the last one today; `None` when the room has no session that day.
pub fn current_session(
    event: &Event,
    room: &str,
    now: NaiveDateTime,
    tol: Tolerance,
) -> Option<u8> {
    let today: Vec<u8> = sessions_in(event, room)
        .into_iter()
        .filter(|n| event.session(*n).is_some_and(|s| s.date == now.date()))
        .collect();
    if let Some(n) = today
        .iter()
        .copied()
        .find(|n| timing(event, room, *n, now, tol) == RoomTiming::OnTime)
    {
        return Some(n);
    }
    let start = |n: &u8| event.session(*n).map(Session::start);
    today
        .iter()
        .copied()
        .filter(|n| start(n).is_some_and(|s| s > now))
        .min_by_key(start)
        .or_else(|| today.iter().copied().max_by_key(|n| start(n)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::parse_moment;

    fn at(e: &Event, s: &str) -> NaiveDateTime {
        crate::time::to_local(e.utc_offset, parse_moment(s, e.utc_offset).unwrap())
    }

    #[test]
    fn rooms_are_found_by_name_with_or_without_spaces_or_by_a_session_number() {
        let e = Event::template("gzcc-2023").unwrap();
        assert_eq!(rooms(&e).len(), 4);
        assert_eq!(find(&e, "一教 209").as_deref(), Some("一教209"));
        assert_eq!(find(&e, "4").as_deref(), Some("一教209"));
        assert_eq!(find(&e, "二教101"), None);
        assert_eq!(sessions_in(&e, "一教209"), vec![4, 9, 10]);
    }

    #[test]
    fn the_room_follows_the_clock_through_a_hand_over() {
        let e = Event::template("gzcc-2023").unwrap();
        let t = Tolerance::default();
        let cur = |s: &str| current_session(&e, "一教209", at(&e, s), t);
        assert_eq!(cur("2023-06-03 10:00"), Some(4));
        assert_eq!(cur("2023-06-04 14:20"), Some(9));
        assert_eq!(cur("2023-06-04 14:29"), Some(9));
        assert_eq!(cur("2023-06-04 14:31"), Some(10));
        assert_eq!(cur("2023-06-04 16:35"), Some(10));
        assert_eq!(cur("2023-06-04 18:00"), Some(10));
        assert_eq!(cur("2023-06-05 10:00"), None);
    }
}
