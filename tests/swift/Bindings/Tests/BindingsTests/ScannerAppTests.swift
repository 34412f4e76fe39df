// A day at the door and in the studio through ScannerApp, as the staff app makes it: bundle, room
// and role; door check-ins; the studio's pass → 采集码 → 摄影编号; step aside and come back; closing
// a batch; rooms that hand over; overrides, manual check-in, undo, attendance, and logs passed to
// other phones by file and by QR codes.

import Foundation
import PhotoDayCore
import XCTest


/// What a 学信网 采集码 QR reads as: only its shape counts.
let COLLECTION_CODE = "https://m.chsi.com.cn/xlcj/code?c=8F3A2C9E71B04D5A"

/// A phone at `room` in `role`, with photo-number letter `lane`.
func station(
    _ role: Role, lane: Lane? = nil, room: String = "一教104", db: String = Fixtures.db("staff")
) throws -> ScannerApp {
    let app = try ScannerApp(dbPath: db)
    _ = try app.importBundle(bytes: Fixtures.bytes("scanner.bundle"))
    _ = try app.setStation(room: room, role: role, lane: lane)
    return app
}

/// A door phone at 一教104.
func door(db: String = Fixtures.db("door")) throws -> ScannerApp {
    try station(.door, db: db)
}

/// A studio phone whose photographer checks the 采集码 (no code step), so a pass numbers at once.
func studio(_ lane: Lane? = nil) throws -> ScannerApp {
    let app = try station(.studio, lane: lane)
    _ = try app.setCheckCode(on: false)
    return app
}

/// Thrown (so the test fails there) when a verdict is not the one expected.
struct UnexpectedVerdict: Error, CustomStringConvertible {
    let description: String
}

struct CheckedInAs {
    let studentNo: UInt64
    let name: String?
    let className: String?
    let via: Via
}

struct NumberedAs {
    let studentNo: UInt64
    let name: String?
    let photoNo: String
    let batch: UInt32
    let via: Via
    let doorUnseen: Bool
    let renumbered: Bool
}

func checkedIn(_ o: ScanOutcome) throws -> CheckedInAs {
    guard case let .checkedIn(studentNo, name, className, via, _) = o.verdict else {
        throw UnexpectedVerdict(description: "expected CheckedIn, got \(o.verdict): \(o.detail.zh)")
    }
    return CheckedInAs(studentNo: studentNo, name: name, className: className, via: via)
}

func numbered(_ o: ScanOutcome) throws -> NumberedAs {
    guard case let .numbered(studentNo, name, _, photoNo, batch, via, doorUnseen, renumbered) = o.verdict else {
        throw UnexpectedVerdict(description: "expected Numbered, got \(o.verdict): \(o.detail.zh)")
    }
    return NumberedAs(
        studentNo: studentNo, name: name, photoNo: photoNo, batch: batch, via: via, doorUnseen: doorUnseen,
        renumbered: renumbered)
}

final class ScannerAppTests: XCTestCase {
    func testAStaffPhoneNeedsItsBundleThenARoomOfTheEventAndARole() throws {
        let app = try ScannerApp(dbPath: Fixtures.db("door"))
        XCTAssertFalse(app.deviceId().isEmpty)
        XCTAssertTrue(app.rooms().isEmpty)
        assertCoreError(.notReady) { try app.scan(text: Fixtures.pass("it"), nowMs: MORNING) }
        assertCoreError(.badBundle) { try app.importBundle(bytes: Fixtures.bytes("student.bundle")) }
        let summary = try app.importBundle(bytes: Fixtures.bytes("scanner.bundle"))
        XCTAssertEqual(summary.eventId, Fixtures.prop("event.id"))
        XCTAssertEqual(summary.sessions, 10)
        XCTAssertEqual(summary.students, UInt32(Fixtures.prop("students")))
        XCTAssertTrue(summary.withNames)
        XCTAssertFalse(summary.replaced)
        XCTAssertEqual(app.rooms().sorted(), ["一教104", "一教108", "一教206", "一教209"])
        assertCoreError(.notReady) { try app.scan(text: Fixtures.pass("it"), nowMs: MORNING) }
        let unknown = assertCoreError(.invalidInput) { try app.setStation(room: "二教101", role: .door, lane: nil) }
        XCTAssertTrue(unknown.contains("一教104"), "the message lists the rooms: \(unknown)")
        let setup = try app.setStation(room: "一教 104", role: .studio, lane: .a)
        XCTAssertEqual(setup.station, Station(room: "一教104", role: .studio, lane: .a, checkCode: true))
        XCTAssertNil(setup.warning)
        XCTAssertEqual(app.station(), setup.station)
        XCTAssertEqual(
            try app.setStation(room: "一教104", role: .door, lane: nil).station,
            Station(room: "一教104", role: .door, lane: nil, checkCode: false))
        XCTAssertEqual(app.tolerance(), Tolerance(earlyMinutes: 30, lateMinutes: 15))
    }

