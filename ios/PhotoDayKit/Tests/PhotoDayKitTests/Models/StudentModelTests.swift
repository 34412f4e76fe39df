// The student's screens, driven as the SwiftUI views drive them: set up the phone, see the slot,
// the pass, the timeline and reminders (asked for in context, once), tick the checklist, keep the
// 采集码, keep the 摄影编号 from the studio phone, purge.

import Foundation
import PhotoDayCore
@testable import PhotoDayKit
import XCTest

private let JUNE_1_NOON = beijing("2023-06-01T12:00")

@MainActor
final class StudentModelTests: XCTestCase {
    /// A phone set up through the setup screen: the bundle from Files, the pass pasted.
    private func setUpPhone(_ h: Harness) async throws {
        let setup = StudentSetupModel(services: h.services())
        await setup.importBundle(from: try h.copy("student.bundle", as: "event.pdb"))
        await setup.importPass(Fixtures.pass("it"))
        XCTAssertNil(setup.message)
    }

    func testOneStepSetupPackThenNumberThenCardFromTheAlbumIsHomeInThreeTaps() async throws {
        let h = Harness(now: JUNE_1_NOON)
        let setup = StudentSetupModel(services: h.services())
        await setup.load()
        XCTAssertEqual(setup.home?.setupStep, .importBundle)
        // The pack, opened from the class group's chat (not a tap on this screen).
        await setup.importBundle(from: try h.copy("student.bundle", as: "信息学院-软件1班.pdb"))
        XCTAssertEqual(setup.home?.setupStep, .enterStudentNo)
        XCTAssertEqual(setup.home?.setupHint?.zh, "输入你的学号")
        XCTAssertTrue(h.center.laid.isEmpty, "no slot yet, so nothing is due")

        await setup.submitStudentNo(String(Fixtures.studentNo("it")))
        XCTAssertEqual(setup.home?.setupStep, .importPass)
        // The pack's plan knows the 学号: the slot shows before the pass.
        XCTAssertEqual(setup.home?.slot?.room.zh, "一教104")
        XCTAssertEqual(setup.home?.slot?.arriveByLocal, "2023-06-03 09:10")

        setup.openAlbum()
        await setup.cardPicked(Fixtures.bytes("it-card.png"))
        XCTAssertNil(setup.refusal)
        XCTAssertEqual(setup.home?.needsSetup, false, "the home shows now")
        XCTAssertEqual(setup.pass?.studentNo, Fixtures.studentNo("it"))
        XCTAssertEqual(setup.taps, [.confirmStudentNo, .openAlbum, .pickCard])
        XCTAssertLessThanOrEqual(setup.taps.count, 3, "at most three taps after opening the pack")
        XCTAssertEqual(setup.shown, [.importBundle, .enterStudentNo, .importPass, nil])

        let home = StudentHomeModel(services: h.services())
        await home.load()
        XCTAssertEqual(home.home?.slot?.room.zh, "一教104")
        XCTAssertEqual(home.home?.countdown?.zh, "还有 1 天 21 小时", "the core's countdown, as is")
        let core = try StudentApp(dbPath: h.folder.appendingPathComponent(AppFiles.studentDatabase).path)
        XCTAssertEqual(h.center.laid.map(\.id), try core.reminders(nowMs: JUNE_1_NOON).map(\.id))
    }

