// The student's home screen: the slot card, the core's countdown to arrive-by, the next thing to
// do, or — until the phone has what it needs — the core's setup step (StudentSetup.kt). After the
// shoot it shows the 摄影编号 kept from the studio phone's QR ("一教104 · 037 · 第5批"); once the
// session began without one, the core's prompt asks for it (scan the number code, or "我已拍完").
package cn.photoday.ui.student

import cn.photoday.core.Home
import cn.photoday.core.Lang
import cn.photoday.core.SetupStep
import cn.photoday.core.StudentAppInterface
import cn.photoday.core.TimelineItem
import cn.photoday.core.TimelineItemKind
import cn.photoday.core.TimelineStatus
import cn.photoday.ui.Clock
import cn.photoday.ui.UiError
import cn.photoday.ui.toUiError
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update

/** The core's setup step with its sentence. */
data class SetupPrompt(val step: SetupStep, val hint: String)

/** The next dated thing to do. */
data class NextThing(
    val id: String,
    val kind: TimelineItemKind,
    /** Event-local `2023-06-02 09:10`. */
    val at: String,
    val title: String,
    val detail: String,
    /** Needs doing now (else it is ahead). */
    val due: Boolean,
)

sealed interface StudentHomeUiState {
    data object Loading : StudentHomeUiState

    /** The core says the setup screen comes first (pack, 学号 or 签到码 missing). */
    data class Setup(val prompt: SetupPrompt) : StudentHomeUiState

    data class Ready(
        val slot: SlotCard,
        /** The class (group) from the arrival plan. */
        val className: String?,
        /** The core's countdown to arrive-by, as is (`还有 3 天 4 小时`, `明天 09:10`). */
        val countdown: String?,
        val next: NextThing?,
        /** A step still open with the slot known (the 采集码). */
        val pending: SetupPrompt?,
        val hasCollectionCode: Boolean,
        val checklistDone: Int,
        val checklistTotal: Int,
        /** The core's label of the shoot, once recorded: the home is after-the-shoot. */
        val shot: String?,
        /** The core's question once the session began and no shoot is recorded. */
        val shotPrompt: String?,
        /** The last number code that was refused (a classmate's, not a number code). */
        val numberError: UiError? = null,
    ) : StudentHomeUiState

    data class Failed(val error: UiError) : StudentHomeUiState
}

fun TimelineItem.toNextThing(lang: Lang) = NextThing(
    id = id,
    kind = kind,
    at = atLocal,
    title = title.textIn(lang),
    detail = detail.textIn(lang),
    due = status == TimelineStatus.DUE,
)

/** Maps the core's home record; the setup step and its sentence are the core's. */
fun studentHomeState(home: Home, lang: Lang): StudentHomeUiState {
    val prompt = home.setupStep?.let { SetupPrompt(it, home.setupHint?.textIn(lang).orEmpty()) }
    val slot = home.slot
    if (home.needsSetup || slot == null) {
        return StudentHomeUiState.Setup(prompt ?: SetupPrompt(SetupStep.IMPORT_PASS, ""))
    }
    return StudentHomeUiState.Ready(
        slot = slot.toCard(lang),
        className = home.className,
        countdown = home.countdown?.textIn(lang),
        next = home.next?.toNextThing(lang),
        pending = prompt,
        hasCollectionCode = home.hasCollectionCode,
        checklistDone = home.checklistDone.toInt(),
        checklistTotal = home.checklistTotal.toInt(),
        shot = home.shot?.label?.textIn(lang),
        shotPrompt = home.shotPrompt?.textIn(lang),
    )
}

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
