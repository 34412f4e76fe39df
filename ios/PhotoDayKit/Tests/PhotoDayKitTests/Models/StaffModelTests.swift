// The staff device's screens, driven as the SwiftUI views drive them: bundle, room and role, the
// door's scan loop with its hold, override and undo, manual check-in; the studio's 采集码 step,
// number and its code, step aside, batch shot; attendance, settings, and logs by file and by QR
// codes.

import Foundation
import PhotoDayCore
@testable import PhotoDayKit
import XCTest

@MainActor
final class StaffModelTests: XCTestCase {
    /// A phone at 一教104 set up through its screens: bundle from Files, then room and `role`,
    /// letter `lane`; a studio's 采集码 check as `checkCode`.
    private func setUp(_ h: Harness, _ role: Role = .door, lane: String = "", checkCode: Bool = true) async throws {
        let bundle = BundleImportModel(services: h.services())
        await bundle.importFile(try h.copy("scanner.bundle", as: "door.pdb"))
        XCTAssertNil(bundle.message)
        let station = StationModel(services: h.services())
        await station.load()
        station.role = role
        station.lane = lane
        let chosen = await station.choose("一教104")
        XCTAssertTrue(chosen)
        if role != .door && !checkCode {
            await station.setCheckCode(false)
            XCTAssertEqual(station.station?.checkCode, false)
        }
    }

    func testTheDoorAsksForTheBundleThenTheStationThenScans() async throws {
        let h = Harness()
        let staff = StaffModel(services: h.services())
        XCTAssertEqual(staff.stage, .loading)
        await staff.load()
        XCTAssertEqual(staff.stage, .needsBundle)

        let bundle = BundleImportModel(services: h.services())
        await bundle.paste(nil)
        XCTAssertEqual(bundle.message, .noBundleOnClipboard)
        await bundle.paste(Fixtures.bytes("student.bundle"))
        guard case .failed? = bundle.message else { return XCTFail("a student bundle is not a door's") }
        await bundle.paste(Fixtures.bytes("scanner.bundle"))
        XCTAssertEqual(bundle.summary?.sessions, 10)
        XCTAssertEqual(bundle.summary?.withNames, true)
        await staff.load()
        XCTAssertEqual(staff.stage, .needsStation)

        let station = StationModel(services: h.services())
        await station.load()
        XCTAssertEqual(station.lane, "")
        XCTAssertEqual(station.rooms.sorted(), ["一教104", "一教108", "一教206", "一教209"])
        station.role = .studio
        station.lane = "AB"
        let twoLetters = await station.choose("一教209")
        XCTAssertFalse(twoLetters)
        guard case .failed? = station.message else { return XCTFail("two letters are refused") }
        station.lane = "b"
        let oneLetter = await station.choose("一教209")
        XCTAssertTrue(oneLetter)
        XCTAssertNil(station.warning)
        XCTAssertTrue(station.isChosen("一教209"))
        XCTAssertFalse(station.isChosen("一教104"))
        await staff.load()
        XCTAssertEqual(staff.stage, .scanning)
        XCTAssertEqual(staff.station, Station(room: "一教209", role: .studio, lane: "B", checkCode: true))
    }

    func testADoorScanChecksInWithoutANumberChimesOnceAndHoldsTheCameraUntilDismissed() async throws {
        let h = Harness()
        try await setUp(h)
        let door = ScanModel(services: h.services(), holdNanoseconds: 60_000_000_000)
        await door.scanned(Fixtures.pass("it"))
        let shown = try XCTUnwrap(door.shown)
        XCTAssertEqual(try checkedIn(shown.outcome).studentNo, Fixtures.studentNo("it"))
        XCTAssertNil(shown.outcome.numberQr, "the door gives no number")
        XCTAssertEqual(shown.input, .pass(Fixtures.pass("it")))
        XCTAssertEqual(h.chimes, [.green])
        XCTAssertNil(door.batch, "a door phone calls no batch")
        XCTAssertEqual(door.session, 1)

        // The camera keeps reporting codes while the verdict is up: none is judged.
        await door.scanned(Fixtures.session1[1].pass)
        XCTAssertEqual(door.shown?.id, shown.id)
        XCTAssertEqual(h.chimes.count, 1)

        door.dismiss()
        h.clock.advance(seconds: 2)
        await door.scanned(Fixtures.pass("it"))
        XCTAssertEqual(door.shown?.outcome.repeat, true)
        XCTAssertEqual(h.chimes, [.green], "a repeat records nothing and plays nothing")
        let attendance = AttendanceModel(services: h.services())
        await attendance.load()
        XCTAssertEqual(attendance.station?.arrived, 1)
        XCTAssertEqual(attendance.station?.numbered, 0)
    }

