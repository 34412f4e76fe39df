// The student's side as a whole: at launch the reminders are laid again, and a file opened with
// PhotoDay is routed — a student bundle is imported, a door log is not for this side.

import Foundation
import Observation
import PhotoDayCore

@MainActor
@Observable
public final class StudentRootModel {
    public var message: Notice?

    @ObservationIgnored private let services: AppServices

    public init(services: AppServices = .shared) {
        self.services = services
    }

    /// At launch: the schedule may have moved on (a reminder passed, a newer bundle), so the
    /// notifications are laid again.
    public func start() async {
        await services.reminders.reschedule()
    }

    /// A file opened with PhotoDay: a student bundle is imported; a door log is not for this side.
    public func open(_ file: IncomingDocument) async {
        switch file {
        case .bundle(let url):
            do {
                let done = try await services.core.student { (app: StudentApp) in
                    try app.importBundle(bytes: AppFiles.readIncoming(url))
                }
                // The core's note when the newer pack voided the pass on the phone comes first.
                if let note = done.passReplaced {
                    message = .failed(note.localized)
                } else {
                    message = .studentBundleImported(title: done.event.title)
                }
                await services.reminders.reschedule()
            } catch {
                message = .failure(error)
            }
        case .log:
            message = .logNeedsDoorPhone
        }
    }
}