    func testThePickersLettersAreTheCoresNoLetterFirstThenAToFAndBNumbersB() throws {
        let choices = laneChoices()
        XCTAssertEqual(choices.map(\.lane), [nil, .a, .b, .c, .d, .e, .f])
        XCTAssertFalse(choices[0].label.en.isEmpty)
        XCTAssertFalse(choices[0].label.zh.isEmpty)
        for choice in choices.dropFirst() {
            let letter = try XCTUnwrap(choice.label.en.first).uppercased()
            XCTAssertTrue(choice.label.zh.hasPrefix(letter), "\(choice.label.zh) names its letter")
        }
        let s = try studio(.b)
        XCTAssertEqual(s.station()?.lane, .b)
        let title = try XCTUnwrap(s.doorScreen(nowMs: MORNING).station).title
        XCTAssertTrue(title.zh.hasPrefix("一教104 B · "), title.zh)
        XCTAssertTrue(title.en.hasPrefix("一教104 B · "), title.en)
        let photoNo = try numbered(s.scan(text: Fixtures.session1[0].pass, nowMs: MORNING)).photoNo
        XCTAssertTrue(photoNo.hasPrefix("B"), photoNo)
    }

    func testADoorPhoneChecksAStudentInGreenWithNoNumberDurableBeforeItShows() throws {
        let db = Fixtures.db("door")
        let app = try door(db: db)
        let out = try app.scan(text: Fixtures.pass("it"), nowMs: MORNING)
        let v = try checkedIn(out)
        XCTAssertEqual(v.studentNo, Fixtures.studentNo("it"))
        XCTAssertEqual(v.name, Fixtures.prop("it.name"))
        XCTAssertEqual(v.className, Fixtures.prop("it.class"))
        XCTAssertEqual(v.via, .pass)
        XCTAssertEqual(out.colour, .green)
        XCTAssertEqual(out.headline.zh, "已签到")
        XCTAssertNil(out.numberQr, "numbers are given in the studio")
        XCTAssertNotNil(out.recordSeq)
        XCTAssertNil(try app.currentBatch(nowMs: MORNING), "a door phone calls no batches")
        // Another handle on the same file (as after a killed app) already sees the check-in.
        let afterKill = try ScannerApp(dbPath: db)
        XCTAssertEqual(afterKill.station(), Station(room: "一教104", role: .door, lane: nil, checkCode: false))
        let seen = try afterKill.stationAttendance(nowMs: MORNING)
        XCTAssertEqual(seen.arrived, 1)
        XCTAssertEqual(seen.numbered, 0)
        XCTAssertEqual(seen.photographed, 0)
    }

    func testTheSamePassAgainWithinSecondsIsARepeatAMinuteLaterItIsAlreadyCheckedIn() throws {
        let app = try door()
        let first = try app.scan(text: Fixtures.pass("it"), nowMs: MORNING)
        let again = try app.scan(text: Fixtures.pass("it"), nowMs: MORNING + 2_000)
        XCTAssertTrue(again.repeat)
        XCTAssertEqual(again.verdict, first.verdict)
        let later = try app.scan(text: Fixtures.pass("it"), nowMs: MORNING + 60_000)
        guard case let .alreadyCheckedIn(_, _, _, at, _, _, thisDevice) = later.verdict else {
            return XCTFail("got \(later.verdict)")
        }
        XCTAssertTrue(thisDevice)
        XCTAssertEqual(at, "09:35")
        XCTAssertEqual(later.colour, .amber)
        XCTAssertTrue(later.overridable, "the shared-screenshot case: staff check, then let through")
        XCTAssertEqual(try app.stationAttendance(nowMs: MORNING).arrived, 1)
    }

    func testAStudentAtTheWrongRoomIsToldTheRightOne() throws {
        let out = try door().scan(text: Fixtures.pass("accounting"), nowMs: MORNING)
        guard case let .wrongSession(studentNo, _, session, college, room, date, _) = out.verdict else {
            return XCTFail("got \(out.verdict)")
        }
        XCTAssertEqual(studentNo, Fixtures.studentNo("accounting"))
        XCTAssertEqual(session, 2)
        XCTAssertEqual(college.zh, "会计学院")
        XCTAssertEqual(room.zh, "一教108")
        XCTAssertEqual(date, "2023-06-03")
        XCTAssertEqual(out.colour, .amber)
        XCTAssertTrue(out.headline.zh.contains("一教108"), out.headline.zh)
        XCTAssertNil(out.recordSeq)
    }

