// The one shape a screen gets for a failure: which button to offer (the kind) and the core's
// sentence to show as is. The core writes the messages (DESIGN §2); this file only folds the
// generated exception classes into a value a UiState can hold.
package cn.photoday.ui

import cn.photoday.core.BilingualText
import cn.photoday.core.InternalException
import cn.photoday.core.PhotoDayException

/** What a screen offers next, by the kind of trouble. */
enum class ErrorKind {
    /** A setup step is missing (bundle, pass, station, export before purge): lead there. */
    NotReady,

    /** The user's input is wrong: let them correct it. */
    InvalidInput,

    /** The bundle was refused: ask the 教务处 for a fresh one. */
    BadBundle,

    /** The log was refused: export it again. */
    BadLog,

    /** The database is not PhotoDay's or is damaged. */
    Storage,

    /** A file could not be read or written. */
    Io,

    /** A bug: show the message and keep running. */
    Internal,
}

/** A failure ready for a screen: [text] comes from the core, in Chinese and English. */
data class UiError(val kind: ErrorKind, val text: BilingualText) {
    val message: String get() = text.both()
}

/** Folds whatever a core call threw into a [UiError]. */
fun Throwable.toUiError(): UiError {
    val text = (this as? PhotoDayException)?.text()
        ?: message.orEmpty().ifBlank { this::class.simpleName ?: "error" }.let { BilingualText(it, it) }
    val kind = when (this) {
        is PhotoDayException.NotReady -> ErrorKind.NotReady
        is PhotoDayException.InvalidInput, is PhotoDayException.NotYourPass,
        is PhotoDayException.UndoTooOld, is PhotoDayException.AlreadyUndone,
        is PhotoDayException.NotUndoable -> ErrorKind.InvalidInput
        is PhotoDayException.BadBundle -> ErrorKind.BadBundle
        is PhotoDayException.BadLog, is PhotoDayException.LogCodeDamaged,
        is PhotoDayException.LogCodeOtherSequence -> ErrorKind.BadLog
        is PhotoDayException.Storage -> ErrorKind.Storage
        is PhotoDayException.Io -> ErrorKind.Io
        is PhotoDayException.Internal, is InternalException -> ErrorKind.Internal
        else -> ErrorKind.Internal
    }
    return UiError(kind, text)
}

/** The core's bilingual message of any [PhotoDayException]. */
fun PhotoDayException.text(): BilingualText = when (this) {
    is PhotoDayException.NotReady -> text
    is PhotoDayException.InvalidInput -> text
    is PhotoDayException.BadBundle -> text
    is PhotoDayException.BadLog -> text
    is PhotoDayException.Storage -> text
    is PhotoDayException.Io -> text
    is PhotoDayException.UndoTooOld -> text
    is PhotoDayException.AlreadyUndone -> text
    is PhotoDayException.NotUndoable -> text
    is PhotoDayException.LogCodeDamaged -> text
    is PhotoDayException.LogCodeOtherSequence -> text
    is PhotoDayException.NotYourPass -> text
    is PhotoDayException.Internal -> text
}
