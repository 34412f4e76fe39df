// The door screen's state: the verdict on show, the batch being called in, and a one-line notice.
//
// Every judgement is the core's (`scan`, `overridePass`, `checkInByNumber`, `undo`); an admission
// is durable on disk before the core returns it, so what is shown green is never lost. The model
// only keeps the camera from judging while a verdict is on screen, and brings the camera back by
// itself after a short hold.

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
}

@MainActor
@Observable
public final class ScanModel {
    /// How long a verdict stays before the camera takes over again (a tap returns sooner).
    public nonisolated static let holdNanoseconds: UInt64 = 2_500_000_000

    public private(set) var shown: ShownVerdict?
    public private(set) var batch: Batch?
    public var notice: Notice?

    @ObservationIgnored private let services: AppServices
    @ObservationIgnored private let holdNanoseconds: UInt64
    @ObservationIgnored private var judging = false
    @ObservationIgnored private var returnTask: Task<Void, Never>?

    public init(services: AppServices = .shared, holdNanoseconds: UInt64 = ScanModel.holdNanoseconds) {
        self.services = services
        self.holdNanoseconds = holdNanoseconds
    }

    /// A QR text from the camera; ignored while a verdict is on screen or being judged.
    public func scanned(_ text: String) async {
        guard !judging, shown == nil else { return }
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

    /// Cancel the admission on show (within the core's few minutes).
    public func undoShown() async {
        guard let seq = shown?.outcome.recordSeq else { return }
        let now = services.now()
        await undo { (app: ScannerApp) in
            try app.undo(recordSeq: seq, nowMs: now)
        }
    }

    /// Cancel this phone's latest admission in its session.
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
        do {
            batch = try await services.core.scanner { (app: ScannerApp) in
                try app.currentBatch()
            }
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
        shown = ShownVerdict(outcome: outcome, input: input)
        // The same pass again within seconds: the core recorded nothing new; no second chime.
        if !outcome.repeat {
            services.feedback(outcome.colour)
        }
        returnTask?.cancel()
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
