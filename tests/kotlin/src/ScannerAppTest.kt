// A day at the door and in the studio through ScannerApp, as the staff app makes it: bundle,
// room and role; door check-ins; the studio's pass → 采集码 → 摄影编号; step aside and come back;
// closing a batch; rooms that hand over; overrides, manual check-in, undo, attendance, and logs
// passed to other phones by file and by QR codes; one import call that recognises what it is
// handed. The door loop on the same object is DoorLoopTest.kt.

import cn.photoday.core.*
import java.awt.image.BufferedImage
import java.io.ByteArrayOutputStream
import java.util.Collections
import java.util.concurrent.Callable
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import javax.imageio.ImageIO
import kotlin.test.*

private val MORNING = beijing("2023-06-03T09:35")

/** What a 学信网 采集码 QR reads as: only its shape counts. */
const val COLLECTION_CODE = "https://m.chsi.com.cn/xlcj/code?c=8F3A2C9E71B04D5A"

/** A phone at [room] in [role], with photo-number letter [lane]. */
fun station(
    role: Role,
    lane: Lane? = null,
    room: String = "一教104",
    db: String = Fixtures.db(role.name.lowercase()),
): ScannerApp = ScannerApp(db).apply {
    importBundle(Fixtures.bytes("scanner.bundle"))
    setStation(room, role, lane)
}

private fun door(db: String = Fixtures.db("door")) = station(Role.DOOR, db = db)

/** A studio phone whose photographer checks the 采集码 (no code step), so a pass numbers at once. */
private fun studio(lane: Lane? = null) = station(Role.STUDIO, lane).apply { setCheckCode(false) }

private fun checkedIn(o: ScanOutcome): Verdict.CheckedIn =
    o.verdict as? Verdict.CheckedIn ?: fail("expected CheckedIn, got ${o.verdict}: ${o.detail.zh}")

fun numbered(o: ScanOutcome): Verdict.Numbered =
    o.verdict as? Verdict.Numbered ?: fail("expected Numbered, got ${o.verdict}: ${o.detail.zh}")

private fun outside(o: ScanOutcome): Verdict.OutsideWindow =
    o.verdict as? Verdict.OutsideWindow ?: fail("expected OutsideWindow, got ${o.verdict}: ${o.detail.zh}")

