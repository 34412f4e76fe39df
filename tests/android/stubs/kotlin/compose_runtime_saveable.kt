// Type-checking stub: signatures of the real Compose API (BOM 2024.12: ui/foundation/runtime
// 1.7, material3 1.3), for type-checking only; never shipped. Compiled without the Compose
// compiler plugin: @Composable is a plain annotation here.
@file:Suppress("unused", "UNUSED_PARAMETER", "NOTHING_TO_INLINE")

package androidx.compose.runtime.saveable

import androidx.compose.runtime.Composable

fun interface SaverScope {
    fun canBeSaved(value: Any): Boolean
}

interface Saver<Original, Saveable : Any> {
    fun SaverScope.save(value: Original): Saveable?
    fun restore(value: Saveable): Original?
}

fun <T> autoSaver(): Saver<T, Any> = TODO()

@Composable
fun <T : Any> rememberSaveable(
    vararg inputs: Any?,
    saver: Saver<T, out Any> = autoSaver(),
    key: String? = null,
    init: () -> T,
): T = TODO()
