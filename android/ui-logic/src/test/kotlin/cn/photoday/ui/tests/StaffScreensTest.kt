// The staff phone's other screens against the real core: setup (bundle, room, role) and
// attendance with the room's session first. (The batch screen draws the core's DoorScreen.batch.)
package cn.photoday.ui.tests

import cn.photoday.core.Lane
import cn.photoday.core.Lang
import cn.photoday.core.Role
import cn.photoday.core.ScannerApp
import cn.photoday.core.Verdict
import cn.photoday.ui.ErrorKind
import cn.photoday.ui.staff.AttendanceModel
import cn.photoday.ui.staff.AttendanceUiState
import cn.photoday.ui.staff.HistoryModel
import cn.photoday.ui.staff.HistoryUiState
import cn.photoday.ui.staff.StationSetupModel
import cn.photoday.ui.staff.StationSetupUiState
import kotlin.test.*

private val MORNING = beijing("2023-06-03T09:35")

val staffScreenTests = listOf(
    test("a new staff phone imports its bundle, lists the four rooms and is set up as 一教104's studio with letter A") {
        val app = ScannerApp(Fixtures.db("studio"))
        val setup = StationSetupModel({ app }, { Lang.ZH }, FakeClock(MORNING))
        setup.load()
        assertEquals(StationSetupUiState.NoBundle(null), setup.state.value)

        setup.import(Fixtures.bytes("student.bundle"))
        val refused = setup.state.value as? StationSetupUiState.NoBundle ?: fail("got ${setup.state.value}")
        assertContains(refused.error?.text?.zh ?: fail("no error"), "学生", message = "a student pack is not a staff bundle")

        setup.import(Fixtures.bytes("scanner.bundle"))
        val ready = setup.state.value as? StationSetupUiState.Ready ?: fail("got ${setup.state.value}")
        assertContains(ready.imported ?: fail("nothing imported"), "已导入", message = "the core's line")
        assertEquals(listOf("一教104", "一教108", "一教206", "一教209"), ready.rooms.sorted())
        assertNull(ready.chosen)

        setup.choose("一教104", Role.STUDIO, Lane.A)
        val chosen = setup.state.value as StationSetupUiState.Ready
        val label = chosen.chosen ?: fail("no station")
        assertEquals("一教104", label.room)
        assertEquals(Role.STUDIO, label.role)
        assertEquals(Lane.A, label.lane)
        assertEquals("信息技术与工程学院", label.college?.zh)
        assertContains(label.title.zh, "一教104 A")
        assertTrue(label.checkCode)
        assertNull(chosen.warning)

        setup.setCheckCode(false)
        assertEquals(false, (setup.state.value as StationSetupUiState.Ready).chosen?.checkCode)
        assertTrue(app.scan(Fixtures.pass("it"), MORNING).verdict is Verdict.Numbered, "no 采集码 step when it is off")

        setup.choose("二教101", Role.STUDIO, Lane.B)
        val bad = setup.state.value as StationSetupUiState.Ready
        assertEquals(ErrorKind.InvalidInput, bad.error?.kind)
        assertEquals(Lane.A, bad.chosen?.lane, "the earlier station stands")
    },

    test("a second studio phone set up under the same prefix sees the core's warning") {
        val first = Fixtures.studio(checkCode = false)
        first.scan(Fixtures.pass("it"), MORNING)
        val app = ScannerApp(Fixtures.db("studio")).apply { importBundle(Fixtures.bytes("scanner.bundle")) }
        app.importLog(first.exportLog(MORNING + 60_000))
        val setup = StationSetupModel({ app }, { Lang.ZH }, FakeClock(MORNING))
        setup.choose("一教104", Role.STUDIO, null)
        val warned = setup.state.value as StationSetupUiState.Ready
        assertContains(warned.warning?.zh ?: fail("no warning"), first.deviceId())
        setup.choose("一教104", Role.STUDIO, Lane.B)
        assertNull((setup.state.value as StationSetupUiState.Ready).warning)
    },

    test("attendance puts the session the room runs now first and lists the other sessions with a roster") {
        val door = Fixtures.door()
        val studio = Fixtures.studio(checkCode = false)
        val five = Fixtures.session1.take(5)
        five.forEachIndexed { i, (_, pass) -> door.scan(pass, MORNING + i * 10_000L) }
        studio.importLog(door.exportLog(MORNING + 60_000))
        five.take(3).forEachIndexed { i, (_, pass) -> studio.scan(pass, MORNING + 100_000 + i * 10_000L) }
        studio.closeBatch(MORNING + 200_000)
        val model = AttendanceModel({ studio }, { Lang.ZH }, FakeClock(MORNING + 200_000))
        model.load()
        val ready = model.state.value as? AttendanceUiState.Ready ?: fail("got ${model.state.value}")
        val mine = ready.station ?: fail("no station card")
        assertEquals(1u.toUByte(), mine.session)
        assertEquals(5u, mine.arrived)
        assertEquals(3u, mine.photographed)
        assertEquals(five.drop(3).map { it.first }, mine.arrivedNotPhotographed.map { it.studentNo.toString() })
        assertTrue(ready.others.none { it.session == mine.session })
        assertEquals(9, ready.others.size, "every other session with a roster")
        assertTrue(ready.duplicates.isEmpty())
        assertTrue(ready.clashes.isEmpty())
    },

    test("the history lists this phone's admissions newest first in the core's words; any line still undoable is undone by itself") {
        val app = Fixtures.studio(checkCode = false)
        val (a, b, c) = Fixtures.session1.take(3)
        listOf(a, b, c).forEachIndexed { i, (_, pass) -> app.scan(pass, MORNING + i * 10_000L) }
        val clock = FakeClock(MORNING + 60_000)
        val history = HistoryModel({ app }, clock, { Lang.ZH })
        history.load()
        val ready = history.state.value as? HistoryUiState.Ready ?: fail("got ${history.state.value}")
        assertEquals(listOf(c.first, b.first, a.first), ready.entries.take(3).map { it.studentNo.toString() })
        assertTrue(ready.entries.take(3).all { it.canUndo })
        val second = ready.entries[1]
        assertContains(second.text.zh, b.first)
        history.undo(second.recordSeq)
        val after = history.state.value as HistoryUiState.Ready
        assertNull(after.error)
        assertTrue(after.entries.first { it.recordSeq == second.recordSeq }.cancelled, "the middle one, not the latest")
        history.undo(second.recordSeq)
        assertNotNull((history.state.value as HistoryUiState.Ready).error, "undone already: the core's refusal stays on screen")
    },
)
