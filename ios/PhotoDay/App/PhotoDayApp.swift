// PhotoDay for iOS: a renderer of the pages the Rust core describes (DESIGN §2), plus the glue
// only iOS has: camera, files, photos, clipboard, notifications, brightness, haptics. A file
// opened with PhotoDay (Info.plist declares .photoday bundles and .photodaylog logs) is handed to
// the core as an import, which tells a bundle from a log or a pass by its content.

import PhotoDayKit
import SwiftUI
import UIKit

@main
struct PhotoDayApp: App {
    @State private var model = PageModel(
        reminderCenter: LocalNotifications(), clipboard: { UIPasteboard.general.string })

    var body: some Scene {
        WindowGroup {
            PageView(model: model)
                .onOpenURL { url in
                    // "Open in PhotoDay" leaves iOS's copy in Documents/Inbox; it goes once read.
                    if let data = try? AppFiles.readIncoming(url) {
                        Task { await model.open(data) }
                    } else {
                        model.say(model.words.fileUnreadable, .refused)
                    }
                }
        }
    }
}
