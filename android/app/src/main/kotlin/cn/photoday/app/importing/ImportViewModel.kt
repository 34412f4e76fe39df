// Imports from every door into the phone: an "open with" intent, the share sheet, the file
// picker, a paste, a scanned QR code. ImportRouter (ui-logic) picks the mode's importAny, which
// recognises the content; this ViewModel reads the file off the main thread and keeps what
// arrived before the user chose student or staff.
package cn.photoday.app.importing

import android.app.Application
import android.net.Uri
import androidx.lifecycle.AndroidViewModel
import androidx.lifecycle.viewModelScope
import cn.photoday.app.AppGraph
import cn.photoday.app.AppMode
import cn.photoday.app.ui.common.readBytes
import cn.photoday.ui.ImportResult
import cn.photoday.ui.ImportRouter
import cn.photoday.ui.toUiError
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.launch

/** Something handed to the app. */
sealed interface Incoming {
    data class File(val uri: Uri) : Incoming
    data class Text(val text: String) : Incoming
}

sealed interface ImportUiState {
    data object Idle : ImportUiState
    data object Working : ImportUiState

    /** [serial] tells two equal results apart, so each shows its snackbar. */
    data class Done(val result: ImportResult, val serial: Long) : ImportUiState

    /** The file could not be read at all (no access, too large). */
    data class Unreadable(val serial: Long) : ImportUiState
}

class ImportViewModel(application: Application, private val graph: AppGraph) : AndroidViewModel(application) {
    private val _state = MutableStateFlow<ImportUiState>(ImportUiState.Idle)
    val state: StateFlow<ImportUiState> = _state.asStateFlow()

    /** Arrived before a mode was chosen: imported once the user chooses. */
    private var pending: Incoming? = null
    private var serial = 0L
    /** The last code the import screen's camera read: each code is imported once. */
    @Volatile private var lastScanned: String? = null

    fun accept(incoming: Incoming) {
        if (graph.mode.mode.value == null) pending = incoming else import(incoming)
    }

    /** The user chose a mode on first run: import what was waiting. */
    fun modeChosen() {
        pending?.let { pending = null; import(it) }
    }

    /** A QR code from the import screen's camera: each code once. */
    fun scanned(text: String) {
        if (text == lastScanned || _state.value == ImportUiState.Working) return
        lastScanned = text
        import(Incoming.Text(text))
    }

    fun import(incoming: Incoming) {
        val mode = graph.mode.mode.value ?: return
        _state.value = ImportUiState.Working
        viewModelScope.launch(Dispatchers.IO) {
            val bytes = when (incoming) {
                is Incoming.File -> getApplication<Application>().contentResolver.readBytes(incoming.uri)
                is Incoming.Text -> incoming.text.toByteArray()
            }
            if (bytes == null) {
                _state.value = ImportUiState.Unreadable(++serial)
                return@launch
            }
            val lang = graph.lang()
            val result = try {
                when (mode) {
                    AppMode.Student -> ImportRouter.student(graph.student, bytes, lang)
                    AppMode.Staff -> ImportRouter.staff(graph.scanner, bytes, lang)
                }
            } catch (e: Exception) {
                // Opening the database failed (graph.student / graph.scanner).
                ImportResult.Failed(e.toUiError())
            }
            if (mode == AppMode.Student && result !is ImportResult.Failed) graph.reminders.reschedule(graph)
            _state.value = ImportUiState.Done(result, ++serial)
        }
    }
}