    func testAClassmatesCardIsRefusedInChineseNamingBothNumbersAndThePastedPassIsAccepted() async throws {
        let h = Harness(now: JUNE_1_NOON)
        let setup = StudentSetupModel(services: h.services())
        await setup.importBundle(from: try h.copy("student.bundle", as: "event.pdb"))
        await setup.submitStudentNo(String(Fixtures.studentNo("it")))
        setup.openAlbum()
        await setup.cardPicked(Fixtures.bytes("classmate-card.png"))
        guard case .NotYourPass(let text)? = setup.refusal else {
            return XCTFail("got \(String(describing: setup.refusal))")
        }
        XCTAssertTrue(text.zh.contains("这是学号 \(Fixtures.studentNo("classmate")) 的签到码，不是你的"), text.zh)
        XCTAssertTrue(text.zh.contains(String(Fixtures.studentNo("it"))), text.zh)
        XCTAssertEqual(setup.home?.setupStep, .importPass)
        XCTAssertNil(setup.pass)

        setup.passText = "PD1:NOT-A-PASS"
        await setup.importPass(setup.passText)
        XCTAssertNotNil(setup.refusal)
        XCTAssertEqual(setup.passText, "PD1:NOT-A-PASS", "a refused pass stays in the field to correct")

        await setup.importPass(Fixtures.pass("it") + "\r\n")
        XCTAssertNil(setup.refusal)
        XCTAssertEqual(setup.home?.needsSetup, false)
        XCTAssertEqual(setup.pass?.studentNo, Fixtures.studentNo("it"))
        XCTAssertEqual(setup.passText, "")
    }

    func testHomeSaysWhatIsMissingThenShowsTheSlot() async throws {
        let h = Harness(now: JUNE_1_NOON)
        let home = StudentHomeModel(services: h.services())
        await home.load()
        XCTAssertNil(home.error)
        XCTAssertEqual(home.home?.setupHint?.zh, "打开联络员发在群里的学历照采集资料包")
        XCTAssertNil(home.home?.slot)

        try await setUpPhone(h)
        await home.load()
        let slot = try XCTUnwrap(home.home?.slot)
        XCTAssertEqual(slot.room.zh, "一教104")
        XCTAssertEqual(slot.arriveByLocal, "2023-06-03 09:10")
        XCTAssertEqual(home.home?.next?.id, "code-t1")
    }

    func testThePassScreenExplainsWhyThereIsNoCodeYetThenDrawsIt() async throws {
        let h = Harness()
        let pass = PassModel(services: h.services())
        await pass.load()
        XCTAssertNil(pass.code)
        XCTAssertFalse(try XCTUnwrap(pass.error).isEmpty)

        try await setUpPhone(h)
        await pass.load()
        XCTAssertNil(pass.error)
        XCTAssertEqual(pass.code?.width, 37)
        XCTAssertEqual(pass.pass?.studentNo, Fixtures.studentNo("it"))
        XCTAssertEqual(pass.slot?.room.zh, "一教104")
    }

    func testChecklistTicksSurviveARelaunch() async throws {
        let h = Harness()
        try await setUpPhone(h)
        let list = ChecklistModel(services: h.services())
        await list.load()
        XCTAssertGreaterThanOrEqual(list.items.count, 5)
        await list.toggle(list.items[0])
        await list.toggle(list.items[2])
        let ticked = list.items.filter(\.ticked).map(\.id)
        XCTAssertEqual(ticked.count, 2)

        // A relaunched app: a new CoreService over the same folder.
        let relaunched = ChecklistModel(services: h.services(core: CoreService(folder: { [folder = h.folder] in folder })))
        await relaunched.load()
        XCTAssertEqual(relaunched.items.filter(\.ticked).map(\.id), ticked)
        await relaunched.toggle(relaunched.items[0])
        XCTAssertEqual(relaunched.items.filter(\.ticked).count, 1)
        XCTAssertNil(relaunched.message)
    }

