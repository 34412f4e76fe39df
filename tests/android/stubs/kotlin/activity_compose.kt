// Type-checking stub: signatures of androidx.activity:activity-compose 1.9, for type-checking
// only; never shipped.
@file:Suppress("unused", "UNUSED_PARAMETER")

package androidx.activity.compose

import androidx.activity.ComponentActivity
import androidx.activity.result.ActivityResultLauncher
import androidx.activity.result.contract.ActivityResultContract
import androidx.compose.runtime.Composable
import androidx.compose.runtime.CompositionContext

fun ComponentActivity.setContent(parent: CompositionContext? = null, content: @Composable () -> Unit): Unit = TODO()

@Composable
fun BackHandler(enabled: Boolean = true, onBack: () -> Unit): Unit = TODO()

class ManagedActivityResultLauncher<I, O> internal constructor() : ActivityResultLauncher<I>()

@Composable
fun <I, O> rememberLauncherForActivityResult(
    contract: ActivityResultContract<I, O>,
    onResult: (O) -> Unit,
): ManagedActivityResultLauncher<I, O> = TODO()
