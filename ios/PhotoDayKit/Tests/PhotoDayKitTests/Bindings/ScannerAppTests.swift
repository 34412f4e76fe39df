// A door morning through ScannerApp, as the staff app makes it: bundle, station, scans of valid,
// wrong-room, repeated, forged and replaced passes, overrides, manual check-in, undo, the batch,
// attendance, and logs passed to other phones by file and by QR codes.

import Foundation
import PhotoDayCore
import XCTest

let MORNING = beijing("2023-06-03T09:35")

/// A door phone at 一教104 (session 1) with photo-number letter `lane`.
func door(_ lane: String? = "A", db: String = Fixtures.db("door")) throws -> ScannerApp {
    let app = try ScannerApp(dbPath: db)
    _ = try app.importBundle(bytes: Fixtures.bytes("scanner.bundle"))
    _ = try app.setStation(session: 1, lane: lane)
    return app
}

/// An admission's numbers, or a test failure naming what the core said instead.
struct AdmittedAs {
    let studentNo: UInt64
    let name: String?
    let photoNo: String
    let batch: UInt32
    let via: Via
}

/// Thrown (so the test fails there) when a verdict is not an admission.
struct NotAdmitted: Error, CustomStringConvertible {
    let description: String
}

func admitted(_ o: ScanOutcome) throws -> AdmittedAs {
    guard case let .admitted(studentNo, name, _, photoNo, batch, via, _) = o.verdict else {
        throw NotAdmitted(description: "expected Admitted, got \(o.verdict): \(o.detail.zh)")
    }
    return AdmittedAs(studentNo: studentNo, name: name, photoNo: photoNo, batch: batch, via: via)
}

final class ScannerAppTests: XCTestCase {
    func testADoorPhoneNeedsItsBundleAndItsStationBeforeItScans() throws {
        let app = try ScannerApp(dbPath: Fixtures.db("door"))
        XCTAssertFalse(app.deviceId().isEmpty)
        assertCoreError(.notReady) { try app.scan(text: Fixtures.pass("it"), nowMs: MORNING) }
        assertCoreError(.badBundle) { try app.importBundle(bytes: Fixtures.bytes("student.bundle")) }
        let summary = try app.importBundle(bytes: Fixtures.bytes("scanner.bundle"))
        XCTAssertEqual(summary.eventId, "gzcc-2023")
        XCTAssertEqual(summary.sessions, 10)
        XCTAssertEqual(summary.students, UInt32(Fixtures.prop("students")))
        XCTAssertTrue(summary.withNames)
        XCTAssertFalse(summary.replaced)
        assertCoreError(.notReady) { try app.scan(text: Fixtures.pass("it"), nowMs: MORNING) }
        assertCoreError(.invalidInput) { try app.setStation(session: 11, lane: nil) }
        assertCoreError(.invalidInput) { try app.setStation(session: 1, lane: "AB") }
        XCTAssertEqual(try app.setStation(session: 1, lane: "a"), Station(session: 1, lane: "A"))
        XCTAssertEqual(app.tolerance(), Tolerance(earlyMinutes: 30, lateMinutes: 15))
    }

    func testAValidPassIsAdmittedGreenWithA001InBatch1DurableBeforeItShows() throws {
        let db = Fixtures.db("door")
        let app = try door(db: db)
        let out = try app.scan(text: Fixtures.pass("it"), nowMs: MORNING)
        let v = try admitted(out)
        XCTAssertEqual(v.studentNo, Fixtures.studentNo("it"))
        XCTAssertEqual(v.name, Fixtures.prop("it.name"))
        XCTAssertEqual(v.photoNo, "A001")
        XCTAssertEqual(v.batch, 1)
        XCTAssertEqual(v.via, .pass)
        XCTAssertEqual(out.colour, .green)
        XCTAssertTrue(out.headline.zh.contains("A001"), out.headline.zh)
        XCTAssertFalse(out.repeat)
        XCTAssertNil(out.clockWarning)
        XCTAssertNotNil(out.recordSeq)
        // Another handle on the same file (as after a killed app) already sees the admission.
        let afterKill = try ScannerApp(dbPath: db)
        XCTAssertEqual(afterKill.station(), Station(session: 1, lane: "A"))
        XCTAssertEqual(try afterKill.stationAttendance().admitted, 1)
    }

    func testTheSamePassAgainWithinSecondsIsARepeatAMinuteLaterItIsAlreadyAdmitted() throws {
        let app = try door()
        let first = try app.scan(text: Fixtures.pass("it"), nowMs: MORNING)
        let again = try app.scan(text: Fixtures.pass("it"), nowMs: MORNING + 2_000)
        XCTAssertTrue(again.repeat)
        XCTAssertEqual(again.verdict, first.verdict)
        let later = try app.scan(text: Fixtures.pass("it"), nowMs: MORNING + 60_000)
        guard case let .alreadyAdmitted(_, _, photoNo, _, at, _, thisDevice) = later.verdict else {
            return XCTFail("got \(later.verdict)")
        }
        XCTAssertEqual(photoNo, "A001")
        XCTAssertTrue(thisDevice)
        XCTAssertEqual(at, "09:35")
        XCTAssertEqual(later.colour, .amber)
        XCTAssertEqual(try app.stationAttendance().admitted, 1)
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
            try admitted(app.scan(text: Fixtures.pass("replaced-new"), nowMs: MORNING)).studentNo,
            Fixtures.studentNo("replaced"))

