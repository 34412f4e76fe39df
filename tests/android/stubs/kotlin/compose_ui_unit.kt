// Type-checking stub: signatures of the real Compose API (BOM 2024.12: ui/foundation/runtime
// 1.7, material3 1.3), for type-checking only; never shipped. Compiled without the Compose
// compiler plugin: @Composable is a plain annotation here.
@file:Suppress("unused", "UNUSED_PARAMETER", "NOTHING_TO_INLINE")

package androidx.compose.ui.unit

@JvmInline
value class Dp(val value: Float) : Comparable<Dp> {
    override operator fun compareTo(other: Dp): Int = value.compareTo(other.value)
    inline operator fun plus(other: Dp): Dp = Dp(value + other.value)
    inline operator fun minus(other: Dp): Dp = Dp(value - other.value)
    inline operator fun times(other: Float): Dp = Dp(value * other)
    inline operator fun times(other: Int): Dp = Dp(value * other)
    inline operator fun div(other: Float): Dp = Dp(value / other)
    inline operator fun div(other: Int): Dp = Dp(value / other)

    companion object {
        val Hairline: Dp get() = TODO()
        val Unspecified: Dp get() = TODO()
    }
}

inline val Int.dp: Dp get() = Dp(this.toFloat())
inline val Double.dp: Dp get() = Dp(this.toFloat())
inline val Float.dp: Dp get() = Dp(this)

@JvmInline
value class TextUnit internal constructor(internal val packedValue: Long) {
    companion object {
        val Unspecified: TextUnit get() = TODO()
    }
}

val Int.sp: TextUnit get() = TODO()
val Double.sp: TextUnit get() = TODO()
val Float.sp: TextUnit get() = TODO()

interface Density {
    val density: Float
    val fontScale: Float
    fun Dp.toPx(): Float = value * density
    fun Dp.roundToPx(): Int = TODO()
    fun Int.toDp(): Dp = (this / density).dp
    fun Float.toDp(): Dp = (this / density).dp
}
