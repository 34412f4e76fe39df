// A student's journey through StudentApp, as the Android app makes it: bundle, pass, home,
// timeline, checklist, 采集码, the 摄影编号 from the studio phone, purge.

import cn.photoday.core.*
import kotlin.test.*

private val JUNE_1_NOON = beijing("2023-06-01T12:00")

/** A phone with the student bundle and the pass of a student of 信息技术与工程学院. */
private fun readyStudent(db: String = Fixtures.db("student")): StudentApp {
    val app = StudentApp(db)
    app.importBundle(Fixtures.bytes("student.bundle"))
    app.importPass(Fixtures.pass("it"))
    return app
}

val studentAppTests = listOf(
    test("whatever a student is handed goes in by content: the pack, the card picture, the pass text; a staff file is refused") {
        val app = StudentApp(Fixtures.db("student-any"))
        val staff = assertFailsWith<PhotoDayException.InvalidInput> { app.importAny(Fixtures.bytes("scanner.bundle")) }
        assertContains(staff.text.zh, "工作人员用的文件")
        val pack = app.importAny(Fixtures.bytes("student.bundle"))
        assertEquals(StudentImportKind.PACK, pack.kind)
        assertTrue(pack.text.zh.startsWith("已导入"), pack.text.zh)
        val card = app.importAny(Fixtures.bytes("it-card.png"))
        assertEquals(StudentImportKind.PASS, card.kind)
        assertEquals(Fixtures.pass("it"), card.pass!!.text)
        val pasted = app.importAny(("\uFEFF" + Fixtures.pass("it") + "\r\n").toByteArray())
        assertEquals(card.pass, pasted.pass)
    },
    test("the 学号 is entered once; a classmate's pass or card is NotYourPass, naming both numbers") {
        val app = StudentApp(Fixtures.db("student"))
        app.importBundle(Fixtures.bytes("student.bundle"))
        assertEquals(SetupStep.ENTER_STUDENT_NO, app.setupStep())
        assertFailsWith<PhotoDayException.InvalidInput> { app.setStudentNo("张三") }
        assertEquals(Fixtures.studentNo("it"), app.setStudentNo(" " + Fixtures.studentNo("it")))
        assertEquals(SetupStep.IMPORT_PASS, app.setupStep())
        for (attempt in listOf({ app.importPass(Fixtures.pass("classmate")) }, { app.importPassImage(Fixtures.bytes("classmate-card.png")) })) {
            val e = assertFailsWith<PhotoDayException.NotYourPass> { attempt() }
            assertContains(e.text.zh, "这是学号 ${Fixtures.studentNo("classmate")} 的签到码，不是你的")
            assertContains(e.text.zh, Fixtures.studentNo("it").toString())
            assertContains(e.text.en, Fixtures.studentNo("classmate").toString())
        }
        assertNull(app.pass())
        val blank = assertFailsWith<PhotoDayException.InvalidInput> { app.importPassImage(Fixtures.bytes("blank.png")) }
        assertContains(blank.text.zh, "读不到签到码")
        val pass = app.importPassImage(Fixtures.bytes("it-card.png"))
        assertEquals(Fixtures.pass("it"), pass.text)
        assertEquals(SetupStep.SAVE_COLLECTION_CODE, app.setupStep())
        assertFalse(app.home(JUNE_1_NOON).needsSetup)
    },

    test("a newer pack that voids the pass on the phone says so, and the new pass goes in") {
        val app = StudentApp(Fixtures.db("student"))
        assertNull(app.importBundle(Fixtures.bytes("student-before-reissue.bundle")).passReplaced)
        app.importPass(Fixtures.pass("replaced-old"))
        val newer = app.importBundle(Fixtures.bytes("student.bundle"))
        val note = assertNotNull(newer.passReplaced)
        assertContains(note.zh, "重新签发了你的签到码")
        assertNull(app.pass())
        assertEquals(SetupStep.IMPORT_PASS, app.setupStep())
        app.importPass(Fixtures.pass("replaced-new"))
    },

    test("a new student phone asks for the event bundle first and has no timeline yet") {
        val app = StudentApp(Fixtures.db("new-student"))
        val home = app.home(JUNE_1_NOON)
        assertNull(home.slot)
        assertEquals(SetupStep.IMPORT_BUNDLE, home.setupStep)
        assertEquals("打开联络员发在群里的学历照采集资料包", home.setupHint?.zh)
        assertTrue(home.needsSetup)
        assertNull(app.event())
        assertNull(app.pass())
        assertTrue(app.checklist().isEmpty())
        assertFailsWith<PhotoDayException.NotReady> { app.timeline(JUNE_1_NOON) }
        assertFailsWith<PhotoDayException.NotReady> { app.importPass(Fixtures.pass("it")) }
        assertFailsWith<PhotoDayException.NotReady> { app.passQr() }
    },

    test("a scanner bundle or a tampered student bundle is refused and nothing is imported") {
        val app = StudentApp(Fixtures.db("student"))
        val wrongKind = assertFailsWith<PhotoDayException.BadBundle> { app.importBundle(Fixtures.bytes("scanner.bundle")) }
        assertContains(wrongKind.message!!, "student")
        val tampered = Fixtures.bytes("student.bundle").also { it[it.size / 2] = (it[it.size / 2].toInt() xor 0x20).toByte() }
        assertFailsWith<PhotoDayException.BadBundle> { app.importBundle(tampered) }
        assertFailsWith<PhotoDayException.BadBundle> { app.importBundle(Fixtures.bytes("student.bundle").copyOf(100)) }
        assertNull(app.event())
    },

    test("a student of 信息技术与工程学院 imports bundle and pass and is told: 一教104 by 09:10 on 3 June") {
        val app = StudentApp(Fixtures.db("student"))
        assertEquals(Fixtures.prop("event.id"), app.importBundle(Fixtures.bytes("student.bundle")).event.id)
        assertEquals("输入你的学号", app.home(JUNE_1_NOON).setupHint?.zh)
        // Pasted from a chat: spaces and a line break around it are fine.
        val pass = app.importPass("  " + Fixtures.pass("it") + "\n")
        assertEquals(Fixtures.studentNo("it"), pass.studentNo)
        assertEquals(1.toUByte(), pass.session)
        assertEquals(Fixtures.pass("it"), pass.text)

        val home = app.home(JUNE_1_NOON)
        val slot = assertNotNull(home.slot)
        assertEquals("信息技术与工程学院", slot.college.zh)
        assertEquals("一教104", slot.room.zh)
        assertEquals("2023-06-03", slot.date)
        assertEquals("2023-06-03 09:10", slot.arriveByLocal)
        assertEquals(beijing("2023-06-03T09:10"), slot.arriveByUnixMs)
        assertTrue(slot.planned, "the bundle carries the arrival plan")
        assertEquals(Fixtures.prop("it.class"), home.className)
        assertEquals(beijing("2023-06-03T09:10") - JUNE_1_NOON, home.countdownMs)
        assertEquals(BilingualText("还有 1 天 21 小时", "in 1 day 21 h"), home.countdown)
        assertEquals(Fixtures.studentNo("it"), home.studentNo, "the pass set the 学号")
        assertEquals("code-t1", home.next?.id, "the next thing to do is the T-1 采集码 check")
        assertEquals("保存你的学信网采集码截图", home.setupHint?.zh)
        assertEquals(slot, app.slot())
    },

    test("a student of the third class is told their class's own time, not the session's start") {
        val app = StudentApp(Fixtures.db("student"))
        app.importBundle(Fixtures.bytes("student.bundle"))
        app.importPass(Fixtures.pass("late"))
        val home = app.home(JUNE_1_NOON)
        val slot = assertNotNull(home.slot)
        // Two classes of 40 before them at 150 an hour (24 s each): 09:30 + 32 min = 10:02.
        assertTrue(slot.planned)
        assertEquals(Fixtures.prop("late.class"), home.className)
        assertEquals("2023-06-03 10:02", slot.timeLocal)
        assertEquals("2023-06-03 09:42", slot.arriveByLocal)
        val arrive = app.timeline(JUNE_1_NOON).first { it.id == "arrive" }
        assertEquals("2023-06-03 09:42", arrive.atLocal)
    },

    test("a mistyped, forged, replaced or another event's pass is caught on the phone, not at the door") {
        val app = StudentApp(Fixtures.db("student"))
        app.importBundle(Fixtures.bytes("student.bundle"))
        val good = Fixtures.pass("it")
        val cases = mapOf(
            "mistyped" to good.dropLast(1),
            "forged" to Fixtures.pass("forged"),
            "replaced" to Fixtures.pass("replaced-old"),
            "other event" to Fixtures.pass("other-event"),
            "lower case" to good.lowercase(),
        )
        for ((what, text) in cases) {
            val err = assertFailsWith<PhotoDayException.InvalidInput>(what) { app.importPass(text) }
            assertTrue(err.message!!.isNotBlank(), what)
        }
        assertContains(assertFailsWith<PhotoDayException.InvalidInput> { app.importPass(Fixtures.pass("replaced-old")) }.text.zh, "已作废")
        assertContains(assertFailsWith<PhotoDayException.InvalidInput> { app.importPass(Fixtures.pass("other-event")) }.text.zh, "这不是")
        assertNull(app.pass(), "nothing was imported")
        assertEquals(Fixtures.studentNo("replaced"), app.importPass(Fixtures.pass("replaced-new")).studentNo)
    },

    test("the timeline and reminders come from the bundle; the 学信网 check opens on 13 July") {
        val app = readyStudent()
        val items = app.timeline(beijing("2023-05-10T12:00"))
        assertEquals(
            listOf("fee", "code-t7", "code-t3", "code-t1", "arrive", "shoot", "verify", "makeup"),
            items.map { it.id },
        )
        val byId = items.associateBy { it.id }
        assertEquals("2023-06-03 09:10", byId.getValue("arrive").atLocal)
        assertTrue(byId.getValue("verify").atLocal.startsWith("2023-07-13"), byId.getValue("verify").atLocal)
        assertEquals(TimelineStatus.UPCOMING, byId.getValue("fee").status)
        val reminders = app.reminders(JUNE_1_NOON)
        assertTrue(reminders.isNotEmpty() && reminders.all { it.fireAtUnixMs > JUNE_1_NOON })
        assertEquals(reminders.sortedBy { it.fireAtUnixMs }, reminders)
        assertTrue(reminders.any { it.id.startsWith("verify-") })
    },

    test("checklist ticks survive a restart of the app") {
        val db = Fixtures.db("student")
        val app = readyStudent(db)
        val items = app.checklist()
        assertTrue(items.size >= 5 && items.none { it.ticked })
        val (a, b) = items.take(2).map { it.id }
        app.setTick(a, true, JUNE_1_NOON)
        val after = app.setTick(b, true, JUNE_1_NOON)
        assertEquals(setOf(a, b), after.filter { it.ticked }.map { it.id }.toSet())
        assertEquals(2u, app.home(JUNE_1_NOON).checklistDone)

        val reopened = StudentApp(db)
        assertEquals(setOf(a, b), reopened.checklist().filter { it.ticked }.map { it.id }.toSet())
        assertEquals(Fixtures.studentNo("it"), reopened.pass()?.studentNo, "the pass survives too")
        reopened.setTick(a, false, JUNE_1_NOON)
        assertEquals(listOf(b), reopened.checklist().filter { it.ticked }.map { it.id })
        assertFailsWith<PhotoDayException.InvalidInput> { reopened.setTick("wear-a-hat", true, JUNE_1_NOON) }
    },

    test("the 采集码 image is kept exactly as saved and its readability is checked locally") {
        val app = readyStudent()
        assertFailsWith<PhotoDayException.NotReady> { app.checkCollectionCode() }
        val png = Fixtures.bytes("collection-code.png")
        val saved = app.saveCollectionCode(png)
        assertTrue(saved.readable)
        assertEquals(1u, saved.codesFound)
        assertContentEquals(png, app.collectionCode())
        assertTrue(app.checkCollectionCode().readable)
        val home = app.home(JUNE_1_NOON)
        assertTrue(home.hasCollectionCode)
        assertNull(home.setupHint, "nothing left to set up")

        assertFalse(app.saveCollectionCode(Fixtures.bytes("blank.png")).readable, "a blank picture holds no code")
        assertFailsWith<PhotoDayException.InvalidInput> { app.saveCollectionCode("not a picture".toByteArray()) }
    },

    test("the pass is drawn as a 37×37 QR code with whole pixels per module") {
        val qr = readyStudent().passQr()
        assertEquals(5.toUByte(), qr.version)
        assertEquals(Ecc.M, qr.ecc)
        assertEquals(37u, qr.width)
        assertEquals(4u, qr.quietZone)
        assertEquals(37 * 37, qr.dark.size)
        // The three finder patterns' outer corners are dark.
        assertTrue(qr.dark[0] && qr.dark[36] && qr.dark[36 * 37])
        assertEquals(8u, qr.pxPerModule(400u)) // 45 modules with the quiet zone
        assertEquals(1u, qr.pxPerModule(10u))
    },

    test("the fee is worded for the student: pay the liaison by the deadline, never the colleges' account") {
        assertNull(StudentApp(Fixtures.db("student")).feeNote(), "no pack, no fee to pay yet")
        val note = readyStudent().feeNote() ?: fail("no fee note")
        assertContains(note.zh, "联络员")
        assertContains(note.zh, "2023-05-20 17:00")
        assertFalse(note.zh.contains("支付宝") || note.zh.contains("1119786746"), note.zh)
        assertTrue(note.en.isNotBlank())
    },

    test("the notice is the core's cards: fee, 补拍, 学信网, contacts, then the instructions; every number dials") {
        assertNull(StudentApp(Fixtures.db("student")).notice(), "no pack, no notice yet")
        val app = readyStudent()
        val event = app.event() ?: fail("no event")
        val notice = app.notice() ?: fail("no notice")
        assertEquals(event.title, notice.title)
        assertContains(notice.source.zh, event.noticeRef)
        val titles = notice.sections.map { it.title.zh }
        assertContains(titles[0], "摄影费")
        assertEquals("补拍", titles[1])
        assertContains(titles[2], "学信网")
        assertEquals("联系人", titles[3])
        assertEquals(event.instructions.map { it.title.zh }, titles.drop(4), "then each instruction section, in order")
        notice.sections.forEach { section ->
            assertTrue(section.title.zh.isNotBlank() && section.title.en.isNotBlank(), "a card without a title")
            section.lines.forEach { assertTrue(it.text.zh.isNotBlank() && it.text.en.isNotBlank(), "a line in one language only: $it") }
        }

        // The fee as a student pays it (the liaison), never the colleges' account.
        val fee = notice.sections[0].lines.joinToString("\n") { it.text.zh + "\n" + it.text.en }
        assertEquals(app.feeNote(), notice.sections[0].lines.first().text)
        assertFalse(fee.contains(event.fee.payTo.zh) || fee.contains(event.fee.payTo.en), fee)

        // 补拍: its number dials; each contact is a sub-heading followed by a line per number to dial.
        assertEquals(listOf(event.makeup.phone), notice.sections[1].lines.mapNotNull { it.dial })
        val contacts = notice.sections[3].lines
        assertEquals(event.contacts.size, contacts.count { it.heading })
        assertEquals(event.contacts.flatMap { it.phones }, contacts.mapNotNull { it.dial })
        assertTrue(event.contacts.flatMap { it.phones }.isNotEmpty(), "the fixture pack names numbers to call")
        contacts.filter { it.dial != null }.forEach { line ->
            assertContains(line.text.zh, line.dial!!)
            assertFalse(line.heading)
        }
        assertTrue(notice.sections.drop(4).all { s -> s.lines.none { it.dial != null || it.heading } }, "instructions are plain lines")
    },

    test("the 采集码's one line is the core's: readable for a saved code, the problem for a blank picture") {
        val app = readyStudent()
        val readable = app.saveCollectionCode(Fixtures.bytes("collection-code.png"))
        assertTrue(readable.readable)
        assertEquals("扫码枪可以读取此码。", readable.verdict.zh)
        assertTrue(readable.verdict.en.isNotBlank())
        assertEquals(readable.verdict, app.checkCollectionCode().verdict, "the check again says the same")

        val blank = app.saveCollectionCode(Fixtures.bytes("blank.png"))
        assertFalse(blank.readable)
        val problem = blank.problem ?: fail("no reason given")
        assertEquals(problem, blank.verdict, "unreadable: the line is the core's why, with what to do")
        assertNotEquals(readable.verdict, blank.verdict)
    },

    test("purge deletes the pass, the 采集码 and the ticks, and keeps the public event") {
        val db = Fixtures.db("student")
        val app = readyStudent(db)
        app.saveCollectionCode(Fixtures.bytes("collection-code.png"))
        app.setTick(app.checklist().first().id, true, JUNE_1_NOON)
        app.purge()
        assertNull(app.pass())
        assertNull(app.collectionCode())
        assertTrue(app.checklist().none { it.ticked })
        assertEquals(Fixtures.prop("event.id"), app.event()?.id)
        val reopened = StudentApp(db)
        assertNull(reopened.pass())
        assertNull(reopened.collectionCode())
        assertEquals(SetupStep.ENTER_STUDENT_NO, reopened.home(JUNE_1_NOON).setupStep, "the 学号 went with the pass")
    },

    test("the student keeps the number the studio phone shows; a classmate's is refused; no 补拍 alarms after") {
        val app = readyStudent()
        val shootDay = beijing("2023-06-03T10:30")
        val before = app.home(shootDay)
        assertNull(before.shot)
        assertNotNull(before.shotPrompt, "once the session began the app asks whether they were photographed")
        assertTrue(app.reminders(JUNE_1_NOON).any { it.id.startsWith("makeup-") }, "补拍 reminders before the shoot")

        val studio = station(Role.STUDIO)
        studio.setCheckCode(false)
        val mine = studio.scan(Fixtures.pass("it"), beijing("2023-06-03T09:40"))
        assertEquals("001", numbered(mine).photoNo)
        val classmate = Fixtures.session1.first { it.studentNo != Fixtures.studentNo("it") }
        val theirs = studio.scan(classmate.pass, beijing("2023-06-03T09:41"))
        val refused = assertFailsWith<PhotoDayException.NotYourPass> { app.importNumber(theirs.numberQr!!) }
        assertContains(refused.text.zh, classmate.studentNo.toString())
        assertFailsWith<PhotoDayException.InvalidInput> { app.importNumber(Fixtures.pass("it")) }
        assertNull(app.shot(), "nothing was kept")

        val shot = app.importNumber(mine.numberQr!!)
        assertEquals("001", shot.photoNo)
        assertEquals(1u, shot.batch)
        assertEquals(1.toUByte(), shot.session)
        assertEquals("一教104 · 001 · 第1批", shot.label.zh)
        val after = app.home(shootDay)
        assertEquals(shot, after.shot)
        assertNull(after.shotPrompt)
        val reminders = app.reminders(JUNE_1_NOON)
        assertTrue(reminders.none { it.id.startsWith("makeup-") }, "no 补拍 alarms: ${reminders.map { it.id }}")
        assertTrue(reminders.any { it.id.startsWith("verify-") }, "the 学信网 check 40 days later stays")
        assertTrue(app.timeline(shootDay).none { it.kind == TimelineItemKind.MAKEUP_DEADLINE })
    },

    test("\"我已拍完\" without a number switches the home to after the shoot, and can be taken back") {
        val app = readyStudent()
        val shootDay = beijing("2023-06-03T16:30")
        val done = app.setShotDone(true) ?: fail("no shot")
        assertNull(done.photoNo)
        assertEquals("已拍完", done.label.zh)
        assertEquals(done, app.home(shootDay).shot)
        assertTrue(app.reminders(JUNE_1_NOON).none { it.id.startsWith("makeup-") })
        assertNull(app.setShotDone(false))
        assertNull(app.home(shootDay).shot)
        assertTrue(app.reminders(JUNE_1_NOON).any { it.id.startsWith("makeup-") })
    },

    test("a file that is not PhotoDay's is refused and left untouched; a missing folder is an Io error") {
        val notes = Fixtures.file("notes.db")
        val content = "my notes, not a database\n".repeat(100).toByteArray()
        notes.writeBytes(content)
        val err = assertFailsWith<PhotoDayException.Storage> { StudentApp(notes.path) }
        assertContains(err.message!!, "notes.db")
        assertContentEquals(content, notes.readBytes())
        assertFailsWith<PhotoDayException.Storage> { ScannerApp(notes.path) }
        assertFailsWith<PhotoDayException.Io> { StudentApp(Fixtures.file("no-such-folder").path + "/p.db") }
    },

    test("the slot card's place, time and be-at-the-door lines and the checklist's line come from the core in both languages") {
        val app = readyStudent()
        val home = app.home(JUNE_1_NOON)
        val slot = assertNotNull(home.slot)
        assertEquals("信息技术与工程学院 · 一教104", slot.place.zh)
        assertEquals("${slot.college.en} · ${slot.room.en}", slot.place.en)
        assertNotEquals(slot.place.zh, slot.place.en, "English has its own words")
        // The bundle's arrival plan gives this class 09:30, so the line says it is the class's time.
        assertTrue(slot.planned)
        assertEquals(BilingualText("你班的时间：2023-06-03 09:30", "Your class's time: 2023-06-03 09:30"), slot.timeLine)
        assertEquals(BilingualText("请在 2023-06-03 09:10 前到门口", "Be at the door by 2023-06-03 09:10"), slot.arriveByLine)
        assertEquals(slot.arriveByLine.en, slot.arriveByLine.textIn(Lang.EN))
        assertEquals(slot.timeLine.zh, slot.timeLine.textIn(Lang.ZH))
        assertEquals(slot, app.slot(), "the pass screen's slot has the same lines")
        // Without the plan (the college's preview) the time is the session's start, said so.
        val preview = previewSlot("gzcc-2023", "信息技术与工程学院")
        assertFalse(preview.planned)
        assertEquals(BilingualText("本场开始：2023-06-03 09:30", "Session starts: 2023-06-03 09:30"), preview.timeLine)
        // A third-class student: their own time and door time, in both languages.
        val late = StudentApp(Fixtures.db("student")).apply {
            importBundle(Fixtures.bytes("student.bundle"))
            importPass(Fixtures.pass("late"))
        }.home(JUNE_1_NOON).slot!!
        assertContains(late.timeLine.zh, "10:02")
        assertContains(late.timeLine.en, "10:02")
        assertContains(late.arriveByLine.zh, "09:42")
        assertContains(late.arriveByLine.en, "09:42")

        val total = app.checklist().size
        assertEquals(BilingualText("准备清单 0/$total", "Checklist 0/$total"), home.checklistLine)
        app.setTick(app.checklist().first().id, true, JUNE_1_NOON)
        val ticked = app.home(JUNE_1_NOON).checklistLine
        assertEquals(BilingualText("准备清单 1/$total", "Checklist 1/$total"), ticked)
        assertEquals("Checklist 1/$total", ticked.textIn(Lang.EN))
    },
)
