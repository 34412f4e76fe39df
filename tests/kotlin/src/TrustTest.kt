// Trust between devices through ScannerApp, as the staff app shows it: the enrolment code a phone
// shows the 教务处, the event key fingerprint pinned by the first bundle, a replayed older or a
// rogue bundle refused, a forged log refused, and a log of a device not enrolled kept aside.

import cn.photoday.core.*
import java.io.File
import kotlin.test.*

private val TEN = beijing("2023-06-03T10:00")

/** The fixtures' enrolled door database, copied so each test has its own. */
private fun enrolledDoor(): ScannerApp {
    val db = Fixtures.db("enrolled")
    File(Fixtures.dir, "enrolled-door.db").copyTo(File(db))
    return ScannerApp(db)
}

val trustTests = listOf(
    test("a phone shows its enrolment code: text for the QR, the fingerprint to read aloud, its id") {
        val app = ScannerApp(Fixtures.db("door"))
        val code = app.enrolmentCode(" 一教104 门口 ")
        assertEquals(app.deviceId(), code.device)
        assertEquals("一教104 门口", code.station)
        assertEquals(code.device, code.fingerprint.replace("-", "").lowercase())
        assertTrue(code.text.startsWith("PDE1:${code.fingerprint}:"), code.text)
        assertTrue(code.text.endsWith(":一教104 门口"), code.text)
        // Same device, same code; a name is needed.
        assertEquals(code, app.enrolmentCode("一教104 门口"))
        val e = assertFailsWith<PhotoDayException.InvalidInput> { app.enrolmentCode("  ") }
        assertTrue(e.text.zh.isNotBlank() && e.text.en.isNotBlank())
    },

    test("the first bundle pins the event key: its fingerprint is the one event show prints") {
        val app = ScannerApp(Fixtures.db("door"))
        assertNull(app.pinnedKeyFingerprint())
        val s = app.importBundle(Fixtures.bytes("scanner.bundle"))
        assertEquals(Fixtures.prop("event.key_fingerprint"), s.keyFingerprint)
        assertEquals(s.keyFingerprint, app.pinnedKeyFingerprint())
        assertTrue(s.counter > 1uL, "the scanner bundle is not the folder's first")
        // A bundle from another folder with the same event id and the genuine key appended.
        val e = assertFailsWith<PhotoDayException.BadBundle> { app.importBundle(Fixtures.bytes("rogue.bundle")) }
        assertContains(e.text.en, "signed by another key")
        assertContains(e.text.en, s.keyFingerprint)
        assertContains(e.text.zh, "另一把密钥")
        assertEquals(s.keyFingerprint, app.pinnedKeyFingerprint(), "nothing changed")
        // A phone fooled by a rogue *first* bundle shows another fingerprint than event show.
        val fooled = ScannerApp(Fixtures.db("fooled"))
        val r = fooled.importBundle(Fixtures.bytes("rogue.bundle"))
        assertNotEquals(Fixtures.prop("event.key_fingerprint"), r.keyFingerprint)
        assertEquals(Fixtures.prop("rogue.key_fingerprint"), r.keyFingerprint)
    },

    test("a student's phone pins the event key too") {
        val app = StudentApp(Fixtures.db("student"))
        assertNull(app.pinnedKeyFingerprint())
        app.importBundle(Fixtures.bytes("student.bundle"))
        assertEquals(Fixtures.prop("event.key_fingerprint"), app.pinnedKeyFingerprint())
    },

    test("a replayed older bundle is refused, saying which one the phone holds") {
        val app = ScannerApp(Fixtures.db("door"))
        val s = app.importBundle(Fixtures.bytes("scanner.bundle"))
        val e = assertFailsWith<PhotoDayException.BadBundle> {
            app.importBundle(Fixtures.bytes("scanner-earlier.bundle"))
        }
        assertContains(e.text.en, "older")
        assertContains(e.text.en, "no. 1,")
        assertContains(e.text.en, "no. ${s.counter},")
        assertContains(e.text.zh, "第 ${s.counter} 号")
        // The phone still works on the bundle it had.
        app.setStation("一教104", Role.DOOR, null)
        assertIs<Verdict.CheckedIn>(app.scan(Fixtures.pass("it"), TEN).verdict)
    },

    test("a forged log is refused whole; a log of a device not enrolled is kept aside, not lost") {
        val app = enrolledDoor()
        assertEquals(Fixtures.prop("enrolled.device"), app.deviceId())
        val s = app.importBundle(Fixtures.bytes("enrolled.bundle"))
        assertEquals(Fixtures.prop("event.key_fingerprint"), s.keyFingerprint)
        assertEquals("一教104 门口 (${app.deviceId()})", app.deviceLabel(app.deviceId()))
        assertFailsWith<PhotoDayException.BadLog> { app.importLog(Fixtures.bytes("forged.log")) }
        assertTrue(app.keptAside().isEmpty(), "a forged log is not kept")
        val kept = app.importLog(Fixtures.bytes("stranger.log"))
        assertEquals(0u, kept.added)
        val k = kept.keptAside.single()
        assertEquals(Fixtures.prop("stranger.device"), k.device)
        assertEquals(Fixtures.prop("stranger.fingerprint"), k.fingerprint)
        assertEquals(1u, k.records)
        assertContains(k.text.en, "photoday device add")
        assertTrue(kept.warnings.any { it.zh.contains(k.fingerprint) })
        assertEquals(listOf(k), app.keptAside())
        // Twice is once.
        app.importLog(Fixtures.bytes("stranger.log"))
        assertEquals(1u, app.keptAside().single().records)
        app.setStation("一教104", Role.DOOR, null)
        assertEquals(0u, app.stationAttendance(TEN).arrived, "nothing of it merged")
    },
)