    func testForgedReplacedAndOtherEventPassesAreRefusedRedAndAForgeryCannotBeOverridden() throws {
        let app = try door()
        let forged = try app.scan(text: Fixtures.pass("forged"), nowMs: MORNING)
        guard case .badSignature = forged.verdict else { return XCTFail("got \(forged.verdict)") }
        XCTAssertEqual(forged.colour, .red)
        XCTAssertFalse(forged.overridable)
        let stillForged = try app.overridePass(text: Fixtures.pass("forged"), reason: "他说是真的", nowMs: MORNING + 10_000)
        guard case .badSignature = stillForged.verdict else { return XCTFail("got \(stillForged.verdict)") }

        let old = try app.scan(text: Fixtures.pass("replaced-old"), nowMs: MORNING)
        guard case let .revoked(studentNo, _, _) = old.verdict else { return XCTFail("got \(old.verdict)") }
        XCTAssertEqual(studentNo, Fixtures.studentNo("replaced"))
        XCTAssertEqual(old.colour, .red)
        XCTAssertEqual(
            try checkedIn(app.scan(text: Fixtures.pass("replaced-new"), nowMs: MORNING)).studentNo,
            Fixtures.studentNo("replaced"))

        let foreign = try app.scan(text: Fixtures.pass("other-event"), nowMs: MORNING)
        guard case .unknownKey = foreign.verdict else { return XCTFail("got \(foreign.verdict)") }
        XCTAssertEqual(foreign.colour, .red)

        XCTAssertEqual(try app.scan(text: "https://weixin.qq.com/r/abc", nowMs: MORNING).verdict, .notAPass(hint: .looksLikeUrl))
        XCTAssertEqual(try app.scan(text: "  ", nowMs: MORNING).verdict, .notAPass(hint: .empty))
        XCTAssertEqual(
            try app.scan(text: COLLECTION_CODE, nowMs: MORNING).verdict, .notAPass(hint: .looksLikeCollectionCode),
            "at the door a 采集码 is only told apart from a pass")
        XCTAssertEqual(try app.stationAttendance(nowMs: MORNING).arrived, 1, "only the new pass got in")
    }

    func testOutsideTheWindowOrOffTheRosterStaffMayLetAStudentThroughWithAReasonAndOnlyWithOne() throws {
        let app = try door()
        let lunch = beijing("2023-06-03T13:00")
        let holder = Fixtures.session1[5]
        let early = try app.scan(text: holder.pass, nowMs: lunch)
        guard case let .outsideWindow(_, _, timing, minutes, at, _, _, _, _) = early.verdict else {
            return XCTFail("got \(early.verdict)")
        }
        XCTAssertEqual(timing, .tooEarly)
        XCTAssertEqual(minutes, 60)
        XCTAssertEqual(at, "14:00")
        assertCoreError(.invalidInput) { try app.overridePass(text: holder.pass, reason: "  ", nowMs: lunch) }
        XCTAssertEqual(try checkedIn(app.overridePass(text: holder.pass, reason: "下午有课，辅导员同意", nowMs: lunch)).via, .override)

        let s = try studio()
        let stranger = try s.scan(text: Fixtures.pass("not-on-roster"), nowMs: MORNING)
        XCTAssertEqual(stranger.verdict, .notOnRoster(studentNo: Fixtures.studentNo("missing")))
        XCTAssertTrue(stranger.overridable)
        XCTAssertEqual(
            try numbered(s.overridePass(text: Fixtures.pass("not-on-roster"), reason: "教务处电话确认", nowMs: MORNING)).via,
            .override)
        XCTAssertEqual(try s.stationAttendance(nowMs: MORNING).notOnRoster, 1)
    }

