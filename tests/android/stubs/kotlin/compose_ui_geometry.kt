// Type-checking stub: signatures of the real Compose API (BOM 2024.12: ui/foundation/runtime
// 1.7, material3 1.3), for type-checking only; never shipped. Compiled without the Compose
// compiler plugin: @Composable is a plain annotation here.
@file:Suppress("unused", "UNUSED_PARAMETER", "NOTHING_TO_INLINE")

package androidx.compose.ui.geometry

@JvmInline
value class Offset internal constructor(internal val packedValue: Long) {
    val x: Float get() = TODO()
    val y: Float get() = TODO()

    companion object {
        val Zero: Offset get() = TODO()
    }
}

fun Offset(x: Float, y: Float): Offset = TODO()

@JvmInline
value class Size internal constructor(internal val packedValue: Long) {
    val width: Float get() = TODO()
    val height: Float get() = TODO()
}

fun Size(width: Float, height: Float): Size = TODO()
