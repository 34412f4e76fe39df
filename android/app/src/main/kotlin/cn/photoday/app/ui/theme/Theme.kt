// Material 3 with the system's dynamic colours where available, and the three verdict colours
// the door screen fills with (the core picks which; the app only knows how they look).
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
import cn.photoday.core.Colour

private val Green = Color(0xFF1B873F)
private val Amber = Color(0xFFF2A900)
private val Red = Color(0xFFC62828)

/** The fill of a verdict screen. */
fun Colour.fill(): Color = when (this) {
    Colour.GREEN -> Green
    Colour.AMBER -> Amber
    Colour.RED -> Red
}

/** Text on a verdict fill: black on amber reads better in daylight. */
fun Colour.onFill(): Color = if (this == Colour.AMBER) Color.Black else Color.White

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
