// A staff phone's setup: import the scanner bundle, then choose the room it guards and its role —
// door (checks students into the queue), studio (gives the 摄影编号) or both — and, when more than
// one studio phone numbers in the room, its photo-number letter (A, B…, picked from the core's
// laneChoices()). The session follows the clock, so a room that changes college is one station
// all day; the core labels it (StationLabel.title) and says what the phone still needs (staffStatus).
package cn.photoday.ui.staff

import cn.photoday.core.BilingualText
import cn.photoday.core.Lane
import cn.photoday.core.Lang
import cn.photoday.core.Role
import cn.photoday.core.ScannerAppInterface
import cn.photoday.core.StationLabel
import cn.photoday.ui.Clock
import cn.photoday.ui.ImportResult
import cn.photoday.ui.ImportRouter
import cn.photoday.ui.UiError
import cn.photoday.ui.WallClock
import cn.photoday.ui.message
import cn.photoday.ui.toUiError
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

sealed interface StationSetupUiState {
    data object Loading : StationSetupUiState

    data class NoBundle(val error: UiError?) : StationSetupUiState

    data class Ready(
        val eventTitle: String,
        /** The event's rooms, for the picker. */
        val rooms: List<String>,
        /** The station as the core labels it now; null before one is chosen. */
        val chosen: StationLabel?,
        /** The core's warning from the last setup (another studio phone, same prefix): show it. */
        val warning: BilingualText?,
        /** The last import or choice that failed. */
        val error: UiError?,
        /** The core's line for the last import that succeeded. */
        val imported: String?,
    ) : StationSetupUiState
}

class StationSetupModel(
    private val open: () -> ScannerAppInterface,
    private val lang: () -> Lang,
    private val clock: Clock = WallClock,
) {
    private val _state = MutableStateFlow<StationSetupUiState>(StationSetupUiState.Loading)
    val state: StateFlow<StationSetupUiState> = _state.asStateFlow()

    fun load() = show(error = null, imported = null)

    /** Imports what staff picked: the core tells a bundle from a log (or a student pack) by content. */
    fun import(bytes: ByteArray) {
        val r = try {
            ImportRouter.staff(open(), bytes, lang())
        } catch (e: Exception) {
            ImportResult.Failed(e.toUiError())
        }
        if (r is ImportResult.Failed) show(error = r.error, imported = null) else show(error = null, imported = r.message)
    }

    /** Sets the phone up for [room] in [role], with the photo-number letter picked from laneChoices() (null: none). */
    fun choose(room: String, role: Role, lane: Lane?) = act {
        open().setStation(room, role, lane).warning
    }

    /** Studio: asks for the 采集码 before numbering, or not (the 新华社 photographer checks it). */
    fun setCheckCode(on: Boolean) = act { open().setCheckCode(on); null }

    /** Runs a setup call; its warning, or its error, is shown with the new state. */
    private fun act(call: () -> BilingualText?) = try {
        show(error = null, imported = null, warning = call())
    } catch (e: Exception) {
        show(error = e.toUiError(), imported = null)
    }

    private fun show(error: UiError?, imported: String?, warning: BilingualText? = null) {
        _state.value = try {
            val app = open()
            val event = app.event()
            if (event == null) {
                StationSetupUiState.NoBundle(error)
            } else {
                StationSetupUiState.Ready(
                    eventTitle = event.title.textIn(lang()),
                    rooms = app.rooms(),
                    chosen = app.doorScreen(clock.nowMs()).station,
                    warning = warning,
                    error = error,
                    imported = imported,
                )
            }
        } catch (e: Exception) {
            StationSetupUiState.NoBundle(e.toUiError())
        }
    }
}
