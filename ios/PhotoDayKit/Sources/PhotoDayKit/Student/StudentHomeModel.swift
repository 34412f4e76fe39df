// Today: the slot card (where, when, arrive by, and how long until then), the next thing to do,
// and how far the preparation is. Before the phone is set up, the core's hint says what is missing.

import Foundation
import Observation
import PhotoDayCore

@MainActor
@Observable
public final class StudentHomeModel {
    public private(set) var home: Home?
    public private(set) var error: String?

    @ObservationIgnored private let services: AppServices

    public init(services: AppServices = .shared) {
        self.services = services
    }

    public func load() async {
        let now = services.now()
        do {
            home = try await services.core.student { (app: StudentApp) in
                try app.home(nowMs: now)
            }
            error = nil
        } catch {
            self.error = ErrorText.of(error)
        }
    }
}
