// Door logs from phone to phone without a network (DESIGN §5): as a file (the app writes and
// reads it through the system file picker), or as a sequence of QR codes one phone shows in a
// loop while the other scans them in any order. The core encodes, recognises, counts and merges
// (importAny, abandonLogQr); this file keeps the screens' state.
package cn.photoday.ui.staff

import cn.photoday.core.Lang
import cn.photoday.core.LogQrProgress
import cn.photoday.core.PhotoDayException
import cn.photoday.core.QrCode
import cn.photoday.core.ScannerAppInterface
import cn.photoday.core.logQrCounter
import cn.photoday.core.logQrFrameMs
import cn.photoday.ui.Clock
import cn.photoday.ui.ImportResult
import cn.photoday.ui.ImportRouter
import cn.photoday.ui.UiError
import cn.photoday.ui.message
import cn.photoday.ui.toUiError
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

/** How long each log code stays on screen: the core's pace, the same on both apps. */
val LOG_QR_FRAME_MS: Long get() = logQrFrameMs().toLong()

sealed interface LogQrSendUiState {
    data object Idle : LogQrSendUiState

    /**
     * The codes to show one after another, [LOG_QR_FRAME_MS] each, then from the start; under
     * each its counter in the core's words (`第 2/5 张`, `logQrCounter`).
     */
    data class Showing(val texts: List<String>, val qrs: List<QrCode>, val counters: List<String>) : LogQrSendUiState

    data class Failed(val error: UiError) : LogQrSendUiState
}

/**
 * This device's log as QR codes to show in a loop. [encode] turns a text into modules: the core's
 * `qrCode(text)`, so both apps draw exactly the same codes.
 */
class LogQrSender(
    private val open: () -> ScannerAppInterface,
    private val clock: Clock,
    private val lang: () -> Lang = { Lang.ZH },
    private val encode: (String) -> QrCode = { cn.photoday.core.qrCode(it) },
) {
    private val _state = MutableStateFlow<LogQrSendUiState>(LogQrSendUiState.Idle)
    val state: StateFlow<LogQrSendUiState> = _state.asStateFlow()

    /** Exports the log as codes; [confirmReceived] once the other phone has them all. */
    fun start() {
        _state.value = try {
            val texts = open().exportLogQr(clock.nowMs())
            val n = texts.size.toUInt()
            val counters = texts.indices.map { i -> logQrCounter(i.toUInt() + 1u, n).textIn(lang()) }
            LogQrSendUiState.Showing(texts, texts.map(encode), counters)
        } catch (e: Exception) {
            LogQrSendUiState.Failed(e.toUiError())
        }
    }

    fun stop() {
        _state.value = LogQrSendUiState.Idle
    }

    /** Staff confirm the other phone showed "done": only now may this phone purge its records. */
    fun confirmReceived(): UiError? = try {
        open().confirmLogExported()
        stop()
        null
    } catch (e: Exception) {
        e.toUiError()
    }
}

sealed interface LogQrReceiveUiState {
    data object Waiting : LogQrReceiveUiState

    data class Receiving(
        /** The core's count: received, total, the 1-based numbers still missing. */
        val progress: LogQrProgress?,
        /** The core's line for where the transfer stands (`LogQrProgress.line`: "已收 3/5，还缺第 2、4 张"). */
        val text: String?,
        /** The last code could not be used (damaged, a pass, another phone's). */
        val error: UiError?,
        /** That code is another phone's while this transfer is half received: offer to abandon it. */
        val otherPhone: Boolean = false,
    ) : LogQrReceiveUiState

    /** Every code arrived and the log was merged: [text] is the core's line (merged records, conflicts). */
    data class Done(val text: String) : LogQrReceiveUiState
}

/**
 * Feeds another phone's log codes to the core, every frame: the core counts each code once, and
 * knows the finished sequence's code still on the other screen from the next phone's.
 */
