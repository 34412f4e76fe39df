// The notice, readable offline: the core's cards (fee, 补拍, the 学信网 check, whom to call, each
// instruction section), drawn as they come; the app turns each line with a number into a tel: link.
package cn.photoday.ui.student

import cn.photoday.core.BilingualText
import cn.photoday.core.Lang
import cn.photoday.core.Notice
import cn.photoday.core.StudentAppInterface
import cn.photoday.ui.Clock
import cn.photoday.ui.UiError
import cn.photoday.ui.toUiError
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

sealed interface NoticeUiState {
    data object Loading : NoticeUiState

    /** No pack imported yet: [hint] is the core's setup step in words (what to open first). */
    data class NoPack(val hint: BilingualText?, val lang: Lang) : NoticeUiState

    /** The core's [notice], drawn in [lang]. */
    data class Ready(val notice: Notice, val lang: Lang) : NoticeUiState

    /** The phone's database could not be opened. */
    data class Failed(val error: UiError) : NoticeUiState
}

/** Holds the notice screen (memory only). */
class NoticeModel(private val open: () -> StudentAppInterface, private val clock: Clock, private val lang: () -> Lang) {
    private val _state = MutableStateFlow<NoticeUiState>(NoticeUiState.Loading)
    val state: StateFlow<NoticeUiState> = _state.asStateFlow()

    fun load() {
        _state.value = try {
            val app = open()
            app.notice()?.let { NoticeUiState.Ready(it, lang()) }
                ?: NoticeUiState.NoPack(app.home(clock.nowMs()).setupHint, lang())
        } catch (e: Exception) {
            NoticeUiState.Failed(e.toUiError())
        }
    }
}
