//! What this device recorded, newest first, as staff read it — and which lines can still be
//! undone.
//!
//! The verdict on screen is gone after a few seconds and after a restart; a student who turns out
//! to be the wrong one three scans later must still be undone. The history lists this device's
//! own check-ins, numbers, step-asides and batches shot, with what each did and whether the undo
//! button applies (its own, within the undo window, not undone, not photographed).

use std::collections::HashSet;

use crate::error::Result;
use crate::log::{Action, Record};
use crate::scanner::{Scanner, UNDO_WINDOW_MS};
use crate::text::Text;
use crate::time::{self, UnixMillis};

/// One line of the history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryEntry {
    /// The record's number on this device (for `undo`).
    pub record_seq: u64,
    /// When (Unix ms).
    pub at_ms: UnixMillis,
    /// `HH:MM`, event-local.
    pub at: String,
    /// The student.
    pub student_no: Option<u64>,
    /// Their name, when the bundle has names.
    pub name: Option<String>,
    /// What happened: `09:41 签到 2020010001 李明`.
    pub text: Text,
    /// It was undone or voided since.
    pub cancelled: bool,
    /// The undo button applies now.
    pub can_undo: bool,
}

impl Scanner {
    /// This device's latest `limit` check-ins, numbers, step-asides and photographed marks,
    /// newest first, with whether each can still be undone at `now`. Touches the disk (reads).
    pub fn history(&mut self, now: UnixMillis, limit: usize) -> Result<Vec<HistoryEntry>> {
        let device = self.device_id().to_string();
        let Some(offset) = self.event().map(|e| e.utc_offset) else {
            return Ok(vec![]);
        };
        let records = self.records()?;
        let undone_asides: HashSet<u64> = records
            .iter()
            .filter(|r| r.device == device)
            .filter_map(|r| match &r.action {
                Action::Undo { target_seq, .. } => Some(*target_seq),
                _ => None,
            })
            .collect();
        let cancelled: HashSet<u64> = records
            .iter()
            .filter_map(|r| match &r.action {
                Action::Undo { target_seq, .. } if r.device == device => Some(*target_seq),
                Action::Void {
                    target_device,
                    target_seq,
                    ..
                } if *target_device == device => Some(*target_seq),
                _ => None,
            })
            .collect();
        // A number voided by a step-aside stands no more either.
        let set_aside: HashSet<u64> = records
            .iter()
            .filter(|r| r.device == device && !undone_asides.contains(&r.seq))
            .filter_map(|r| match &r.action {
                Action::StepAside {
                    target_seq: Some(t),
                    ..
                } => Some(*t),
                _ => None,
            })
            .collect();
        let shot: HashSet<u64> = records
            .iter()
            .filter(|r| r.device == device)
            .filter_map(|r| match &r.action {
                Action::Photographed { target_seq, .. } => Some(*target_seq),
                _ => None,
            })
            .collect();
        let roster = self.roster();
        let mut out: Vec<HistoryEntry> = records
            .iter()
            .filter(|r| r.device == device)
            .filter(|r| {
                matches!(
                    r.action,
                    Action::CheckIn { .. } | Action::Number { .. } | Action::StepAside { .. }
                )
            })
            .map(|r| {
                let name = r
                    .student_no()
                    .and_then(|no| roster.and_then(|ro| ro.get(no)))
                    .map(|s| s.name.clone())
                    .filter(|n| !n.is_empty());
                let at = time::format_hhmm(time::to_local(offset, r.at_ms).time());
                let state = if cancelled.contains(&r.seq) {
                    State::Undone
                } else if set_aside.contains(&r.seq) {
                    State::SetAside
                } else if shot.contains(&r.seq) {
                    State::Photographed
                } else {
                    State::Standing
                };
                let (is_cancelled, photographed) = (
                    matches!(state, State::Undone | State::SetAside),
                    state == State::Photographed,
                );
                HistoryEntry {
                    record_seq: r.seq,
                    at_ms: r.at_ms,
                    text: line(r, &at, name.as_deref(), state),
                    at,
                    student_no: r.student_no(),
                    name,
                    cancelled: is_cancelled,
                    can_undo: !is_cancelled
                        && !photographed
                        && now >= r.at_ms
                        && now - r.at_ms <= UNDO_WINDOW_MS,
                }
            })
            .collect();
        out.sort_by_key(|h| std::cmp::Reverse(h.record_seq));
        out.truncate(limit);
        Ok(out)
    }
}

/// Where a record stands now.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Standing,
    Undone,
    /// A number voided when its student was stepped aside.
    SetAside,
    Photographed,
}

fn line(r: &Record, at: &str, name: Option<&str>, state: State) -> Text {
    let who = match (r.student_no(), name) {
        (Some(no), Some(n)) => format!("{no} {n}"),
        (Some(no), None) => no.to_string(),
        _ => String::new(),
    };
    let (zh, en) = match &r.action {
        Action::CheckIn { .. } => ("签到".to_string(), "checked in".to_string()),
        Action::Number { batch, .. } => {
            let p = r.photo_no().unwrap_or_default();
            (
                format!("摄影编号 {p}（第{batch}批）"),
                format!("photo no. {p} (batch {batch})"),
            )
        }
        Action::StepAside { reason, .. } => {
            let why = reason.text();
            (
                format!("暂离（{}）", why.zh),
                format!("stepped aside ({})", why.en),
            )
        }
        _ => (String::new(), String::new()),
    };
    let (szh, sen) = match state {
        State::Undone => ("（已撤销）", " (undone)"),
        State::SetAside => ("（暂离，编号作废）", " (stepped aside, number void)"),
        State::Photographed => ("（已拍摄）", " (photographed)"),
        State::Standing => ("", ""),
    };
    Text::new(
        format!("{at} {zh} {who}{szh}"),
        format!("{at} {en} {who}{sen}"),
    )
}
