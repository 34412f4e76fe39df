// The world a screen model lives in, for tests: a core over a scratch folder, a clock the test
// moves, a notification centre that records what it is asked, and the verdict sounds played; and
// the few direct core calls a model test makes to set the scene (another phone, what the core
// itself says).

import Foundation
import PhotoDayCore
@testable import PhotoDayKit
import XCTest

/// A clock the test sets and moves; the models read it through AppServices.now.
final class TestClock: @unchecked Sendable {
    private var ms: Int64
    private let lock = NSLock()

    init(_ ms: Int64) {
        self.ms = ms
    }

    var now: Int64 {
        lock.lock()
        defer { lock.unlock() }
        return ms
    }

    func set(_ value: Int64) {
        lock.lock()
        ms = value
        lock.unlock()
    }

    func advance(seconds: Int64) {
        lock.lock()
        ms += seconds * 1000
        lock.unlock()
    }
}

/// Records what the reminder scheduler asks of the platform's notification centre.
final class RecordingCenter: ReminderCenter, @unchecked Sendable {
    private let lock = NSLock()
    private var granted: ReminderPermission
    /// What the user answers when the system asks.
    private let answer: Bool
    private var pending: [PlannedReminder] = []
    private var removals = 0
    private var asked = 0

    init(permission: ReminderPermission = .allowed, answer: Bool = true) {
        granted = permission
        self.answer = answer
    }

    /// How many times the system prompt was shown.
    var requests: Int {
        lock.lock()
        defer { lock.unlock() }
        return asked
    }

    var laid: [PlannedReminder] {
        lock.lock()
        defer { lock.unlock() }
        return pending
    }

    var removeCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return removals
    }

    func permission() async -> ReminderPermission {
        lock.lock()
        defer { lock.unlock() }
        return granted
    }

    func requestPermission() async -> Bool {
        lock.lock()
        defer { lock.unlock() }
        asked += 1
        if granted == .notAsked {
            granted = answer ? .allowed : .denied
        }
        return granted == .allowed
    }

    func removeAllPending() {
        lock.lock()
        pending.removeAll()
        removals += 1
        lock.unlock()
    }

    func add(_ reminder: PlannedReminder) async -> Bool {
        append(reminder)
        return true
    }

    private func append(_ reminder: PlannedReminder) {
        lock.lock()
        pending.append(reminder)
        lock.unlock()
    }
}

@MainActor
final class Harness {
    let folder: URL
    let clock: TestClock
    let center: RecordingCenter
    /// The signals played, one per card (`.silent` for a pass shown again).
    private(set) var chimes: [Signal] = []

    init(
        now: Int64 = MORNING, reminders: ReminderPermission = .allowed, answer: Bool = true,
        folder: URL = Fixtures.file("phone")
    ) {
        self.folder = folder
        clock = TestClock(now)
        center = RecordingCenter(permission: reminders, answer: answer)
    }

    /// The phone's one core, as `CoreService.shared` is the app's.
    lazy var core: CoreService = { [folder] in CoreService(folder: { try AppFiles.prepare(folder) }) }()

    /// Services over this phone's core; pass a new CoreService for what a relaunched app gets.
    func services(core: CoreService? = nil) -> AppServices {
        let clock = self.clock
        return AppServices(
            core: core ?? self.core,
            now: { clock.now },
            reminderCenter: center,
            feedback: { [weak self] signal in self?.chimes.append(signal) })
    }

    /// A fixture file copied to the phone's folder, as a picked or shared file arrives.
    func copy(_ fixture: String, as name: String? = nil) throws -> URL {
        let url = try AppFiles.prepare(folder).appendingPathComponent(name ?? fixture)
        try Fixtures.bytes(fixture).write(to: url)
        return url
    }
}

/// Another phone: a studio at 一教104 whose photographer checks the 采集码, so a pass numbers at once.
func studio() throws -> ScannerApp {
    let app = try ScannerApp(dbPath: Fixtures.db("studio"))
    _ = try app.importBundle(bytes: Fixtures.bytes("scanner.bundle"))
    _ = try app.setStation(room: "一教104", role: .studio, lane: nil)
    _ = try app.setCheckCode(on: false)
    return app
}

/// Thrown (so the test fails there) when a verdict is not the one expected.
struct UnexpectedVerdict: Error, CustomStringConvertible {
    let description: String
}

/// What a 摄影编号 card says was given.
struct NumberedAs {
    let studentNo: UInt64
    let photoNo: String
    let via: Via
}

func numbered(_ o: ScanOutcome) throws -> NumberedAs {
    guard case let .numbered(studentNo, _, _, photoNo, _, via, _, _) = o.verdict else {
        throw UnexpectedVerdict(description: "expected Numbered, got \(o.verdict): \(o.detail.zh)")
    }
    return NumberedAs(studentNo: studentNo, photoNo: photoNo, via: via)
}

/// The `PhotoDayError` a direct core call throws (nil, failing the test, when it throws none).
func coreError(file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> Any?) -> PhotoDayError? {
    do {
        let value = try body()
        XCTFail("expected a PhotoDayError, got \(String(describing: value))", file: file, line: line)
    } catch let error as PhotoDayError {
        return error
    } catch {
        XCTFail("expected a PhotoDayError, got \(error)", file: file, line: line)
    }
    return nil
}
