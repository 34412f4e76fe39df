//! The one error the apps see, and the one place core errors are folded into it.
//!
//! The core's [`photoday_core::Error`] is rich: it names files, rows and fields for the 教务处's
//! command line. A phone screen needs less: which kind of trouble it is (so it can offer the
//! right button: "import a bundle", "choose another file", "try again") and a sentence to show.
//! So the surface has a handful of flat kinds, each carrying the core's message, and
//! [`From<photoday_core::Error>`] below is the only mapping; no other code in this crate decides
//! what kind an error is.

use photoday_core::Error as CoreError;

/// What went wrong, in the few kinds a screen acts on. Every kind carries a message written for
/// the user (Chinese or English names of the thing involved, and what to do next); show it as is.
///
/// A panic inside Rust (a bug) is not one of these: it reaches Kotlin as `InternalException`
/// and Swift as a thrown `UniffiInternalError.rustPanic`, and the app keeps running.
#[derive(Debug, thiserror::Error, uniffi::Error)]
#[uniffi(flat_error)]
pub enum PhotoDayError {
    /// The device lacks something this action needs (no bundle imported yet, no station chosen,
    /// log not exported before a purge, …). Lead the user to the missing step.
    #[error("{0}")]
    NotReady(String),

    /// The input does not make sense (unknown template or college, unknown student, a checklist
    /// item that does not exist, an image that is not a picture, undo too late, …). Let the user
    /// correct it.
    #[error("{0}")]
    InvalidInput(String),

    /// A bundle that is truncated, tampered with, of another event or of an unknown version;
    /// nothing was imported. Ask the 教务处 for a fresh bundle.
    #[error("{0}")]
    BadBundle(String),

    /// A device log that is truncated or corrupted; nothing was imported. Export it again.
    #[error("{0}")]
    BadLog(String),

    /// The database file is not PhotoDay's, is damaged, or was written by a newer PhotoDay; it
    /// was left untouched. Choose another file, restore a backup or update the app.
    #[error("{0}")]
    Storage(String),

    /// A file could not be read or written (missing folder, no permission, disk full).
    #[error("{0}")]
    Io(String),

    /// Something that should not happen; report it with the message.
    #[error("{0}")]
    Internal(String),
}

/// Result with the public [`PhotoDayError`].
pub type ApiResult<T> = std::result::Result<T, PhotoDayError>;

impl From<CoreError> for PhotoDayError {
    fn from(e: CoreError) -> Self {
        let message = e.to_string();
        match e {
            CoreError::NotReady(_) => PhotoDayError::NotReady(message),
            CoreError::InvalidEvent { .. }
            | CoreError::UnknownTemplate(_)
            | CoreError::InvalidRoster(_)
            | CoreError::PassIssue(_)
            | CoreError::QrEncode { .. }
            | CoreError::Image(_)
            | CoreError::KeyFileTooOpen { .. }
            | CoreError::BadKeyFile { .. }
            | CoreError::Invalid(_) => PhotoDayError::InvalidInput(message),
            CoreError::BadBundle(_) => PhotoDayError::BadBundle(message),
            CoreError::BadLog(_) => PhotoDayError::BadLog(message),
            CoreError::NotADatabase { .. }
            | CoreError::DatabaseTooNew { .. }
            | CoreError::Sql(_) => PhotoDayError::Storage(message),
            CoreError::Io { .. } => PhotoDayError::Io(message),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_errors_keep_their_message_and_get_a_kind_a_screen_acts_on() {
        let e: PhotoDayError = CoreError::UnknownTemplate("gzcc-2099".into()).into();
        assert!(matches!(e, PhotoDayError::InvalidInput(_)));
        assert!(e.to_string().contains("gzcc-2099"), "{e}");

        let e: PhotoDayError = CoreError::NotReady("import a bundle first".into()).into();
        assert!(matches!(e, PhotoDayError::NotReady(ref m) if m == "import a bundle first"));

        let e: PhotoDayError = CoreError::NotADatabase {
            path: "notes.db".into(),
            detail: "file is not a database".into(),
        }
        .into();
        assert!(matches!(e, PhotoDayError::Storage(_)));
        assert!(e.to_string().contains("notes.db"), "{e}");
    }
}
