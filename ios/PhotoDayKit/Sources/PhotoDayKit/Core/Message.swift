// A one-line result or refusal a screen shows that the core does not word itself (a purge, an
// empty clipboard, the student side's imports) or a core error in the core's own sentence.
//
// Staff results (an import, an undo, a step-aside, a batch shot) are the core's bilingual texts
// and never pass through here. For the rest the models say *what* happened and the app turns it
// into a sentence of its String Catalog (ios/PhotoDay/Staff/SummaryText.swift), so every UI string
// stays where Xcode and tests/ios/check_app.py look for it. (Not `Notice`: that is the core's
// notice screen, `StudentApp.notice`.)

import Foundation
import PhotoDayCore

public enum Message: Equatable {
    /// A core call failed; the core's (or the system's) sentence, shown as is.
    case failed(String)
    /// The core's line for what an import did.
    case said(BilingualText)
    /// The student kept their 摄影编号 (or said they were photographed).
    case shotRecorded(Shot)
    /// Paste found no bundle file on the clipboard.
    case noBundleOnClipboard
    /// The door phone's roster, bundle and records were deleted.
    case doorDataPurged
    /// The student's pass, 采集码 and ticks were deleted.
    case studentDataPurged

    /// The message for a failed call.
    public static func failure(_ error: Error) -> Message {
        .failed(ErrorText.of(error))
    }
}
