// Door logs from phone to phone without a network (DESIGN §5): as a file (the app writes and
// reads it through the system file picker), or as a sequence of QR codes one phone shows in a
// loop while the other scans them in any order. The core merges; this file runs the screens.
package cn.photoday.ui.staff

import cn.photoday.core.Lang
import cn.photoday.core.QrCode
import cn.photoday.core.ScannerAppInterface
import cn.photoday.ui.Clock
import cn.photoday.ui.ImportResult
import cn.photoday.ui.UiError
import cn.photoday.ui.toResult
import cn.photoday.ui.toUiError
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

/** Which code of a looping sequence is on screen at a moment. */
class LogQrSequence(val texts: List<String>, val frameMs: Long, private val startedAtMs: Long) {
    init {
        require(texts.isNotEmpty()) { "a log QR sequence has at least one code" }
        require(frameMs > 0)
    }

    /** 0-based index of the code shown at [nowMs]: one after another, then from the start. */
    fun indexAt(nowMs: Long): Int = (Math.floorDiv(nowMs - startedAtMs, frameMs) % texts.size).toInt()

    /** Milliseconds from [nowMs] until the next code. */
    fun millisToNext(nowMs: Long): Long = frameMs - Math.floorMod(nowMs - startedAtMs, frameMs)
}

sealed interface LogQrSendUiState {
    data object Idle : LogQrSendUiState

    data class Showing(
        /** 1-based, as the receiver's "missing" list counts. */
        val number: Int,
        val total: Int,
        /** What the code says (what the other phone's camera will read). */
        val text: String,
        val qr: QrCode,
    ) : LogQrSendUiState

    data class Failed(val error: UiError) : LogQrSendUiState
}

/**
 * Shows this device's log as QR codes in a loop. [encode] turns a text into modules: the core's
 * `qrCode(text)`, so both apps draw exactly the same codes.
 */
class LogQrSender(
    private val open: () -> ScannerAppInterface,
    private val clock: Clock,
    private val encode: (String) -> QrCode = { cn.photoday.core.qrCode(it) },
    private val frameMs: Long = 700,
) {
    /** Opened on first use, inside the calls below, so a damaged database is a state, not a crash. */
    private val app: ScannerAppInterface get() = open()

    private val _state = MutableStateFlow<LogQrSendUiState>(LogQrSendUiState.Idle)
    val state: StateFlow<LogQrSendUiState> = _state.asStateFlow()
    private var sequence: LogQrSequence? = null
    private var codes: List<QrCode> = emptyList()

    /** Exports the log and shows the first code; [confirmReceived] once the other phone has all. */
    @Synchronized
    fun start() {
        try {
            val now = clock.nowMs()
            val texts = app.exportLogQr(now)
            codes = texts.map(encode)
            sequence = LogQrSequence(texts, frameMs, now)
            tick()
        } catch (e: Exception) {
            sequence = null
            _state.value = LogQrSendUiState.Failed(e.toUiError())
        }
    }

    /** Moves to the code due now; call it every [millisToNext] ms. */
    @Synchronized
    fun tick() {
        val seq = sequence ?: return
        val i = seq.indexAt(clock.nowMs())
        _state.value = LogQrSendUiState.Showing(i + 1, seq.texts.size, seq.texts[i], codes[i])
    }

    @Synchronized
    fun millisToNext(): Long? = sequence?.millisToNext(clock.nowMs())

    @Synchronized
    fun stop() {
        sequence = null
        _state.value = LogQrSendUiState.Idle
    }

    /**
     * Staff confirm the other phone showed "done": only now may this phone purge its records.
     * Returns the error to show, or null.
     */
    @Synchronized
    fun confirmReceived(): UiError? = try {
        app.confirmLogExported()
        stop()
        null
    } catch (e: Exception) {
        e.toUiError()
    }
}

sealed interface LogQrReceiveUiState {
    data object Waiting : LogQrReceiveUiState

