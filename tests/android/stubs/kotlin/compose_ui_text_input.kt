// Type-checking stub: signatures of the real Compose API (BOM 2024.12: ui/foundation/runtime
// 1.7, material3 1.3), for type-checking only; never shipped. Compiled without the Compose
// compiler plugin: @Composable is a plain annotation here.
@file:Suppress("unused", "UNUSED_PARAMETER", "NOTHING_TO_INLINE")

package androidx.compose.ui.text.input

import androidx.compose.ui.text.AnnotatedString

@JvmInline
value class KeyboardType internal constructor(private val value: Int) {
    companion object {
        val Unspecified: KeyboardType get() = TODO()
        val Text: KeyboardType get() = TODO()
        val Ascii: KeyboardType get() = TODO()
        val Number: KeyboardType get() = TODO()
        val Phone: KeyboardType get() = TODO()
        val Decimal: KeyboardType get() = TODO()
    }
}

@JvmInline
value class ImeAction private constructor(private val value: Int) {
    companion object {
        val Unspecified: ImeAction get() = TODO()
        val Default: ImeAction get() = TODO()
        val None: ImeAction get() = TODO()
        val Go: ImeAction get() = TODO()
        val Search: ImeAction get() = TODO()
        val Send: ImeAction get() = TODO()
        val Previous: ImeAction get() = TODO()
        val Next: ImeAction get() = TODO()
        val Done: ImeAction get() = TODO()
    }
}

@JvmInline
value class KeyboardCapitalization private constructor(private val value: Int) {
    companion object {
        val Unspecified: KeyboardCapitalization get() = TODO()
        val None: KeyboardCapitalization get() = TODO()
        val Sentences: KeyboardCapitalization get() = TODO()
    }
}

class TransformedText(val text: AnnotatedString, val offsetMapping: Any)

fun interface VisualTransformation {
    fun filter(text: AnnotatedString): TransformedText

    companion object {
        val None: VisualTransformation get() = TODO()
    }
}
