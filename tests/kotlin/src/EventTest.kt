// The event as the apps read it: the built-in 广州商学院 2023 notice through the Kotlin API.

import cn.photoday.core.*
import kotlin.test.*

val eventTests = listOf(
    test("the 2023 notice of 广州商学院 is a built-in event with its ten sessions") {
        val e = eventTemplate("gzcc-2023")
        assertEquals("gzcc-2023", e.id)
        assertEquals("广商教文〔2023〕27号", e.noticeRef)
        assertEquals("+08:00", e.utcOffset)
        assertEquals(10, e.sessions.size)
        assertEquals((1..10).map { it.toUByte() }, e.sessions.map { it.number })
        val first = e.sessions[0]
        assertEquals("信息技术与工程学院", first.college.zh)
        assertEquals("一教104", first.room.zh)
        assertEquals("2023-06-03", first.date)
        assertEquals("09:30–12:00、14:00–16:00", first.windowsLabel)
        assertEquals(beijing("2023-06-03T09:30"), first.startUnixMs)
        assertEquals(beijing("2023-06-03T16:00"), first.endUnixMs)
    },

    test("the fee, the 补拍 make-up and the 学信网 check carry the notice's numbers") {
        val e = eventTemplate("gzcc-2023")
        assertEquals(15u, e.fee.yuan)
        assertEquals("2023-05-20 17:00", e.fee.deadlineLocal)
        assertEquals(beijing("2023-05-20T17:00"), e.fee.deadlineUnixMs)
        assertEquals(60u, e.makeup.feeYuan)
        assertEquals("2024-04-30 17:00", e.makeup.deadlineLocal)
        assertEquals("020-83398378", e.makeup.phone)
        assertTrue(e.makeup.bring.any { it.zh == "身份证" })
        assertEquals(40u, e.verification.afterDays)
        assertEquals(8u, e.batchSize)
        assertEquals(20u, e.arriveEarlyMinutes)
        assertEquals("13667", e.school.code)
        assertTrue(e.contacts.any { it.extension == "8505" })
        assertTrue(e.collectionCodeRoutes.isEmpty(), "the notice's attachment on getting the 采集码 is not in the notice: no invented steps")
        assertTrue(e.instructions.all { it.items.isNotEmpty() })
    },

    test("an unknown template is refused with a message that names it") {
        val err = assertFailsWith<PhotoDayException.InvalidInput> { eventTemplate("gzcc-2099") }
        assertContains(err.message!!, "gzcc-2099")
    },

    test("text is shown in the reader's language, falling back to the other one") {
        val college = eventTemplate("gzcc-2023").sessions[1].college
        assertEquals("会计学院", college.textIn(Lang.ZH))
        assertEquals("School of Accounting", college.textIn(Lang.EN))
        assertEquals("会计学院 (School of Accounting)", college.both())
        assertEquals("只有中文", BilingualText("只有中文", "").textIn(Lang.EN))
        assertEquals(Lang.ZH, langFromLocale("zh_CN"))
        assertEquals(Lang.ZH, langFromLocale("zh-Hant-TW"))
        assertEquals(Lang.EN, langFromLocale("en_US"))
    },
)
