// The student's setup: the pack opened from the chat app, the 学号 typed once, the pass card
// picked from the album (or the pass pasted) — then the home. Which step comes next, and every
// refusal (a classmate's card, a thumbnail too small to read), is the core's; this model forwards
// the taps and keeps the list of them, so a test can count them.
package cn.photoday.ui.student

import cn.photoday.core.Home
import cn.photoday.core.Lang
import cn.photoday.core.SetupStep
import cn.photoday.core.StudentAppInterface
import cn.photoday.ui.Clock
import cn.photoday.ui.ImportResult
import cn.photoday.ui.ImportRouter
import cn.photoday.ui.UiError
import cn.photoday.ui.toUiError
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

/** One tap of the student on the setup screen. */
enum class SetupTap {
    /** "确定" under the typed 学号. */
    ConfirmStudentNo,

    /** "从相册选签到码卡片": opens the system photo picker. */
    OpenAlbum,

    /** The card tapped in the photo picker. */
    PickCard,

    /** "粘贴签到码". */
    PastePass,
}

sealed interface StudentSetupUiState {
    data object Loading : StudentSetupUiState

    /**
     * The core's setup [step], drawn from its [home] in [lang]: the step's sentence (`setupHint`),
     * the 学号 typed, the slot once the pack's plan knows the 学号.
     */
    data class Step(
        val step: SetupStep,
        val home: Home,
        val lang: Lang,
        /** The last refusal, in the core's words (a classmate's card, an unreadable image). */
        val error: UiError? = null,
        /** The core's note that a newer pack voided the pass on the phone. */
        val notice: String? = null,
    ) : StudentSetupUiState

    /** Nothing blocks the home any more. */
    data object Done : StudentSetupUiState

    data class Failed(val error: UiError) : StudentSetupUiState
}

/** Holds the setup screen's state; every call reads or writes the disk, so call it off the main thread. */
class StudentSetupModel(
    private val open: () -> StudentAppInterface,
    private val clock: Clock,
    private val lang: () -> Lang,
) {
    private val app: StudentAppInterface get() = open()

    private val _state = MutableStateFlow<StudentSetupUiState>(StudentSetupUiState.Loading)
    val state: StateFlow<StudentSetupUiState> = _state.asStateFlow()

    /** The student's taps so far, in order. */
    val taps = mutableListOf<SetupTap>()

    /** The steps shown so far, in order, `null` for the home. */
    val shown = mutableListOf<SetupStep?>()

    fun refresh(error: UiError? = null, notice: String? = null) {
        _state.value = try {
            val home = app.home(clock.nowMs())
            val step = home.setupStep
            val next = if (home.needsSetup && step != null) {
                StudentSetupUiState.Step(step, home, lang(), error, notice)
            } else {
                StudentSetupUiState.Done
            }
            val at = (next as? StudentSetupUiState.Step)?.step
            if (shown.isEmpty() || shown.last() != at) shown.add(at)
            next
        } catch (e: Exception) {
            StudentSetupUiState.Failed(e.toUiError())
        }
    }

    /** The pack (or any file) handed over by "open with" from the chat app: not a tap here. */
    fun openFile(bytes: ByteArray) {
        when (val r = ImportRouter.student(app, bytes, lang())) {
            is ImportResult.Failed -> refresh(error = r.error)
            is ImportResult.Student -> refresh(notice = r.done.pack?.passReplaced?.textIn(lang()))
            is ImportResult.Staff -> refresh()
        }
    }

    fun submitStudentNo(text: String) = tap(SetupTap.ConfirmStudentNo) { app.setStudentNo(text) }

    /** The app opens the photo picker; nothing changes until a card is picked. */
    fun openAlbum() {
        taps.add(SetupTap.OpenAlbum)
    }

    /** The image picked in the album, byte for byte: the core reads the pass card's QR. */
    fun cardPicked(image: ByteArray) = tap(SetupTap.PickCard) { app.importPassImage(image) }

    fun pastePass(text: String) = tap(SetupTap.PastePass) { app.importPass(text) }

    private inline fun tap(what: SetupTap, call: () -> Unit) {
        taps.add(what)
        val error = try {
            call()
            null
        } catch (e: Exception) {
            e.toUiError()
        }
        refresh(error)
    }
}
