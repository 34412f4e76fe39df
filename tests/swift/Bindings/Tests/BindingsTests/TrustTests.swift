// Trust between devices through ScannerApp, as the staff app shows it: the enrolment code a phone
// shows the 教务处, the event key fingerprint pinned by the first bundle, a replayed older or a
// rogue bundle refused, a forged log refused, and a log of a device not enrolled kept aside.

import Foundation
import PhotoDayCore
import XCTest

private let TEN = beijing("2023-06-03T10:00")

/// The refusal's kind and words, or nil (and a failed assertion) when the call did not fail so.
private func refusal(
    _ what: String, file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> Any?
) -> (kind: String, text: BilingualText)? {
    do {
        _ = try body()
        XCTFail("\(what): no error", file: file, line: line)
    } catch let e as PhotoDayError {
        switch e {
        case .BadBundle(let t): return ("badBundle", t)
        case .BadLog(let t): return ("badLog", t)
        case .InvalidInput(let t): return ("invalidInput", t)
        default: XCTFail("\(what): \(e)", file: file, line: line)
        }
    } catch {
        XCTFail("\(what): \(error)", file: file, line: line)
    }
    return nil
}

/// The fixtures' enrolled door database, copied so each test has its own.
private func enrolledDoor() throws -> ScannerApp {
    let db = Fixtures.db("enrolled")
    try FileManager.default.copyItem(
        at: Fixtures.dir.appendingPathComponent("enrolled-door.db"), to: URL(fileURLWithPath: db))
    return try ScannerApp(dbPath: db)
}

final class TrustTests: XCTestCase {
    func testAPhoneShowsItsEnrolmentCodeTextFingerprintAndId() throws {
        let app = try ScannerApp(dbPath: Fixtures.db("door"))
        let code = try app.enrolmentCode(stationName: " 一教104 门口 ")
        XCTAssertEqual(code.device, app.deviceId())
        XCTAssertEqual(code.station, "一教104 门口")
        XCTAssertEqual(code.fingerprint.replacingOccurrences(of: "-", with: "").lowercased(), code.device)
        XCTAssertTrue(code.text.hasPrefix("PDE1:\(code.fingerprint):"), code.text)
        XCTAssertTrue(code.text.hasSuffix(":一教104 门口"), code.text)
        XCTAssertEqual(try app.enrolmentCode(stationName: "一教104 门口"), code)
        let r = refusal("no name") { try app.enrolmentCode(stationName: "  ") }
        XCTAssertEqual(r?.kind, "invalidInput")
        XCTAssertFalse(r?.text.zh.isEmpty ?? true)
    }

    func testTheFirstBundlePinsTheEventKeyAndARogueOneIsRefused() throws {
        let app = try ScannerApp(dbPath: Fixtures.db("door"))
        XCTAssertNil(app.pinnedKeyFingerprint())
        let s = try app.importBundle(bytes: Fixtures.bytes("scanner.bundle"))
        XCTAssertEqual(s.keyFingerprint, Fixtures.prop("event.key_fingerprint"))
        XCTAssertEqual(app.pinnedKeyFingerprint(), s.keyFingerprint)
        // Another folder with the same event id, its own key and the genuine key appended.
        let r = refusal("rogue bundle") { try app.importBundle(bytes: Fixtures.bytes("rogue.bundle")) }
        XCTAssertEqual(r?.kind, "badBundle")
        XCTAssertTrue(r?.text.en.contains("signed by another key") ?? false, r?.text.en ?? "")
        XCTAssertTrue(r?.text.en.contains(s.keyFingerprint) ?? false)
        XCTAssertEqual(app.pinnedKeyFingerprint(), s.keyFingerprint, "nothing changed")
        // A phone fooled by a rogue first bundle shows another fingerprint than event show.
        let fooled = try ScannerApp(dbPath: Fixtures.db("fooled"))
        let f = try fooled.importBundle(bytes: Fixtures.bytes("rogue.bundle"))
        XCTAssertNotEqual(f.keyFingerprint, Fixtures.prop("event.key_fingerprint"))
        XCTAssertEqual(f.keyFingerprint, Fixtures.prop("rogue.key_fingerprint"))
    }

    func testAStudentsPhonePinsTheEventKeyToo() throws {
        let app = try StudentApp(dbPath: Fixtures.db("student"))
        XCTAssertNil(app.pinnedKeyFingerprint())
        _ = try app.importBundle(bytes: Fixtures.bytes("student.bundle"))
        XCTAssertEqual(app.pinnedKeyFingerprint(), Fixtures.prop("event.key_fingerprint"))
    }

    func testAReplayedOlderBundleIsRefusedSayingWhichOneThePhoneHolds() throws {
        let app = try ScannerApp(dbPath: Fixtures.db("door"))
        let s = try app.importBundle(bytes: Fixtures.bytes("scanner.bundle"))
        let r = refusal("older bundle") { try app.importBundle(bytes: Fixtures.bytes("scanner-earlier.bundle")) }
        XCTAssertEqual(r?.kind, "badBundle")
        let en = r?.text.en ?? ""
        XCTAssertTrue(en.contains("older") && en.contains("no. 1,") && en.contains("no. \(s.counter),"), en)
        XCTAssertTrue(r?.text.zh.contains("第 \(s.counter) 号") ?? false, r?.text.zh ?? "")
        _ = try app.setStation(room: "一教104", role: .door, lane: nil)
        _ = try checkedIn(app.scan(text: Fixtures.pass("it"), nowMs: TEN))
    }

    func testAForgedLogIsRefusedAndAnUnenrolledDevicesLogIsKeptAside() throws {
        let app = try enrolledDoor()
        XCTAssertEqual(app.deviceId(), Fixtures.prop("enrolled.device"))
        _ = try app.importBundle(bytes: Fixtures.bytes("enrolled.bundle"))
        XCTAssertEqual(app.deviceLabel(deviceId: app.deviceId()), "一教104 门口 (\(app.deviceId()))")
        XCTAssertEqual(refusal("forged log") { try app.importLog(bytes: Fixtures.bytes("forged.log")) }?.kind, "badLog")
        XCTAssertTrue(try app.keptAside().isEmpty, "a forged log is not kept")
        let kept = try app.importLog(bytes: Fixtures.bytes("stranger.log"))
        XCTAssertEqual(kept.added, 0)
        XCTAssertEqual(kept.keptAside.count, 1)
        let k = kept.keptAside[0]
        XCTAssertEqual(k.device, Fixtures.prop("stranger.device"))
        XCTAssertEqual(k.fingerprint, Fixtures.prop("stranger.fingerprint"))
        XCTAssertEqual(k.records, 1)
        XCTAssertTrue(k.text.en.contains("photoday device add"), k.text.en)
        _ = try app.importLog(bytes: Fixtures.bytes("stranger.log"))
        XCTAssertEqual(try app.keptAside(), [k], "twice is once")
    }
}
