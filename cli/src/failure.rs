//! How a command fails: one sentence on stderr that says what happened and what to do, and an exit
//! code a script can trust — 2 when the command line or an input file is wrong (fix it and run
//! again), 1 for anything else. A bad roster is the one failure with more than one line: every bad
//! row is listed, so a liaison fixes the file in one pass.

use photoday_core::roster::RowError;
use photoday_core::Error;
use std::path::Path;

use crate::output::{Out, Tone};
use crate::tr;

/// Exit code for a wrong command line or input.
pub const EXIT_INPUT: u8 = 2;
/// Exit code for everything else.
pub const EXIT_OTHER: u8 = 1;

/// A failed command.
#[derive(Debug)]
pub struct Failure {
    code: u8,
    message: String,
    rows: Vec<RowError>,
    /// The roster file the bad rows are in.
    file: Option<String>,
}

impl Failure {
    /// The user gave something wrong (a file, a value, a name): exit code 2.
    pub fn input(message: impl Into<String>) -> Failure {
        Failure {
            code: EXIT_INPUT,
            message: message.into(),
            rows: Vec::new(),
            file: None,
        }
    }

    /// Something else went wrong (disk, database): exit code 1.
    pub fn other(message: impl Into<String>) -> Failure {
        Failure {
            code: EXIT_OTHER,
            message: message.into(),
            rows: Vec::new(),
            file: None,
        }
    }

    /// A roster with bad rows; nothing was imported.
    pub fn roster(rows: Vec<RowError>) -> Failure {
        Failure {
            code: EXIT_INPUT,
            message: String::new(),
            rows,
            file: None,
        }
    }

    /// Names the file a bad roster came from.
    pub fn with_file(mut self, file: impl Into<String>) -> Failure {
        self.file = Some(file.into());
        self
    }

    /// A failure already explained on stdout (e.g. a pass that is not valid): only the exit code.
    pub fn silent(code: u8) -> Failure {
        Failure {
            code,
            message: String::new(),
            rows: Vec::new(),
            file: None,
        }
    }

    /// A file that could not be read: missing or unreadable input is the user's to fix.
    pub fn read(path: &Path, e: std::io::Error) -> Failure {
        let msg = match e.kind() {
            std::io::ErrorKind::NotFound => format!("{}: no such file", path.display()),
            _ => format!("{}: cannot be read ({e})", path.display()),
        };
        Failure::input(msg)
    }

    /// A file that could not be written.
    pub fn write(path: &Path, e: impl std::fmt::Display) -> Failure {
        Failure::other(format!("{}: cannot be written ({e})", path.display()))
    }

    /// The exit code.
    pub fn code(&self) -> u8 {
        self.code
    }

    /// The message (for tests).
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The bad roster rows, if that is what failed.
    pub fn rows(&self) -> &[RowError] {
        &self.rows
    }

    /// Prints the failure on stderr.
    pub fn report(&self, out: &Out) {
        let label = out.paint_err(Tone::Bad, tr!(out, "错误", "error"));
        if self.rows.is_empty() && self.message.is_empty() {
            return;
        }
        if self.rows.is_empty() {
            eprintln!("photoday: {label}: {}", self.message);
            return;
        }
        let n = self.rows.len();
        let file = self.file.as_deref().unwrap_or("");
        let (zh_file, en_file) = if file.is_empty() {
            (String::new(), String::new())
        } else {
            (format!(" {file} "), format!(" {file}"))
        };
        eprintln!(
            "photoday: {label}: {}",
            tr!(
                out,
                "名单{zh_file}有{n}处问题，什么都没有导入；请改好这些行后重新导入：",
                "the roster{en_file} has {n} problem(s); nothing was imported — fix these rows and import again:"
            )
        );
        for r in &self.rows {
            let (row, column, reason) = (r.row, &r.column, &r.reason);
            eprintln!(
                "  {}",
                tr!(
                    out,
                    "第{row}行，{column}列：{reason}",
                    "row {row}, column {column}: {reason}"
                )
            );
        }
    }
}

impl From<Error> for Failure {
    fn from(e: Error) -> Failure {
        match e {
            Error::InvalidRoster(rows) => Failure::roster(rows),
            Error::Io { ref source, .. } if source.kind() == std::io::ErrorKind::NotFound => {
                Failure::input(e.to_string())
            }
            Error::InvalidEvent { .. }
            | Error::UnknownTemplate(_)
            | Error::KeyFileTooOpen { .. }
            | Error::BadKeyFile { .. }
            | Error::PassIssue(_)
            | Error::QrEncode { .. }
            | Error::Image(_)
            | Error::BadBundle(_)
            | Error::BadLog(_)
            | Error::NotReady(_)
            | Error::Invalid(_)
            | Error::NotADatabase { .. }
            | Error::DatabaseTooNew { .. }
            | Error::Told { .. } => Failure::input(one_line(&e.to_string())),
            other => Failure::other(one_line(&other.to_string())),
        }
    }
}

/// Folds a multi-line message onto one line.
fn one_line(s: &str) -> String {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_is_the_users_to_fix() {
        let f = Failure::read(
            Path::new("roster.xlsx"),
            std::io::Error::from(std::io::ErrorKind::NotFound),
        );
        assert_eq!(f.code(), EXIT_INPUT);
        assert_eq!(f.message(), "roster.xlsx: no such file");
    }

    #[test]
    fn an_unknown_template_is_an_input_error_on_one_line() {
        let f = Failure::from(Error::UnknownTemplate("x".into()));
        assert_eq!(f.code(), EXIT_INPUT);
        assert!(!f.message().contains('\n'));
    }
}
