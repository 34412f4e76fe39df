// The notice's checklist (clothes, no glasses, hair off forehead and ears…) with the student's
// ticks, which the core keeps.
package cn.photoday.ui.student

import cn.photoday.core.BilingualText
import cn.photoday.core.ChecklistItem
import cn.photoday.core.Lang
import cn.photoday.core.StudentAppInterface
import cn.photoday.ui.Clock
import cn.photoday.ui.UiError
import cn.photoday.ui.toUiError
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

sealed interface ChecklistUiState {
    data object Loading : ChecklistUiState

    /**
     * The core's [items] (empty before a bundle is imported) and its line counting the ticked ones
     * ([progress], `准备清单 3/10`, the home's `checklistLine`), drawn in [lang].
     */
    data class Ready(val items: List<ChecklistItem>, val progress: BilingualText, val lang: Lang) : ChecklistUiState

    data class Failed(val error: UiError) : ChecklistUiState
}

class ChecklistModel(
    private val open: () -> StudentAppInterface,
    private val clock: Clock,
    private val lang: () -> Lang,
) {
    /** Opened on first use, inside the calls below, so a damaged database is a state, not a crash. */
    private val app: StudentAppInterface get() = open()

    private val _state = MutableStateFlow<ChecklistUiState>(ChecklistUiState.Loading)
    val state: StateFlow<ChecklistUiState> = _state.asStateFlow()

    fun load() = update { app.checklist() }

    fun setTick(id: String, ticked: Boolean) = update { app.setTick(id, ticked, clock.nowMs()) }

    private inline fun update(call: () -> List<ChecklistItem>) {
        _state.value = try {
            val items = call()
            ChecklistUiState.Ready(items, app.home(clock.nowMs()).checklistLine, lang())
        } catch (e: Exception) {
            ChecklistUiState.Failed(e.toUiError())
        }
    }
}
