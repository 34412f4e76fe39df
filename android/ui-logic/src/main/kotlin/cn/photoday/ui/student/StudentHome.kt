// The student's home screen: the slot card, the core's countdown to arrive-by, the next thing to
// do, or — until the phone has what it needs — the core's setup step (StudentSetup.kt). After the
// shoot it shows the 摄影编号 kept from the studio phone's QR ("一教104 · 037 · 第5批"); once the
// session began without one, the core's prompt asks for it (scan the number code, or "我已拍完").
package cn.photoday.ui.student

import cn.photoday.core.Home
import cn.photoday.core.Lang
import cn.photoday.core.StudentAppInterface
import cn.photoday.ui.Clock
import cn.photoday.ui.UiError
import cn.photoday.ui.toUiError
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update

sealed interface StudentHomeUiState {
    data object Loading : StudentHomeUiState

    /** The core says the setup screen comes first (pack, 学号 or 签到码 missing). */
    data object Setup : StudentHomeUiState

    /**
     * The core's home, drawn in [lang]: the slot, the class, the countdown, the next thing to
     * do, a step still open (the 采集码, `setupHint`), the checklist's count, the shoot once
     * recorded or the question once the session began.
     */
    data class Ready(
        val home: Home,
        val lang: Lang,
        /** The last number code that was refused (a classmate's, not a number code). */
        val numberError: UiError? = null,
    ) : StudentHomeUiState

    data class Failed(val error: UiError) : StudentHomeUiState
}

/** The core's home record; whether setup comes first is the core's too. */
fun studentHomeState(home: Home, lang: Lang): StudentHomeUiState =
    if (home.needsSetup || home.slot == null) StudentHomeUiState.Setup else StudentHomeUiState.Ready(home, lang)

/** Holds the home screen's state; [refresh] reads the disk, so call it off the main thread. */
class StudentHomeModel(
    private val open: () -> StudentAppInterface,
    private val clock: Clock,
    private val lang: () -> Lang,
) {
    /** Opened on first use, inside the calls below, so a damaged database is a state, not a crash. */
    private val app: StudentAppInterface get() = open()

    private val _state = MutableStateFlow<StudentHomeUiState>(StudentHomeUiState.Loading)
    val state: StateFlow<StudentHomeUiState> = _state.asStateFlow()

    /** Recomputes the screen at the clock's now (the countdown moves: call it every minute). */
    fun refresh() {
        _state.value = try {
            studentHomeState(app.home(clock.nowMs()), lang())
        } catch (e: Exception) {
            StudentHomeUiState.Failed(e.toUiError())
        }
    }

    /** Keeps the 摄影编号 from the QR the camera read on the studio phone; a refusal stays on screen. */
    fun importNumber(text: String) {
        val error = try {
            app.importNumber(text)
            null
        } catch (e: Exception) {
            e.toUiError()
        }
        refresh()
        if (error != null) _state.update { (it as? StudentHomeUiState.Ready)?.copy(numberError = error) ?: it }
    }

    /** "我已拍完": photographed, though no number reached the phone. */
    fun markShotDone() {
        try {
            app.setShotDone(true)
        } catch (e: Exception) {
            _state.value = StudentHomeUiState.Failed(e.toUiError())
            return
        }
        refresh()
    }
}
