// A morning at 一教104 through the door loop on ScannerApp, driven as the Android and iOS scan
// screens drive it: every camera frame to `frame`, typed lines to `typed`, the buttons to
// `overrideShown`/`undoShown`/`skipCode`/…, and `tick` at the card's `untilMs`. It asserts what
// staff see — the core's Chinese, the sound, how long a card stays; the rules themselves are the
// core's and tested in core/tests/door_loop.rs.

import cn.photoday.core.*
import kotlin.test.*

private val T = beijing("2023-06-03T09:35")

private fun card(s: DoorScreen?): VerdictCard = s?.card ?: fail("expected a verdict on screen, got $s")

private fun studio(checkCode: Boolean, db: String = Fixtures.db("studio")) =
    station(Role.STUDIO, db = db).apply { setCheckCode(checkCode) }

/** A student number in full-width digits, as a Chinese keyboard may type it. */
private fun fullWidth(n: ULong) = n.toString().map { '０' + (it - '0') }.joinToString("")

val doorLoopTests = listOf(
    test("door loop: a phone says what it still needs, ignores frames until ready, then titles its top bar") {
        val app = ScannerApp(Fixtures.db("door"))
        assertEquals(StaffStatus.NEEDS_BUNDLE, app.staffStatus())
        assertEquals(StaffStatus.NEEDS_BUNDLE, app.doorScreen(T).status)
        assertNull(app.frame(Fixtures.pass("it"), T), "nothing is judged before setup")
        app.importBundle(Fixtures.bytes("scanner.bundle"))
        assertEquals(StaffStatus.NEEDS_STATION, app.staffStatus())
        app.setStation("一教104", Role.DOOR, null)
        val s = app.doorScreen(T)
        assertEquals(StaffStatus.READY, s.status)
        val st = s.station ?: fail("no station")
        assertTrue(st.title.zh.startsWith("一教104 · 签到 · 信息技术与工程学院 · 09:30"), st.title.zh)
        assertTrue(st.title.en.startsWith("一教104 · door · School of Information"), st.title.en)
        assertEquals("09:30–12:00", st.windows.first())
        assertNull(s.card)
        assertNull(s.batch, "a door phone calls no batch")
    },

    test("door loop: green at the door beeps once and goes back by itself after 2.5 s; frames meanwhile change nothing") {
        val app = station(Role.DOOR)
        val green = card(app.frame(Fixtures.pass("it"), T))
        assertEquals("已签到", green.outcome.headline.zh)
        assertEquals(Colour.GREEN, green.outcome.colour)
        assertEquals(Signal.ADMITTED, green.signal)
        assertEquals(T + 2_500, green.untilMs)
        assertEquals(Fixtures.prop("it.name"), green.name)
        assertEquals(Fixtures.studentNo("it"), green.studentNo)
        assertNull(green.photoNo, "numbers are given in the studio")
        assertTrue(green.canUndo)
        assertFalse(green.canOverride)
        for (i in 1..20) assertNull(app.frame(Fixtures.pass("it"), T + i * 100L), "the same pass held up")
        assertNull(app.frame(Fixtures.session1[1].pass, T + 2_100), "the next pass waits until the card is read")
        assertNull(app.tick(T + 2_499))
        val back = app.tick(T + 2_500) ?: fail("the card should go")
        assertNull(back.card)
        assertNull(back.notice)
        assertEquals(1u, app.stationAttendance(T).arrived)
    },

    test("door loop: a pass shown again within seconds is the same card, silent, nothing recorded; a minute later it is amber and waits for an override") {
        val app = station(Role.DOOR)
        val pass = Fixtures.pass("it")
        val first = card(app.frame(pass, T))
        app.tick(T + 2_500)
        val again = card(app.frame(pass, T + 4_600))
        assertTrue(again.outcome.repeat)
        assertEquals(Signal.SILENT, again.signal, "no second beep")
        assertContains(again.note?.zh ?: fail("no 'shown again' line"), "再次出示")
        assertNull(first.note)
        assertEquals(first.outcome.headline, again.outcome.headline)
        assertEquals(T + 4_600 + 2_500, again.untilMs)
        assertTrue(again.serial > first.serial)
        app.tick(T + 10_000)

        val later = card(app.frame(pass, T + 60_000))
        assertEquals("已签到过", later.outcome.headline.zh)
        assertEquals(Colour.AMBER, later.outcome.colour)
        assertEquals(Signal.ATTENTION, later.signal)
        assertTrue(later.canOverride, "a shared screenshot: staff check the student card, then let through")
        assertNull(later.untilMs, "an overridable verdict waits for staff")
        assertNull(app.tick(T + 600_000), "still up ten minutes later")
        val let = card(app.overrideShown("核对学生证，本人", T + 61_000))
        assertEquals(Colour.GREEN, let.outcome.colour)
        assertEquals(Signal.ADMITTED, let.signal)
        assertEquals(1u, app.stationAttendance(T).arrived)
    },

    test("door loop: a student at the wrong room sees the right one big, amber, for 6 s; a forged pass is red and no override takes") {
        val app = station(Role.DOOR)
        val wrong = card(app.frame(Fixtures.pass("accounting"), T))
        assertEquals(Colour.AMBER, wrong.outcome.colour)
        assertEquals("一教108", wrong.rightRoom?.zh)
        assertEquals("Teaching Building 1, Room 108", wrong.rightRoom?.en)
        assertFalse(wrong.canOverride, "the right room is elsewhere")
        assertEquals(T + 6_000, wrong.untilMs)
        app.tick(T + 6_000)
        val forged = card(app.frame(Fixtures.pass("forged"), T + 10_000))
        assertEquals(Colour.RED, forged.outcome.colour)
        assertEquals(Signal.REFUSED, forged.signal)
        assertFalse(forged.canOverride)
        assertEquals(forged, card(app.overrideShown("他说是他的", T + 11_000)), "nothing happens")
        assertEquals(0u, app.stationAttendance(T).arrived)
    },

    test("door loop: 一教209's top bar follows the hand-over from 管理学院 to 国际学院 at 14:30") {
        val app = station(Role.DOOR, room = "一教209")
        assertContains(app.doorScreen(beijing("2023-06-04T14:20")).station!!.title.zh, "管理学院")
        assertContains(app.doorScreen(beijing("2023-06-04T14:31")).station!!.title.zh, "国际学院")
    },

    test("door loop: a number typed in full-width digits checks the student in by hand; a line that is no student number is the core's notice") {
        val app = station(Role.DOOR)
        val h = Fixtures.session1[2]
        val typed = card(app.typed("  ${fullWidth(h.studentNo)} ", "忘带手机", T))
        assertEquals(h.studentNo, typed.studentNo)
        assertEquals(Colour.GREEN, typed.outcome.colour)
        assertEquals("已签到", typed.outcome.headline.zh)
        app.dismiss(T + 1_000)
        val typo = app.typed("12345678901234567", null, T + 2_000)
        assertNull(typo.card)
        val notice = typo.notice ?: fail("no notice")
        assertEquals(Colour.AMBER, notice.colour)
        assertContains(notice.text.zh, "不是学号")
        assertContains(notice.text.en, "not a student number")
    },

    test("door loop: off the roster the studio waits for staff; the override numbers the student 001 with the code the student's app scans") {
        val app = studio(checkCode = false)
        val amber = card(app.frame(Fixtures.pass("not-on-roster"), T))
        assertEquals(Colour.AMBER, amber.outcome.colour)
        assertTrue(amber.canOverride)
        assertNull(amber.untilMs)
        val s = app.overrideShown("转专业，教务处电话确认", T + 30_000)
        val numbered = card(s)
        assertEquals("001", numbered.photoNo)
        assertEquals(1u, numbered.batch)
        assertEquals(T + 30_000 + 10_000, numbered.untilMs, "a new number stays 10 s: the student scans its code")
        assertTrue(numbered.outcome.numberQr!!.startsWith("PDN1:"))
        assertContains(s.batchLabel?.zh ?: fail("no batch label"), "第1批")
        assertEquals(1u, app.stationAttendance(T).notOnRoster)
    },

    test("door loop: the studio asks for the 采集码, numbers the student when the camera reads it, or when staff skip the check") {
        val app = studio(checkCode = true)
        val (a, b) = Fixtures.session1.take(2)
        val ask = card(app.frame(a.pass, T))
        assertTrue(ask.awaitingCode)
        assertEquals("请出示采集码", ask.outcome.headline.zh)
        assertNull(ask.untilMs, "it waits for the code or a skip")
        assertNull(ask.photoNo)
        assertNull(app.frame(a.pass, T + 300), "the pass is still in view")
        val s = app.frame(COLLECTION_CODE, T + 2_000)
        val numbered = card(s)
        assertEquals("001", numbered.photoNo)
        assertFalse(numbered.awaitingCode)
        // The core's one-line texts the app draws as they are (issue #15).
        val who = numbered.who ?: fail("a numbered card names its student")
        assertTrue(who.endsWith(a.studentNo.toString()), who)
        val asideWho = numbered.asideWho ?: fail("a numbered card names its student for step-aside")
        assertTrue(asideWho.startsWith("001"), asideWho)
        val member = s?.batch?.members?.single { it.studentNo == a.studentNo } ?: fail("no open batch with the student: $s")
        assertEquals(asideWho, member.who, "the step-aside list names the card's student the same way")
        assertEquals(Signal.ADMITTED, numbered.signal)
        app.dismiss(T + 3_000)
        assertTrue(card(app.frame(b.pass, T + 10_000)).awaitingCode)
        assertEquals("002", card(app.skipCode(T + 11_000)).photoNo)
    },

    test("door loop: undo, step aside and \"batch shot\" come back as the core's notices; the latest is undone also after a restart") {
        val db = Fixtures.db("studio")
        val app = studio(checkCode = false, db = db)
        val (a, b, c) = Fixtures.session1.take(3)
        assertEquals("001", card(app.frame(a.pass, T)).photoNo)
        val undone = app.undoShown(T + 10_000)
        assertNull(undone.card)
        assertContains(undone.notice?.text?.zh ?: fail("no notice"), "已撤销")
        assertContains(undone.notice!!.text.zh, "001")
        assertEquals("002", card(app.frame(b.pass, T + 20_000)).photoNo, "an undone number is never reused")
        app.dismiss(T + 21_000)
        val aside = app.stepAsideStudent(b.studentNo, AsideReason.CLOTHES, null, T + 22_000)
        assertContains(aside.notice?.text?.zh ?: fail("no notice"), "002 号作废")
        assertEquals("003", card(app.frame(c.pass, T + 30_000)).photoNo)

        val restarted = ScannerApp(db)
        val latest = restarted.undoLatest(T + 40_000)
        assertContains(latest.notice?.text?.zh ?: fail("no notice"), "003")
        assertEquals("004", card(restarted.frame(c.pass, T + 50_000)).photoNo)
        restarted.dismiss(T + 51_000)
        val shot = restarted.closeOpenBatch(T + 60_000)
        assertEquals(Colour.GREEN, shot.notice?.colour)
        assertContains(shot.notice!!.text.zh, "已拍完")
        assertNull(shot.batch)
    },
)
