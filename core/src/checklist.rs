//! The student's checklist before the day.
//!
//! The notice's dress code and rules decide whether a photo is accepted: a blue shirt vanishes into
//! the light-blue background, glasses reflect, hair over the ears is refused. The items come from
//! the event (so another school's notice brings its own); the ticks are the student's and are kept
//! in the store so they survive a restart.

use serde::{Deserialize, Serialize};
use std::collections::HashSet;

use crate::event::Event;
use crate::text::Text;

/// A checklist item with its tick.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChecklistItem {
    /// Stable id (ticks are stored under it).
    pub id: String,
    /// What to check.
    pub text: Text,
    /// Whether the student ticked it.
    pub ticked: bool,
}

/// The event's checklist with the student's ticks.
pub fn checklist(event: &Event, ticked: &HashSet<String>) -> Vec<ChecklistItem> {
    event
        .checklist
        .iter()
        .map(|c| ChecklistItem {
            id: c.id.clone(),
            text: c.text.clone(),
            ticked: ticked.contains(&c.id),
        })
        .collect()
}

/// True when `id` is an item of the event's checklist.
pub fn has_item(event: &Event, id: &str) -> bool {
    event.checklist.iter().any(|c| c.id == id)
}

/// The checklist's progress as the home shows it: `准备清单 3/10` / `Checklist 3/10`.
pub fn progress_line(items: &[ChecklistItem]) -> Text {
    let done = items.iter().filter(|c| c.ticked).count();
    let total = items.len();
    Text::new(
        format!("准备清单 {done}/{total}"),
        format!("Checklist {done}/{total}"),
    )
}
