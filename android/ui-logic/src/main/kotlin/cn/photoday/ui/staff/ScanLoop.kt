// The scan loop of a door or studio phone: camera frames in, a full-screen verdict out, back to
// scanning by itself.
//
//   Scanning ──frame (new text)──▶ core.scan ──▶ Showing(verdict) ──timeout / tap──▶ Scanning
//
// - Studio: a good pass shows "show the 采集码" (ShowCollectionCode) and the camera keeps
//   judging: the 采集码 it reads next numbers the student (or staff tap skip). The core decides
//   all of it; this loop only keeps feeding frames while that card is up.
// - Step aside and close the batch are core calls; they come back as a notice on scanning.
//
// - Frames: the camera decodes the same pass many times a second; the Debouncer lets a text
//   through once while it stays in view. The core's `repeat` flag (same text within 5 s) then
//   covers a pass taken away and shown again: the verdict reappears silently, nothing is recorded.
// - While a verdict shows, other passes are ignored (staff must read it); the shown pass is kept
//   "in view" so it is not judged again the moment scanning resumes.
// - Auto-return: green after a short look, amber/red after a longer one; an overridable verdict
//   (outside the window, not on the roster) waits for staff to override or dismiss it.
// - Override, manual check-in and undo are core calls too; their outcomes show the same way.
//
// Every method is synchronized: the camera's analyzer thread, the ViewModel's ticker and taps may
// call at once. Methods that reach the core write to disk: call them off the main thread.
package cn.photoday.ui.staff

import cn.photoday.core.AsideReason
import cn.photoday.core.Colour
import cn.photoday.core.Lang
import cn.photoday.core.ScanOutcome
import cn.photoday.core.ScannerAppInterface
import cn.photoday.ui.Clock
import cn.photoday.ui.UiError
import cn.photoday.ui.toUiError
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

data class ScanLoopConfig(
    /** A text out of view this long counts as a new sighting. */
    val debounceMs: Long = 2_000,
    /** How long a green verdict shows. */
    val admittedMs: Long = 2_500,
    /** How long an amber or red verdict shows. */
    val attentionMs: Long = 6_000,
    /** Overridable verdicts stay until staff act. */
    val holdOverridable: Boolean = true,
)

/** A message on the scanning screen after an action that shows no verdict. */
sealed interface ScanNotice {
    /** A check-in or number was undone; a [photoNo] is void (never reused). */
    data class Undone(val photoNo: String?, val studentNo: String) : ScanNotice

    /** A student was stepped aside; their [photoNo], if they had one here, is void. */
    data class SteppedAside(val photoNo: String?, val studentNo: String) : ScanNotice

    /** A batch was closed: [photographed] of its students are recorded photographed. */
    data class BatchClosed(val label: String, val photographed: Int) : ScanNotice

    /** What was typed for a manual check-in is not a student number. */
    data class NotANumber(val typed: String) : ScanNotice

    data class Failed(val error: UiError) : ScanNotice
}

sealed interface StaffScanUiState {
    data object Loading : StaffScanUiState

    /** The phone cannot scan yet. */
    data class NeedsSetup(val step: StaffStep) : StaffScanUiState

    /** The device database could not be opened. */
    data class Failed(val error: UiError) : StaffScanUiState

    data class Scanning(
        val station: StationLabel,
        /** The studio's open batch (null on a door phone). */
        val batch: BatchCard?,
        val notice: ScanNotice?,
    ) : StaffScanUiState

    data class Showing(
        val station: StationLabel,
        val card: VerdictCard,
        /** When the screen goes back to scanning by itself; null: it waits for staff. */
        val returnAtMs: Long?,
        /** Counts verdicts shown, so the app signals each one once. */
        val serial: Long,
        val batch: BatchCard?,
    ) : StaffScanUiState
}

