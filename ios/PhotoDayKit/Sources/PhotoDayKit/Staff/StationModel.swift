// Setting the station up: the room this phone guards all day (the session follows the clock), its
// role — door (check-in) or studio (摄影编号) — and, when a second studio phone numbers in the same
// room, its photo-number letter (A012, B007…). The core warns when another phone it knows of
// already numbers here under the same prefix; the picker shows that before the scanner opens.

import Foundation
import Observation
import PhotoDayCore

@MainActor
@Observable
public final class StationModel {
    public private(set) var rooms: [String] = []
    public var role: Role = .door
    /// The photo-number letter; nil when this is the room's only studio phone.
    public var lane: Lane?
    /// The role picker's choices, in the core's order and words (door first).
    public let roleOptions = roleChoices()
    /// The letter picker's choices, in the core's order and words (no letter first, then A–F).
    public let letterChoices = laneChoices()
    public private(set) var station: Station?
    /// The core's warning from the last setup (another studio phone with the same prefix).
    public var warning: BilingualText?
    public var message: Message?

    @ObservationIgnored private let services: AppServices

    public init(services: AppServices = .shared) {
        self.services = services
    }

    public func load() async {
        guard case let (rooms, station)? = await services.scanner({ message = $0 }, { app, _ in (app.rooms(), app.station()) })
        else { return }
        (self.rooms, self.station) = (rooms, station)
        role = station?.role ?? role
        lane = station?.lane
    }

    /// Guards `room` in the chosen role from now on; false (with the core's message) when
    /// refused. A warning, when the core gives one, is left in `warning` for the staff to read.
    public func choose(_ room: String) async -> Bool {
        let (role, letter) = (self.role, lane)
        guard let setup = await services.scanner({ message = $0 }, { app, _ in
            try app.setStation(room: room, role: role, lane: letter)
        }) else { return false }
        (station, warning) = (setup.station, setup.warning)
        return true
    }

    /// Whether the studio asks to see the 采集码 before numbering (off when the photographer checks).
    public func setCheckCode(_ on: Bool) async {
        station = await services.scanner({ message = $0 }) { app, _ in try app.setCheckCode(on: on) } ?? station
    }

    /// Whether `room` is the one this phone guards (the picker's tick).
    public func isChosen(_ room: String) -> Bool {
        station?.room == room
    }
}
