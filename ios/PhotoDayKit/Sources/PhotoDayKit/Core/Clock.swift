// The core takes time as a parameter (Unix milliseconds), so it can tell a phone whose clock is
// wrong; this is the one place the app reads the clock for it.

import Foundation

public enum Clock {
    @Sendable
    public static func nowMs() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1000).rounded())
    }

    /// A core timestamp as a platform date, for the system's relative-time formatting.
    public static func date(unixMs: Int64) -> Date {
        Date(timeIntervalSince1970: TimeInterval(unixMs) / 1000)
    }
}