    func testAStudentWithoutAPhoneIsCheckedInByNumberUndoFreesThemAndAnUndoneNumberIsNotReused() throws {
        let app = try door()
        let holder = Fixtures.session1[3]
        let byHand = try app.checkInByNumber(studentNo: holder.studentNo, note: "忘带手机", overrideReason: nil, nowMs: MORNING)
        let v = try checkedIn(byHand)
        XCTAssertEqual(v.via, .manual)
        XCTAssertEqual(v.name, holder.name)
        let seq = try XCTUnwrap(byHand.recordSeq)
        let undo = try app.undo(recordSeq: seq, nowMs: MORNING + 60_000)
        XCTAssertEqual(undo.undone, "check_in")
        XCTAssertNil(undo.photoNo)
        XCTAssertEqual(undo.studentNo, holder.studentNo)
        assertCoreError(.alreadyUndone) { try app.undo(recordSeq: seq, nowMs: MORNING + 61_000) }
        XCTAssertEqual(try app.stationAttendance(nowMs: MORNING).arrived, 0)
        assertCoreError(.invalidInput) { try app.checkInByNumber(studentNo: 0, note: nil, overrideReason: nil, nowMs: MORNING) }

        let s = try studio()
        let first = try s.checkInByNumber(studentNo: holder.studentNo, note: "忘带手机", overrideReason: nil, nowMs: MORNING)
        XCTAssertEqual(try numbered(first).photoNo, "001")
        let undone = try s.undo(recordSeq: try XCTUnwrap(first.recordSeq), nowMs: MORNING + 60_000)
        XCTAssertEqual(undone.undone, "number")
        XCTAssertEqual(undone.photoNo, "001")
        let again = try s.scan(text: holder.pass, nowMs: MORNING + 120_000)
        XCTAssertEqual(try numbered(again).photoNo, "002", "001 is not handed out twice")
        let againSeq = try XCTUnwrap(again.recordSeq)
        let tooLate = assertCoreError(.undoTooOld) { try s.undo(recordSeq: againSeq, nowMs: MORNING + 120_000 + 6 * 60_000) }
        XCTAssertTrue(tooLate.contains("5 minutes"), tooLate)
        XCTAssertEqual(try s.undoLast(nowMs: MORNING + 180_000).photoNo, "002")
    }

    func testTheStudioNumbersAStudentAfterTheirPassAndTheir采集码() throws {
        let s = try station(.studio)
        let holder = Fixtures.session1[0]
        let ask = try s.scan(text: holder.pass, nowMs: MORNING)
        guard case let .showCollectionCode(studentNo, name, _) = ask.verdict else { return XCTFail("got \(ask.verdict)") }
        XCTAssertEqual(studentNo, holder.studentNo)
        XCTAssertEqual(name, holder.name)
        XCTAssertEqual(ask.headline.zh, "请出示采集码")
        XCTAssertNil(ask.recordSeq, "nothing is recorded before the 采集码")
        XCTAssertNil(ask.numberQr)
        XCTAssertEqual(s.waitingForCode(), holder.studentNo)
        XCTAssertNil(try s.currentBatch(nowMs: MORNING))

        let out = try s.scan(text: COLLECTION_CODE, nowMs: MORNING + 5_000)
        let n = try numbered(out)
        XCTAssertEqual(n.studentNo, holder.studentNo)
        XCTAssertEqual(n.photoNo, "001")
        XCTAssertEqual(n.batch, 1)
        XCTAssertTrue(n.doorUnseen, "no door phone's log reached this studio phone")
        XCTAssertFalse(n.renumbered)
        XCTAssertEqual(out.colour, .green)
        XCTAssertTrue(out.headline.zh.contains("001"), out.headline.zh)
        XCTAssertNotNil(out.recordSeq)
        let qr = try XCTUnwrap(out.numberQr)
        XCTAssertTrue(qr.hasPrefix("PDN1:"), qr)
        XCTAssertFalse(qr.contains("8F3A2C9E71B04D5A"), "the 采集码's content is never kept")
        XCTAssertNil(s.waitingForCode())
        XCTAssertEqual(try s.currentBatch(nowMs: MORNING)?.members.map(\.photoNo), ["001"])
        let list = try s.attendance().sessions[0]
        XCTAssertEqual(list.numbered, 1)
        XCTAssertEqual(list.photographed, 0, "numbered is not photographed")
    }

    func testTheStudioSkipsThe采集码CheckWithOneTapOrSwitchesItOff() throws {
        let s = try station(.studio, lane: .b)
        assertCoreError(.notReady) { try s.skipCodeCheck(nowMs: MORNING) }
        let (a, b) = (Fixtures.session1[0], Fixtures.session1[1])
        guard case .showCollectionCode = try s.scan(text: a.pass, nowMs: MORNING).verdict else {
            return XCTFail("no 采集码 step")
        }
        let skipped = try numbered(s.skipCodeCheck(nowMs: MORNING + 3_000))
        XCTAssertEqual(skipped.studentNo, a.studentNo)
        XCTAssertEqual(skipped.photoNo, "B001")
        assertCoreError(.notReady) { try s.skipCodeCheck(nowMs: MORNING + 4_000) }

        XCTAssertFalse(try s.setCheckCode(on: false).checkCode)
        XCTAssertEqual(try numbered(s.scan(text: b.pass, nowMs: MORNING + 10_000)).photoNo, "B002", "no 采集码 step when it is off")
    }

