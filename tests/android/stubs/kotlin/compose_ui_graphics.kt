// Type-checking stub: signatures of the real Compose API (BOM 2024.12: ui/foundation/runtime
// 1.7, material3 1.3), for type-checking only; never shipped. Compiled without the Compose
// compiler plugin: @Composable is a plain annotation here.
@file:Suppress("unused", "UNUSED_PARAMETER", "NOTHING_TO_INLINE")

package androidx.compose.ui.graphics

@JvmInline
value class Color(val value: ULong) {
    companion object {
        val Black: Color get() = TODO()
        val White: Color get() = TODO()
        val Red: Color get() = TODO()
        val Transparent: Color get() = TODO()
        val Unspecified: Color get() = TODO()
    }
}

fun Color(color: Int): Color = TODO()
fun Color(color: Long): Color = TODO()
fun Color(red: Int, green: Int, blue: Int, alpha: Int = 0xFF): Color = TODO()

interface ImageBitmap

fun android.graphics.Bitmap.asImageBitmap(): ImageBitmap = TODO()

interface Shape

class ColorFilter internal constructor()

@JvmInline
value class BlendMode internal constructor(val value: Int)

@JvmInline
value class StrokeCap internal constructor(val value: Int)

@JvmInline
value class FilterQuality internal constructor(val value: Int)
