// Runs the Android app's first camera decoding (QrLumaDecoder.kt here, ZXing core) on the
// benchmark's frames on the JVM and writes DIR/results-android.tsv in the core's columns. The
// first frames are decoded once beforehand so the JIT has compiled ZXing before anything is timed.
//     java -cp zxing-core.jar:kotlin-stdlib.jar:bench.jar AndroidDecoderBenchKt DIR
import java.io.File

private fun readPgm(file: File): Triple<ByteArray, Int, Int> {
    val data = file.readBytes()
    var pos = 0
    fun token(): String {
        val start = pos
        while (data[pos] != ' '.code.toByte() && data[pos] != '\n'.code.toByte()) pos++
        return String(data, start, pos++ - start)
    }
    check(token() == "P5") { "$file is not a binary PGM" }
    val w = token().toInt()
    val h = token().toInt()
    token() // maxval
    return Triple(data.copyOfRange(pos, pos + w * h), w, h)
}

fun main(args: Array<String>) {
    val dir = File(args[0])
    val lines = File(dir, "manifest.tsv").readLines()
    val header = lines.first().split('\t')
    val rows = lines.drop(1).filter { it.isNotBlank() }.map { header.zip(it.split('\t')).toMap() }
    val decoder = QrLumaDecoder()
    for (row in rows.take(60)) {
        val (luma, w, h) = readPgm(File(dir, row.getValue("pgm")))
        decoder.decode(luma, w, h)
    }
    val out = StringBuilder("decoder\tid\tok\tus\tcheck\n")
    val start = System.nanoTime()
    for (row in rows) {
        val (luma, w, h) = readPgm(File(dir, row.getValue("pgm")))
        val t = System.nanoTime()
        val text = decoder.decode(luma, w, h)
        val us = (System.nanoTime() - t) / 1000
        val ok = if (text == row.getValue("text")) 1 else 0
        out.append("android\t${row.getValue("id")}\t$ok\t$us\t-\n")
    }
    File(dir, "results-android.tsv").writeText(out.toString())
    System.err.println("android: ${rows.size} images in ${(System.nanoTime() - start) / 1_000_000_000} s")
}
