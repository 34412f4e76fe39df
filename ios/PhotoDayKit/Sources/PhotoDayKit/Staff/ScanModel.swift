// The scanner screen's state, door or studio: the verdict on show, the session the room is running,
// the batch being called in, and a one-line notice.
//
// Every judgement is the core's (`scan`, `overridePass`, `checkInByNumber`, `skipCodeCheck`,
// `closeBatch`, `undo`); a check-in or number is durable on disk before the core returns it, so
// what is shown green is never lost. The model only keeps the camera from judging while a verdict
// is on screen and brings the camera back after a short hold — except while the studio waits for
// the student's 采集码 (the camera reads it next) and while a number is shown with the code the
// student's app scans (a tap returns).

import Foundation
import Observation
import PhotoDayCore

/// What the staff gave the core, kept so an override can be asked for the same student.
public enum DoorInput: Equatable, Sendable {
    case pass(String)
    case manual(studentNo: UInt64, note: String?)
}

public struct ShownVerdict: Identifiable {
    public let id = UUID()
    public let outcome: ScanOutcome
    public let input: DoorInput
    /// The student's number as the small code their app scans ("一教104 · 001 · 第1批").
    public let numberCode: QrCode?
}

@MainActor
@Observable
public final class ScanModel {
    /// How long a verdict stays before the camera takes over again (a tap returns sooner).
    public nonisolated static let holdNanoseconds: UInt64 = 2_500_000_000

    public private(set) var shown: ShownVerdict?
    public private(set) var batch: Batch?
    /// The session the station's room is running now (it follows the clock through hand-overs).
    public private(set) var session: UInt8?
    public var notice: Notice?

    @ObservationIgnored private let services: AppServices
    @ObservationIgnored private let holdNanoseconds: UInt64
    @ObservationIgnored private var judging = false
    @ObservationIgnored private var returnTask: Task<Void, Never>?

    public init(services: AppServices = .shared, holdNanoseconds: UInt64 = ScanModel.holdNanoseconds) {
        self.services = services
        self.holdNanoseconds = holdNanoseconds
    }

    /// Whether the studio is waiting for the student's 采集码: the camera stays on for it.
    public var awaitingCode: Bool {
        if case .showCollectionCode? = shown?.outcome.verdict { return true }
        return false
    }

    /// A QR text from the camera; ignored while a verdict is on screen (other than the request
    /// for the 采集码) or being judged.
    public func scanned(_ text: String) async {
        guard !judging, shown == nil || awaitingCode else { return }
        let now = services.now()
        await judge(.pass(text)) { (app: ScannerApp) in
            try app.scan(text: text, nowMs: now)
        }
    }

    /// A manual check-in's outcome (ManualCheckInModel asked the core).
    public func checkedIn(_ outcome: ScanOutcome, input: DoorInput) {
        present(outcome, input: input)
    }

    /// Admit over the verdict on show, with the staff's reason.
    public func override(reason: String) async {
        guard let current = shown else { return }
        let now = services.now()
        switch current.input {
        case .pass(let text):
            await judge(current.input) { (app: ScannerApp) in
                try app.overridePass(text: text, reason: reason, nowMs: now)
            }
        case .manual(let studentNo, let note):
            await judge(current.input) { (app: ScannerApp) in
                try app.checkInByNumber(studentNo: studentNo, note: note, overrideReason: reason, nowMs: now)
            }
        }
    }

    /// Number the student waiting for the 采集码 check without it (the photographer checks it).
    public func skipCodeCheck() async {
        let now = services.now()
        guard let input = shown?.input else { return }
        await judge(input) { (app: ScannerApp) in
            try app.skipCodeCheck(nowMs: now)
        }
    }

    /// Let go of the student waiting on the 采集码 (they went to find it): the core drops them,
    /// nothing was recorded, and their next scan starts over.
    public func cancelCodeCheck() async {
        _ = try? await services.core.scanner { (app: ScannerApp) in app.cancelCodeCheck() }
        dismiss()
    }

    /// "本批拍完": the open batch is recorded photographed.
    public func closeBatch() async {
        let now = services.now()
        do {
            let closed = try await services.core.scanner { (app: ScannerApp) in
                try app.closeBatch(nowMs: now)
            }
            notice = .batchClosed(closed)
            await refreshBatch()
        } catch {
            notice = .failure(error)
        }
    }

    /// Cancel the check-in or number on show (within the core's few minutes).
    public func undoShown() async {
        guard let seq = shown?.outcome.recordSeq else { return }
        let now = services.now()
        await undo { (app: ScannerApp) in
            try app.undo(recordSeq: seq, nowMs: now)
        }
    }

    /// Cancel this phone's latest check-in, number or step-aside.
    public func undoLast() async {
        let now = services.now()
        await undo { (app: ScannerApp) in
            try app.undoLast(nowMs: now)
        }
    }

    /// Keep the verdict on screen (the staff are reading it or overriding).
    public func holdOn() {
        returnTask?.cancel()
    }

    public func dismiss() {
        returnTask?.cancel()
        shown = nil
    }

    public func refreshBatch() async {
        let now = services.now()
        do {
            let state = try await services.core.scanner { (app: ScannerApp) in
                (try app.currentBatch(nowMs: now), app.sessionNow(nowMs: now))
            }
            (batch, session) = state
        } catch {
            notice = .failure(error)
        }
    }

    private func judge(_ input: DoorInput, _ call: @escaping @Sendable (ScannerApp) throws -> ScanOutcome) async {
        judging = true
        defer { judging = false }
        do {
            let outcome = try await services.core.scanner(call)
            present(outcome, input: input)
            await refreshBatch()
        } catch {
            notice = .failure(error)
        }
    }

    private func present(_ outcome: ScanOutcome, input: DoorInput) {
        shown = ShownVerdict(outcome: outcome, input: input, numberCode: outcome.numberQr.flatMap { try? qrCode(text: $0) })
        // The same pass again within seconds: the core recorded nothing new; no second chime.
        if !outcome.repeat {
            services.feedback(outcome.colour)
        }
        returnTask?.cancel()
        if awaitingCode || outcome.numberQr != nil { return }
        let hold = holdNanoseconds
        returnTask = Task { [weak self] in
            try? await Task.sleep(nanoseconds: hold)
            if !Task.isCancelled {
                self?.shown = nil
            }
        }
    }

    private func undo(_ call: @escaping @Sendable (ScannerApp) throws -> UndoOutcome) async {
        do {
            let undone = try await services.core.scanner(call)
            dismiss()
            notice = .undone(undone)
            await refreshBatch()
        } catch {
            notice = .failure(error)
        }
    }
}
