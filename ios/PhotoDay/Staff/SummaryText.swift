// The sentence for a model's message (PhotoDayKit's `Message`) that the core does not word itself:
// a student bundle imported, the student's number kept, a log on the wrong side, an empty
// clipboard, a purge, and the core's own message for a refusal. Staff results (imports, undo,
// step-aside, batch shot) are the core's texts and never come here. The words live here, next to
// the String Catalog.

import Foundation
import PhotoDayCore
import PhotoDayKit

enum SummaryText {
    static func of(_ message: Message) -> String {
        switch message {
        case .failed(let sentence):
            return sentence
        case .said(let text):
            return text.localized
        case .shotRecorded(let shot):
            return shot.label.localized
        case .noBundleOnClipboard:
            return String(localized: "The clipboard holds no bundle file. Copy the .photoday file first.")
        case .doorDataPurged:
            return String(localized: "The roster, the bundle and the records are deleted from this phone.")
        case .studentDataPurged:
            return String(localized: "Your pass, collection code and ticks are deleted from this phone.")
        }
    }
}