        let foreign = try app.scan(text: Fixtures.pass("other-event"), nowMs: MORNING)
        guard case .unknownKey = foreign.verdict else { return XCTFail("got \(foreign.verdict)") }
        XCTAssertEqual(foreign.colour, .red)

        XCTAssertEqual(try app.scan(text: "https://weixin.qq.com/r/abc", nowMs: MORNING).verdict, .notAPass(hint: .looksLikeUrl))
        XCTAssertEqual(try app.scan(text: "  ", nowMs: MORNING).verdict, .notAPass(hint: .empty))
        XCTAssertEqual(try app.stationAttendance().admitted, 1, "only the new pass got in")
    }

    func testOutsideTheWindowOrOffTheRosterStaffMayAdmitWithAReasonAndOnlyWithOne() throws {
        let app = try door()
        let lunch = beijing("2023-06-03T13:00")
        let holder = Fixtures.session1[5]
        let early = try app.scan(text: holder.pass, nowMs: lunch)
        guard case let .outsideWindow(_, _, timing, minutes, _, _) = early.verdict else {
            return XCTFail("got \(early.verdict)")
        }
        XCTAssertEqual(timing, .tooEarly)
        XCTAssertEqual(minutes, 60)
        XCTAssertTrue(early.overridable)
        assertCoreError(.invalidInput) { try app.overridePass(text: holder.pass, reason: "  ", nowMs: lunch) }
        XCTAssertEqual(try admitted(app.overridePass(text: holder.pass, reason: "下午有课，辅导员同意", nowMs: lunch)).via, .override)

        let stranger = try app.scan(text: Fixtures.pass("not-on-roster"), nowMs: MORNING)
        XCTAssertEqual(stranger.verdict, .notOnRoster(studentNo: Fixtures.studentNo("missing")))
        XCTAssertTrue(stranger.overridable)
        XCTAssertEqual(
            try admitted(app.overridePass(text: Fixtures.pass("not-on-roster"), reason: "教务处电话确认", nowMs: MORNING)).via,
            .override)
        XCTAssertEqual(try app.stationAttendance().notOnRoster, 1)
    }

    func testAStudentWithoutAPhoneIsCheckedInByNumberUndoFreesThemAndTheNumberIsNotReused() throws {
        let app = try door()
        let holder = Fixtures.session1[3]
        let byHand = try app.checkInByNumber(studentNo: holder.studentNo, note: "忘带手机", overrideReason: nil, nowMs: MORNING)
        let v = try admitted(byHand)
        XCTAssertEqual(v.via, .manual)
        XCTAssertEqual(v.photoNo, "A001")
        XCTAssertEqual(v.name, holder.name)

        let seq = try XCTUnwrap(byHand.recordSeq)
        let undo = try app.undo(recordSeq: seq, nowMs: MORNING + 60_000)
        XCTAssertEqual(undo.photoNo, "A001")
        XCTAssertEqual(undo.studentNo, holder.studentNo)
        assertCoreError(.invalidInput) { try app.undo(recordSeq: seq, nowMs: MORNING + 61_000) }
        XCTAssertEqual(try app.stationAttendance().admitted, 0)

        let again = try app.scan(text: holder.pass, nowMs: MORNING + 120_000)
        XCTAssertEqual(try admitted(again).photoNo, "A002", "A001 is not handed out twice")
        let againSeq = try XCTUnwrap(again.recordSeq)
        let tooLate = assertCoreError(.invalidInput) { try app.undo(recordSeq: againSeq, nowMs: MORNING + 120_000 + 6 * 60_000) }
        XCTAssertTrue(tooLate.contains("5 minutes"), tooLate)
        XCTAssertEqual(try app.undoLast(nowMs: MORNING + 180_000).photoNo, "A002")
        assertCoreError(.invalidInput) { try app.checkInByNumber(studentNo: 0, note: nil, overrideReason: nil, nowMs: MORNING) }
    }

    func testTheBatchBeingCalledInListsItsMembersInPhotoNumberOrder() throws {
        let app = try door()
        XCTAssertNil(try app.currentBatch())
        for (i, h) in Fixtures.session1.prefix(10).enumerated() {
            _ = try admitted(app.scan(text: h.pass, nowMs: MORNING + Int64(i) * 10_000))
        }
        let batch = try XCTUnwrap(try app.currentBatch())
        XCTAssertEqual(batch.number, 2)
        XCTAssertEqual(batch.size, 8)
        XCTAssertEqual(batch.members.map(\.photoNo), ["A009", "A010"])
        XCTAssertEqual(batch.members.map(\.studentNo), Fixtures.session1[8...9].map(\.studentNo))
        XCTAssertEqual(batch.members[0].name, Fixtures.session1[8].name)
    }

    func testAttendanceCountsTheSessionAndListsTheAbsenteesForTheMakeup() throws {
        let app = try door()
        for (i, h) in Fixtures.session1.prefix(3).enumerated() {
            _ = try app.scan(text: h.pass, nowMs: MORNING + Int64(i) * 10_000)
        }
        let mine = try app.stationAttendance()
        XCTAssertEqual(mine.session, 1)
        XCTAssertEqual(mine.room.zh, "一教104")
        XCTAssertEqual(mine.room.en, "Teaching Building 1, Room 104")
        XCTAssertEqual(mine.expected, UInt32(Fixtures.session1.count))
        XCTAssertEqual(mine.admitted, 3)
        XCTAssertEqual(Set(mine.absentees.map(\.studentNo)), Set(Fixtures.session1.dropFirst(3).map(\.studentNo)))
        XCTAssertEqual(mine.classes.map(\.expected).reduce(0, +), mine.expected)
        let all = try app.attendance()
        XCTAssertEqual(all.sessions.count, 10)
        XCTAssertEqual(all.sessions[1].admitted, 0)
        XCTAssertTrue(all.duplicates.isEmpty)
    }

    func testTwoPhonesMergeTheirLogsByFileIdempotentlyAndAStudentAdmittedOnBothIsFlagged() throws {
        let a = try door("A")
        let b = try door("B")
        XCTAssertNotEqual(a.deviceId(), b.deviceId())
        let twice = Fixtures.session1[0]
        XCTAssertEqual(try admitted(a.scan(text: twice.pass, nowMs: MORNING)).photoNo, "A001")
        _ = try admitted(a.scan(text: Fixtures.session1[1].pass, nowMs: MORNING + 10_000))
        // Before any merge B does not know, so it admits the same student again.
        XCTAssertEqual(try admitted(b.scan(text: twice.pass, nowMs: MORNING + 30_000)).photoNo, "B001")

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
        XCTAssertEqual(try b.stationAttendance().admitted, 2)
        let seen = try b.scan(text: Fixtures.session1[1].pass, nowMs: MORNING + 90_000).verdict
        guard case let .alreadyAdmitted(_, _, _, _, _, device, thisDevice) = seen else { return XCTFail("got \(seen)") }
        XCTAssertEqual(device, a.deviceId())
        XCTAssertFalse(thisDevice)

        _ = try a.importLog(bytes: b.exportLog(nowMs: MORNING + 120_000))
        XCTAssertEqual(try a.attendance().duplicates, try b.attendance().duplicates)
        assertCoreError(.badLog) { try a.importLog(bytes: fromA.prefix(fromA.count - 5)) }
        assertCoreError(.badLog) { try a.importLog(bytes: Data("PDL nonsense".utf8)) }
    }

    func testALogTravelsAsQRCodesShownOnOnePhoneAndScannedOnAnotherInAnyOrder() throws {
        let a = try door("A")
        for (i, h) in Fixtures.session1.prefix(12).enumerated() {
            _ = try a.scan(text: h.pass, nowMs: MORNING + Int64(i) * 10_000)
        }
        let codes = try a.exportLogQr(nowMs: MORNING + 200_000)
        XCTAssertGreaterThan(codes.count, 1)
        XCTAssertTrue(codes.allSatisfy { $0.hasPrefix("PDL1:") })
        let c = try door("C")
        let receipts = try codes.reversed().map { try c.receiveLogQr(text: $0) }
        XCTAssertTrue(receipts.dropLast().allSatisfy { $0.imported == nil })
        let last = try XCTUnwrap(receipts.last)
        XCTAssertEqual(last.progress.received, UInt32(codes.count))
        XCTAssertTrue(last.progress.missing.isEmpty)
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(last.imported).added, 12)
        XCTAssertEqual(try c.stationAttendance().admitted, 12)
        assertCoreError(.badLog) { try c.receiveLogQr(text: Fixtures.pass("it")) }
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
        let app = try door()
        let holders = Array(Fixtures.session1.prefix(16))
        let numbers = Gathered<String>()
        DispatchQueue.concurrentPerform(iterations: holders.count) { i in
            let out = try? app.scan(text: holders[i].pass, nowMs: MORNING + Int64(i))
            if case let .admitted(_, _, _, photoNo, _, _, _)? = out?.verdict {
                numbers.put(i, photoNo)
            }
        }
        XCTAssertEqual(numbers.values.count, 16, "every scan admitted")
        XCTAssertEqual(Set(numbers.values), Set((1...16).map { String(format: "A%03d", $0) }))
        XCTAssertEqual(try app.stationAttendance().admitted, 16)
    }
}