class ScanLoop(
    private val open: () -> ScannerAppInterface,
    private val clock: Clock,
    private val lang: () -> Lang,
    private val config: ScanLoopConfig = ScanLoopConfig(),
) {
    /** Opened on first use, inside the calls below, so a damaged database is a state, not a crash. */
    private val app: ScannerAppInterface get() = open()

    /** What was judged, so an override repeats the same call with a reason. */
    private sealed interface Source {
        data class Pass(val text: String) : Source
        data class Manual(val studentNo: ULong, val note: String?) : Source
    }

    private val _state = MutableStateFlow<StaffScanUiState>(StaffScanUiState.Loading)
    val state: StateFlow<StaffScanUiState> = _state.asStateFlow()

    private val debouncer = Debouncer(config.debounceMs)
    private var source: Source? = null
    private var serial = 0L
    private var station: StationLabel? = null
    private var batch: BatchCard? = null

    /** Reads the bundle and station; call when the scan screen opens or the station changes. */
    @Synchronized
    fun start() {
        source = null
        debouncer.reset()
        val (hasEvent, label) = try {
            (app.event() != null) to app.stationLabel(clock.nowMs(), lang())
        } catch (e: Exception) {
            _state.value = StaffScanUiState.Failed(e.toUiError())
            return
        }
        station = label
        _state.value = when {
            !hasEvent -> StaffScanUiState.NeedsSetup(StaffStep.ImportBundle)
            label == null -> StaffScanUiState.NeedsSetup(StaffStep.ChooseStation)
            else -> {
                batch = loadBatch()
                StaffScanUiState.Scanning(label, batch, null)
            }
        }
    }

    /**
     * A text the camera decoded. Returns true when it went to the core (a new sighting while
     * scanning or while the studio waits for the 采集码), false when it was debounced or a
     * verdict is showing.
     */
    @Synchronized
    fun onFrame(text: String): Boolean {
        val now = clock.nowMs()
        when (val s = _state.value) {
            is StaffScanUiState.Showing -> if (!s.card.awaitingCode) {
                debouncer.touch(text, now)
                return false
            }
            is StaffScanUiState.Scanning -> Unit
            else -> return false
        }
        if (!debouncer.admit(text, now)) return false
        judge(Source.Pass(text), now) { app.scan(text, now) }
        return true
    }

    /** Studio: numbers the student waiting on the 采集码 check without it (the photographer checks). */
    @Synchronized
    fun skipCodeCheck() {
        val now = clock.nowMs()
        judge(source ?: return, now) { app.skipCodeCheck(now) }
    }

    /** Steps a student aside (by the number shown on the card or the batch): their number is voided. */
    @Synchronized
    fun stepAside(studentNo: String, reason: AsideReason, note: String?) {
        val number = studentNo.toULongOrNull() ?: return
        val notice = try {
            val a = app.stepAside(number, reason, note?.trim()?.ifEmpty { null }, clock.nowMs())
            ScanNotice.SteppedAside(a.photoNo, a.studentNo.toString())
        } catch (e: Exception) {
            ScanNotice.Failed(e.toUiError())
        }
        batch = loadBatch()
        backToScanning(notice)
    }

    /** The open batch was shot: records its standing students photographed. */
    @Synchronized
    fun closeBatch() {
        val notice = try {
            val c = app.closeBatch(clock.nowMs())
            ScanNotice.BatchClosed(c.batch.label.textIn(lang()), c.photographed.toInt())
        } catch (e: Exception) {
            ScanNotice.Failed(e.toUiError())
        }
        batch = loadBatch()
        backToScanning(notice)
    }

    /** Checks a student in by the number staff typed, with an optional note. */
    @Synchronized
    fun checkIn(typed: String, note: String?) {
        val now = clock.nowMs()
        val number = typed.trim().toULongOrNull()
        if (number == null) {
            backToScanning(ScanNotice.NotANumber(typed))
            return
        }
        val n = note?.trim()?.ifEmpty { null }
        judge(Source.Manual(number, n), now) { app.checkInByNumber(number, n, null, now) }
    }

    /** Admits over the overridable verdict on screen, recording staff's [reason]. */
    @Synchronized
    fun override(reason: String) {
        val shown = _state.value as? StaffScanUiState.Showing ?: return
        if (!shown.card.overridable) return
        val now = clock.nowMs()
        when (val s = source) {
            is Source.Pass -> judge(s, now) { app.overridePass(s.text, reason, now) }
            is Source.Manual -> judge(s, now) { app.checkInByNumber(s.studentNo, s.note, reason, now) }
            null -> Unit
        }
    }

    /** Undoes the admission on screen (within the core's few minutes). */
    @Synchronized
    fun undo() {
        val shown = _state.value as? StaffScanUiState.Showing ?: return
        val seq = shown.card.recordSeq ?: return
        undoWith { app.undo(seq, clock.nowMs()) }
    }

    /** Undoes this device's latest admission, from the scanning screen. */
    @Synchronized
    fun undoLast() = undoWith { app.undoLast(clock.nowMs()) }

    /** Staff tapped the verdict away; a student waiting on the 采集码 is let go in the core too
     *  (nothing recorded; their next scan starts over). */
    @Synchronized
    fun dismiss() {
        if (_state.value is StaffScanUiState.Showing) {
            app.cancelCodeCheck()
            backToScanning(null)
        }
    }

    /** Goes back to scanning when the verdict's time is up; call it from a ticker. */
    @Synchronized
    fun tick() {
        val shown = _state.value as? StaffScanUiState.Showing ?: return
        val at = shown.returnAtMs ?: return
        if (clock.nowMs() >= at) backToScanning(null)
    }

    /** Milliseconds until the verdict on screen goes away by itself; null if none will. */
    @Synchronized
    fun millisUntilReturn(): Long? {
        val shown = _state.value as? StaffScanUiState.Showing ?: return null
        return shown.returnAtMs?.let { (it - clock.nowMs()).coerceAtLeast(0) }
    }

    private inline fun judge(what: Source, now: Long, call: () -> ScanOutcome) {
        val label = station ?: return
        val outcome = try {
            call()
        } catch (e: Exception) {
            backToScanning(ScanNotice.Failed(e.toUiError()))
            return
        }
        val card = outcome.toCard(lang())
        // The 采集码 that numbers a student is not what an override would re-judge: their pass is.
        if (!(card.colour == Colour.GREEN && (_state.value as? StaffScanUiState.Showing)?.card?.awaitingCode == true)) {
            source = what
        }
        if (card.colour == Colour.GREEN && !card.repeat) batch = loadBatch()
        val returnAt = when {
            card.awaitingCode -> null
            card.overridable && config.holdOverridable -> null
            card.colour == Colour.GREEN -> now + config.admittedMs
            else -> now + config.attentionMs
        }
        _state.value = StaffScanUiState.Showing(label, card, returnAt, ++serial, batch)
    }

    private inline fun undoWith(call: () -> cn.photoday.core.UndoOutcome) {
        val notice = try {
            val u = call()
            batch = loadBatch()
            ScanNotice.Undone(u.photoNo, u.studentNo.toString())
        } catch (e: Exception) {
            ScanNotice.Failed(e.toUiError())
        }
        backToScanning(notice)
    }

    private fun backToScanning(notice: ScanNotice?) {
        // The room's college follows the clock (一教209 hands over at 14:30): relabel each time.
        station = try {
            app.stationLabel(clock.nowMs(), lang())
        } catch (e: Exception) {
            null
        } ?: station
        val label = station ?: return
        _state.value = StaffScanUiState.Scanning(label, batch, notice)
    }

    private fun loadBatch(): BatchCard? = try {
        app.currentBatch(clock.nowMs())?.toCard(lang())
    } catch (e: Exception) {
        batch
    }
}
