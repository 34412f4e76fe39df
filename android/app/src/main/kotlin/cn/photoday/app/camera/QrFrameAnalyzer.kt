// Reads QR codes in CameraX frames with the core's decoder (decodeLuma): the one the 采集码 check
// and the pass-card import use, no Google Play services (which most phones in mainland China do
// not have), no network. On the benchmark's camera-like frames it reads about twice the frames
// ZXing Java reads (BENCHMARKS.md, "Each app's camera path"). Only the luminance plane is handed
// over; every text goes on to the core, whose door loop decides what is new.
package cn.photoday.app.camera

import androidx.camera.core.ImageAnalysis
import androidx.camera.core.ImageProxy
import cn.photoday.core.decodeLuma

class QrFrameAnalyzer(private val onText: (String) -> Unit) : ImageAnalysis.Analyzer {
    private var luma = ByteArray(0)

    override fun analyze(image: ImageProxy) {
        image.use {
            val plane = it.planes[0]
            val width = it.width
            val height = it.height
            val rowStride = plane.rowStride
            val buffer = plane.buffer.duplicate().apply { rewind() }
            if (luma.size != width * height) luma = ByteArray(width * height)
            // Rows may be padded (rowStride > width) and the last one may be short: copy row by row.
            for (row in 0 until height) {
                buffer.position(row * rowStride)
                buffer.get(luma, row * width, width)
            }
            decodeLuma(width.toUInt(), height.toUInt(), luma).filter(String::isNotEmpty).forEach(onText)
        }
    }
}