class LogQrReceiver(private val open: () -> ScannerAppInterface, private val lang: () -> Lang = { Lang.ZH }) {
    private val _state = MutableStateFlow<LogQrReceiveUiState>(LogQrReceiveUiState.Waiting)
    val state: StateFlow<LogQrReceiveUiState> = _state.asStateFlow()

    /** A text the camera decoded. */
    @Synchronized
    fun onFrame(text: String) {
        val now = _state.value
        _state.value = try {
            // Camera text is never a bundle, and importAny throws for anything else but a log code.
            val taken = open().importAny(text.toByteArray())
            val p = taken.progress
            when {
                taken.log != null -> LogQrReceiveUiState.Done(taken.text.textIn(lang()))
                p?.alreadyMerged == true && now is LogQrReceiveUiState.Done -> now
                else -> LogQrReceiveUiState.Receiving(p, (p?.line ?: taken.text).textIn(lang()), null)
            }
        } catch (e: Exception) {
            val error = e.toUiError()
            val other = e is PhotoDayException.LogCodeOtherSequence
            when (now) {
                is LogQrReceiveUiState.Receiving -> now.copy(error = error, otherPhone = other)
                is LogQrReceiveUiState.Done -> now // a pass or a glare after the end: keep "done" up
                else -> LogQrReceiveUiState.Receiving(null, null, error, other)
            }
        }
    }

    /** Drops a half-received sequence (the other phone went away) and waits for the next phone. */
    @Synchronized
    fun abandon() {
        try {
            open().abandonLogQr()
        } catch (e: Exception) {
            // Nothing was half received, or the database failed: either way start over.
        }
        _state.value = LogQrReceiveUiState.Waiting
    }
}

data class LogFileUiState(
    /** Bytes in the last exported file. */
    val exportedBytes: Int? = null,
    /** The core's lines about the file imported (merged records, warnings). */
    val imported: String? = null,
    val purged: Boolean = false,
    val error: UiError? = null,
)

/** The log as a file, and the purge that an export allows. */
class LogFileModel(
    private val open: () -> ScannerAppInterface,
    private val clock: Clock,
    private val lang: () -> Lang = { Lang.ZH },
) {
    private val _state = MutableStateFlow(LogFileUiState())
    val state: StateFlow<LogFileUiState> = _state.asStateFlow()

    /**
     * The core's name for the exported file, `PhotoDay-<device id>.photodaylog` (a folder of
     * several phones' logs keeps them apart); null if the database would not open.
     */
    fun fileName(): String? = try {
        open().logFileName()
    } catch (e: Exception) {
        null
    }

    /**
     * The file to write where the user chose; null (with the error shown) if export failed. Call
     * [saved] once the file is written: a cancelled or failed save leaves nothing marked exported.
     */
    fun export(): ByteArray? = try {
        open().exportLog(clock.nowMs()).also { _state.value = LogFileUiState(exportedBytes = it.size) }
    } catch (e: Exception) {
        _state.value = LogFileUiState(error = e.toUiError())
        null
    }

    /** The exported file reached storage: this phone's records up to it may now be purged. */
    fun saved() {
        try {
            open().confirmLogExported()
        } catch (e: Exception) {
            _state.value = _state.value.copy(error = e.toUiError())
        }
    }

    /** Imports a file another phone exported (or a bundle: the core tells them apart). */
    fun import(bytes: ByteArray) {
        val r = try {
            ImportRouter.staff(open(), bytes, lang())
        } catch (e: Exception) {
            ImportResult.Failed(e.toUiError()) // the database would not open
        }
        _state.value = if (r is ImportResult.Failed) LogFileUiState(error = r.error) else LogFileUiState(imported = r.message)
    }

    /** Deletes roster, bundle and records; the core refuses while records are not exported. */
    fun purge() {
        _state.value = try {
            open().purge()
            LogFileUiState(purged = true)
        } catch (e: Exception) {
            LogFileUiState(error = e.toUiError())
        }
    }
}
