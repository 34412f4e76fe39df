// ZXing Java's luma → text step, as the Android app's first camera path ran it (ZxingQrAnalyzer),
// free of Android types so it runs on a plain JVM. The app no longer has it (QrFrameAnalyzer hands
// frames to the core's decodeLuma, which reads about twice as many) nor ZXing; it stays here as
// the baseline this benchmark compares the core's decoder with (AndroidDecoderBench.kt).

import com.google.zxing.BarcodeFormat
import com.google.zxing.BinaryBitmap
import com.google.zxing.DecodeHintType
import com.google.zxing.PlanarYUVLuminanceSource
import com.google.zxing.ReaderException
import com.google.zxing.common.HybridBinarizer
import com.google.zxing.qrcode.QRCodeReader

/** Reads one QR code from a greyscale frame (`width × height` bytes, no row padding). Not thread-safe. */
class QrLumaDecoder {
    private val reader = QRCodeReader()
    private val hints = mapOf(
        DecodeHintType.POSSIBLE_FORMATS to listOf(BarcodeFormat.QR_CODE),
        DecodeHintType.CHARACTER_SET to "UTF-8",
    )

    /** The text of the code in view, or null if none could be read. */
    fun decode(luma: ByteArray, width: Int, height: Int): String? {
        val source = PlanarYUVLuminanceSource(luma, width, height, 0, 0, width, height, false)
        return try {
            reader.decode(BinaryBitmap(HybridBinarizer(source)), hints).text
        } catch (e: ReaderException) {
            null
        } finally {
            reader.reset()
        }
    }
}
