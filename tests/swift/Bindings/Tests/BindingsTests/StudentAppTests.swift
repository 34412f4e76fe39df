// A student's journey through StudentApp, as the iOS app makes it: bundle, pass, home, timeline,
// checklist, 采集码, purge.

import Foundation
import PhotoDayCore
import XCTest

private let JUNE_1_NOON = beijing("2023-06-01T12:00")

/// A phone with the student bundle and the pass of a student of 信息技术与工程学院.
func readyStudent(_ db: String = Fixtures.db("student")) throws -> StudentApp {
    let app = try StudentApp(dbPath: db)
    _ = try app.importBundle(bytes: Fixtures.bytes("student.bundle"))
    _ = try app.importPass(text: Fixtures.pass("it"))
    return app
}

final class StudentAppTests: XCTestCase {
    func testWhateverAStudentIsHandedGoesInByContentAndAStaffFileIsRefused() throws {
        let app = try StudentApp(dbPath: Fixtures.db("student-any"))
        let staff = assertCoreError(.invalidInput) { try app.importAny(bytes: Fixtures.bytes("scanner.bundle")) }
        XCTAssertFalse(staff.isEmpty)
        let pack = try app.importAny(bytes: Fixtures.bytes("student.bundle"))
        XCTAssertEqual(pack.kind, .pack)
        XCTAssertTrue(pack.text.zh.hasPrefix("已导入"), pack.text.zh)
        let card = try app.importAny(bytes: Fixtures.bytes("it-card.png"))
        XCTAssertEqual(card.kind, .pass)
        XCTAssertEqual(card.pass?.text, Fixtures.pass("it"))
        let pasted = try app.importAny(bytes: Data(("\u{FEFF}" + Fixtures.pass("it") + "\r\n").utf8))
        XCTAssertEqual(pasted.pass, card.pass)
    }

    func testTheStudentNumberIsEnteredOnceAndAClassmatesPassOrCardIsNotYours() throws {
        let app = try StudentApp(dbPath: Fixtures.db("student"))
        _ = try app.importBundle(bytes: Fixtures.bytes("student.bundle"))
        XCTAssertEqual(try app.setupStep(), .enterStudentNo)
        assertCoreError(.invalidInput) { try app.setStudentNo(no: "张三") }
        XCTAssertEqual(try app.setStudentNo(no: " \(Fixtures.studentNo("it"))"), Fixtures.studentNo("it"))
        XCTAssertEqual(app.studentNo(), Fixtures.studentNo("it"))
        let classmate = Fixtures.studentNo("classmate")
        for attempt in [
            { try app.importPass(text: Fixtures.pass("classmate")) },
            { try app.importPassImage(image: Fixtures.bytes("classmate-card.png")) },
        ] {
            guard let e = assertThrows(PhotoDayError.self, "classmate", attempt) else { continue }
            XCTAssertEqual(e.kind, .notYourPass)
            XCTAssertTrue(e.text.zh.contains("这是学号 \(classmate) 的签到码，不是你的"), e.text.zh)
            XCTAssertTrue(e.text.zh.contains(String(Fixtures.studentNo("it"))), e.text.zh)
        }
        XCTAssertNil(app.pass())
        let blank = assertThrows(PhotoDayError.self) { try app.importPassImage(image: Fixtures.bytes("blank.png")) }
        XCTAssertEqual(blank?.kind, .invalidInput)
        XCTAssertTrue(blank?.text.zh.contains("读不到签到码") == true, "\(String(describing: blank))")
        XCTAssertEqual(try app.importPassImage(image: Fixtures.bytes("it-card.png")).text, Fixtures.pass("it"))
        XCTAssertEqual(try app.setupStep(), .saveCollectionCode)
        XCTAssertFalse(try app.home(nowMs: JUNE_1_NOON).needsSetup)
    }

    func testANewerPackThatVoidsThePassOnThePhoneSaysSo() throws {
        let app = try StudentApp(dbPath: Fixtures.db("student"))
        XCTAssertNil(try app.importBundle(bytes: Fixtures.bytes("student-before-reissue.bundle")).passReplaced)
        _ = try app.importPass(text: Fixtures.pass("replaced-old"))
        let note = try XCTUnwrap(try app.importBundle(bytes: Fixtures.bytes("student.bundle")).passReplaced)
        XCTAssertTrue(note.zh.contains("重新签发了你的签到码"), note.zh)
        XCTAssertNil(app.pass())
        XCTAssertEqual(try app.setupStep(), .importPass)
        _ = try app.importPass(text: Fixtures.pass("replaced-new"))
    }

