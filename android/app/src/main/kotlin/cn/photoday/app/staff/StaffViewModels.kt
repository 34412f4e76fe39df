// The staff screens' ViewModels: thin wrappers over the ui-logic holders, calling them on
// Dispatchers.IO (camera frames go to the core on the camera's own analysis thread, already off
// the main thread and in arrival order).
package cn.photoday.app.staff

import android.app.Application
import android.net.Uri
import androidx.lifecycle.viewModelScope
import cn.photoday.app.AppGraph
import cn.photoday.app.ui.common.CoreViewModel
import cn.photoday.app.ui.common.readBytes
import cn.photoday.app.ui.common.writeBytes
import cn.photoday.core.AsideReason
import cn.photoday.core.Lane
import cn.photoday.core.Role
import cn.photoday.ui.staff.AttendanceModel
import cn.photoday.ui.staff.HistoryModel
import cn.photoday.ui.staff.LogFileModel
import cn.photoday.ui.staff.LogQrReceiver
import cn.photoday.ui.staff.LogQrSender
import cn.photoday.ui.staff.ScanLoop
import cn.photoday.ui.staff.StationSetupModel
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.launch

class StationViewModel(private val app: Application, graph: AppGraph) : CoreViewModel() {
    private val model = StationSetupModel({ graph.scanner }, graph::lang, graph.clock)
    val state = model.state

    private val _unreadableFile = MutableStateFlow(false)
    val unreadableFile: StateFlow<Boolean> = _unreadableFile.asStateFlow()

    fun load() = io { model.load() }

    fun import(uri: Uri) = io {
        val bytes = app.contentResolver.readBytes(uri)
        _unreadableFile.value = bytes == null
        if (bytes != null) model.import(bytes)
    }

    fun choose(room: String, role: Role, lane: Lane?) = io { model.choose(room, role, lane) }
    fun setCheckCode(on: Boolean) = io { model.setCheckCode(on) }
}

class ScanViewModel(graph: AppGraph) : CoreViewModel() {
    private val loop = ScanLoop({ graph.scanner }, graph.clock, graph::lang)
    val state = loop.state

    /** This phone's recent records, for the history dialog. */
    private val recent = HistoryModel({ graph.scanner }, graph.clock, graph::lang)
    val history = recent.state

    private val _torch = MutableStateFlow(false)
    val torch: StateFlow<Boolean> = _torch.asStateFlow()

    init {
        // Back to scanning by itself at each card's untilMs (the core sets it).
        viewModelScope.launch(Dispatchers.IO) { loop.autoReturn() }
    }

    fun start() = io { loop.start() }

    /** A decoded camera frame, on the camera's analysis thread (off the main thread, in order). */
    fun onFrame(text: String) {
        loop.onFrame(text)
    }

    fun toggleTorch() {
        _torch.value = !_torch.value
    }

    fun typed(line: String, note: String?) = io { loop.typed(line, note) }
    fun override(reason: String) = io { loop.override(reason) }
    fun undo() = io { loop.undo() }
    fun undoLast() = io { loop.undoLast() }
    fun dismiss() = io { loop.dismiss() }
    fun skipCode() = io { loop.skipCode() }
    fun stepAside(studentNo: ULong, reason: AsideReason) = io { loop.stepAside(studentNo, reason, null) }
    fun closeBatch() = io { loop.closeBatch() }

    fun loadHistory() = io { recent.load() }

    /** Undoes one line of the history, then redraws the door screen (the batch may change). */
    fun undoRecord(recordSeq: ULong) = io {
        recent.undo(recordSeq)
        loop.start()
    }
}

class AttendanceViewModel(graph: AppGraph) : CoreViewModel() {
    private val model = AttendanceModel({ graph.scanner }, graph::lang, graph.clock)
    val state = model.state

    fun load() = io { model.load() }
}

class LogTransferViewModel(private val app: Application, graph: AppGraph) : CoreViewModel() {
    private val sender = LogQrSender({ graph.scanner }, graph.clock, graph::lang)
    private val receiver = LogQrReceiver({ graph.scanner }, graph::lang)
    private val file = LogFileModel({ graph.scanner }, graph.clock, graph::lang)
    val sending = sender.state
    val receiving = receiver.state
    val fileState = file.state

    private val _fileFailed = MutableStateFlow(false)
    /** The chosen file could not be read or written. */
    val fileFailed: StateFlow<Boolean> = _fileFailed.asStateFlow()

    private val _fileName = MutableStateFlow<String?>(null)
    /** The core's name to offer for the exported log, once the database is open. */
    val fileName: StateFlow<String?> = _fileName.asStateFlow()

    init {
        io { _fileName.value = file.fileName() }
    }

    fun startSending() = io { sender.start() }
    fun stopSending() = sender.stop()
    fun confirmReceived() = io { sender.confirmReceived() }

    /** A decoded camera frame, on the analysis thread. */
    fun onFrame(text: String) {
        receiver.onFrame(text)
    }

    /** Drops a half-received sequence and waits for the next phone's codes. */
    fun abandonReceiving() = io { receiver.abandon() }

    fun exportTo(uri: Uri) = io {
        val bytes = file.export() ?: return@io
        val written = app.contentResolver.writeBytes(uri, bytes)
        _fileFailed.value = !written
        if (written) file.saved()
    }

    fun importFrom(uri: Uri) = io {
        val bytes = app.contentResolver.readBytes(uri)
        _fileFailed.value = bytes == null
        if (bytes != null) file.import(bytes)
    }

    fun purge() = io { file.purge() }
}
