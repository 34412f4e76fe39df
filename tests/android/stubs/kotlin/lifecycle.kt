// Type-checking stub: signatures of androidx.lifecycle 2.8 (lifecycle-runtime/-viewmodel and
// their -compose artifacts), for type-checking only; never shipped. Bodies are TODO().
@file:Suppress("unused", "UNUSED_PARAMETER")

package androidx.lifecycle

import android.app.Application
import kotlinx.coroutines.CoroutineScope

abstract class Lifecycle {
    enum class State { DESTROYED, INITIALIZED, CREATED, STARTED, RESUMED }
}

interface LifecycleOwner {
    val lifecycle: Lifecycle
}

interface ViewModelStoreOwner

abstract class ViewModel

open class AndroidViewModel(application: Application) : ViewModel() {
    open fun <T : Application> getApplication(): T = TODO()
}

class ViewModelProvider {
    interface Factory
}

val ViewModel.viewModelScope: CoroutineScope get() = TODO()

abstract class LifecycleCoroutineScope internal constructor() : CoroutineScope

val LifecycleOwner.lifecycleScope: LifecycleCoroutineScope get() = TODO()
