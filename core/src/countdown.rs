//! The student home's countdown to arrive-by, in words.
//!
//! Both apps once wrote it themselves (Android in days/hours/minutes with its own strings, iOS with
//! `RelativeDateTimeFormatter`) and said different things. It is one sentence a student reads at a
//! glance, so it is made here from event-local times: far off it counts days and hours, on the day
//! it names the clock time, and once past it says so.

use chrono::{Duration, NaiveDateTime};

use crate::text::Text;
use crate::time::format_hhmm;

/// How long until `target` as seen at `now` (both event-local), in words:
/// `还有 3 天 4 小时` / `in 3 days 4 h`, `明天 08:40` / `tomorrow 08:40`, `今天 14:30（还有 2 小时 5 分）`
/// / `today 14:30 (in 2 h 5 min)`, `已过 08:40` / `passed at 08:40`.
pub fn countdown(now: NaiveDateTime, target: NaiveDateTime) -> Text {
    let left = target - now;
    let at = format_hhmm(target.time());
    if left <= Duration::zero() {
        return if target.date() == now.date() {
            Text::new(format!("已过 {at}"), format!("passed at {at}"))
        } else {
            Text::new(
                format!("已过（{}）", target.date()),
                format!("passed ({})", target.date()),
            )
        };
    }
    let (days, hours, minutes) = (
        left.num_days(),
        left.num_hours() % 24,
        // Round up: "in 1 min" until the very minute, never "in 0 min".
        ((left.num_seconds() + 59) / 60) % 60,
    );
    let whole_hours = left.num_hours();
    let near = if whole_hours == 0 {
        Text::new(format!("还有 {minutes} 分钟"), format!("in {minutes} min"))
    } else {
        Text::new(
            format!("还有 {whole_hours} 小时 {minutes} 分"),
            format!("in {whole_hours} h {minutes} min"),
        )
    };
    match (target.date() - now.date()).num_days() {
        0 => Text::new(
            format!("今天 {at}（{}）", near.zh),
            format!("today {at} ({})", near.en),
        ),
        1 => Text::new(format!("明天 {at}"), format!("tomorrow {at}")),
        _ if hours == 0 => Text::new(
            format!("还有 {days} 天"),
            format!("in {days} day{}", if days == 1 { "" } else { "s" }),
        ),
        _ => Text::new(
            format!("还有 {days} 天 {hours} 小时"),
            format!(
                "in {days} day{} {hours} h",
                if days == 1 { "" } else { "s" }
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::parse_local_minute;

    fn at(s: &str) -> NaiveDateTime {
        parse_local_minute(s).unwrap()
    }

    fn says(now: &str, target: &str) -> (String, String) {
        let t = countdown(at(now), at(target));
        (t.zh, t.en)
    }

    #[test]
    fn a_student_days_away_reads_days_and_hours() {
        assert_eq!(
            says("2023-05-31 05:00", "2023-06-03 09:10"),
            ("还有 3 天 4 小时".into(), "in 3 days 4 h".into())
        );
        assert_eq!(
            says("2023-05-31 09:10", "2023-06-03 09:10"),
            ("还有 3 天".into(), "in 3 days".into())
        );
    }

    #[test]
    fn the_evening_before_names_tomorrows_time() {
        assert_eq!(
            says("2023-06-02 20:00", "2023-06-03 09:10"),
            ("明天 09:10".into(), "tomorrow 09:10".into())
        );
    }

    #[test]
    fn on_the_day_the_clock_time_and_what_is_left() {
        assert_eq!(
            says("2023-06-03 07:05", "2023-06-03 09:10"),
            (
                "今天 09:10（还有 2 小时 5 分）".into(),
                "today 09:10 (in 2 h 5 min)".into()
            )
        );
        let t = countdown(
            at("2023-06-03 09:09") + Duration::seconds(30),
            at("2023-06-03 09:10"),
        );
        assert_eq!(t.zh, "今天 09:10（还有 1 分钟）");
    }

    #[test]
    fn once_past_it_says_so() {
        assert_eq!(
            says("2023-06-03 09:10", "2023-06-03 09:10"),
            ("已过 09:10".into(), "passed at 09:10".into())
        );
        assert_eq!(
            says("2023-06-05 10:00", "2023-06-03 09:10").0,
            "已过（2023-06-03）"
        );
    }
}
