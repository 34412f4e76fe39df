// The batch being called into the studio (5–8 students, photographed in photo-number order so
// no photo lands on someone else's record).
package cn.photoday.ui.staff

import cn.photoday.core.Batch
import cn.photoday.core.ScannerAppInterface
import cn.photoday.ui.UiError
import cn.photoday.ui.toUiError
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

data class BatchLine(val photoNo: String, val studentNo: String, val name: String?)

data class BatchCard(val number: Int, val size: Int, val members: List<BatchLine>) {
    /** `5/8`: how full the batch is. */
    val fill: String get() = "${members.size}/$size"
}

fun Batch.toCard() = BatchCard(
    number.toInt(),
    size.toInt(),
    members.map { BatchLine(it.photoNo, it.studentNo.toString(), it.name) },
)

sealed interface BatchUiState {
    data object Loading : BatchUiState

    /** No admission on this device yet. */
    data object Empty : BatchUiState

    data class Ready(val batch: BatchCard) : BatchUiState

    data class Failed(val error: UiError) : BatchUiState
}

class BatchModel(private val open: () -> ScannerAppInterface) {
    /** Opened on first use, inside the calls below, so a damaged database is a state, not a crash. */
    private val app: ScannerAppInterface get() = open()

    private val _state = MutableStateFlow<BatchUiState>(BatchUiState.Loading)
    val state: StateFlow<BatchUiState> = _state.asStateFlow()

    fun load() {
        _state.value = try {
            app.currentBatch()?.let { BatchUiState.Ready(it.toCard()) } ?: BatchUiState.Empty
        } catch (e: Exception) {
            BatchUiState.Failed(e.toUiError())
        }
    }
}
