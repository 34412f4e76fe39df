// What the 教务处 hands to phones, made fresh for each run by bindings/examples/kotlin_fixtures.rs
// (tests/kotlin/run.sh passes its folder as -Dphotoday.fixtures), and scratch databases.

import java.io.File
import java.nio.file.Files
import java.util.Properties

/** One session-1 student with their pass. */
data class Holder(val studentNo: ULong, val name: String, val pass: String)

object Fixtures {
    val dir = File(System.getProperty("photoday.fixtures") ?: "target/kotlin-fixtures")

    private val props: Properties by lazy {
        val f = File(dir, "fixtures.properties")
        check(f.isFile) { "no $f: run tests/kotlin/run.sh, which makes the fixtures first" }
        Properties().apply { f.reader(Charsets.UTF_8).use { load(it) } }
    }

    fun prop(key: String): String = props.getProperty(key) ?: error("fixtures.properties has no $key")
    fun studentNo(key: String): ULong = prop("$key.student_no").toULong()
    fun bytes(name: String): ByteArray = File(dir, name).readBytes()
    fun pass(name: String): String = File(dir, "$name.pass").readText(Charsets.UTF_8)

    /** Every student of session 1 (信息技术与工程学院) with their current pass, by student number. */
    val session1: List<Holder> by lazy { holders(1) }

    /**
     * Every student of a session the fixtures list (1; 9 管理学院 and 10 国际学院, who share 一教209
     * on 6月4日) with their current pass, by student number.
     */
    fun holders(session: Int): List<Holder> =
        File(dir, "session$session.passes").readLines(Charsets.UTF_8).filter { it.isNotBlank() }.map {
            val (no, name, text) = it.split('\t')
            Holder(no.toULong(), name, text)
        }

    private val scratch: File by lazy {
        Files.createTempDirectory("photoday-kotlin-").toFile().also { root ->
            Runtime.getRuntime().addShutdownHook(Thread { root.deleteRecursively() })
        }
    }
    private var n = 0

    /** A fresh database path in a scratch folder deleted when the run ends. */
    @Synchronized
    fun db(name: String): String = File(scratch, "${++n}-$name.db").path

    /** A path in the scratch folder for a file of the test's own. */
    @Synchronized
    fun file(name: String): File = File(scratch, "${++n}-$name")
}
