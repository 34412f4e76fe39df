// Setting up a student's phone: the event file from the 教务处 (a student bundle, .pdb) and the
// student's own pass (`PD1:…`, pasted from the liaison's message, typed, or scanned from a printed
// sheet). The core verifies the pass against the bundle's keys right away, so a typo or another
// event's pass is caught now rather than at the door.

import Foundation
import Observation
import PhotoDayCore

@MainActor
@Observable
public final class StudentSetupModel {
    public private(set) var event: Event?
    public private(set) var pass: PassInfo?
    public var passText = ""
    public var message: Notice?

    @ObservationIgnored private let services: AppServices

    public init(services: AppServices = .shared) {
        self.services = services
    }

    public func load() async {
        do {
            let state = try await services.core.student { (app: StudentApp) -> (Event?, PassInfo?) in
                (app.event(), app.pass())
            }
            event = state.0
            pass = state.1
        } catch {
            message = .failure(error)
        }
    }

    public func importBundle(from url: URL) async {
        do {
            event = try await services.core.student { (app: StudentApp) in
                try app.importBundle(bytes: AppFiles.readPicked(url))
            }
            await services.reminders.reschedule()
        } catch {
            message = .failure(error)
        }
    }

    public func importPass(_ text: String) async {
        do {
            pass = try await services.core.student { (app: StudentApp) in
                try app.importPass(text: text)
            }
            passText = ""
            await services.reminders.reschedule()
        } catch {
            message = .failure(error)
        }
    }
}
