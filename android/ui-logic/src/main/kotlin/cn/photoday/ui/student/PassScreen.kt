// The pass screen at the door: the QR code (drawn by the app from the core's modules, whole
// pixels per module), the student number and the slot in large type.
package cn.photoday.ui.student

import cn.photoday.core.BilingualText
import cn.photoday.core.Lang
import cn.photoday.core.PassInfo
import cn.photoday.core.QrCode
import cn.photoday.core.Slot
import cn.photoday.core.StudentAppInterface
import cn.photoday.ui.Clock
import cn.photoday.ui.UiError
import cn.photoday.ui.toUiError
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

sealed interface PassUiState {
    data object Loading : PassUiState

    /** No pass yet: [hint] is the core's setup step in words (the pack, the 学号 or the card first). */
    data class Missing(val hint: BilingualText?, val lang: Lang) : PassUiState

    /** The core's [pass] (its number and text), its [qr] and the [slot], drawn in [lang]. */
    data class Ready(val qr: QrCode, val pass: PassInfo, val slot: Slot?, val lang: Lang) : PassUiState

    data class Failed(val error: UiError) : PassUiState
}

class PassModel(private val open: () -> StudentAppInterface, private val clock: Clock, private val lang: () -> Lang) {
    /** Opened on first use, inside the calls below, so a damaged database is a state, not a crash. */
    private val app: StudentAppInterface get() = open()

    private val _state = MutableStateFlow<PassUiState>(PassUiState.Loading)
    val state: StateFlow<PassUiState> = _state.asStateFlow()

    fun load() {
        _state.value = try {
            when (val pass = app.pass()) {
                null -> PassUiState.Missing(app.home(clock.nowMs()).setupHint, lang())
                else -> PassUiState.Ready(app.passQr(), pass, app.slot(), lang())
            }
        } catch (e: Exception) {
            PassUiState.Failed(e.toUiError())
        }
    }
}
