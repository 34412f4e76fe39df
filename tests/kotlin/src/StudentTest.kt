// A student's side of the day through the Kotlin API: slot card, timeline, reminders, checklist.

import cn.photoday.core.*
import kotlin.test.*

private const val IT = "信息技术与工程学院"

val studentTests = listOf(
    test("a student of 信息技术与工程学院 is told to be at 一教104 by 09:10 on 3 June") {
        val slot = previewSlot("gzcc-2023", IT)
        assertEquals(1.toUByte(), slot.session)
        assertEquals("一教104", slot.room.zh)
        assertEquals("2023-06-03", slot.date)
        assertEquals("2023-06-03 09:30", slot.timeLocal)
        assertEquals("2023-06-03 09:10", slot.arriveByLocal)
        assertEquals(beijing("2023-06-03T09:10"), slot.arriveByUnixMs)
        assertFalse(slot.planned)
        assertEquals(listOf(TimeWindow("09:30", "12:00"), TimeWindow("14:00", "16:00")), slot.windows)
    },

    test("a college is found by its English name or its session number too") {
        assertEquals(1.toUByte(), previewSlot("gzcc-2023", "School of Information Technology and Engineering").session)
        assertEquals(10.toUByte(), previewSlot("gzcc-2023", "10").session)
    },

    test("an unknown college is refused, naming it") {
        val err = assertFailsWith<PhotoDayException.InvalidInput> { previewSlot("gzcc-2023", "魔法学院") }
        assertContains(err.message!!, "魔法学院")
    },

    test("the timeline runs from the fee to the 学信网 check, which opens on 13 July") {
        val items = previewTimeline("gzcc-2023", IT, beijing("2023-05-10T12:00"))
        assertEquals(
            listOf("fee", "code-t7", "code-t3", "code-t1", "arrive", "shoot", "verify", "makeup"),
            items.map { it.id },
        )
        assertEquals(items.sortedBy { it.atUnixMs }, items)
        val byId = items.associateBy { it.id }
        assertEquals("2023-05-20 17:00", byId.getValue("fee").atLocal)
        assertEquals(TimelineItemKind.FEE_DEADLINE, byId.getValue("fee").kind)
        assertEquals("2023-06-03 09:10", byId.getValue("arrive").atLocal)
        assertEquals(TimelineItemKind.VERIFICATION_OPENS, byId.getValue("verify").kind)
        assertTrue(byId.getValue("verify").atLocal.startsWith("2023-07-13"), byId.getValue("verify").atLocal)
        assertEquals("2024-04-30 17:00", byId.getValue("makeup").atLocal)
        assertContains(byId.getValue("makeup").detail.zh, "020-83398378")
        assertTrue(items.all { it.status == TimelineStatus.UPCOMING }, items.map { it.status }.toString())
    },

    test("a week before its deadline the fee is due; the night before the shoot the T-1 采集码 check is") {
        val may15 = previewTimeline("gzcc-2023", IT, beijing("2023-05-15T12:00")).associateBy { it.id }
        assertEquals(TimelineStatus.DUE, may15.getValue("fee").status)
        val june2 = previewTimeline("gzcc-2023", IT, beijing("2023-06-02T21:00")).associateBy { it.id }
        assertEquals(TimelineStatus.PAST, june2.getValue("fee").status)
        assertEquals(TimelineStatus.PAST, june2.getValue("code-t7").status)
        assertEquals(TimelineStatus.DUE, june2.getValue("code-t1").status)
        assertEquals(TimelineStatus.UPCOMING, june2.getValue("verify").status)
    },

    test("on the morning of the shoot arriving is due, and the 补拍 deadline follows the shoot") {
        val morning = previewTimeline("gzcc-2023", IT, beijing("2023-06-03T08:30")).associateBy { it.id }
        assertEquals(TimelineStatus.DUE, morning.getValue("arrive").status)
        assertEquals(TimelineStatus.DUE, morning.getValue("shoot").status)
        val evening = previewTimeline("gzcc-2023", IT, beijing("2023-06-03T18:00")).associateBy { it.id }
        assertEquals(TimelineStatus.PAST, evening.getValue("shoot").status)
        assertEquals(TimelineStatus.DUE, evening.getValue("makeup").status)
    },

    test("reminders are the ones still ahead, soonest first, with stable ids") {
        val now = beijing("2023-06-01T12:00")
        val reminders = previewReminders("gzcc-2023", IT, now)
        assertTrue(reminders.isNotEmpty())
        assertTrue(reminders.all { it.fireAtUnixMs > now })
        assertEquals(reminders.sortedBy { it.fireAtUnixMs }, reminders)
        assertEquals(reminders.size, reminders.map { it.id }.toSet().size)
        assertTrue(reminders.any { it.id.startsWith("arrive-") })
        assertTrue(reminders.none { it.id.startsWith("fee-") }, "the fee deadline is over")
        val again = previewReminders("gzcc-2023", IT, now)
        assertEquals(reminders, again)
    },

    test("the checklist comes from the notice, nothing ticked yet") {
        val items = previewChecklist("gzcc-2023")
        assertTrue(items.size >= 5, "${items.size} items")
        assertEquals(items.size, items.map { it.id }.toSet().size)
        assertTrue(items.none { it.ticked })
        assertTrue(items.all { it.text.zh.isNotBlank() && it.text.en.isNotBlank() })
    },
)