    func testANewStudentPhoneAsksForTheEventBundleFirstAndHasNoTimelineYet() throws {
        let app = try StudentApp(dbPath: Fixtures.db("new-student"))
        let home = try app.home(nowMs: JUNE_1_NOON)
        XCTAssertNil(home.slot)
        XCTAssertEqual(home.setupStep, .importBundle)
        XCTAssertEqual(home.setupHint?.zh, "打开联络员发在群里的学历照采集资料包")
        XCTAssertNil(app.event())
        XCTAssertNil(app.pass())
        XCTAssertTrue(try app.checklist().isEmpty)
        assertCoreError(.notReady) { try app.timeline(nowMs: JUNE_1_NOON) }
        assertCoreError(.notReady) { try app.importPass(text: Fixtures.pass("it")) }
        assertCoreError(.notReady) { try app.passQr() }
    }

    func testAScannerBundleOrATamperedStudentBundleIsRefusedAndNothingIsImported() throws {
        let app = try StudentApp(dbPath: Fixtures.db("student"))
        let wrongKind = assertCoreError(.badBundle) { try app.importBundle(bytes: Fixtures.bytes("scanner.bundle")) }
        XCTAssertTrue(wrongKind.contains("student"), wrongKind)
        var tampered = Fixtures.bytes("student.bundle")
        tampered[tampered.count / 2] ^= 0x20
        assertCoreError(.badBundle) { try app.importBundle(bytes: tampered) }
        assertCoreError(.badBundle) { try app.importBundle(bytes: Fixtures.bytes("student.bundle").prefix(100)) }
        XCTAssertNil(app.event())
    }

    func testAStudentImportsBundleAndPassAndIsToldRoom104By0910On3June() throws {
        let app = try StudentApp(dbPath: Fixtures.db("student"))
        XCTAssertEqual(try app.importBundle(bytes: Fixtures.bytes("student.bundle")).event.id, Fixtures.prop("event.id"))
        XCTAssertEqual(try app.home(nowMs: JUNE_1_NOON).setupHint?.zh, "输入你的学号")
        // Pasted from a chat: spaces and a line break around it are fine.
        let pass = try app.importPass(text: "  " + Fixtures.pass("it") + "\n")
        XCTAssertEqual(pass.studentNo, Fixtures.studentNo("it"))
        XCTAssertEqual(pass.session, 1)
        XCTAssertEqual(pass.text, Fixtures.pass("it"))

        let home = try app.home(nowMs: JUNE_1_NOON)
        let slot = try XCTUnwrap(home.slot)
        XCTAssertEqual(slot.college.zh, "信息技术与工程学院")
        XCTAssertEqual(slot.room.zh, "一教104")
        XCTAssertEqual(slot.date, "2023-06-03")
        XCTAssertEqual(slot.arriveByLocal, "2023-06-03 09:10")
        XCTAssertEqual(slot.arriveByUnixMs, beijing("2023-06-03T09:10"))
        XCTAssertTrue(slot.planned, "the bundle carries the arrival plan")
        XCTAssertEqual(home.className, Fixtures.prop("it.class"))
        XCTAssertEqual(home.countdownMs, beijing("2023-06-03T09:10") - JUNE_1_NOON)
        XCTAssertEqual(home.countdown, BilingualText(zh: "还有 1 天 21 小时", en: "in 1 day 21 h"))
        XCTAssertEqual(home.studentNo, Fixtures.studentNo("it"), "the pass set the 学号")
        XCTAssertEqual(home.next?.id, "code-t1", "the next thing to do is the T-1 采集码 check")
        XCTAssertEqual(home.setupHint?.zh, "保存你的学信网采集码截图")
        XCTAssertEqual(app.slot(), slot)
    }

