// The door screen's state: the verdict on show, the batch being called in, and a one-line notice.
//
// Every judgement is the core's (`scan`, `overridePass`, `checkInByNumber`, `undo`); an admission
// is durable on disk before the core returns it, so what is shown green is never lost. The model
// only keeps the camera from judging while a verdict is on screen, and brings the camera back by
// itself after a short hold.

import Foundation
import PhotoDayCore

/// What the staff gave the core, kept so an override can be asked for the same student.
enum DoorInput: Equatable {
    case pass(String)
    case manual(studentNo: UInt64, note: String?)
}

struct ShownVerdict: Identifiable {
    let id = UUID()
    let outcome: ScanOutcome
    let input: DoorInput
}

@MainActor
final class ScanModel: ObservableObject {
    /// How long a verdict stays before the camera takes over again (a tap returns sooner).
    static let holdNanoseconds: UInt64 = 2_500_000_000

    @Published private(set) var shown: ShownVerdict?
    @Published private(set) var batch: Batch?
    @Published var notice: String?

    private var judging = false
    private var returnTask: Task<Void, Never>?

    /// A QR text from the camera.
    func scanned(_ text: String) {
        guard !judging, shown == nil else { return }
        judge(.pass(text)) { (app: ScannerApp) in
            try app.scan(text: text, nowMs: Clock.nowMs())
        }
    }

    /// A manual check-in's outcome (ManualCheckInView asked the core).
    func checkedIn(_ outcome: ScanOutcome, input: DoorInput) {
        present(outcome, input: input)
    }

    /// Admit over the verdict on show, with the staff's reason.
    func override(reason: String) {
        guard let current = shown else { return }
        switch current.input {
        case .pass(let text):
            judge(current.input) { (app: ScannerApp) in
                try app.overridePass(text: text, reason: reason, nowMs: Clock.nowMs())
            }
        case .manual(let studentNo, let note):
            judge(current.input) { (app: ScannerApp) in
                try app.checkInByNumber(
                    studentNo: studentNo, note: note, overrideReason: reason, nowMs: Clock.nowMs())
            }
        }
    }

    /// Cancel the admission on show (within the core's few minutes).
    func undoShown() {
        guard let seq = shown?.outcome.recordSeq else { return }
        undo { (app: ScannerApp) in
            try app.undo(recordSeq: seq, nowMs: Clock.nowMs())
        }
    }

    /// Cancel this phone's latest admission in its session.
    func undoLast() {
        undo { (app: ScannerApp) in
            try app.undoLast(nowMs: Clock.nowMs())
        }
    }

    /// Keep the verdict on screen (the staff are reading it or overriding).
    func holdOn() {
        returnTask?.cancel()
    }

    func dismiss() {
        returnTask?.cancel()
        shown = nil
    }

    func refreshBatch() async {
        do {
            batch = try await CoreService.shared.scanner { (app: ScannerApp) in
                try app.currentBatch()
            }
        } catch {
            notice = ErrorText.of(error)
        }
    }

    private func judge(_ input: DoorInput, _ call: @escaping @Sendable (ScannerApp) throws -> ScanOutcome) {
        judging = true
        Task {
            do {
                let outcome = try await CoreService.shared.scanner(call)
                self.present(outcome, input: input)
            } catch {
                self.notice = ErrorText.of(error)
            }
            self.judging = false
        }
    }

    private func present(_ outcome: ScanOutcome, input: DoorInput) {
        shown = ShownVerdict(outcome: outcome, input: input)
        // The same pass again within seconds: the core recorded nothing new; no second chime.
        if !outcome.repeat {
            Feedback.play(outcome.colour)
        }
        returnTask?.cancel()
        returnTask = Task {
            try? await Task.sleep(nanoseconds: Self.holdNanoseconds)
            if !Task.isCancelled {
                self.shown = nil
            }
        }
        Task { await self.refreshBatch() }
    }

    private func undo(_ call: @escaping @Sendable (ScannerApp) throws -> UndoOutcome) {
        Task {
            do {
                let undone = try await CoreService.shared.scanner(call)
                self.dismiss()
                self.notice = SummaryText.undone(undone)
                await self.refreshBatch()
            } catch {
                self.notice = ErrorText.of(error)
            }
        }
    }
}