    data class Receiving(
        val received: Int,
        val total: Int,
        /** 1-based numbers of the codes still missing. */
        val missing: List<Int>,
        /** The last code could not be used (damaged, or of another sequence). */
        val error: UiError?,
    ) : LogQrReceiveUiState

    /** Every code arrived and the log was merged. */
    data class Done(val log: ImportResult.Log) : LogQrReceiveUiState
}

/** Scans another phone's log QR codes, in any order, each counted once. */
class LogQrReceiver(private val open: () -> ScannerAppInterface, private val lang: () -> Lang = { Lang.ZH }) {
    /** Opened on first use, inside the calls below, so a damaged database is a state, not a crash. */
    private val app: ScannerAppInterface get() = open()

    private val _state = MutableStateFlow<LogQrReceiveUiState>(LogQrReceiveUiState.Waiting)
    val state: StateFlow<LogQrReceiveUiState> = _state.asStateFlow()
    private val seen = HashSet<String>()

    /** A text the camera decoded; true when it went to the core. */
    @Synchronized
    fun onFrame(text: String): Boolean {
        if (_state.value is LogQrReceiveUiState.Done || !seen.add(text)) return false
        try {
            val receipt = app.receiveLogQr(text)
            val done = receipt.imported
            val p = receipt.progress
            _state.value = if (done != null) {
                LogQrReceiveUiState.Done(done.toResult(lang()))
            } else {
                LogQrReceiveUiState.Receiving(p.received.toInt(), p.total.toInt(), p.missing.map { it.toInt() }, null)
            }
        } catch (e: Exception) {
            seen.remove(text) // a misread: let the next sighting try again
            val error = e.toUiError()
            _state.value = when (val s = _state.value) {
                is LogQrReceiveUiState.Receiving -> s.copy(error = error)
                else -> LogQrReceiveUiState.Receiving(0, 0, emptyList(), error)
            }
        }
        return true
    }

    /** Starts over for another phone's log. */
    @Synchronized
    fun reset() {
        seen.clear()
        _state.value = LogQrReceiveUiState.Waiting
    }
}

data class LogFileUiState(
    /** Bytes in the last exported file. */
    val exportedBytes: Int? = null,
    val imported: ImportResult.Log? = null,
    val purged: Boolean = false,
    val error: UiError? = null,
)

/** The log as a file, and the purge that an export allows. */
class LogFileModel(
    private val open: () -> ScannerAppInterface,
    private val clock: Clock,
    private val lang: () -> Lang = { Lang.ZH },
) {
    /** Opened on first use, inside the calls below, so a damaged database is a state, not a crash. */
    private val app: ScannerAppInterface get() = open()

    private val _state = MutableStateFlow(LogFileUiState())
    val state: StateFlow<LogFileUiState> = _state.asStateFlow()

    /**
     * The file to write where the user chose; null (with the error shown) if export failed. Call
     * [saved] once the file is written: a cancelled or failed save leaves nothing marked exported.
     */
    fun export(): ByteArray? = try {
        app.exportLog(clock.nowMs()).also { _state.value = LogFileUiState(exportedBytes = it.size) }
    } catch (e: Exception) {
        _state.value = LogFileUiState(error = e.toUiError())
        null
    }

    /** The exported file reached storage: this phone's records up to it may now be purged. */
    fun saved() {
        try {
            app.confirmLogExported()
        } catch (e: Exception) {
            _state.value = _state.value.copy(error = e.toUiError())
        }
    }

    /** Merges a log file another phone exported. */
    fun import(bytes: ByteArray) {
        _state.value = try {
            val s = app.importLog(bytes)
            LogFileUiState(imported = s.toResult(lang()))
        } catch (e: Exception) {
            LogFileUiState(error = e.toUiError())
        }
    }

    /** Deletes roster, bundle and records; the core refuses while records are not exported. */
    fun purge() {
        _state.value = try {
            app.purge()
            LogFileUiState(purged = true)
        } catch (e: Exception) {
            LogFileUiState(error = e.toUiError())
        }
    }
}
