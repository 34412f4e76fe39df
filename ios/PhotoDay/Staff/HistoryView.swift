// What this phone recorded lately — check-ins, numbers, step-asides, newest first, each line the
// core's — with an Undo on the lines the core still allows (its own, within its few minutes, not
// undone, not photographed), also after a restart. A refusal is the core's sentence.

import PhotoDayCore
import PhotoDayKit
import SwiftUI

struct HistoryView: View {
    @State var model = HistoryModel()
    @State var undoing: HistoryEntry?
    @Environment(\.dismiss) var dismiss

    var body: some View {
        NavigationView {
            List {
                ForEach(model.entries, id: \.recordSeq) { entry in
                    HStack {
                        Text(verbatim: entry.text.localized)
                            .font(.body.monospacedDigit())
                            .foregroundColor(entry.cancelled ? .secondary : .primary)
                        Spacer()
                        if entry.canUndo {
                            Button("Undo") { undoing = entry }
                                .buttonStyle(.bordered)
                        }
                    }
                }
                if model.loaded && model.entries.isEmpty {
                    Text("Nothing recorded on this phone yet.")
                        .foregroundColor(.secondary)
                }
            }
            .navigationTitle("Recent")
            .doneButton { dismiss() }
            .refreshable { await model.load() }
            .task { await model.load() }
            .confirmationDialog(
                "Undo this record?",
                isPresented: Binding(get: { undoing != nil }, set: { shown in if !shown { undoing = nil } }),
                titleVisibility: .visible, presenting: undoing
            ) { entry in
                Button("Undo", role: .destructive) { Task { await model.undo(entry) } }
            } message: { entry in
                Text(verbatim: entry.text.localized)
            }
            .messageAlert($model.message)
        }
    }
}
