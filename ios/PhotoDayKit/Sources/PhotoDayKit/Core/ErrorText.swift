// The sentence to show for a failed core call.
//
// The core's `PhotoDayError` carries a message written for the user in every kind; uniffi's Swift
// only exposes it through the case payload (its `errorDescription` is a debug dump), so it is
// unwrapped here. Anything else (a Rust panic arrives as uniffi's internal error, a file that
// cannot be read as a Cocoa error) shows the system's description.

import Foundation
import PhotoDayCore

extension PhotoDayError {
    /// The core's message in both languages.
    public var text: BilingualText {
        switch self {
        case .NotReady(let text), .InvalidInput(let text), .BadBundle(let text), .BadLog(let text),
             .Storage(let text), .Io(let text), .UndoTooOld(let text), .AlreadyUndone(let text),
             .NotUndoable(let text), .LogCodeDamaged(let text), .LogCodeOtherSequence(let text),
             .NotYourPass(let text), .Internal(let text):
            return text
        }
    }

    /// The core's message in the user's language, to show as is.
    public var message: String { text.textIn(lang: Language.current) }
}

public enum ErrorText {
    public static func of(_ error: Error) -> String {
        if let core = error as? PhotoDayError {
            return core.message
        }
        return error.localizedDescription
    }
}
