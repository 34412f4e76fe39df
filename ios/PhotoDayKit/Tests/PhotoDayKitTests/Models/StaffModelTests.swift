// The staff device's screen models, driven as the SwiftUI views drive them: what is theirs — the
// core's screen kept and redrawn, a card's sound played once, the timer that sends a card away at
// its time, files and camera codes handed to the core's one import, the photographer's list,
// attendance, settings and sending a log. The door loop's rules are the core's, tested in Rust
// and through the bindings (DoorLoopTests).

import Foundation
import PhotoDayCore
@testable import PhotoDayKit
import XCTest

@MainActor
final class StaffModelTests: XCTestCase {
    /// A phone at 一教104 set up through its screens: bundle from Files, then room and `role`,
    /// letter `lane`; a studio's 采集码 check as `checkCode`. Returns its scan screen.
    @discardableResult
    private func setUp(_ h: Harness, _ role: Role = .door, lane: Lane? = nil, checkCode: Bool = true) async throws -> ScanModel {
        let files = StaffImportModel(services: h.services())
        await files.importFile(try h.copy("scanner.bundle", as: "door.pdb"))
        XCTAssertNil(files.message)
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
        let door = ScanModel(services: h.services())
        await door.load()
        return door
    }

    func testTheCoreSaysWhatThePhoneNeedsBundleThenStationThenScans() async throws {
        let h = Harness()
        let door = ScanModel(services: h.services())
        XCTAssertNil(door.screen)
        await door.load()
        XCTAssertEqual(door.screen?.status, .needsBundle)

        let files = StaffImportModel(services: h.services())
        await files.paste(nil)
        XCTAssertEqual(files.message, .noBundleOnClipboard)
        files.message = nil
        await files.paste(Fixtures.bytes("student.bundle"))
        guard case .failed(let why)? = files.message else { return XCTFail("a student pack is not a staff phone's") }
        XCTAssertFalse(why.isEmpty)
        // Renamed by a chat app: the content decides, not the name.
        await files.open(try h.copy("scanner.bundle", as: "bundle.pdl"))
        XCTAssertTrue(try XCTUnwrap(files.report).contains("10"), files.report ?? "")
        await door.load()
        XCTAssertEqual(door.screen?.status, .needsStation)

        let station = StationModel(services: h.services())
        await station.load()
        XCTAssertEqual(station.rooms.sorted(), ["一教104", "一教108", "一教206", "一教209"])
        station.role = .studio
        XCTAssertEqual(station.letterChoices.map(\.lane), [nil, .a, .b, .c, .d, .e, .f], "no letter first, then A–F")
        XCTAssertEqual(station.roleOptions.map(\.role), [.door, .studio, .both], "the core's roles, door first")
        station.lane = .b
        let chosen = await station.choose("一教209")
        XCTAssertTrue(chosen)
        XCTAssertEqual(station.station?.lane, .b)
        XCTAssertNil(station.warning)
        XCTAssertTrue(station.isChosen("一教209"))
        await door.load()
        XCTAssertEqual(door.screen?.status, .ready)
        XCTAssertTrue(try XCTUnwrap(door.screen?.station).title.zh.hasPrefix("一教209 B · "))
    }

    func testEachCardSoundsOnceAndAReopenedScreenDoesNotSoundAgain() async throws {
        let h = Harness()
        let door = try await setUp(h)
        await door.frame(Fixtures.pass("it"))
        let card = try XCTUnwrap(door.screen?.card)
        XCTAssertEqual(card.studentNo, Fixtures.studentNo("it"))
        XCTAssertEqual(h.chimes, [.admitted])
        XCTAssertNil(door.numberCode, "the door gives no number")
        // The camera keeps reporting codes while the card is up: nothing changes, no sound.
        await door.frame(Fixtures.session1[1].pass)
        await door.frame(Fixtures.pass("it"))
        XCTAssertEqual(door.screen?.card?.serial, card.serial)
        XCTAssertEqual(h.chimes, [.admitted])

        let reopened = ScanModel(services: h.services())
        await reopened.load()
        XCTAssertEqual(reopened.screen?.card?.serial, card.serial)
        XCTAssertEqual(h.chimes, [.admitted], "a sheet closed or the screen came back: no second beep")

        await door.dismiss()
        XCTAssertNil(door.screen?.card)
        h.clock.advance(seconds: 3)
        await door.frame(Fixtures.pass("it"))
        XCTAssertEqual(door.screen?.card?.outcome.repeat, true)
        XCTAssertNotNil(door.screen?.card?.note, "the core's 'shown again' line")
        XCTAssertEqual(h.chimes, [.admitted, .silent], "shown again: the core's silent signal")
        await door.dismiss()
        h.clock.advance(seconds: 60)
        await door.frame(Fixtures.pass("forged"))
        XCTAssertEqual(h.chimes, [.admitted, .silent, .refused])
    }

