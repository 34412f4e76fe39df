// The student's side as a whole: at launch the reminders are laid again, and a file opened with
// PhotoDay goes to the core, which recognises it by content.

import Foundation
import Observation
import PhotoDayCore

@MainActor
@Observable
public final class StudentRootModel {
    public var message: Message?

    @ObservationIgnored private let services: AppServices

    public init(services: AppServices = .shared) {
        self.services = services
    }

    /// At launch: the schedule may have moved on (a reminder passed, a newer bundle), so the
    /// notifications are laid again.
    public func start() async {
        await services.reminders.reschedule()
    }

    /// A file opened with PhotoDay: the core recognises it by content — the class's pack, the
    /// pass, a pass card picture, the studio's number code — and refuses a staff file with what
    /// to open instead.
    public func open(_ url: URL) async {
        do {
            let done = try await services.core.student { (app: StudentApp) in
                try app.importAny(bytes: AppFiles.readIncoming(url))
            }
            // A newer pack that voided the pass on the phone says so as a warning.
            message = done.pack?.passReplaced != nil ? .failed(done.text.localized) : .said(done.text)
            await services.reminders.reschedule()
        } catch {
            message = .failure(error)
        }
    }
}
