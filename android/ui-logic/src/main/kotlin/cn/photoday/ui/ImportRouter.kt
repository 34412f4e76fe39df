// What to do with a file or text the phone was handed: by an "open with" intent, the share sheet,
// a paste, or a scanned QR code. The core has one import call per kind of content; this file
// picks the call for the app's mode and turns the answer into a value a screen shows.
//
// Both sides hand the bytes to the core's importAny, which recognises them by content: for a
// student the class's pack, the pass as text, a pass card picture or the studio's number code;
// for staff a scanner bundle, a log file, a log QR code or a photo of one. Each refuses the
// other side's files with what to do instead.
package cn.photoday.ui

import cn.photoday.core.Lang
import cn.photoday.core.LogQrProgress
import cn.photoday.core.ScannerAppInterface
import cn.photoday.core.StaffImport
import cn.photoday.core.StudentAppInterface
import cn.photoday.core.StudentImportKind

/** What an import did, for a snackbar or the next screen. */
sealed interface ImportResult {
    /** A student pack: the event is now on the phone; [passReplaced] is the core's note when it voided the pass. */
    data class StudentBundle(val eventTitle: String, val passReplaced: String? = null) : ImportResult

    /** The student's pass, verified on the phone. */
    data class Pass(val studentNo: String, val session: Int) : ImportResult

    /** The studio's 摄影编号 code, kept; [label] is the core's line for it. */
    data class Number(val label: String) : ImportResult

    /** A scanner bundle for a door phone; [text] is the core's line saying what was imported. */
    data class ScannerBundle(
        val eventTitle: String,
        val sessions: Int,
        val students: Int,
        val withNames: Boolean,
        val replaced: Boolean,
        val text: String,
    ) : ImportResult

    /**
     * Another staff phone's log, merged — or, with [progress], one of its QR codes taken (the log
     * merges with the last one). [text] is the core's line; [warnings] are the core's too (a
     * number held by two students).
     */
    data class Log(
        val added: Int,
        val known: Int,
        val devices: List<String>,
        val warnings: List<String>,
        val text: String,
        val progress: LogQrProgress? = null,
    ) : ImportResult

    /** Nothing was imported; [error] says why, in the core's words. */
    data class Failed(val error: UiError) : ImportResult
}

/** What the core's importAny did, as a screen shows it. */
fun StaffImport.toResult(lang: Lang): ImportResult {
    val line = text.textIn(lang)
    bundle?.let { b ->
        return ImportResult.ScannerBundle(b.title.textIn(lang), b.sessions.toInt(), b.students.toInt(), b.withNames, b.replaced, line)
    }
    val s = log
    return ImportResult.Log(
        s?.added?.toInt() ?: 0, s?.known?.toInt() ?: 0, s?.devices.orEmpty(),
        s?.warnings.orEmpty().map { it.textIn(lang) }, line, progress,
    )
}

/** The core's line for a staff import (a merge names any conflict it found); null for the rest. */
fun ImportResult.staffText(): String? = when (this) {
    is ImportResult.ScannerBundle -> text
    is ImportResult.Log -> text
    else -> null
}

object ImportRouter {
    /** A file, shared stream or picture handed to the student app: the core recognises it by content. */
    fun student(app: StudentAppInterface, bytes: ByteArray, lang: Lang): ImportResult = attempt {
        val done = app.importAny(bytes)
        when (done.kind) {
            StudentImportKind.PACK -> ImportResult.StudentBundle(
                done.pack!!.event.title.textIn(lang), done.pack!!.passReplaced?.textIn(lang),
            )
            StudentImportKind.PASS -> ImportResult.Pass(done.pass!!.studentNo.toString(), done.pass!!.session.toInt())
            StudentImportKind.NUMBER -> ImportResult.Number(done.text.textIn(lang))
        }
    }

    /** Text pasted, shared or scanned in the student app: the pass. */
    fun studentText(app: StudentAppInterface, text: String): ImportResult = attempt {
        val pass = app.importPass(text)
        ImportResult.Pass(pass.studentNo.toString(), pass.session.toInt())
    }

    /** Anything handed to a staff phone: the core recognises it by content. */
    fun staff(app: ScannerAppInterface, bytes: ByteArray, lang: Lang): ImportResult =
        attempt { app.importAny(bytes).toResult(lang) }

    private inline fun attempt(block: () -> ImportResult): ImportResult = try {
        block()
    } catch (e: Exception) {
        ImportResult.Failed(e.toUiError())
    }
}
