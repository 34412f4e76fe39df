// The door phone's other screens against the real core: setup (bundle, station), the batch
// being called in, and attendance with its classes and absentees.
package cn.photoday.ui.tests

import cn.photoday.core.Lang
import cn.photoday.core.ScannerApp
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
    test("a new door phone imports its bundle, lists the ten sessions and takes station 1 with letter a→A") {
        val app = ScannerApp(Fixtures.db("door"))
        val setup = StationSetupModel({ app }) { Lang.ZH }
        setup.load()
        assertEquals(StationSetupUiState.NoBundle(null), setup.state.value)

        setup.import(Fixtures.bytes("student.bundle"))
        val refused = setup.state.value as? StationSetupUiState.NoBundle ?: fail("got ${setup.state.value}")
        assertEquals(ErrorKind.BadBundle, refused.error?.kind, "a student bundle is not a door bundle")
        assertContains(refused.error!!.message, "student")

        setup.import(Fixtures.bytes("scanner.bundle"))
        val ready = setup.state.value as? StationSetupUiState.Ready ?: fail("got ${setup.state.value}")
        val imported = ready.imported as? ImportResult.ScannerBundle ?: fail("got ${ready.imported}")
        assertEquals(Fixtures.prop("students").toInt(), imported.students)
        assertTrue(imported.withNames)
        assertEquals(10, ready.sessions.size)
        assertEquals("信息技术与工程学院", ready.sessions[0].college)
        assertEquals("09:30–12:00、14:00–16:00", ready.sessions[0].windows)
        assertNull(ready.chosen)

        setup.choose(1, " a ")
        val chosen = (setup.state.value as StationSetupUiState.Ready).chosen ?: fail("no station")
        assertEquals(1, chosen.session.number)
        assertEquals("A", chosen.lane)

        setup.choose(1, "AB")
        val bad = setup.state.value as StationSetupUiState.Ready
        assertEquals(ErrorKind.InvalidInput, bad.error?.kind)
        assertEquals("A", bad.chosen?.lane, "the earlier station stands")
    },

    test("the batch screen lists the batch being called in, in photo-number order, with names") {
        val app = Fixtures.door("B")
        val batch = BatchModel({ app })
        batch.load()
        assertEquals(BatchUiState.Empty, batch.state.value)
        Fixtures.session1.take(3).forEachIndexed { i, (_, pass) -> app.scan(pass, MORNING + i * 10_000L) }
        batch.load()
        val card = (batch.state.value as? BatchUiState.Ready ?: fail("got ${batch.state.value}")).batch
        assertEquals(1, card.number)
        assertEquals(8, card.size)
        assertEquals(listOf("B001", "B002", "B003"), card.members.map { it.photoNo })
        assertEquals(Fixtures.session1.take(3).map { it.first }, card.members.map { it.studentNo })
        assertEquals(Fixtures.prop("it.name"), card.members[0].name)
        assertEquals("3/8", card.fill)
    },

    test("attendance shows the station's session first, classes as \"软件1班 38/42\", and who is missing") {
        val app = Fixtures.door()
        Fixtures.session1.take(3).forEachIndexed { i, (_, pass) -> app.scan(pass, MORNING + i * 10_000L) }
        val model = AttendanceModel({ app })
        model.load()
        val ready = model.state.value as? AttendanceUiState.Ready ?: fail("got ${model.state.value}")
        val mine = ready.station ?: fail("no station card")
        val expected = Fixtures.prop("session1.students").toInt()
        assertEquals(1, mine.session)
        assertEquals("一教104", mine.room)
        assertEquals(3, mine.admitted)
        assertEquals(expected, mine.expected)
        assertEquals("3/$expected", mine.fill)
        // Staff reading English see the room and college in English too.
        val english = AttendanceModel({ app }) { cn.photoday.core.Lang.EN }.also { it.load() }.state.value
        val en = (english as? AttendanceUiState.Ready)?.station ?: fail("got $english")
        assertEquals("Teaching Building 1, Room 104", en.room)
        assertEquals("School of Information Technology and Engineering", en.college)
        assertEquals(3, mine.classes.sumOf { it.admitted })
        assertEquals(expected, mine.classes.sumOf { it.expected })
        val first = mine.classes.first()
        assertEquals("${first.className} ${first.admitted}/${first.expected}", first.label)
        assertTrue(Regex(""".+ \d+/\d+""").matches(first.label), first.label)
        assertEquals(expected - 3, mine.absentees.size)
        val admittedNos = Fixtures.session1.take(3).map { it.first }.toSet()
        assertTrue(mine.absentees.none { it.studentNo in admittedNos })
        assertTrue(ready.others.none { it.session == 1 })
        assertEquals(9, ready.others.size, "every other session with a roster")
        assertTrue(ready.duplicates.isEmpty())
    },

    test("a student admitted on two phones shows up as a duplicate: keep one photo number, void the other") {
        val a = Fixtures.door("A")
        val b = Fixtures.door("B")
        a.scan(Fixtures.pass("it"), MORNING)
        b.scan(Fixtures.pass("it"), MORNING + 60_000)
        a.importLog(b.exportLog(MORNING + 120_000))
        val model = AttendanceModel({ a })
        model.load()
        val ready = model.state.value as AttendanceUiState.Ready
        val dup = ready.duplicates.singleOrNull() ?: fail("got ${ready.duplicates}")
        assertEquals(Fixtures.studentNo("it"), dup.studentNo)
        assertEquals("A001", dup.keepPhotoNo)
        assertEquals(listOf("B001"), dup.voidPhotoNos)
        assertEquals(1, ready.station?.admitted, "counted once")
    },
)
