// Type-checking stub: signatures of the real Compose API (BOM 2024.12: ui/foundation/runtime
// 1.7, material3 1.3), for type-checking only; never shipped. Compiled without the Compose
// compiler plugin: @Composable is a plain annotation here.
@file:Suppress("unused", "UNUSED_PARAMETER", "NOTHING_TO_INLINE")

package androidx.compose.ui.layout

interface ContentScale {
    companion object {
        val Crop: ContentScale get() = TODO()
        val Fit: ContentScale get() = TODO()
        val FillWidth: ContentScale get() = TODO()
        val Inside: ContentScale get() = TODO()
    }
}
