// The app's one ViewModel: the core's page on top of the back stack (PageFlow, in ui-logic) as a
// StateFlow, every call to the core on Dispatchers.IO, the page asked for again when it says, and
// each Outcome's message, file and sound handed to the screen once.
package cn.photoday.app.ui

import android.app.Application
import androidx.lifecycle.AndroidViewModel
import androidx.lifecycle.viewModelScope
import cn.photoday.app.photoDay
import cn.photoday.core.Command
import cn.photoday.core.FileOut
import cn.photoday.core.Go
import cn.photoday.core.Input
import cn.photoday.core.Mode
import cn.photoday.core.Outcome
import cn.photoday.core.Page
import cn.photoday.core.Tone
import cn.photoday.core.Words
import cn.photoday.ui.PageFlow
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.Job
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.receiveAsFlow
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext

class PageViewModel(application: Application) : AndroidViewModel(application) {
    private val app = application.photoDay
    private val screens = app.screens
    private val flow = PageFlow(screens)

    private val _page = MutableStateFlow<Page?>(null)
    private val _canGoBack = MutableStateFlow(false)
    private val _outcomes = Channel<Outcome>(Channel.BUFFERED)

    /** The page to draw; null until the core first answers. */
    val page: StateFlow<Page?> = _page.asStateFlow()

    /** A back arrow, and the system back staying in the app. */
    val canGoBack: StateFlow<Boolean> = _canGoBack.asStateFlow()

    /** Outcomes with something to say, save or sound, each delivered once. */
    val outcomes: Flow<Outcome> = _outcomes.receiveAsFlow()

    /** The command waiting for a picked file or photo, the file waiting for a place to go (a
     *  picker may outlive the activity). */
    var waiting: Command? = null
    var saving: FileOut? = null

    /** The words of the platform's dialogs, in the reader's language (memory only). */
    val words: Words get() = screens.words()

    /** A page as loaded, numbered under the flow's lock: calls may finish out of order. */
    private class Shown(val page: Page, val serial: Long, val canGoBack: Boolean)

    private var serial = 0L // guarded by the flow's lock
    private var lastShown = 0L
    private var refresh: Job? = null
    private var visible = false

    /** The screen is visible: ask for the page now (the day may have moved on) and keep asking. */
    fun onStart() {
        visible = true
        screens.setLang(app.lang()) // the locale may have changed while the app was away
        reload()
        remind()
    }

    /** The screen is hidden: no more asking until it shows again. */
    fun onStop() {
        visible = false
        refresh?.cancel()
    }

    fun reload() {
        viewModelScope.launch { show(io { shown(flow.load()) }) }
    }

    /** The system back (or the top bar's arrow). */
    fun back() {
        viewModelScope.launch { io { if (flow.back()) shown(flow.load()) else null }?.let(::show) }
    }

    /**
     * Performs [command] with what the platform gathered. Camera reads go straight in, many a
     * second: the core drops one that arrives while another is with it (`Go.Unchanged`).
     */
    fun perform(command: Command, input: Input = Input.Nothing) {
        viewModelScope.launch {
            val (outcome, next) = io { flow.perform(command, input).let { it.outcome to it.page?.let(::shown) } }
            show(next)
            if (outcome.message != null || outcome.file != null || outcome.signal != null) _outcomes.send(outcome)
            if (outcome.go != Go.Unchanged) remind()
        }
    }

    private fun shown(page: Page): Shown = synchronized(flow) { Shown(page, ++serial, flow.canGoBack()) }

    private fun show(s: Shown?) {
        if (s == null || s.serial <= lastShown) return
        lastShown = s.serial
        _page.value = s.page
        _canGoBack.value = s.canGoBack
        refresh?.cancel()
        val wait = PageFlow.refreshIn(s.page) ?: return
        if (visible) refresh = viewModelScope.launch { delay(wait); reload() }
    }

    /** The student's reminders follow what is on the phone (a new pack, a purge). */
    private fun remind() {
        if (screens.mode() != Mode.STUDENT) return
        viewModelScope.launch { io { app.reminders.reschedule(screens, app.lang()) } }
    }

    /** A platform failure (an unreadable file, an empty clipboard), shown like the core's. */
    fun say(text: String, tone: Tone = Tone.REFUSED) {
        _outcomes.trySend(Outcome(text, tone, Go.Unchanged, null, null))
    }

    private suspend fun <T> io(block: () -> T): T = withContext(Dispatchers.IO) { block() }
}
