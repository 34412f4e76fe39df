// The core decides a verdict's colour; these are the exact shades, chosen to read from a metre
// away in a bright corridor, with text in the colour that contrasts with each.

import SwiftUI
import PhotoDayCore

enum VerdictPalette {
    static func background(_ colour: Colour) -> Color {
        switch colour {
        case .green: return Color(red: 0.09, green: 0.55, blue: 0.23)
        case .amber: return Color(red: 0.98, green: 0.69, blue: 0.05)
        case .red: return Color(red: 0.80, green: 0.13, blue: 0.13)
        }
    }

    static func foreground(_ colour: Colour) -> Color {
        switch colour {
        case .green, .red: return .white
        case .amber: return .black
        }
    }
}
