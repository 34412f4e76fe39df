// The staff device's screen, door or studio: what the core's door loop says to draw.
//
// The loop is the core's (`ScannerApp.frame`, `typed`, `overrideShown`…, DESIGN §4): which camera
// frames are judged, how long a verdict stays, what an override re-judges, what a typed line
// means and when to beep are decided there once for Android, iOS and the laptop. This model only
// forwards every frame and tap off the main actor, keeps the `DoorScreen` it gets back, wakes the
// core with `tick` at the card's `untilMs`, and plays each card's signal once.

import Foundation
import Observation
import PhotoDayCore

@MainActor
@Observable
public final class ScanModel {
    /// What to draw; nil until the first `load`. Its `status` says which staff screen shows.
    public private(set) var screen: DoorScreen?
    /// The code the student's app scans to keep the number on the card, drawn by the core.
    public private(set) var numberCode: QrCode?
    /// A core that could not be opened (the database folder); shown as an alert.
    public var message: Message?
    /// The card's step-aside buttons (`VerdictCard.canStepAside`), in the core's order and words.
    public let asideChoices = asideReasons()

    @ObservationIgnored private let services: AppServices
    @ObservationIgnored private var ticker: Task<Void, Never>?
    @ObservationIgnored private var signalled: UInt64 = 0

    public init(services: AppServices = .shared) {
        self.services = services
    }

    /// The screen now (after a bundle, a station, a sheet or a relaunch).
    public func load() async { await ask(signal: false) { app, now in app.doorScreen(nowMs: now) } }

    /// Every text the camera decodes; the core ignores what changes nothing.
    public func frame(_ text: String) async { await ask { app, now in app.frame(text: text, nowMs: now) } }

    /// A student number typed by staff (full-width digits are fine) or a USB scanner's line.
    public func typed(_ line: String, note: String?) async {
        await ask { app, now in app.typed(line: line, note: note, nowMs: now) }
    }

    public func override(reason: String) async {
        await ask { app, now in app.overrideShown(reason: reason, nowMs: now) }
    }

    public func undoShown() async { await ask { app, now in app.undoShown(nowMs: now) } }
    /// The card or the notice tapped away (a student waiting on the 采集码 check is let go).
    public func dismiss() async { await ask { app, now in app.dismiss(nowMs: now) } }
    /// Steps the card's student aside (`VerdictCard.studentNo`, taken when the button was tapped,
    /// so the card may have gone by then): their number is voided, the core's notice says so.
    public func stepAside(studentNo: UInt64, reason: AsideReason, note: String? = nil) async {
        await ask { app, now in app.stepAsideStudent(studentNo: studentNo, reason: reason, note: note, nowMs: now) }
    }
    public func skipCode() async { await ask { app, now in app.skipCode(nowMs: now) } }
    public func closeBatch() async { await ask { app, now in app.closeOpenBatch(nowMs: now) } }
    public func tick() async { await ask { app, now in app.tick(nowMs: now) } }

    /// `signal: false` draws a card already signalled (a screen reopened) without a second beep.
    private func ask(signal: Bool = true, _ call: @escaping @Sendable (ScannerApp, Int64) -> DoorScreen?) async {
        if case let next?? = await services.scanner({ message = $0 }, call) { show(next, signal: signal) }
    }

    private func show(_ next: DoorScreen, signal: Bool) {
        let card = next.card
        if card?.serial != screen?.card?.serial {
            numberCode = card?.outcome.numberQr.flatMap { try? qrCode(text: $0) }
        }
        screen = next
        if let card, card.serial > signalled {
            signalled = card.serial
            if signal { services.feedback(card.signal) }
        }
        ticker?.cancel()
        guard let until = card?.untilMs else { return }
        let wait = UInt64(max(0, until - services.now())) * 1_000_000
        ticker = Task { [weak self] in
            try? await Task.sleep(nanoseconds: wait)
            if !Task.isCancelled { await self?.tick() }
        }
    }
}
