// The staff scan screen's state: whatever the core's door loop says to draw (ScannerApp.frame,
// typed, the taps, tick — DESIGN §4). Debounce, how long a verdict stays, what an override
// re-judges, typed numbers, notices and the top bar's line are the core's, the same on iOS and
// the laptop; this holder only forwards, keeps the latest DoorScreen in a StateFlow, and calls
// `tick` when the card's `untilMs` comes (autoReturn).
//
// Every call reaches the core and may wait on its disk work: call them off the main thread (the
// camera's analysis thread for frames, Dispatchers.IO for taps). They are synchronized, so a
// frame and a tap never publish screens out of order.
package cn.photoday.ui.staff

import cn.photoday.core.AsideReason
import cn.photoday.core.DoorScreen
import cn.photoday.core.Lang
import cn.photoday.core.ScannerAppInterface
import cn.photoday.ui.Clock
import cn.photoday.ui.UiError
import cn.photoday.ui.toUiError
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.collectLatest

sealed interface StaffScanUiState {
    data object Loading : StaffScanUiState

    /** The device database could not be opened. */
    data class Failed(val error: UiError) : StaffScanUiState

    /** The core's screen (setup step, station, verdict, batch, notice), drawn in [lang]. */
    data class Ready(val screen: DoorScreen, val lang: Lang) : StaffScanUiState
}

class ScanLoop(
    private val open: () -> ScannerAppInterface,
    private val clock: Clock,
    private val lang: () -> Lang,
) {
    private val _state = MutableStateFlow<StaffScanUiState>(StaffScanUiState.Loading)
    val state: StateFlow<StaffScanUiState> = _state.asStateFlow()

    /** Reads the screen; call when the scan screen opens (after setup, after a restart). */
    fun start() = show { app, now -> app.doorScreen(now) }

    /** A text the camera decoded: true when the screen changed (the core judged it). */
    fun onFrame(text: String): Boolean =
        _state.value is StaffScanUiState.Ready && show { app, now -> app.frame(text, now) }

    /** A typed student number (full-width digits are fine) or a USB scanner's line. */
    fun typed(line: String, note: String?) = show { app, now -> app.typed(line, note, now) }

    fun override(reason: String) = show { app, now -> app.overrideShown(reason, now) }
    fun undo() = show { app, now -> app.undoShown(now) }
    fun undoLast() = show { app, now -> app.undoLatest(now) }
    fun dismiss() = show { app, now -> app.dismiss(now) }
    fun skipCode() = show { app, now -> app.skipCode(now) }
    fun closeBatch() = show { app, now -> app.closeOpenBatch(now) }
    fun stepAside(studentNo: ULong, reason: AsideReason, note: String?) =
        show { app, now -> app.stepAsideStudent(studentNo, reason, note, now) }

    /** Back to scanning if the card's time is up. */
    fun tick() = show { app, now -> app.tick(now) }

    /**
     * Ticks at each card's `untilMs` until cancelled; a new screen cancels the wait for the old
     * one. Launch it in the ViewModel's scope on a background dispatcher. Another screen's holder
     * (the batch screen's) may have ticked the core first: then the core's screen is read again.
     */
    suspend fun autoReturn(wait: suspend (Long) -> Unit = { delay(it) }) {
        state.collectLatest { s ->
            val until = (s as? StaffScanUiState.Ready)?.screen?.card?.untilMs ?: return@collectLatest
            wait((until - clock.nowMs()).coerceAtLeast(0))
            show { app, now -> app.tick(now) ?: app.doorScreen(now) }
        }
    }

    /** Runs one core call and publishes its screen; null from the core means nothing changed. */
    @Synchronized
    private fun show(call: (ScannerAppInterface, Long) -> DoorScreen?): Boolean {
        _state.value = try {
            StaffScanUiState.Ready(call(open(), clock.nowMs()) ?: return false, lang())
        } catch (e: Exception) {
            StaffScanUiState.Failed(e.toUiError())
        }
        return true
    }
}
