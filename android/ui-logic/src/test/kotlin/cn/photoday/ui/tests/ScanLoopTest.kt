// The scan screen's holder against the real core: it publishes the core's DoorScreen, forwards
// frames and taps, and ticks at the card's untilMs. The door-loop rules themselves (debounce,
// how long a verdict stays, overrides, typed numbers, notices) are the core's and tested once in
// core/tests/door_loop.rs and tests/kotlin/src/DoorLoopTest.kt.
package cn.photoday.ui.tests

import cn.photoday.core.AsideReason
import cn.photoday.core.Colour
import cn.photoday.core.DoorScreen
import cn.photoday.core.Lang
import cn.photoday.core.Role
import cn.photoday.core.ScannerApp
import cn.photoday.core.Signal
import cn.photoday.core.StaffStatus
import cn.photoday.ui.staff.ScanLoop
import cn.photoday.ui.staff.StaffScanUiState
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.yield
import kotlin.test.*

private val MORNING = beijing("2023-06-03T09:35")

private class Phone(val app: ScannerApp, lang: Lang = Lang.ZH, start: Long = MORNING) {
    val clock = FakeClock(start)
    val loop = ScanLoop({ app }, clock, { lang }).apply { start() }

    fun screen(): DoorScreen =
        (loop.state.value as? StaffScanUiState.Ready ?: fail("expected the core's screen, got ${loop.state.value}")).screen
}

val scanLoopTests = listOf(
    test("a phone without bundle or station shows the core's missing step and sends it no frame") {
        val app = ScannerApp(Fixtures.db("door"))
        val phone = Phone(app)
        assertEquals(StaffStatus.NEEDS_BUNDLE, phone.screen().status)
        assertFalse(phone.loop.onFrame(Fixtures.pass("it")))
        app.importBundle(Fixtures.bytes("scanner.bundle"))
        phone.loop.start()
        assertEquals(StaffStatus.NEEDS_STATION, phone.screen().status)
        app.setStation("一教104", Role.DOOR, null)
        phone.loop.start()
        val ready = phone.screen()
        assertEquals(StaffStatus.READY, ready.status)
        assertContains(ready.station?.title?.zh ?: fail("no station"), "一教104")
        assertContains(ready.station!!.title.zh, "信息技术与工程学院", message = "the room's college now, by the clock")
    },

    test("a frame the core judges replaces the screen; one it ignores leaves the screen as it was") {
        val door = Phone(Fixtures.door())
        assertTrue(door.loop.onFrame(Fixtures.pass("it")))
        val shown = door.loop.state.value
        val card = door.screen().card ?: fail("no verdict")
        assertEquals(Colour.GREEN, card.outcome.colour)
        assertEquals("已签到", card.outcome.headline.zh)
        assertEquals(Signal.ADMITTED, card.signal)
        door.clock.advance(100)
        assertFalse(door.loop.onFrame(Fixtures.pass("it")), "the same pass still in view")
        assertSame(shown, door.loop.state.value)
    },

    test("autoReturn waits until the card's untilMs, then the core takes it away; a card that waits for staff is not timed") {
        val door = Phone(Fixtures.door())
        val waits = mutableListOf<Long>()
        runBlocking {
            val ticker = launch { door.loop.autoReturn { ms -> waits += ms; door.clock.advance(ms) } }
            yield()
            door.loop.onFrame(Fixtures.pass("it"))
            repeat(5) { yield() }
            assertEquals(listOf(2_500L), waits, "green stays 2.5 s, by the core's untilMs")
            assertNull(door.screen().card, "back to scanning")

            door.clock.advance(60_000)
            door.loop.onFrame(Fixtures.pass("not-on-roster"))
            repeat(5) { yield() }
            assertTrue(door.screen().card?.canOverride == true)
            assertNull(door.screen().card?.untilMs)
            assertEquals(1, waits.size, "an overridable verdict waits for staff")
            ticker.cancel()
        }
    },

    test("a card the batch screen's holder already took away from the core still goes from the scan screen") {
        val app = Fixtures.door()
        val scan = Phone(app)
        val batch = ScanLoop({ app }, scan.clock, { Lang.ZH }).apply { start() }
        scan.loop.onFrame(Fixtures.pass("it"))
        runBlocking {
            val ticker = launch { scan.loop.autoReturn { ms -> scan.clock.advance(ms); batch.tick() } }
            repeat(5) { yield() }
            ticker.cancel()
        }
        assertNull(scan.screen().card)
    },

    test("taps reach the core and its screen comes back: typed number, override, undo, step aside, batch shot") {
        val studio = Phone(Fixtures.studio(checkCode = false))
        val (a, b) = Fixtures.session1.take(2)
        studio.loop.typed(a.first, "忘带手机")
        assertEquals("001", studio.screen().card?.photoNo)
        studio.loop.undo()
        assertContains(studio.screen().notice?.text?.zh ?: fail("no notice"), "001")
        studio.loop.onFrame(b.second)
        studio.loop.dismiss()
        assertEquals("002", studio.screen().batch?.members?.last()?.photoNo)
        studio.loop.stepAside(b.first.toULong(), AsideReason.CLOTHES, null)
        assertContains(studio.screen().notice!!.text.zh, "002")
        studio.loop.onFrame(Fixtures.pass("not-on-roster"))
        studio.loop.override("转专业，教务处电话确认")
        assertEquals("003", studio.screen().card?.photoNo)
        studio.loop.dismiss()
        studio.loop.closeBatch()
        assertEquals(Colour.GREEN, studio.screen().notice?.colour)
        assertNull(studio.screen().batch)
    },
)

val clockWarningTests = listOf(
    test("the screen is drawn in the phone's language: an English door sees the core's English, clock warning included") {
        val phone = Phone(Fixtures.door(), Lang.EN, beijing("2023-09-01T09:35"))
        phone.loop.onFrame(Fixtures.pass("it"))
        val state = phone.loop.state.value as StaffScanUiState.Ready
        assertEquals(Lang.EN, state.lang)
        val warning = state.screen.card?.outcome?.clockWarning ?: fail("no clock warning")
        assertContains(warning.textIn(state.lang), "2023-06-03")
    },
)
