// The door device's settings: its id (named in "already admitted on …") and how early and how
// late around a window the door still admits.

import Foundation
import Observation
import PhotoDayCore

@MainActor
@Observable
public final class DoorSettingsModel {
    public private(set) var deviceId = ""
    public var earlyMinutes = 0
    public var lateMinutes = 0
    public var message: Message?

    @ObservationIgnored private let services: AppServices

    public init(services: AppServices = .shared) {
        self.services = services
    }

    public func load() async {
        guard case let (id, tolerance)? = await services.scanner({ message = $0 }, { app, _ in (app.deviceId(), app.tolerance()) })
        else { return }
        deviceId = id
        (earlyMinutes, lateMinutes) = (Int(tolerance.earlyMinutes), Int(tolerance.lateMinutes))
    }

    public func saveTolerance() async {
        let tolerance = Tolerance(
            earlyMinutes: UInt32(clamping: max(0, earlyMinutes)), lateMinutes: UInt32(clamping: max(0, lateMinutes)))
        _ = await services.scanner({ message = $0 }) { app, _ in try app.setTolerance(tolerance: tolerance) }
    }
}
