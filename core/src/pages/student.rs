//! The student's pages: home (setup first, while the core says so), pass, 采集码, checklist,
//! timeline, notice, import; and what their buttons do.

use crate::error::Result;
use crate::student::StudentPhone;
use crate::text::Text;
use crate::time::UnixMillis;

use super::{failed, navigate, Command, Input, Outcome, Page, PageId};

/// The page `id` as the student's phone holds it at `now`. `Start` is never asked for here (the
/// caller resolves it to [`PageId::Home`]). Reads the disk only for the saved 采集码 image.
pub fn page(phone: &mut StudentPhone, id: PageId, now: UnixMillis) -> Result<Page> {
    let _ = (phone, now);
    Ok(Page::new(id, Text::new("PhotoDay", "PhotoDay")))
}

/// Performs a student command with what the platform gathered. Failures come back as a red
/// message, never as an error: the page stays as it was.
pub fn perform(
    phone: &mut StudentPhone,
    command: &Command,
    input: &Input,
    now: UnixMillis,
) -> Outcome {
    if let Some(done) = navigate(command) {
        return done;
    }
    match run(phone, command, input, now) {
        Ok(done) => done,
        Err(e) => failed(&e),
    }
}

fn run(
    phone: &mut StudentPhone,
    command: &Command,
    input: &Input,
    now: UnixMillis,
) -> Result<Outcome> {
    let _ = (phone, command, input, now);
    Ok(Outcome::default())
}
