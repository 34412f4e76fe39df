// Type-checking stub: signatures of the real Compose API (BOM 2024.12: ui/foundation/runtime
// 1.7, material3 1.3), for type-checking only; never shipped. Compiled without the Compose
// compiler plugin: @Composable is a plain annotation here.
@file:Suppress("unused", "UNUSED_PARAMETER", "NOTHING_TO_INLINE")

package androidx.compose.ui.text.font

class FontWeight(val weight: Int) : Comparable<FontWeight> {
    override fun compareTo(other: FontWeight): Int = weight.compareTo(other.weight)

    companion object {
        val Normal: FontWeight get() = TODO()
        val Medium: FontWeight get() = TODO()
        val SemiBold: FontWeight get() = TODO()
        val Bold: FontWeight get() = TODO()
    }
}

@JvmInline
value class FontStyle(val value: Int)

abstract class FontFamily internal constructor()
