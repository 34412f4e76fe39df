// The words the apps used to compose themselves and now draw as the core gives them (#15): the
// station picker's roles, the counter under each log code, a timeline item's time with where it
// stands and the home's next-card heading, and where a log arriving as QR codes stands.

import cn.photoday.core.*
import kotlin.test.*

private const val IT = "信息技术与工程学院"

val textsTests = listOf(
    test("the station picker offers door, studio and both, in that order, each in both languages") {
        val choices = roleChoices()
        assertEquals(listOf(Role.DOOR, Role.STUDIO, Role.BOTH), choices.map { it.role })
        assertEquals(listOf("门口：签到", "摄影室：给摄影编号", "门口和摄影室（一台手机）"), choices.map { it.label.zh })
        assertEquals(
            listOf("Door: check students in", "Studio: give photo numbers", "Door and studio (one phone)"),
            choices.map { it.label.en },
        )
        assertEquals("门口：签到", choices[0].label.textIn(Lang.ZH))
        assertEquals("Door: check students in", choices[0].label.textIn(Lang.EN))
    },

    test("the counter under a log code on the sending phone: 第 2/5 张 / Code 2 of 5") {
        assertEquals(BilingualText("第 2/5 张", "Code 2 of 5"), logQrCounter(2u, 5u))
        assertEquals(BilingualText("第 1/1 张", "Code 1 of 1"), logQrCounter(1u, 1u))
    },

    test("a timeline item's time says it is done once past and stands alone while upcoming; the next card's heading follows") {
        val june2 = previewTimeline("gzcc-2023", IT, beijing("2023-06-02T21:00")).associateBy { it.id }
        val fee = june2.getValue("fee")
        assertEquals(TimelineStatus.PAST, fee.status)
        assertEquals(BilingualText("2023-05-20 17:00 · 已过", "2023-05-20 17:00 · done"), fee.whenLine)
        val arrive = june2.getValue("arrive")
        assertEquals(TimelineStatus.UPCOMING, arrive.status)
        assertEquals(BilingualText("2023-06-03 09:10", "2023-06-03 09:10"), arrive.whenLine)
        assertEquals(BilingualText("下一步", "Next"), arrive.nextHeading)
        val due = june2.getValue("code-t1")
        assertEquals(TimelineStatus.DUE, due.status)
        assertEquals("${due.atLocal} · 现在", due.whenLine.zh)
        assertEquals("${due.atLocal} · now", due.whenLine.en)
        assertEquals(BilingualText("现在要做", "Do this now"), due.nextHeading)
    },

    test("part of another phone's log codes received: the core says how many and which are still missing") {
        val morning = beijing("2023-06-03T09:35")
        val a = station(Role.DOOR)
        Fixtures.session1.take(20).forEachIndexed { i, h -> a.scan(h.pass, morning + i * 10_000L) }
        val codes = a.exportLogQr(morning + 300_000)
        val n = codes.size
        assertTrue(n >= 3, "$n codes")
        val b = station(Role.DOOR)
        b.receiveLogQr(codes[0])
        val p = b.receiveLogQr(codes[2]).progress
        assertEquals(2u, p.received)
        val missing = listOf(2) + (4..n)
        assertEquals(missing.map { it.toUInt() }, p.missing)
        assertEquals("已收 2/$n，还缺第 ${missing.joinToString("、")} 张", p.line.zh)
        assertEquals("2 of $n codes received; still missing ${missing.joinToString(", ")}", p.line.en)
        // The same code again counts once and says the same.
        assertEquals(p.line, b.receiveLogQr(codes[2]).progress.line)
        val all = codes.drop(1).map { b.receiveLogQr(it) }.last()
        assertNotNull(all.imported)
    },
)
