//! The verdict at the door, and the words and colour staff see for it.
//!
//! A staff member glances at a phone for half a second per student. The verdict must be one of a
//! few plain answers (DESIGN §4), each with everything needed to act: the photo number and batch
//! when admitted; when, where and with which number when already admitted; the right room and time
//! when at the wrong one. The texts are made here, once, in Chinese and English, so the Android and
//! iOS screens only draw them in the colour given.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use crate::event::{Event, Session};
use crate::log::Via;
use crate::pass::NotAPassHint;
use crate::text::Text;
use crate::time;

/// How far outside a window a scan may be before it is refused as too early or too late.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tolerance {
    /// Minutes before a window opens that students are still admitted (they queue early).
    pub early_minutes: u32,
    /// Minutes after a window closes that stragglers are still admitted.
    pub late_minutes: u32,
}

impl Default for Tolerance {
    fn default() -> Self {
        Tolerance {
            early_minutes: 30,
            late_minutes: 15,
        }
    }
}

/// Why a scan falls outside the session's windows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Timing {
    /// Before the next window (more than the tolerance).
    TooEarly,
    /// After the last window (more than the tolerance).
    TooLate,
    /// Not the session's date at all.
    WrongDay,
}

/// The colour a screen shows a verdict in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Colour {
    /// Admitted: go in.
    Green,
    /// Stop and look: already admitted, wrong room, wrong time, not on roster, not a pass.
    Amber,
    /// Refused: forged, revoked, another event's pass.
    Red,
}

/// One of DESIGN §4's verdicts, with what the screen shows for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "verdict", rename_all = "snake_case")]
pub enum Verdict {
    /// Go in: the photo number and batch.
    Admitted {
        student_no: u64,
        name: Option<String>,
        class: Option<String>,
        photo_no: String,
        batch: u32,
        via: Via,
        /// Minutes before their class's planned time, when earlier than the notice's arrive-early
        /// minutes (the plan never refuses; it informs).
        early_minutes: Option<u32>,
    },
    /// Already in: when, on which device, with which number.
    AlreadyAdmitted {
        student_no: u64,
        name: Option<String>,
        photo_no: String,
        at_ms: i64,
        at: String,
        device: String,
        this_device: bool,
    },
    /// Booked into another session: the right college, room, date and windows.
    WrongSession {
        student_no: u64,
        name: Option<String>,
        session: u8,
        college: Text,
        room: Text,
        date: String,
        windows: String,
    },
    /// Right session, wrong time; staff may override.
    OutsideWindow {
        student_no: u64,
        name: Option<String>,
        timing: Timing,
        minutes: i64,
        date: String,
        windows: String,
    },
    /// A newer pass exists.
    Revoked {
        student_no: u64,
        serial: u16,
        min_serial: u16,
    },
    /// Genuine pass, but not on this phone's roster; staff may override.
    NotOnRoster { student_no: u64 },
    /// Forged or tampered.
    BadSignature { claimed_student_no: u64 },
    /// Another event's pass, or a key this phone lacks.
    UnknownKey { key_id: u16 },
    /// Not a pass at all.
    NotAPass { hint: NotAPassHint },
}

