// Reading and writing the files the user picks through the system (Storage Access Framework,
// photo picker, "open with"): no storage permission is needed for any of them.
package cn.photoday.app.ui.common

import android.content.ContentResolver
import android.net.Uri
import java.io.IOException

/** Larger than any bundle, log or 采集码 screenshot; guards against a wrong pick of a video. */
private const val MAX_BYTES = 32 * 1024 * 1024

/** The bytes behind [uri], or null when it cannot be read or is too large. Blocking: call on IO. */
fun ContentResolver.readBytes(uri: Uri): ByteArray? = try {
    openInputStream(uri)?.use { input ->
        val out = java.io.ByteArrayOutputStream()
        val buf = ByteArray(64 * 1024)
        while (true) {
            val n = input.read(buf)
            if (n < 0) break
            out.write(buf, 0, n)
            if (out.size() > MAX_BYTES) return null
        }
        out.toByteArray()
    }
} catch (e: IOException) {
    null
} catch (e: SecurityException) {
    null
}

/** Writes [bytes] to [uri] (from CreateDocument); false on failure. Blocking: call on IO. */
fun ContentResolver.writeBytes(uri: Uri, bytes: ByteArray): Boolean = try {
    openOutputStream(uri, "wt")?.use { it.write(bytes) } != null
} catch (e: IOException) {
    false
} catch (e: SecurityException) {
    false
}