val scannerAppTests = listOf(
    test("a staff phone needs its bundle, then a room of the event and a role") {
        val app = ScannerApp(Fixtures.db("door"))
        assertTrue(app.deviceId().isNotBlank())
        assertTrue(app.rooms().isEmpty())
        assertFailsWith<PhotoDayException.NotReady> { app.scan(Fixtures.pass("it"), MORNING) }
        assertFailsWith<PhotoDayException.BadBundle> { app.importBundle(Fixtures.bytes("student.bundle")) }
        val summary = app.importBundle(Fixtures.bytes("scanner.bundle"))
        assertEquals(Fixtures.prop("event.id"), summary.eventId)
        assertEquals(10u, summary.sessions)
        assertEquals(Fixtures.prop("students").toUInt(), summary.students)
        assertTrue(summary.withNames)
        assertFalse(summary.replaced)
        assertEquals(listOf("一教104", "一教108", "一教206", "一教209"), app.rooms().sorted())
        assertFailsWith<PhotoDayException.NotReady> { app.scan(Fixtures.pass("it"), MORNING) }
        val unknown = assertFailsWith<PhotoDayException.InvalidInput> { app.setStation("二教101", Role.DOOR, null) }
        assertContains(unknown.message!!, "一教104", message = "the message lists the rooms")
        val setup = app.setStation("一教 104", Role.STUDIO, Lane.A)
        assertEquals(Station("一教104", Role.STUDIO, Lane.A, true), setup.station, "the studio checks the 采集码 by default")
        assertNull(setup.warning)
        assertEquals(setup.station, app.station())
        assertEquals(Station("一教104", Role.DOOR, null, false), app.setStation("一教104", Role.DOOR, null).station)
        assertEquals(Tolerance(30u, 15u), app.tolerance())
    },

    test("a door phone checks a student into the queue, green, with no number, durable before it shows") {
        val db = Fixtures.db("door")
        val app = door(db)
        val out = app.scan(Fixtures.pass("it"), MORNING)
        val v = checkedIn(out)
        assertEquals(Fixtures.studentNo("it"), v.studentNo)
        assertEquals(Fixtures.prop("it.name"), v.name)
        assertEquals(Fixtures.prop("it.class"), v.className)
        assertEquals(Via.PASS, v.via)
        assertEquals(Colour.GREEN, out.colour)
        assertEquals("已签到", out.headline.zh)
        assertNull(out.numberQr, "numbers are given in the studio")
        assertNotNull(out.recordSeq)
        assertNull(app.currentBatch(MORNING), "a door phone calls no batches")
        // Another handle on the same file (as after a killed app) already sees the check-in.
        val afterKill = ScannerApp(db)
        assertEquals(Station("一教104", Role.DOOR, null, false), afterKill.station())
        val seen = afterKill.stationAttendance(MORNING)
        assertEquals(1u, seen.arrived)
        assertEquals(0u, seen.numbered)
        assertEquals(0u, seen.photographed)
    },

    test("the same pass again within seconds is a repeat; a minute later it is already checked in, overridable") {
        val app = door()
        val first = app.scan(Fixtures.pass("it"), MORNING)
        val again = app.scan(Fixtures.pass("it"), MORNING + 2_000)
        assertTrue(again.repeat)
        assertEquals(first.verdict, again.verdict)
        val later = app.scan(Fixtures.pass("it"), MORNING + 60_000)
        val v = later.verdict as? Verdict.AlreadyCheckedIn ?: fail("got ${later.verdict}")
        assertTrue(v.thisDevice)
        assertEquals("09:35", v.at)
        assertEquals(Colour.AMBER, later.colour)
        assertTrue(later.overridable, "the shared-screenshot case: staff check, then let through")
        assertEquals(1u, app.stationAttendance(MORNING).arrived)
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
        assertEquals(Fixtures.studentNo("replaced"), checkedIn(app.scan(Fixtures.pass("replaced-new"), MORNING)).studentNo)

        val foreign = app.scan(Fixtures.pass("other-event"), MORNING)
        assertTrue(foreign.verdict is Verdict.UnknownKey, "${foreign.verdict}")
        assertEquals(Colour.RED, foreign.colour)

        val url = app.scan("https://weixin.qq.com/r/abc", MORNING)
        assertEquals(Verdict.NotAPass(NotAPassHint.LOOKS_LIKE_URL), url.verdict)
        assertEquals(Verdict.NotAPass(NotAPassHint.EMPTY), app.scan("  ", MORNING).verdict)
        assertEquals(
            Verdict.NotAPass(NotAPassHint.LOOKS_LIKE_COLLECTION_CODE),
            app.scan(COLLECTION_CODE, MORNING).verdict,
            "at the door a 采集码 is only told apart from a pass",
        )
        assertEquals(1u, app.stationAttendance(MORNING).arrived, "only the new pass got in")
    },

    test("outside the window or off the roster, staff may let a student through with a reason, and only with one") {
        val app = door()
        val lunch = beijing("2023-06-03T13:00")
        val holder = Fixtures.session1[5]
        val early = outside(app.scan(holder.pass, lunch))
        assertEquals(Timing.TOO_EARLY, early.timing)
        assertEquals(60L, early.minutes)
        assertEquals("14:00", early.at)
        assertFailsWith<PhotoDayException.InvalidInput> { app.overridePass(holder.pass, "  ", lunch) }
        assertEquals(Via.OVERRIDE, checkedIn(app.overridePass(holder.pass, "下午有课，辅导员同意", lunch)).via)

        val s = studio()
        val stranger = s.scan(Fixtures.pass("not-on-roster"), MORNING)
        assertEquals(Verdict.NotOnRoster(Fixtures.studentNo("missing")), stranger.verdict)
        assertTrue(stranger.overridable)
        assertEquals(Via.OVERRIDE, numbered(s.overridePass(Fixtures.pass("not-on-roster"), "教务处电话确认", MORNING)).via)
        assertEquals(1u, s.stationAttendance(MORNING).notOnRoster)
    },

    test("a student without a phone is checked in by number; undo frees them; at the studio an undone number is not reused") {
        val app = door()
        val holder = Fixtures.session1[3]
        val byHand = app.checkInByNumber(holder.studentNo, "忘带手机", null, MORNING)
        val v = checkedIn(byHand)
        assertEquals(Via.MANUAL, v.via)
        assertEquals(holder.name, v.name)
        val undo = app.undo(byHand.recordSeq!!, MORNING + 60_000)
        assertEquals("check_in", undo.undone)
        assertNull(undo.photoNo)
        assertEquals(holder.studentNo, undo.studentNo)
        val twice = assertFailsWith<PhotoDayException.AlreadyUndone> { app.undo(byHand.recordSeq!!, MORNING + 61_000) }
        assertContains(twice.text.zh, "已经撤销")
        assertEquals(0u, app.stationAttendance(MORNING).arrived)
        assertFailsWith<PhotoDayException.InvalidInput> { app.checkInByNumber(0u, null, null, MORNING) }

        val s = studio()
        val first = s.checkInByNumber(holder.studentNo, "忘带手机", null, MORNING)
        assertEquals("001", numbered(first).photoNo)
        val undone = s.undo(first.recordSeq!!, MORNING + 60_000)
        assertEquals("number", undone.undone)
        assertEquals("001", undone.photoNo)
        val again = s.scan(holder.pass, MORNING + 120_000)
        assertEquals("002", numbered(again).photoNo, "001 is not handed out twice")
        val tooLate = assertFailsWith<PhotoDayException.UndoTooOld> { s.undo(again.recordSeq!!, MORNING + 120_000 + 6 * 60_000) }
        assertContains(tooLate.text.en, "5 minutes")
        assertContains(tooLate.text.zh, "暂离", message = "a Chinese screen says what to do instead")
        assertEquals("002", s.undoLast(MORNING + 180_000).photoNo)
    },

    test("the studio numbers a student after their pass and their 采集码: ShowCollectionCode, then 001") {
        val s = station(Role.STUDIO)
        val holder = Fixtures.session1[0]
        val ask = s.scan(holder.pass, MORNING)
        val v = ask.verdict as? Verdict.ShowCollectionCode ?: fail("got ${ask.verdict}")
        assertEquals(holder.studentNo, v.studentNo)
        assertEquals(holder.name, v.name)
        assertEquals("请出示采集码", ask.headline.zh)
        assertNull(ask.recordSeq, "nothing is recorded before the 采集码")
        assertNull(ask.numberQr)
        assertEquals(holder.studentNo, s.waitingForCode())
        assertNull(s.currentBatch(MORNING))

        val out = s.scan(COLLECTION_CODE, MORNING + 5_000)
        val n = numbered(out)
        assertEquals(holder.studentNo, n.studentNo)
        assertEquals("001", n.photoNo)
        assertEquals(1u, n.batch)
        assertTrue(n.doorUnseen, "no door phone's log reached this studio phone")
        assertFalse(n.renumbered)
        assertEquals(Colour.GREEN, out.colour)
        assertContains(out.headline.zh, "001")
        assertNotNull(out.recordSeq)
        assertTrue(out.numberQr!!.startsWith("PDN1:"), out.numberQr)
        assertFalse(out.numberQr!!.contains("8F3A2C9E71B04D5A"), "the 采集码's content is never kept")
        assertNull(s.waitingForCode())
        assertEquals(listOf("001"), s.currentBatch(MORNING)?.members?.map { it.photoNo })
        val list = s.attendance().sessions[0]
        assertEquals(1u, list.numbered)
        assertEquals(0u, list.photographed, "numbered is not photographed")
    },

    test("the studio skips the 采集码 check with one tap, or switches it off") {
        val s = station(Role.STUDIO, Lane.B)
        assertFailsWith<PhotoDayException.NotReady> { s.skipCodeCheck(MORNING) }
        val (a, b) = Fixtures.session1.take(2)
        assertTrue(s.scan(a.pass, MORNING).verdict is Verdict.ShowCollectionCode)
        val skipped = numbered(s.skipCodeCheck(MORNING + 3_000))
        assertEquals(a.studentNo, skipped.studentNo)
        assertEquals("B001", skipped.photoNo)
        assertFailsWith<PhotoDayException.NotReady> { s.skipCodeCheck(MORNING + 4_000) }

        assertFalse(s.setCheckCode(false).checkCode)
        assertEquals("B002", numbered(s.scan(b.pass, MORNING + 10_000)).photoNo, "no 采集码 step when it is off")
    },

    test("the letter picker offers no letter first, then A…F, each in the core's words; a studio set to B numbers B001") {
        val choices = laneChoices()
        assertEquals(listOf(null, Lane.A, Lane.B, Lane.C, Lane.D, Lane.E, Lane.F), choices.map { it.lane })
        assertTrue(choices.all { it.label.zh.isNotBlank() && it.label.en.isNotBlank() })
        assertEquals(choices.size, choices.map { it.label.zh }.toSet().size, "one label each")
        assertContains(choices[2].label.zh, "B")
        val b = studio(choices[2].lane)
        assertEquals(Lane.B, b.station()?.lane)
        assertEquals("B001", numbered(b.scan(Fixtures.session1[0].pass, MORNING)).photoNo)
        val plain = studio(choices[0].lane)
        assertNull(plain.station()?.lane)
        assertEquals("001", numbered(plain.scan(Fixtures.session1[1].pass, MORNING)).photoNo)
    },

    test("a student the door checked in is numbered at the studio without the door-unseen note") {
        val d = door()
        val s = studio()
        val (seen, unseen) = Fixtures.session1.take(2)
        checkedIn(d.scan(seen.pass, MORNING))
        s.importLog(d.exportLog(MORNING + 60_000))
        assertFalse(numbered(s.scan(seen.pass, MORNING + 120_000)).doorUnseen)
        val n = numbered(s.scan(unseen.pass, MORNING + 130_000))
        assertTrue(n.doorUnseen)
        assertContains(s.scan(unseen.pass, MORNING + 200_000).headline.zh, "002", message = "already numbered, with the number")
        val a = s.stationAttendance(MORNING + 200_000)
        assertEquals(2u, a.arrived)
        assertEquals(2u, a.numbered)
    },

    test("a student stepped aside loses their number for good and is renumbered at the end when back") {
        val s = studio()
        val (first, second, third) = Fixtures.session1.take(3)
        for ((i, h) in listOf(first, second, third).withIndex()) numbered(s.scan(h.pass, MORNING + i * 10_000L))
        val aside = s.stepAside(second.studentNo, AsideReason.NO_COLLECTION_CODE, "采集码没保存", MORNING + 60_000)
        assertEquals("002", aside.photoNo)
        assertEquals(AsideReason.NO_COLLECTION_CODE, aside.reason)
        val batch = s.currentBatch(MORNING + 60_000) ?: fail("no batch")
        assertEquals(
            listOf(NumberStatus.WAITING, NumberStatus.VOIDED, NumberStatus.WAITING),
            batch.members.map { it.status },
        )
        assertEquals(AsideReason.NO_COLLECTION_CODE, batch.members[1].aside)

        // Back with the code on their phone ten minutes later: a new number at the end.
        val back = numbered(s.scan(second.pass, MORNING + 600_000))
        assertEquals("004", back.photoNo)
        assertTrue(back.renumbered)
        val list = s.photoList(1u)
        assertEquals(listOf("001", "002", "003", "004"), list.map { it.photoNo })
        assertEquals(NumberStatus.VOIDED, list[1].status)
        assertEquals(second.studentNo, list[3].studentNo)
        assertEquals(1u, s.stationAttendance(MORNING + 600_000).steppedAside)
    },

    test("closing a batch records its students photographed; attendance and the 补拍 list follow") {
        val d = door()
        val s = studio()
        assertFailsWith<PhotoDayException.NotReady> { s.closeBatch(MORNING) }
        val three = Fixtures.session1.take(3)
        three.forEachIndexed { i, h -> checkedIn(d.scan(h.pass, MORNING - 60_000 + i * 10_000L)) }
        s.importLog(d.exportLog(MORNING))
        three.forEachIndexed { i, h -> numbered(s.scan(h.pass, MORNING + i * 10_000L)) }
        s.stepAside(three[2].studentNo, AsideReason.NOT_PRESENT, null, MORNING + 40_000)
        val closed = s.closeBatch(MORNING + 120_000)
        assertEquals(2u, closed.photographed)
        assertEquals(1u, closed.batch.number)
        assertEquals(
            listOf(NumberStatus.PHOTOGRAPHED, NumberStatus.PHOTOGRAPHED, NumberStatus.VOIDED),
            closed.batch.members.map { it.status },
        )
        assertNull(s.currentBatch(MORNING + 120_000), "batch 1 is done; batch 2 has nobody yet")
        val a = s.stationAttendance(MORNING + 120_000)
        assertEquals(2u, a.photographed)
        assertEquals(3u, a.arrived)
        assertEquals(a.expected - 2u, a.absentees.size.toUInt(), "补拍 list = roster − photographed")
        assertEquals(listOf(three[2].studentNo), a.arrivedNotPhotographed.map { it.studentNo })
        assertEquals(2u, a.classes.sumOf { it.photographed })
        assertFailsWith<PhotoDayException.InvalidInput> {
            s.stepAside(three[0].studentNo, AsideReason.GLASSES, null, MORNING + 130_000)
        }
        val next = numbered(s.scan(Fixtures.session1[3].pass, MORNING + 140_000))
        assertEquals("004", next.photoNo)
        assertEquals(2u, next.batch, "after a closed batch the next student starts batch 2")
    },

    test("attendance words each class's line and the two lists' headings with their counts") {
        val s = studio()
        val three = Fixtures.session1.take(3)
        three.forEachIndexed { i, h -> numbered(s.scan(h.pass, MORNING + i * 10_000L)) }
        s.stepAside(three[2].studentNo, AsideReason.NOT_PRESENT, null, MORNING + 40_000)
        s.closeBatch(MORNING + 120_000)
        val a = s.stationAttendance(MORNING + 120_000)
        assertTrue(a.classes.isNotEmpty())
        for (c in a.classes) {
            assertContains(c.line.zh, c.className)
            assertContains(c.line.zh, "${c.photographed}/${c.expected}")
            assertContains(c.line.en, "${c.photographed}/${c.expected}")
        }
        assertEquals(2u, a.classes.sumOf { it.photographed })
        val absent = a.absentees.size
        assertEquals(a.expected - 2u, absent.toUInt())
        assertContains(a.absenteesTitle.zh, "$absent 人")
        assertContains(a.absenteesTitle.en, "$absent")
        assertEquals(listOf(three[2].studentNo), a.arrivedNotPhotographed.map { it.studentNo })
        assertContains(a.arrivedNotPhotographedTitle.zh, "1 人")
        assertContains(a.arrivedNotPhotographedTitle.en, "1")
    },

    test("一教209 hands over at 14:30: 国际学院 waits at 14:20, 管理学院 is too late at 14:31") {
        val mgmt = Fixtures.holders(9)
        val intl = Fixtures.holders(10)
        val d = station(Role.DOOR, room = "一教209")
        val t1420 = beijing("2023-06-04T14:20")
        val t1431 = beijing("2023-06-04T14:31")
        assertEquals(9.toUByte(), d.sessionNow(t1420))
        assertEquals(10.toUByte(), d.sessionNow(t1431))

        val early = d.scan(intl[0].pass, t1420)
        val e = outside(early)
        assertEquals(Timing.TOO_EARLY, e.timing)
        assertEquals("14:30", e.at)
        assertEquals(10L, e.minutes)
        assertContains(early.headline.zh, "14:30")
        assertFalse(early.headline.zh.contains("走错"), "never sent to the room they stand in")
        checkedIn(d.scan(mgmt[0].pass, beijing("2023-06-04T14:29")))

        val late = d.scan(mgmt[1].pass, t1431)
        val l = outside(late)
        assertEquals(Timing.TOO_LATE, l.timing)
        assertEquals("14:30", l.at)
        assertContains(l.makeupPlace.zh, "府前路")
        assertContains(late.detail.zh, "补拍", message = "the way out is the 补拍")
        assertTrue(late.overridable)
        checkedIn(d.scan(intl[1].pass, t1431 + 10_000))
        assertEquals(1u, d.stationAttendance(t1431).arrived, "the room's attendance is 国际学院's now")
    },

    test("a second studio phone numbering the room under the same prefix is warned; a merge names a clash") {
        val a = studio()
        val b = ScannerApp(Fixtures.db("studio")).apply { importBundle(Fixtures.bytes("scanner.bundle")) }
        numbered(a.scan(Fixtures.session1[0].pass, MORNING))
        b.importLog(a.exportLog(MORNING + 10_000))
        val warned = b.setStation("一教104", Role.STUDIO, null)
        assertContains(warned.warning?.zh ?: fail("no warning"), a.deviceId())
        assertNull(b.setStation("一教104", Role.STUDIO, Lane.B).warning, "its own letter: no clash")

        // Two phones without letters that never met both give 001: the merge says so loudly.
        val c = studio()
        numbered(c.scan(Fixtures.session1[1].pass, MORNING + 20_000))
        val summary = a.importLog(c.exportLog(MORNING + 30_000))
        assertTrue(summary.warnings.isNotEmpty(), "an import that finds a clash says so")
        val clash = a.attendance().clashes.single()
        assertEquals("001", clash.photoNo)
        assertEquals(setOf(Fixtures.session1[0].studentNo, Fixtures.session1[1].studentNo), clash.holders.map { it.studentNo }.toSet())
        assertTrue(clash.advice.zh.isNotBlank())
    },

    test("two phones merge their logs by file, idempotently, and a student numbered on both is flagged") {
        val a = studio(Lane.A)
        val b = studio(Lane.B)
        assertNotEquals(a.deviceId(), b.deviceId())
        val twice = Fixtures.session1[0]
        assertEquals("A001", numbered(a.scan(twice.pass, MORNING)).photoNo)
        numbered(a.scan(Fixtures.session1[1].pass, MORNING + 10_000))
        // Before any merge B does not know, so it numbers the same student again.
        assertEquals("B001", numbered(b.scan(twice.pass, MORNING + 30_000)).photoNo)

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
        assertEquals(2u, b.stationAttendance(MORNING).numbered)
        val seen = b.scan(Fixtures.session1[1].pass, MORNING + 90_000)
        val already = seen.verdict as? Verdict.AlreadyNumbered ?: fail("got ${seen.verdict}")
        assertEquals("A002", already.photoNo)
        assertEquals(a.deviceId(), already.device)
        assertFalse(already.thisDevice)
        assertFalse(already.photographed)
        assertNotNull(seen.numberQr, "the student can still take their number")

        a.importLog(b.exportLog(MORNING + 120_000))
        assertEquals(b.attendance().duplicates, a.attendance().duplicates)
        assertFailsWith<PhotoDayException.BadLog> { a.importLog(fromA.copyOf(fromA.size - 5)) }
        assertFailsWith<PhotoDayException.BadLog> { a.importLog("PDL nonsense".toByteArray()) }
    },

    test("a log travels as QR codes shown on one phone and scanned on another in any order") {
        val a = door()
        Fixtures.session1.take(12).forEachIndexed { i, h -> checkedIn(a.scan(h.pass, MORNING + i * 10_000L)) }
        val codes = a.exportLogQr(MORNING + 200_000)
        assertTrue(codes.size > 1, "${codes.size} codes")
        assertTrue(codes.all { it.startsWith("PDL1:") })
        val c = door()
        val receipts = codes.reversed().map { c.receiveLogQr(it) }
        assertTrue(receipts.dropLast(1).all { it.imported == null })
        assertEquals(codes.size.toUInt(), receipts.last().progress.received)
        assertTrue(receipts.last().progress.missing.isEmpty())
        assertTrue(receipts.last().imported!!.added >= 12u)
        assertEquals(12u, c.stationAttendance(MORNING).arrived)
        assertFailsWith<PhotoDayException.InvalidInput> { c.receiveLogQr(Fixtures.pass("it")) }
    },

    test("a staff phone imports whatever it is handed by content: bundle, log file, log codes, a photo of one; a student pack or a pass is refused with what to do") {
        val app = ScannerApp(Fixtures.db("door"))
        val pack = assertFailsWith<PhotoDayException.InvalidInput> { app.importAny(Fixtures.bytes("student.bundle")) }
        assertContains(pack.text.zh, "学生")
        val pass = assertFailsWith<PhotoDayException.InvalidInput> { app.importAny(Fixtures.pass("it").toByteArray()) }
        assertContains(pass.text.zh, "扫码界面")
        val bundle = app.importAny(Fixtures.bytes("scanner.bundle"))
        assertEquals(StaffImportKind.BUNDLE, bundle.kind)
        assertEquals(Fixtures.prop("students").toUInt(), bundle.bundle?.students)
        assertTrue(bundle.text.zh.startsWith("已导入"), bundle.text.zh)
        app.setStation("一教104", Role.DOOR, null)

        val a = door()
        Fixtures.session1.take(12).forEachIndexed { i, h -> checkedIn(a.scan(h.pass, MORNING + i * 10_000L)) }
        val file = app.importAny(a.exportLog(MORNING + 200_000))
        assertEquals(StaffImportKind.LOG, file.kind)
        assertEquals(12u, file.log?.added)
        assertTrue(file.text.zh.startsWith("已合并 12 条新记录"), file.text.zh)

        val b = door()
        Fixtures.session1.drop(12).take(12).forEachIndexed { i, h -> checkedIn(b.scan(h.pass, MORNING + i * 10_000L)) }
        val codes = b.exportLogQr(MORNING + 200_000)
        assertTrue(codes.size > 1)
        val first = app.importAny(png(qrCode(codes[0])))
        assertEquals(StaffImportKind.LOG_CODE, first.kind, "a photo of the first code")
        assertEquals(1u, first.progress?.received)
        assertEquals("已收到 1/${codes.size} 个记录二维码", first.text.zh)
        val last = codes.drop(1).map { app.importAny(it.toByteArray()) }.last()
        assertEquals(12u, last.log?.added)
        assertEquals(24u, app.stationAttendance(MORNING).arrived)
    },

    test("a half-received log QR transfer is abandoned for another phone's; the finished one's code left on screen does not block the next") {
        val (a, b) = List(2) { k ->
            door().apply { Fixtures.session1.drop(k * 12).take(12).forEachIndexed { i, h -> checkedIn(scan(h.pass, MORNING + i * 10_000L)) } }
        }
        val fromA = a.exportLogQr(MORNING + 200_000)
        val fromB = b.exportLogQr(MORNING + 200_000)
        val c = door()
        c.receiveLogQr(fromA[0])
        val other = assertFailsWith<PhotoDayException.LogCodeOtherSequence> { c.receiveLogQr(fromB[0]) }
        assertTrue(other.text.zh.isNotBlank())
        assertEquals(1u, c.abandonLogQr())
        val done = fromB.map { c.receiveLogQr(it) }.last()
        assertEquals(12u, done.imported?.added)
        val stillOnScreen = c.receiveLogQr(fromB.last())
        assertTrue(stillOnScreen.progress.alreadyMerged)
        assertNull(stillOnScreen.imported)
        val next = c.receiveLogQr(fromA[1])
        assertFalse(next.progress.alreadyMerged)
        assertEquals(1u, next.progress.received, "the next phone's codes start the next transfer")
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
        val app = studio()
        val holders = Fixtures.session1.take(16)
        val pool = Executors.newFixedThreadPool(8)
        val numbers = Collections.synchronizedList(mutableListOf<String>())
        try {
            holders.mapIndexed { i, h ->
                pool.submit(Callable { numbers.add(numbered(app.scan(h.pass, MORNING + i)).photoNo) })
            }.forEach { it.get(60, TimeUnit.SECONDS) }
        } finally {
            pool.shutdownNow()
        }
        assertEquals((1..16).map { "%03d".format(it) }.toSet(), numbers.toSet())
        assertEquals(16u, app.stationAttendance(MORNING).numbered)
    },
) + doorLoopTests

/** A QR code drawn black on white, 4 pixels a module with its quiet zone, as a PNG: a photo of a screen, ideal. */
private fun png(qr: QrCode): ByteArray {
    val w = qr.width.toInt()
    val q = qr.quietZone.toInt()
    val side = (w + 2 * q) * 4
    val img = BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY)
    for (y in 0 until side) for (x in 0 until side) {
        val mx = x / 4 - q
        val my = y / 4 - q
        val dark = mx in 0 until w && my in 0 until w && qr.dark[my * w + mx]
        img.raster.setSample(x, y, 0, if (dark) 0 else 255)
    }
    return ByteArrayOutputStream().also { ImageIO.write(img, "png", it) }.toByteArray()
}
