// The staff phone's other screens against the real core: setup (bundle, room, role), the batch
// being called into the studio, and attendance built on who was photographed.
package cn.photoday.ui.tests

import cn.photoday.core.AsideReason
import cn.photoday.core.Lang
import cn.photoday.core.NumberStatus
import cn.photoday.core.Role
import cn.photoday.core.ScannerApp
import cn.photoday.core.Verdict
import cn.photoday.ui.ErrorKind
import cn.photoday.ui.ImportResult
import cn.photoday.ui.staff.AttendanceModel
import cn.photoday.ui.staff.AttendanceUiState
import cn.photoday.ui.staff.BatchModel
import cn.photoday.ui.staff.BatchUiState
import cn.photoday.ui.staff.StationSetupModel
import cn.photoday.ui.staff.StationSetupUiState
import kotlin.test.*

private val MORNING = beijing("2023-06-03T09:35")

val staffScreenTests = listOf(
    test("a new staff phone imports its bundle, lists the four rooms and is set up as 一教104's studio with letter a→A") {
        val app = ScannerApp(Fixtures.db("studio"))
        val setup = StationSetupModel({ app }, { Lang.ZH }, FakeClock(MORNING))
        setup.load()
        assertEquals(StationSetupUiState.NoBundle(null), setup.state.value)

        setup.import(Fixtures.bytes("student.bundle"))
        val refused = setup.state.value as? StationSetupUiState.NoBundle ?: fail("got ${setup.state.value}")
        assertEquals(ErrorKind.BadBundle, refused.error?.kind, "a student bundle is not a staff bundle")
        assertContains(refused.error!!.message, "student")

        setup.import(Fixtures.bytes("scanner.bundle"))
        val ready = setup.state.value as? StationSetupUiState.Ready ?: fail("got ${setup.state.value}")
        val imported = ready.imported as? ImportResult.ScannerBundle ?: fail("got ${ready.imported}")
        assertEquals(Fixtures.prop("students").toInt(), imported.students)
        assertTrue(imported.withNames)
        assertEquals(listOf("一教104", "一教108", "一教206", "一教209"), ready.rooms.sorted())
        assertNull(ready.chosen)

        setup.choose("一教104", Role.STUDIO, " a ")
        val chosen = setup.state.value as StationSetupUiState.Ready
        val label = chosen.chosen ?: fail("no station")
        assertEquals("一教104", label.room)
        assertEquals(Role.STUDIO, label.role)
        assertEquals("A", label.lane)
        assertEquals("信息技术与工程学院", label.college)
        assertTrue(label.checkCode)
        assertNull(chosen.warning)

        setup.setCheckCode(false)
        assertEquals(false, (setup.state.value as StationSetupUiState.Ready).chosen?.checkCode)
        assertTrue(app.scan(Fixtures.pass("it"), MORNING).verdict is Verdict.Numbered, "no 采集码 step when it is off")

        setup.choose("一教104", Role.STUDIO, "AB")
        val bad = setup.state.value as StationSetupUiState.Ready
        assertEquals(ErrorKind.InvalidInput, bad.error?.kind)
        assertEquals("A", bad.chosen?.lane, "the earlier station stands")
    },

    test("a second studio phone set up under the same prefix sees the core's warning") {
        val first = Fixtures.studio(checkCode = false)
        first.scan(Fixtures.pass("it"), MORNING)
        val app = ScannerApp(Fixtures.db("studio")).apply { importBundle(Fixtures.bytes("scanner.bundle")) }
        app.importLog(first.exportLog(MORNING + 60_000))
        val setup = StationSetupModel({ app }, { Lang.ZH }, FakeClock(MORNING))
        setup.choose("一教104", Role.STUDIO, null)
        val warned = setup.state.value as StationSetupUiState.Ready
        assertContains(warned.warning ?: fail("no warning"), first.deviceId())
        setup.choose("一教104", Role.STUDIO, "B")
        assertNull((setup.state.value as StationSetupUiState.Ready).warning)
    },

    test("the batch screen lists the open batch in 摄影编号 order with names, voided numbers marked") {
        val app = Fixtures.studio("B", checkCode = false)
        val batch = BatchModel({ app }, FakeClock(MORNING))
        batch.load()
        assertEquals(BatchUiState.Empty, batch.state.value)
        val three = Fixtures.session1.take(3)
        three.forEachIndexed { i, (_, pass) -> app.scan(pass, MORNING + i * 10_000L) }
        app.stepAside(three[1].first.toULong(), AsideReason.GLASSES, null, MORNING + 40_000)
        batch.load()
        val card = (batch.state.value as? BatchUiState.Ready ?: fail("got ${batch.state.value}")).batch
        assertEquals(1, card.number)
        assertEquals(listOf("B001", "B002", "B003"), card.members.map { it.photoNo })
        assertEquals(three.map { it.first }, card.members.map { it.studentNo })
        assertEquals(Fixtures.prop("it.name"), card.members[0].name)
        assertEquals(NumberStatus.VOIDED, card.members[1].status)
        assertEquals(AsideReason.GLASSES, card.members[1].aside)
        assertContains(card.label, "第1批", message = "the core's label")
        assertEquals(listOf("B001", "B003"), card.waiting.map { it.photoNo })
        assertEquals(BatchUiState.Empty, BatchModel({ Fixtures.door() }, FakeClock(MORNING)).also { it.load() }.state.value)
    },

    test("attendance shows the room's session now first, classes as \"软件1班 38/42\" photographed, and who to chase") {
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
        val expected = Fixtures.prop("session1.students").toInt()
        assertEquals(1, mine.session)
        assertEquals("一教104", mine.room)
        assertEquals(5, mine.arrived)
        assertEquals(3, mine.numbered)
        assertEquals(3, mine.photographed)
        assertEquals("3/$expected", mine.fill, "photographed, not checked in")
        assertEquals(3, mine.classes.sumOf { it.photographed })
        assertEquals(expected, mine.classes.sumOf { it.expected })
        val first = mine.classes.first()
        assertEquals("${first.className} ${first.photographed}/${first.expected}", first.label)
        assertEquals(expected - 3, mine.absentees.size, "补拍 list = roster − photographed")
        assertEquals(five.drop(3).map { it.first }, mine.arrivedNotPhotographed.map { it.studentNo })
        assertTrue(ready.others.none { it.session == 1 })
        assertEquals(9, ready.others.size, "every other session with a roster")
        assertTrue(ready.duplicates.isEmpty())
        assertTrue(ready.clashes.isEmpty())
        // Staff reading English see the room and college in English too.
        val english = AttendanceModel({ studio }, { Lang.EN }, FakeClock(MORNING)).also { it.load() }.state.value
        assertEquals("Teaching Building 1, Room 104", (english as? AttendanceUiState.Ready)?.station?.room)
    },

    test("a student numbered on two studio phones shows as a duplicate; two students under one number as a clash") {
        val a = Fixtures.studio("A", checkCode = false)
        val b = Fixtures.studio("B", checkCode = false)
        a.scan(Fixtures.pass("it"), MORNING)
        b.scan(Fixtures.pass("it"), MORNING + 60_000)
        a.importLog(b.exportLog(MORNING + 120_000))
        val model = AttendanceModel({ a }, { Lang.ZH }, FakeClock(MORNING))
        model.load()
        val ready = model.state.value as AttendanceUiState.Ready
        val dup = ready.duplicates.singleOrNull() ?: fail("got ${ready.duplicates}")
        assertEquals(Fixtures.studentNo("it"), dup.studentNo)
        assertEquals("A001", dup.keepPhotoNo)
        assertEquals(listOf("B001"), dup.voidPhotoNos)
        assertEquals(1, ready.station?.numbered, "counted once")

        val c = Fixtures.studio(checkCode = false)
        val d = Fixtures.studio(checkCode = false)
        c.scan(Fixtures.session1[0].second, MORNING)
        d.scan(Fixtures.session1[1].second, MORNING)
        c.importLog(d.exportLog(MORNING + 60_000))
        val clash = AttendanceModel({ c }, { Lang.ZH }, FakeClock(MORNING)).also { it.load() }.state.value as AttendanceUiState.Ready
        assertContains(clash.clashes.singleOrNull() ?: fail("got ${clash.clashes}"), "001")
    },
)
