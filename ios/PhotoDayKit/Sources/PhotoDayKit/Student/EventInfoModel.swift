// The notice, readable offline: its instructions section by section, the fee, the 补拍 make-up,
// the 学信网 check, and whom to ask.

import Foundation
import Observation
import PhotoDayCore

@MainActor
@Observable
public final class EventInfoModel {
    public private(set) var event: Event?
    /// The fee as a student reads it, from the core: pay the liaison before the colleges'
    /// transfer deadline (the colleges' account in `event.fee.payTo` is the liaisons').
    public private(set) var feeNote: BilingualText?

    @ObservationIgnored private let services: AppServices

    public init(services: AppServices = .shared) {
        self.services = services
    }

    public func load() async {
        let loaded = try? await services.core.student { (app: StudentApp) in
            (app.event(), app.feeNote())
        }
        event = loaded?.0
        feeNote = loaded?.1
    }
}

/// A phone number as the system dials it: `tel:` and the digits, spaces dropped (the core gives
/// numbers dialable as written, `020-83398378`).
public enum PhoneNumber {
    public static func dialURL(_ number: String) -> URL? {
        let compact = number.filter { !$0.isWhitespace }
        guard !compact.isEmpty else { return nil }
        return URL(string: "tel:\(compact)")
    }
}
