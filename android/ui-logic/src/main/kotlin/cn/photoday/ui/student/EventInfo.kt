// The notice, readable offline: its instructions, the fee, the 补拍 make-up, the 学信网 check and
// whom to call (the app turns each phone number into a tel: link; dialling needs no permission).
package cn.photoday.ui.student

import cn.photoday.core.BilingualText
import cn.photoday.core.Event
import cn.photoday.core.Lang
import cn.photoday.ui.UiError
import cn.photoday.ui.toUiError
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

sealed interface EventInfoUiState {
    data object Loading : EventInfoUiState

    /** No bundle imported yet. */
    data object NoEvent : EventInfoUiState

    /**
     * The core's [event] (its phone numbers dialable as written), drawn in [lang]; [feeNote] is
     * the fee as a student must read it (pay the liaison; never the colleges' account).
     */
    data class Ready(val event: Event, val feeNote: BilingualText?, val lang: Lang) : EventInfoUiState

    /** The phone's database could not be opened. */
    data class Failed(val error: UiError) : EventInfoUiState
}

/** Holds the notice screen; [event] is the phone's event and [feeNote] the core's fee sentence (memory only). */
class EventInfoModel(
    private val event: () -> Event?,
    private val feeNote: () -> BilingualText? = { null },
    private val lang: () -> Lang,
) {
    private val _state = MutableStateFlow<EventInfoUiState>(EventInfoUiState.Loading)
    val state: StateFlow<EventInfoUiState> = _state.asStateFlow()

    fun load() {
        _state.value = try {
            event()?.let { EventInfoUiState.Ready(it, feeNote(), lang()) } ?: EventInfoUiState.NoEvent
        } catch (e: Exception) {
            EventInfoUiState.Failed(e.toUiError())
        }
    }
}
