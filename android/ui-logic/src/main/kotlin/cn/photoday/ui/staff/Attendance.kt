// Who was photographed and who is still missing, as the core counts it: per session and per
// class (photographed / expected), who arrived, was numbered or stepped aside, the 补拍 list
// (roster − photographed), the ones who arrived but were not photographed (liaisons chase them),
// students numbered twice, and numbers held by two students (the core's advice). This holder
// only puts the session the room is running now first; the screen draws the core's records.
package cn.photoday.ui.staff

import cn.photoday.core.Attendance
import cn.photoday.core.Duplicate
import cn.photoday.core.Lang
import cn.photoday.core.NumberClash
import cn.photoday.core.ScannerAppInterface
import cn.photoday.core.SessionAttendance
import cn.photoday.ui.Clock
import cn.photoday.ui.UiError
import cn.photoday.ui.WallClock
import cn.photoday.ui.toUiError
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

sealed interface AttendanceUiState {
    data object Loading : AttendanceUiState

    data class Ready(
        /** The session this phone's room is running now. */
        val station: SessionAttendance?,
        /** Every other session with a roster or arrivals. */
        val others: List<SessionAttendance>,
        val duplicates: List<Duplicate>,
        val clashes: List<NumberClash>,
        val lang: Lang,
    ) : AttendanceUiState

    data class Failed(val error: UiError) : AttendanceUiState
}

fun attendanceState(a: Attendance, stationSession: UByte?, lang: Lang) = AttendanceUiState.Ready(
    station = a.sessions.firstOrNull { it.session == stationSession },
    others = a.sessions.filter { it.session != stationSession && (it.expected > 0u || it.arrived > 0u) },
    duplicates = a.duplicates,
    clashes = a.clashes,
    lang = lang,
)

class AttendanceModel(
    private val open: () -> ScannerAppInterface,
    private val lang: () -> Lang = { Lang.ZH },
    private val clock: Clock = WallClock,
) {
    private val _state = MutableStateFlow<AttendanceUiState>(AttendanceUiState.Loading)
    val state: StateFlow<AttendanceUiState> = _state.asStateFlow()

    fun load() {
        _state.value = try {
            val app = open()
            attendanceState(app.attendance(), app.sessionNow(clock.nowMs()), lang())
        } catch (e: Exception) {
            AttendanceUiState.Failed(e.toUiError())
        }
    }
}
