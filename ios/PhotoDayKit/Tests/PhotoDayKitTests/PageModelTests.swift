// The app's own part, driven as the SwiftUI renderer drives it over a real core: the back stack,
// each outcome applied, the input gathered before an action (confirm, typed line, file,
// clipboard), a file opened before a side was chosen, camera reads, and reminders laid once there
// is something to remind of. Which pages and buttons exist is the core's (core/tests/pages_*.rs).

import Foundation
import PhotoDayCore
@testable import PhotoDayKit
import XCTest

@MainActor
final class PageModelTests: XCTestCase {
    private func model(center: any ReminderCenter = NoReminderCenter(), clipboard: String? = nil) -> PageModel {
        let screens = Screens(
            studentDb: Fixtures.db("student"), scannerDb: Fixtures.db("scanner"),
            modeFile: Fixtures.file("mode").path, lang: .zh)
        return PageModel(screens: screens, lang: .zh, now: { MORNING }, reminderCenter: center, clipboard: { clipboard })
    }

    private func choose(_ mode: Mode, _ model: PageModel) async throws {
        await model.start()
        let button = try XCTUnwrap(model.page?.action { $0 == .chooseMode(mode: mode) })
        await model.tap(button)
    }

    /// A staff phone with the scanner bundle in, through its import page's file button.
    private func staffWithBundle() async throws -> PageModel {
        let m = model()
        try await choose(.staff, m)
        XCTAssertEqual(m.page?.id, .import, "a fresh staff phone starts at the bundle")
        let pick = try XCTUnwrap(m.page?.action({ $0 == .import }, needs: .file))
        await m.tap(pick)
        XCTAssertEqual(m.asking?.ask, .file, "the file picker is asked for, nothing performed yet")
        await m.answer(.bytes(bytes: Fixtures.bytes("scanner.bundle")))
        XCTAssertNil(m.asking)
        XCTAssertEqual(m.message?.value.tone, .good)
        return m
    }

    func testAFreshPhoneStartsAtTheModeChoiceWithNoWayBack() async throws {
        let m = model()
        await m.start()
        XCTAssertEqual(m.stack, [.start])
        let page = try XCTUnwrap(m.page)
        XCTAssertEqual(page.id, .modeChoice)
        XCTAssertFalse(page.canGoBack)
        XCTAssertFalse(page.title.isEmpty)
        XCTAssertNotNil(page.action { $0 == .chooseMode(mode: .student) })
        XCTAssertNotNil(page.action { $0 == .chooseMode(mode: .staff) })
        XCTAssertEqual(m.words.cancel, "取消", "the platform's words come from the core, in the reader's language")
    }

    func testChoosingStudentOpensTheHomeAndThePackChangesIt() async throws {
        let m = model()
        try await choose(.student, m)
        XCTAssertEqual(m.stack, [.start])
        XCTAssertEqual(m.page?.id, .home)
        let before = try XCTUnwrap(m.page)

        await m.open(Fixtures.bytes("student.bundle"))
        XCTAssertEqual(m.message?.value.tone, .good, m.message?.value.text ?? "")
        XCTAssertEqual(m.stack, [.start])
        XCTAssertEqual(m.page?.id, .home)
        XCTAssertNotEqual(m.page?.blocks, before.blocks, "the home moved on to the next setup step")
    }

    func testAStudentNumberTypedInTheFieldIsTheCoresAndARefusalStaysRed() async throws {
        let m = model()
        try await choose(.student, m)
        await m.open(Fixtures.bytes("student.bundle"))
        let field = try XCTUnwrap(m.page?.action { $0 == .setStudentNo }, "the home asks for the 学号")

        await m.tap(field, typed: "not a number")
        XCTAssertEqual(m.message?.value.tone, .refused)
        XCTAssertEqual(m.page?.id, .home, "a refusal goes nowhere")

        await m.tap(field, typed: String(Fixtures.studentNo("it")))
        XCTAssertEqual(m.message?.value.tone, .good)
        XCTAssertTrue(m.message?.value.text.contains(String(Fixtures.studentNo("it"))) ?? false)
    }

