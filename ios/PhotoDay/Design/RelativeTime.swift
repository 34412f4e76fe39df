// "in 3 days", "2 小时前": a core moment relative to now, in the UI's language, for countdowns.
// Apple's RelativeDateTimeFormatter has no counterpart on Linux, so this stays with the views.

import Foundation
import PhotoDayKit

enum RelativeTime {
    static func text(unixMs: Int64, now: Date = Date()) -> String {
        let formatter = RelativeDateTimeFormatter()
        formatter.locale = Locale(identifier: Language.uiLocale)
        formatter.unitsStyle = .full
        return formatter.localizedString(for: Clock.date(unixMs: unixMs), relativeTo: now)
    }
}
