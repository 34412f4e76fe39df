// Choosing the station: the session (college, room, date, windows) this phone guards, and, when
// several phones share that door, this phone's photo-number letter (A012, B007…).

import Foundation
import Observation
import PhotoDayCore

@MainActor
@Observable
public final class StationModel {
    public var lane = ""
    public private(set) var station: Station?
    public var message: Notice?

    @ObservationIgnored private let services: AppServices

    public init(services: AppServices = .shared) {
        self.services = services
    }

    public func load() async {
        station = try? await services.core.scanner { (app: ScannerApp) in
            app.station()
        }
        lane = station?.lane ?? ""
    }

    /// Guards `session` from now on; false (with the core's message) when refused.
    public func choose(_ session: UInt8) async -> Bool {
        // The core validates the letter and reads an empty one as "no letter".
        let letter = lane
        do {
            station = try await services.core.scanner { (app: ScannerApp) in
                try app.setStation(session: session, lane: letter)
            }
            return true
        } catch {
            message = .failure(error)
            return false
        }
    }

    /// Whether `session` is the one this phone guards (the picker's tick).
    public func isChosen(_ session: UInt8) -> Bool {
        station?.session == session
    }
}
