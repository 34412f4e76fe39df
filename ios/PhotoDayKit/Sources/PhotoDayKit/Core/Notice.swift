// A one-line result or refusal a screen shows (an import summary, an undo, a core error).
//
// The models say *what* happened, with the core's records; the app turns it into a sentence of
// its String Catalog (ios/PhotoDay/Staff/SummaryText.swift), so every UI string stays where Xcode
// and tests/ios/check_app.py look for it, and this package needs no localization of its own.

import Foundation
import PhotoDayCore

public enum Notice: Equatable {
    /// A core call failed; the core's (or the system's) sentence, shown as is.
    case failed(String)
    /// A scanner bundle was imported.
    case bundleImported(BundleSummary)
    /// A student bundle was imported: the event's title.
    case studentBundleImported(title: BilingualText)
    /// Another phone's log was merged.
    case logImported(ImportSummary)
    /// A check-in, number or step-aside was undone.
    case undone(UndoOutcome)
    /// A student was stepped aside; their number is voided.
    case steppedAside(StepAsideOutcome)
    /// A batch was recorded photographed.
    case batchClosed(BatchClosed)
    /// The student kept their 摄影编号 (or said they were photographed).
    case shotRecorded(Shot)
    /// A door log was opened on a student's phone.
    case logNeedsDoorPhone
    /// Paste found no bundle file on the clipboard.
    case noBundleOnClipboard
    /// The door phone's roster, bundle and records were deleted.
    case doorDataPurged
    /// The student's pass, 采集码 and ticks were deleted.
    case studentDataPurged

    /// The notice for a failed call.
    public static func failure(_ error: Error) -> Notice {
        .failed(ErrorText.of(error))
    }
}
