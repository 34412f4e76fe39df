//! The one error the apps see, and the one place core errors are folded into it.
//!
//! The core's [`photoday_core::Error`] is rich: it names files, rows and fields for the 教务处's
//! command line. A phone screen needs less: which kind of trouble it is (so it can offer the
//! right button: "import a bundle", "choose another file", "try again") and a sentence to show.
//! So the surface has a handful of flat kinds, each carrying the core's message, and
//! [`From<photoday_core::Error>`] below is the only mapping; no other code in this crate decides
//! what kind an error is.

use photoday_core::{Error as CoreError, Refusal};

use crate::text::BilingualText;

/// What went wrong, in the kinds a screen acts on. Every kind carries `text`, written for the
/// user in Chinese and English (the thing involved, and what to do next): show
/// `text.textIn(lang)` as is. The kind only chooses the button.
///
/// A panic inside Rust (a bug) is not one of these: it reaches Kotlin as `InternalException`
/// and Swift as a thrown `UniffiInternalError.rustPanic`, and the app keeps running.
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum PhotoDayError {
    /// The device lacks something this action needs (no bundle imported yet, no station chosen,
    /// log not exported before a purge, …). Lead the user to the missing step.
    #[error("{}", .text.en)]
    NotReady { text: BilingualText },

    /// The input does not make sense (unknown template or college, unknown student, a checklist
    /// item that does not exist, an image that is not a picture, …). Let the user correct it.
    #[error("{}", .text.en)]
    InvalidInput { text: BilingualText },

    /// A bundle that is truncated, tampered with, of another event or of an unknown version;
    /// nothing was imported. Ask the 教务处 for a fresh bundle.
    #[error("{}", .text.en)]
    BadBundle { text: BilingualText },

    /// A device log that is truncated or corrupted; nothing was imported. Export it again.
    #[error("{}", .text.en)]
    BadLog { text: BilingualText },

    /// The database file is not PhotoDay's, is damaged, or was written by a newer PhotoDay; it
    /// was left untouched. Choose another file, restore a backup or update the app.
    #[error("{}", .text.en)]
    Storage { text: BilingualText },

    /// A file could not be read or written (missing folder, no permission, disk full).
    #[error("{}", .text.en)]
    Io { text: BilingualText },

    /// The record is older than the undo window: offer "step aside" or "void" instead.
    #[error("{}", .text.en)]
    UndoTooOld { text: BilingualText },

    /// The record was already undone: nothing to do.
    #[error("{}", .text.en)]
    AlreadyUndone { text: BilingualText },

    /// The record cannot be undone here (another device's, photographed, not an admission).
    #[error("{}", .text.en)]
    NotUndoable { text: BilingualText },

    /// A damaged log QR code: keep scanning, it will come round again.
    #[error("{}", .text.en)]
    LogCodeDamaged { text: BilingualText },

    /// A log QR code of another phone while one transfer is half received: finish it or
    /// abandon it (`abandon_log_qr`).
    #[error("{}", .text.en)]
    LogCodeOtherSequence { text: BilingualText },

    /// A pass of another student than the one this phone was set up for (a classmate's card).
    #[error("{}", .text.en)]
    NotYourPass { text: BilingualText },

    /// Something that should not happen; report it with the message.
    #[error("{}", .text.en)]
    Internal { text: BilingualText },
}

/// Result with the public [`PhotoDayError`].
pub type ApiResult<T> = std::result::Result<T, PhotoDayError>;

impl From<CoreError> for PhotoDayError {
    fn from(e: CoreError) -> Self {
        let text = BilingualText::from(e.text());
        match e {
            CoreError::Told { kind, .. } => match kind {
                Refusal::NotReady => PhotoDayError::NotReady { text },
                Refusal::Invalid => PhotoDayError::InvalidInput { text },
                Refusal::UndoTooOld => PhotoDayError::UndoTooOld { text },
                Refusal::AlreadyUndone => PhotoDayError::AlreadyUndone { text },
                Refusal::NotUndoable => PhotoDayError::NotUndoable { text },
                Refusal::LogCodeDamaged => PhotoDayError::LogCodeDamaged { text },
                Refusal::LogCodeOtherSequence => PhotoDayError::LogCodeOtherSequence { text },
                Refusal::NotYourPass => PhotoDayError::NotYourPass { text },
                Refusal::BadBundle => PhotoDayError::BadBundle { text },
            },
            CoreError::NotReady(_) => PhotoDayError::NotReady { text },
            CoreError::InvalidEvent { .. }
            | CoreError::UnknownTemplate(_)
            | CoreError::InvalidRoster(_)
            | CoreError::PassIssue(_)
            | CoreError::QrEncode { .. }
            | CoreError::Image(_)
            | CoreError::KeyFileTooOpen { .. }
            | CoreError::BadKeyFile { .. }
            | CoreError::Invalid(_) => PhotoDayError::InvalidInput { text },
            CoreError::BadBundle(_) => PhotoDayError::BadBundle { text },
            CoreError::BadLog(_) => PhotoDayError::BadLog { text },
            CoreError::NotADatabase { .. }
            | CoreError::DatabaseTooNew { .. }
            | CoreError::Sql(_) => PhotoDayError::Storage { text },
            CoreError::Io { .. } => PhotoDayError::Io { text },
        }
    }
}

impl PhotoDayError {
    /// The message in both languages.
    pub fn text(&self) -> &BilingualText {
        match self {
            PhotoDayError::NotReady { text }
            | PhotoDayError::InvalidInput { text }
            | PhotoDayError::BadBundle { text }
            | PhotoDayError::BadLog { text }
            | PhotoDayError::Storage { text }
            | PhotoDayError::Io { text }
            | PhotoDayError::UndoTooOld { text }
            | PhotoDayError::AlreadyUndone { text }
            | PhotoDayError::NotUndoable { text }
            | PhotoDayError::LogCodeDamaged { text }
            | PhotoDayError::LogCodeOtherSequence { text }
            | PhotoDayError::NotYourPass { text }
            | PhotoDayError::Internal { text } => text,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_errors_keep_their_message_and_get_a_kind_a_screen_acts_on() {
        let e: PhotoDayError = CoreError::UnknownTemplate("gzcc-2099".into()).into();
        assert!(matches!(e, PhotoDayError::InvalidInput { .. }));
        assert!(e.to_string().contains("gzcc-2099"), "{e}");
        assert!(e.text().zh.starts_with("活动设置有误"), "{}", e.text().zh);

        let e: PhotoDayError = CoreError::NotReady("import a bundle first".into()).into();
        assert!(
            matches!(e, PhotoDayError::NotReady { ref text } if text.en == "import a bundle first")
        );

        let e: PhotoDayError = CoreError::NotADatabase {
            path: "notes.db".into(),
            detail: "file is not a database".into(),
        }
        .into();
        assert!(matches!(e, PhotoDayError::Storage { .. }));
        assert!(e.to_string().contains("notes.db"), "{e}");
    }
}