    func testAStudentTheDoorCheckedInIsNumberedAtTheStudioWithoutTheDoorUnseenNote() throws {
        let d = try door()
        let s = try studio()
        let (seen, unseen) = (Fixtures.session1[0], Fixtures.session1[1])
        _ = try checkedIn(d.scan(text: seen.pass, nowMs: MORNING))
        _ = try s.importLog(bytes: d.exportLog(nowMs: MORNING + 60_000))
        XCTAssertFalse(try numbered(s.scan(text: seen.pass, nowMs: MORNING + 120_000)).doorUnseen)
        XCTAssertTrue(try numbered(s.scan(text: unseen.pass, nowMs: MORNING + 130_000)).doorUnseen)
        let again = try s.scan(text: unseen.pass, nowMs: MORNING + 200_000)
        XCTAssertTrue(again.headline.zh.contains("002"), "already numbered, with the number: \(again.headline.zh)")
        let a = try s.stationAttendance(nowMs: MORNING + 200_000)
        XCTAssertEqual(a.arrived, 2)
        XCTAssertEqual(a.numbered, 2)
    }

    func testAStudentSteppedAsideLosesTheirNumberForGoodAndIsRenumberedAtTheEndWhenBack() throws {
        let s = try studio()
        let three = Array(Fixtures.session1.prefix(3))
        for (i, h) in three.enumerated() {
            _ = try numbered(s.scan(text: h.pass, nowMs: MORNING + Int64(i) * 10_000))
        }
        let aside = try s.stepAside(studentNo: three[1].studentNo, reason: .noCollectionCode, note: "采集码没保存", nowMs: MORNING + 60_000)
        XCTAssertEqual(aside.photoNo, "002")
        XCTAssertEqual(aside.reason, .noCollectionCode)
        let batch = try XCTUnwrap(try s.currentBatch(nowMs: MORNING + 60_000))
        XCTAssertEqual(batch.members.map(\.status), [.waiting, .voided, .waiting])
        XCTAssertEqual(batch.members[1].aside, .noCollectionCode)

        // Back with the code on their phone ten minutes later: a new number at the end.
        let back = try numbered(s.scan(text: three[1].pass, nowMs: MORNING + 600_000))
        XCTAssertEqual(back.photoNo, "004")
        XCTAssertTrue(back.renumbered)
        let list = try s.photoList(session: 1)
        XCTAssertEqual(list.map(\.photoNo), ["001", "002", "003", "004"])
        XCTAssertEqual(list[1].status, .voided)
        XCTAssertEqual(list[3].studentNo, three[1].studentNo)
        XCTAssertEqual(try s.stationAttendance(nowMs: MORNING + 600_000).steppedAside, 1)
    }

    func testClosingABatchRecordsItsStudentsPhotographedAndAttendanceAndThe补拍ListFollow() throws {
        let d = try door()
        let s = try studio()
        assertCoreError(.notReady) { try s.closeBatch(nowMs: MORNING) }
        let three = Array(Fixtures.session1.prefix(3))
        for (i, h) in three.enumerated() {
            _ = try checkedIn(d.scan(text: h.pass, nowMs: MORNING - 60_000 + Int64(i) * 10_000))
        }
        _ = try s.importLog(bytes: d.exportLog(nowMs: MORNING))
        for (i, h) in three.enumerated() {
            _ = try numbered(s.scan(text: h.pass, nowMs: MORNING + Int64(i) * 10_000))
        }
        _ = try s.stepAside(studentNo: three[2].studentNo, reason: .notPresent, note: nil, nowMs: MORNING + 40_000)
        let closed = try s.closeBatch(nowMs: MORNING + 120_000)
        XCTAssertEqual(closed.photographed, 2)
        XCTAssertEqual(closed.batch.number, 1)
        XCTAssertEqual(closed.batch.members.map(\.status), [.photographed, .photographed, .voided])
        XCTAssertNil(try s.currentBatch(nowMs: MORNING + 120_000), "batch 1 is done; batch 2 has nobody yet")
        let a = try s.stationAttendance(nowMs: MORNING + 120_000)
        XCTAssertEqual(a.photographed, 2)
        XCTAssertEqual(a.arrived, 3)
        XCTAssertEqual(a.absentees.count, Int(a.expected) - 2, "补拍 list = roster − photographed")
        XCTAssertEqual(a.arrivedNotPhotographed.map(\.studentNo), [three[2].studentNo])
        XCTAssertEqual(a.classes.map(\.photographed).reduce(0, +), 2)
        assertCoreError(.invalidInput) {
            try s.stepAside(studentNo: three[0].studentNo, reason: .glasses, note: nil, nowMs: MORNING + 130_000)
        }
        let next = try numbered(s.scan(text: Fixtures.session1[3].pass, nowMs: MORNING + 140_000))
        XCTAssertEqual(next.photoNo, "004")
        XCTAssertEqual(next.batch, 2, "after a closed batch the next student starts batch 2")
    }

