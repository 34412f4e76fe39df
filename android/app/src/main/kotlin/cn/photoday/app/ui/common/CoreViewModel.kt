// The base of every ViewModel: a thin wrapper that runs the ui-logic holders' calls (which reach
// the core and its SQLite file) on Dispatchers.IO, never on the main thread.
package cn.photoday.app.ui.common

import androidx.lifecycle.ViewModel
import androidx.lifecycle.viewModelScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.Job
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext

abstract class CoreViewModel : ViewModel() {
    /** Runs [block] on Dispatchers.IO in the ViewModel's scope. */
    protected fun io(block: suspend () -> Unit): Job = viewModelScope.launch(Dispatchers.IO) { block() }

    /** Runs [block] on Dispatchers.IO and waits for it (for screens that loop while resumed). */
    protected suspend fun <T> onIo(block: () -> T): T = withContext(Dispatchers.IO) { block() }
}
