//! Attendance: who arrived, who was numbered, who was photographed, who goes to 补拍.
//!
//! Built from the merged records of every door and studio phone, so the 教务处 and every staff
//! phone see the same numbers once logs are exchanged, in whatever order. The notice's day has
//! three facts per student and they are kept apart: checked in at the door, given a 摄影编号 in the
//! studio, photographed when their batch closed. The 补拍 list is the roster minus the
//! photographed — a student who checked in and left before the studio is on it, and listed apart
//! so liaisons can chase them. A student numbered twice, or one number given to two students
//! (two studio phones without their own letters), is flagged with what to do.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};

use crate::event::Event;
use crate::log::{Action, AsideReason, Record, Via};
use crate::plan::{natural_cmp, NO_CLASS};
use crate::roster::{Roster, Student};
use crate::text::Text;

/// Batch size assumed for records of builds that did not store the batch (the notice's most).
const LEGACY_BATCH: u32 = 8;

/// One 摄影编号 that stands (not undone, not voided by a step-aside).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Admission {
    /// Device that numbered.
    pub device: String,
    /// How staff name that device: the station it was enrolled as, else its id.
    #[serde(default)]
    pub device_name: String,
    /// Its record number there.
    pub seq: u64,
    /// When (Unix ms, device clock).
    pub at_ms: i64,
    /// Session.
    pub session: u8,
    /// Student.
    pub student_no: u64,
    /// Photo number as written on the photographer's list (`012`, `A012`).
    pub photo_no: String,
    /// Position in the device's numbering.
    pub photo_seq: u32,
    /// The batch it went in with.
    pub batch: u32,
    /// Pass, manual or override.
    pub via: Via,
    /// Staff's reason (manual, override).
    pub reason: Option<String>,
}

/// A door check-in that stands (not undone).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckIn {
    /// Device.
    pub device: String,
    /// Its record number there.
    pub seq: u64,
    /// When (Unix ms, device clock).
    pub at_ms: i64,
    /// Session.
    pub session: u8,
    /// Student.
    pub student_no: u64,
}

/// A 摄影编号 voided because its student was stepped aside.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Voided {
    /// The number as it was given.
    pub number: Admission,
    /// Why.
    pub reason: AsideReason,
}

/// A record voided by a `void` record: which, by whom, why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoidNote {
    /// The voided record's device.
    pub device: String,
    /// Its sequence number.
    pub seq: u64,
    /// The device that voided it.
    pub by: String,
    /// When (Unix ms, the voiding device's clock).
    pub at_ms: i64,
    /// Why.
    pub reason: String,
}

/// A student numbered more than once (two studio phones, or an override).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Duplicate {
    /// Student.
    pub student_no: u64,
    /// The first number: its photo stands.
    pub keep: Admission,
    /// Later numbers: void these photo numbers.
    pub void: Vec<Admission>,
}

/// One 摄影编号 held by two or more students: the photographer's order is ambiguous.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NumberClash {
    /// Session.
    pub session: u8,
    /// The number.
    pub photo_no: String,
    /// Every standing number with it, earliest first.
    pub holders: Vec<Admission>,
}

impl NumberClash {
    /// What staff must do about it, in both languages.
    pub fn advice(&self) -> Text {
        let who: Vec<String> = self
            .holders
            .iter()
            .map(|a| format!("{}（{}）", a.student_no, a.device_name))
            .collect();
        let who_en: Vec<String> = self
            .holders
            .iter()
            .map(|a| format!("{} ({})", a.student_no, a.device_name))
            .collect();
        Text::new(
            format!(
                "摄影编号 {} 同时给了 {}：两台摄影室手机没有各自的前缀。请对照摄影师的拍摄记录，确认谁是按此编号拍的，其余学生在本机“让其稍后”并重新编号，并把两台手机设为不同前缀",
                self.photo_no,
                who.join("、")
            ),
            format!(
                "Photo no. {} was given to {}: two studio phones numbered without their own letters. Check the photographer's list for who was shot under it, step the others aside and renumber them, and give each studio phone its own letter",
                self.photo_no,
                who_en.join(", ")
            ),
        )
    }
}

