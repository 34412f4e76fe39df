// Decodes QR codes in CameraX frames with ZXing's core library: pure Java, no Google Play
// services (which most phones in mainland China do not have), no network. Only the luminance
// plane is read; the text goes to the scan loop, which decides what is new.
package cn.photoday.app.camera

import androidx.camera.core.ImageAnalysis
import androidx.camera.core.ImageProxy
import com.google.zxing.BarcodeFormat
import com.google.zxing.BinaryBitmap
import com.google.zxing.DecodeHintType
import com.google.zxing.PlanarYUVLuminanceSource
import com.google.zxing.ReaderException
import com.google.zxing.common.HybridBinarizer
import com.google.zxing.qrcode.QRCodeReader

class ZxingQrAnalyzer(private val onText: (String) -> Unit) : ImageAnalysis.Analyzer {
    private val reader = QRCodeReader()
    private val hints = mapOf(
        DecodeHintType.POSSIBLE_FORMATS to listOf(BarcodeFormat.QR_CODE),
        DecodeHintType.CHARACTER_SET to "UTF-8",
    )
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
            val source = PlanarYUVLuminanceSource(luma, width, height, 0, 0, width, height, false)
            val text = try {
                reader.decode(BinaryBitmap(HybridBinarizer(source)), hints).text
            } catch (e: ReaderException) {
                null
            } finally {
                reader.reset()
            }
            if (!text.isNullOrEmpty()) onText(text)
        }
    }
}