    func testTheSlotCardsLinesAndTheChecklistProgressAreTheCoresInBothLanguages() throws {
        let app = try readyStudent()
        let slot = try XCTUnwrap(try app.home(nowMs: JUNE_1_NOON).slot)
        // Where, on one line, naming the college and the room in each language.
        XCTAssertEqual(slot.place.zh, "信息技术与工程学院 · 一教104")
        XCTAssertEqual(slot.place.en, "\(slot.college.en) · \(slot.room.en)")
        XCTAssertFalse(slot.room.en.isEmpty)
        // The class's planned time (the fixture's bundle carries the arrival plan), not the
        // session's start: the core picks the wording.
        XCTAssertTrue(slot.planned)
        XCTAssertEqual(slot.timeLine, BilingualText(
            zh: "你班的时间：\(slot.timeLocal)", en: "Your class's time: \(slot.timeLocal)"))
        XCTAssertTrue(slot.timeLocal.hasPrefix("2023-06-03 "), slot.timeLocal)
        XCTAssertEqual(slot.arriveByLine, BilingualText(
            zh: "请在 2023-06-03 09:10 前到门口", en: "Be at the door by 2023-06-03 09:10"))
        XCTAssertEqual(app.slot(), slot)

        let items = try app.checklist()
        let before = try app.home(nowMs: JUNE_1_NOON)
        XCTAssertEqual(before.checklistLine, BilingualText(
            zh: "准备清单 0/\(items.count)", en: "Checklist 0/\(items.count)"))
        _ = try app.setTick(id: items[0].id, ticked: true, nowMs: JUNE_1_NOON)
        let after = try app.home(nowMs: JUNE_1_NOON)
        XCTAssertEqual(after.checklistLine, BilingualText(
            zh: "准备清单 1/\(items.count)", en: "Checklist 1/\(items.count)"))
        XCTAssertEqual(after.checklistDone, 1)
        XCTAssertEqual(after.checklistTotal, UInt32(items.count))
    }

    func testAStudentOfTheThirdClassIsToldTheirClasssOwnTime() throws {
        let app = try StudentApp(dbPath: Fixtures.db("student"))
        _ = try app.importBundle(bytes: Fixtures.bytes("student.bundle"))
        _ = try app.importPass(text: Fixtures.pass("late"))
        let home = try app.home(nowMs: JUNE_1_NOON)
        let slot = try XCTUnwrap(home.slot)
        // Two classes of 40 before them at 150 an hour (24 s each): 09:30 + 32 min = 10:02.
        XCTAssertTrue(slot.planned)
        XCTAssertEqual(home.className, Fixtures.prop("late.class"))
        XCTAssertEqual(slot.timeLocal, "2023-06-03 10:02")
        XCTAssertEqual(slot.arriveByLocal, "2023-06-03 09:42")
        XCTAssertEqual(try app.timeline(nowMs: JUNE_1_NOON).first { $0.id == "arrive" }?.atLocal, "2023-06-03 09:42")
    }

    func testAMistypedForgedReplacedOrAnotherEventsPassIsCaughtOnThePhone() throws {
        let app = try StudentApp(dbPath: Fixtures.db("student"))
        _ = try app.importBundle(bytes: Fixtures.bytes("student.bundle"))
        let good = Fixtures.pass("it")
        let cases = [
            "mistyped": String(good.dropLast()),
            "forged": Fixtures.pass("forged"),
            "replaced": Fixtures.pass("replaced-old"),
            "other event": Fixtures.pass("other-event"),
            "lower case": good.lowercased(),
        ]
        for (what, text) in cases {
            let message = assertCoreError(.invalidInput, what) { try app.importPass(text: text) }
            XCTAssertFalse(message.isEmpty, what)
        }
        let replaced = assertThrows(PhotoDayError.self) { try app.importPass(text: Fixtures.pass("replaced-old")) }
        XCTAssertTrue(replaced?.text.zh.contains("已作废") == true, "\(String(describing: replaced))")
        let foreign = assertThrows(PhotoDayError.self) { try app.importPass(text: Fixtures.pass("other-event")) }
        XCTAssertTrue(foreign?.text.zh.contains("这不是") == true, "\(String(describing: foreign))")
        XCTAssertNil(app.pass(), "nothing was imported")
        XCTAssertEqual(try app.importPass(text: Fixtures.pass("replaced-new")).studentNo, Fixtures.studentNo("replaced"))
    }

    func testTheTimelineAndRemindersComeFromTheBundle() throws {
        let app = try readyStudent()
        let items = try app.timeline(nowMs: beijing("2023-05-10T12:00"))
        XCTAssertEqual(items.map(\.id), ["fee", "code-t7", "code-t3", "code-t1", "arrive", "shoot", "verify", "makeup"])
        let byId = Dictionary(uniqueKeysWithValues: items.map { ($0.id, $0) })
        XCTAssertEqual(byId["arrive"]?.atLocal, "2023-06-03 09:10")
        XCTAssertTrue(byId["verify"]?.atLocal.hasPrefix("2023-07-13") ?? false)
        XCTAssertEqual(byId["fee"]?.status, .upcoming)
        let reminders = try app.reminders(nowMs: JUNE_1_NOON)
        XCTAssertFalse(reminders.isEmpty)
        XCTAssertTrue(reminders.allSatisfy { $0.fireAtUnixMs > JUNE_1_NOON })
        XCTAssertEqual(reminders.map(\.fireAtUnixMs), reminders.map(\.fireAtUnixMs).sorted())
        XCTAssertTrue(reminders.contains { $0.id.hasPrefix("verify-") })
    }