impl Verdict {
    /// The snake_case name (`admitted`, `wrong_session`…), as logs and JSON output use.
    pub fn name(&self) -> &'static str {
        match self {
            Verdict::Admitted { .. } => "admitted",
            Verdict::AlreadyAdmitted { .. } => "already_admitted",
            Verdict::WrongSession { .. } => "wrong_session",
            Verdict::OutsideWindow { .. } => "outside_window",
            Verdict::Revoked { .. } => "revoked",
            Verdict::NotOnRoster { .. } => "not_on_roster",
            Verdict::BadSignature { .. } => "bad_signature",
            Verdict::UnknownKey { .. } => "unknown_key",
            Verdict::NotAPass { .. } => "not_a_pass",
        }
    }

    /// The student concerned, when known.
    pub fn student_no(&self) -> Option<u64> {
        match self {
            Verdict::Admitted { student_no, .. }
            | Verdict::AlreadyAdmitted { student_no, .. }
            | Verdict::WrongSession { student_no, .. }
            | Verdict::OutsideWindow { student_no, .. }
            | Verdict::Revoked { student_no, .. }
            | Verdict::NotOnRoster { student_no } => Some(*student_no),
            Verdict::BadSignature { claimed_student_no } => Some(*claimed_student_no),
            _ => None,
        }
    }

    /// The photo number, when admitted or already admitted.
    pub fn photo_no(&self) -> Option<&str> {
        match self {
            Verdict::Admitted { photo_no, .. } | Verdict::AlreadyAdmitted { photo_no, .. } => {
                Some(photo_no)
            }
            _ => None,
        }
    }

    /// Whether staff may admit over this verdict with a reason.
    pub fn overridable(&self) -> bool {
        matches!(
            self,
            Verdict::OutsideWindow { .. } | Verdict::NotOnRoster { .. }
        )
    }

    /// The colour to show.
    pub fn colour(&self) -> Colour {
        match self {
            Verdict::Admitted { .. } => Colour::Green,
            Verdict::Revoked { .. } | Verdict::BadSignature { .. } | Verdict::UnknownKey { .. } => {
                Colour::Red
            }
            _ => Colour::Amber,
        }
    }

    /// Big headline and the line under it.
    pub fn texts(&self) -> (Text, Text) {
        let who = |no: &u64, name: &Option<String>| match name {
            Some(n) if !n.is_empty() => format!("{n} {no}"),
            _ => no.to_string(),
        };
        match self {
            Verdict::Admitted {
                student_no,
                name,
                class,
                photo_no,
                batch,
                via,
                early_minutes,
            } => {
                let mut zh = format!("{}，第{}批", who(student_no, name), batch);
                let mut en = format!("{}, batch {}", who(student_no, name), batch);
                if let Some(c) = class.as_ref().filter(|c| !c.is_empty()) {
                    zh.push_str(&format!("（{c}）"));
                    en.push_str(&format!(" ({c})"));
                }
                if let Some(m) = early_minutes {
                    zh.push_str(&format!("；比本班时间早{m}分钟"));
                    en.push_str(&format!("; {m} min before their class's time"));
                }
                match via {
                    Via::Manual => {
                        zh.push_str("；人工签到");
                        en.push_str("; checked in by hand");
                    }
                    Via::Override => {
                        zh.push_str("；工作人员放行");
                        en.push_str("; admitted by staff override");
                    }
                    Via::Pass => {}
                }
                (
                    Text::new(format!("通过 · 摄影编号 {photo_no}"), format!("Admitted · photo no. {photo_no}")),
                    Text::new(zh, en),
                )
            }
            Verdict::AlreadyAdmitted {
                student_no,
                name,
                photo_no,
                at,
                device,
                this_device,
                ..
            } => {
                let (wzh, wen) = if *this_device {
                    ("本机".to_string(), "this phone".to_string())
                } else {
                    (format!("设备 {device}"), format!("device {device}"))
                };
                (
                    Text::new("已签到过", "Already admitted"),
                    Text::new(
                        format!("{} 已于 {at} 在{wzh}签到，摄影编号 {photo_no}", who(student_no, name)),
                        format!("{} was admitted at {at} on {wen} with photo no. {photo_no}", who(student_no, name)),
                    ),
                )
            }
            Verdict::WrongSession {
                student_no,
                name,
                college,
                room,
                date,
                windows,
                ..
            } => (
                Text::new(format!("走错了：请去 {}", room.zh), format!("Wrong room: go to {}", room.en)),
                Text::new(
                    format!("{} 属于{}，{} {} 在{}拍摄", who(student_no, name), college.zh, date, windows, room.zh),
                    format!("{} belongs to {}: {} {} in {}", who(student_no, name), college.en, date, windows, room.en),
                ),
            ),
            Verdict::OutsideWindow {
                student_no,
                name,
                timing,
                minutes,
                date,
                windows,
            } => {
                let (hzh, hen, dzh, den) = match timing {
                    Timing::TooEarly => (
                        "来早了",
                        "Too early",
                        format!("还有{minutes}分钟才开始"),
                        format!("{minutes} min before the window opens"),
                    ),
                    Timing::TooLate => (
                        "来晚了",
                        "Too late",
                        format!("已结束{minutes}分钟；可放行或请其补拍"),
                        format!("the window closed {minutes} min ago; override or send to the make-up"),
                    ),
                    Timing::WrongDay => (
                        "不是今天",
                        "Wrong day",
                        "拍摄日期不是今天".to_string(),
                        "the session is on another day".to_string(),
                    ),
                };
                (
                    Text::new(hzh, hen),
                    Text::new(
                        format!("{}：{dzh}。时间：{date} {windows}", who(student_no, name)),
                        format!("{}: {den}. Session: {date} {windows}", who(student_no, name)),
                    ),
                )
            }
            Verdict::Revoked {
                student_no,
                serial,
                min_serial,
            } => (
                Text::new("旧签到码已作废", "Pass replaced"),
                Text::new(
                    format!("{student_no} 的签到码已重新发放（此码版本{serial}，有效版本≥{min_serial}）；请出示新码"),
                    format!("{student_no}'s pass was re-issued (this is revision {serial}, valid from {min_serial}); show the new one"),
                ),
            ),
            Verdict::NotOnRoster { student_no } => (
                Text::new("不在名单上", "Not on the roster"),
                Text::new(
                    format!("签到码真实，但 {student_no} 不在本机名单上；核实后可放行"),
                    format!("The pass is genuine but {student_no} is not on this phone's roster; check, then override"),
                ),
            ),
            Verdict::BadSignature { claimed_student_no } => (
                Text::new("伪造或被改动的签到码", "Forged or altered pass"),
                Text::new(
                    format!("签名不符（自称 {claimed_student_no}）；请核对学生证"),
                    format!("Signature mismatch (claims {claimed_student_no}); check the student card"),
                ),
            ),
            Verdict::UnknownKey { .. } => (
                Text::new("不是本次活动的签到码", "Not a pass for this event"),
                Text::new(
                    "可能是别的活动或旧年份的码；或本机的资料包过旧",
                    "Probably another event's or year's pass, or this phone's bundle is out of date",
                ),
            ),
            Verdict::NotAPass { hint } => {
                let (zh, en) = match hint {
                    NotAPassHint::LooksLikeCollectionCode => (
                        "这是学信网采集码，不是签到码；请出示PhotoDay签到码（采集码留给摄影师扫）",
                        "This is the CHSI 采集码, not the check-in pass; the 采集码 is for the photographer",
                    ),
                    NotAPassHint::LooksLikeUrl => (
                        "这是一个网址二维码，不是签到码",
                        "This is a web-link QR code, not a pass",
                    ),
                    NotAPassHint::Empty => ("没有读到内容，请重扫", "Nothing was read; scan again"),
                    NotAPassHint::WrongPrefix => (
                        "不是PhotoDay签到码（若扫码枪大写锁定，请关闭）",
                        "Not a PhotoDay pass (if a USB scanner has Caps Lock on, turn it off)",
                    ),
                    NotAPassHint::Malformed => (
                        "签到码残缺或损坏，请重扫或人工签到",
                        "Damaged or incomplete pass; scan again or check in by hand",
                    ),
                };
                (Text::new("不是签到码", "Not a pass"), Text::new(zh, en))
            }
        }
    }
}

