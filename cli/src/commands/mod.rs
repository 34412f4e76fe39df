//! One module per command group; this file only routes a parsed command to it, and holds the two
//! look-ups every group shares (the event folder and a session named by number or college).

pub mod bundle;
pub mod demo;
pub mod device;
pub mod event;
pub mod log;
pub mod passes;
pub mod plan;
pub mod report;
pub mod roster;
pub mod scan;

use photoday_core::admin::EventFolder;
use photoday_core::event::Event;
use photoday_core::time::UnixMillis;
use std::path::Path;

use crate::args::Command;
use crate::failure::Failure;
use crate::output::Out;

/// Runs one parsed command.
pub fn run(command: Command, out: &Out) -> Result<(), Failure> {
    match command {
        Command::Demo(a) => demo::run(&a, out),
        Command::Init(a) => event::init(&a, out),
        Command::Event(c) => event::run(c, out),
        Command::Roster(c) => roster::run(c, out),
        Command::Passes(c) => passes::run_passes(c, out),
        Command::Pass(c) => passes::run_pass(c, out),
        Command::Bundle(c) => bundle::run(c, out),
        Command::Scan(a) => scan::run(&a, out),
        Command::Log(c) => log::run(c, out),
        Command::Device(c) => device::run(c, out),
        Command::Report(a) => report::run(&a, out),
        Command::Plan(a) => plan::run(&a, out),
    }
}

/// Opens the event folder at `dir`.
pub fn open_folder(dir: &Path) -> Result<EventFolder, Failure> {
    Ok(EventFolder::open(dir)?)
}

/// The session named by `key` (its number or its college), or an error listing the sessions.
pub fn find_session(event: &Event, key: &str) -> Result<u8, Failure> {
    event.find_session(key).ok_or_else(|| {
        let known: Vec<String> = event
            .sessions
            .iter()
            .enumerate()
            .map(|(i, s)| format!("{} {}", i + 1, s.college.zh))
            .collect();
        Failure::input(format!(
            "no session `{key}` in this event; use a number or a college: {}",
            known.join(", ")
        ))
    })
}

/// The wall clock, in Unix milliseconds.
pub fn clock_now() -> UnixMillis {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or_default()
}