    func testTheClipboardIsPastedOrThePlatformSaysItIsEmpty() async throws {
        let empty = model()
        try await choose(.student, empty)
        await empty.perform(.open(page: .import))
        XCTAssertEqual(empty.stack, [.start, .import])
        let paste = try XCTUnwrap(empty.page?.action({ $0 == .import }, needs: .clipboard))
        await empty.tap(paste)
        XCTAssertEqual(empty.message?.value, Said(text: empty.words.clipboardEmpty, tone: .refused))
        XCTAssertEqual(empty.stack, [.start, .import])

        let center = RecordingCenter(permission: .notAsked)
        let full = model(center: center, clipboard: Fixtures.pass("it"))
        try await choose(.student, full)
        await full.open(Fixtures.bytes("student.bundle"))
        XCTAssertEqual(center.requests, 0, "nothing to remind of yet: not asked")
        await full.perform(.open(page: .import))
        await full.tap(try XCTUnwrap(full.page?.action({ $0 == .import }, needs: .clipboard)))
        XCTAssertEqual(full.message?.value.tone, .good, full.message?.value.text ?? "")
        XCTAssertEqual(full.stack, [.start], "the pass finished setup: back to the start")
        XCTAssertEqual(full.page?.id, .home)
        XCTAssertEqual(center.requests, 1, "asked once, now that there is a slot to remind of")
        let due = try full.screens.student().reminders(nowMs: MORNING)
        XCTAssertFalse(due.isEmpty)
        XCTAssertEqual(center.laid.map(\.id), due.map(\.id), "laid in the core's order")
        XCTAssertEqual(center.laid.first?.title, due.first?.title.zh)
    }

    func testADangerousActionIsConfirmedFirstAndCancelDoesNothing() async throws {
        let m = model()
        try await choose(.student, m)
        await m.open(Fixtures.bytes("student.bundle"))
        let purge = try XCTUnwrap(m.page?.action { $0 == .purgeStudent })
        XCTAssertEqual(purge.style, .danger)
        let said = m.message
        await m.tap(purge)
        guard case .confirm(let question)? = m.asking?.ask else { return XCTFail("asks first: \(String(describing: m.asking))") }
        XCTAssertFalse(question.isEmpty)
        XCTAssertEqual(m.message, said, "nothing performed before the answer")
        await m.answer(nil)
        XCTAssertNil(m.asking)
        XCTAssertEqual(m.message, said, "cancelled: nothing deleted")

        await m.perform(.open(page: .checklist))
        XCTAssertEqual(m.stack, [.start, .checklist])
        await m.tap(purge)
        await m.confirmed()
        XCTAssertEqual(m.message?.value.tone, .good)
        XCTAssertEqual(m.stack, [.start], "a purge starts over")
        XCTAssertEqual(m.page?.id, .home)
    }

    func testAFileOpenedBeforeASideIsChosenWaitsAndGoesToTheSideChosen() async throws {
        let m = model()
        await m.start()
        await m.open(Fixtures.bytes("scanner.bundle"))
        XCTAssertEqual(m.page?.id, .modeChoice, "no side yet: the file waits")
        XCTAssertEqual(m.message?.value.tone, .attention, "the core says to choose a side first")

        await m.tap(try XCTUnwrap(m.page?.action { $0 == .chooseMode(mode: .staff) }))
        XCTAssertEqual(m.message?.value.tone, .good, "the staff side imported it")
        XCTAssertEqual(m.page?.id, .station, "the bundle is in: choose the station next")
    }

    func testAStaffPhoneGoesFromItsBundleToTheStationToTheDoorAndBackPops() async throws {
        let m = try await staffWithBundle()
        XCTAssertEqual(m.stack, [.start])
        XCTAssertEqual(m.page?.id, .station)

        let door104 = try XCTUnwrap(m.page?.action { $0 == .setStation(room: "一教104", role: .door) })
        await m.tap(door104)
        XCTAssertEqual(m.stack, [.start])
        let door = try XCTUnwrap(m.page)
        XCTAssertEqual(door.id, .door)
        XCTAssertTrue(door.title.hasPrefix("一教104"), door.title)
        XCTAssertTrue(door.blocks.contains { if case .camera(.door, _) = $0 { return true } else { return false } })

        let history = try XCTUnwrap(door.action { $0 == .open(page: .history) })
        await m.tap(history)
        XCTAssertEqual(m.stack, [.start, .history])
        XCTAssertEqual(m.page?.id, .history)
        XCTAssertTrue(m.page?.canGoBack ?? false)

        // The system back button or a swipe: the navigation path shrinks, the stack follows.
        await m.follow(path: [])?.value
        XCTAssertEqual(m.stack, [.start])
        XCTAssertEqual(m.page?.id, .door)

        await m.perform(.open(page: .logs))
        await m.perform(.back)
        XCTAssertEqual(m.stack, [.start], "Go.back pops one page")
        XCTAssertEqual(m.page?.id, .door)

        let toStudent = try XCTUnwrap(m.page?.action { $0 == .chooseMode(mode: .student) }, "the menu switches side")
        await m.perform(.open(page: .attendance))
        XCTAssertEqual(m.stack, [.start, .attendance])
        await m.tap(toStudent)
        XCTAssertEqual(m.stack, [.start], "Go.start clears the stack")
        XCTAssertEqual(m.page?.id, .home)
    }

