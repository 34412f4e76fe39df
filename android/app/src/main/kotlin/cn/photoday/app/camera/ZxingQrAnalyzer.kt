// Decodes QR codes in CameraX frames with ZXing's core library: pure Java, no Google Play
// services (which most phones in mainland China do not have), no network. Only the luminance
// plane is read; every text goes on to the core, whose door loop decides what is new. The
// decoding itself is QrLumaDecoder, which tests/qr_bench measures on the JVM.
package cn.photoday.app.camera

import androidx.camera.core.ImageAnalysis
import androidx.camera.core.ImageProxy

class ZxingQrAnalyzer(private val onText: (String) -> Unit) : ImageAnalysis.Analyzer {
    private val decoder = QrLumaDecoder()
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
            val text = decoder.decode(luma, width, height)
            if (!text.isNullOrEmpty()) onText(text)
        }
    }
}
