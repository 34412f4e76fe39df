// Type-checking stub: signatures of the real Compose API (BOM 2024.12: ui/foundation/runtime
// 1.7, material3 1.3), for type-checking only; never shipped. Compiled without the Compose
// compiler plugin: @Composable is a plain annotation here.
@file:Suppress("unused", "UNUSED_PARAMETER", "NOTHING_TO_INLINE")

package androidx.compose.ui.text.style

class TextDecoration internal constructor()

@JvmInline
value class TextAlign internal constructor(private val value: Int)

@JvmInline
value class TextOverflow internal constructor(private val value: Int) {
    companion object {
        val Clip: TextOverflow get() = TODO()
        val Ellipsis: TextOverflow get() = TODO()
    }
}
