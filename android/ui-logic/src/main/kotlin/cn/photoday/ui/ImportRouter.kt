// What to do with a file or text the phone was handed: by an "open with" intent, the share sheet,
// a paste, or a scanned QR code. The core has one import call per kind of content; this file
// picks the call for the app's mode and turns the answer into a value a screen shows.
//
// The choice is deliberately blunt and leaves every judgement to the core: for a student, text
// is a pass, a PNG or JPEG a pass card, and anything else a pack (bundle); for staff, a bundle is tried first and then a device log.
// (A core call that recognises the content itself would make this file unnecessary; see
// android/README.md, "What the bindings could add".)
package cn.photoday.ui

import cn.photoday.core.ImportSummary
import cn.photoday.core.Lang
import cn.photoday.core.PhotoDayException
import cn.photoday.core.ScannerAppInterface
import cn.photoday.core.StudentAppInterface
import java.nio.ByteBuffer
import java.nio.charset.CharacterCodingException
import java.nio.charset.CodingErrorAction

/** What an import did, for a snackbar or the next screen. */
sealed interface ImportResult {
    /** A student pack: the event is now on the phone; [passReplaced] is the core's note when it voided the pass. */
    data class StudentBundle(val eventTitle: String, val passReplaced: String? = null) : ImportResult

    /** The student's pass, verified on the phone. */
    data class Pass(val studentNo: String, val session: Int) : ImportResult

    /** A scanner bundle for a door phone. */
    data class ScannerBundle(
        val eventTitle: String,
        val sessions: Int,
        val students: Int,
        val withNames: Boolean,
        val replaced: Boolean,
    ) : ImportResult

    /** Another staff phone's log, merged; [warnings] are the core's (a number held by two students). */
    data class Log(val added: Int, val known: Int, val devices: List<String>, val warnings: List<String>) : ImportResult

    /** Nothing was imported; [error] says why, in the core's words. */
    data class Failed(val error: UiError) : ImportResult
}

/** A merged log as a screen shows it. */
fun ImportSummary.toResult(lang: Lang) =
    ImportResult.Log(added.toInt(), known.toInt(), devices, warnings.map { it.textIn(lang) })

object ImportRouter {
    /** Longest text taken for a pass (a pass is 122 characters; a chat message may wrap it). */
    private const val MAX_TEXT = 4096

    /** A file or shared stream handed to the student app. */
    fun student(app: StudentAppInterface, bytes: ByteArray, lang: Lang): ImportResult {
        val text = textOrNull(bytes)
        return when {
            text != null -> studentText(app, text)
            isImage(bytes) -> attempt {
                val pass = app.importPassImage(bytes)
                ImportResult.Pass(pass.studentNo.toString(), pass.session.toInt())
            }
            else -> attempt {
                val done = app.importBundle(bytes)
                ImportResult.StudentBundle(done.event.title.textIn(lang), done.passReplaced?.textIn(lang))
            }
        }
    }

    /** Text pasted, shared or scanned in the student app: the pass. */
    fun studentText(app: StudentAppInterface, text: String): ImportResult = attempt {
        val pass = app.importPass(text)
        ImportResult.Pass(pass.studentNo.toString(), pass.session.toInt())
    }

    /**
     * A file handed to the door app: a scanner bundle, else a device log. When it is neither (or
     * a log arrives before any bundle), the bundle's refusal is the one shown: a bundle is what a
     * new door phone is waiting for.
     */
    fun staff(app: ScannerAppInterface, bytes: ByteArray, lang: Lang): ImportResult = try {
        val s = app.importBundle(bytes)
        ImportResult.ScannerBundle(
            s.title.textIn(lang), s.sessions.toInt(), s.students.toInt(), s.withNames, s.replaced,
        )
    } catch (bundle: PhotoDayException.BadBundle) {
        try {
            app.importLog(bytes).toResult(lang)
        } catch (log: PhotoDayException.BadLog) {
            ImportResult.Failed(bundle.toUiError())
        } catch (log: PhotoDayException.NotReady) {
            // Not a log either, or a log on a phone without a bundle: the bundle is what it needs.
            ImportResult.Failed(bundle.toUiError())
        } catch (e: Exception) {
            ImportResult.Failed(e.toUiError())
        }
    } catch (e: Exception) {
        ImportResult.Failed(e.toUiError())
    }

    /** A PNG or JPEG (a pass card shared from the album): the core reads it. */
    private fun isImage(b: ByteArray): Boolean =
        (b.size > 8 && b[0] == 0x89.toByte() && b[1] == 'P'.code.toByte() && b[2] == 'N'.code.toByte()) ||
            (b.size > 3 && b[0] == 0xFF.toByte() && b[1] == 0xD8.toByte())

    /** The bytes as text when they are short, valid UTF-8 without control characters. */
    fun textOrNull(bytes: ByteArray): String? {
        if (bytes.isEmpty() || bytes.size > MAX_TEXT) return null
        val text = try {
            Charsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString()
        } catch (e: CharacterCodingException) {
            return null
        }
        val clean = text.removePrefix("\uFEFF")
        return clean.takeIf { t -> t.none { it.isISOControl() && !it.isWhitespace() } }
    }

    private inline fun attempt(block: () -> ImportResult): ImportResult = try {
        block()
    } catch (e: Exception) {
        ImportResult.Failed(e.toUiError())
    }
}
