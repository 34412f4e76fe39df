// Turns a door log's QR text into modules for QrImage, with ZXing's encoder. (The pass's code
// comes from the core itself; the core has no such call for log codes yet, see README.)
package cn.photoday.app.camera

import cn.photoday.core.QrCode
import com.google.zxing.EncodeHintType
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel
import com.google.zxing.qrcode.encoder.Encoder

object ZxingQrEncoder {
    fun encode(text: String): QrCode {
        val qr = Encoder.encode(text, ErrorCorrectionLevel.M, mapOf(EncodeHintType.CHARACTER_SET to "UTF-8"))
        val m = qr.matrix
        val w = m.width
        return QrCode(
            version = qr.version.versionNumber.toUByte(),
            ecc = "M",
            width = w.toUInt(),
            quietZone = 4u,
            dark = List(w * w) { i -> m.get(i % w, i / w).toInt() == 1 },
        )
    }
}
