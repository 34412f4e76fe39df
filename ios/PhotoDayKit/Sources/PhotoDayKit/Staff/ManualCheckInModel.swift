// Checking in by hand a student with no phone and no printout: by student number, with an
// optional note. The core judges it like a scan (wrong session, outside the window, already in…)
// and the door screen shows its verdict.

import Foundation
import Observation
import PhotoDayCore

@MainActor
@Observable
public final class ManualCheckInModel {
    public var number = ""
    public var note = ""
    public var message: Notice?

    @ObservationIgnored private let services: AppServices

    public init(services: AppServices = .shared) {
        self.services = services
    }

    /// The typed number, when it is a number at all (the core decides whether it is a student's).
    public var studentNo: UInt64? {
        UInt64(number.trimmingCharacters(in: .whitespaces))
    }

    /// The core's verdict and what was asked (for an override); nil when nothing was judged.
    public func checkIn() async -> (ScanOutcome, DoorInput)? {
        guard let studentNo else { return nil }
        let trimmed = note.trimmingCharacters(in: .whitespacesAndNewlines)
        let note: String? = trimmed.isEmpty ? nil : trimmed
        let now = services.now()
        do {
            let outcome = try await services.core.scanner { (app: ScannerApp) in
                try app.checkInByNumber(studentNo: studentNo, note: note, overrideReason: nil, nowMs: now)
            }
            return (outcome, .manual(studentNo: studentNo, note: note))
        } catch {
            message = .failure(error)
            return nil
        }
    }
}

/// An override needs a reason the 教务处 can read in the report.
public enum OverrideReason {
    public static func isGiven(_ reason: String) -> Bool {
        !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }
}