/// Check-ins, numbers, step-asides, photographs and refusals from a set of records.
#[derive(Debug, Clone, Default)]
pub struct Ledger {
    admissions: Vec<Admission>,
    by_student: HashMap<u64, Vec<usize>>,
    check_ins: HashMap<u64, CheckIn>,
    photographed: HashMap<u64, (String, u64)>,
    voided: Vec<Voided>,
    voids: Vec<VoidNote>,
    /// Refusals counted by verdict name.
    pub refusals: BTreeMap<String, u32>,
    /// Records that were undone.
    pub undone: u32,
}

impl Ledger {
    /// Builds the ledger; the order of `records` does not matter (a grow-only set).
    pub fn from_records<'a>(records: impl IntoIterator<Item = &'a Record>) -> Ledger {
        let records: Vec<&Record> = records.into_iter().collect();
        let mut undos: HashSet<(&str, u64)> = records
            .iter()
            .filter_map(|r| match &r.action {
                Action::Undo { target_seq, .. } => Some((r.device.as_str(), *target_seq)),
                _ => None,
            })
            .collect();
        // A void cancels a record of any device, unless the void itself was undone.
        let mut voids = Vec::new();
        for r in &records {
            if let Action::Void {
                target_device,
                target_seq,
                reason,
                ..
            } = &r.action
            {
                if !undos.contains(&(r.device.as_str(), r.seq)) {
                    voids.push(VoidNote {
                        device: target_device.clone(),
                        seq: *target_seq,
                        by: r.device.clone(),
                        at_ms: r.at_ms,
                        reason: reason.clone(),
                    });
                }
            }
        }
        for v in &voids {
            if let Some(r) = records
                .iter()
                .find(|r| r.device == v.device && r.seq == v.seq)
            {
                undos.insert((r.device.as_str(), r.seq));
            }
        }
        voids.sort_by(|a, b| (&a.device, a.seq, &a.by).cmp(&(&b.device, b.seq, &b.by)));
        let standing = |r: &Record| !undos.contains(&(r.device.as_str(), r.seq));
        let mut asides: HashMap<(&str, u64), AsideReason> = HashMap::new();
        let mut refusals = BTreeMap::new();
        let mut undone = 0;
        for r in &records {
            if !standing(r) {
                undone += 1;
                continue;
            }
            match &r.action {
                Action::StepAside {
                    target_seq: Some(t),
                    reason,
                    ..
                } => {
                    asides.insert((r.device.as_str(), *t), *reason);
                }
                Action::Refuse { verdict, .. } => {
                    *refusals.entry(verdict.clone()).or_insert(0) += 1
                }
                _ => {}
            }
        }
        let mut admissions = Vec::new();
        let mut voided = Vec::new();
        let mut check_ins: HashMap<u64, CheckIn> = HashMap::new();
        let mut photographed: HashMap<u64, (String, u64)> = HashMap::new();
        for r in records.iter().filter(|r| standing(r)) {
            match &r.action {
                Action::Number {
                    student_no,
                    photo_seq,
                    lane,
                    batch,
                    via,
                    reason,
                    ..
                } => {
                    let a = Admission {
                        device: r.device.clone(),
                        device_name: r.device.clone(),
                        seq: r.seq,
                        at_ms: r.at_ms,
                        session: r.session,
                        student_no: *student_no,
                        photo_no: crate::log::photo_no(*lane, *photo_seq),
                        photo_seq: *photo_seq,
                        batch: if *batch == 0 {
                            photo_seq.div_ceil(LEGACY_BATCH)
                        } else {
                            *batch
                        },
                        via: *via,
                        reason: reason.clone(),
                    };
                    match asides.get(&(r.device.as_str(), r.seq)) {
                        Some(reason) => voided.push(Voided {
                            number: a,
                            reason: *reason,
                        }),
                        None => admissions.push(a),
                    }
                }
                Action::CheckIn { student_no, .. } => {
                    let c = CheckIn {
                        device: r.device.clone(),
                        seq: r.seq,
                        at_ms: r.at_ms,
                        session: r.session,
                        student_no: *student_no,
                    };
                    match check_ins.get(student_no) {
                        Some(old)
                            if (old.at_ms, &old.device, old.seq) <= (c.at_ms, &c.device, c.seq) => {
                        }
                        _ => {
                            check_ins.insert(*student_no, c);
                        }
                    }
                }
                // A photo stands only while the number it was taken under stands: voiding that
                // number (a retake) takes the student back onto the 补拍 list.
                Action::Photographed {
                    student_no,
                    target_seq,
                    ..
                } if !undos.contains(&(r.device.as_str(), *target_seq)) => {
                    photographed.insert(*student_no, (r.device.clone(), *target_seq));
                }
                _ => {}
            }
        }
        admissions.sort_by(|a, b| (a.at_ms, &a.device, a.seq).cmp(&(b.at_ms, &b.device, b.seq)));
        voided.sort_by(|a, b| {
            (a.number.session, &a.number.device, a.number.photo_seq).cmp(&(
                b.number.session,
                &b.number.device,
                b.number.photo_seq,
            ))
        });
        let mut by_student: HashMap<u64, Vec<usize>> = HashMap::new();
        for (i, a) in admissions.iter().enumerate() {
            by_student.entry(a.student_no).or_default().push(i);
        }
        Ledger {
            admissions,
            by_student,
            check_ins,
            photographed,
            voided,
            voids,
            refusals,
            undone,
        }
    }

    /// Standing 摄影编号, earliest first.
    pub fn admissions(&self) -> &[Admission] {
        &self.admissions
    }

    /// The standing numbers of a student, earliest first.
    pub fn of_student(&self, student_no: u64) -> Vec<&Admission> {
        self.by_student
            .get(&student_no)
            .map(|v| v.iter().map(|&i| &self.admissions[i]).collect())
            .unwrap_or_default()
    }

    /// The student's earliest standing door check-in.
    pub fn check_in(&self, student_no: u64) -> Option<&CheckIn> {
        self.check_ins.get(&student_no)
    }

    /// Whether the student was seen at all: checked in at a door, or numbered in a studio (also
    /// when that number was later voided by a step-aside: they were there).
    pub fn arrived(&self, student_no: u64) -> bool {
        self.check_ins.contains_key(&student_no)
            || self.by_student.contains_key(&student_no)
            || self.was_stepped_aside(student_no)
    }

    /// Whether a closed batch recorded the student as photographed.
    pub fn photographed(&self, student_no: u64) -> bool {
        self.photographed.contains_key(&student_no)
    }

    /// Numbers voided by step-asides, by session, device and number.
    pub fn voided(&self) -> &[Voided] {
        &self.voided
    }

    /// Whether the student had a number voided (stepped aside before).
    pub fn was_stepped_aside(&self, student_no: u64) -> bool {
        self.voided
            .iter()
            .any(|v| v.number.student_no == student_no)
    }

    /// Students numbered more than once, with the photo numbers to void.
    pub fn duplicates(&self) -> Vec<Duplicate> {
        let mut out: Vec<Duplicate> = self
            .by_student
            .iter()
            .filter(|(_, v)| v.len() > 1)
            .map(|(no, v)| Duplicate {
                student_no: *no,
                keep: self.admissions[v[0]].clone(),
                void: v[1..].iter().map(|&i| self.admissions[i].clone()).collect(),
            })
            .collect();
        out.sort_by_key(|d| d.student_no);
        out
    }

    /// Records voided, with who voided them and why.
    pub fn voids(&self) -> &[VoidNote] {
        &self.voids
    }

    /// Numbers held by more than one student in one session.
    pub fn clashes(&self) -> Vec<NumberClash> {
        let mut by_no: BTreeMap<(u8, &str), Vec<&Admission>> = BTreeMap::new();
        for a in &self.admissions {
            by_no
                .entry((a.session, a.photo_no.as_str()))
                .or_default()
                .push(a);
        }
        by_no
            .into_iter()
            .filter(|(_, v)| v.iter().map(|a| a.student_no).collect::<HashSet<_>>().len() > 1)
            .map(|((session, photo_no), v)| NumberClash {
                session,
                photo_no: photo_no.to_string(),
                holders: v.into_iter().cloned().collect(),
            })
            .collect()
    }
}

