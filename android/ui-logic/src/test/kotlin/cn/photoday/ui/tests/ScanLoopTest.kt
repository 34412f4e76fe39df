// The scan loop against the real core: what the door's and the studio's screens show when a
// camera keeps decoding passes and 采集码, and when they go back to scanning by themselves.
package cn.photoday.ui.tests

import cn.photoday.core.AsideReason
import cn.photoday.core.Colour
import cn.photoday.core.Lang
import cn.photoday.core.NumberStatus
import cn.photoday.core.Role
import cn.photoday.core.ScannerApp
import cn.photoday.core.eventTemplate
import cn.photoday.ui.staff.ScanLoop
import cn.photoday.ui.staff.ScanLoopConfig
import cn.photoday.ui.staff.ScanNotice
import cn.photoday.ui.staff.Signal
import cn.photoday.ui.staff.StaffScanUiState
import cn.photoday.ui.staff.StaffStep
import kotlin.test.*

private val MORNING = beijing("2023-06-03T09:35")
private val CONFIG = ScanLoopConfig(debounceMs = 2_000, admittedMs = 2_500, attentionMs = 6_000)

/** What a 学信网 采集码 QR reads as: only its shape counts. */
private const val COLLECTION_CODE = "https://m.chsi.com.cn/xlcj/code?c=8F3A2C9E71B04D5A"

private class Phone(val app: ScannerApp, lang: Lang = Lang.ZH, start: Long = MORNING) {
    val clock = FakeClock(start)
    val loop = ScanLoop({ app }, clock, { lang }, CONFIG).apply { start() }

    fun showing(): StaffScanUiState.Showing =
        loop.state.value as? StaffScanUiState.Showing ?: fail("expected a verdict on screen, got ${loop.state.value}")

    fun scanning(): StaffScanUiState.Scanning =
        loop.state.value as? StaffScanUiState.Scanning ?: fail("expected scanning, got ${loop.state.value}")

    /** Shows [text] to the camera after the last verdict went away. */
    fun next(text: String) {
        clock.advance(3_000)
        loop.dismiss()
        assertTrue(loop.onFrame(text), "the loop should judge $text")
    }
}

private fun door(lang: Lang = Lang.ZH) = Phone(Fixtures.door(), lang)
private fun studio(checkCode: Boolean = false) = Phone(Fixtures.studio(checkCode = checkCode))

