// The student screens' ViewModels: each wraps one ui-logic holder, exposes its StateFlow and
// calls it on Dispatchers.IO. No logic of their own beyond reading picked files.
package cn.photoday.app.student

import android.app.Application
import android.net.Uri
import cn.photoday.app.AppGraph
import cn.photoday.app.ui.common.CoreViewModel
import cn.photoday.app.ui.common.readBytes
import cn.photoday.ui.UiError
import cn.photoday.ui.student.ChecklistModel
import cn.photoday.ui.student.CollectionCodeModel
import cn.photoday.ui.student.NoticeModel
import cn.photoday.ui.student.PassModel
import cn.photoday.ui.student.StudentHomeModel
import cn.photoday.ui.student.TimelineModel
import cn.photoday.ui.toUiError
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

class HomeViewModel(private val graph: AppGraph) : CoreViewModel() {
    private val model = StudentHomeModel({ graph.student }, graph.clock, graph::lang)
    val state = model.state

    private val _purgeError = MutableStateFlow<UiError?>(null)
    val purgeError: StateFlow<UiError?> = _purgeError.asStateFlow()

    init {
        // Alarms do not survive a reboot or a force stop: apply the schedule on every start.
        io { graph.reminders.reschedule(graph) }
    }

    /** Called every 30 s while the screen is resumed: the countdown and "next" move. */
    suspend fun refresh() = onIo { model.refresh() }

    /** The number code read on the studio phone; the reminders switch to after-the-shoot. */
    fun importNumber(text: String) = io {
        model.importNumber(text)
        graph.reminders.reschedule(graph)
    }

    /** "我已拍完": photographed, though no number reached the phone. */
    fun markShotDone() = io {
        model.markShotDone()
        graph.reminders.reschedule(graph)
    }

    /** Deletes the pass, the 采集码 and the ticks (the public event stays). */
    fun purge() = io {
        _purgeError.value = try {
            graph.student.purge()
            graph.reminders.cancelAll()
            null
        } catch (e: Exception) {
            e.toUiError()
        }
        model.refresh()
    }
}

class PassViewModel(graph: AppGraph) : CoreViewModel() {
    private val model = PassModel({ graph.student }, graph.clock, graph::lang)
    val state = model.state

    fun load() = io { model.load() }
}

class CollectionCodeViewModel(private val app: Application, graph: AppGraph) : CoreViewModel() {
    private val model = CollectionCodeModel({ graph.student }, graph::lang)
    val state = model.state

    private val _unreadableFile = MutableStateFlow(false)
    /** The picked file could not be read at all. */
    val unreadableFile: StateFlow<Boolean> = _unreadableFile.asStateFlow()

    fun load() = io { model.load() }

    /** Saves the picked image through the core, byte for byte. */
    fun save(uri: Uri) = io {
        val bytes = app.contentResolver.readBytes(uri)
        _unreadableFile.value = bytes == null
        if (bytes != null) model.save(bytes)
    }
}

class ChecklistViewModel(graph: AppGraph) : CoreViewModel() {
    private val model = ChecklistModel({ graph.student }, graph.clock, graph::lang)
    val state = model.state

    fun load() = io { model.load() }
    fun setTick(id: String, ticked: Boolean) = io { model.setTick(id, ticked) }
}

class TimelineViewModel(graph: AppGraph) : CoreViewModel() {
    private val model = TimelineModel({ graph.student }, graph.clock, graph::lang)
    val state = model.state

    fun load() = io { model.load() }
}

class NoticeViewModel(graph: AppGraph) : CoreViewModel() {
    private val model = NoticeModel({ graph.student }, graph.clock, graph::lang)
    val state = model.state

    fun load() = io { model.load() }
}
