// Who is in and who is still missing: this station's session (per class, and the absentees who
// will need the 补拍 make-up), every session this phone knows of from its own records and the logs
// it merged, and the students photographed twice with the photo numbers to void.

import Foundation
import Observation
import PhotoDayCore

@MainActor
@Observable
public final class AttendanceModel {
    public private(set) var station: SessionAttendance?
    public private(set) var all: Attendance?
    public var message: Notice?

    @ObservationIgnored private let services: AppServices

    public init(services: AppServices = .shared) {
        self.services = services
    }

    public func load() async {
        do {
            let loaded = try await services.core.scanner { (app: ScannerApp) -> (SessionAttendance, Attendance) in
                let mine = try app.stationAttendance()
                let everyone = try app.attendance()
                return (mine, everyone)
            }
            station = loaded.0
            all = loaded.1
        } catch {
            message = .failure(error)
        }
    }
}