    func testTheDoorCameraSignalsAPassOnceAndTheLogIsPublishedAsAFileToSave() async throws {
        let m = try await staffWithBundle()
        await m.tap(try XCTUnwrap(m.page?.action { $0 == .setStation(room: "一教104", role: .door) }))
        XCTAssertNil(m.signal)

        await m.scanned(.door, Fixtures.pass("it"))
        XCTAssertEqual(m.signal?.value, .admitted)
        let card = m.page?.blocks.first { if case .card(.good, _, _, _, _) = $0 { return true } else { return false } }
        XCTAssertNotNil(card, "the green card is on the door page")
        let first = try XCTUnwrap(m.signal)

        // The camera reports the same code many times a second: the core ignores it (Go.unchanged).
        await m.scanned(.door, Fixtures.pass("it"))
        XCTAssertEqual(m.signal, first, "no second sound")
        XCTAssertEqual(m.stack, [.start])
        XCTAssertEqual(m.page?.id, .door)

        // The log, saved as a file: published for the view's exporter.
        await m.perform(.open(page: .logs))
        let export = try XCTUnwrap(m.page?.action { $0 == .exportLog })
        await m.tap(export)
        let file = try XCTUnwrap(m.file?.value, m.message?.value.text ?? "no file")
        XCTAssertFalse(file.bytes.isEmpty)
        XCTAssertTrue(file.name.hasSuffix(".photodaylog"), file.name)
        XCTAssertEqual(m.stack, [.start, .logs])
        // Written by the exporter: the core counts the log as exported, and says so.
        await m.fileSaved(file.name)
        XCTAssertEqual(m.message?.value.tone, .good, m.message?.value.text ?? "")
        // …so this phone's event data may now be deleted, which the core refuses before.
        await m.perform(.purgeStaff)
        XCTAssertEqual(m.stack, [.start])
        XCTAssertEqual(m.page?.id, .import, m.message?.value.text ?? "")
    }
}

extension Page {
    /// Every action on the page: menu, buttons, rows, toggles, cards, fields.
    var actions: [Action] {
        menu + blocks.flatMap { block -> [Action] in
            switch block {
            case .card(_, _, _, _, let actions): return actions
            case .row(_, _, _, let action?): return [action]
            case .toggle(_, _, let action), .button(let action), .field(_, _, _, let action): return [action]
            default: return []
            }
        }
    }

    /// The first action whose command matches (and that needs `needs`, when given).
    func action(_ command: (Command) -> Bool, needs: Needs? = nil) -> Action? {
        actions.first { command($0.command) && (needs == nil || $0.needs == needs) }
    }
}

/// Records what the reminder scheduler asks of the platform's notification centre.
final class RecordingCenter: ReminderCenter, @unchecked Sendable {
    private let lock = NSLock()
    private var granted: ReminderPermission
    private var pending: [PlannedReminder] = []
    private var asked = 0

    init(permission: ReminderPermission) { granted = permission }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    var requests: Int { locked { asked } }
    var laid: [PlannedReminder] { locked { pending } }

    func permission() async -> ReminderPermission { locked { granted } }

    func requestPermission() async -> Bool {
        locked { asked += 1; granted = .allowed }
        return true
    }

    func removeAllPending() { locked { pending = [] } }

    func add(_ reminder: PlannedReminder) async -> Bool {
        locked { pending.append(reminder) }
        return true
    }
}
