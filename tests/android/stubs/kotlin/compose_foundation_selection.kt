// Type-checking stub: signatures of the real Compose API (BOM 2024.12: ui/foundation/runtime
// 1.7, material3 1.3), for type-checking only; never shipped. Compiled without the Compose
// compiler plugin: @Composable is a plain annotation here.
@file:Suppress("unused", "UNUSED_PARAMETER", "NOTHING_TO_INLINE")

package androidx.compose.foundation.selection

import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.Role

fun Modifier.toggleable(
    value: Boolean,
    enabled: Boolean = true,
    role: Role? = null,
    onValueChange: (Boolean) -> Unit,
): Modifier = TODO()
