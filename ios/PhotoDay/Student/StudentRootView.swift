// The student's side: today, the pass, the 采集码, the checklist, and the rest of the notice.

import PhotoDayCore
import PhotoDayKit
import SwiftUI

struct StudentRootView: View {
    @Binding var incoming: URL?
    let leave: () -> Void

    @State var model = StudentRootModel()
    @Environment(DataVersion.self) var version

    var body: some View {
        TabView {
            StudentHomeView()
                .tabItem { Label("Today", systemImage: "calendar") }
            PassView()
                .tabItem { Label("Pass", systemImage: "qrcode") }
            CollectionCodeView()
                .tabItem { Label("Collection code", systemImage: "photo.on.rectangle") }
            ChecklistView()
                .tabItem { Label("Checklist", systemImage: "checklist") }
            StudentMoreView(leave: leave)
                .tabItem { Label("More", systemImage: "ellipsis.circle") }
        }
        .task {
            await model.start()
        }
        .task(id: incoming) {
            guard let file = incoming else { return }
            await model.open(file)
            incoming = nil
            version.bump()
        }
        .messageAlert($model.message)
    }
}