    func testACardGoesBackToTheCameraByItselfAtTheTimeTheCoreGave() async throws {
        let h = Harness()
        let door = try await setUp(h)
        await door.frame(Fixtures.pass("it"))
        let until = try XCTUnwrap(door.screen?.card?.untilMs)
        // The model sleeps until `untilMs` and asks the core; on this test clock it is already time.
        h.clock.set(until)
        for _ in 0..<80 where door.screen?.card != nil {
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        XCTAssertNil(door.screen?.card)
    }

    func testAnAmberCardStaffMayOverrideWaitsAndTheOverrideAndUndoAreTheCores() async throws {
        let h = Harness(now: beijing("2023-06-03T13:00"))
        let studio = try await setUp(h, .studio, lane: .a, checkCode: false)
        let holder = Fixtures.session1[5]
        await studio.frame(holder.pass)
        let card = try XCTUnwrap(studio.screen?.card)
        XCTAssertTrue(card.canOverride)
        XCTAssertNil(card.untilMs)
        h.clock.advance(seconds: 30)
        await studio.tick()
        XCTAssertEqual(studio.screen?.card?.serial, card.serial, "it waits for staff")

        await studio.override(reason: "下午有课，辅导员同意")
        let over = try numbered(try XCTUnwrap(studio.screen?.card).outcome)
        XCTAssertEqual(over.photoNo, "A001")
        XCTAssertEqual(over.via, .override)
        XCTAssertGreaterThan(try XCTUnwrap(studio.numberCode).width, 0, "the student's app scans it from the screen")
        XCTAssertEqual(h.chimes, [.attention, .admitted])

        await studio.undoShown()
        XCTAssertNil(studio.screen?.card)
        XCTAssertNil(studio.numberCode)
        XCTAssertEqual(studio.screen?.notice?.colour, .green)
        await studio.dismiss()
        XCTAssertNil(studio.screen?.notice, "a tapped notice goes")
    }

    func testRecentRecordsAreUndoneByTheirOwnLineAfterARelaunchWithinTheCoresMinutes() async throws {
        let h = Harness()
        let door = try await setUp(h)
        let three = Array(Fixtures.session1.prefix(3))
        for holder in three {
            await door.frame(holder.pass)
            await door.dismiss()
            h.clock.advance(seconds: 10)
        }
        // The app was closed: a new core over the same folder.
        let recent = HistoryModel(services: h.services(core: CoreService(folder: { [folder = h.folder] in folder })))
        await recent.load()
        XCTAssertTrue(recent.loaded)
        XCTAssertEqual(recent.entries.map(\.studentNo), three.reversed().map(\.studentNo), "newest first")
        XCTAssertTrue(recent.entries.allSatisfy(\.canUndo))
        await recent.undo(recent.entries[1])
        XCTAssertNil(recent.message)
        XCTAssertEqual(recent.entries.map(\.cancelled), [false, true, false])
        XCTAssertFalse(recent.entries[1].canUndo)
        await recent.undo(recent.entries[1])
        guard case .failed(let why)? = recent.message else { return XCTFail("undone twice is refused") }
        XCTAssertFalse(why.isEmpty)

        h.clock.advance(seconds: 600)
        await recent.load()
        XCTAssertEqual(recent.entries.count, 3)
        XCTAssertFalse(recent.entries.contains(where: \.canUndo), "too old: step aside instead")
    }

    func testATypedNumberIsCheckedInByHandAndTheStudio采集码StepCanBeSkipped() async throws {
        let h = Harness()
        let studio = try await setUp(h, .studio)
        let holder = Fixtures.session1[0]
        await studio.typed("１２３４５６７８９０１２３４５", note: nil)
        XCTAssertNil(studio.screen?.card)
        XCTAssertEqual(studio.screen?.notice?.colour, .amber, "15 digits: the core says it is no student number")

        await studio.typed(" \(holder.studentNo) ", note: "忘带手机")
        XCTAssertEqual(studio.screen?.card?.awaitingCode, true)
        await studio.skipCode()
        let n = try numbered(try XCTUnwrap(studio.screen?.card).outcome)
        XCTAssertEqual(n.studentNo, holder.studentNo)
        XCTAssertEqual(n.via, .manual)
        XCTAssertEqual(n.photoNo, "001")
        XCTAssertEqual(studio.screen?.batchLabel?.zh, "第1批 · 1/8")
    }

    func testTheListStepsAStudentAsideInTheCoresWordsAndBatchShotFollows() async throws {
        let h = Harness()
        let studio = try await setUp(h, .studio, checkCode: false)
        await studio.closeBatch()
        XCTAssertEqual(studio.screen?.notice?.colour, .red, "no batch is open yet")
        let list = BatchModel(services: h.services())
        await list.load()
        XCTAssertTrue(list.loaded)
        XCTAssertNil(list.batch)
        for holder in Fixtures.session1.prefix(10) {
            await studio.frame(holder.pass)
            await studio.dismiss()
            h.clock.advance(seconds: 10)
        }
        await list.load()
        XCTAssertEqual(list.list.count, 10)
        XCTAssertEqual(list.batch?.size, 8)
        XCTAssertEqual(list.asideChoices.map(\.reason), [.noCollectionCode, .clothes, .glasses, .notPresent, .other])
        await list.stepAside(list.list[1], reason: .clothes)
        XCTAssertTrue(try XCTUnwrap(list.notice).text.zh.contains("002 号作废"))
        XCTAssertEqual(list.list[1].status, .voided)
        XCTAssertEqual(list.list[1].aside, .clothes)
        XCTAssertEqual(list.text(for: list.list[1].aside), list.asideChoices[1].text, "the row says why in the core's words")
        XCTAssertNil(list.text(for: list.list[0].aside))

        await studio.load()
        XCTAssertEqual(studio.screen?.batchLabel?.zh, "第1批 · 7/8")
        await studio.closeBatch()
        XCTAssertEqual(studio.screen?.notice?.colour, .green)
        XCTAssertEqual(studio.screen?.batch?.members.map(\.photoNo), ["009", "010"])

        let attendance = AttendanceModel(services: h.services())
        await attendance.load()
        XCTAssertEqual(attendance.station?.arrived, 10)
        XCTAssertEqual(attendance.station?.photographed, 7)
        XCTAssertEqual(attendance.station?.absentees.count, Fixtures.session1.count - 7, "补拍 list = roster − photographed")
        XCTAssertEqual(attendance.all?.sessions.count, 10)
        XCTAssertNil(attendance.message)
    }

    func testTheStudiosCardStepsItsStudentAsideInTheCoresWords() async throws {
        let h = Harness()
        let studio = try await setUp(h, .studio, checkCode: false)
        let holder = Fixtures.session1[0]
        await studio.frame(holder.pass)
        let card = try XCTUnwrap(studio.screen?.card)
        XCTAssertEqual(try numbered(card.outcome).photoNo, "001")
        XCTAssertTrue(card.canStepAside, "numbered now: the card offers step aside")
        XCTAssertEqual(card.studentNo, holder.studentNo)
        XCTAssertTrue(try XCTUnwrap(card.asideWho).hasPrefix("001"), "the dialog names them as the core does")
        XCTAssertEqual(studio.asideChoices.map(\.reason), [.noCollectionCode, .clothes, .glasses, .notPresent, .other])
        XCTAssertEqual(studio.screen?.batch?.members.map(\.status), [.waiting])

        await studio.stepAside(studentNo: holder.studentNo, reason: .glasses)
        XCTAssertNil(studio.screen?.card, "back to the camera")
        XCTAssertNil(studio.numberCode)
        XCTAssertTrue(try XCTUnwrap(studio.screen?.notice).text.zh.contains("001 号作废"))
        XCTAssertFalse(studio.screen?.batch?.members.contains { $0.status == .waiting } ?? false, "no longer waiting in the batch")
        let list = BatchModel(services: h.services())
        await list.load()
        XCTAssertEqual(list.list.first?.status, .voided)
        XCTAssertEqual(list.list.first?.aside, .glasses)
        await studio.dismiss()
        XCTAssertNil(studio.screen?.notice)

        // Waiting for the 采集码: the banner offers it too, naming the student without a number.
        let waiting = try await setUp(Harness(), .studio)
        await waiting.typed(holder.studentNo.description, note: nil)
        let asked = try XCTUnwrap(waiting.screen?.card)
        XCTAssertTrue(asked.awaitingCode)
        XCTAssertTrue(asked.canStepAside)
        XCTAssertEqual(asked.photoNo, nil)
        XCTAssertTrue(try XCTUnwrap(asked.asideWho).hasSuffix("\(holder.studentNo)"), "no 摄影编号 yet")
        await waiting.stepAside(studentNo: holder.studentNo, reason: .noCollectionCode)
        XCTAssertNil(waiting.screen?.card, "the banner goes")
        XCTAssertTrue(try XCTUnwrap(waiting.screen?.notice).text.zh.contains("暂离"), "the core's notice")
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

        let relaunched = DoorSettingsModel(services: h.services(core: CoreService(folder: { [folder = h.folder] in folder })))
        await relaunched.load()
        XCTAssertEqual([relaunched.earlyMinutes, relaunched.lateMinutes], [45, 20])
        XCTAssertEqual(relaunched.deviceId, settings.deviceId)
    }

    func testALogLeavesByFileIsMergedOnAnotherPhoneAndOnlyThenMayThePhoneBePurged() async throws {
        let a = Harness()
        let door = try await setUp(a)
        await door.frame(Fixtures.pass("it"))

        let logs = LogTransferModel(services: a.services())
        await logs.purge()
        guard case .failed? = logs.message else { return XCTFail("no purge before an export") }
        await logs.exportFile()
        let file = try XCTUnwrap(logs.exported)
        let settings = DoorSettingsModel(services: a.services())
        await settings.load()
        XCTAssertEqual(file.fileName, "PhotoDay-\(settings.deviceId).photodaylog")

        let b = Harness()
        try await setUp(b)
        // Saved under a bundle's name: merged all the same, by content.
        let url = b.folder.appendingPathComponent("renamed.pdb")
        try file.data.write(to: url)
        let incoming = StaffImportModel(services: b.services())
        await incoming.open(url)
        XCTAssertNil(incoming.message)
        XCTAssertTrue(try XCTUnwrap(incoming.report).contains("1"), incoming.report ?? "")
        let attendance = AttendanceModel(services: b.services())
        await attendance.load()
        XCTAssertEqual(attendance.station?.arrived, 1)

        await logs.confirmExported()
        logs.message = nil
        await logs.purge()
        XCTAssertEqual(logs.message, .doorDataPurged)
        await door.load()
        XCTAssertEqual(door.screen?.status, .needsBundle)
    }

    func testALogTravelsAsQRCodesInTheCameraAndTheCodesStillInViewAfterwardsSaySo() async throws {
        let a = Harness()
        let door = try await setUp(a)
        for holder in Fixtures.session1.prefix(12) {
            await door.frame(holder.pass)
            await door.dismiss()
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
        let receive = StaffImportModel(services: c.services())
        await receive.scanned(texts[1])
        await receive.scanned(texts[1])
        XCTAssertEqual(receive.progress?.received, 1, "a code seen in many frames counts once")
        XCTAssertEqual(receive.progress?.line.en.hasPrefix("1 of \(texts.count) codes received"), true, "the core's line to show")
        await receive.startOver()
        XCTAssertNil(receive.progress)
        await receive.scanned(Fixtures.pass("it"))
        XCTAssertNotNil(receive.report, "a pass is not a log code: said under the camera")
        XCTAssertNil(receive.message, "not as an alert")
        for text in texts.reversed() {
            await receive.scanned(text)
        }
        let merged = try XCTUnwrap(receive.merged)
        XCTAssertEqual(receive.report, merged)
        await receive.scanned(texts[0])
        XCTAssertEqual(receive.progress?.alreadyMerged, true)
        XCTAssertNotEqual(receive.report, merged, "the core says the log is already here")
        XCTAssertEqual(receive.merged, merged, "what was merged stays on screen")
        let attendance = AttendanceModel(services: c.services())
        await attendance.load()
        XCTAssertEqual(attendance.station?.arrived, 12)

        var cursor = QRSequenceCursor(count: codes.count)
        XCTAssertEqual(cursor.counter.en, "Code 1 of \(codes.count)")
        cursor.step(-1)
        XCTAssertEqual(cursor.index, codes.count - 1)
        XCTAssertEqual(cursor.counter.zh, "第 \(codes.count)/\(codes.count) 张", "the core's counter, 1-based")
        cursor.step(2)
        XCTAssertEqual(cursor.index, 1)
        var empty = QRSequenceCursor(count: 0)
        empty.step(1)
        XCTAssertEqual(empty.index, 0)
    }
}
