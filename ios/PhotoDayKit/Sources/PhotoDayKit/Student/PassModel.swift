// The check-in pass to show at the door: the core's QR matrix, the student number and the room
// under it so the door staff can check by eye.

import Foundation
import Observation
import PhotoDayCore

@MainActor
@Observable
public final class PassModel {
    public private(set) var code: QrCode?
    public private(set) var pass: PassInfo?
    public private(set) var slot: Slot?
    public private(set) var error: String?

    @ObservationIgnored private let services: AppServices

    public init(services: AppServices = .shared) {
        self.services = services
    }

    public func load() async {
        do {
            let shown = try await services.core.student { (app: StudentApp) -> (QrCode, PassInfo?, Slot?) in
                let code = try app.passQr()
                return (code, app.pass(), app.slot())
            }
            code = shown.0
            pass = shown.1
            slot = shown.2
            error = nil
        } catch {
            code = nil
            self.error = ErrorText.of(error)
        }
    }
}
