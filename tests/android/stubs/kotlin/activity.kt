// Type-checking stub: signatures of androidx.activity 1.9 (activity, activity-ktx,
// activity-compose), for type-checking only; never shipped.
@file:Suppress("unused", "UNUSED_PARAMETER")

package androidx.activity

import android.content.Intent
import android.os.Bundle
import androidx.lifecycle.Lifecycle
import androidx.lifecycle.LifecycleOwner
import androidx.lifecycle.ViewModel
import androidx.lifecycle.ViewModelProvider
import androidx.lifecycle.ViewModelStoreOwner
import androidx.lifecycle.viewmodel.CreationExtras

open class ComponentActivity : android.app.Activity(), LifecycleOwner, ViewModelStoreOwner {
    override val lifecycle: Lifecycle get() = TODO()
    override fun onCreate(savedInstanceState: Bundle?): Unit = TODO()
    override fun onNewIntent(intent: Intent): Unit = TODO()
}

inline fun <reified VM : ViewModel> ComponentActivity.viewModels(
    noinline extrasProducer: (() -> CreationExtras)? = null,
    noinline factoryProducer: (() -> ViewModelProvider.Factory)? = null,
): Lazy<VM> = TODO()

class SystemBarStyle private constructor() {
    companion object {
        fun auto(lightScrim: Int, darkScrim: Int): SystemBarStyle = TODO()
    }
}

fun ComponentActivity.enableEdgeToEdge(
    statusBarStyle: SystemBarStyle = TODO(),
    navigationBarStyle: SystemBarStyle = TODO(),
): Unit = TODO()
