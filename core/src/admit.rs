//! Who may go in: the door's and the studio's rule as one pure function.
//!
//! `Scanner::judge` gathers the facts about a student at a station from the store and the
//! bundle (where their session is, the roster, what every phone recorded of them), asks
//! [`decide`], and then does the writing. Keeping the rule apart from the disk makes it one
//! readable table — tested row by row below — instead of a thread through a long function.

use crate::door::Verdict;
use crate::log::Via;
use crate::scanner::Role;

/// Everything the rule looks at, already read from the store and the bundle.
#[derive(Debug, Clone, PartialEq)]
pub struct Facts {
    /// What this device does.
    pub role: Role,
    /// The studio asks for the 采集码 before numbering.
    pub check_code: bool,
    /// The 采集码 was shown (or the check skipped) for this student.
    pub code_seen: bool,
    /// How they came: their pass, or a number staff typed.
    pub via: Via,
    /// Staff gave a reason to let them through over a refusal.
    pub overriding: bool,
    /// Their session is in another room or at another time (the verdict that says so).
    pub place: Option<Verdict>,
    /// The bundle has a roster and they are not on it.
    pub off_roster: bool,
    /// They hold a standing 摄影编号 (on any phone this device heard of).
    pub numbered: bool,
    /// They were checked in at a door.
    pub checked_in: bool,
    /// They were stepped aside before (this number would be a new one).
    pub stepped_aside: bool,
    /// A newer pass was issued for them (its lowest valid revision).
    pub replaced_pass: Option<u16>,
}

/// What to do with the student.
#[derive(Debug, Clone, PartialEq)]
pub enum Decision {
    /// Wrong room, or outside their time: the verdict that says where and when.
    Place(Verdict),
    /// Not on the roster (overridable).
    NotOnRoster,
    /// Already holds a number: show which (overridable).
    AlreadyNumbered,
    /// Already checked in at a door: show when and where (overridable).
    AlreadyCheckedIn,
    /// Typed by hand, but their pass was replaced: make sure it is them (overridable).
    PassReplaced { min_serial: u16 },
    /// Studio: the pass is good; now the 采集码.
    AskForCode,
    /// Door: check them into the queue.
    CheckIn { via: Via },
    /// Studio: give them the next 摄影编号.
    Number {
        via: Via,
        /// This phone never saw them at a door.
        door_unseen: bool,
        /// Back after stepping aside.
        renumbered: bool,
    },
}

