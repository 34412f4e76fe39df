//! The verdict at the door, and the words and colour staff see for it.
//!
//! A staff member glances at a phone for half a second per student. The verdict must be one of a
//! few plain answers (DESIGN §4), each with everything needed to act: the photo number and batch
//! when admitted; when, where and with which number when already admitted; the right room and time
//! when at the wrong one. The texts are made here, once, in Chinese and English, so the Android and
//! iOS screens only draw them in the colour given.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use crate::event::Event;
use crate::log::Via;
use crate::pass::NotAPassHint;
use crate::room::{self, RoomTiming};
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
    /// Door: checked into the room's queue (no number at the door; the studio gives it).
    CheckedIn {
        student_no: u64,
        name: Option<String>,
        class: Option<String>,
        via: Via,
        /// Minutes before their class's planned time, when earlier than the notice's arrive-early
        /// minutes (the plan never refuses; it informs).
        early_minutes: Option<u32>,
    },
    /// Studio: the 摄影编号 and batch, big and green.
    Numbered {
        student_no: u64,
        name: Option<String>,
        class: Option<String>,
        photo_no: String,
        batch: u32,
        via: Via,
        /// This phone never saw them at the door; numbered anyway, with a note.
        door_unseen: bool,
        /// They were stepped aside earlier and came back: a new number at the end of the queue.
        renumbered: bool,
    },
    /// Studio, before numbering: the pass is good; now show the 学信网 采集码 (or skip the check).
    ShowCollectionCode {
        student_no: u64,
        name: Option<String>,
        class: Option<String>,
    },
    /// Door: already checked in — when, on which phone.
    AlreadyCheckedIn {
        student_no: u64,
        name: Option<String>,
        at_ms: i64,
        at: String,
        device: String,
        /// The station name the 教务处 enrolled that device under (its id when not enrolled).
        #[serde(default)]
        device_name: String,
        this_device: bool,
    },
    /// Studio: already holds a 摄影编号 — which, when, on which phone, and whether shot already.
    AlreadyNumbered {
        student_no: u64,
        name: Option<String>,
        photo_no: String,
        batch: u32,
        at_ms: i64,
        at: String,
        device: String,
        /// The station name the 教务处 enrolled that device under (its id when not enrolled).
        #[serde(default)]
        device_name: String,
        this_device: bool,
        photographed: bool,
    },
    /// Their session is in another room: the right college, room, date and windows.
    WrongSession {
        student_no: u64,
        name: Option<String>,
        session: u8,
        college: Text,
        room: Text,
        date: String,
        /// Each window, `09:30–12:00`.
        windows: Vec<String>,
    },
    /// Their session is in this room but not now: early (wait nearby), late (补拍), or another
    /// day. Staff may override.
    OutsideWindow {
        student_no: u64,
        name: Option<String>,
        timing: Timing,
        minutes: i64,
        /// When their time here starts (early) or ended (late), `HH:MM`.
        at: String,
        date: String,
        /// Each window, `09:30–12:00`.
        windows: Vec<String>,
        /// The 补拍 deadline, `YYYY-MM-DD HH:MM`, for the way out when late.
        makeup_deadline: String,
        /// The 补拍 place.
        makeup_place: Text,
    },
    /// Typed by hand, but a newer pass was issued for them: check it is really them (a lost or
    /// passed-on pass is why passes are replaced); overridable with a reason.
    PassReplaced {
        student_no: u64,
        name: Option<String>,
        min_serial: u16,
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
    /// The snake_case name (`checked_in`, `wrong_session`…), as logs and JSON output use.
    pub fn name(&self) -> &'static str {
        match self {
            Verdict::CheckedIn { .. } => "checked_in",
            Verdict::Numbered { .. } => "numbered",
            Verdict::ShowCollectionCode { .. } => "show_collection_code",
            Verdict::AlreadyCheckedIn { .. } => "already_checked_in",
            Verdict::AlreadyNumbered { .. } => "already_numbered",
            Verdict::WrongSession { .. } => "wrong_session",
            Verdict::OutsideWindow { .. } => "outside_window",
            Verdict::PassReplaced { .. } => "pass_replaced",
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
            Verdict::CheckedIn { student_no, .. }
            | Verdict::Numbered { student_no, .. }
            | Verdict::ShowCollectionCode { student_no, .. }
            | Verdict::AlreadyCheckedIn { student_no, .. }
            | Verdict::AlreadyNumbered { student_no, .. }
            | Verdict::WrongSession { student_no, .. }
            | Verdict::OutsideWindow { student_no, .. }
            | Verdict::Revoked { student_no, .. }
            | Verdict::PassReplaced { student_no, .. }
            | Verdict::NotOnRoster { student_no } => Some(*student_no),
            Verdict::BadSignature { claimed_student_no } => Some(*claimed_student_no),
            _ => None,
        }
    }

    /// The photo number, when numbered now or before.
    pub fn photo_no(&self) -> Option<&str> {
        match self {
            Verdict::Numbered { photo_no, .. } | Verdict::AlreadyNumbered { photo_no, .. } => {
                Some(photo_no)
            }
            _ => None,
        }
    }

    /// Whether this verdict let the student through (checked in or numbered now).
    pub fn is_admission(&self) -> bool {
        matches!(self, Verdict::CheckedIn { .. } | Verdict::Numbered { .. })
    }

    /// Whether staff may let the student through over this verdict with a reason: the time, the
    /// roster, or a repeat (the shared-screenshot case: the screen says where the pass was used).
    pub fn overridable(&self) -> bool {
        matches!(
            self,
            Verdict::OutsideWindow { .. }
                | Verdict::NotOnRoster { .. }
                | Verdict::AlreadyCheckedIn { .. }
                | Verdict::AlreadyNumbered { .. }
                | Verdict::PassReplaced { .. }
        )
    }

    /// The colour to show.
    pub fn colour(&self) -> Colour {
        match self {
            Verdict::CheckedIn { .. } | Verdict::Numbered { .. } => Colour::Green,
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
        let with_class = |zh: &mut String, en: &mut String, class: &Option<String>| {
            if let Some(c) = class.as_ref().filter(|c| !c.is_empty()) {
                zh.push_str(&format!("（{c}）"));
                en.push_str(&format!(" ({c})"));
            }
        };
        let via_note = |zh: &mut String, en: &mut String, via: &Via| match via {
            Via::Manual => {
                zh.push_str("；人工登记");
                en.push_str("; entered by hand");
            }
            Via::Override => {
                zh.push_str("；工作人员放行");
                en.push_str("; let through by staff override");
            }
            Via::Pass => {}
        };
        let where_of = |device: &String, name: &String, this_device: &bool| {
            if *this_device {
                ("本机".to_string(), "this phone".to_string())
            } else if !name.is_empty() && name != device {
                (format!("“{name}”"), format!("“{name}”"))
            } else {
                (format!("设备 {device}"), format!("device {device}"))
            }
        };
        match self {
            Verdict::CheckedIn {
                student_no,
                name,
                class,
                via,
                early_minutes,
            } => {
                let mut zh = who(student_no, name);
                let mut en = who(student_no, name);
                with_class(&mut zh, &mut en, class);
                zh.push_str("：请排队，分批进入摄影室（编号在摄影室内领取）");
                en.push_str(": queue here; batches go into the studio, where numbers are given");
                if let Some(m) = early_minutes {
                    zh.push_str(&format!("；比本班时间早{m}分钟"));
                    en.push_str(&format!("; {m} min before their class's time"));
                }
                via_note(&mut zh, &mut en, via);
                (Text::new("已签到", "Checked in"), Text::new(zh, en))
            }
            Verdict::Numbered {
                student_no,
                name,
                class,
                photo_no,
                batch,
                via,
                door_unseen,
                renumbered,
            } => {
                let mut zh = format!("{}，第{}批", who(student_no, name), batch);
                let mut en = format!("{}, batch {}", who(student_no, name), batch);
                with_class(&mut zh, &mut en, class);
                if *renumbered {
                    zh.push_str("；回来重新编号（原编号作废）");
                    en.push_str("; back after stepping aside: new number (the old one is void)");
                }
                if *door_unseen {
                    zh.push_str("；门口未签到，已在摄影室登记");
                    en.push_str("; not checked in at the door, recorded at the studio");
                }
                via_note(&mut zh, &mut en, via);
                (
                    Text::new(format!("摄影编号 {photo_no}"), format!("Photo no. {photo_no}")),
                    Text::new(zh, en),
                )
            }
            Verdict::ShowCollectionCode {
                student_no,
                name,
                class,
            } => {
                let mut zh = who(student_no, name);
                let mut en = who(student_no, name);
                with_class(&mut zh, &mut en, class);
                zh.push_str("：签到码有效。请扫学生的学信网采集码（只认形状，不保存内容），或点“跳过（摄影师核对）”");
                en.push_str(": pass valid. Scan the student's CHSI 采集码 (its shape only; nothing is kept), or tap “skip (the photographer checks)”");
                (
                    Text::new("请出示采集码", "Show the 采集码"),
                    Text::new(zh, en),
                )
            }
            Verdict::AlreadyCheckedIn {
                student_no,
                name,
                at,
                device,
                device_name,
                this_device,
                ..
            } => {
                let (wzh, wen) = where_of(device, device_name, this_device);
                (
                    Text::new("已签到过", "Already checked in"),
                    Text::new(
                        format!("{} 已于 {at} 在{wzh}签到；若是本人且确需再次签到（如截图被他人使用），请核实后放行", who(student_no, name)),
                        format!("{} checked in at {at} on {wen}; if this is really them (a shared screenshot?), check, then override", who(student_no, name)),
                    ),
                )
            }
            Verdict::AlreadyNumbered {
                student_no,
                name,
                photo_no,
                batch,
                at,
                device,
                device_name,
                this_device,
                photographed,
                ..
            } => {
                let (wzh, wen) = where_of(device, device_name, this_device);
                let (hzh, hen) = if *photographed {
                    ("已拍过", "Already photographed")
                } else {
                    ("已有摄影编号", "Already numbered")
                };
                (
                    Text::new(format!("{hzh} · {photo_no}"), format!("{hen} · {photo_no}")),
                    Text::new(
                        format!("{} 已于 {at} 在{wzh}领到摄影编号 {photo_no}（第{batch}批）；请按原编号拍摄，或核实后放行", who(student_no, name)),
                        format!("{} got photo no. {photo_no} (batch {batch}) at {at} on {wen}; shoot them under it, or check, then override", who(student_no, name)),
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
            } => {
                let windows = Text::list(windows);
                (
                Text::new(format!("走错了：请去 {}", room.zh), format!("Wrong room: go to {}", room.en)),
                Text::new(
                    format!("{} 属于{}，{} {} 在{}拍摄", who(student_no, name), college.zh, date, windows.zh, room.zh),
                    format!("{} belongs to {}: {} {} in {}", who(student_no, name), college.en, date, windows.en, room.en),
                ),
            )
            }
            Verdict::OutsideWindow {
                student_no,
                name,
                timing,
                minutes,
                at,
                date,
                windows,
                makeup_deadline,
                makeup_place,
            } => {
                let who = who(student_no, name);
                let windows = Text::list(windows);
                let (wzh, wen) = (&windows.zh, &windows.en);
                match timing {
                    Timing::TooEarly => (
                        Text::new(format!("来早了：本场 {at} 开始"), format!("Early: their session here starts {at}")),
                        Text::new(
                            format!("{who}：还有{minutes}分钟，请在附近安静等候（{date} {wzh}）"),
                            format!("{who}: {minutes} min to go; wait quietly nearby ({date} {wen})"),
                        ),
                    ),
                    Timing::TooLate => (
                        Text::new(format!("本场已于 {at} 结束"), format!("Their session here ended at {at}")),
                        Text::new(
                            format!("{who}：已过{minutes}分钟。请于{makeup_deadline}前到{}补拍；或核实后放行", makeup_place.zh),
                            format!("{who}: {minutes} min ago. Make-up photo before {makeup_deadline} at {}; or check, then override", makeup_place.en),
                        ),
                    ),
                    Timing::WrongDay => (
                        Text::new(format!("不是今天：{date}"), format!("Not today: {date}")),
                        Text::new(
                            format!("{who}：本场在 {date} {wzh}，就在本室；错过请于{makeup_deadline}前补拍"),
                            format!("{who}: their session is {date} {wen}, in this room; if missed, make-up photo before {makeup_deadline}"),
                        ),
                    ),
                }
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
            Verdict::PassReplaced {
                student_no,
                name,
                min_serial,
            } => (
                Text::new("签到码已换新：请核实身份", "Pass replaced: check who this is"),
                Text::new(
                    format!("{} 的签到码已重新发放（第{min_serial}版）；手工签到请核对学生证，并写明原因", who(student_no, name)),
                    format!("{}'s pass was re-issued (revision {min_serial}); before checking in by hand, check their student card and give a reason", who(student_no, name)),
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

/// Judges place and time for a student of `session` scanned at a station guarding `room`:
/// `None` when it is their time here, else the verdict (another room's directions, or early /
/// late / another day in this room — never directions to the room they are standing in).
#[allow(clippy::too_many_arguments)]
pub fn place_and_time(
    event: &Event,
    room: &str,
    student_no: u64,
    name: Option<String>,
    session: u8,
    now: NaiveDateTime,
    tol: Tolerance,
) -> Option<Verdict> {
    let s = event.session(session)?;
    let outside = |timing: Timing, minutes: i64, at: String| Verdict::OutsideWindow {
        student_no,
        name: name.clone(),
        timing,
        minutes,
        at,
        date: s.date.to_string(),
        windows: s.window_labels(),
        makeup_deadline: time::format_local_minute(event.makeup.deadline),
        makeup_place: event.makeup.place.clone(),
    };
    match room::timing(event, room, session, now, tol) {
        RoomTiming::OnTime => None,
        RoomTiming::OtherRoom => Some(wrong_session(event, student_no, name.clone(), session)),
        RoomTiming::OtherDay => Some(outside(Timing::WrongDay, 0, String::new())),
        RoomTiming::Early { starts } => Some(outside(
            Timing::TooEarly,
            (starts - now).num_minutes().max(1),
            time::format_hhmm(starts.time()),
        )),
        RoomTiming::Late { ended } => Some(outside(
            Timing::TooLate,
            (now - ended).num_minutes().max(0),
            time::format_hhmm(ended.time()),
        )),
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
            windows: s.window_labels(),
        },
        None => Verdict::NotOnRoster { student_no },
    }
}
