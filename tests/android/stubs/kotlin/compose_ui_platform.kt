// Type-checking stub: signatures of the real Compose API (BOM 2024.12: ui/foundation/runtime
// 1.7, material3 1.3), for type-checking only; never shipped. Compiled without the Compose
// compiler plugin: @Composable is a plain annotation here.
@file:Suppress("unused", "UNUSED_PARAMETER", "NOTHING_TO_INLINE")

package androidx.compose.ui.platform

import android.content.Context
import android.view.View
import androidx.compose.runtime.ProvidableCompositionLocal
import androidx.compose.ui.text.AnnotatedString
import androidx.compose.ui.unit.Density

val LocalContext: ProvidableCompositionLocal<Context> = TODO()
val LocalView: ProvidableCompositionLocal<View> = TODO()
val LocalDensity: ProvidableCompositionLocal<Density> = TODO()
val LocalClipboardManager: ProvidableCompositionLocal<ClipboardManager> = TODO()

interface ClipboardManager {
    fun setText(annotatedString: AnnotatedString)
    fun getText(): AnnotatedString?
    fun hasText(): Boolean = TODO()
}
