// Material 3 with the system's dynamic colours where available, and how each of the core's
// Tones looks: the three verdict colours the door's card fills with, the accent, plain, muted.
package cn.photoday.app.ui.theme

import android.os.Build
import androidx.compose.foundation.isSystemInDarkTheme
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.darkColorScheme
import androidx.compose.material3.dynamicDarkColorScheme
import androidx.compose.material3.dynamicLightColorScheme
import androidx.compose.material3.lightColorScheme
import androidx.compose.runtime.Composable
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.platform.LocalContext
import cn.photoday.core.Tone

private val Green = Color(0xFF1B873F)
private val Amber = Color(0xFFF2A900)
private val Red = Color(0xFFC62828)

/** A line's text colour in this tone. */
@Composable
fun Tone.text(): Color = when (this) {
    Tone.PLAIN -> MaterialTheme.colorScheme.onSurface
    Tone.GOOD -> Green
    Tone.ATTENTION -> if (isSystemInDarkTheme()) Amber else Color(0xFF8A5A00)
    Tone.REFUSED -> if (isSystemInDarkTheme()) Color(0xFFEF9A9A) else Red
    Tone.ACCENT -> MaterialTheme.colorScheme.primary
    Tone.MUTED -> MaterialTheme.colorScheme.onSurfaceVariant
}

/** A card's (or a message's) fill in this tone: the verdict colours, readable at the door. */
@Composable
fun Tone.fill(): Color = when (this) {
    Tone.PLAIN, Tone.MUTED -> MaterialTheme.colorScheme.surfaceVariant
    Tone.GOOD -> Green
    Tone.ATTENTION -> Amber
    Tone.REFUSED -> Red
    Tone.ACCENT -> MaterialTheme.colorScheme.primaryContainer
}

/** Text on [fill]: black on amber reads better in daylight. */
@Composable
fun Tone.onFill(): Color = when (this) {
    Tone.PLAIN, Tone.MUTED -> MaterialTheme.colorScheme.onSurfaceVariant
    Tone.GOOD, Tone.REFUSED -> Color.White
    Tone.ATTENTION -> Color.Black
    Tone.ACCENT -> MaterialTheme.colorScheme.onPrimaryContainer
}

private val LightColors = lightColorScheme(primary = Color(0xFF1B5E20), secondary = Color(0xFF00695C))
private val DarkColors = darkColorScheme(primary = Color(0xFF81C784), secondary = Color(0xFF4DB6AC))

@Composable
fun PhotoDayTheme(content: @Composable () -> Unit) {
    val dark = isSystemInDarkTheme()
    val context = LocalContext.current
    val scheme = when {
        Build.VERSION.SDK_INT >= Build.VERSION_CODES.S ->
            if (dark) dynamicDarkColorScheme(context) else dynamicLightColorScheme(context)
        dark -> DarkColors
        else -> LightColors
    }
    MaterialTheme(colorScheme = scheme, content = content)
}