    func test一教209HandsOverAt1430() throws {
        let mgmt = Fixtures.holders(9)
        let intl = Fixtures.holders(10)
        let d = try station(.door, room: "一教209")
        let t1420 = beijing("2023-06-04T14:20")
        let t1431 = beijing("2023-06-04T14:31")
        XCTAssertEqual(d.sessionNow(nowMs: t1420), 9)
        XCTAssertEqual(d.sessionNow(nowMs: t1431), 10)

        let early = try d.scan(text: intl[0].pass, nowMs: t1420)
        guard case let .outsideWindow(_, _, timing, minutes, at, _, _, _, _) = early.verdict else {
            return XCTFail("got \(early.verdict)")
        }
        XCTAssertEqual(timing, .tooEarly)
        XCTAssertEqual(at, "14:30")
        XCTAssertEqual(minutes, 10)
        XCTAssertFalse(early.headline.zh.contains("走错"), "never sent to the room they stand in")
        _ = try checkedIn(d.scan(text: mgmt[0].pass, nowMs: beijing("2023-06-04T14:29")))

        let late = try d.scan(text: mgmt[1].pass, nowMs: t1431)
        guard case let .outsideWindow(_, _, lateTiming, _, _, _, _, _, place) = late.verdict else {
            return XCTFail("got \(late.verdict)")
        }
        XCTAssertEqual(lateTiming, .tooLate)
        XCTAssertTrue(place.zh.contains("府前路"), place.zh)
        XCTAssertTrue(late.detail.zh.contains("补拍"), "the way out is the 补拍: \(late.detail.zh)")
        XCTAssertTrue(late.overridable)
        _ = try checkedIn(d.scan(text: intl[1].pass, nowMs: t1431 + 10_000))
        XCTAssertEqual(try d.stationAttendance(nowMs: t1431).arrived, 1, "the room's attendance is 国际学院's now")
    }

    func testASecondStudioPhoneUnderTheSamePrefixIsWarnedAndAMergeNamesAClash() throws {
        let a = try studio()
        let b = try ScannerApp(dbPath: Fixtures.db("studio"))
        _ = try b.importBundle(bytes: Fixtures.bytes("scanner.bundle"))
        _ = try numbered(a.scan(text: Fixtures.session1[0].pass, nowMs: MORNING))
        _ = try b.importLog(bytes: a.exportLog(nowMs: MORNING + 10_000))
        let warned = try b.setStation(room: "一教104", role: .studio, lane: nil)
        let warning = try XCTUnwrap(warned.warning)
        XCTAssertTrue(warning.zh.contains(a.deviceId()), warning.zh)
        XCTAssertNil(try b.setStation(room: "一教104", role: .studio, lane: .b).warning, "its own letter: no clash")

        // Two phones without letters that never met both give 001: the merge says so loudly.
        let c = try studio()
        _ = try numbered(c.scan(text: Fixtures.session1[1].pass, nowMs: MORNING + 20_000))
        let summary = try a.importLog(bytes: c.exportLog(nowMs: MORNING + 30_000))
        XCTAssertFalse(summary.warnings.isEmpty, "an import that finds a clash says so")
        let clashes = try a.attendance().clashes
        XCTAssertEqual(clashes.count, 1)
        let clash = try XCTUnwrap(clashes.first)
        XCTAssertEqual(clash.photoNo, "001")
        XCTAssertEqual(Set(clash.holders.map(\.studentNo)), [Fixtures.session1[0].studentNo, Fixtures.session1[1].studentNo])
        XCTAssertFalse(clash.advice.zh.isEmpty)
    }

