// The notice's checklist (clothes, no glasses, hair off the forehead and ears…) with the
// student's ticks, which the core keeps.

import PhotoDayCore
import PhotoDayKit
import SwiftUI

struct ChecklistView: View {
    @State var model = ChecklistModel()
    @Environment(DataVersion.self) var version

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
