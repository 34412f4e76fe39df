// A morning at 一教104 through the core's door loop, as the Swift app drives it (ScannerApp.frame,
// tick, typed, overrideShown, skipCode, undoShown): what staff see after each camera frame and
// tap. The loop's rules are tested once in Rust (core/tests/door_loop.rs); these show the
// generated Swift carries them whole: a frame that changes nothing is nil, a card says until when
// it stays and which sound goes with it, every text comes in both languages.

import Foundation
import PhotoDayCore
import XCTest

final class DoorLoopTests: XCTestCase {
    func testBeforeTheBundleAndTheStationThePhoneSaysWhatItNeedsAndIgnoresFrames() throws {
        let app = try ScannerApp(dbPath: Fixtures.db("new"))
        XCTAssertEqual(app.doorScreen(nowMs: MORNING).status, .needsBundle)
        XCTAssertEqual(app.staffStatus(), .needsBundle)
        XCTAssertNil(app.frame(text: Fixtures.pass("it"), nowMs: MORNING))
        _ = try app.importBundle(bytes: Fixtures.bytes("scanner.bundle"))
        XCTAssertEqual(app.staffStatus(), .needsStation)
        _ = try app.setStation(room: "一教104", role: .door, lane: nil)
        let screen = app.doorScreen(nowMs: MORNING)
        XCTAssertEqual(screen.status, .ready)
        let station = try XCTUnwrap(screen.station)
        XCTAssertEqual(station.role, .door)
        XCTAssertTrue(station.title.zh.hasPrefix("一教104 · 签到 · "), station.title.zh)
        XCTAssertTrue(station.title.en.contains("door"), station.title.en)
        XCTAssertFalse(station.windows.isEmpty)
        XCTAssertTrue(station.windows.allSatisfy { !$0.contains("、") }, "windows are a list, never pre-joined")
        XCTAssertNil(screen.card)
        XCTAssertNil(screen.batch, "a door phone calls no batch")
    }

    func testAPassHeldInFrontOfTheCameraIsJudgedOnceBeepsOnceAndTheCardLeavesAtItsTime() throws {
        let app = try door()
        let pass = Fixtures.pass("it")
        let first = try XCTUnwrap(app.frame(text: pass, nowMs: MORNING)?.card)
        XCTAssertEqual(try checkedIn(first.outcome).studentNo, Fixtures.studentNo("it"))
        XCTAssertEqual(first.studentNo, Fixtures.studentNo("it"))
        XCTAssertEqual(first.name, Fixtures.prop("it.name"))
        XCTAssertEqual(first.signal, .admitted)
        XCTAssertTrue(first.canUndo)
        XCTAssertFalse(first.canOverride)
        let until = try XCTUnwrap(first.untilMs, "green leaves by itself")
        XCTAssertGreaterThan(until, MORNING)
        // Ten frames a second while it stays in view: nothing to redraw, nothing recorded.
        for k in Int64(1)...20 {
            XCTAssertNil(app.frame(text: pass, nowMs: MORNING + k * 100))
        }
        XCTAssertNil(app.tick(nowMs: until - 1), "not yet")
        let back = try XCTUnwrap(app.tick(nowMs: until))
        XCTAssertNil(back.card)
        XCTAssertEqual(app.doorScreen(nowMs: until).card, nil)
        XCTAssertEqual(try app.stationAttendance(nowMs: MORNING).arrived, 1)

        // Taken away and shown again a few seconds later: the same card, silently.
        let again = try XCTUnwrap(app.frame(text: pass, nowMs: until + 2_500)?.card)
        XCTAssertTrue(again.outcome.repeat)
        XCTAssertEqual(again.signal, .silent)
        XCTAssertEqual(again.outcome.colour, .green)
        XCTAssertGreaterThan(again.serial, first.serial, "a new card, so the app draws it; no sound")
        XCTAssertEqual(try app.stationAttendance(nowMs: MORNING).arrived, 1)
    }

    func testWhileACardIsUpTheNextStudentsPassWaitsUntilStaffHaveReadIt() throws {
        let app = try door()
        let (a, b) = (Fixtures.session1[0], Fixtures.session1[1])
        let card = try XCTUnwrap(app.frame(text: a.pass, nowMs: MORNING)?.card)
        XCTAssertNil(app.frame(text: b.pass, nowMs: MORNING + 500))
        XCTAssertEqual(app.dismiss(nowMs: MORNING + 800).card, nil, "a tap sends the card away")
        // Still in view, the pass that waited is judged the moment the card goes.
        let next = try XCTUnwrap(app.frame(text: b.pass, nowMs: MORNING + 900)?.card)
        XCTAssertEqual(next.studentNo, b.studentNo)
        XCTAssertGreaterThan(next.serial, card.serial)
    }

