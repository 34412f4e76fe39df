// The glue PhotoDayKit keeps beside PageModel, over a real core: where the databases and the
// chosen side live (and that a relaunch remembers it), the pass QR laid out in whole pixels with
// its quiet zone, reminders at the core's moment in the phone's time zone, iOS's Inbox copies.

import Foundation
import PhotoDayCore
@testable import PhotoDayKit
import XCTest

@MainActor
final class GlueTests: XCTestCase {
    private func screens(in folder: URL) -> Screens {
        let path = { folder.appendingPathComponent($0).path }
        return Screens(
            studentDb: path(AppFiles.studentDatabase), scannerDb: path(AppFiles.scannerDatabase),
            modeFile: path(AppFiles.modeFile), lang: .zh)
    }

    /// A student phone with the pack and the pass in.
    private func student() throws -> Screens {
        let phone = screens(in: try AppFiles.prepare(Fixtures.file("PhotoDay")))
        let steps: [(Command, Input)] = [
            (.chooseMode(mode: .student), .nothing), (.import, .bytes(bytes: Fixtures.bytes("student.bundle"))),
            (.import, .text(text: Fixtures.pass("it"))),
        ]
        for (command, input) in steps {
            let done = phone.perform(command: command, input: input, nowMs: MORNING)
            XCTAssertNotEqual(done.tone, .refused, done.message ?? "")
        }
        return phone
    }

    func testTheChosenSideAndItsDatabaseLiveInOneFolderAndSurviveARelaunch() async throws {
        let folder = try AppFiles.prepare(Fixtures.file("PhotoDay"))
        _ = screens(in: folder).perform(command: .chooseMode(mode: .staff), input: .nothing, nowMs: MORNING)
        let relaunched = screens(in: folder)
        XCTAssertEqual(relaunched.mode(), .staff)
        XCTAssertEqual(relaunched.page(id: .start, nowMs: MORNING).id, .import, "staff, no bundle yet")
        let exists = { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) }
        XCTAssertTrue(exists(AppFiles.modeFile))
        XCTAssertTrue(exists(AppFiles.scannerDatabase))
        XCTAssertFalse(exists(AppFiles.studentDatabase), "a staff phone never makes a student database")
    }

    func testThePassQRIsLaidOutInWholePixelsWithItsQuietZone() async throws {
        let pass = try student().page(id: .pass, nowMs: MORNING)
        XCTAssertTrue(pass.bright, "full brightness for the door's scanner")
        let codes = pass.blocks.compactMap { block -> QrCode? in
            if case .qr(let code, _) = block { return code } else { return nil }
        }
        let code = try XCTUnwrap(codes.first, "the pass page draws its QR code")
        let raster = try XCTUnwrap(QRRaster(code, pxPerModule: 8))
        let quiet = Int(code.quietZone) * 8
        XCTAssertEqual(raster.side, Int(code.width) * 8 + 2 * quiet)
        XCTAssertEqual(raster.squares.first, QRRaster.Square(x: quiet, y: quiet), "the finder pattern's corner")
        XCTAssertTrue(raster.squares.allSatisfy { $0.x % 8 == 0 && $0.y % 8 == 0 && min($0.x, $0.y) >= quiet })
        XCTAssertNil(QRRaster(code, pxPerModule: 0))
    }

    func testRemindersFireAtTheCoresMomentInThePhonesTimeZone() async throws {
        let phone = try student()
        var beijingCalendar = Calendar(identifier: .gregorian)
        beijingCalendar.timeZone = try XCTUnwrap(TimeZone(identifier: "Asia/Shanghai"))
        let center = RecordingCenter(permission: .allowed)
        let scheduler = ReminderScheduler(screens: phone, center: center, lang: .en, now: { MORNING })
        let laid = await scheduler.reschedule(calendar: beijingCalendar)
        let due = try phone.student().reminders(nowMs: MORNING)
        XCTAssertFalse(due.isEmpty)
        XCTAssertEqual(laid, due.count)
        XCTAssertEqual(center.laid.map(\.body), due.map(\.body.en), "in the reader's language")
        for (planned, reminder) in zip(center.laid, due) {
            let at = try XCTUnwrap(beijingCalendar.date(from: planned.fireAt))
            XCTAssertEqual(Int64(at.timeIntervalSince1970) * 1000, reminder.fireAtUnixMs / 1000 * 1000)
            let hm = String(format: "%02d:%02d", planned.fireAt.hour ?? -1, planned.fireAt.minute ?? -1)
            XCTAssertTrue(reminder.fireAtLocal.hasSuffix(hm), "\(reminder.fireAtLocal) vs \(hm)")
        }
    }

    func testOnlyIOSsCopyInDocumentsInboxIsDeletedOnceRead() async {
        let documents = URL(fileURLWithPath: "/var/mobile/Documents", isDirectory: true)
        XCTAssertTrue(AppFiles.isInInbox(URL(fileURLWithPath: "/var/mobile/Documents/Inbox/a.photoday"), documents: documents))
        XCTAssertFalse(AppFiles.isInInbox(URL(fileURLWithPath: "/var/mobile/Documents/a.photoday"), documents: documents))
        XCTAssertFalse(AppFiles.isInInbox(URL(fileURLWithPath: "/var/mobile/Documents/Inbox2/a.photoday"), documents: documents))
    }
}
