// Type-checking stub: signatures of the real Compose API (BOM 2024.12: ui/foundation/runtime
// 1.7, material3 1.3), for type-checking only; never shipped. Compiled without the Compose
// compiler plugin: @Composable is a plain annotation here.
@file:Suppress("unused", "UNUSED_PARAMETER", "NOTHING_TO_INLINE")

package androidx.compose.ui

interface Modifier {
    infix fun then(other: Modifier): Modifier = TODO()

    companion object : Modifier
}

interface Alignment {
    interface Horizontal
    interface Vertical

    companion object {
        val TopStart: Alignment get() = TODO()
        val TopCenter: Alignment get() = TODO()
        val TopEnd: Alignment get() = TODO()
        val CenterStart: Alignment get() = TODO()
        val Center: Alignment get() = TODO()
        val CenterEnd: Alignment get() = TODO()
        val BottomStart: Alignment get() = TODO()
        val BottomCenter: Alignment get() = TODO()
        val BottomEnd: Alignment get() = TODO()
        val Top: Vertical get() = TODO()
        val CenterVertically: Vertical get() = TODO()
        val Bottom: Vertical get() = TODO()
        val Start: Horizontal get() = TODO()
        val CenterHorizontally: Horizontal get() = TODO()
        val End: Horizontal get() = TODO()
    }
}
