// The student's year in dates: fee, 采集码 checks, arrival, shoot, the 学信网 check, the 补拍
// deadline. The core orders them and says which are past, due or ahead.
package cn.photoday.ui.student

import cn.photoday.core.Lang
import cn.photoday.core.StudentAppInterface
import cn.photoday.core.TimelineItem
import cn.photoday.core.TimelineStatus
import cn.photoday.ui.Clock
import cn.photoday.ui.UiError
import cn.photoday.ui.toUiError
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

sealed interface TimelineUiState {
    data object Loading : TimelineUiState

    /** The core's [items], drawn in [lang]; [nextIndex]: the first not yet past, to scroll to; null when all are past. */
    data class Ready(val items: List<TimelineItem>, val nextIndex: Int?, val lang: Lang) : TimelineUiState

    /** No bundle or pass yet: [error] is the core's sentence. */
    data class Failed(val error: UiError) : TimelineUiState
}

fun timelineState(items: List<TimelineItem>, lang: Lang) =
    TimelineUiState.Ready(items, items.indexOfFirst { it.status != TimelineStatus.PAST }.takeIf { it >= 0 }, lang)

class TimelineModel(
    private val open: () -> StudentAppInterface,
    private val clock: Clock,
    private val lang: () -> Lang,
) {
    /** Opened on first use, inside the calls below, so a damaged database is a state, not a crash. */
    private val app: StudentAppInterface get() = open()

    private val _state = MutableStateFlow<TimelineUiState>(TimelineUiState.Loading)
    val state: StateFlow<TimelineUiState> = _state.asStateFlow()

    fun load() {
        _state.value = try {
            timelineState(app.timeline(clock.nowMs()), lang())
        } catch (e: Exception) {
            TimelineUiState.Failed(e.toUiError())
        }
    }
}
