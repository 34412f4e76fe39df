// The small rules every screen leans on: the sentence for an error, where the databases live,
// the clock, the reload counter, the language of the core's texts.

import Foundation
import PhotoDayCore
@testable import PhotoDayKit
import XCTest

@MainActor
final class KitBasicsTests: XCTestCase {
    func testEveryCoreErrorKindShowsTheCoresOwnSentenceAndOtherErrorsTheSystems() async {
        func t(_ s: String) -> BilingualText { BilingualText(zh: s, en: s) }
        let kinds: [PhotoDayError] = [
            .NotReady(text: t("先导入活动资料包")), .InvalidInput(text: t("a")), .BadBundle(text: t("b")),
            .BadLog(text: t("c")), .Storage(text: t("d")), .Io(text: t("e")), .Internal(text: t("f")),
        ]
        XCTAssertEqual(kinds.map(ErrorText.of), ["先导入活动资料包", "a", "b", "c", "d", "e", "f"])
        XCTAssertEqual(kinds.map(\.message), ["先导入活动资料包", "a", "b", "c", "d", "e", "f"])
        let cocoa = CocoaError(.fileReadNoSuchFile)
        XCTAssertEqual(ErrorText.of(cocoa), cocoa.localizedDescription)
        XCTAssertEqual(Message.failure(PhotoDayError.BadLog(text: t("export it again"))), .failed("export it again"))
    }

    func testACoreCallThatFailsReachesTheScreenAsTheCoresSentence() async throws {
        let h = Harness()
        let door = ScanModel(services: h.services())
        await door.typed("123", note: nil)
        XCTAssertNil(door.screen?.card)
        let why = try XCTUnwrap(door.screen?.notice?.text.localized)
        let direct = try XCTUnwrap(coreError {
            try ScannerApp(dbPath: Fixtures.db("door")).checkInByNumber(studentNo: 123, note: nil, overrideReason: nil, nowMs: MORNING)
        })
        guard case .NotReady = direct else { return XCTFail("no bundle yet: \(direct)") }
        XCTAssertEqual(why, direct.message)
        XCTAssertTrue(h.chimes.isEmpty)
    }

    func testTheDatabasesLiveInOneFolderOpenedLazilyPerRole() async throws {
        let folder = Fixtures.file("Application Support/PhotoDay")
        let core = CoreService(folder: { try AppFiles.prepare(folder) })
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path), "nothing is made before the first call")
        let deviceId = try await core.scanner { (app: ScannerApp) in app.deviceId() }
        XCTAssertFalse(deviceId.isEmpty)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent(AppFiles.scannerDatabase).path))
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: folder.appendingPathComponent(AppFiles.studentDatabase).path),
            "a door phone never creates a student database")
        let again = try await core.scanner { (app: ScannerApp) in app.deviceId() }
        XCTAssertEqual(again, deviceId, "one core object per role, kept open")

        let broken = CoreService(folder: { throw CocoaError(.fileWriteNoPermission) })
        do {
            _ = try await broken.student { (app: StudentApp) in app.event() }
            XCTFail("a folder that cannot be made is an error")
        } catch {
            XCTAssertEqual(error as? CocoaError, CocoaError(.fileWriteNoPermission))
        }
    }

    func testAFileIsInTheInboxOnlyInsideDocumentsInbox() async {
        let documents = URL(fileURLWithPath: "/var/mobile/Documents", isDirectory: true)
        XCTAssertTrue(AppFiles.isInInbox(URL(fileURLWithPath: "/var/mobile/Documents/Inbox/a.pdb"), documents: documents))
        XCTAssertFalse(AppFiles.isInInbox(URL(fileURLWithPath: "/var/mobile/Documents/a.pdb"), documents: documents))
        XCTAssertFalse(AppFiles.isInInbox(URL(fileURLWithPath: "/var/mobile/Documents/Inbox2/a.pdb"), documents: documents))
        XCTAssertFalse(AppFiles.isInInbox(URL(fileURLWithPath: "/tmp/Inbox/a.pdb"), documents: documents))
    }

    func testTheClockHandsTheCoreUnixMillisecondsAndBack() async {
        let before = Date().timeIntervalSince1970 * 1000
        let now = Clock.nowMs()
        let after = Date().timeIntervalSince1970 * 1000
        XCTAssertGreaterThanOrEqual(Double(now), before.rounded(.down))
        XCTAssertLessThanOrEqual(Double(now), after.rounded(.up))
        XCTAssertEqual(Clock.date(unixMs: beijing("2023-06-03T09:10")), ISO8601DateFormatter().date(from: "2023-06-03T01:10:00Z"))
    }

    func testEveryChangeBumpsTheVersionTheScreensReloadOn() async {
        let version = DataVersion()
        XCTAssertEqual(version.value, 0)
        version.bump()
        version.bump()
        XCTAssertEqual(version.value, 2)
    }

    func testTheCoresTextIsShownInTheLanguageOfTheAppsLocalization() async {
        XCTAssertEqual(Language.current, langFromLocale(locale: Language.uiLocale))
        let text = BilingualText(zh: "会计学院", en: "School of Accounting")
        XCTAssertEqual(text.localized, Language.current == .zh ? "会计学院" : "School of Accounting")
        XCTAssertEqual(BilingualText(zh: "只有中文", en: "").localized, "只有中文")
        XCTAssertEqual(AppMode(rawValue: "staff"), .staff)
        XCTAssertEqual(AppMode.allCases.map(\.id), ["student", "staff"])
    }
}
