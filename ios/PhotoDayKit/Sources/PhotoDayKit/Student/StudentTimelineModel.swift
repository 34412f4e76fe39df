// The student's year, as the core dates it: fee deadline, 采集码 checks, arrive-by, the shoot,
// the 学信网 check and the 补拍 deadline, each past, due or upcoming. (Reminders for them are turned
// on from the home screen's card.)

import Foundation
import Observation
import PhotoDayCore

@MainActor
@Observable
public final class StudentTimelineModel {
    public private(set) var items: [TimelineItem] = []
    public var message: Message?

    @ObservationIgnored private let services: AppServices

    public init(services: AppServices = .shared) {
        self.services = services
    }

    public func load() async {
        let now = services.now()
        do {
            items = try await services.core.student { (app: StudentApp) in
                try app.timeline(nowMs: now)
            }
        } catch {
            message = .failure(error)
        }
    }
}
