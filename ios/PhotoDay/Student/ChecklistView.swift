// The notice's checklist (clothes, no glasses, hair off the forehead and ears…) with the
// student's ticks, which the core keeps.

import PhotoDayCore
import SwiftUI

@MainActor
final class ChecklistModel: ObservableObject {
    @Published private(set) var items: [ChecklistItem] = []
    @Published var message: String?

    func load() async {
        do {
            items = try await CoreService.shared.student { (app: StudentApp) in
                try app.checklist()
            }
        } catch {
            message = ErrorText.of(error)
        }
    }

    func toggle(_ item: ChecklistItem) async {
        let id = item.id
        let ticked = !item.ticked
        do {
            items = try await CoreService.shared.student { (app: StudentApp) in
                try app.setTick(id: id, ticked: ticked, nowMs: Clock.nowMs())
            }
        } catch {
            message = ErrorText.of(error)
        }
    }
}

struct ChecklistView: View {
    @StateObject var model = ChecklistModel()
    @EnvironmentObject var version: DataVersion

    var body: some View {
        NavigationView {
            List {
                if model.items.isEmpty {
                    Text("The checklist appears once the event file is imported.")
                        .foregroundColor(.secondary)
                }
                ForEach(model.items, id: \.id) { item in
                    Button {
                        Task {
                            await model.toggle(item)
                            version.bump()
                        }
                    } label: {
                        HStack(alignment: .firstTextBaseline) {
                            Image(systemName: item.ticked ? "checkmark.square.fill" : "square")
                                .foregroundColor(item.ticked ? .green : .secondary)
                            Text(verbatim: item.text.localized)
                                .foregroundColor(.primary)
                        }
                    }
                }
            }
            .navigationTitle("Checklist")
            .task(id: version.value) { await model.load() }
            .messageAlert($model.message)
        }
        .navigationViewStyle(.stack)
    }
}
