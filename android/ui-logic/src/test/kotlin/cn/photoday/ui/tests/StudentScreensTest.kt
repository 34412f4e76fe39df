// The student's screens' holders against the real core: the setup (pack, 学号, card from the album)
// and its taps, the home's states, the pass, the 采集码, the number from the studio phone, the
// checklist, the timeline, the notice and the reminder plan. What the core says in them (the
// countdown, the slot, the refusals, the texts) is tested in tests/kotlin and the core's tests.
package cn.photoday.ui.tests

import cn.photoday.core.BilingualText
import cn.photoday.core.Lang
import cn.photoday.core.SetupStep
import cn.photoday.core.StudentApp
import cn.photoday.core.TimelineStatus
import cn.photoday.ui.ErrorKind
import cn.photoday.ui.student.*
import kotlin.test.*

private val JUNE_1_NOON = beijing("2023-06-01T12:00")

val studentScreenTests = listOf(
    test("one-step setup: the pack opened from the chat, the 学号, a card from the album — home in three taps") {
        val app = StudentApp(Fixtures.db("student"))
        val clock = FakeClock(JUNE_1_NOON)
        val setup = StudentSetupModel({ app }, clock) { Lang.ZH }
        setup.refresh()
        assertEquals(SetupStep.IMPORT_BUNDLE, (setup.state.value as StudentSetupUiState.Step).step)

        setup.openFile(Fixtures.bytes("student.bundle"))
        val number = setup.state.value as? StudentSetupUiState.Step ?: fail("got ${setup.state.value}")
        assertEquals(SetupStep.ENTER_STUDENT_NO, number.step)
        assertNotNull(number.home.setupHint, "the core's sentence for the step")

        setup.submitStudentNo(Fixtures.studentNo("it"))
        val card = setup.state.value as StudentSetupUiState.Step
        assertEquals(SetupStep.IMPORT_PASS, card.step)
        assertEquals(Fixtures.studentNo("it"), card.home.studentNo?.toString())
        // The pack's arrival plan already knows the 学号: the slot shows before the pass.
        assertEquals("一教104", card.home.slot?.room?.zh)

        setup.openAlbum()
        setup.cardPicked(Fixtures.bytes("it-card.png"))
        assertEquals(StudentSetupUiState.Done, setup.state.value)
        assertEquals(listOf(SetupTap.ConfirmStudentNo, SetupTap.OpenAlbum, SetupTap.PickCard), setup.taps)
        assertTrue(setup.taps.size <= 3, "at most three taps after opening the pack")
        assertEquals(listOf(SetupStep.IMPORT_BUNDLE, SetupStep.ENTER_STUDENT_NO, SetupStep.IMPORT_PASS, null), setup.shown)

        val home = StudentHomeModel({ app }, clock) { Lang.ZH }
        home.refresh()
        val ready = home.state.value as? StudentHomeUiState.Ready ?: fail("got ${home.state.value}")
        assertEquals(Lang.ZH, ready.lang)
        assertEquals(SetupStep.SAVE_COLLECTION_CODE, ready.home.setupStep, "the 采集码 is a card on the home")
        assertEquals(StudentHomeUiState.Setup, StudentHomeModel({ StudentApp(Fixtures.db("student")) }, clock) { Lang.ZH }.apply { refresh() }.state.value)
    },

    test("a classmate's card from the class group is refused and stays on the step; the pasted pass is accepted") {
        val app = StudentApp(Fixtures.db("student"))
        val setup = StudentSetupModel({ app }, FakeClock(JUNE_1_NOON)) { Lang.ZH }
        setup.openFile(Fixtures.bytes("student.bundle"))
        setup.submitStudentNo(Fixtures.studentNo("it"))
        setup.openAlbum()
        setup.cardPicked(Fixtures.bytes("classmate-card.png"))
        val refused = setup.state.value as? StudentSetupUiState.Step ?: fail("got ${setup.state.value}")
        assertEquals(SetupStep.IMPORT_PASS, refused.step)
        assertEquals(ErrorKind.InvalidInput, refused.error?.kind)
        assertContains(refused.error!!.text.zh, Fixtures.studentNo("classmate"))
        assertNull(app.pass(), "nothing was imported")

        setup.pastePass(Fixtures.pass("classmate"))
        assertNotNull((setup.state.value as StudentSetupUiState.Step).error)
        setup.pastePass(Fixtures.pass("it") + "\r\n")
        assertEquals(StudentSetupUiState.Done, setup.state.value)
        assertEquals(Fixtures.studentNo("it"), app.pass()?.studentNo?.toString())
    },

    test("after the shoot the home shows the number scanned from the studio phone; a classmate's is refused and said on the home") {
        val app = Fixtures.student()
        val clock = FakeClock(beijing("2023-06-03T10:30"))
        val home = StudentHomeModel({ app }, clock) { Lang.ZH }
        home.refresh()
        val before = home.state.value as? StudentHomeUiState.Ready ?: fail("got ${home.state.value}")
        assertNull(before.home.shot)
        assertNotNull(before.home.shotPrompt, "the session began: the core asks for the number")

        val studio = Fixtures.studio(checkCode = false)
        val mine = studio.scan(Fixtures.pass("it"), beijing("2023-06-03T09:40")).numberQr ?: fail("no number QR")
        val classmate = Fixtures.session1.first { it.first != Fixtures.studentNo("it") }
        val theirs = studio.scan(classmate.second, beijing("2023-06-03T09:41")).numberQr ?: fail("no number QR")
        home.importNumber(theirs)
        val refused = home.state.value as StudentHomeUiState.Ready
        assertEquals(ErrorKind.InvalidInput, refused.numberError?.kind)
        assertNull(refused.home.shot)

        home.importNumber(mine)
        val after = home.state.value as StudentHomeUiState.Ready
        assertEquals("一教104 · 001 · 第1批", after.home.shot?.label?.zh)
        assertNull(after.numberError, "a new read clears the refusal")
    },

    test("\"我已拍完\" without a number also ends the 补拍 prompt") {
        val app = Fixtures.student()
        val home = StudentHomeModel({ app }, FakeClock(beijing("2023-06-03T16:30"))) { Lang.ZH }
        home.markShotDone()
        val ready = home.state.value as StudentHomeUiState.Ready
        assertNotNull(ready.home.shot)
        assertNull(ready.home.shotPrompt)
    },

    test("the pass screen says what to import first, then shows the pass's code, number and slot") {
        val newPhone = StudentApp(Fixtures.db("student"))
        val clock = FakeClock(JUNE_1_NOON)
        val empty = PassModel({ newPhone }, clock) { Lang.ZH }
        empty.load()
        assertEquals(PassUiState.Missing(newPhone.home(clock.nowMs()).setupHint, Lang.ZH), empty.state.value)
        assertNotNull((empty.state.value as PassUiState.Missing).hint, "the core's words for the step")

        val app = Fixtures.student()
        val model = PassModel({ app }, clock) { Lang.ZH }
        model.load()
        val ready = model.state.value as? PassUiState.Ready ?: fail("got ${model.state.value}")
        assertEquals(Fixtures.studentNo("it"), ready.pass.studentNo.toString())
        assertEquals(Fixtures.pass("it"), ready.pass.text)
        assertEquals("一教104", ready.slot?.room?.zh)
    },

    test("the 采集码 screen keeps the image as given with the core's check; a refused image leaves the saved one") {
        val app = Fixtures.student()
        val model = CollectionCodeModel({ app }) { Lang.ZH }
        model.load()
        val first = model.state.value
        assertNull(first.readability)
        assertNull(first.image)
        assertEquals(app.event()!!.collectionCodeRoutes, first.routes)

        model.save(Fixtures.bytes("blank.png"))
        assertEquals(false, model.state.value.readability?.readable)
        assertNotNull(model.state.value.readability?.problem, "the core's why, with what to do")

        val png = Fixtures.bytes("collection-code.png")
        model.save(png)
        assertEquals(true, model.state.value.readability?.readable)
        assertContentEquals(png, model.state.value.image)
        assertNull(model.state.value.error)

        // A damaged JPEG is refused with the core's message; the image saved before stays.
        model.save(byteArrayOf(0xFF.toByte(), 0xD8.toByte(), 0xFF.toByte(), 0xE0.toByte(), 0, 16))
        val refused = model.state.value
        assertEquals(ErrorKind.InvalidInput, refused.error?.kind)
        assertContentEquals(png, refused.image)

        val again = CollectionCodeModel({ app }) { Lang.ZH }
        again.load()
        assertEquals(true, again.state.value.readability?.readable)
        assertEquals(again.state.value, again.state.value.copy(image = again.state.value.image?.copyOf()), "state equality compares image bytes")
    },

    test("checklist ticks are kept and counted on the home screen") {
        val app = Fixtures.student()
        val clock = FakeClock(JUNE_1_NOON)
        val model = ChecklistModel({ app }, clock) { Lang.ZH }
        model.load()
        val before = model.state.value as ChecklistUiState.Ready
        assertEquals("准备清单 0/${before.items.size}", before.progress.zh)
        val id = before.items.first().id
        model.setTick(id, true)
        val after = model.state.value as ChecklistUiState.Ready
        assertEquals(BilingualText("准备清单 1/${after.items.size}", "Checklist 1/${after.items.size}"), after.progress)
        assertTrue(after.items.first { it.id == id }.ticked)
        val home = StudentHomeModel({ app }, clock) { Lang.ZH }.apply { refresh() }
        assertEquals(after.progress, (home.state.value as StudentHomeUiState.Ready).home.checklistLine, "the home's button says the same")
        model.setTick("wear-a-hat", true)
        assertEquals(ErrorKind.InvalidInput, (model.state.value as ChecklistUiState.Failed).error.kind)
    },

    test("the timeline scrolls to the first thing not yet past") {
        val app = Fixtures.student()
        val model = TimelineModel({ app }, FakeClock(JUNE_1_NOON)) { Lang.ZH }
        model.load()
        val ready = model.state.value as? TimelineUiState.Ready ?: fail("got ${model.state.value}")
        val next = ready.items[ready.nextIndex ?: fail("nothing ahead")]
        assertNotEquals(TimelineStatus.PAST, next.status)
        assertTrue(ready.items.take(ready.nextIndex!!).all { it.status == TimelineStatus.PAST })
        val later = TimelineModel({ app }, FakeClock(beijing("2024-06-01T12:00"))) { Lang.ZH }.apply { load() }
        assertNull((later.state.value as TimelineUiState.Ready).nextIndex, "a year on, everything is past")

        val newPhone = StudentApp(Fixtures.db("student"))
        val none = TimelineModel({ newPhone }, FakeClock(JUNE_1_NOON)) { Lang.ZH }
        none.load()
        assertEquals(ErrorKind.NotReady, (none.state.value as TimelineUiState.Failed).error.kind)
    },

    test("the notice screen holds the core's notice, or the core's words for what to open first") {
        val app = Fixtures.student()
        val clock = FakeClock(JUNE_1_NOON)
        val model = NoticeModel({ app }, clock) { Lang.ZH }
        model.load()
        val ready = model.state.value as? NoticeUiState.Ready ?: fail("got ${model.state.value}")
        assertEquals(app.notice(), ready.notice)
        val newPhone = StudentApp(Fixtures.db("student"))
        val nothing = NoticeModel({ newPhone }, clock) { Lang.ZH }.apply { load() }
        val noPack = nothing.state.value as? NoticeUiState.NoPack ?: fail("got ${nothing.state.value}")
        assertEquals(newPhone.home(clock.nowMs()).setupHint, noPack.hint)
        assertNotNull(noPack.hint)
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
