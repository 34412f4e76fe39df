// The door phone's setup: import the scanner bundle, then choose the station — the session it
// guards and, when several phones share that room, its photo-number letter (A, B…).
package cn.photoday.ui.staff

import cn.photoday.core.Event
import cn.photoday.core.Lang
import cn.photoday.core.ScannerAppInterface
import cn.photoday.core.Station
import cn.photoday.ui.ImportResult
import cn.photoday.ui.ImportRouter
import cn.photoday.ui.UiError
import cn.photoday.ui.toUiError
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

/** A session to choose, or the one chosen. */
data class SessionChoice(
    val number: Int,
    val college: String,
    val room: String,
    val date: String,
    /** `09:30–12:00、14:00–16:00`. */
    val windows: String,
)

/** The station on the scan screen's top bar. */
data class StationLabel(val session: SessionChoice, val lane: String?)

/** What a door phone still needs before it scans. */
enum class StaffStep { ImportBundle, ChooseStation }

sealed interface StationSetupUiState {
    data object Loading : StationSetupUiState

    data class NoBundle(val error: UiError?) : StationSetupUiState

    data class Ready(
        val eventTitle: String,
        val sessions: List<SessionChoice>,
        val chosen: StationLabel?,
        /** The last import or choice that failed. */
        val error: UiError?,
        /** The last import that succeeded. */
        val imported: ImportResult?,
    ) : StationSetupUiState
}

fun Event.sessionChoices(lang: Lang): List<SessionChoice> = sessions.map {
    SessionChoice(it.number.toInt(), it.college.textIn(lang), it.room.textIn(lang), it.date, it.windowsLabel)
}

fun stationLabel(event: Event, station: Station, lang: Lang): StationLabel? =
    event.sessionChoices(lang).firstOrNull { it.number == station.session.toInt() }?.let { StationLabel(it, station.lane) }

class StationSetupModel(private val open: () -> ScannerAppInterface, private val lang: () -> Lang) {
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

    /** Chooses session [session] with the optional photo-number letter typed in [lane]. */
    fun choose(session: Int, lane: String?) {
        try {
            app.setStation(session.toUByte(), lane?.trim()?.ifEmpty { null })
            show(error = null, imported = null)
        } catch (e: Exception) {
            show(error = e.toUiError(), imported = null)
        }
    }

    private fun show(error: UiError?, imported: ImportResult?) {
        _state.value = try {
            val event = app.event()
            if (event == null) {
                StationSetupUiState.NoBundle(error)
            } else {
                StationSetupUiState.Ready(
                    eventTitle = event.title.textIn(lang()),
                    sessions = event.sessionChoices(lang()),
                    chosen = app.station()?.let { stationLabel(event, it, lang()) },
                    error = error,
                    imported = imported,
                )
            }
        } catch (e: Exception) {
            StationSetupUiState.NoBundle(e.toUiError())
        }
    }
}