/// Photographed against expected for one class of a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassAttendance {
    /// Class (`软件1班`).
    pub class: String,
    /// Photographed.
    pub photographed: u32,
    /// On the roster.
    pub expected: u32,
}

/// Attendance of one session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionAttendance {
    /// 1-based session.
    pub session: u8,
    /// College.
    pub college: Text,
    /// Room.
    pub room: Text,
    /// Date `YYYY-MM-DD`.
    pub date: String,
    /// On the roster.
    pub expected: u32,
    /// Roster students seen (checked in at a door or numbered in the studio).
    pub arrived: u32,
    /// Roster students holding a 摄影编号 now.
    pub numbered: u32,
    /// Roster students a closed batch marked photographed.
    pub photographed: u32,
    /// Numbered but not on the roster (overrides).
    pub not_on_roster: u32,
    /// Numbers voided by step-asides in this session.
    pub stepped_aside: u32,
    /// Per class, in plan order ("软件1班 38/42").
    pub classes: Vec<ClassAttendance>,
    /// Roster students not photographed: the 补拍 list.
    pub absentees: Vec<Student>,
    /// Of those, the ones who were seen (checked in or numbered) but not photographed: liaisons
    /// chase them before the session ends.
    pub arrived_not_photographed: Vec<Student>,
}

