// Who arrived, who was numbered and who was photographed: the session the station's room is
// running (per class, the absentees who will need the 补拍 make-up, and those who arrived but were
// not photographed, for the liaisons to chase), every session this phone knows of from its own
// records and the logs it merged, and the conflicts to settle (a student numbered twice, a number
// held by two students).

import Foundation
import Observation
import PhotoDayCore

@MainActor
@Observable
public final class AttendanceModel {
    public private(set) var station: SessionAttendance?
    public private(set) var all: Attendance?
    public var message: Message?

    @ObservationIgnored private let services: AppServices

    public init(services: AppServices = .shared) {
        self.services = services
    }

    public func load() async {
        let loaded = await services.scanner({ message = $0 }) { app, now in
            (try app.stationAttendance(nowMs: now), try app.attendance())
        }
        (station, all) = (loaded?.0 ?? station, loaded?.1 ?? all)
    }
}