    func testTwoPhonesMergeTheirLogsByFileIdempotentlyAndAStudentNumberedOnBothIsFlagged() throws {
        let a = try studio(.a)
        let b = try studio(.b)
        XCTAssertNotEqual(a.deviceId(), b.deviceId())
        let twice = Fixtures.session1[0]
        XCTAssertEqual(try numbered(a.scan(text: twice.pass, nowMs: MORNING)).photoNo, "A001")
        _ = try numbered(a.scan(text: Fixtures.session1[1].pass, nowMs: MORNING + 10_000))
        // Before any merge B does not know, so it numbers the same student again.
        XCTAssertEqual(try numbered(b.scan(text: twice.pass, nowMs: MORNING + 30_000)).photoNo, "B001")

        let fromA = try a.exportLog(nowMs: MORNING + 60_000)
        let first = try b.importLog(bytes: fromA)
        XCTAssertGreaterThan(first.added, 0)
        XCTAssertEqual(first.devices, [a.deviceId()])
        let second = try b.importLog(bytes: fromA)
        XCTAssertEqual(second.added, 0)
        XCTAssertEqual(second.known, first.added)

        let duplicates = try b.attendance().duplicates
        XCTAssertEqual(duplicates.count, 1)
        let dup = try XCTUnwrap(duplicates.first)
        XCTAssertEqual(dup.studentNo, twice.studentNo)
        XCTAssertEqual(dup.keep.photoNo, "A001")
        XCTAssertEqual(dup.void.map(\.photoNo), ["B001"])
        XCTAssertEqual(try b.stationAttendance(nowMs: MORNING).numbered, 2)
        let seen = try b.scan(text: Fixtures.session1[1].pass, nowMs: MORNING + 90_000)
        guard case let .alreadyNumbered(_, _, photoNo, _, _, _, device, _, thisDevice, photographed) = seen.verdict else {
            return XCTFail("got \(seen.verdict)")
        }
        XCTAssertEqual(photoNo, "A002")
        XCTAssertEqual(device, a.deviceId())
        XCTAssertFalse(thisDevice)
        XCTAssertFalse(photographed)
        XCTAssertNotNil(seen.numberQr, "the student can still take their number")

        _ = try a.importLog(bytes: b.exportLog(nowMs: MORNING + 120_000))
        XCTAssertEqual(try a.attendance().duplicates, try b.attendance().duplicates)
        assertCoreError(.badLog) { try a.importLog(bytes: fromA.prefix(fromA.count - 5)) }
        assertCoreError(.badLog) { try a.importLog(bytes: Data("PDL nonsense".utf8)) }
    }

