// What this phone recorded, newest first, as the core words it — and an undo button on each line
// the core says can still be undone (its own, within the undo window, not yet undone, not
// photographed), also after a restart: a student found to be the wrong one three scans later is
// still undone by their line, not only the latest.
package cn.photoday.ui.staff

import cn.photoday.core.HistoryEntry
import cn.photoday.core.Lang
import cn.photoday.core.ScannerAppInterface
import cn.photoday.ui.Clock
import cn.photoday.ui.UiError
import cn.photoday.ui.toUiError
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

sealed interface HistoryUiState {
    data object Loading : HistoryUiState

    /** The lines to draw in [lang]; [error] is the core's refusal of the last undo. */
    data class Ready(val entries: List<HistoryEntry>, val lang: Lang, val error: UiError? = null) : HistoryUiState

    data class Failed(val error: UiError) : HistoryUiState
}

class HistoryModel(
    private val open: () -> ScannerAppInterface,
    private val clock: Clock,
    private val lang: () -> Lang,
    /** How many lines to show. */
    private val limit: UInt = 30u,
) {
    private val _state = MutableStateFlow<HistoryUiState>(HistoryUiState.Loading)
    val state: StateFlow<HistoryUiState> = _state.asStateFlow()

    fun load(error: UiError? = null) {
        _state.value = try {
            HistoryUiState.Ready(open().history(clock.nowMs(), limit), lang(), error)
        } catch (e: Exception) {
            HistoryUiState.Failed(e.toUiError())
        }
    }

    /** Undoes one line; the list is read again either way (the core refuses what is too old). */
    fun undo(recordSeq: ULong) {
        val error = try {
            open().undo(recordSeq, clock.nowMs())
            null
        } catch (e: Exception) {
            e.toUiError()
        }
        load(error)
    }
}
