// Who is in and who is still missing: admitted against expected per session and per class
// ("软件1班 38/42"), the absentees (the 补拍 list), and students photographed twice.
package cn.photoday.ui.staff

import cn.photoday.core.Attendance
import cn.photoday.core.Lang
import cn.photoday.core.ScannerAppInterface
import cn.photoday.core.SessionAttendance
import cn.photoday.ui.UiError
import cn.photoday.ui.toUiError
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

data class ClassLine(val className: String, val admitted: Int, val expected: Int) {
    /** `软件1班 38/42`. */
    val label: String get() = "$className $admitted/$expected"
    val complete: Boolean get() = admitted >= expected
}

data class AbsenteeLine(val studentNo: String, val name: String, val className: String)

data class SessionCard(
    val session: Int,
    val college: String,
    val room: String,
    val date: String,
    val admitted: Int,
    val expected: Int,
    /** Admitted over "not on the roster". */
    val notOnRoster: Int,
    val classes: List<ClassLine>,
    val absentees: List<AbsenteeLine>,
) {
    /** `38/42`. */
    val fill: String get() = "$admitted/$expected"
}

/** A student photographed twice: keep the first photo number, void the others. */
data class DuplicateLine(val studentNo: String, val keepPhotoNo: String, val voidPhotoNos: List<String>)

sealed interface AttendanceUiState {
    data object Loading : AttendanceUiState

    data class Ready(
        /** This device's session, first. */
        val station: SessionCard?,
        /** Every other session with a roster. */
        val others: List<SessionCard>,
        val duplicates: List<DuplicateLine>,
    ) : AttendanceUiState

    data class Failed(val error: UiError) : AttendanceUiState
}

fun SessionAttendance.toCard(lang: Lang) = SessionCard(
    session = session.toInt(),
    college = college.textIn(lang),
    room = room.textIn(lang),
    date = date,
    admitted = admitted.toInt(),
    expected = expected.toInt(),
    notOnRoster = notOnRoster.toInt(),
    classes = classes.map { ClassLine(it.className, it.admitted.toInt(), it.expected.toInt()) },
    absentees = absentees.map { AbsenteeLine(it.studentNo.toString(), it.name, it.className) },
)

fun attendanceState(a: Attendance, stationSession: Int?, lang: Lang): AttendanceUiState.Ready {
    val cards = a.sessions.map { it.toCard(lang) }
    return AttendanceUiState.Ready(
        station = cards.firstOrNull { it.session == stationSession },
        others = cards.filter { it.session != stationSession && (it.expected > 0 || it.admitted > 0) },
        duplicates = a.duplicates.map { d ->
            DuplicateLine(d.studentNo.toString(), d.keep.photoNo, d.void.map { it.photoNo })
        },
    )
}

class AttendanceModel(private val open: () -> ScannerAppInterface, private val lang: () -> Lang = { Lang.ZH }) {
    /** Opened on first use, inside the calls below, so a damaged database is a state, not a crash. */
    private val app: ScannerAppInterface get() = open()

    private val _state = MutableStateFlow<AttendanceUiState>(AttendanceUiState.Loading)
    val state: StateFlow<AttendanceUiState> = _state.asStateFlow()

    fun load() {
        _state.value = try {
            attendanceState(app.attendance(), app.station()?.session?.toInt(), lang())
        } catch (e: Exception) {
            AttendanceUiState.Failed(e.toUiError())
        }
    }
}