    func testALogTravelsAsQRCodesShownOnOnePhoneAndScannedOnAnotherInAnyOrder() throws {
        let a = try door()
        for (i, h) in Fixtures.session1.prefix(12).enumerated() {
            _ = try checkedIn(a.scan(text: h.pass, nowMs: MORNING + Int64(i) * 10_000))
        }
        let codes = try a.exportLogQr(nowMs: MORNING + 200_000)
        XCTAssertGreaterThan(codes.count, 1)
        XCTAssertTrue(codes.allSatisfy { $0.hasPrefix("PDL1:") })
        let c = try door()
        let receipts = try codes.reversed().map { try c.receiveLogQr(text: $0) }
        XCTAssertTrue(receipts.dropLast().allSatisfy { $0.imported == nil })
        let last = try XCTUnwrap(receipts.last)
        XCTAssertEqual(last.progress.received, UInt32(codes.count))
        XCTAssertTrue(last.progress.missing.isEmpty)
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(last.imported).added, 12)
        XCTAssertEqual(try c.stationAttendance(nowMs: MORNING).arrived, 12)
        assertCoreError(.invalidInput) { try c.receiveLogQr(text: Fixtures.pass("it")) }
    }

    func testTheRolePickerTheLogFileNameAndTheLogCodesCountersAreTheCoresWords() throws {
        let roles = roleChoices()
        XCTAssertEqual(roles.map(\.role), [.door, .studio, .both], "door first")
        XCTAssertEqual(roles[0].label.zh, "门口：签到")
        XCTAssertEqual(roles[0].label.en, "Door: check students in")
        XCTAssertTrue(roles.allSatisfy { !$0.label.zh.isEmpty && !$0.label.en.isEmpty })
        XCTAssertEqual(Set(roles.map(\.label.en)).count, 3, "three different labels")

        XCTAssertEqual(logQrCounter(index: 2, total: 5).zh, "第 2/5 张")
        XCTAssertEqual(logQrCounter(index: 2, total: 5).en, "Code 2 of 5")

        let a = try door()
        XCTAssertEqual(a.logFileName(), "PhotoDay-\(a.deviceId()).photodaylog")
        XCTAssertNotEqual(a.logFileName(), try door().logFileName(), "two phones' files keep apart")

        for (i, h) in Fixtures.session1.prefix(12).enumerated() {
            _ = try checkedIn(a.scan(text: h.pass, nowMs: MORNING + Int64(i) * 10_000))
        }
        let codes = try a.exportLogQr(nowMs: MORNING + 200_000)
        XCTAssertGreaterThan(codes.count, 1)
        let n = codes.count
        // The first code only: every other one is still missing, and the line names them.
        let partial = try door().receiveLogQr(text: codes[0]).progress
        XCTAssertEqual(partial.received, 1)
        XCTAssertEqual(partial.missing, (2...n).map { UInt32($0) })
        let missing = (2...n).map(String.init)
        XCTAssertEqual(partial.line.zh, "已收 1/\(n)，还缺第 \(missing.joined(separator: "、")) 张")
        XCTAssertEqual(partial.line.en, "1 of \(n) codes received; still missing \(missing.joined(separator: ", "))")
    }

    func testAStaffPhoneTakesWhatItIsHandedByContentAndRefusesAStudentsPackOrPass() throws {
        let app = try ScannerApp(dbPath: Fixtures.db("door"))
        assertCoreError(.invalidInput) { try app.importAny(bytes: Fixtures.bytes("student.bundle")) }
        assertCoreError(.invalidInput) { try app.importAny(bytes: Data(Fixtures.pass("it").utf8)) }
        assertCoreError(.invalidInput) { try app.importAny(bytes: Data("hello".utf8)) }
        let bundle = try app.importAny(bytes: Fixtures.bytes("scanner.bundle"))
        XCTAssertEqual(bundle.kind, .bundle)
        XCTAssertEqual(bundle.bundle?.sessions, 10)
        XCTAssertTrue(bundle.text.zh.hasPrefix("已导入"), bundle.text.zh)
        _ = try app.setStation(room: "一教104", role: .door, lane: nil)

        let other = try door()
        for (i, h) in Fixtures.session1.prefix(12).enumerated() {
            _ = try checkedIn(other.scan(text: h.pass, nowMs: MORNING + Int64(i) * 10_000))
        }
        let file = try app.importAny(bytes: other.exportLog(nowMs: MORNING + 200_000))
        XCTAssertEqual(file.kind, .log)
        XCTAssertEqual(file.log?.added, 12)
        XCTAssertTrue(file.text.en.contains("12 new records"), file.text.en)

        // The same log as QR codes on a third phone: a code seen twice counts once; once merged,
        // the code still on the sender's screen says so, and the next phone's codes are welcome.
        let third = try door()
        let codes = try other.exportLogQr(nowMs: MORNING + 300_000)
        XCTAssertGreaterThan(codes.count, 1)
        XCTAssertEqual(try third.importAny(bytes: Data(codes[0].utf8)).progress?.received, 1)
        XCTAssertEqual(try third.importAny(bytes: Data(codes[0].utf8)).progress?.received, 1)
        XCTAssertEqual(third.abandonLogQr(), 1, "the other phone went away: start over")
        var last: StaffImport?
        for code in codes.reversed() {
            last = try third.importAny(bytes: Data(code.utf8))
        }
        XCTAssertEqual(last?.kind, .logCode)
        XCTAssertEqual(last?.log?.added, 12)
        let stillShown = try third.importAny(bytes: Data(codes[0].utf8))
        XCTAssertEqual(stillShown.progress?.alreadyMerged, true)
        XCTAssertNil(stillShown.log)
        XCTAssertFalse(stillShown.text.zh.isEmpty)
        let fourth = try door()
        _ = try checkedIn(fourth.scan(text: Fixtures.session1[20].pass, nowMs: MORNING))
        let next = try fourth.exportLogQr(nowMs: MORNING + 60_000)
        XCTAssertEqual(try third.importAny(bytes: Data(next[0].utf8)).progress?.received, 1)
    }

    func testADoorPhonePurgesOnlyAfterItsLogWasExportedAndTheSaveConfirmed() throws {
        let app = try door()
        _ = try app.scan(text: Fixtures.pass("it"), nowMs: MORNING)
        assertCoreError(.notReady) { try app.purge() }
        _ = try app.exportLog(nowMs: MORNING + 60_000)
        assertCoreError(.notReady, "a cancelled save must not allow a purge") { try app.purge() }
        XCTAssertEqual(try app.confirmLogExported(), 1)
        try app.purge()
        XCTAssertNil(app.event())
        XCTAssertNil(app.station())
        assertCoreError(.notReady) { try app.attendance() }
    }

    func testAPhoneWhoseClockIsMonthsOffIsWarnedOnEveryScan() throws {
        let out = try door().scan(text: Fixtures.pass("it"), nowMs: beijing("2023-09-01T09:35"))
        let warning = try XCTUnwrap(out.clockWarning)
        XCTAssertTrue(warning.zh.contains("2023-06-03"), warning.zh)
        guard case .outsideWindow = out.verdict else { return XCTFail("got \(out.verdict)") }
    }

    func testScansFromManyThreadsAtOnceNeverShareAPhotoNumber() throws {
        let app = try studio()
        let holders = Array(Fixtures.session1.prefix(16))
        let numbers = Gathered<String>()
        DispatchQueue.concurrentPerform(iterations: holders.count) { i in
            if let out = try? app.scan(text: holders[i].pass, nowMs: MORNING + Int64(i)), let n = try? numbered(out) {
                numbers.put(i, n.photoNo)
            }
        }
        XCTAssertEqual(numbers.values.count, 16, "every scan numbered")
        XCTAssertEqual(Set(numbers.values), Set((1...16).map { String(format: "%03d", $0) }))
        XCTAssertEqual(try app.stationAttendance(nowMs: MORNING).numbered, 16)
    }
}
