// Which of the core's two languages to show.
//
// Every text the core returns carries Chinese and English (`BilingualText`); the core also owns
// the rule that picks one (`textIn`, with its fallback) and the locale mapping (`langFromLocale`).
// The app only supplies the localization iOS chose for its own String Catalog, so the core's
// texts and the app's labels are always in the same language.

import Foundation
import PhotoDayCore

public enum Language {
    /// The localization the app's UI is shown in (`zh-Hans` or `en`).
    public static let uiLocale: String = Bundle.main.preferredLocalizations.first ?? "zh-Hans"

    /// The core's language for that localization.
    public static let current: Lang = langFromLocale(locale: uiLocale)
}

extension BilingualText {
    /// The text in the UI's language (the core falls back to the other one when it is empty).
    public var localized: String {
        textIn(lang: Language.current)
    }
}
