// PhotoDay for iOS: a thin SwiftUI shell over the Rust core (DESIGN §2). A phone is a student's
// (slot, pass, 采集码, checklist, reminders) or a door device (scan, photo numbers, batches, logs).
// Files arrive through the share sheet or "Open in PhotoDay" (Info.plist declares .pdb bundles and
// .pdl logs) and are handed to the mode that can take them.

import SwiftUI

@main
struct PhotoDayApp: App {
    @StateObject private var version = DataVersion()
    @State private var incoming: IncomingFile?

    var body: some Scene {
        WindowGroup {
            RootView(incoming: $incoming)
                .environmentObject(version)
                .onOpenURL { url in
                    incoming = IncomingFile(url: url)
                }
        }
    }
}
