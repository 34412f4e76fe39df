// The staff calls the iOS screens draw instead of wording things themselves, through the
// generated Swift: the phone's recent records and undo of any of them (also after a restart, with
// the refusals as their own error kinds), the step-aside buttons, the attendance lines, the
// duplicate's advice, an import's one line with its conflicts, and the door card's note, a
// tapped-away notice and an empty override reason.

import Foundation
import PhotoDayCore
import XCTest

final class StaffCallsTests: XCTestCase {
    func testAfterARestartTheRecentRecordsAreListedNewestFirstAndAnyOfThemCanBeUndoneForAFewMinutes() throws {
        let db = Fixtures.db("history")
        let before = try door(db: db)
        let three = Array(Fixtures.session1.prefix(3))
        for (i, holder) in three.enumerated() {
            _ = try checkedIn(before.scan(text: holder.pass, nowMs: MORNING + Int64(i) * 60_000))
        }

        // The app was closed and opened again: a new ScannerApp on the same database.
        let app = try ScannerApp(dbPath: db)
        let now = MORNING + 3 * 60_000
        let lines = try app.history(nowMs: now, limit: 10)
        XCTAssertEqual(lines.map(\.studentNo), three.reversed().map(\.studentNo), "newest first")
        XCTAssertEqual(lines.map(\.at), ["09:37", "09:36", "09:35"])
        XCTAssertTrue(lines.allSatisfy { $0.canUndo && !$0.cancelled })
        XCTAssertEqual(try app.history(nowMs: now, limit: 2).count, 2)
        let middle = lines[1]
        XCTAssertEqual(middle.name ?? "", three[1].name)
        XCTAssertTrue(middle.text.zh.hasPrefix("09:36 签到 \(three[1].studentNo)"), middle.text.zh)
        XCTAssertTrue(middle.text.en.hasPrefix("09:36 checked in \(three[1].studentNo)"), middle.text.en)

        let undone = try app.undo(recordSeq: middle.recordSeq, nowMs: now)
        XCTAssertEqual(undone.studentNo, three[1].studentNo)
        XCTAssertEqual(undone.undone, "check_in")
        let after = try app.history(nowMs: now, limit: 10)
        XCTAssertEqual(after.map(\.recordSeq), lines.map(\.recordSeq), "an undo adds no line")
        XCTAssertEqual(after.map(\.cancelled), [false, true, false])
        XCTAssertEqual(after.map(\.canUndo), [true, false, true])
        XCTAssertTrue(after[1].text.zh.hasSuffix("（已撤销）"), after[1].text.zh)
        XCTAssertTrue(after[1].text.en.hasSuffix("(undone)"), after[1].text.en)
        XCTAssertEqual(try app.stationAttendance(nowMs: now).arrived, 2)

        let later = try app.history(nowMs: now + 10 * 60_000, limit: 10)
        XCTAssertEqual(later.count, 3)
        XCTAssertFalse(later.contains(where: \.canUndo), "ten minutes later: step aside instead")
    }

    func testAnUndoTwiceTooLateOrOfSomethingElseFailsWithItsOwnKindInBothLanguages() throws {
        let app = try door()
        let first = try XCTUnwrap(app.scan(text: Fixtures.session1[0].pass, nowMs: MORNING).recordSeq)
        let undo = try app.undo(recordSeq: first, nowMs: MORNING + 1_000)
        let twice = assertCoreError(.alreadyUndone) { try app.undo(recordSeq: first, nowMs: MORNING + 2_000) }
        XCTAssertFalse(twice.isEmpty)
        assertCoreError(.notUndoable, "an undo is not undone") { try app.undo(recordSeq: undo.recordSeq, nowMs: MORNING + 3_000) }

        let second = try XCTUnwrap(app.scan(text: Fixtures.session1[1].pass, nowMs: MORNING + 10_000).recordSeq)
        do {
            _ = try app.undo(recordSeq: second, nowMs: MORNING + 10_000 + 10 * 60_000)
            XCTFail("ten minutes on, an undo is too old")
        } catch let error as PhotoDayError {
            XCTAssertEqual(error.kind, .undoTooOld)
            XCTAssertFalse(error.text.zh.isEmpty)
            XCTAssertFalse(error.text.en.isEmpty)
            XCTAssertNotEqual(error.text.zh, error.text.en, "a Chinese screen gets Chinese")
        }
    }

    func testTheStepAsideButtonsAreTheCoresFiveReasonsInChineseAndEnglish() throws {
        let choices = asideReasons()
        XCTAssertEqual(choices.map(\.reason), [.noCollectionCode, .clothes, .glasses, .notPresent, .other])
        XCTAssertEqual(choices.map(\.text.zh), ["没有采集码", "着装不合要求", "眼镜/饰物/头发", "叫号未到", "其他原因"])
        XCTAssertTrue(choices.allSatisfy { !$0.text.en.isEmpty && $0.text.en != $0.text.zh })

        // The history says why in the same words.
        let app = try studio()
        let holder = Fixtures.session1[0]
        _ = try numbered(app.scan(text: holder.pass, nowMs: MORNING))
        _ = app.stepAsideStudent(studentNo: holder.studentNo, reason: .glasses, note: nil, nowMs: MORNING + 60_000)
        let lines = try app.history(nowMs: MORNING + 60_000, limit: 10)
        XCTAssertEqual(lines.count, 2)
        XCTAssertTrue(lines[0].text.zh.contains("暂离（眼镜/饰物/头发）"), lines[0].text.zh)
        XCTAssertTrue(lines[1].text.zh.contains("摄影编号 001（第1批）"), lines[1].text.zh)
    }

