// The notice's checklist (clothes, no glasses, hair off the forehead and ears…) with the
// student's ticks, which the core keeps.

import Foundation
import Observation
import PhotoDayCore

@MainActor
@Observable
public final class ChecklistModel {
    public private(set) var items: [ChecklistItem] = []
    public var message: Message?

    @ObservationIgnored private let services: AppServices

    public init(services: AppServices = .shared) {
        self.services = services
    }

    public func load() async {
        do {
            items = try await services.core.student { (app: StudentApp) in
                try app.checklist()
            }
        } catch {
            message = .failure(error)
        }
    }

    public func toggle(_ item: ChecklistItem) async {
        let id = item.id
        let ticked = !item.ticked
        let now = services.now()
        do {
            items = try await services.core.student { (app: StudentApp) in
                try app.setTick(id: id, ticked: ticked, nowMs: now)
            }
        } catch {
            message = .failure(error)
        }
    }
}