    func testChecklistTicksSurviveARestartOfTheApp() throws {
        let db = Fixtures.db("student")
        let app = try readyStudent(db)
        let items = try app.checklist()
        XCTAssertGreaterThanOrEqual(items.count, 5)
        XCTAssertTrue(items.allSatisfy { !$0.ticked })
        let (a, b) = (items[0].id, items[1].id)
        _ = try app.setTick(id: a, ticked: true, nowMs: JUNE_1_NOON)
        let after = try app.setTick(id: b, ticked: true, nowMs: JUNE_1_NOON)
        XCTAssertEqual(Set(after.filter(\.ticked).map(\.id)), [a, b])
        XCTAssertEqual(try app.home(nowMs: JUNE_1_NOON).checklistDone, 2)

        let reopened = try StudentApp(dbPath: db)
        XCTAssertEqual(Set(try reopened.checklist().filter(\.ticked).map(\.id)), [a, b])
        XCTAssertEqual(reopened.pass()?.studentNo, Fixtures.studentNo("it"), "the pass survives too")
        _ = try reopened.setTick(id: a, ticked: false, nowMs: JUNE_1_NOON)
        XCTAssertEqual(try reopened.checklist().filter(\.ticked).map(\.id), [b])
        assertCoreError(.invalidInput) { try reopened.setTick(id: "wear-a-hat", ticked: true, nowMs: JUNE_1_NOON) }
    }

    func testTheCollectionCodeImageIsKeptExactlyAsSavedAndItsReadabilityCheckedLocally() throws {
        let app = try readyStudent()
        assertCoreError(.notReady) { try app.checkCollectionCode() }
        let png = Fixtures.bytes("collection-code.png")
        let saved = try app.saveCollectionCode(png: png)
        XCTAssertTrue(saved.readable, saved.problem?.zh ?? "")
        XCTAssertEqual(saved.codesFound, 1)
        XCTAssertEqual(try app.collectionCode(), png)
        XCTAssertTrue(try app.checkCollectionCode().readable)
        let home = try app.home(nowMs: JUNE_1_NOON)
        XCTAssertTrue(home.hasCollectionCode)
        XCTAssertNil(home.setupHint, "nothing left to set up")

        XCTAssertFalse(try app.saveCollectionCode(png: Fixtures.bytes("blank.png")).readable, "a blank picture holds no code")
        assertCoreError(.invalidInput) { try app.saveCollectionCode(png: Data("not a picture".utf8)) }
    }

    func testThePassIsDrawnAsA37By37QRCodeWithWholePixelsPerModule() throws {
        let qr = try readyStudent().passQr()
        XCTAssertEqual(qr.version, 5)
        XCTAssertEqual(qr.ecc, .m)
        XCTAssertEqual(qr.width, 37)
        XCTAssertEqual(qr.quietZone, 4)
        XCTAssertEqual(qr.dark.count, 37 * 37)
        // The three finder patterns' outer corners are dark.
        XCTAssertTrue(qr.dark[0] && qr.dark[36] && qr.dark[36 * 37])
        XCTAssertEqual(qr.pxPerModule(availablePx: 400), 8)  // 45 modules with the quiet zone
        XCTAssertEqual(qr.pxPerModule(availablePx: 10), 1)
    }

    func testPurgeDeletesThePassTheCodeAndTheTicksAndKeepsThePublicEvent() throws {
        let db = Fixtures.db("student")
        let app = try readyStudent(db)
        _ = try app.saveCollectionCode(png: Fixtures.bytes("collection-code.png"))
        _ = try app.setTick(id: try app.checklist()[0].id, ticked: true, nowMs: JUNE_1_NOON)
        try app.purge()
        XCTAssertNil(app.pass())
        XCTAssertNil(try app.collectionCode())
        XCTAssertTrue(try app.checklist().allSatisfy { !$0.ticked })
        XCTAssertEqual(app.event()?.id, Fixtures.prop("event.id"))
        let reopened = try StudentApp(dbPath: db)
        XCTAssertNil(reopened.pass())
        XCTAssertNil(try reopened.collectionCode())
        XCTAssertEqual(try reopened.home(nowMs: JUNE_1_NOON).setupStep, .enterStudentNo, "the 学号 went with the pass")
    }