    func testTheCollectionCodeIsKeptAsSavedCheckedAndABadFileIsRefused() async throws {
        let h = Harness()
        try await setUpPhone(h)
        let model = CollectionCodeModel(services: h.services())
        await model.load()
        XCTAssertNil(model.image)
        XCTAssertTrue(model.routes.isEmpty, "the bundle carries no 采集码 steps until the school pastes its own")

        await model.saveFile(try h.copy("collection-code.png", as: "Screenshot.png"))
        XCTAssertEqual(model.image, Fixtures.bytes("collection-code.png"))
        XCTAssertEqual(model.readability?.readable, true)
        await model.check()
        XCTAssertEqual(model.readability?.codesFound, 1)

        let readable = try XCTUnwrap(model.readability?.verdict)
        await model.save(Fixtures.bytes("blank.png"))
        XCTAssertEqual(model.readability?.readable, false)
        // The line under the image is the core's either way: it says so, or says why not.
        let unreadable = try XCTUnwrap(model.readability?.verdict)
        XCTAssertNotEqual(readable, unreadable)
        XCTAssertFalse(unreadable.zh.isEmpty || unreadable.en.isEmpty)
        XCTAssertNil(model.message)
        await model.save(Data("not a picture".utf8))
        guard case .failed? = model.message else { return XCTFail("got \(String(describing: model.message))") }
        XCTAssertEqual(model.image, Fixtures.bytes("blank.png"), "the refused file replaced nothing")
    }

    func testTheTimelineListsTheYearAndRemindersAreLaidOnlyWhenAllowed() async throws {
        let h = Harness(now: beijing("2023-05-10T12:00"))
        try await setUpPhone(h)
        let timeline = StudentTimelineModel(services: h.services())
        await timeline.load()
        XCTAssertEqual(timeline.items.map(\.id), ["fee", "code-t7", "code-t3", "code-t1", "arrive", "shoot", "verify", "makeup"])
        let scheduled = await h.services().reminders.reschedule()
        XCTAssertGreaterThan(scheduled, 0)
        XCTAssertEqual(scheduled, h.center.laid.count)

        let denied = Harness(now: beijing("2023-05-10T12:00"), reminders: .denied, folder: h.folder)
        let none = await denied.services().reminders.reschedule()
        XCTAssertEqual(none, 0)
        XCTAssertEqual(denied.center.removeCount, 1, "what was laid before is taken away")
        XCTAssertEqual(denied.center.requests, 0, "laying them never asks")
    }

    func testRemindersFireAtTheCoresMomentInTheCalendarsTimeZone() async throws {
        let reminders = try previewReminders(template: "gzcc-2023", college: "信息技术与工程学院", nowMs: JUNE_1_NOON)
        var beijingCalendar = Calendar(identifier: .gregorian)
        beijingCalendar.timeZone = TimeZone(secondsFromGMT: 8 * 3600)!
        let planned = ReminderScheduler.plan(reminders, calendar: beijingCalendar)
        XCTAssertEqual(planned.map(\.id), reminders.map(\.id))
        for (plan, reminder) in zip(planned, reminders) {
            XCTAssertEqual(beijingCalendar.date(from: plan.fireAt), Clock.date(unixMs: reminder.fireAtUnixMs))
            XCTAssertEqual(plan.title, reminder.title.localized)
            XCTAssertFalse(plan.body.isEmpty)
        }
        // The same moments on a phone set to UTC: other wall-clock hours, the same instants.
        var utcCalendar = Calendar(identifier: .gregorian)
        utcCalendar.timeZone = TimeZone(secondsFromGMT: 0)!
        let utc = ReminderScheduler.plan(reminders, calendar: utcCalendar)
        for (inUtc, inBeijing) in zip(utc, planned) {
            XCTAssertEqual(utcCalendar.date(from: inUtc.fireAt), beijingCalendar.date(from: inBeijing.fireAt))
            XCTAssertEqual(((inUtc.fireAt.hour ?? 0) + 8) % 24, inBeijing.fireAt.hour)
        }
    }

