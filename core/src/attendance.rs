//! Attendance: who was photographed, who is missing, who was photographed twice.
//!
//! Built from the merged records of every door phone, so the 教务处 and every staff phone see the
//! same numbers once logs are exchanged. The absentees are the 补拍 list. A student admitted on two
//! devices was photographed twice: both records are kept and the later photo number is named to
//! void, so the agency does not attach the wrong photo to the record.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};

use crate::event::Event;
use crate::log::{Action, Record, Via};
use crate::plan::{natural_cmp, NO_CLASS};
use crate::roster::{Roster, Student};
use crate::text::Text;

/// One admission that stands (not undone).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Admission {
    /// Device that admitted.
    pub device: String,
    /// Its record number there.
    pub seq: u64,
    /// When (Unix ms, device clock).
    pub at_ms: i64,
    /// Session.
    pub session: u8,
    /// Student.
    pub student_no: u64,
    /// Photo number as written on the form (`12`, `A012`).
    pub photo_no: String,
    /// Position in the device's numbering.
    pub photo_seq: u32,
    /// Pass, manual or override.
    pub via: Via,
    /// Staff's reason (manual, override).
    pub reason: Option<String>,
}

/// A student photographed more than once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Duplicate {
    /// Student.
    pub student_no: u64,
    /// The first admission: its photo stands.
    pub keep: Admission,
    /// Later admissions: void these photo numbers.
    pub void: Vec<Admission>,
}

/// Standing admissions and refusals from a set of records.
#[derive(Debug, Clone, Default)]
pub struct Ledger {
    admissions: Vec<Admission>,
    by_student: HashMap<u64, Vec<usize>>,
    /// Refusals counted by verdict name.
    pub refusals: BTreeMap<String, u32>,
    /// Admissions that were undone.
    pub undone: u32,
}

impl Ledger {
    /// Builds the ledger; the order of `records` does not matter.
    pub fn from_records<'a>(records: impl IntoIterator<Item = &'a Record>) -> Ledger {
        let mut admits: Vec<&Record> = Vec::new();
        let mut undos: HashSet<(&str, u64)> = HashSet::new();
        let mut refusals = BTreeMap::new();
        for r in records {
            match &r.action {
                Action::Admit { .. } => admits.push(r),
                Action::Undo { target_seq, .. } => {
                    undos.insert((r.device.as_str(), *target_seq));
                }
                Action::Refuse { verdict, .. } => {
                    *refusals.entry(verdict.clone()).or_insert(0) += 1
                }
            }
        }
        let mut undone = 0;
        let mut admissions: Vec<Admission> = admits
            .into_iter()
            .filter(|r| {
                let gone = undos.contains(&(r.device.as_str(), r.seq));
                undone += gone as u32;
                !gone
            })
            .filter_map(|r| match &r.action {
                Action::Admit {
                    student_no,
                    photo_seq,
                    lane,
                    via,
                    reason,
                    ..
                } => Some(Admission {
                    device: r.device.clone(),
                    seq: r.seq,
                    at_ms: r.at_ms,
                    session: r.session,
                    student_no: *student_no,
                    photo_no: crate::log::photo_no(*lane, *photo_seq),
                    photo_seq: *photo_seq,
                    via: *via,
                    reason: reason.clone(),
                }),
                _ => None,
            })
            .collect();
        admissions.sort_by(|a, b| (a.at_ms, &a.device, a.seq).cmp(&(b.at_ms, &b.device, b.seq)));
        let mut by_student: HashMap<u64, Vec<usize>> = HashMap::new();
        for (i, a) in admissions.iter().enumerate() {
            by_student.entry(a.student_no).or_default().push(i);
        }
        Ledger {
            admissions,
            by_student,
            refusals,
            undone,
        }
    }

    /// Standing admissions, earliest first.
    pub fn admissions(&self) -> &[Admission] {
        &self.admissions
    }

    /// The standing admissions of a student, earliest first.
    pub fn of_student(&self, student_no: u64) -> Vec<&Admission> {
        self.by_student
            .get(&student_no)
            .map(|v| v.iter().map(|&i| &self.admissions[i]).collect())
            .unwrap_or_default()
    }

    /// Students admitted more than once, with the photo numbers to void.
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
}

/// Admitted against expected for one class of a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassAttendance {
    /// Class (`软件1班`).
    pub class: String,
    /// Admitted.
    pub admitted: u32,
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
    /// Roster students admitted.
    pub admitted: u32,
    /// Admitted but not on the roster (overrides).
    pub not_on_roster: u32,
    /// Per class, in plan order ("软件1班 38/42").
    pub classes: Vec<ClassAttendance>,
    /// Roster students not admitted: the 补拍 list.
    pub absentees: Vec<Student>,
}

/// Attendance of every session plus the duplicates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attendance {
    /// One per session, in the event's order.
    pub sessions: Vec<SessionAttendance>,
    /// Students photographed twice.
    pub duplicates: Vec<Duplicate>,
    /// Scans refused at the doors, counted by verdict (`bad_signature`, `wrong_session`…).
    pub refusals: BTreeMap<String, u32>,
}

/// Attendance of every session from the roster and the merged ledger.
pub fn attendance(event: &Event, roster: &Roster, ledger: &Ledger) -> Attendance {
    let sessions = (1..=event.sessions.len() as u8)
        .map(|n| {
            let s = event.session(n).expect("in range");
            let mut classes: BTreeMap<String, (u32, u32)> = BTreeMap::new();
            let mut absentees = Vec::new();
            let (mut expected, mut admitted) = (0, 0);
            for st in roster.in_session(n) {
                expected += 1;
                let class = if st.class.is_empty() {
                    NO_CLASS.to_string()
                } else {
                    st.class.clone()
                };
                let e = classes.entry(class).or_default();
                e.1 += 1;
                if ledger.of_student(st.student_no).is_empty() {
                    absentees.push(st.clone());
                } else {
                    admitted += 1;
                    e.0 += 1;
                }
            }
            let mut seen = HashSet::new();
            let not_on_roster = ledger
                .admissions()
                .iter()
                .filter(|a| a.session == n && roster.get(a.student_no).is_none())
                .filter(|a| seen.insert(a.student_no))
                .count() as u32;
            let mut classes: Vec<ClassAttendance> = classes
                .into_iter()
                .map(|(class, (a, e))| ClassAttendance {
                    class,
                    admitted: a,
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
                admitted,
                not_on_roster,
                classes,
                absentees,
            }
        })
        .collect();
    Attendance {
        sessions,
        duplicates: ledger.duplicates(),
        refusals: ledger.refusals.clone(),
    }
}