    func testAWrongRoomIsAmberForLongerThanGreenAndARedOneTooNeitherCanBeLetThrough() throws {
        let app = try door()
        let green = try XCTUnwrap(app.frame(text: Fixtures.pass("it"), nowMs: MORNING)?.card)
        let greenStays = try XCTUnwrap(green.untilMs) - MORNING
        _ = app.dismiss(nowMs: MORNING + 500)
        let t = MORNING + 1_000
        let wrong = try XCTUnwrap(app.frame(text: Fixtures.pass("accounting"), nowMs: t)?.card)
        XCTAssertEqual(wrong.outcome.colour, .amber)
        XCTAssertEqual(wrong.signal, .attention)
        XCTAssertEqual(wrong.rightRoom?.zh, "一教108")
        XCTAssertFalse(wrong.canOverride)
        let amberStays = try XCTUnwrap(wrong.untilMs) - t
        XCTAssertGreaterThan(amberStays, greenStays, "time to read where to go")
        XCTAssertNil(try XCTUnwrap(app.tick(nowMs: t + amberStays)).card)

        let later = MORNING + 60_000
        let forged = try XCTUnwrap(app.frame(text: Fixtures.pass("forged"), nowMs: later)?.card)
        XCTAssertEqual(forged.outcome.colour, .red)
        XCTAssertEqual(forged.signal, .refused)
        XCTAssertFalse(forged.canOverride || forged.canUndo)
        XCTAssertEqual(try XCTUnwrap(forged.untilMs) - later, amberStays)
        XCTAssertEqual(app.overrideShown(reason: "他说是真的", nowMs: later + 1_000).card?.serial, forged.serial)
        XCTAssertEqual(try app.attendance().sessions.map(\.arrived).reduce(0, +), 1, "only the good pass got in")
    }

    func testAnOverridableVerdictWaitsForStaffAndTheOverrideAdmitsThatSamePass() throws {
        let app = try door()
        let lunch = beijing("2023-06-03T13:00")
        let holder = Fixtures.session1[5]
        let card = try XCTUnwrap(app.frame(text: holder.pass, nowMs: lunch)?.card)
        guard case .outsideWindow = card.outcome.verdict else { return XCTFail("got \(card.outcome.verdict)") }
        XCTAssertTrue(card.canOverride)
        XCTAssertNil(card.untilMs, "an overridable verdict waits for staff")
        XCTAssertEqual(card.signal, .attention)
        XCTAssertNil(app.tick(nowMs: lunch + 60_000), "still there a minute later")

        let over = try XCTUnwrap(app.overrideShown(reason: "下午有课，辅导员同意", nowMs: lunch + 70_000).card)
        let admitted = try checkedIn(over.outcome)
        XCTAssertEqual(admitted.studentNo, holder.studentNo)
        XCTAssertEqual(admitted.via, .override)
        XCTAssertEqual(over.signal, .admitted)
        // A stray second tap admits nobody twice.
        XCTAssertEqual(app.overrideShown(reason: "again", nowMs: lunch + 71_000).card?.serial, over.serial)
        XCTAssertEqual(try app.attendance().sessions.map(\.arrived).reduce(0, +), 1)
    }

    func testStaffTypeANumberInFullWidthDigitsAndTheStudentIsCheckedInByHand() throws {
        let app = try door()
        let holder = Fixtures.session1[3]
        let fullWidth = String(String(holder.studentNo).unicodeScalars.map { Character(UnicodeScalar($0.value - 0x30 + 0xFF10)!) })
        let card = try XCTUnwrap(app.typed(line: " \(fullWidth) ", note: "手机没电", nowMs: MORNING).card)
        let v = try checkedIn(card.outcome)
        XCTAssertEqual(v.studentNo, holder.studentNo)
        XCTAssertEqual(v.via, .manual)

        let notANumber = app.typed(line: "123456789012345", note: nil, nowMs: MORNING + 10_000)
        XCTAssertNil(notANumber.card)
        let notice = try XCTUnwrap(notANumber.notice)
        XCTAssertTrue(notice.text.zh.contains("不是学号"), notice.text.zh)
        XCTAssertFalse(notice.text.en.isEmpty)

        // A USB scanner sends the pass as a typed line: judged as a scan.
        let scanned = try XCTUnwrap(app.typed(line: Fixtures.session1[4].pass, note: nil, nowMs: MORNING + 20_000).card)
        XCTAssertEqual(try checkedIn(scanned.outcome).via, .pass)
    }

