// A staff phone's setup: import the scanner bundle, then choose the room it guards and its role —
// door (checks students into the queue), studio (gives the 摄影编号) or both — and, when more than
// one studio phone numbers in the room, its photo-number letter (A, B…). The session follows the
// clock (the core's `sessionNow`), so a room that changes college is one station all day.
package cn.photoday.ui.staff

import cn.photoday.core.Lang
import cn.photoday.core.Role
import cn.photoday.core.ScannerAppInterface
import cn.photoday.ui.Clock
import cn.photoday.ui.ImportResult
import cn.photoday.ui.ImportRouter
import cn.photoday.ui.UiError
import cn.photoday.ui.WallClock
import cn.photoday.ui.toUiError
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

/** The station on the scan screen's top bar. */
data class StationLabel(
    val room: String,
    val role: Role,
    val lane: String?,
    /** The college the room is running now, by the clock; null between sessions. */
    val college: String?,
    /** Its windows, `09:30–12:00、14:00–16:00`. */
    val windows: String?,
    /** The studio asks for the 采集码 before numbering. */
    val checkCode: Boolean,
) {
    /** Whether this phone gives 摄影编号 (studio or both). */
    val numbers: Boolean get() = role != Role.DOOR
}

/** What a staff phone still needs before it scans. */
enum class StaffStep { ImportBundle, ChooseStation }

sealed interface StationSetupUiState {
    data object Loading : StationSetupUiState

    data class NoBundle(val error: UiError?) : StationSetupUiState

    data class Ready(
        val eventTitle: String,
        /** The event's rooms, for the picker. */
        val rooms: List<String>,
        val chosen: StationLabel?,
        /** The core's warning from the last setup (another studio phone, same prefix): show it. */
        val warning: String?,
        /** The last import or choice that failed. */
        val error: UiError?,
        /** The last import that succeeded. */
        val imported: ImportResult?,
    ) : StationSetupUiState
}

/** The station as the scan screen labels it at [nowMs], or null before bundle and station. */
fun ScannerAppInterface.stationLabel(nowMs: Long, lang: Lang): StationLabel? {
    val event = event() ?: return null
    val st = station() ?: return null
    val now = sessionNow(nowMs)?.let { n -> event.sessions.firstOrNull { it.number == n } }
    return StationLabel(st.room, st.role, st.lane, now?.college?.textIn(lang), now?.windowsLabel, st.checkCode)
}

class StationSetupModel(
    private val open: () -> ScannerAppInterface,
    private val lang: () -> Lang,
    private val clock: Clock = WallClock,
) {
    /** Opened on first use, inside the calls below, so a damaged database is a state, not a crash. */
    private val app: ScannerAppInterface get() = open()

    private val _state = MutableStateFlow<StationSetupUiState>(StationSetupUiState.Loading)
    val state: StateFlow<StationSetupUiState> = _state.asStateFlow()

    fun load() = show(error = null, imported = null)

    /** Imports a scanner bundle (or, handed a log by mistake, merges it). */
    fun import(bytes: ByteArray) {
        val r = try {
            ImportRouter.staff(app, bytes, lang())
        } catch (e: Exception) {
            ImportResult.Failed(e.toUiError())
        }
        when (r) {
            is ImportResult.Failed -> show(error = r.error, imported = null)
            else -> show(error = null, imported = r)
        }
    }

    /** Sets the phone up for [room] in [role], with the optional photo-number letter typed in [lane]. */
    fun choose(room: String, role: Role, lane: String?) {
        try {
            val setup = app.setStation(room, role, lane?.trim()?.ifEmpty { null })
            show(error = null, imported = null, warning = setup.warning?.textIn(lang()))
        } catch (e: Exception) {
            show(error = e.toUiError(), imported = null)
        }
    }

    /** Studio: asks for the 采集码 before numbering, or not (the 新华社 photographer checks it). */
    fun setCheckCode(on: Boolean) {
        try {
            app.setCheckCode(on)
            show(error = null, imported = null)
        } catch (e: Exception) {
            show(error = e.toUiError(), imported = null)
        }
    }

    private fun show(error: UiError?, imported: ImportResult?, warning: String? = null) {
        _state.value = try {
            val event = app.event()
            if (event == null) {
                StationSetupUiState.NoBundle(error)
            } else {
                StationSetupUiState.Ready(
                    eventTitle = event.title.textIn(lang()),
                    rooms = app.rooms(),
                    chosen = app.stationLabel(clock.nowMs(), lang()),
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
