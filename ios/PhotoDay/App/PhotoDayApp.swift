// PhotoDay for iOS: a thin SwiftUI shell over the Rust core (DESIGN §2). A phone is a student's
// (slot, pass, 采集码, checklist, reminders) or a door device (scan, photo numbers, batches, logs).
// Files arrive through the share sheet or "Open in PhotoDay" (Info.plist declares .photoday
// bundles and .photodaylog logs) and are handed to the side showing, whose core recognises them by
// content. Everything that does not draw lives in PhotoDayKit; here the app gives it the iOS
// notification centre and the verdict sounds.

import PhotoDayKit
import SwiftUI

@main
struct PhotoDayApp: App {
    @State private var version = DataVersion()
    @State private var incoming: URL?

    init() {
        AppServices.shared = AppServices(reminderCenter: LocalNotifications(), feedback: Feedback.play)
    }

    var body: some Scene {
        WindowGroup {
            RootView(incoming: $incoming)
                .environment(version)
                .onOpenURL { url in
                    incoming = url
                }
        }
    }
}
