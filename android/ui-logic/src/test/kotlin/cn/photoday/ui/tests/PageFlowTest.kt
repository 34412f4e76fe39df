// What the app itself decides: which page is on top after each tap, where Back goes, when a page
// is asked for again, and which message, colour and sound the user gets. Driven through the
// generated bindings against the real core, as a user would tap through the pages; what each
// page holds is the core's and tested there (core/tests/pages_*.rs).
package cn.photoday.ui.tests

import cn.photoday.core.Action
import cn.photoday.core.Block
import cn.photoday.core.Command
import cn.photoday.core.Go
import cn.photoday.core.Input
import cn.photoday.core.Lang
import cn.photoday.core.Mode
import cn.photoday.core.Page
import cn.photoday.core.PageId
import cn.photoday.core.Role
import cn.photoday.core.Scan
import cn.photoday.core.Screens
import cn.photoday.core.Signal
import cn.photoday.core.Tone
import cn.photoday.ui.PageFlow
import cn.photoday.ui.student.ReminderPlan
import kotlin.test.*

private val MORNING = beijing("2023-06-03T09:35")
private val MAY = beijing("2023-05-20T10:00")

/** One phone: its two databases and the file that keeps its side, in a scratch folder. */
class Phone(val clock: FakeClock, val lang: Lang = Lang.EN) {
    private val student = Fixtures.db("student")
    private val scanner = Fixtures.db("scanner")
    private val mode = Fixtures.db("mode")

    /** The core's pages over this phone's files, as the app opens them. */
    fun screens() = Screens(student, scanner, mode, lang)

    /** The app as it opens: a fresh Screens over the same files. */
    fun open(): PageFlow = PageFlow(screens(), clock)
}

/** Every button, row, toggle, field and menu item on the page. */
fun Page.actions(): List<Action> = menu + blocks.flatMap {
    when (it) {
        is Block.Card -> it.actions
        is Block.Row -> listOfNotNull(it.action)
        is Block.Toggle -> listOf(it.action)
        is Block.Button -> listOf(it.action)
        is Block.Field -> listOf(it.submit)
        else -> emptyList()
    }
}

/** The page's action whose command is [command] (as a user finds the button). */
fun Page.action(command: Command): Action =
    actions().firstOrNull { it.command == command } ?: fail("page $id (\"$title\") offers no $command: ${actions().map { it.command }}")

/** Taps [command] as the page offers it. */
fun PageFlow.tap(command: Command, input: Input = Input.Nothing) = perform(page!!.action(command).command, input)

private fun staffAtDoor(phone: Phone = Phone(FakeClock(MORNING))): PageFlow = phone.open().apply {
    load()
    tap(Command.ChooseMode(Mode.STAFF))
    tap(Command.Import, Input.Bytes(Fixtures.bytes("scanner.bundle")))
    tap(Command.SetStation("一教104", Role.DOOR))
}

