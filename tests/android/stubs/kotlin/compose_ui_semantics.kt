// Type-checking stub: signatures of the real Compose API (BOM 2024.12: ui/foundation/runtime
// 1.7, material3 1.3), for type-checking only; never shipped. Compiled without the Compose
// compiler plugin: @Composable is a plain annotation here.
@file:Suppress("unused", "UNUSED_PARAMETER", "NOTHING_TO_INLINE")

package androidx.compose.ui.semantics

import androidx.compose.ui.Modifier

@JvmInline
value class Role private constructor(private val value: Int) {
    companion object {
        val Button: Role get() = TODO()
        val Checkbox: Role get() = TODO()
        val Switch: Role get() = TODO()
        val Image: Role get() = TODO()
    }
}

interface SemanticsPropertyReceiver

var SemanticsPropertyReceiver.contentDescription: String
    get() = TODO()
    set(value) = TODO()

fun Modifier.semantics(mergeDescendants: Boolean = false, properties: (SemanticsPropertyReceiver.() -> Unit)): Modifier = TODO()
