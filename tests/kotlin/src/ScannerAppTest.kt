// A door morning through ScannerApp, as the staff app makes it: bundle, station, scans of valid,
// wrong-room, repeated, forged and replaced passes, overrides, manual check-in, undo, the batch,
// attendance, and logs passed to other phones by file and by QR codes.

import cn.photoday.core.*
import java.util.Collections
import java.util.concurrent.Callable
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import kotlin.test.*

private val MORNING = beijing("2023-06-03T09:35")

/** A door phone at 一教104 (session 1) with photo-number letter [lane]. */
private fun door(lane: String? = "A", db: String = Fixtures.db("door")): ScannerApp {
    val app = ScannerApp(db)
    app.importBundle(Fixtures.bytes("scanner.bundle"))
    app.setStation(1u, lane)
    return app
}

private fun admitted(o: ScanOutcome): Verdict.Admitted =
    o.verdict as? Verdict.Admitted ?: fail("expected Admitted, got ${o.verdict}: ${o.detail.zh}")

val scannerAppTests = listOf(
    test("a door phone needs its bundle and its station before it scans") {
        val app = ScannerApp(Fixtures.db("door"))
        assertTrue(app.deviceId().isNotBlank())
        assertFailsWith<PhotoDayException.NotReady> { app.scan(Fixtures.pass("it"), MORNING) }
        assertFailsWith<PhotoDayException.BadBundle> { app.importBundle(Fixtures.bytes("student.bundle")) }
        val summary = app.importBundle(Fixtures.bytes("scanner.bundle"))
        assertEquals("gzcc-2023", summary.eventId)
        assertEquals(10u, summary.sessions)
        assertEquals(Fixtures.prop("students").toUInt(), summary.students)
        assertTrue(summary.withNames)
        assertFalse(summary.replaced)
        assertFailsWith<PhotoDayException.NotReady> { app.scan(Fixtures.pass("it"), MORNING) }
        assertFailsWith<PhotoDayException.InvalidInput> { app.setStation(11u, null) }
        assertFailsWith<PhotoDayException.InvalidInput> { app.setStation(1u, "AB") }
        assertEquals(Station(1u, "A"), app.setStation(1u, "a"))
        assertEquals(Tolerance(30u, 15u), app.tolerance())
    },

    test("a valid pass is admitted green with photo number A001 in batch 1, durable before it shows") {
        val db = Fixtures.db("door")
        val app = door(db = db)
        val out = app.scan(Fixtures.pass("it"), MORNING)
        val v = admitted(out)
        assertEquals(Fixtures.studentNo("it"), v.studentNo)
        assertEquals(Fixtures.prop("it.name"), v.name)
        assertEquals("A001", v.photoNo)
        assertEquals(1u, v.batch)
        assertEquals(Via.PASS, v.via)
        assertEquals(Colour.GREEN, out.colour)
        assertContains(out.headline.zh, "A001")
        assertFalse(out.repeat)
        assertNull(out.clockWarning)
        assertNotNull(out.recordSeq)
        // Another handle on the same file (as after a killed app) already sees the admission.
        val afterKill = ScannerApp(db)
        assertEquals(Station(1u, "A"), afterKill.station())
        assertEquals(1u, afterKill.stationAttendance().admitted)
    },

    test("the same pass again within seconds is a repeat; a minute later it is already admitted") {
        val app = door()
        val first = app.scan(Fixtures.pass("it"), MORNING)
        val again = app.scan(Fixtures.pass("it"), MORNING + 2_000)
        assertTrue(again.repeat)
        assertEquals(first.verdict, again.verdict)
        val later = app.scan(Fixtures.pass("it"), MORNING + 60_000)
        val v = later.verdict as? Verdict.AlreadyAdmitted ?: fail("got ${later.verdict}")
        assertEquals("A001", v.photoNo)
        assertTrue(v.thisDevice)
        assertEquals("09:35", v.at)
        assertEquals(Colour.AMBER, later.colour)
        assertEquals(1u, app.stationAttendance().admitted)
    },

    test("a student at the wrong room is told the right one") {
        val out = door().scan(Fixtures.pass("accounting"), MORNING)
        val v = out.verdict as? Verdict.WrongSession ?: fail("got ${out.verdict}")
        assertEquals(Fixtures.studentNo("accounting"), v.studentNo)
        assertEquals(2.toUByte(), v.session)
        assertEquals("会计学院", v.college.zh)
        assertEquals("一教108", v.room.zh)
        assertEquals("2023-06-03", v.date)
        assertEquals(Colour.AMBER, out.colour)
        assertContains(out.headline.zh, "一教108")
        assertNull(out.recordSeq)
    },

    test("forged, replaced and other-event passes are refused red, and a forgery cannot be overridden") {
        val app = door()
        val forged = app.scan(Fixtures.pass("forged"), MORNING)
        assertTrue(forged.verdict is Verdict.BadSignature, "${forged.verdict}")
        assertEquals(Colour.RED, forged.colour)
        assertFalse(forged.overridable)
        val stillForged = app.overridePass(Fixtures.pass("forged"), "他说是真的", MORNING + 10_000)
        assertTrue(stillForged.verdict is Verdict.BadSignature, "${stillForged.verdict}")

        val old = app.scan(Fixtures.pass("replaced-old"), MORNING)
        val r = old.verdict as? Verdict.Revoked ?: fail("got ${old.verdict}")
        assertEquals(Fixtures.studentNo("replaced"), r.studentNo)
        assertEquals(Colour.RED, old.colour)
        assertEquals(Fixtures.studentNo("replaced"), admitted(app.scan(Fixtures.pass("replaced-new"), MORNING)).studentNo)

        val foreign = app.scan(Fixtures.pass("other-event"), MORNING)
        assertTrue(foreign.verdict is Verdict.UnknownKey, "${foreign.verdict}")
        assertEquals(Colour.RED, foreign.colour)

        val url = app.scan("https://weixin.qq.com/r/abc", MORNING)
        assertEquals(Verdict.NotAPass(NotAPassHint.LOOKS_LIKE_URL), url.verdict)
        assertEquals(Verdict.NotAPass(NotAPassHint.EMPTY), app.scan("  ", MORNING).verdict)
        assertEquals(1u, app.stationAttendance().admitted, "only the new pass got in")
    },

    test("outside the window or off the roster, staff may admit with a reason, and only with one") {
        val app = door()
        val lunch = beijing("2023-06-03T13:00")
        val holder = Fixtures.session1[5]
        val early = app.scan(holder.pass, lunch)
        val v = early.verdict as? Verdict.OutsideWindow ?: fail("got ${early.verdict}")
        assertEquals(Timing.TOO_EARLY, v.timing)
        assertEquals(60L, v.minutes)
        assertTrue(early.overridable)
        assertFailsWith<PhotoDayException.InvalidInput> { app.overridePass(holder.pass, "  ", lunch) }
        val over = admitted(app.overridePass(holder.pass, "下午有课，辅导员同意", lunch))
        assertEquals(Via.OVERRIDE, over.via)

        val stranger = app.scan(Fixtures.pass("not-on-roster"), MORNING)
        assertEquals(Verdict.NotOnRoster(Fixtures.studentNo("missing")), stranger.verdict)
        assertTrue(stranger.overridable)
        assertEquals(Via.OVERRIDE, admitted(app.overridePass(Fixtures.pass("not-on-roster"), "教务处电话确认", MORNING)).via)
        assertEquals(1u, app.stationAttendance().notOnRoster)
    },

    test("a student without a phone is checked in by number; undo frees them and the number is not reused") {
        val app = door()
        val holder = Fixtures.session1[3]
        val byHand = app.checkInByNumber(holder.studentNo, "忘带手机", null, MORNING)
        val v = admitted(byHand)
        assertEquals(Via.MANUAL, v.via)
        assertEquals("A001", v.photoNo)
        assertEquals(holder.name, v.name)

        val undo = app.undo(byHand.recordSeq!!, MORNING + 60_000)
        assertEquals("A001", undo.photoNo)
        assertEquals(holder.studentNo, undo.studentNo)
        assertFailsWith<PhotoDayException.InvalidInput> { app.undo(byHand.recordSeq!!, MORNING + 61_000) }
        assertEquals(0u, app.stationAttendance().admitted)

        val again = app.scan(holder.pass, MORNING + 120_000)
        assertEquals("A002", admitted(again).photoNo, "A001 is not handed out twice")
        val tooLate = assertFailsWith<PhotoDayException.InvalidInput> { app.undo(again.recordSeq!!, MORNING + 120_000 + 6 * 60_000) }
        assertContains(tooLate.message!!, "5 minutes")
        assertEquals("A002", app.undoLast(MORNING + 180_000).photoNo)
        assertFailsWith<PhotoDayException.InvalidInput> { app.checkInByNumber(0u, null, null, MORNING) }
    },

    test("the batch being called in lists its members in photo-number order") {
        val app = door()
        assertNull(app.currentBatch())
        Fixtures.session1.take(10).forEachIndexed { i, h -> admitted(app.scan(h.pass, MORNING + i * 10_000L)) }
        val batch = assertNotNull(app.currentBatch())
        assertEquals(2u, batch.number)
        assertEquals(8u, batch.size)
        assertEquals(listOf("A009", "A010"), batch.members.map { it.photoNo })
        assertEquals(Fixtures.session1.drop(8).take(2).map { it.studentNo }, batch.members.map { it.studentNo })
        assertEquals(Fixtures.session1[8].name, batch.members[0].name)
    },

    test("attendance counts the session and lists the absentees for the 补拍") {
        val app = door()
        Fixtures.session1.take(3).forEachIndexed { i, h -> app.scan(h.pass, MORNING + i * 10_000L) }
        val mine = app.stationAttendance()
        assertEquals(1.toUByte(), mine.session)
        assertEquals("一教104", mine.room.zh)
        assertEquals("Teaching Building 1, Room 104", mine.room.en)
        assertEquals(Fixtures.session1.size.toUInt(), mine.expected)
        assertEquals(3u, mine.admitted)
        assertEquals(Fixtures.session1.drop(3).map { it.studentNo }.toSet(), mine.absentees.map { it.studentNo }.toSet())
        assertEquals(mine.expected, mine.classes.sumOf { it.expected })
        val all = app.attendance()
        assertEquals(10, all.sessions.size)
        assertEquals(0u, all.sessions[1].admitted)
        assertTrue(all.duplicates.isEmpty())
    },

    test("two phones merge their logs by file, idempotently, and a student admitted on both is flagged") {
        val a = door("A")
        val b = door("B")
        assertNotEquals(a.deviceId(), b.deviceId())
        val twice = Fixtures.session1[0]
        assertEquals("A001", admitted(a.scan(twice.pass, MORNING)).photoNo)
        admitted(a.scan(Fixtures.session1[1].pass, MORNING + 10_000))
        // Before any merge B does not know, so it admits the same student again.
        assertEquals("B001", admitted(b.scan(twice.pass, MORNING + 30_000)).photoNo)

        val fromA = a.exportLog(MORNING + 60_000)
        val first = b.importLog(fromA)
        assertTrue(first.added > 0u)
        assertEquals(listOf(a.deviceId()), first.devices)
        val second = b.importLog(fromA)
        assertEquals(0u, second.added)
        assertEquals(first.added, second.known)

        val dup = b.attendance().duplicates.single()
        assertEquals(twice.studentNo, dup.studentNo)
        assertEquals("A001", dup.keep.photoNo)
        assertEquals(listOf("B001"), dup.void.map { it.photoNo })
        assertEquals(2u, b.stationAttendance().admitted)
        val seen = b.scan(Fixtures.session1[1].pass, MORNING + 90_000).verdict
        val already = seen as? Verdict.AlreadyAdmitted ?: fail("got $seen")
        assertEquals(a.deviceId(), already.device)
        assertFalse(already.thisDevice)

        a.importLog(b.exportLog(MORNING + 120_000))
        assertEquals(b.attendance().duplicates, a.attendance().duplicates)
        assertFailsWith<PhotoDayException.BadLog> { a.importLog(fromA.copyOf(fromA.size - 5)) }
        assertFailsWith<PhotoDayException.BadLog> { a.importLog("PDL nonsense".toByteArray()) }
    },

    test("a log travels as QR codes shown on one phone and scanned on another in any order") {
        val a = door("A")
        Fixtures.session1.take(12).forEachIndexed { i, h -> a.scan(h.pass, MORNING + i * 10_000L) }
        val codes = a.exportLogQr(MORNING + 200_000)
        assertTrue(codes.size > 1, "${codes.size} codes")
        assertTrue(codes.all { it.startsWith("PDL1:") })
        val c = door("C")
        val receipts = codes.reversed().map { c.receiveLogQr(it) }
        assertTrue(receipts.dropLast(1).all { it.imported == null })
        assertEquals(codes.size.toUInt(), receipts.last().progress.received)
        assertTrue(receipts.last().progress.missing.isEmpty())
        assertTrue(receipts.last().imported!!.added >= 12u)
        assertEquals(12u, c.stationAttendance().admitted)
        assertFailsWith<PhotoDayException.BadLog> { c.receiveLogQr(Fixtures.pass("it")) }
    },

    test("a door phone purges only after its log was exported and the save confirmed") {
        val app = door()
        app.scan(Fixtures.pass("it"), MORNING)
        assertFailsWith<PhotoDayException.NotReady> { app.purge() }
        app.exportLog(MORNING + 60_000)
        assertFailsWith<PhotoDayException.NotReady>("a cancelled save must not allow a purge") { app.purge() }
        assertEquals(1uL, app.confirmLogExported())
        app.purge()
        assertNull(app.event())
        assertNull(app.station())
        assertFailsWith<PhotoDayException.NotReady> { app.attendance() }
    },

    test("a phone whose clock is months off is warned on every scan") {
        val out = door().scan(Fixtures.pass("it"), beijing("2023-09-01T09:35"))
        assertNotNull(out.clockWarning)
        assertContains(out.clockWarning!!.zh, "2023-06-03")
        assertTrue(out.verdict is Verdict.OutsideWindow, "${out.verdict}")
    },

    test("scans from many threads at once never share a photo number") {
        val app = door()
        val holders = Fixtures.session1.take(16)
        val pool = Executors.newFixedThreadPool(8)
        val numbers = Collections.synchronizedList(mutableListOf<String>())
        try {
            holders.mapIndexed { i, h ->
                pool.submit(Callable { numbers.add(admitted(app.scan(h.pass, MORNING + i)).photoNo) })
            }.forEach { it.get(60, TimeUnit.SECONDS) }
        } finally {
            pool.shutdownNow()
        }
        assertEquals((1..16).map { "A%03d".format(it) }.toSet(), numbers.toSet())
        assertEquals(16u, app.stationAttendance().admitted)
    },
)