    func testAVerdictReturnsToTheCameraByItselfAfterTheHold() async throws {
        let h = Harness()
        try await setUp(h)
        let door = ScanModel(services: h.services(), holdNanoseconds: 50_000_000)
        await door.scanned(Fixtures.pass("accounting"))
        guard case .wrongSession? = door.shown?.outcome.verdict else {
            return XCTFail("got \(String(describing: door.shown?.outcome.verdict))")
        }
        XCTAssertEqual(h.chimes, [.amber])
        for _ in 0..<100 where door.shown != nil {
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        XCTAssertNil(door.shown)

        // Held by the staff (they are overriding or reading): it stays.
        await door.scanned(Fixtures.pass("forged"))
        door.holdOn()
        try await Task.sleep(nanoseconds: 200_000_000)
        XCTAssertNotNil(door.shown)
        XCTAssertEqual(h.chimes, [.amber, .red])
    }

    func testAnOverrideNumbersTheStudentOnShowAndUndoGivesTheNumberUp() async throws {
        let h = Harness(now: beijing("2023-06-03T13:00"))
        try await setUp(h, .studio, lane: "A", checkCode: false)
        let door = ScanModel(services: h.services(), holdNanoseconds: 60_000_000_000)
        let holder = Fixtures.session1[5]
        await door.scanned(holder.pass)
        XCTAssertEqual(door.shown?.outcome.overridable, true)
        XCTAssertTrue(OverrideReason.isGiven("下午有课，辅导员同意"))
        XCTAssertFalse(OverrideReason.isGiven("  \n"))
        door.holdOn()
        await door.override(reason: "下午有课，辅导员同意")
        let over = try numbered(try XCTUnwrap(door.shown).outcome)
        XCTAssertEqual(over.photoNo, "A001")
        XCTAssertEqual(over.via, .override)
        XCTAssertEqual(over.studentNo, holder.studentNo)

        h.clock.advance(seconds: 60)
        await door.undoShown()
        XCTAssertNil(door.shown)
        guard case .undone(let undo)? = door.notice else { return XCTFail("got \(String(describing: door.notice))") }
        XCTAssertEqual(undo.photoNo, "A001")
        XCTAssertEqual(undo.studentNo, holder.studentNo)

        await door.undoLast()
        guard case .failed? = door.notice else { return XCTFail("nothing left to undo") }
    }

    func testAManualCheckInIsJudgedLikeAScanAndCanBeOverridden() async throws {
        let h = Harness()
        try await setUp(h)
        let manual = ManualCheckInModel(services: h.services())
        manual.number = "12ab"
        XCTAssertNil(manual.studentNo)
        let nothing = await manual.checkIn()
        XCTAssertNil(nothing)

        manual.number = " \(Fixtures.studentNo("accounting")) "
        let wrongRoomJudged = await manual.checkIn()
        let wrongRoom = try XCTUnwrap(wrongRoomJudged)
        guard case .wrongSession = wrongRoom.0.verdict else { return XCTFail("got \(wrongRoom.0.verdict)") }
        XCTAssertEqual(wrongRoom.1, .manual(studentNo: Fixtures.studentNo("accounting"), note: nil))

        // At lunch, outside the session's windows: the staff admit anyway, with a reason.
        h.clock.set(beijing("2023-06-03T13:00"))
        let holder = Fixtures.session1[5]
        manual.number = String(holder.studentNo)
        manual.note = "  忘带手机 "
        let lunchJudged = await manual.checkIn()
        let (outcome, input) = try XCTUnwrap(lunchJudged)
        XCTAssertEqual(input, .manual(studentNo: holder.studentNo, note: "忘带手机"))
        guard case .outsideWindow = outcome.verdict else { return XCTFail("got \(outcome.verdict)") }
        XCTAssertTrue(outcome.overridable)

        let door = ScanModel(services: h.services(), holdNanoseconds: 60_000_000_000)
        door.checkedIn(outcome, input: input)
        XCTAssertEqual(h.chimes, [.amber])
        await door.override(reason: "下午有课，辅导员同意")
        let shown = try XCTUnwrap(door.shown)
        XCTAssertEqual(shown.input, input)
        let over = try checkedIn(shown.outcome)
        XCTAssertEqual(over.via, .override)
        XCTAssertEqual(over.studentNo, holder.studentNo)
        XCTAssertEqual(h.chimes, [.amber, .green])

        manual.number = "0"
        manual.note = ""
        let refused = await manual.checkIn()
        XCTAssertNil(refused)
        guard case .failed? = manual.message else { return XCTFail("student 0 does not exist") }
    }

    func testTheStudioAsksForThe采集码ThenNumbers001AndKeepsTheNumberAndItsCodeOnScreen() async throws {
        let h = Harness()
        try await setUp(h, .studio)
        let studio = ScanModel(services: h.services(), holdNanoseconds: 50_000_000)
        let holder = Fixtures.session1[0]
        await studio.scanned(holder.pass)
        guard case let .showCollectionCode(studentNo, _, _)? = studio.shown?.outcome.verdict else {
            return XCTFail("got \(String(describing: studio.shown?.outcome.verdict))")
        }
        XCTAssertEqual(studentNo, holder.studentNo)
        XCTAssertTrue(studio.awaitingCode)
        XCTAssertNil(studio.batch, "nothing is numbered before the 采集码")
        // The request stays while the camera looks for the code, past the usual hold.
        try await Task.sleep(nanoseconds: 200_000_000)
        XCTAssertTrue(studio.awaitingCode)

        await studio.scanned(COLLECTION_CODE)
        let shown = try XCTUnwrap(studio.shown)
        let n = try numbered(shown.outcome)
        XCTAssertEqual(n.photoNo, "001")
        XCTAssertEqual(n.batch, 1)
        XCTAssertFalse(studio.awaitingCode)
        let qr = try XCTUnwrap(shown.outcome.numberQr)
        XCTAssertGreaterThan(try qrCode(text: qr).width, 0, "the student's app scans it from the screen")
        XCTAssertEqual(studio.batch?.members.map(\.photoNo), ["001"])
        // The number and its code stay until the staff tap: the student is scanning it.
        try await Task.sleep(nanoseconds: 200_000_000)
        XCTAssertEqual(studio.shown?.id, shown.id)
        studio.dismiss()
    }

    func testOneTapSkipsThe采集码CheckWhenThePhotographerChecksIt() async throws {
        let h = Harness()
        try await setUp(h, .studio)
        let studio = ScanModel(services: h.services(), holdNanoseconds: 60_000_000_000)
        await studio.skipCodeCheck()
        XCTAssertNil(studio.shown, "nobody is waiting: nothing happens")
        await studio.scanned(Fixtures.session1[0].pass)
        XCTAssertTrue(studio.awaitingCode)
        h.clock.advance(seconds: 3)
        await studio.skipCodeCheck()
        let n = try numbered(try XCTUnwrap(studio.shown).outcome)
        XCTAssertEqual(n.studentNo, Fixtures.session1[0].studentNo)
        XCTAssertEqual(n.photoNo, "001")
        XCTAssertEqual(h.chimes, [.amber, .green], "the request for the 采集码, then the number")
    }

    func testAStudentSteppedAsideIsVoidedOnTheListAndRenumberedAtTheEndWhenBack() async throws {
        let h = Harness()
        try await setUp(h, .studio, checkCode: false)
        let studio = ScanModel(services: h.services(), holdNanoseconds: 60_000_000_000)
        let three = Array(Fixtures.session1.prefix(3))
        for holder in three {
            await studio.scanned(holder.pass)
            studio.dismiss()
            h.clock.advance(seconds: 10)
        }
        let list = BatchModel(services: h.services())
        await list.load()
        XCTAssertEqual(list.list.map(\.photoNo), ["001", "002", "003"])
        await list.stepAside(list.list[1], reason: .clothes)
        guard case .steppedAside(let aside)? = list.message else { return XCTFail("got \(String(describing: list.message))") }
        XCTAssertEqual(aside.photoNo, "002")
        XCTAssertEqual(list.list.map(\.status), [.waiting, .voided, .waiting])
        XCTAssertEqual(list.list[1].aside, .clothes)

        h.clock.advance(seconds: 600)
        await studio.scanned(three[1].pass)
        let back = try numbered(try XCTUnwrap(studio.shown).outcome)
        XCTAssertEqual(back.photoNo, "004")
        XCTAssertTrue(back.renumbered)
        await list.load()
        XCTAssertEqual(list.list.map(\.photoNo), ["001", "002", "003", "004"])
        XCTAssertEqual(list.list.last?.studentNo, three[1].studentNo)
    }

    func testBatchShotRecordsTheBatchPhotographedAndAttendanceFollows() async throws {
        let h = Harness()
        try await setUp(h, .studio, checkCode: false)
        let studio = ScanModel(services: h.services(), holdNanoseconds: 60_000_000_000)
        await studio.closeBatch()
        guard case .failed? = studio.notice else { return XCTFail("no batch is open yet") }
        let batch = BatchModel(services: h.services())
        await batch.load()
        XCTAssertTrue(batch.loaded)
        XCTAssertNil(batch.batch)
        for holder in Fixtures.session1.prefix(10) {
            await studio.scanned(holder.pass)
            studio.dismiss()
            h.clock.advance(seconds: 10)
        }
        await batch.load()
        XCTAssertEqual(batch.batch?.number, 1)
        XCTAssertEqual(batch.batch?.size, 8)
        XCTAssertEqual(studio.batch, batch.batch)
        XCTAssertEqual(batch.list.count, 10)

        await studio.closeBatch()
        guard case .batchClosed(let closed)? = studio.notice else {
            return XCTFail("got \(String(describing: studio.notice))")
        }
        XCTAssertEqual(closed.photographed, 8)
        XCTAssertEqual(studio.batch?.number, 2)
        XCTAssertEqual(studio.batch?.members.map(\.photoNo), ["009", "010"])

        let attendance = AttendanceModel(services: h.services())
        await attendance.load()
        XCTAssertEqual(attendance.station?.arrived, 10)
        XCTAssertEqual(attendance.station?.numbered, 10)
        XCTAssertEqual(attendance.station?.photographed, 8)
        XCTAssertEqual(attendance.station?.absentees.count, Fixtures.session1.count - 8, "补拍 list = roster − photographed")
        XCTAssertEqual(attendance.station?.arrivedNotPhotographed.count, 2)
        XCTAssertEqual(attendance.all?.sessions.count, 10)
        XCTAssertNil(attendance.message)
    }

    func testDoorSettingsKeepTheToleranceAcrossARelaunch() async throws {
        let h = Harness()
        try await setUp(h)
        let settings = DoorSettingsModel(services: h.services())
        await settings.load()
        XCTAssertFalse(settings.deviceId.isEmpty)
        XCTAssertEqual([settings.earlyMinutes, settings.lateMinutes], [30, 15])
        settings.earlyMinutes = 45
        settings.lateMinutes = 20
        await settings.saveTolerance()
        XCTAssertNil(settings.message)
        XCTAssertEqual(settings.coreVersion, coreVersion())

        let relaunched = DoorSettingsModel(services: h.services(core: CoreService(folder: { [folder = h.folder] in folder })))
        await relaunched.load()
        XCTAssertEqual([relaunched.earlyMinutes, relaunched.lateMinutes], [45, 20])
        XCTAssertEqual(relaunched.deviceId, settings.deviceId)
    }

    func testALogLeavesByFileIsMergedOnAnotherPhoneAndOnlyThenMayThePhoneBePurged() async throws {
        let a = Harness()
        try await setUp(a)
        let door = ScanModel(services: a.services(), holdNanoseconds: 60_000_000_000)
        await door.scanned(Fixtures.pass("it"))

        let logs = LogTransferModel(services: a.services())
        await logs.purge()
        guard case .failed? = logs.message else { return XCTFail("no purge before an export") }
        await logs.exportFile()
        let file = try XCTUnwrap(logs.exported)
        let settings = DoorSettingsModel(services: a.services())
        await settings.load()
        XCTAssertEqual(file.fileName, "PhotoDay-\(settings.deviceId).pdl")

        let b = Harness()
        try await setUp(b)
        let url = b.folder.appendingPathComponent(file.fileName)
        try file.data.write(to: url)
        let staffB = StaffModel(services: b.services())
        await staffB.open(.log(url))
        guard case .logImported(let summary)? = staffB.message else {
            return XCTFail("got \(String(describing: staffB.message))")
        }
        XCTAssertGreaterThan(summary.added, 0)
        XCTAssertEqual(summary.devices, [settings.deviceId])
        let incomingAgain = LogTransferModel(services: b.services())
        await incomingAgain.importFile(url)
        guard case .logImported(let again)? = incomingAgain.message else { return XCTFail("a log merges twice") }
        XCTAssertEqual(again.added, 0)

        await logs.confirmExported()
        logs.message = nil
        await logs.purge()
        XCTAssertEqual(logs.message, .doorDataPurged)
        let staffA = StaffModel(services: a.services())
        await staffA.load()
        XCTAssertEqual(staffA.stage, .needsBundle)
    }

    func testALogTravelsAsQRCodesAndTheReceiverSkipsACodeSeenTwice() async throws {
        let a = Harness()
        try await setUp(a)
        let door = ScanModel(services: a.services(), holdNanoseconds: 60_000_000_000)
        for holder in Fixtures.session1.prefix(12) {
            await door.scanned(holder.pass)
            door.dismiss()
            a.clock.advance(seconds: 10)
        }
        let logs = LogTransferModel(services: a.services())
        await logs.exportQr()
        let codes = try XCTUnwrap(logs.qrCodes)
        XCTAssertGreaterThan(codes.count, 1)
        XCTAssertTrue(codes.allSatisfy { $0.width > 0 && $0.dark.count == Int($0.width * $0.width) })
        // The codes drawn above carry the log's texts; the other phone's camera reads those.
        let texts = try ScannerApp(dbPath: a.folder.appendingPathComponent(AppFiles.scannerDatabase).path)
            .exportLogQr(nowMs: a.clock.now)

        let c = Harness()
        try await setUp(c)
        let receive = LogQRReceiveModel(services: c.services())
        await receive.scanned(texts[1])
        await receive.scanned(texts[1])
        XCTAssertEqual(receive.progress?.received, 1, "the same code in the next frame is skipped")
        for text in texts.reversed() where text != texts[1] {
            await receive.scanned(text)
        }
        XCTAssertNil(receive.message)
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(receive.imported).added, 12)
        let attendance = AttendanceModel(services: c.services())
        await attendance.load()
        XCTAssertEqual(attendance.station?.arrived, 12)

        var cursor = QRSequenceCursor(count: codes.count)
        cursor.step(-1)
        XCTAssertEqual(cursor.index, codes.count - 1)
        cursor.step(2)
        XCTAssertEqual(cursor.index, 1)
        var empty = QRSequenceCursor(count: 0)
        empty.step(1)
        XCTAssertEqual(empty.index, 0)
    }
}
