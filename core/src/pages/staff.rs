//! The staff's pages: import the bundle, choose the station, the door (camera and verdict),
//! typed check-in, step aside, batch, attendance, history, logs; and what their buttons do.

use crate::door_loop::DoorLoop;
use crate::error::Result;
use crate::scanner::Scanner;
use crate::text::Text;
use crate::time::UnixMillis;

use super::{failed, navigate, Command, Input, Outcome, Page, PageId};

/// Where a staff phone starts: the bundle, then the station, then the door.
pub fn start(scanner: &Scanner) -> PageId {
    match crate::door_loop::status(scanner) {
        crate::door_loop::StaffStatus::NeedsBundle => PageId::Import,
        crate::door_loop::StaffStatus::NeedsStation => PageId::Station,
        crate::door_loop::StaffStatus::Ready => PageId::Door,
    }
}

/// The page `id` as the device holds it at `now`. `Start` is never asked for here (the caller
/// resolves it with [`start`]).
pub fn page(scanner: &mut Scanner, door: &mut DoorLoop, id: PageId, now: UnixMillis) -> Result<Page> {
    let _ = (scanner, door, now);
    Ok(Page::new(id, Text::new("PhotoDay", "PhotoDay")))
}

/// Performs a staff command with what the platform gathered. Failures come back as a red
/// message, never as an error.
pub fn perform(
    scanner: &mut Scanner,
    door: &mut DoorLoop,
    command: &Command,
    input: &Input,
    now: UnixMillis,
) -> Outcome {
    if let Some(done) = navigate(command) {
        return done;
    }
    match run(scanner, door, command, input, now) {
        Ok(done) => done,
        Err(e) => failed(&e),
    }
}

fn run(
    scanner: &mut Scanner,
    door: &mut DoorLoop,
    command: &Command,
    input: &Input,
    now: UnixMillis,
) -> Result<Outcome> {
    let _ = (scanner, door, command, input, now);
    Ok(Outcome::default())
}
