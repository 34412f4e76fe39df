// The rest of the student's side: deleting personal data after the day (and the notifications
// that were about it).

import Foundation
import Observation
import PhotoDayCore

@MainActor
@Observable
public final class StudentMoreModel {
    public var message: Message?

    @ObservationIgnored private let services: AppServices

    public init(services: AppServices = .shared) {
        self.services = services
    }

    /// Deletes the pass, the 采集码 image and the ticks (the public event stays), and the
    /// notifications that were about them.
    public func purge() async {
        do {
            try await services.core.student { (app: StudentApp) in
                try app.purge()
            }
            services.reminders.cancelAll()
            message = .studentDataPurged
        } catch {
            message = .failure(error)
        }
    }
}