/// Attendance of every session plus the conflicts to settle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attendance {
    /// One per session, in the event's order.
    pub sessions: Vec<SessionAttendance>,
    /// Students numbered twice.
    pub duplicates: Vec<Duplicate>,
    /// Numbers held by two students.
    pub clashes: Vec<NumberClash>,
    /// Records voided, by whom and why.
    pub voids: Vec<VoidNote>,
    /// Scans refused at the doors, counted by verdict (`bad_signature`, `wrong_session`…).
    pub refusals: BTreeMap<String, u32>,
}

impl Attendance {
    /// Roster students photographed, all sessions.
    pub fn photographed(&self) -> u32 {
        self.sessions.iter().map(|s| s.photographed).sum()
    }

    /// The 补拍 list of every session, in session order.
    pub fn absentees(&self) -> impl Iterator<Item = &Student> {
        self.sessions.iter().flat_map(|s| s.absentees.iter())
    }
}

/// Attendance of every session from the roster and the merged ledger. Photographed is its own
/// fact: a check-in at the door or a number alone does not take a student off the 补拍 list.
pub fn attendance(event: &Event, roster: &Roster, ledger: &Ledger) -> Attendance {
    let sessions = (1..=event.sessions.len() as u8)
        .map(|n| {
            let s = event.session(n).expect("in range");
            let mut classes: BTreeMap<String, (u32, u32)> = BTreeMap::new();
            let mut absentees = Vec::new();
            let mut arrived_not_photographed = Vec::new();
            let (mut expected, mut arrived, mut numbered, mut photographed) = (0, 0, 0, 0);
            for st in roster.in_session(n) {
                expected += 1;
                let class = if st.class.is_empty() {
                    NO_CLASS.to_string()
                } else {
                    st.class.clone()
                };
                let e = classes.entry(class).or_default();
                e.1 += 1;
                let seen = ledger.arrived(st.student_no);
                arrived += seen as u32;
                numbered += !ledger.of_student(st.student_no).is_empty() as u32;
                if ledger.photographed(st.student_no) {
                    photographed += 1;
                    e.0 += 1;
                } else {
                    absentees.push(st.clone());
                    if seen {
                        arrived_not_photographed.push(st.clone());
                    }
                }
            }
            let mut seen = HashSet::new();
            let not_on_roster = ledger
                .admissions()
                .iter()
                .filter(|a| a.session == n && roster.get(a.student_no).is_none())
                .filter(|a| seen.insert(a.student_no))
                .count() as u32;
            let stepped_aside = ledger
                .voided()
                .iter()
                .filter(|v| v.number.session == n)
                .count() as u32;
            let mut classes: Vec<ClassAttendance> = classes
                .into_iter()
                .map(|(class, (p, e))| ClassAttendance {
                    class,
                    photographed: p,
                    expected: e,
                })
                .collect();
            classes.sort_by(|a, b| natural_cmp(&a.class, &b.class));
            SessionAttendance {
                session: n,
                college: s.college.clone(),
                room: s.room.clone(),
                date: s.date.to_string(),
                expected,
                arrived,
                numbered,
                photographed,
                not_on_roster,
                stepped_aside,
                classes,
                absentees,
                arrived_not_photographed,
            }
        })
        .collect();
    Attendance {
        sessions,
        duplicates: ledger.duplicates(),
        clashes: ledger.clashes(),
        voids: ledger.voids().to_vec(),
        refusals: ledger.refusals.clone(),
    }
}

