//! A student's day from a built-in event, before any bundle is imported.
//!
//! The student app shows these in its demo mode (and the JVM tests use them): the slot, the
//! timeline and the checklist of a college's session in a built-in template, computed by the same
//! core functions a student bundle feeds. Pure computation: nothing here touches the disk, so
//! these calls are fine on the main thread.

use std::collections::HashSet;

use photoday_core::event::Event as CoreEvent;
use photoday_core::{checklist, slot, timeline, Error as CoreError};

use crate::error::ApiResult;
use crate::student::{ChecklistItem, Reminder, Slot, TimelineItem};

/// The slot of `college` (Chinese or English name, or the session's number) in the built-in
/// event `template`, with the session's start as the student's time.
///
/// Fails with `InvalidInput` for an unknown template or college.
#[uniffi::export]
pub fn preview_slot(template: String, college: String) -> ApiResult<Slot> {
    let (event, s) = event_and_slot(&template, &college)?;
    Ok(Slot::new(&event, &s))
}

/// The timeline of a student of `college` in the built-in event `template`, as seen at `now_ms`
/// (Unix milliseconds), ordered by date.
///
/// Fails with `InvalidInput` for an unknown template or college.
#[uniffi::export]
pub fn preview_timeline(
    template: String,
    college: String,
    now_ms: i64,
) -> ApiResult<Vec<TimelineItem>> {
    let (event, s) = event_and_slot(&template, &college)?;
    let items = timeline::timeline(&event, &s, now_ms);
    Ok(items.iter().map(TimelineItem::from).collect())
}

/// Every reminder still ahead at `now_ms` for a student of `college` in `template`, soonest
/// first: what the app hands to local notifications.
///
/// Fails with `InvalidInput` for an unknown template or college.
#[uniffi::export]
pub fn preview_reminders(
    template: String,
    college: String,
    now_ms: i64,
) -> ApiResult<Vec<Reminder>> {
    let (event, s) = event_and_slot(&template, &college)?;
    let items = timeline::timeline(&event, &s, now_ms);
    Ok(timeline::reminders(&items)
        .iter()
        .map(Reminder::from)
        .collect())
}

/// The checklist of the built-in event `template`, nothing ticked.
///
/// Fails with `InvalidInput` for an unknown template.
#[uniffi::export]
pub fn preview_checklist(template: String) -> ApiResult<Vec<ChecklistItem>> {
    let event = CoreEvent::template(&template)?;
    Ok(checklist::checklist(&event, &HashSet::new())
        .iter()
        .map(ChecklistItem::from)
        .collect())
}

fn event_and_slot(template: &str, college: &str) -> ApiResult<(CoreEvent, slot::Slot)> {
    let event = CoreEvent::template(template)?;
    let s = event
        .find_session(college)
        .and_then(|n| slot::Slot::new(&event, n, None))
        .ok_or_else(|| {
            CoreError::Invalid(format!(
                "no session for `{college}` in {}; check the college's name",
                event.id
            ))
        })?;
    Ok((event, s))
}