    func testAFileOpenedWithPhotoDayIsRecognisedByContentAPackImportedAStaffFileRefused() async throws {
        let h = Harness()
        let root = StudentRootModel(services: h.services())
        // Named like a log, but it is the staff bundle: refused as a staff file, whatever its name.
        await root.open(try h.copy("scanner.bundle", as: "door.pdl"))
        guard case .failed(let why)? = root.message else { return XCTFail("got \(String(describing: root.message))") }
        XCTAssertFalse(why.isEmpty)

        await root.open(try h.copy("scanner.bundle", as: "door.pdb"))
        guard case .failed? = root.message else { return XCTFail("a scanner bundle is not a student's") }

        let documents = Fixtures.file("Documents")
        let inbox = documents.appendingPathComponent("Inbox", isDirectory: true)
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        let handed = inbox.appendingPathComponent("event.pdb")
        try Fixtures.bytes("student.bundle").write(to: handed)
        XCTAssertEqual(try AppFiles.readIncoming(handed, documents: documents), Fixtures.bytes("student.bundle"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: handed.path), "iOS's Inbox copy is deleted once read")

        let kept = try h.copy("student.bundle", as: "event.pdb")
        await root.open(kept)
        guard case .said(let text)? = root.message else {
            return XCTFail("got \(String(describing: root.message))")
        }
        XCTAssertTrue(text.zh.hasPrefix("已导入"), text.zh)
        XCTAssertTrue(FileManager.default.fileExists(atPath: kept.path), "a file outside the Inbox is left alone")
    }

    func testPurgeDeletesThePassAndTheRemindersAndKeepsTheEvent() async throws {
        let h = Harness(now: JUNE_1_NOON)
        try await setUpPhone(h)
        XCTAssertFalse(h.center.laid.isEmpty)
        let more = StudentMoreModel(services: h.services())
        await more.purge()
        XCTAssertEqual(more.message, .studentDataPurged)
        XCTAssertTrue(h.center.laid.isEmpty)
        let info = EventInfoModel(services: h.services())
        await info.load()
        let notice = try XCTUnwrap(info.notice, "the public event stays")
        let event = try await h.core.student { (app: StudentApp) in app.event() }
        XCTAssertEqual(notice.title, try XCTUnwrap(event).title)
        // The fee first, as a student reads it: pay the liaison, never the colleges' Alipay account.
        let fee = notice.sections[0].lines.map(\.text.zh).joined(separator: "\n")
        XCTAssertTrue(fee.contains("联络员") && fee.contains("2023-05-20 17:00"), fee)
        XCTAssertFalse(fee.contains("支付宝") || fee.contains("1119786746"), fee)
        let pass = PassModel(services: h.services())
        await pass.load()
        XCTAssertNil(pass.pass)
    }

    func testThePassIsLaidOutInWholePixelsWithItsQuietZone() async throws {
        let h = Harness()
        try await setUpPhone(h)
        let pass = PassModel(services: h.services())
        await pass.load()
        let code = try XCTUnwrap(pass.code)
        let raster = try XCTUnwrap(QRRaster(code, pxPerModule: 8))
        XCTAssertEqual(raster.side, (37 + 2 * 4) * 8)
        XCTAssertEqual(raster.squares.count, code.dark.filter { $0 }.count)
        // The top-left finder pattern starts right after the 4-module quiet zone.
        XCTAssertEqual(raster.squares.first, QRRaster.Square(x: 32, y: 32))
        XCTAssertTrue(raster.squares.allSatisfy { $0.x % 8 == 0 && $0.y % 8 == 0 && $0.x >= 32 && $0.y >= 32 })
        XCTAssertTrue(raster.squares.allSatisfy { $0.x + 8 <= raster.side - 32 && $0.y + 8 <= raster.side - 32 })
        // The bottom-left finder's corner (row 36, column 0) is dark.
        XCTAssertTrue(raster.squares.contains(QRRaster.Square(x: 32, y: 32 + 36 * 8)))
        XCTAssertNil(QRRaster(code, pxPerModule: 0))
    }

    func testTheNoticesPhoneNumbersAreDialable() async throws {
        XCTAssertEqual(PhoneNumber.dialURL("020-83398378")?.absoluteString, "tel:020-83398378")
        XCTAssertEqual(PhoneNumber.dialURL("020 8339 8378")?.absoluteString, "tel:02083398378")
        XCTAssertNil(PhoneNumber.dialURL("  "))
        let h = Harness()
        try await setUpPhone(h)
        let info = EventInfoModel(services: h.services())
        await info.load()
        let loaded = try await h.core.student { (app: StudentApp) in app.event() }
        let event = try XCTUnwrap(loaded)
        let numbers = try XCTUnwrap(info.notice).sections.flatMap(\.lines).compactMap(\.dial)
        XCTAssertEqual(Set(numbers), Set([event.makeup.phone] + event.contacts.flatMap(\.phones)), "every number a tap away")
        XCTAssertTrue(numbers.allSatisfy { PhoneNumber.dialURL($0) != nil })
    }

