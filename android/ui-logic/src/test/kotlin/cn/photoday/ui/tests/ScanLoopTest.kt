// The door's scan loop against the real core: what the screen shows when a camera keeps decoding
// passes, and when it goes back to scanning by itself.
package cn.photoday.ui.tests

import cn.photoday.core.Colour
import cn.photoday.core.Lang
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

private class Door(lane: String? = "A", lang: Lang = Lang.ZH) {
    val app: ScannerApp = Fixtures.door(lane)
    val clock = FakeClock(MORNING)
    val loop = ScanLoop({ app }, clock, { lang }, CONFIG).apply { start() }

    fun showing(): StaffScanUiState.Showing =
        loop.state.value as? StaffScanUiState.Showing ?: fail("expected a verdict on screen, got ${loop.state.value}")

    fun scanning(): StaffScanUiState.Scanning =
        loop.state.value as? StaffScanUiState.Scanning ?: fail("expected scanning, got ${loop.state.value}")
}

val scanLoopTests = listOf(
    test("a door phone without bundle or station asks for the missing step before it scans") {
        val app = ScannerApp(Fixtures.db("door"))
        val loop = ScanLoop({ app }, FakeClock(MORNING), { Lang.ZH }, CONFIG)
        loop.start()
        assertEquals(StaffScanUiState.NeedsSetup(StaffStep.ImportBundle), loop.state.value)
        assertFalse(loop.onFrame(Fixtures.pass("it")), "nothing goes to the core before setup")
        app.importBundle(Fixtures.bytes("scanner.bundle"))
        loop.start()
        assertEquals(StaffScanUiState.NeedsSetup(StaffStep.ChooseStation), loop.state.value)
        app.setStation(1u, "A")
        loop.start()
        val s = loop.state.value as? StaffScanUiState.Scanning ?: fail("got ${loop.state.value}")
        assertEquals("一教104", s.station.session.room)
        assertEquals("信息技术与工程学院", s.station.session.college)
        assertEquals("A", s.station.lane)
        assertNull(s.batch, "no admission yet")
    },

    test("a valid pass turns the screen green with photo number A001 and batch 1, then a beep") {
        val door = Door()
        assertTrue(door.loop.onFrame(Fixtures.pass("it")))
        val shown = door.showing()
        val card = shown.card
        assertEquals(Colour.GREEN, card.colour)
        assertEquals("A001", card.photoNo)
        assertEquals(1, card.batch)
        assertEquals(Fixtures.prop("it.name"), card.studentName)
        assertEquals(Fixtures.studentNo("it"), card.studentNo)
        assertContains(card.headline, "A001", message = "the core's headline, in Chinese")
        assertEquals(Signal.Admitted, card.signal)
        assertNotNull(card.recordSeq)
        assertFalse(card.repeat)
        assertNull(card.clockWarning)
        assertEquals(MORNING + 2_500, shown.returnAtMs)
        assertEquals(1L, shown.serial)
        assertEquals(listOf("A001"), shown.batch?.members?.map { it.photoNo })
    },

    test("the camera decoding the same pass frame after frame records it once") {
        val door = Door()
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
        assertEquals(1u, door.app.stationAttendance().admitted)
    },

    test("a pass shown again a few seconds later comes back as the core's repeat: same verdict, silent") {
        val door = Door()
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
        assertEquals("A001", again.photoNo)
        // A minute later the same pass is "already admitted", amber, with the first photo number.
        door.clock.advance(60_000)
        door.loop.tick()
        door.clock.advance(3_000)
        assertTrue(door.loop.onFrame(pass))
        val later = door.showing().card
        assertEquals(Colour.AMBER, later.colour)
        assertEquals("A001", later.photoNo)
        assertEquals(Signal.Attention, later.signal)
        assertEquals(1u, door.app.stationAttendance().admitted)
    },

    test("a student at the wrong room gets an amber screen naming the right room") {
        val door = Door()
        assertTrue(door.loop.onFrame(Fixtures.pass("accounting")))
        val shown = door.showing()
        val accounting = eventTemplate("gzcc-2023").sessions[1]
        assertEquals(Colour.AMBER, shown.card.colour)
        assertEquals(accounting.room.zh, shown.card.rightRoom)
        assertEquals("一教108", shown.card.rightRoom)
        assertContains(shown.card.headline, "一教108")
        assertNull(shown.card.photoNo)
        assertFalse(shown.card.overridable, "the right room is elsewhere: no override")
        assertEquals(MORNING + 6_000, shown.returnAtMs, "amber stays longer than green")
        assertEquals(0u, door.app.stationAttendance().admitted)
    },

    test("in English the wrong-room screen names the room in English") {
        val door = Door(lang = Lang.EN)
        door.loop.onFrame(Fixtures.pass("accounting"))
        val card = door.showing().card
        assertEquals("Teaching Building 1, Room 108", card.rightRoom)
        assertContains(card.headline, "Wrong room")
    },

    test("the verdict goes back to scanning by itself when its time is up, or at a tap") {
        val door = Door()
        door.loop.onFrame(Fixtures.pass("it"))
        door.clock.advance(2_499)
        door.loop.tick()
        assertEquals(1L, door.loop.millisUntilReturn())
        door.showing()
        door.clock.advance(1)
        door.loop.tick()
        val back = door.scanning()
        assertNull(back.notice)
        assertEquals(1, back.batch?.members?.size, "the batch being called in stays on the scanning screen")
        assertNull(door.loop.millisUntilReturn())

        // A second student; staff tap the verdict away at once.
        door.loop.onFrame(Fixtures.session1[1].second)
        assertEquals("A002", door.showing().card.photoNo)
        door.loop.dismiss()
        door.scanning()
    },

    test("another pass in view while a verdict shows waits until the screen is back to scanning") {
        val door = Door()
        val (first, second) = Fixtures.session1.take(2).map { it.second }
        door.loop.onFrame(first)
        door.clock.advance(500)
        assertFalse(door.loop.onFrame(second), "staff are still reading the first verdict")
        door.clock.advance(2_000)
        door.loop.tick()
        door.clock.advance(100)
        assertTrue(door.loop.onFrame(second))
        assertEquals("A002", door.showing().card.photoNo)
    },

    test("a forged pass is red, refused with a low tone, and cannot be overridden") {
        val door = Door()
        door.loop.onFrame(Fixtures.pass("forged"))
        val shown = door.showing()
        assertEquals(Colour.RED, shown.card.colour)
        assertEquals(Signal.Refused, shown.card.signal)
        assertFalse(shown.card.overridable)
        assertNull(shown.card.studentNo, "a forged pass proves no student number")
        door.loop.override("he says it is his")
        assertEquals(Colour.RED, door.showing().card.colour, "override does nothing on a forged pass")
        assertEquals(0u, door.app.stationAttendance().admitted)
    },

    test("a genuine pass missing from the roster waits for staff; override with a reason admits it") {
        val door = Door()
        door.loop.onFrame(Fixtures.pass("not-on-roster"))
        val shown = door.showing()
        assertEquals(Colour.AMBER, shown.card.colour)
        assertTrue(shown.card.overridable)
        assertNull(shown.returnAtMs, "an overridable verdict stays until staff act")
        door.clock.advance(60_000)
        door.loop.tick()
        door.showing()
        door.loop.override("转专业，教务处电话确认")
        val admitted = door.showing().card
        assertEquals(Colour.GREEN, admitted.colour)
        assertEquals("A001", admitted.photoNo)
        assertEquals(1u, door.app.stationAttendance().notOnRoster)
    },

    test("undo on the verdict screen cancels the admission; the photo number is not reused") {
        val door = Door()
        door.loop.onFrame(Fixtures.pass("it"))
        door.clock.advance(10_000)
        door.loop.undo()
        val back = door.scanning()
        assertEquals(ScanNotice.Undone("A001", Fixtures.studentNo("it")), back.notice)
        assertEquals(0u, door.app.stationAttendance().admitted)
        door.clock.advance(60_000)
        door.loop.onFrame(Fixtures.pass("it"))
        assertEquals("A002", door.showing().card.photoNo)
        // And once more from the scanning screen: undo the latest.
        door.loop.dismiss()
        door.loop.undoLast()
        assertEquals(ScanNotice.Undone("A002", Fixtures.studentNo("it")), door.scanning().notice)
    },

    test("manual check-in by number admits a student without a phone; a typo is caught first") {
        val door = Door()
        val (number, _) = Fixtures.session1[2]
        door.loop.checkIn("  $number ", "忘带手机")
        val card = door.showing().card
        assertEquals(Colour.GREEN, card.colour)
        assertEquals("A001", card.photoNo)
        assertEquals(number, card.studentNo)
        door.loop.dismiss()
        door.loop.checkIn("2020l0001", null)
        assertEquals(ScanNotice.NotANumber("2020l0001"), door.scanning().notice)
        door.loop.checkIn("1", null)
        val unknown = door.loop.state.value
        assertTrue(
            unknown is StaffScanUiState.Scanning && unknown.notice is ScanNotice.Failed ||
                unknown is StaffScanUiState.Showing && unknown.card.colour != Colour.GREEN,
            "a number on no roster is refused, got $unknown",
        )
    },

    test("the ninth student of the morning starts batch 2") {
        val door = Door()
        val passes = Fixtures.session1.take(9).map { it.second }
        for (p in passes) {
            door.clock.advance(3_000)
            door.loop.tick()
            assertTrue(door.loop.onFrame(p))
        }
        val last = door.showing()
        assertEquals("A009", last.card.photoNo)
        assertEquals(2, last.card.batch)
        assertEquals(2, last.batch?.number)
        assertEquals("1/8", last.batch?.fill)
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
        assertTrue(shown.card.overridable, "outside the window: staff may still admit")
    },
)
