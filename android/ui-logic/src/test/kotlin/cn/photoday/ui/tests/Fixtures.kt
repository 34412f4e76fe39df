// What the 教务处 hands to phones, made fresh for each run by the bindings' fixture maker
// (bindings/examples/kotlin_fixtures.rs; tests/android/run.sh passes its folder as
// -Dphotoday.fixtures), scratch databases, and a clock the tests move by hand.
package cn.photoday.ui.tests

import cn.photoday.ui.Clock
import java.io.File
import java.nio.file.Files
import java.time.OffsetDateTime
import java.util.Properties

/** Unix milliseconds of a Beijing-time moment written `2023-06-03T09:10`. */
fun beijing(local: String): Long = OffsetDateTime.parse("$local:00+08:00").toInstant().toEpochMilli()

/** A clock that moves only when a test says so. */
class FakeClock(var now: Long) : Clock {
    override fun nowMs() = now
    fun advance(ms: Long) {
        now += ms
    }
}

object Fixtures {
    val dir = File(System.getProperty("photoday.fixtures") ?: "target/android-fixtures")

    private val props: Properties by lazy {
        val f = File(dir, "fixtures.properties")
        check(f.isFile) { "no $f: run tests/android/run.sh, which makes the fixtures first" }
        Properties().apply { f.reader(Charsets.UTF_8).use { load(it) } }
    }

    fun prop(key: String): String = props.getProperty(key) ?: error("fixtures.properties has no $key")
    fun studentNo(key: String): String = prop("$key.student_no")
    fun bytes(name: String): ByteArray = File(dir, name).readBytes()
    fun pass(name: String): String = File(dir, "$name.pass").readText(Charsets.UTF_8)

    /** Pass texts of every student of session 1 (信息技术与工程学院, 一教104), by student number. */
    val session1: List<Pair<String, String>> by lazy { passes(1) }

    /** Pass texts of a session the fixtures list (1; 9 管理学院 and 10 国际学院 of 一教209). */
    fun passes(session: Int): List<Pair<String, String>> =
        File(dir, "session$session.passes").readLines(Charsets.UTF_8).filter { it.isNotBlank() }.map {
            val (no, _, text) = it.split('\t')
            no to text
        }

    private val scratch: File by lazy {
        Files.createTempDirectory("photoday-android-").toFile().also { root ->
            Runtime.getRuntime().addShutdownHook(Thread { root.deleteRecursively() })
        }
    }
    private var n = 0

    /** A fresh database path in a scratch folder deleted when the run ends. */
    @Synchronized
    fun db(name: String): String = File(scratch, "${++n}-$name.db").path
}