/// The rule. Directions to another room are never overridden (the student walks there); every
/// other refusal yields to staff's reason, and an admission over one is recorded as an override.
pub fn decide(f: &Facts) -> Decision {
    match &f.place {
        Some(v @ Verdict::WrongSession { .. }) => return Decision::Place(v.clone()),
        Some(v) if !f.overriding => return Decision::Place(v.clone()),
        _ => {}
    }
    if f.off_roster && !f.overriding {
        return Decision::NotOnRoster;
    }
    let known_here = f.numbered || (f.role == Role::Door && f.checked_in);
    if !f.overriding {
        if f.numbered {
            return Decision::AlreadyNumbered;
        }
        if f.role == Role::Door && f.checked_in {
            return Decision::AlreadyCheckedIn;
        }
        if let (Via::Manual, Some(min_serial)) = (f.via, f.replaced_pass) {
            return Decision::PassReplaced { min_serial };
        }
    }
    if f.role.numbers() && f.check_code && !f.code_seen {
        return Decision::AskForCode;
    }
    let refused_first = f.place.is_some()
        || f.off_roster
        || known_here
        || (f.via == Via::Manual && f.replaced_pass.is_some());
    let via = if f.overriding && refused_first {
        Via::Override
    } else {
        f.via
    };
    if f.role == Role::Door {
        Decision::CheckIn { via }
    } else {
        Decision::Number {
            via,
            door_unseen: f.role == Role::Studio && !f.checked_in,
            renumbered: f.stepped_aside,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::door::Timing;
    use crate::text::Text;

    fn door() -> Facts {
        Facts {
            role: Role::Door,
            check_code: false,
            code_seen: false,
            via: Via::Pass,
            overriding: false,
            place: None,
            off_roster: false,
            numbered: false,
            checked_in: false,
            stepped_aside: false,
            replaced_pass: None,
        }
    }

    fn studio() -> Facts {
        Facts {
            role: Role::Studio,
            check_code: true,
            ..door()
        }
    }

    fn late() -> Verdict {
        Verdict::OutsideWindow {
            student_no: 1,
            name: None,
            timing: Timing::TooLate,
            minutes: 40,
            at: "16:00".into(),
            date: "2023-06-03".into(),
            windows: vec!["14:00–16:00".into()],
            makeup_deadline: "2024-04-30 17:00".into(),
            makeup_place: Text::new("教务处", "Academic Affairs"),
        }
    }

    fn elsewhere() -> Verdict {
        Verdict::WrongSession {
            student_no: 1,
            name: None,
            session: 9,
            college: Text::new("国际学院", "International"),
            room: Text::new("一教209", "Teaching Building 1-209"),
            date: "2023-06-04".into(),
            windows: vec!["14:30–16:30".into()],
        }
    }

    #[test]
    fn the_table() {
        use Decision as D;
        let pass = Via::Pass;
        let rows: Vec<(&str, Facts, Decision)> = vec![
            (
                "a pass at the door on time goes in",
                door(),
                D::CheckIn { via: pass },
            ),
            (
                "wrong room: directions, even with a reason",
                Facts {
                    place: Some(elsewhere()),
                    overriding: true,
                    ..door()
                },
                D::Place(elsewhere()),
            ),
            (
                "late: told so",
                Facts {
                    place: Some(late()),
                    ..door()
                },
                D::Place(late()),
            ),
            (
                "late with a reason: in, as an override",
                Facts {
                    place: Some(late()),
                    overriding: true,
                    ..door()
                },
                D::CheckIn { via: Via::Override },
            ),
            (
                "not on the roster",
                Facts {
                    off_roster: true,
                    ..door()
                },
                D::NotOnRoster,
            ),
            (
                "not on the roster, with a reason",
                Facts {
                    off_roster: true,
                    overriding: true,
                    ..door()
                },
                D::CheckIn { via: Via::Override },
            ),
            (
                "checked in before, at a door",
                Facts {
                    checked_in: true,
                    ..door()
                },
                D::AlreadyCheckedIn,
            ),
            (
                "checked in before, with a reason",
                Facts {
                    checked_in: true,
                    overriding: true,
                    ..door()
                },
                D::CheckIn { via: Via::Override },
            ),
            (
                "numbered in the studio, then at a door",
                Facts {
                    numbered: true,
                    ..door()
                },
                D::AlreadyNumbered,
            ),
            (
                "typed by hand, pass replaced: check it is them",
                Facts {
                    via: Via::Manual,
                    replaced_pass: Some(2),
                    ..door()
                },
                D::PassReplaced { min_serial: 2 },
            ),
            (
                "typed by hand, pass replaced, with a reason",
                Facts {
                    via: Via::Manual,
                    replaced_pass: Some(2),
                    overriding: true,
                    ..door()
                },
                D::CheckIn { via: Via::Override },
            ),
            (
                "a new pass scanned for a replaced one is fine",
                Facts {
                    replaced_pass: Some(2),
                    ..door()
                },
                D::CheckIn { via: pass },
            ),
            (
                "typed by hand, nothing wrong",
                Facts {
                    via: Via::Manual,
                    ..door()
                },
                D::CheckIn { via: Via::Manual },
            ),
            (
                "reason given but nothing to override",
                Facts {
                    overriding: true,
                    ..door()
                },
                D::CheckIn { via: pass },
            ),
            ("studio asks for the 采集码 first", studio(), D::AskForCode),
            (
                "studio numbers once the code is seen",
                Facts {
                    code_seen: true,
                    checked_in: true,
                    ..studio()
                },
                D::Number {
                    via: pass,
                    door_unseen: false,
                    renumbered: false,
                },
            ),
            (
                "studio notes a student the door never saw",
                Facts {
                    code_seen: true,
                    ..studio()
                },
                D::Number {
                    via: pass,
                    door_unseen: true,
                    renumbered: false,
                },
            ),
            (
                "studio: checked in at the door is not 'already'",
                Facts {
                    checked_in: true,
                    check_code: false,
                    ..studio()
                },
                D::Number {
                    via: pass,
                    door_unseen: false,
                    renumbered: false,
                },
            ),
            (
                "studio: already numbered",
                Facts {
                    numbered: true,
                    ..studio()
                },
                D::AlreadyNumbered,
            ),
            (
                "studio: back after stepping aside",
                Facts {
                    stepped_aside: true,
                    code_seen: true,
                    checked_in: true,
                    ..studio()
                },
                D::Number {
                    via: pass,
                    door_unseen: false,
                    renumbered: true,
                },
            ),
            (
                "one phone for both: no door_unseen note",
                Facts {
                    role: Role::Both,
                    check_code: false,
                    ..door()
                },
                D::Number {
                    via: pass,
                    door_unseen: false,
                    renumbered: false,
                },
            ),
            (
                "studio late with a reason still asks for the code",
                Facts {
                    place: Some(late()),
                    overriding: true,
                    ..studio()
                },
                D::AskForCode,
            ),
        ];
        for (what, facts, want) in rows {
            assert_eq!(decide(&facts), want, "{what}");
        }
    }
}