/// Where `now` falls against a session's windows, with the tolerance; `None` when inside.
pub fn timing(session: &Session, now: NaiveDateTime, tol: Tolerance) -> Option<(Timing, i64)> {
    if now.date() != session.date {
        return Some((Timing::WrongDay, 0));
    }
    let early = chrono::Duration::minutes(tol.early_minutes as i64);
    let late = chrono::Duration::minutes(tol.late_minutes as i64);
    let mut next_start = None;
    for w in &session.windows {
        let (s, e) = (session.date.and_time(w.start), session.date.and_time(w.end));
        if now >= s - early && now < e + late {
            return None;
        }
        if now < s && next_start.is_none() {
            next_start = Some(s);
        }
    }
    match next_start {
        Some(s) => Some((Timing::TooEarly, (s - now).num_minutes())),
        None => Some((Timing::TooLate, (now - session.end()).num_minutes())),
    }
}

/// A clock warning when no session of the event falls on the device's date: a phone whose date
/// is wrong — by a day or by a year — would otherwise stamp a whole morning with the wrong day.
/// A rehearsal the day before is warned too, which is what staff need to hear.
pub fn clock_warning(event: &Event, now: NaiveDateTime) -> Option<Text> {
    if event.sessions.iter().any(|s| s.date == now.date()) {
        return None;
    }
    let first = event.sessions.iter().map(|s| s.date).min()?;
    let last = event.sessions.iter().map(|s| s.date).max()?;
    let days = if now.date() < first {
        (first - now.date()).num_days()
    } else {
        (now.date() - last).num_days()
    };
    let (zh_gap, en_gap) = if now.date() > first && now.date() < last {
        (
            "当天没有拍摄场次".to_string(),
            "there is no session that day".to_string(),
        )
    } else {
        (format!("相差{days}天"), format!("{days} day(s) away"))
    };
    Some(Text::new(
        format!(
            "本机时钟显示 {}，但拍摄日期是 {first} 至 {last}（{zh_gap}）；若时钟不对，请在系统设置中校准",
            time::format_local_minute(now)
        ),
        format!(
            "This device's clock says {}, but the sessions run {first} to {last} ({en_gap}); if the clock is wrong, fix it in Settings",
            time::format_local_minute(now)
        ),
    ))
}

/// The right session's details for a [`Verdict::WrongSession`].
pub fn wrong_session(event: &Event, student_no: u64, name: Option<String>, session: u8) -> Verdict {
    match event.session(session) {
        Some(s) => Verdict::WrongSession {
            student_no,
            name,
            session,
            college: s.college.clone(),
            room: s.room.clone(),
            date: s.date.to_string(),
            windows: s.windows_label(),
        },
        None => Verdict::NotOnRoster { student_no },
    }
}
