// Type-checking stub: signatures of androidx.lifecycle:lifecycle-runtime-compose 2.8, for
// type-checking only; never shipped.
@file:Suppress("unused", "UNUSED_PARAMETER")

package androidx.lifecycle.compose

import androidx.compose.runtime.Composable
import androidx.compose.runtime.ProvidableCompositionLocal
import androidx.compose.runtime.State
import androidx.lifecycle.Lifecycle
import androidx.lifecycle.LifecycleOwner
import kotlinx.coroutines.flow.StateFlow
import kotlin.coroutines.CoroutineContext
import kotlin.coroutines.EmptyCoroutineContext

val LocalLifecycleOwner: ProvidableCompositionLocal<LifecycleOwner> = TODO()

@Composable
fun <T> StateFlow<T>.collectAsStateWithLifecycle(
    lifecycleOwner: LifecycleOwner = LocalLifecycleOwner.current,
    minActiveState: Lifecycle.State = Lifecycle.State.STARTED,
    context: CoroutineContext = EmptyCoroutineContext,
): State<T> = TODO()

class LifecycleStartStopEffectScope(override val lifecycle: Lifecycle) : LifecycleOwner {
    inline fun onStopOrDispose(crossinline onStopOrDisposeEffect: LifecycleOwner.() -> Unit): LifecycleStopOrDisposeEffectResult = TODO()
}

interface LifecycleStopOrDisposeEffectResult {
    fun runStopOrDisposeEffect()
}

@Composable
fun LifecycleStartEffect(
    key1: Any?,
    lifecycleOwner: LifecycleOwner = LocalLifecycleOwner.current,
    effects: LifecycleStartStopEffectScope.() -> LifecycleStopOrDisposeEffectResult,
): Unit = TODO()
