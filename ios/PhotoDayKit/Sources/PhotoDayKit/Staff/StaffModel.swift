// The staff device's root: first the scanner bundle, then the station (the room this phone
// guards and its role, door or studio), then the scanner. Files opened with PhotoDay (a newer bundle, another phone's log) are
// imported here whatever screen is showing.

import Foundation
import Observation
import PhotoDayCore

@MainActor
@Observable
public final class StaffModel {
    public private(set) var loaded = false
    public private(set) var event: Event?
    public private(set) var station: Station?
    public var message: Notice?

    @ObservationIgnored private let services: AppServices

    public init(services: AppServices = .shared) {
        self.services = services
    }

    /// Which screen the door shows: the bundle import, the station picker or the scanner.
    public enum Stage: Equatable {
        case loading, needsBundle, needsStation, scanning
    }

    public var stage: Stage {
        if !loaded { return .loading }
        if event == nil { return .needsBundle }
        return station == nil ? .needsStation : .scanning
    }

    public func load() async {
        do {
            let state = try await services.core.scanner { (app: ScannerApp) -> (Event?, Station?) in
                (app.event(), app.station())
            }
            event = state.0
            station = state.1
        } catch {
            message = .failure(error)
        }
        loaded = true
    }

    /// A file opened with PhotoDay: a bundle replaces the scanner's, a log is merged.
    public func open(_ file: IncomingDocument) async {
        do {
            switch file {
            case .bundle(let url):
                let summary = try await services.core.scanner { (app: ScannerApp) in
                    try app.importBundle(bytes: AppFiles.readIncoming(url))
                }
                message = .bundleImported(summary)
            case .log(let url):
                let summary = try await services.core.scanner { (app: ScannerApp) in
                    try app.importLog(bytes: AppFiles.readIncoming(url))
                }
                message = .logImported(summary)
            }
        } catch {
            message = .failure(error)
        }
    }
}