val scanLoopTests = listOf(
    test("a phone without bundle or station asks for the missing step before it scans") {
        val app = ScannerApp(Fixtures.db("door"))
        val loop = ScanLoop({ app }, FakeClock(MORNING), { Lang.ZH }, CONFIG)
        loop.start()
        assertEquals(StaffScanUiState.NeedsSetup(StaffStep.ImportBundle), loop.state.value)
        assertFalse(loop.onFrame(Fixtures.pass("it")), "nothing goes to the core before setup")
        app.importBundle(Fixtures.bytes("scanner.bundle"))
        loop.start()
        assertEquals(StaffScanUiState.NeedsSetup(StaffStep.ChooseStation), loop.state.value)
        app.setStation("一教104", Role.DOOR, null)
        loop.start()
        val s = loop.state.value as? StaffScanUiState.Scanning ?: fail("got ${loop.state.value}")
        assertEquals("一教104", s.station.room)
        assertEquals(Role.DOOR, s.station.role)
        assertEquals("信息技术与工程学院", s.station.college, "the room's college now, by the clock")
        assertFalse(s.station.numbers)
        assertNull(s.batch, "a door phone calls no batch")
    },

    test("at the door a valid pass turns the screen green: checked in, no number, a beep") {
        val door = door()
        assertTrue(door.loop.onFrame(Fixtures.pass("it")))
        val shown = door.showing()
        val card = shown.card
        assertEquals(Colour.GREEN, card.colour)
        assertEquals("已签到", card.headline)
        assertNull(card.photoNo, "numbers are given in the studio")
        assertNull(card.numberQr)
        assertFalse(card.awaitingCode)
        assertEquals(Fixtures.prop("it.name"), card.studentName)
        assertEquals(Fixtures.studentNo("it"), card.studentNo)
        assertEquals(Signal.Admitted, card.signal)
        assertNotNull(card.recordSeq)
        assertEquals(MORNING + 2_500, shown.returnAtMs)
        assertEquals(1L, shown.serial)
        assertNull(shown.batch)
    },

    test("the camera decoding the same pass frame after frame records it once") {
        val door = door()
        val pass = Fixtures.pass("it")
        val sent = (0 until 30).count {
            door.clock.advance(100)
            door.loop.onFrame(pass)
        }
        assertEquals(1, sent, "only the first frame reaches the core")
        // Still held up after the verdict went away by itself: still not judged again.
        door.loop.tick()
        door.scanning()
        repeat(20) {
            door.clock.advance(100)
            assertFalse(door.loop.onFrame(pass))
        }
        assertEquals(1u, door.app.stationAttendance(door.clock.now).arrived)
    },

    test("a pass shown again a few seconds later is the core's silent repeat; a minute later it is already checked in") {
        val door = door()
        val pass = Fixtures.pass("it")
        door.loop.onFrame(pass)
        door.clock.advance(2_500)
        door.loop.tick()
        door.scanning()
        // Out of view for longer than the debounce, back within the core's 5 seconds.
        door.clock.advance(2_100)
        assertTrue(door.loop.onFrame(pass))
        val again = door.showing().card
        assertTrue(again.repeat)
        assertEquals(Signal.None, again.signal, "no second beep")
        door.clock.advance(60_000)
        door.loop.tick()
        door.clock.advance(3_000)
        assertTrue(door.loop.onFrame(pass))
        val later = door.showing()
        assertEquals(Colour.AMBER, later.card.colour)
        assertEquals("已签到过", later.card.headline)
        assertEquals(Signal.Attention, later.card.signal)
        assertTrue(later.card.overridable, "a shared screenshot: staff check, then let through")
        assertNull(later.returnAtMs, "it waits for staff")
        assertEquals(1u, door.app.stationAttendance(door.clock.now).arrived)
    },

    test("a student at the wrong room gets an amber screen naming the right room, in the phone's language") {
        val door = door()
        assertTrue(door.loop.onFrame(Fixtures.pass("accounting")))
        val shown = door.showing()
        val accounting = eventTemplate("gzcc-2023").sessions[1]
        assertEquals(Colour.AMBER, shown.card.colour)
        assertEquals(accounting.room.zh, shown.card.rightRoom)
        assertEquals("一教108", shown.card.rightRoom)
        assertContains(shown.card.headline, "一教108")
        assertFalse(shown.card.overridable, "the right room is elsewhere: no override")
        assertEquals(MORNING + 6_000, shown.returnAtMs, "amber stays longer than green")

        val english = door(Lang.EN)
        english.loop.onFrame(Fixtures.pass("accounting"))
        assertEquals("Teaching Building 1, Room 108", english.showing().card.rightRoom)
        assertContains(english.showing().card.headline, "Wrong room")
    },

    test("the verdict goes back to scanning by itself when its time is up, or at a tap; the next pass waits") {
        val door = door()
        val (first, second) = Fixtures.session1.take(2).map { it.second }
        door.loop.onFrame(first)
        door.clock.advance(500)
        assertFalse(door.loop.onFrame(second), "staff are still reading the first verdict")
        door.clock.advance(1_999)
        door.loop.tick()
        assertEquals(1L, door.loop.millisUntilReturn())
        door.showing()
        door.clock.advance(1)
        door.loop.tick()
        assertNull(door.scanning().notice)
        assertNull(door.loop.millisUntilReturn())
        door.clock.advance(100)
        assertTrue(door.loop.onFrame(second))
        door.loop.dismiss()
        door.scanning()
    },

    test("a forged pass is red, refused with a low tone, and cannot be overridden") {
        val door = door()
        door.loop.onFrame(Fixtures.pass("forged"))
        val shown = door.showing()
        assertEquals(Colour.RED, shown.card.colour)
        assertEquals(Signal.Refused, shown.card.signal)
        assertFalse(shown.card.overridable)
        assertNull(shown.card.studentNo, "a forged pass proves no student number")
        door.loop.override("he says it is his")
        assertEquals(Colour.RED, door.showing().card.colour, "override does nothing on a forged pass")
        assertEquals(0u, door.app.stationAttendance(door.clock.now).arrived)
    },

    test("the studio asks for the 采集码 after a good pass, keeps the camera on, and numbers the student 001 when it is read") {
        val studio = studio(checkCode = true)
        val pass = Fixtures.pass("it")
        assertTrue(studio.loop.onFrame(pass))
        val ask = studio.showing()
        assertTrue(ask.card.awaitingCode)
        assertEquals("请出示采集码", ask.card.headline)
        assertNull(ask.returnAtMs, "it waits for the code or a skip")
        assertNull(ask.card.photoNo)
        // The pass is still in view: not judged again. Then the student holds up their 采集码.
        studio.clock.advance(300)
        assertFalse(studio.loop.onFrame(pass))
        studio.clock.advance(2_000)
        assertTrue(studio.loop.onFrame(COLLECTION_CODE))
        val shown = studio.showing()
        assertEquals(Colour.GREEN, shown.card.colour)
        assertEquals("001", shown.card.photoNo)
        assertEquals(1, shown.card.batch)
        assertFalse(shown.card.awaitingCode)
        assertTrue(shown.card.numberQr!!.startsWith("PDN1:"), "the student's app scans this")
        assertEquals(studio.clock.now + 2_500, shown.returnAtMs)
        assertEquals(listOf("001"), shown.batch?.members?.map { it.photoNo })
        assertContains(shown.batch!!.label, "第1批")
    },

    test("the studio skips the 采集码 check with one tap when the photographer checks it") {
        val studio = studio(checkCode = true)
        studio.loop.skipCodeCheck()
        studio.scanning()
        studio.loop.onFrame(Fixtures.pass("it"))
        assertTrue(studio.showing().card.awaitingCode)
        studio.loop.skipCodeCheck()
        assertEquals("001", studio.showing().card.photoNo)
    },

    test("a student without their 采集码 is stepped aside before a number; one numbered is voided and renumbered at the end") {
        val studio = studio(checkCode = true)
        val (a, b, c) = Fixtures.session1.take(3)
        studio.loop.onFrame(a.second)
        studio.loop.stepAside(studio.showing().card.studentNo!!, AsideReason.NO_COLLECTION_CODE, "没保存")
        assertEquals(ScanNotice.SteppedAside(null, a.first), studio.scanning().notice)
        assertNull(studio.app.waitingForCode())

        studio.app.setCheckCode(false)
        studio.next(b.second)
        studio.next(c.second)
        studio.loop.stepAside(b.first, AsideReason.CLOTHES, null)
        val back = studio.scanning()
        assertEquals(ScanNotice.SteppedAside("001", b.first), back.notice)
        assertEquals(listOf(NumberStatus.VOIDED, NumberStatus.WAITING), back.batch?.members?.map { it.status })
        assertEquals(listOf(c.first), back.batch?.waiting?.map { it.studentNo })

        studio.next(b.second)
        val again = studio.showing().card
        assertEquals("003", again.photoNo, "a voided number is never handed out again")
        assertContains(again.detail, "重新编号", message = "the core says they were renumbered")
    },

    test("\"batch shot\" closes the batch: its students are photographed and the next batch starts") {
        val studio = studio()
        Fixtures.session1.take(3).forEach { studio.next(it.second) }
        studio.loop.dismiss()
        studio.loop.closeBatch()
        val s = studio.scanning()
        val notice = s.notice as? ScanNotice.BatchClosed ?: fail("got ${s.notice}")
        assertEquals(3, notice.photographed)
        assertContains(notice.label, "第1批")
        assertNull(s.batch)
        assertEquals(3u, studio.app.stationAttendance(studio.clock.now).photographed)
        studio.loop.closeBatch()
        assertTrue(studio.scanning().notice is ScanNotice.Failed, "no open batch: the core says so")
        studio.next(Fixtures.session1[3].second)
        assertEquals(2, studio.showing().card.batch)
    },

    test("undo cancels a check-in at the door, and a number at the studio that is then not reused") {
        val door = door()
        door.loop.onFrame(Fixtures.pass("it"))
        door.clock.advance(10_000)
        door.loop.undo()
        assertEquals(ScanNotice.Undone(null, Fixtures.studentNo("it")), door.scanning().notice)
        assertEquals(0u, door.app.stationAttendance(door.clock.now).arrived)

        val studio = studio()
        studio.loop.onFrame(Fixtures.pass("it"))
        studio.clock.advance(10_000)
        studio.loop.undo()
        assertEquals(ScanNotice.Undone("001", Fixtures.studentNo("it")), studio.scanning().notice)
        studio.next(Fixtures.pass("it"))
        assertEquals("002", studio.showing().card.photoNo)
        studio.loop.dismiss()
        studio.loop.undoLast()
        assertEquals(ScanNotice.Undone("002", Fixtures.studentNo("it")), studio.scanning().notice)
    },

    test("off the roster the studio waits for staff; override with a reason numbers the student") {
        val studio = studio()
        studio.loop.onFrame(Fixtures.pass("not-on-roster"))
        val shown = studio.showing()
        assertEquals(Colour.AMBER, shown.card.colour)
        assertTrue(shown.card.overridable)
        assertNull(shown.returnAtMs)
        studio.loop.override("转专业，教务处电话确认")
        assertEquals("001", studio.showing().card.photoNo)
        assertEquals(1u, studio.app.stationAttendance(studio.clock.now).notOnRoster)
    },

    test("manual check-in by number checks a student in without a phone; a typo is caught first") {
        val door = door()
        val (number, _) = Fixtures.session1[2]
        door.loop.checkIn("  $number ", "忘带手机")
        val card = door.showing().card
        assertEquals(Colour.GREEN, card.colour)
        assertEquals(number, card.studentNo)
        door.loop.dismiss()
        door.loop.checkIn("2020l0001", null)
        assertEquals(ScanNotice.NotANumber("2020l0001"), door.scanning().notice)
    },

    test("the ninth student of the studio starts batch 2") {
        val studio = studio()
        Fixtures.session1.take(9).forEach { studio.next(it.second) }
        val last = studio.showing()
        assertEquals("009", last.card.photoNo)
        assertEquals(2, last.card.batch)
        assertEquals(1, last.batch?.number, "batch 1 is still open until it is closed")
        assertEquals(8, last.batch?.members?.size)
    },

    test("一教209's door follows the hand-over: 国际学院 is told to wait at 14:20, and the label changes at 14:30") {
        val phone = Phone(Fixtures.door("一教209"), start = beijing("2023-06-04T14:20"))
        assertEquals("管理学院", phone.scanning().station.college)
        assertTrue(phone.loop.onFrame(Fixtures.passes(10)[0].second))
        val early = phone.showing().card
        assertEquals(Colour.AMBER, early.colour)
        assertContains(early.headline, "14:30")
        assertNull(early.rightRoom, "never sent to the room they stand in")
        phone.clock.now = beijing("2023-06-04T14:31")
        phone.loop.dismiss()
        assertEquals("国际学院", phone.scanning().station.college)
    },
)

val clockWarningTests = listOf(
    test("a door phone whose clock is months off shows the core's warning on the verdict") {
        val app = Fixtures.door()
        val loop = ScanLoop({ app }, FakeClock(beijing("2023-09-01T09:35")), { Lang.ZH }, CONFIG)
        loop.start()
        loop.onFrame(Fixtures.pass("it"))
        val shown = loop.state.value as? StaffScanUiState.Showing ?: fail("got ${loop.state.value}")
        assertContains(shown.card.clockWarning ?: fail("no clock warning"), "2023-06-03")
        assertTrue(shown.card.overridable, "outside the window: staff may still let them through")
    },
)