impl Attendance {
    /// Names the devices in the conflicts as staff know them (`name` gives the station a device
    /// was enrolled as); the others keep their id.
    pub fn name_devices(&mut self, name: impl Fn(&str) -> Option<String>) {
        let admissions = self
            .duplicates
            .iter_mut()
            .flat_map(|d| std::iter::once(&mut d.keep).chain(d.void.iter_mut()))
            .chain(self.clashes.iter_mut().flat_map(|c| c.holders.iter_mut()));
        for a in admissions {
            if let Some(n) = name(&a.device) {
                a.device_name = n;
            }
        }
    }
}

impl ClassAttendance {
    /// Everyone of the class on the roster is photographed.
    pub fn complete(&self) -> bool {
        self.photographed >= self.expected
    }

    /// The class's line: `软件1班 已拍 38/42`.
    pub fn line(&self) -> Text {
        let (c, p, e) = (&self.class, self.photographed, self.expected);
        Text::new(
            format!("{c} 已拍 {p}/{e}"),
            format!("{c} photographed {p}/{e}"),
        )
    }
}

impl SessionAttendance {
    /// Heading of the 补拍 list (roster students not photographed), with its length.
    pub fn absentees_title(&self) -> Text {
        let n = self.absentees.len();
        Text::new(
            format!("未拍（补拍名单）{n} 人"),
            format!("Not photographed (the 补拍 list): {n}"),
        )
    }

    /// Heading of the students seen but not photographed, for liaisons to chase, with its length.
    pub fn arrived_not_photographed_title(&self) -> Text {
        let n = self.arrived_not_photographed.len();
        Text::new(
            format!("到场但未拍 {n} 人（请联络员找回）"),
            format!("Arrived but not photographed: {n} (liaisons, find them)"),
        )
    }

    /// The session's heading: `1. 信息技术与工程学院 · 2023-06-03 一教104`.
    pub fn heading(&self) -> Text {
        Text::new(
            format!(
                "{}. {} · {} {}",
                self.session, self.college.zh, self.date, self.room.zh
            ),
            format!(
                "{}. {} · {} {}",
                self.session, self.college.en, self.date, self.room.en
            ),
        )
    }

    /// The counts in one line, with the off-roster numbers when there are any.
    pub fn summary(&self) -> Text {
        let (a, n, p, e, s) = (
            self.arrived,
            self.numbered,
            self.photographed,
            self.expected,
            self.stepped_aside,
        );
        let mut zh = format!("到场 {a} · 已编号 {n} · 已拍 {p}/{e} · 暂离 {s}");
        let mut en =
            format!("Arrived {a} · numbered {n} · photographed {p}/{e} · stepped aside {s}");
        if self.not_on_roster > 0 {
            let k = self.not_on_roster;
            zh.push_str(&format!(" · 名单外已编号 {k}"));
            en.push_str(&format!(" · {k} numbered off the roster"));
        }
        Text::new(zh, en)
    }
}

impl Duplicate {
    /// Which photo number stands and which to void, in both languages.
    pub fn advice(&self) -> Text {
        let void_zh: Vec<String> = self
            .void
            .iter()
            .map(|a| format!("{}（{}）", a.photo_no, a.device_name))
            .collect();
        let void_en: Vec<String> = self
            .void
            .iter()
            .map(|a| format!("{} ({})", a.photo_no, a.device_name))
            .collect();
        Text::new(
            format!(
                "{} 编了两次号：保留 {}，作废 {}",
                self.student_no,
                self.keep.photo_no,
                void_zh.join("、")
            ),
            format!(
                "{} was numbered twice: keep {}, void {}",
                self.student_no,
                self.keep.photo_no,
                void_en.join(", ")
            ),
        )
    }
}
