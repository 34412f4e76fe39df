// The batch being called into the studio: photo numbers in order with names (when the bundle
// has them), so the staff can call them in and stand them in the right order (no "站错位置").

import Foundation
import Observation
import PhotoDayCore

@MainActor
@Observable
public final class BatchModel {
    public private(set) var batch: Batch?
    public private(set) var loaded = false
    public var message: Notice?

    @ObservationIgnored private let services: AppServices

    public init(services: AppServices = .shared) {
        self.services = services
    }

    public func load() async {
        do {
            batch = try await services.core.scanner { (app: ScannerApp) in
                try app.currentBatch()
            }
        } catch {
            message = .failure(error)
        }
        loaded = true
    }
}
