//! `photoday`, the admin command line of PhotoDay, as a library.
//!
//! The 教务处 runs the photo day from a laptop: the notice becomes an event folder, a college's
//! Excel roster becomes signed passes, bundles go to the door phones, their logs come back and
//! become attendance, absentee (补拍) and fee reports, and a laptop with a USB scanner can guard a
//! door itself. All rules live in `photoday-core`; this crate reads files, parses the command line
//! and prints. `main.rs` only calls [`main_entry`]; the benchmark reuses [`sheet`].

pub mod args;
pub mod cards;
pub mod commands;
pub mod door_input;
pub mod failure;
pub mod output;
pub mod printable;
pub mod sheet;
pub mod stored_zip;

use clap::Parser;
use std::process::ExitCode;

use crate::failure::Failure;
use crate::output::Out;

/// Runs the command line: parses the arguments, runs the command, and turns any failure into one
/// sentence on stderr and an exit code (2: the command line or an input file is wrong; 1: other).
/// A panic never shows a backtrace: the hook prints one sentence instead.
pub fn main_entry() -> ExitCode {
    install_panic_hook();
    let cli = match args::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(e),
    };
    let out = Out::new(cli.lang.map(Into::into));
    match commands::run(cli.command, &out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            failure.report(&out);
            ExitCode::from(failure.code())
        }
    }
}

/// Help and version go to stdout as clap prints them; a real usage error becomes one line.
fn usage_error(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            }
        }
        _ => {
            // The first paragraph is the message (with the possible values, if any); the usage
            // block and tips under it are what `--help` is for.
            let text = e.render().to_string();
            let first: Vec<&str> = text
                .lines()
                .map(str::trim)
                .skip_while(|l| l.is_empty())
                .take_while(|l| !l.is_empty())
                .collect();
            let first = first.join(" ");
            let first = first.strip_prefix("error: ").unwrap_or(&first);
            eprintln!("photoday: {first} (see `photoday --help`)");
            ExitCode::from(2)
        }
    }
}

/// A bug must not greet the 教务处 with a backtrace: one sentence, and where to report it.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        // `photoday plan | head` closes the pipe early; that is not a bug.
        if msg.contains("failed printing to stdout") || msg.contains("Broken pipe") {
            std::process::exit(0);
        }
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!(
            "photoday: internal error ({msg}{place}); nothing more was written — please report this with the command you ran"
        );
    }));
}

/// Only for `Failure` conversions in tests and the benchmark.
pub type CliResult<T = ()> = Result<T, Failure>;