    func testTheHomeKeepsTheStudiosNumberRefusesAClassmatesAndTheMakeupRemindersGo() async throws {
        let h = Harness(now: JUNE_1_NOON)
        try await setUpPhone(h)
        XCTAssertTrue(h.center.laid.contains { $0.id.hasPrefix("makeup") }, "补拍 reminders before the shoot")
        let s = try studio()
        let mine = try XCTUnwrap(try s.scan(text: Fixtures.pass("it"), nowMs: MORNING).numberQr)
        let classmate = try XCTUnwrap(Fixtures.session1.first { $0.studentNo != Fixtures.studentNo("it") })
        let theirs = try XCTUnwrap(try s.scan(text: classmate.pass, nowMs: MORNING + 10_000).numberQr)

        let home = StudentHomeModel(services: h.services())
        await home.load()
        XCTAssertNil(home.home?.shot)
        await home.importNumber(theirs)
        guard case .failed(let why)? = home.message else { return XCTFail("a classmate's number is refused") }
        XCTAssertTrue(why.contains(String(classmate.studentNo)), why)
        XCTAssertNil(home.home?.shot)

        await home.importNumber(mine)
        guard case .shotRecorded(let shot)? = home.message else {
            return XCTFail("got \(String(describing: home.message))")
        }
        XCTAssertEqual(shot.photoNo, "001")
        XCTAssertEqual(home.home?.shot?.label.zh, "一教104 · 001 · 第1批")
        XCTAssertNil(home.home?.shotPrompt)
        XCTAssertFalse(h.center.laid.isEmpty)
        XCTAssertFalse(h.center.laid.contains { $0.id.hasPrefix("makeup") }, "\(h.center.laid.map(\.id))")
        XCTAssertTrue(h.center.laid.contains { $0.id.hasPrefix("verify-") }, "the 学信网 check stays")
    }

    func test我已拍完OnTheHomeSwitchesItToAfterTheShoot() async throws {
        let h = Harness(now: beijing("2023-06-03T16:30"))
        try await setUpPhone(h)
        let home = StudentHomeModel(services: h.services())
        await home.load()
        XCTAssertNotNil(home.home?.shotPrompt, "after the session began the home asks")
        await home.shotDone()
        XCTAssertEqual(home.home?.shot?.label.zh, "已拍完")
        XCTAssertNil(home.home?.shotPrompt)
        XCTAssertFalse(h.center.laid.contains { $0.id.hasPrefix("makeup") })
    }

    func testRemindersAreAskedForOnlyFromTheCardAndNeverOnLaunch() async throws {
        let h = Harness(now: JUNE_1_NOON, reminders: .notAsked)
        try await setUpPhone(h)
        await StudentRootModel(services: h.services()).start()
        XCTAssertEqual(h.center.requests, 0, "launch and setup never ask")
        XCTAssertTrue(h.center.laid.isEmpty)
        let home = StudentHomeModel(services: h.services())
        await home.load()
        XCTAssertEqual(home.reminders, .notAsked)
        await home.turnOnReminders()
        XCTAssertEqual(h.center.requests, 1)
        XCTAssertEqual(home.reminders, .allowed)
        XCTAssertFalse(h.center.laid.isEmpty)

        let no = Harness(now: JUNE_1_NOON, reminders: .notAsked, answer: false)
        try await setUpPhone(no)
        let refused = StudentHomeModel(services: no.services())
        await refused.turnOnReminders()
        XCTAssertEqual(refused.reminders, .denied, "the card then points to Settings")
        XCTAssertTrue(no.center.laid.isEmpty)
    }
}
