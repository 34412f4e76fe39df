// What to do with a file or text the phone was handed: by an "open with" intent, the share sheet,
// a paste, or a scanned QR code. This file picks the side's one import call for the app's mode
// and keeps the core's answer, with its line in the reader's language, for a screen to show.
//
// Both sides hand the bytes to the core's importAny, which recognises them by content: for a
// student the class's pack, the pass as text, a pass card picture or the studio's number code;
// for staff a scanner bundle, a log file, a log QR code or a photo of one. Each refuses the
// other side's files with what to do instead.
package cn.photoday.ui

import cn.photoday.core.Lang
import cn.photoday.core.ScannerAppInterface
import cn.photoday.core.StaffImport
import cn.photoday.core.StudentAppInterface
import cn.photoday.core.StudentImport

/** What an import did, for a snackbar or the next screen. */
sealed interface ImportResult {
    /** The student's phone took it; [text] is the core's line saying what (a replaced pass says so). */
    data class Student(val done: StudentImport, val text: String) : ImportResult

    /**
     * The staff phone took it: a bundle, a log, or one of a log's QR codes (the log merges with
     * the last one). [text] is the core's line, naming any conflict a merge found.
     */
    data class Staff(val done: StaffImport, val text: String) : ImportResult

    /** Nothing was imported; [error] says why, in the core's words. */
    data class Failed(val error: UiError) : ImportResult
}

/** The core's line for an import, or its refusal. */
val ImportResult.message: String
    get() = when (this) {
        is ImportResult.Student -> text
        is ImportResult.Staff -> text
        is ImportResult.Failed -> error.message
    }

object ImportRouter {
    /** Anything handed to the student app (a file, shared or pasted text, a scanned code): the core recognises it by content. */
    fun student(app: StudentAppInterface, bytes: ByteArray, lang: Lang): ImportResult = attempt {
        app.importAny(bytes).let { ImportResult.Student(it, it.text.textIn(lang)) }
    }

    /** Anything handed to a staff phone: the core recognises it by content. */
    fun staff(app: ScannerAppInterface, bytes: ByteArray, lang: Lang): ImportResult = attempt {
        app.importAny(bytes).let { ImportResult.Staff(it, it.text.textIn(lang)) }
    }

    private inline fun attempt(block: () -> ImportResult): ImportResult = try {
        block()
    } catch (e: Exception) {
        ImportResult.Failed(e.toUiError())
    }
}
