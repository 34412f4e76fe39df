// A student's side of the day through the Swift API, before any bundle: slot card, timeline,
// reminders and checklist computed from the built-in notice.

import PhotoDayCore
import XCTest

private let IT = "信息技术与工程学院"

final class StudentPreviewTests: XCTestCase {
    func testAStudentOfITIsToldToBeAtRoom104By0910On3June() throws {
        let slot = try previewSlot(template: "gzcc-2023", college: IT)
        XCTAssertEqual(slot.session, 1)
        XCTAssertEqual(slot.room.zh, "一教104")
        XCTAssertEqual(slot.date, "2023-06-03")
        XCTAssertEqual(slot.timeLocal, "2023-06-03 09:30")
        XCTAssertEqual(slot.arriveByLocal, "2023-06-03 09:10")
        XCTAssertEqual(slot.arriveByUnixMs, beijing("2023-06-03T09:10"))
        XCTAssertFalse(slot.planned)
        XCTAssertEqual(slot.windows, [TimeWindow(start: "09:30", end: "12:00"), TimeWindow(start: "14:00", end: "16:00")])
    }

    func testACollegeIsFoundByItsEnglishNameOrItsSessionNumberToo() throws {
        XCTAssertEqual(
            try previewSlot(template: "gzcc-2023", college: "School of Information Technology and Engineering").session, 1)
        XCTAssertEqual(try previewSlot(template: "gzcc-2023", college: "10").session, 10)
    }

    func testAnUnknownCollegeIsRefusedNamingIt() {
        let message = assertCoreError(.invalidInput) { try previewSlot(template: "gzcc-2023", college: "魔法学院") }
        XCTAssertTrue(message.contains("魔法学院"), message)
    }

    func testTheTimelineRunsFromTheFeeToTheCHSICheckWhichOpensOn13July() throws {
        let items = try previewTimeline(template: "gzcc-2023", college: IT, nowMs: beijing("2023-05-10T12:00"))
        XCTAssertEqual(items.map(\.id), ["fee", "code-t7", "code-t3", "code-t1", "arrive", "shoot", "verify", "makeup"])
        XCTAssertEqual(items.map(\.atUnixMs), items.map(\.atUnixMs).sorted())
        let byId = Dictionary(uniqueKeysWithValues: items.map { ($0.id, $0) })
        XCTAssertEqual(byId["fee"]?.atLocal, "2023-05-20 17:00")
        XCTAssertEqual(byId["fee"]?.kind, .feeDeadline)
        XCTAssertEqual(byId["arrive"]?.atLocal, "2023-06-03 09:10")
        XCTAssertEqual(byId["verify"]?.kind, .verificationOpens)
        XCTAssertTrue(byId["verify"]?.atLocal.hasPrefix("2023-07-13") ?? false)
        XCTAssertEqual(byId["makeup"]?.atLocal, "2024-04-30 17:00")
        XCTAssertTrue(byId["makeup"]?.detail.zh.contains("020-83398378") ?? false)
        XCTAssertTrue(items.allSatisfy { $0.status == .upcoming })
    }

    func testAWeekBeforeItsDeadlineTheFeeIsDueTheNightBeforeTheShootTheT1CheckIs() throws {
        let may15 = try statuses(at: "2023-05-15T12:00")
        XCTAssertEqual(may15["fee"], .due)
        let june2 = try statuses(at: "2023-06-02T21:00")
        XCTAssertEqual(june2["fee"], .past)
        XCTAssertEqual(june2["code-t7"], .past)
        XCTAssertEqual(june2["code-t1"], .due)
        XCTAssertEqual(june2["verify"], .upcoming)
    }

    func testOnTheMorningOfTheShootArrivingIsDueAndTheMakeupDeadlineFollowsTheShoot() throws {
        let morning = try statuses(at: "2023-06-03T08:30")
        XCTAssertEqual(morning["arrive"], .due)
        XCTAssertEqual(morning["shoot"], .due)
        let evening = try statuses(at: "2023-06-03T18:00")
        XCTAssertEqual(evening["shoot"], .past)
        XCTAssertEqual(evening["makeup"], .due)
    }

    func testRemindersAreTheOnesStillAheadSoonestFirstWithStableIds() throws {
        let now = beijing("2023-06-01T12:00")
        let reminders = try previewReminders(template: "gzcc-2023", college: IT, nowMs: now)
        XCTAssertFalse(reminders.isEmpty)
        XCTAssertTrue(reminders.allSatisfy { $0.fireAtUnixMs > now })
        XCTAssertEqual(reminders.map(\.fireAtUnixMs), reminders.map(\.fireAtUnixMs).sorted())
        XCTAssertEqual(Set(reminders.map(\.id)).count, reminders.count)
        XCTAssertTrue(reminders.contains { $0.id.hasPrefix("arrive-") })
        XCTAssertFalse(reminders.contains { $0.id.hasPrefix("fee-") }, "the fee deadline is over")
        XCTAssertEqual(try previewReminders(template: "gzcc-2023", college: IT, nowMs: now), reminders)
    }

    func testTheChecklistComesFromTheNoticeNothingTickedYet() throws {
        let items = try previewChecklist(template: "gzcc-2023")
        XCTAssertGreaterThanOrEqual(items.count, 5)
        XCTAssertEqual(Set(items.map(\.id)).count, items.count)
        XCTAssertTrue(items.allSatisfy { !$0.ticked })
        XCTAssertTrue(items.allSatisfy { !$0.text.zh.isEmpty && !$0.text.en.isEmpty })
    }

    private func statuses(at moment: String) throws -> [String: TimelineStatus] {
        let items = try previewTimeline(template: "gzcc-2023", college: IT, nowMs: beijing(moment))
        return Dictionary(uniqueKeysWithValues: items.map { ($0.id, $0.status) })
    }
}
