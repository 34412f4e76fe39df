// The batch being called into the studio (5–8 students, photographed in 摄影编号 order so no
// photo lands on someone else's record): every number with where it stands — waiting, voided by
// a step-aside (struck out, never reused) or photographed once the batch was closed.
package cn.photoday.ui.staff

import cn.photoday.core.AsideReason
import cn.photoday.core.Batch
import cn.photoday.core.Lang
import cn.photoday.core.NumberStatus
import cn.photoday.core.ScannerAppInterface
import cn.photoday.ui.Clock
import cn.photoday.ui.UiError
import cn.photoday.ui.WallClock
import cn.photoday.ui.toUiError
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

data class BatchLine(
    val photoNo: String,
    val studentNo: String,
    val name: String?,
    val status: NumberStatus,
    /** Why the number was voided. */
    val aside: AsideReason?,
)

data class BatchCard(
    val number: Int,
    /** The core's "第5批 · 6/8". */
    val label: String,
    val members: List<BatchLine>,
) {
    /** Numbered students who still stand (not stepped aside): who can be stepped aside. */
    val waiting: List<BatchLine> get() = members.filter { it.status == NumberStatus.WAITING }
}

fun Batch.toCard(lang: Lang) = BatchCard(
    number.toInt(),
    label.textIn(lang),
    members.map { BatchLine(it.photoNo, it.studentNo.toString(), it.name, it.status, it.aside) },
)

sealed interface BatchUiState {
    data object Loading : BatchUiState

    /** No open batch on this phone (a door phone, or nobody numbered since the last close). */
    data object Empty : BatchUiState

    data class Ready(val batch: BatchCard) : BatchUiState

    data class Failed(val error: UiError) : BatchUiState
}

class BatchModel(
    private val open: () -> ScannerAppInterface,
    private val clock: Clock = WallClock,
    private val lang: () -> Lang = { Lang.ZH },
) {
    /** Opened on first use, inside the calls below, so a damaged database is a state, not a crash. */
    private val app: ScannerAppInterface get() = open()

    private val _state = MutableStateFlow<BatchUiState>(BatchUiState.Loading)
    val state: StateFlow<BatchUiState> = _state.asStateFlow()

    fun load() {
        _state.value = try {
            app.currentBatch(clock.nowMs())?.let { BatchUiState.Ready(it.toCard(lang())) } ?: BatchUiState.Empty
        } catch (e: Exception) {
            BatchUiState.Failed(e.toUiError())
        }
    }
}
