// The notice, readable offline, as the core lays it out (`StudentApp.notice`): the fee as a
// student pays it, the 补拍 make-up, the 学信网 check, whom to call, then each instruction section
// of the notice, every line in both languages and each phone number with the number to dial.

import Foundation
import Observation
import PhotoDayCore

@MainActor
@Observable
public final class EventInfoModel {
    /// The notice screen; nil before a pack is imported.
    public private(set) var notice: Notice?

    @ObservationIgnored private let services: AppServices

    public init(services: AppServices = .shared) {
        self.services = services
    }

    public func load() async {
        notice = try? await services.core.student { (app: StudentApp) in app.notice() }
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
