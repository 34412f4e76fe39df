// Type-checking stub: signatures of the real Compose API (BOM 2024.12: ui/foundation/runtime
// 1.7, material3 1.3, material-icons-extended 1.7), for type-checking only; never shipped.
// Compiled without the Compose compiler plugin: @Composable is a plain annotation here.
@file:Suppress("unused", "UNUSED_PARAMETER", "NOTHING_TO_INLINE")

package androidx.compose.material.icons

object Icons {
    val Default = Filled

    object Filled
    object Outlined

    object AutoMirrored {
        object Filled
        object Outlined
    }
}
