// The sentence to show for a failed core call.
//
// The core's `PhotoDayError` carries a message written for the user in every kind; uniffi's Swift
// only exposes it through the case payload (its `errorDescription` is a debug dump), so it is
// unwrapped here. Anything else (a Rust panic arrives as uniffi's internal error, a file that
// cannot be read as a Cocoa error) shows the system's description.

import Foundation
import PhotoDayCore

extension PhotoDayError {
    /// The core's message, to show as is.
    public var message: String {
        switch self {
        case .NotReady(let message),
             .InvalidInput(let message),
             .BadBundle(let message),
             .BadLog(let message),
             .Storage(let message),
             .Io(let message),
             .Internal(let message):
            return message
        }
    }
}

public enum ErrorText {
    public static func of(_ error: Error) -> String {
        if let core = error as? PhotoDayError {
            return core.message
        }
        return error.localizedDescription
    }
}
