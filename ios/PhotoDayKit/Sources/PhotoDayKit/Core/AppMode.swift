// A phone is either a student's or a door device; the choice is kept across launches.

import Foundation

public enum AppMode: String, CaseIterable, Identifiable, Sendable {
    case student
    case staff

    public var id: String { rawValue }

    /// The key under which the choice is stored (`@AppStorage`).
    public static let storageKey = "photoday.mode"
}