val pageFlowTests = listOf(
    test("a phone opened for the first time asks who uses it, with no way back") {
        val flow = Phone(FakeClock(MAY)).open()
        val page = flow.load()
        assertEquals(PageId.MODE_CHOICE, page.id)
        assertEquals(listOf(PageId.START), flow.pages)
        assertFalse(flow.canGoBack())
        assertFalse(flow.back(), "the system back leaves the app")
        page.action(Command.ChooseMode(Mode.STUDENT))
        page.action(Command.ChooseMode(Mode.STAFF))
    },

    test("choosing student opens the student's home, and the phone still opens there after a restart") {
        val phone = Phone(FakeClock(MAY))
        val flow = phone.open()
        flow.load()
        val step = flow.tap(Command.ChooseMode(Mode.STUDENT))
        assertEquals(Go.Start, step.outcome.go)
        assertEquals(PageId.HOME, step.page?.id)
        assertEquals(listOf(PageId.START), flow.pages)
        assertFalse(flow.canGoBack())
        assertEquals(PageId.HOME, phone.open().load().id)
    },

    test("the student's pack, then number and pass, change the home step by step, each said in green") {
        val phone = Phone(FakeClock(MAY))
        val flow = phone.open()
        flow.load()
        val empty = flow.tap(Command.ChooseMode(Mode.STUDENT)).page!!
        val pack = flow.tap(Command.Import, Input.Bytes(Fixtures.bytes("student.bundle")))
        assertEquals(Tone.GOOD, pack.outcome.tone, pack.outcome.message)
        assertNotNull(pack.outcome.message)
        val withPack = pack.page ?: fail("the page is asked for again after an import")
        assertEquals(PageId.HOME, withPack.id)
        assertNotEquals(empty.blocks, withPack.blocks, "the home shows the pack")

        val no = flow.perform(Command.SetStudentNo, Input.Text(Fixtures.studentNo("it")))
        assertEquals(Tone.GOOD, no.outcome.tone, no.outcome.message)
        assertTrue(no.outcome.message!!.contains(Fixtures.studentNo("it")), no.outcome.message)
        val pass = flow.perform(Command.Import, Input.Text(Fixtures.pass("it")))
        assertEquals(Tone.GOOD, pass.outcome.tone, pass.outcome.message)
        val home = flow.page!!
        assertEquals(PageId.HOME, home.id)
        assertEquals(listOf(PageId.START), flow.pages)
        assertNotEquals(withPack.title, home.title, "setup is over")
        // The pass is one tap away, with the way back.
        val opened = flow.tap(Command.Open(PageId.PASS))
        assertEquals(PageId.PASS, opened.page?.id)
        assertTrue(opened.page!!.bright, "the pass shows at full brightness")
        assertTrue(opened.page!!.blocks.any { it is Block.Qr }, "the pass is a QR code")
        assertTrue(flow.canGoBack())
        assertTrue(flow.back())
        assertEquals(PageId.HOME, flow.load().id)
    },

    test("a staff file on a student phone is refused in red and the page stays where it was") {
        val flow = Phone(FakeClock(MAY)).open()
        flow.load()
        flow.tap(Command.ChooseMode(Mode.STUDENT))
        val before = flow.page!!
        val step = flow.perform(Command.Import, Input.Bytes(Fixtures.bytes("scanner.bundle")))
        assertEquals(Tone.REFUSED, step.outcome.tone)
        assertFalse(step.outcome.message.isNullOrBlank())
        assertEquals(listOf(PageId.START), flow.pages)
        assertEquals(before.id, flow.page!!.id)
    },

    test("a staff phone goes from the bundle to the station to the door, never with a way back to setup") {
        val flow = Phone(FakeClock(MORNING)).open()
        flow.load()
        val bundle = flow.tap(Command.ChooseMode(Mode.STAFF))
        assertEquals(PageId.IMPORT, bundle.page?.id)
        assertFalse(flow.canGoBack())
        val station = flow.tap(Command.Import, Input.Bytes(Fixtures.bytes("scanner.bundle")))
        assertEquals(Tone.GOOD, station.outcome.tone, station.outcome.message)
        assertEquals(PageId.STATION, station.page?.id)
        assertEquals(listOf(PageId.START), flow.pages)
        val door = flow.tap(Command.SetStation("一教104", Role.DOOR))
        assertEquals(Tone.GOOD, door.outcome.tone, door.outcome.message)
        assertTrue(door.outcome.message!!.contains("一教104"), door.outcome.message)
        assertEquals(PageId.DOOR, door.page?.id)
        assertEquals(listOf(PageId.START), flow.pages)
        assertFalse(flow.canGoBack())
        assertTrue(door.page!!.blocks.any { it is Block.Camera }, "the door page reads passes with the camera")
    },

    test("a pass at the door admits with a sound, a frame of the same pass changes nothing, and the verdict page is asked for again") {
        val flow = staffAtDoor()
        val pass = Fixtures.session1.first().second
        val seen = flow.perform(Command.Scanned(Scan.DOOR), Input.Text(pass))
        assertEquals(Signal.ADMITTED, seen.outcome.signal)
        assertEquals(PageId.DOOR, seen.page?.id)
        assertNotNull(PageFlow.refreshIn(seen.page!!), "a verdict on screen ends by itself")
        val again = flow.perform(Command.Scanned(Scan.DOOR), Input.Text(pass))
        assertEquals(Go.Unchanged, again.outcome.go)
        assertNull(again.page, "nothing to redraw")
        assertNotEquals(Signal.ADMITTED, again.outcome.signal, "no second beep")
    },

    test("Open pushes a page, Back and the system back pop it, and the first page has no way back") {
        val flow = staffAtDoor()
        val logs = flow.tap(Command.Open(PageId.LOGS))
        assertEquals(PageId.LOGS, logs.page?.id)
        assertEquals(listOf(PageId.START, PageId.LOGS), flow.pages)
        assertTrue(flow.canGoBack())
        val back = flow.perform(Command.Back)
        assertEquals(Go.Back, back.outcome.go)
        assertEquals(PageId.DOOR, back.page?.id)
        assertEquals(listOf(PageId.START), flow.pages)
        flow.tap(Command.Open(PageId.LOGS))
        assertTrue(flow.back())
        assertEquals(listOf(PageId.START), flow.pages)
        assertFalse(flow.back())
        assertEquals(listOf(PageId.START), flow.pages)
    },

    test("a log export hands the app a file to save, and the command to perform once it is written") {
        val flow = staffAtDoor()
        flow.perform(Command.Scanned(Scan.DOOR), Input.Text(Fixtures.session1.first().second))
        flow.tap(Command.Open(PageId.LOGS))
        val export = flow.tap(Command.ExportLog)
        val file = export.outcome.file ?: fail("no file to save: ${export.outcome.message}")
        assertTrue(file.name.endsWith(".photodaylog"), file.name)
        assertTrue(file.bytes.isNotEmpty())
        assertEquals(PageId.LOGS, flow.page!!.id, "the page stays while the user picks where to save")
        val saved = flow.perform(file.saved ?: fail("nothing to tell the core once the file is written"))
        assertNotEquals(Tone.REFUSED, saved.outcome.tone, saved.outcome.message)
        assertEquals(listOf(PageId.START, PageId.LOGS), flow.pages)
    },

    test("switching side from a page deeper in the stack clears it and opens the other side's start") {
        val flow = staffAtDoor()
        flow.tap(Command.Open(PageId.STATION))
        assertEquals(listOf(PageId.START, PageId.STATION), flow.pages)
        val step = flow.tap(Command.ChooseMode(Mode.STUDENT))
        assertEquals(Go.Start, step.outcome.go)
        assertEquals(listOf(PageId.START), flow.pages)
        assertEquals(PageId.HOME, step.page?.id)
        assertFalse(flow.canGoBack())
    },

    test("a page is asked for again when it says, and not at all without a time") {
        val flow = Phone(FakeClock(MAY)).open()
        val page = flow.load()
        assertNull(PageFlow.refreshIn(page.copy(refreshMs = null)))
        assertEquals(700L, PageFlow.refreshIn(page.copy(refreshMs = 700u)))
        assertFalse(flow.go(Go.Unchanged), "nothing changed: keep the page shown")
        assertTrue(flow.go(Go.Stay), "stay: ask again")
    },

    test("reminders follow the student's phone: planned once the pass is in, cancelled after a purge") {
        val phone = Phone(FakeClock(MAY))
        val flow = phone.open()
        flow.load()
        flow.tap(Command.ChooseMode(Mode.STUDENT))
        assertEquals(emptyList(), ReminderPlan.load(phone.screens(), MAY, Lang.EN), "nothing to remind of before the pack")
        flow.perform(Command.Import, Input.Bytes(Fixtures.bytes("student.bundle")))
        flow.perform(Command.SetStudentNo, Input.Text(Fixtures.studentNo("it")))
        flow.perform(Command.Import, Input.Text(Fixtures.pass("it")))
        val plan = ReminderPlan.load(phone.screens(), MAY, Lang.EN)
        assertTrue(plan.isNotEmpty(), "reminders once the pass is in")
        assertEquals(plan.sortedBy { it.fireAtMs }, plan, "soonest first")
        val purge = flow.tap(Command.PurgeStudent)
        assertEquals(Go.Start, purge.outcome.go)
        val after = ReminderPlan.load(phone.screens(), MAY, Lang.EN)
        assertEquals(plan.map { it.id }.toSet(), ReminderPlan.stale(plan.map { it.id }.toSet(), after), "every one is cancelled")
    },
)