    func testAttendanceHeadingAndCountsAreTheCoresLinesInChinese() throws {
        let app = try studio()
        for (i, holder) in Fixtures.session1.prefix(3).enumerated() {
            _ = try numbered(app.scan(text: holder.pass, nowMs: MORNING + Int64(i) * 10_000))
        }
        let now = try app.stationAttendance(nowMs: MORNING)
        XCTAssertTrue(now.heading.zh.hasPrefix("1. 信息技术与工程学院 · "), now.heading.zh)
        XCTAssertTrue(now.heading.zh.hasSuffix(" 一教104"), now.heading.zh)
        XCTAssertTrue(now.heading.en.hasPrefix("1. "), now.heading.en)
        XCTAssertEqual(now.summary.zh, "到场 3 · 已编号 3 · 已拍 0/\(now.expected) · 暂离 0")
        XCTAssertTrue(now.summary.en.hasPrefix("Arrived 3 · numbered 3"), now.summary.en)

        _ = try numbered(app.overridePass(text: Fixtures.pass("not-on-roster"), reason: "教务处电话确认", nowMs: MORNING + 60_000))
        let more = try app.stationAttendance(nowMs: MORNING + 60_000)
        XCTAssertTrue(more.summary.zh.hasSuffix(" · 名单外已编号 1"), more.summary.zh)
        XCTAssertEqual(try app.attendance().sessions.first?.heading, now.heading)
    }

    func testAStudentNumberedOnTwoPhonesIsAdvisedInOneLineAndAMergeThatFindsAClashSaysSoInItsOwn() throws {
        let a = try studio(.a)
        let b = try studio(.b)
        let twice = Fixtures.session1[0]
        _ = try numbered(a.scan(text: twice.pass, nowMs: MORNING))
        _ = try numbered(b.scan(text: twice.pass, nowMs: MORNING + 30_000))
        let merged = try b.importAny(bytes: a.exportLog(nowMs: MORNING + 60_000))
        XCTAssertEqual(merged.kind, .log)
        let dup = try XCTUnwrap(try b.attendance().duplicates.first)
        XCTAssertTrue(dup.advice.zh.hasPrefix("\(twice.studentNo) 编了两次号：保留 A001，作废 B001"), dup.advice.zh)
        XCTAssertTrue(dup.advice.en.contains("keep A001, void B001"), dup.advice.en)

        // Two phones without letters both gave 001: the import's one line carries the warning.
        let c = try studio()
        let d = try studio()
        _ = try numbered(c.scan(text: Fixtures.session1[1].pass, nowMs: MORNING))
        _ = try numbered(d.scan(text: Fixtures.session1[2].pass, nowMs: MORNING + 10_000))
        let clash = try c.importAny(bytes: d.exportLog(nowMs: MORNING + 20_000))
        let warning = try XCTUnwrap(clash.log?.warnings.first)
        XCTAssertTrue(clash.text.zh.contains(warning.zh), clash.text.zh)
        XCTAssertTrue(clash.text.en.contains(warning.en), clash.text.en)

        let bundle = try ScannerApp(dbPath: Fixtures.db("fresh")).importAny(bytes: Fixtures.bytes("scanner.bundle"))
        XCTAssertTrue(bundle.text.zh.contains("（含姓名）") || bundle.text.zh.contains("（仅学号）"), bundle.text.zh)
    }

    func testARepeatCardSaysShownAgainATappedNoticeGoesAndAnEmptyReasonLeavesTheCard() throws {
        let app = try door()
        let pass = Fixtures.pass("it")
        let first = try XCTUnwrap(app.frame(text: pass, nowMs: MORNING)?.card)
        XCTAssertNil(first.note)
        let until = try XCTUnwrap(first.untilMs)
        _ = app.tick(nowMs: until)
        let again = try XCTUnwrap(app.frame(text: pass, nowMs: until + 2_500)?.card)
        XCTAssertEqual(again.note?.zh, "再次出示：未重复记录")
        XCTAssertEqual(again.note?.en, "Shown again: nothing new recorded")

        let typo = app.typed(line: "123456789012345", note: nil, nowMs: until + 60_000)
        XCTAssertNotNil(typo.notice)
        XCTAssertNil(app.dismiss(nowMs: until + 61_000).notice, "a tapped notice goes")

        let lunch = beijing("2023-06-03T13:00")
        let late = try XCTUnwrap(app.frame(text: Fixtures.session1[5].pass, nowMs: lunch)?.card)
        XCTAssertTrue(late.canOverride)
        let blank = app.overrideShown(reason: "  ", nowMs: lunch + 1_000)
        XCTAssertEqual(blank.card?.serial, late.serial, "no reason yet: the card stays for one")
        XCTAssertEqual(blank.card?.canOverride, true)
        XCTAssertEqual(try app.attendance().sessions.map(\.arrived).reduce(0, +), 1)
    }

    func testANewNumberStaysTenSecondsForTheStudentToScanItsCode() throws {
        let app = try studio()
        let card = try XCTUnwrap(app.frame(text: Fixtures.session1[0].pass, nowMs: MORNING)?.card)
        XCTAssertNotNil(card.outcome.numberQr)
        XCTAssertEqual(card.untilMs, MORNING + 10_000)
        XCTAssertNil(app.tick(nowMs: MORNING + 9_999))
        XCTAssertNil(try XCTUnwrap(app.tick(nowMs: MORNING + 10_000)).card)
    }
}
