// Who was photographed and who is still missing: per session and per class ("软件1班 38/42"
// photographed / expected), who arrived, was numbered or stepped aside, the 补拍 list (roster −
// photographed), the ones who arrived but were not photographed (liaisons chase them), students
// numbered twice, and numbers held by two students (the core's advice, shown loudly).
package cn.photoday.ui.staff

import cn.photoday.core.Attendance
import cn.photoday.core.Lang
import cn.photoday.core.RosterStudent
import cn.photoday.core.ScannerAppInterface
import cn.photoday.core.SessionAttendance
import cn.photoday.ui.Clock
import cn.photoday.ui.UiError
import cn.photoday.ui.WallClock
import cn.photoday.ui.toUiError
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

data class ClassLine(val className: String, val photographed: Int, val expected: Int) {
    /** `软件1班 38/42`. */
    val label: String get() = "$className $photographed/$expected"
    val complete: Boolean get() = photographed >= expected
}

data class AbsenteeLine(val studentNo: String, val name: String, val className: String)

data class SessionCard(
    val session: Int,
    val college: String,
    val room: String,
    val date: String,
    val expected: Int,
    val arrived: Int,
    val numbered: Int,
    val photographed: Int,
    val steppedAside: Int,
    /** Numbered over "not on the roster". */
    val notOnRoster: Int,
    val classes: List<ClassLine>,
    /** The 补拍 list: on the roster, not photographed. */
    val absentees: List<AbsenteeLine>,
    /** Of those, the ones who arrived: liaisons chase them. */
    val arrivedNotPhotographed: List<AbsenteeLine>,
) {
    /** `38/42` photographed. */
    val fill: String get() = "$photographed/$expected"
}

/** A student numbered twice: keep the first photo number, void the others. */
data class DuplicateLine(val studentNo: String, val keepPhotoNo: String, val voidPhotoNos: List<String>)

sealed interface AttendanceUiState {
    data object Loading : AttendanceUiState

    data class Ready(
        /** The session this phone's room is running now, first. */
        val station: SessionCard?,
        /** Every other session with a roster. */
        val others: List<SessionCard>,
        val duplicates: List<DuplicateLine>,
        /** Numbers held by two students: the core's advice, naming both. */
        val clashes: List<String>,
    ) : AttendanceUiState

    data class Failed(val error: UiError) : AttendanceUiState
}

private fun RosterStudent.toLine() = AbsenteeLine(studentNo.toString(), name, className)

fun SessionAttendance.toCard(lang: Lang) = SessionCard(
    session = session.toInt(),
    college = college.textIn(lang),
    room = room.textIn(lang),
    date = date,
    expected = expected.toInt(),
    arrived = arrived.toInt(),
    numbered = numbered.toInt(),
    photographed = photographed.toInt(),
    steppedAside = steppedAside.toInt(),
    notOnRoster = notOnRoster.toInt(),
    classes = classes.map { ClassLine(it.className, it.photographed.toInt(), it.expected.toInt()) },
    absentees = absentees.map { it.toLine() },
    arrivedNotPhotographed = arrivedNotPhotographed.map { it.toLine() },
)

fun attendanceState(a: Attendance, stationSession: Int?, lang: Lang): AttendanceUiState.Ready {
    val cards = a.sessions.map { it.toCard(lang) }
    return AttendanceUiState.Ready(
        station = cards.firstOrNull { it.session == stationSession },
        others = cards.filter { it.session != stationSession && (it.expected > 0 || it.arrived > 0) },
        duplicates = a.duplicates.map { d ->
            DuplicateLine(d.studentNo.toString(), d.keep.photoNo, d.void.map { it.photoNo })
        },
        clashes = a.clashes.map { it.advice.textIn(lang) },
    )
}

class AttendanceModel(
    private val open: () -> ScannerAppInterface,
    private val lang: () -> Lang = { Lang.ZH },
    private val clock: Clock = WallClock,
) {
    /** Opened on first use, inside the calls below, so a damaged database is a state, not a crash. */
    private val app: ScannerAppInterface get() = open()

    private val _state = MutableStateFlow<AttendanceUiState>(AttendanceUiState.Loading)
    val state: StateFlow<AttendanceUiState> = _state.asStateFlow()

    fun load() {
        _state.value = try {
            attendanceState(app.attendance(), app.sessionNow(clock.nowMs())?.toInt(), lang())
        } catch (e: Exception) {
            AttendanceUiState.Failed(e.toUiError())
        }
    }
}
