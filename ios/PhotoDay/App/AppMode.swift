// A phone is either a student's or a door device; the choice is kept across launches.

import Foundation

enum AppMode: String, CaseIterable, Identifiable {
    case student
    case staff

    var id: String { rawValue }

    /// The key under which the choice is stored (`@AppStorage`).
    static let storageKey = "photoday.mode"
}
