//! One rich error type for the whole core.
//!
//! Every variant names the file, row, field or value involved and says what to do next, because
//! these messages reach the 教务处 in the CLI and staff on a phone. The FFI layer folds them into
//! a handful of kinds a screen can act on (see `photoday-ffi`); nothing here is FFI-specific.

use std::path::PathBuf;

use crate::text::Text;

/// Result with the core's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong inside PhotoDay's core.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An event file (TOML) or template that is not valid; `field` is a dotted path such as
    /// `sessions[3].windows[0].end`.
    #[error("event {source_name}: field `{field}`: {message}")]
    InvalidEvent {
        source_name: String,
        field: String,
        message: String,
    },

    /// No built-in template with that name.
    #[error("no built-in event template named `{0}`; known templates: gzcc-2023")]
    UnknownTemplate(String),

    /// One or more roster rows are wrong; nothing was imported.
    #[error("{}", crate::roster::describe_row_errors(.0))]
    InvalidRoster(Vec<crate::roster::RowError>),

    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// The file exists but is not a PhotoDay database (or is damaged); it was left untouched.
    #[error("{path} is not a PhotoDay database or is damaged ({detail}); it was left untouched — choose another file or restore a backup")]
    NotADatabase { path: PathBuf, detail: String },

    /// The database was written by a newer PhotoDay.
    #[error("{path} was written by a newer PhotoDay (schema {found}, this build knows {known}); update PhotoDay")]
    DatabaseTooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },

    /// Any other SQLite failure. The transaction was rolled back, so nothing was half-written.
    #[error("database error ({0}); this action changed nothing — try again, and if it keeps failing, check the free space on this device")]
    Sql(#[from] rusqlite::Error),

    /// A private key file that others may read; it is refused rather than trusted.
    #[error("{path} can be read by other users (mode {mode:o}); the event's private key must be private: run `chmod 600 {path}`")]
    KeyFileTooOpen { path: PathBuf, mode: u32 },

    /// A key file whose content is not a PhotoDay key.
    #[error("{path}: not a PhotoDay key file ({detail})")]
    BadKeyFile { path: PathBuf, detail: String },

    /// A pass could not be issued (e.g. a student number too large for the pass).
    #[error("cannot issue a pass: {0}")]
    PassIssue(String),

    /// Text too long to fit in a QR code.
    #[error("text of {len} bytes does not fit in a QR code: {detail}")]
    QrEncode { len: usize, detail: String },

    /// An image that could not be read (not a PNG, truncated, …).
    #[error("image could not be read: {0}")]
    Image(String),

    /// A bundle that is truncated, tampered with, foreign or of an unknown version; nothing was imported.
    #[error("bundle refused: {0}")]
    BadBundle(String),

    /// A device log that is truncated or corrupted; nothing was imported.
    #[error("log refused: {0}")]
    BadLog(String),

    /// An action that needs something the device does not have yet (no bundle, no station, …).
    #[error("{0}")]
    NotReady(String),

    /// A request that does not make sense (unknown student, unknown session, …).
    #[error("{0}")]
    Invalid(String),

    /// A refusal written for the person holding the phone, in both languages, with the kind of
    /// trouble a screen branches on (which button it offers next).
    #[error("{}", .text.en)]
    Told { kind: Refusal, text: Text },
}

/// The kinds of refusal a phone screen acts on differently. Each comes with a bilingual sentence
/// ([`Error::Told`]); the kind only chooses the button.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Refusal {
    /// A step is missing first (bundle, pass, station, export): lead the user there.
    NotReady,
    /// The input is wrong: let the user correct it.
    Invalid,
    /// The record is older than the undo window: step the student aside or void it instead.
    UndoTooOld,
    /// The record was already undone: nothing to do.
    AlreadyUndone,
    /// The record cannot be undone (another device's, a photographed student, not an admission).
    NotUndoable,
    /// A log QR code that is damaged: scan it again.
    LogCodeDamaged,
    /// A log QR code of another phone's sequence while one is half received: finish or abandon.
    LogCodeOtherSequence,
    /// A pass of another student than the one this phone was set up for.
    NotYourPass,
    /// A bundle refused for whom it comes from or when (another key than the pinned one, older
    /// than the one held): keep the phone's bundle and ask the 教务处.
    BadBundle,
}

impl Error {
    /// A refusal for the person at the screen, in both languages.
    pub fn told(kind: Refusal, zh: impl Into<String>, en: impl Into<String>) -> Self {
        Error::Told {
            kind,
            text: Text::new(zh, en),
        }
    }

    /// The message in both languages. Errors written for the 教务处's command line have an
    /// English detail (file, row, field); they get a Chinese lead saying what kind of trouble
    /// it is, so a Chinese screen never shows English alone.
    pub fn text(&self) -> Text {
        let en = self.to_string();
        let zh = match self {
            Error::Told { text, .. } => return text.clone(),
            Error::NotReady(_) => "还不能这样做",
            Error::InvalidEvent { .. } | Error::UnknownTemplate(_) => "活动设置有误",
            Error::InvalidRoster(_) => "名单有误，未导入",
            Error::Io { .. } => "文件无法读写",
            Error::NotADatabase { .. } | Error::DatabaseTooNew { .. } | Error::Sql(_) => {
                "本机数据无法读取，未作任何改动"
            }
            Error::KeyFileTooOpen { .. } | Error::BadKeyFile { .. } => "密钥文件有误",
            Error::PassIssue(_) => "无法生成签到码",
            Error::QrEncode { .. } => "内容太长，放不进二维码",
            Error::Image(_) => "图片无法读取",
            Error::BadBundle(_) => "数据包无法导入，未作任何改动；请向教务处要一份新的",
            Error::BadLog(_) => "记录文件无法导入，未作任何改动；请重新导出",
            Error::Invalid(_) => "输入有误",
        };
        Text::new(format!("{zh}：{en}"), en)
    }

    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    pub(crate) fn event(
        source_name: impl Into<String>,
        field: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Error::InvalidEvent {
            source_name: source_name.into(),
            field: field.into(),
            message: message.into(),
        }
    }
}
