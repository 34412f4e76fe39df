// The student's side: today, the pass, the 采集码, the checklist, and the rest of the notice.

import PhotoDayCore
import SwiftUI

struct StudentRootView: View {
    @Binding var incoming: IncomingFile?
    let leave: () -> Void

    @StateObject var model = StudentRootModel()
    @EnvironmentObject var version: DataVersion

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

@MainActor
final class StudentRootModel: ObservableObject {
    @Published var message: String?

    /// At launch: the schedule may have moved on (a reminder passed, a newer bundle), so the
    /// notifications are laid again.
    func start() async {
        await ReminderScheduler.reschedule()
    }

    /// A file opened with PhotoDay: a student bundle is imported; a door log is not for this side.
    func open(_ file: IncomingFile) async {
        switch file {
        case .bundle(let url):
            do {
                let event = try await CoreService.shared.student { (app: StudentApp) in
                    try app.importBundle(bytes: AppFiles.readIncoming(url))
                }
                message = String(localized: "Imported: \(event.title.localized)")
                await ReminderScheduler.reschedule()
            } catch {
                message = ErrorText.of(error)
            }
        case .log:
            message = String(localized: "This is a door log. Open it on a door phone.")
        }
    }
}
