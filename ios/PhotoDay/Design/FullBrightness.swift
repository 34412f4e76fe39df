// While a code is shown to a scanner, the screen is at full brightness and never dims or locks.
// iOS resets the brightness when the app leaves the foreground, so it is raised again on return;
// the user's brightness comes back when the code is closed.

import SwiftUI
import UIKit

struct FullBrightness: ViewModifier {
    @Environment(\.scenePhase) var scenePhase
    @State var savedBrightness: CGFloat?

    func body(content: Content) -> some View {
        content
            .onAppear(perform: raise)
            .onDisappear(perform: restore)
            .onChange(of: scenePhase) { _, phase in
                if phase == .active { raise() }
            }
    }

    private func raise() {
        if savedBrightness == nil {
            savedBrightness = UIScreen.main.brightness
        }
        UIScreen.main.brightness = 1
        UIApplication.shared.isIdleTimerDisabled = true
    }

    private func restore() {
        if let brightness = savedBrightness {
            UIScreen.main.brightness = brightness
        }
        savedBrightness = nil
        UIApplication.shared.isIdleTimerDisabled = false
    }
}

extension View {
    /// Full brightness and no auto-lock while this view is on screen, when `on` (the core's
    /// `Page.bright`: a pass, a 采集码 for the photographer, the log codes).
    @ViewBuilder
    func fullBrightness(_ on: Bool) -> some View {
        if on {
            modifier(FullBrightness())
        } else {
            self
        }
    }
}
