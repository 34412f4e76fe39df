// The student's screens against the real core: the setup (pack, 学号, card from the album) to the slot card,
// the pass, the 采集码, the number from the studio phone, the checklist, the timeline, the notice and the reminder plan.
package cn.photoday.ui.tests

import cn.photoday.core.Lang
import cn.photoday.core.SetupStep
import cn.photoday.core.StudentApp
import cn.photoday.core.TimelineStatus
import cn.photoday.ui.ErrorKind
import cn.photoday.ui.ImportResult
import cn.photoday.ui.ImportRouter
import cn.photoday.ui.student.*
import kotlin.test.*

private val JUNE_1_NOON = beijing("2023-06-01T12:00")

val studentScreenTests = listOf(
    test("one-step setup: the pack opened from the chat, the 学号, a card from the album — home in three taps") {
        val app = StudentApp(Fixtures.db("student"))
        val clock = FakeClock(JUNE_1_NOON)
        val setup = StudentSetupModel({ app }, clock) { Lang.ZH }
        setup.refresh()
        assertEquals(SetupStep.IMPORT_BUNDLE, (setup.state.value as StudentSetupUiState.Step).prompt.step)

        setup.openFile(Fixtures.bytes("student.bundle"))
        val number = setup.state.value as? StudentSetupUiState.Step ?: fail("got ${setup.state.value}")
        assertEquals(SetupPrompt(SetupStep.ENTER_STUDENT_NO, "输入你的学号"), number.prompt)

        setup.submitStudentNo(Fixtures.studentNo("it"))
        val card = setup.state.value as StudentSetupUiState.Step
        assertEquals(SetupStep.IMPORT_PASS, card.prompt.step)
        assertEquals(Fixtures.studentNo("it"), card.studentNo)
        // The pack's arrival plan already knows the 学号: the slot shows before the pass.
        assertEquals("一教104", card.slot?.room)
        assertEquals("2023-06-03 09:10", card.slot?.arriveBy)

        setup.openAlbum()
        setup.cardPicked(Fixtures.bytes("it-card.png"))
        assertEquals(StudentSetupUiState.Done, setup.state.value)
        assertEquals(listOf(SetupTap.ConfirmStudentNo, SetupTap.OpenAlbum, SetupTap.PickCard), setup.taps)
        assertTrue(setup.taps.size <= 3, "at most three taps after opening the pack")
        assertEquals(listOf(SetupStep.IMPORT_BUNDLE, SetupStep.ENTER_STUDENT_NO, SetupStep.IMPORT_PASS, null), setup.shown)

        val home = StudentHomeModel({ app }, clock) { Lang.ZH }
        home.refresh()
        val ready = home.state.value as? StudentHomeUiState.Ready ?: fail("got ${home.state.value}")
        assertEquals("信息技术与工程学院", ready.slot.college)
        assertEquals(listOf("09:30–12:00", "14:00–16:00"), ready.slot.windows)
        assertTrue(ready.slot.timeFromPlan)
        assertEquals(Fixtures.prop("it.class"), ready.className)
        // 1 June 12:00 → 3 June 09:10, in the core's words.
        assertEquals("还有 1 天 21 小时", ready.countdown)
        assertEquals("code-t1", ready.next?.id)
        assertEquals(SetupPrompt(SetupStep.SAVE_COLLECTION_CODE, "保存你的学信网采集码截图"), ready.pending)
        assertTrue(ready.checklistTotal >= 5)
        clock.now = beijing("2023-06-03T07:05")
        home.refresh()
        assertEquals("今天 09:10（还有 2 小时 5 分）", (home.state.value as StudentHomeUiState.Ready).countdown)
    },

    test("a classmate's card from the class group is refused in Chinese naming both numbers; the pasted pass is accepted") {
        val app = StudentApp(Fixtures.db("student"))
        val setup = StudentSetupModel({ app }, FakeClock(JUNE_1_NOON)) { Lang.ZH }
        setup.openFile(Fixtures.bytes("student.bundle"))
        setup.submitStudentNo(Fixtures.studentNo("it"))
        setup.openAlbum()
        setup.cardPicked(Fixtures.bytes("classmate-card.png"))
        val refused = setup.state.value as? StudentSetupUiState.Step ?: fail("got ${setup.state.value}")
        assertEquals(SetupStep.IMPORT_PASS, refused.prompt.step)
        val zh = refused.error?.text?.zh ?: fail("no error shown")
        assertContains(zh, "这是学号 ${Fixtures.studentNo("classmate")} 的签到码，不是你的")
        assertContains(zh, Fixtures.studentNo("it"))
        assertNull(app.pass(), "nothing was imported")

        // The classmate's pass as text is refused the same way; the student's own, pasted from the
        // chat with a line break, goes in.
        setup.pastePass(Fixtures.pass("classmate"))
        assertContains((setup.state.value as StudentSetupUiState.Step).error!!.text.zh, "不是你的")
        setup.pastePass(Fixtures.pass("it") + "\r\n")
        assertEquals(StudentSetupUiState.Done, setup.state.value)
        assertEquals(Fixtures.studentNo("it"), app.pass()?.studentNo?.toString())
    },

    test("a card shared from the album by \"open with\" goes in like the pasted text") {
        val app = StudentApp(Fixtures.db("student"))
        ImportRouter.student(app, Fixtures.bytes("student.bundle"), Lang.ZH)
        val pass = ImportRouter.student(app, Fixtures.bytes("it-card.png"), Lang.ZH)
        assertEquals(ImportResult.Pass(Fixtures.studentNo("it"), 1), pass)
        // Without a 学号 typed first, the pass sets it.
        assertEquals(Fixtures.studentNo("it"), app.studentNo()?.toString())
        val blank = ImportRouter.student(app, Fixtures.bytes("blank.png"), Lang.ZH) as ImportResult.Failed
        assertContains(blank.error.text.zh, "读不到签到码")
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
        assertEquals(PassUiState.Missing(SetupStep.IMPORT_BUNDLE), empty.state.value)

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
        // The core's why, with what to do; the app adds no advice of its own.
        assertContains(model.state.value.problem ?: fail("no reason given"), "原始截图")

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

    test("the notice screen lists contacts with dialable numbers, the 补拍 make-up and the fee to pay the liaison") {
        val app = Fixtures.student()
        val model = EventInfoModel({ app.event() }, { app.feeNote() }) { Lang.ZH }
        model.load()
        val ready = model.state.value as? EventInfoUiState.Ready ?: fail("got ${model.state.value}")
        assertEquals(15, ready.fee.yuan)
        // Students pay their liaison before the colleges' transfer; the colleges' Alipay account is not theirs.
        assertContains(ready.fee.note, "联络员")
        assertContains(ready.fee.note, "2023-05-20 17:00")
        assertFalse(ready.fee.note.contains("支付宝") || ready.fee.note.contains("1119786746"), ready.fee.note)
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