    func testAFileThatIsNotPhotoDaysIsRefusedAndLeftUntouchedAMissingFolderIsAnIoError() throws {
        let notes = Fixtures.file("notes.db")
        let content = Data(String(repeating: "my notes, not a database\n", count: 100).utf8)
        try content.write(to: notes)
        let message = assertCoreError(.storage) { try StudentApp(dbPath: notes.path) }
        XCTAssertTrue(message.contains("notes.db"), message)
        XCTAssertEqual(try Data(contentsOf: notes), content)
        assertCoreError(.storage) { try ScannerApp(dbPath: notes.path) }
        assertCoreError(.io) { try StudentApp(dbPath: Fixtures.file("no-such-folder").path + "/p.db") }
    }

    func testTheStudentKeepsTheNumberTheStudioShowsAClassmatesIsRefusedAndNo补拍AlarmsAfter() throws {
        let app = try readyStudent()
        let shootDay = beijing("2023-06-03T10:30")
        let before = try app.home(nowMs: shootDay)
        XCTAssertNil(before.shot)
        XCTAssertNotNil(before.shotPrompt, "once the session began the app asks whether they were photographed")
        XCTAssertTrue(try app.reminders(nowMs: JUNE_1_NOON).contains { $0.id.hasPrefix("makeup") }, "补拍 reminders before the shoot")

        let s = try studio()
        let mine = try s.scan(text: Fixtures.pass("it"), nowMs: beijing("2023-06-03T09:40"))
        XCTAssertEqual(try numbered(mine).photoNo, "001")
        let classmate = try XCTUnwrap(Fixtures.session1.first { $0.studentNo != Fixtures.studentNo("it") })
        let theirs = try s.scan(text: classmate.pass, nowMs: beijing("2023-06-03T09:41"))
        let refused = assertCoreError(.notYourPass) { try app.importNumber(text: XCTUnwrap(theirs.numberQr)) }
        XCTAssertTrue(refused.contains(String(classmate.studentNo)), "the message says whose: \(refused)")
        assertCoreError(.invalidInput) { try app.importNumber(text: Fixtures.pass("it")) }
        XCTAssertNil(app.shot(), "nothing was kept")

        let shot = try app.importNumber(text: XCTUnwrap(mine.numberQr))
        XCTAssertEqual(shot.photoNo, "001")
        XCTAssertEqual(shot.batch, 1)
        XCTAssertEqual(shot.session, 1)
        XCTAssertEqual(shot.label.zh, "一教104 · 001 · 第1批")
        let after = try app.home(nowMs: shootDay)
        XCTAssertEqual(after.shot, shot)
        XCTAssertNil(after.shotPrompt)
        let reminders = try app.reminders(nowMs: JUNE_1_NOON)
        XCTAssertFalse(reminders.contains { $0.id.hasPrefix("makeup") }, "no 补拍 alarms: \(reminders.map(\.id))")
        XCTAssertTrue(reminders.contains { $0.id.hasPrefix("verify-") }, "the 学信网 check 40 days later stays")
        XCTAssertFalse(try app.timeline(nowMs: shootDay).contains { $0.kind == .makeupDeadline })
    }

    func test我已拍完WithoutANumberSwitchesTheHomeToAfterTheShootAndCanBeTakenBack() throws {
        let app = try readyStudent()
        let shootDay = beijing("2023-06-03T16:30")
        let done = try XCTUnwrap(try app.setShotDone(done: true))
        XCTAssertNil(done.photoNo)
        XCTAssertEqual(done.label.zh, "已拍完")
        XCTAssertEqual(try app.home(nowMs: shootDay).shot, done)
        XCTAssertFalse(try app.reminders(nowMs: JUNE_1_NOON).contains { $0.id.hasPrefix("makeup") })
        XCTAssertNil(try app.setShotDone(done: false))
        XCTAssertNil(try app.home(nowMs: shootDay).shot)
        XCTAssertTrue(try app.reminders(nowMs: JUNE_1_NOON).contains { $0.id.hasPrefix("makeup") })
    }
}
