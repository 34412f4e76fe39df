// Draws a QR code from the core's modules with a whole number of screen pixels per module and a
// 4-module quiet zone, black on white: scaled bitmaps blur module edges and make door scanners
// hesitate (DESIGN §3).
package cn.photoday.app.ui.common

import androidx.compose.foundation.Canvas
import androidx.compose.foundation.layout.BoxWithConstraints
import androidx.compose.foundation.layout.size
import androidx.compose.runtime.Composable
import androidx.compose.runtime.remember
import androidx.compose.ui.Modifier
import androidx.compose.ui.geometry.Offset
import androidx.compose.ui.geometry.Size
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.platform.LocalDensity
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import cn.photoday.core.QrCode

@Composable
fun QrImage(qr: QrCode, description: String, modifier: Modifier = Modifier) {
    BoxWithConstraints(modifier) {
        val density = LocalDensity.current
        val available = with(density) { minOf(maxWidth, maxHeight).toPx() }.toInt().coerceAtLeast(1)
        // The core's rule for the module size, so both apps draw the same code the same way.
        val px = remember(qr, available) { qr.pxPerModule(available.toUInt()).toInt() }
        val width = qr.width.toInt()
        val quiet = qr.quietZone.toInt()
        val side = (width + 2 * quiet) * px
        val dark = remember(qr) { qr.dark.toBooleanArray() }
        Canvas(
            Modifier
                .size(with(density) { side.toDp() })
                .semantics { contentDescription = description },
        ) {
            drawRect(Color.White, Offset.Zero, Size(side.toFloat(), side.toFloat()))
            val module = Size(px.toFloat(), px.toFloat())
            for (y in 0 until width) for (x in 0 until width) {
                if (dark[y * width + x]) {
                    drawRect(Color.Black, Offset(((x + quiet) * px).toFloat(), ((y + quiet) * px).toFloat()), module)
                }
            }
        }
    }
}