    func testTheStudioWaitsForThe采集码ThenNumbersAndTheNumberCanBeUndone() throws {
        let app = try station(.studio)
        let holder = Fixtures.session1[0]
        let wait = try XCTUnwrap(app.frame(text: holder.pass, nowMs: MORNING)?.card)
        XCTAssertTrue(wait.awaitingCode)
        XCTAssertNil(wait.untilMs, "the request stays while the camera looks for the code")
        XCTAssertEqual(wait.outcome.headline.zh, "请出示采集码")

        // The 采集码 is read while the request is up: frames still reach the core.
        let numbered = try XCTUnwrap(app.frame(text: COLLECTION_CODE, nowMs: MORNING + 3_000))
        let card = try XCTUnwrap(numbered.card)
        XCTAssertFalse(card.awaitingCode)
        XCTAssertEqual(card.photoNo, "001")
        XCTAssertEqual(card.batch, 1)
        XCTAssertEqual(card.signal, .admitted)
        XCTAssertNotNil(card.outcome.numberQr, "the student's app scans it from the card")
        XCTAssertEqual(numbered.batchLabel?.zh, "第1批 · 1/8")
        XCTAssertEqual(numbered.batch?.members.map(\.photoNo), ["001"])
        // Who the card is about, on one line each as the core words it (issue 15: the app draws).
        let who = try XCTUnwrap(card.who)
        XCTAssertTrue(who.hasSuffix(String(holder.studentNo)), who)
        XCTAssertEqual(
            wait.asideWho, who.replacingOccurrences(of: " · ", with: "  "),
            "no 摄影编号 yet while the 采集码 is awaited: name and number")
        let asideWho = try XCTUnwrap(card.asideWho)
        XCTAssertTrue(asideWho.hasPrefix("001  "), asideWho)
        XCTAssertTrue(asideWho.hasSuffix(String(holder.studentNo)), asideWho)
        XCTAssertEqual(numbered.batch?.members.map(\.who), [asideWho], "the list names them as the card does")

        let undone = app.undoShown(nowMs: MORNING + 10_000)
        XCTAssertNil(undone.card)
        let notice = try XCTUnwrap(undone.notice)
        XCTAssertEqual(notice.colour, .green)
        XCTAssertTrue(notice.text.zh.contains("已撤销"), notice.text.zh)
        XCTAssertTrue(notice.text.en.contains("001"), notice.text.en)
        XCTAssertEqual(app.undoLatest(nowMs: MORNING + 11_000).notice?.colour, .red, "nothing left to undo")
    }

    func testASkippedOrDismissedCodeCheckAndABatchShotAreSaidInBothLanguages() throws {
        let app = try station(.studio)
        let (a, b, c) = (Fixtures.session1[0], Fixtures.session1[1], Fixtures.session1[2])
        XCTAssertNil(app.skipCode(nowMs: MORNING).card, "nobody waiting: nothing to skip")
        _ = app.frame(text: a.pass, nowMs: MORNING)
        XCTAssertNil(app.dismiss(nowMs: MORNING + 1_000).card)
        XCTAssertNil(app.waitingForCode(), "let go: nothing recorded")

        _ = app.frame(text: b.pass, nowMs: MORNING + 10_000)
        XCTAssertEqual(app.skipCode(nowMs: MORNING + 11_000).card?.photoNo, "001")
        _ = app.dismiss(nowMs: MORNING + 12_000)
        _ = app.frame(text: c.pass, nowMs: MORNING + 20_000)
        XCTAssertEqual(app.skipCode(nowMs: MORNING + 21_000).card?.photoNo, "002")

        let aside = app.stepAsideStudent(studentNo: c.studentNo, reason: .clothes, note: nil, nowMs: MORNING + 30_000)
        XCTAssertTrue(try XCTUnwrap(aside.notice).text.zh.contains("002 号作废"))
        XCTAssertEqual(aside.batchLabel?.zh, "第1批 · 1/8")
        let shot = app.closeOpenBatch(nowMs: MORNING + 40_000)
        let notice = try XCTUnwrap(shot.notice)
        XCTAssertEqual(notice.colour, .green)
        XCTAssertTrue(notice.text.en.contains("1 recorded photographed"), notice.text.en)
        XCTAssertEqual(app.closeOpenBatch(nowMs: MORNING + 41_000).notice?.colour, .red, "no batch is open")
    }
}
