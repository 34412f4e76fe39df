// The student's screens against the real core: the home screen through setup to the slot card,
// the pass, the 采集码, the number from the studio phone, the checklist, the timeline, the notice and the reminder plan.
package cn.photoday.ui.tests

import cn.photoday.core.Lang
import cn.photoday.core.StudentApp
import cn.photoday.core.TimelineStatus
import cn.photoday.ui.ErrorKind
import cn.photoday.ui.ImportResult
import cn.photoday.ui.ImportRouter
import cn.photoday.ui.student.*
import kotlin.test.*

private val JUNE_1_NOON = beijing("2023-06-01T12:00")

val studentScreenTests = listOf(
    test("a new student is led step by step: bundle, then pass, then the slot card with the 采集码 still to save") {
        val app = StudentApp(Fixtures.db("student"))
        val clock = FakeClock(JUNE_1_NOON)
        val home = StudentHomeModel({ app }, clock) { Lang.ZH }
        assertEquals(StudentHomeUiState.Loading, home.state.value)
        home.refresh()
        assertEquals(StudentHomeUiState.Setup(SetupPrompt(SetupStep.ImportBundle, "先导入活动资料包")), home.state.value)

        val bundle = ImportRouter.student(app, Fixtures.bytes("student.bundle"), Lang.ZH)
        assertEquals(ImportResult.StudentBundle(app.event()!!.title.zh), bundle)
        home.refresh()
        assertEquals(StudentHomeUiState.Setup(SetupPrompt(SetupStep.ImportPass, "导入联络员发给你的签到码")), home.state.value)

        // The pass arrives as a shared text file, with a line break after it.
        val pass = ImportRouter.student(app, (Fixtures.pass("it") + "\r\n").toByteArray(), Lang.ZH)
        assertEquals(ImportResult.Pass(Fixtures.studentNo("it"), 1), pass)
        home.refresh()
        val ready = home.state.value as? StudentHomeUiState.Ready ?: fail("got ${home.state.value}")
        assertEquals("信息技术与工程学院", ready.slot.college)
        assertEquals("一教104", ready.slot.room)
        assertEquals("2023-06-03", ready.slot.date)
        assertEquals("2023-06-03 09:10", ready.slot.arriveBy)
        assertEquals(listOf("09:30–12:00", "14:00–16:00"), ready.slot.windows)
        assertTrue(ready.slot.timeFromPlan)
        assertEquals(Fixtures.prop("it.class"), ready.className)
        // 1 June 12:00 → 3 June 09:10 is 1 day 21 hours 10 minutes.
        assertEquals(Countdown(1, 21, 10, past = false), ready.countdown)
        assertEquals("code-t1", ready.next?.id)
        assertEquals(SetupPrompt(SetupStep.SaveCollectionCode, "保存你的学信网采集码截图"), ready.pending)
        assertFalse(ready.hasCollectionCode)
        assertEquals(0, ready.checklistDone)
        assertTrue(ready.checklistTotal >= 5)

        // The countdown moves with the clock; past arrive-by it says so.
        clock.now = beijing("2023-06-03T09:09") + 1
        home.refresh()
        assertEquals(Countdown(0, 0, 1, past = false), (home.state.value as StudentHomeUiState.Ready).countdown)
        clock.now = beijing("2023-06-03T09:30")
        home.refresh()
        assertEquals(true, (home.state.value as StudentHomeUiState.Ready).countdown?.past)
    },

    test("after the shoot the home shows the number scanned from the studio phone; a classmate's is refused") {
        val app = Fixtures.student()
        val clock = FakeClock(beijing("2023-06-03T10:30"))
        val home = StudentHomeModel({ app }, clock) { Lang.ZH }
        home.refresh()
        val before = home.state.value as? StudentHomeUiState.Ready ?: fail("got ${home.state.value}")
        assertNull(before.shot)
        assertNotNull(before.shotPrompt, "the session began: the core asks for the number")

        val studio = Fixtures.studio(checkCode = false)
        val mine = studio.scan(Fixtures.pass("it"), beijing("2023-06-03T09:40")).numberQr ?: fail("no number QR")
        val classmate = Fixtures.session1.first { it.first != Fixtures.studentNo("it") }
        val theirs = studio.scan(classmate.second, beijing("2023-06-03T09:41")).numberQr ?: fail("no number QR")
        home.importNumber(theirs)
        val refused = home.state.value as StudentHomeUiState.Ready
        assertEquals(ErrorKind.InvalidInput, refused.numberError?.kind)
        assertContains(refused.numberError!!.message, classmate.first)
        assertNull(refused.shot)

        home.importNumber(mine)
        val after = home.state.value as StudentHomeUiState.Ready
        assertEquals("一教104 · 001 · 第1批", after.shot)
        assertNull(after.shotPrompt)
        assertNull(after.numberError)
        assertTrue(app.reminders(JUNE_1_NOON).none { it.id.startsWith("makeup-") }, "no 补拍 alarms after the shoot")
    },

    test("\"我已拍完\" without a number also ends the 补拍 prompt") {
        val app = Fixtures.student()
        val home = StudentHomeModel({ app }, FakeClock(beijing("2023-06-03T16:30"))) { Lang.ZH }
        home.markShotDone()
        val ready = home.state.value as StudentHomeUiState.Ready
        assertEquals("已拍完", ready.shot)
        assertNull(ready.shotPrompt)
    },

    test("the home screen reads in English for an English phone") {
        val app = Fixtures.student()
        val home = StudentHomeModel({ app }, FakeClock(JUNE_1_NOON)) { Lang.EN }
        home.refresh()
        val ready = home.state.value as StudentHomeUiState.Ready
        assertEquals("School of Information Technology and Engineering", ready.slot.college)
        assertEquals("Teaching Building 1, Room 104", ready.slot.room)
        assertEquals("Save a screenshot of your CHSI 采集码", ready.pending?.hint)
    },

    test("the pass screen draws the 37×37 code with the student number and slot") {
        val newPhone = StudentApp(Fixtures.db("student"))
        val empty = PassModel({ newPhone }) { Lang.ZH }
        empty.load()
        assertEquals(PassUiState.Missing(SetupStep.ImportBundle), empty.state.value)

        val app = Fixtures.student()
        val model = PassModel({ app }) { Lang.ZH }
        model.load()
        val ready = model.state.value as? PassUiState.Ready ?: fail("got ${model.state.value}")
        assertEquals(37u, ready.qr.width)
        assertEquals(4u, ready.qr.quietZone)
        assertEquals(9u, ready.qr.pxPerModule(405u), "whole pixels per module, quiet zone included")
        assertEquals(Fixtures.studentNo("it"), ready.studentNo)
        assertEquals("一教104", ready.slot?.room)
        assertEquals(Fixtures.pass("it"), ready.passText)
    },

    test("the 采集码 screen keeps the image as given and says whether a scanner can read it") {
        val app = Fixtures.student()
        val model = CollectionCodeModel({ app }) { Lang.ZH }
        model.load()
        val first = model.state.value
        assertEquals(CodeReadability.NoImage, first.readability)
        assertNull(first.image)
        // The school's own steps from the bundle, none invented (the 2023 template leaves them to the school).
        assertEquals(app.event()!!.collectionCodeRoutes.map { it.title.zh }, first.routes.map { it.title })

        model.save(Fixtures.bytes("blank.png"))
        assertEquals(CodeReadability.Unreadable, model.state.value.readability)

        val png = Fixtures.bytes("collection-code.png")
        model.save(png)
        assertEquals(CodeReadability.Readable, model.state.value.readability)
        assertEquals(1, model.state.value.codesFound)
        assertContentEquals(png, model.state.value.image)
        assertNull(model.state.value.error)

        // A damaged JPEG is refused with the core's message; the image saved before stays.
        model.save(byteArrayOf(0xFF.toByte(), 0xD8.toByte(), 0xFF.toByte(), 0xE0.toByte(), 0, 16))
        val refused = model.state.value
        assertEquals(ErrorKind.InvalidInput, refused.error?.kind)
        assertContains(refused.error!!.message, "JPEG")
        assertContentEquals(png, refused.image)

        val again = CollectionCodeModel({ app }) { Lang.ZH }
        again.load()
        assertEquals(CodeReadability.Readable, again.state.value.readability)
        assertEquals(again.state.value, again.state.value.copy(), "state equality compares image bytes")
    },

    test("checklist ticks are kept and counted on the home screen") {
        val app = Fixtures.student()
        val clock = FakeClock(JUNE_1_NOON)
        val model = ChecklistModel({ app }, clock) { Lang.ZH }
        model.load()
        val before = model.state.value as ChecklistUiState.Ready
        assertEquals(0, before.done)
        val id = before.rows.first().id
        model.setTick(id, true)
        val after = model.state.value as ChecklistUiState.Ready
        assertEquals(1, after.done)
        assertTrue(after.rows.first { it.id == id }.ticked)
        val home = StudentHomeModel({ app }, clock) { Lang.ZH }.apply { refresh() }
        assertEquals(1, (home.state.value as StudentHomeUiState.Ready).checklistDone)
        model.setTick("wear-a-hat", true)
        assertEquals(ErrorKind.InvalidInput, (model.state.value as ChecklistUiState.Failed).error.kind)
    },

    test("the timeline scrolls to the first thing not yet past") {
        val app = Fixtures.student()
        val model = TimelineModel({ app }, FakeClock(JUNE_1_NOON)) { Lang.ZH }
        model.load()
        val ready = model.state.value as? TimelineUiState.Ready ?: fail("got ${model.state.value}")
        assertEquals("fee", ready.rows.first().id)
        val next = ready.rows[ready.nextIndex ?: fail("nothing ahead")]
        assertNotEquals(TimelineStatus.PAST, next.status)
        assertTrue(ready.rows.take(ready.nextIndex!!).all { it.status == TimelineStatus.PAST })
        assertEquals(ready.rows.sortedBy { it.at }, ready.rows)

        val newPhone = StudentApp(Fixtures.db("student"))
        val none = TimelineModel({ newPhone }, FakeClock(JUNE_1_NOON)) { Lang.ZH }
        none.load()
        assertEquals(ErrorKind.NotReady, (none.state.value as TimelineUiState.Failed).error.kind)
    },

    test("the notice screen lists contacts with dialable numbers, the 补拍 make-up and the fee") {
        val app = Fixtures.student()
        val model = EventInfoModel({ app.event() }) { Lang.ZH }
        model.load()
        val ready = model.state.value as? EventInfoUiState.Ready ?: fail("got ${model.state.value}")
        assertEquals(15, ready.fee.yuan)
        assertEquals(60, ready.makeup.feeYuan)
        assertTrue(ready.makeup.phone.any { it.isDigit() })
        assertTrue(ready.contacts.isNotEmpty() && ready.contacts.all { c -> c.phones.all { p -> p.any(Char::isDigit) } })
        assertTrue(ready.sections.isNotEmpty())
        val nothing = EventInfoModel({ null }) { Lang.ZH }.apply { load() }
        assertEquals(EventInfoUiState.NoEvent, nothing.state.value)
    },

    test("reminders become notifications with stable codes; dropped ones are cancelled") {
        val app = Fixtures.student()
        val clock = FakeClock(JUNE_1_NOON)
        val plan = ReminderPlan.load(app, clock, Lang.ZH)
        assertTrue(plan.isNotEmpty())
        assertTrue(plan.all { it.fireAtMs > JUNE_1_NOON && it.title.isNotBlank() && it.body.isNotBlank() })
        assertEquals(plan.sortedBy { it.fireAtMs }, plan)
        assertEquals(plan.size, plan.map { it.requestCode }.toSet().size, "one notification slot each")
        assertEquals(plan, ReminderPlan.load(app, clock, Lang.ZH), "the same plan twice: same codes")
        assertEquals(setOf("gone"), ReminderPlan.stale(setOf("gone", plan[0].id), plan))
        // Later, fewer remain; before setup there is nothing to remind of.
        clock.now = beijing("2023-06-05T12:00")
        assertTrue(ReminderPlan.load(app, clock, Lang.ZH).size < plan.size)
        assertEquals(emptyList<ScheduledReminder>(), ReminderPlan.load(StudentApp(Fixtures.db("student")), clock, Lang.ZH))
    },

    test("countdowns round up to the minute and never show a negative time") {
        assertEquals(Countdown(0, 0, 1, false), Countdown.of(1))
        assertEquals(Countdown(0, 1, 0, false), Countdown.of(3_600_000))
        assertEquals(Countdown(2, 0, 0, false), Countdown.of(2 * 86_400_000L))
        assertEquals(Countdown(0, 0, 0, true), Countdown.of(0))
        assertEquals(Countdown(0, 0, 0, true), Countdown.of(-5_000))
    },
)

val openFailureTests = listOf(
    test("a database that will not open becomes a screen state with the core's message, not a crash") {
        val notes = java.io.File(Fixtures.db("notes")).apply { writeText("my notes, not a database\n".repeat(100)) }
        val home = StudentHomeModel({ StudentApp(notes.path) }, FakeClock(JUNE_1_NOON)) { Lang.ZH }
        home.refresh()
        val failed = home.state.value as? StudentHomeUiState.Failed ?: fail("got ${home.state.value}")
        assertEquals(ErrorKind.Storage, failed.error.kind)
        assertContains(failed.error.message, notes.name)
        val loop = cn.photoday.ui.staff.ScanLoop({ cn.photoday.core.ScannerApp(notes.path) }, FakeClock(JUNE_1_NOON), { Lang.ZH })
        loop.start()
        val s = loop.state.value as? cn.photoday.ui.staff.StaffScanUiState.Failed ?: fail("got ${loop.state.value}")
        assertEquals(ErrorKind.Storage, s.error.kind)
    },
)
