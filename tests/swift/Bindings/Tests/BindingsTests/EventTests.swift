// The event as the apps read it: the built-in 广州商学院 2023 notice through the Swift API.

import PhotoDayCore
import XCTest

final class EventTests: XCTestCase {
    func testTheNoticeOf2023IsABuiltInEventWithItsTenSessions() throws {
        let e = try eventTemplate(name: "gzcc-2023")
        XCTAssertEqual(e.id, "gzcc-2023")
        XCTAssertEqual(e.noticeRef, "广商教文〔2023〕27号")
        XCTAssertEqual(e.utcOffset, "+08:00")
        XCTAssertEqual(e.sessions.map(\.number), Array(1...10).map(UInt8.init))
        let first = e.sessions[0]
        XCTAssertEqual(first.college.zh, "信息技术与工程学院")
        XCTAssertEqual(first.room.zh, "一教104")
        XCTAssertEqual(first.date, "2023-06-03")
        XCTAssertEqual(first.windowsLabel, "09:30–12:00、14:00–16:00")
        XCTAssertEqual(first.startUnixMs, beijing("2023-06-03T09:30"))
        XCTAssertEqual(first.endUnixMs, beijing("2023-06-03T16:00"))
    }

    func testTheFeeTheMakeupAndTheCHSICheckCarryTheNoticesNumbers() throws {
        let e = try eventTemplate(name: "gzcc-2023")
        XCTAssertEqual(e.fee.yuan, 15)
        XCTAssertEqual(e.fee.deadlineLocal, "2023-05-20 17:00")
        XCTAssertEqual(e.fee.deadlineUnixMs, beijing("2023-05-20T17:00"))
        XCTAssertEqual(e.makeup.feeYuan, 60)
        XCTAssertEqual(e.makeup.deadlineLocal, "2024-04-30 17:00")
        XCTAssertEqual(e.makeup.phone, "020-83398378")
        XCTAssertTrue(e.makeup.bring.contains { $0.zh == "身份证" })
        XCTAssertEqual(e.verification.afterDays, 40)
        XCTAssertEqual(e.batchSize, 8)
        XCTAssertEqual(e.arriveEarlyMinutes, 20)
        XCTAssertEqual(e.school.code, "13667")
        XCTAssertTrue(e.contacts.contains { $0.extension == "8505" })
        XCTAssertTrue(e.collectionCodeRoutes.isEmpty, "the notice's attachment on the 采集码 is not in the notice: the school pastes its own steps")
        XCTAssertTrue(e.instructions.allSatisfy { !$0.items.isEmpty })
    }

    func testAnUnknownTemplateIsRefusedWithAMessageThatNamesIt() {
        let message = assertCoreError(.invalidInput) { try eventTemplate(name: "gzcc-2099") }
        XCTAssertTrue(message.contains("gzcc-2099"), message)
    }

    func testTextIsShownInTheReadersLanguageFallingBackToTheOtherOne() throws {
        let college = try eventTemplate(name: "gzcc-2023").sessions[1].college
        XCTAssertEqual(college.textIn(lang: .zh), "会计学院")
        XCTAssertEqual(college.textIn(lang: .en), "School of Accounting")
        XCTAssertEqual(college.both(), "会计学院 (School of Accounting)")
        XCTAssertEqual(BilingualText(zh: "只有中文", en: "").textIn(lang: .en), "只有中文")
        XCTAssertEqual(langFromLocale(locale: "zh_CN"), .zh)
        XCTAssertEqual(langFromLocale(locale: "zh-Hant-TW"), .zh)
        XCTAssertEqual(langFromLocale(locale: "en_US"), .en)
    }
}
