// Setting up a student's phone, one step at a time as the core's `setupStep` says: the pack the
// liaison posted in the class group (a student bundle, opened from the chat app or Files), the
// 学号 typed once, then the pass (签到码) card picked from the photo album — the core reads its
// QR — or the pass text pasted. The core refuses a classmate's card, naming both numbers, and
// says what to do with a thumbnail it cannot read; this model forwards the taps and counts them.

import Foundation
import Observation
import PhotoDayCore

/// One tap of the student on the setup screen.
public enum SetupTap: Equatable, Sendable {
    /// "OK" under the typed 学号.
    case confirmStudentNo
    /// "Pick my pass card from the album": opens the photo picker.
    case openAlbum
    /// The card tapped in the photo picker.
    case pickCard
    /// "Add pass" under the pasted text.
    case pastePass
}

@MainActor
@Observable
public final class StudentSetupModel {
    /// The core's home: its `setupStep` (nil once nothing is missing) and `setupHint` (the step in
    /// its words), `needsSetup` (the setup screen shows instead of the home) and the `slot`, known
    /// from the pack's plan and the 学号 even before the pass.
    public private(set) var home: Home?
    public private(set) var pass: PassInfo?
    /// The last refusal, as the core wrote it (a classmate's card, an unreadable image).
    public private(set) var refusal: PhotoDayError?
    /// The core's note that a newer pack voided the pass on the phone.
    public private(set) var passReplaced: BilingualText?
    public var passText = ""
    public var studentNoText = ""
    public var message: Message?
    /// The student's taps so far, in order.
    public private(set) var taps: [SetupTap] = []
    /// The steps shown so far, in order; `nil` for the home.
    public private(set) var shown: [SetupStep?] = []

    @ObservationIgnored private let services: AppServices

    public init(services: AppServices = .shared) {
        self.services = services
    }

    public func load() async {
        let now = services.now()
        do {
            let state = try await services.core.student { (app: StudentApp) in
                (try app.home(nowMs: now), app.pass())
            }
            let home = state.0
            (self.home, pass) = (home, state.1)
            let at: SetupStep? = home.needsSetup ? home.setupStep : nil
            if shown.isEmpty || shown[shown.count - 1] != at { shown.append(at) }
        } catch {
            message = .failure(error)
        }
    }

    /// The pack from the chat app or Files (not a tap on this screen).
    public func importBundle(from url: URL) async {
        do {
            let done = try await services.core.student { (app: StudentApp) in
                try app.importBundle(bytes: AppFiles.readPicked(url))
            }
            passReplaced = done.passReplaced
            await services.reminders.reschedule()
        } catch {
            message = .failure(error)
        }
        await load()
    }

    public func submitStudentNo(_ text: String) async {
        await tap(.confirmStudentNo) { (app: StudentApp) in _ = try app.setStudentNo(no: text) }
    }

    /// The app opens the photo picker; nothing changes until a card is picked.
    public func openAlbum() {
        taps.append(.openAlbum)
    }

    /// The image picked in the album, byte for byte: the core reads the pass card's QR.
    public func cardPicked(_ image: Data) async {
        await tap(.pickCard) { (app: StudentApp) in _ = try app.importPassImage(image: image) }
    }

    public func importPass(_ text: String) async {
        await tap(.pastePass) { (app: StudentApp) in _ = try app.importPass(text: text) }
        if refusal == nil { passText = "" }
    }

    private func tap(_ what: SetupTap, _ call: @escaping @Sendable (StudentApp) throws -> Void) async {
        taps.append(what)
        do {
            try await services.core.student(call)
            refusal = nil
            await services.reminders.reschedule()
        } catch let error as PhotoDayError {
            refusal = error
        } catch {
            message = .failure(error)
        }
        await load()
    }
}
