// Setting the station up: the role (door check-in, studio numbers, or both for a small room), the
// room this phone guards all day (the session follows the clock), the photo-number letter when a
// second studio phone numbers in the room, and whether the studio asks for the 采集码. The core's
// warning about another phone numbering under the same prefix is shown before the scanner opens.

import PhotoDayCore
import PhotoDayKit
import SwiftUI

struct StationPickerView: View {
    @State var model = StationModel()
    @Environment(DataVersion.self) var version
    @Environment(\.dismiss) var dismiss

    var body: some View {
        List {
            Section {
                Picker("Role", selection: $model.role) {
                    ForEach(model.roleOptions, id: \.role) { choice in
                        Text(verbatim: choice.label.localized).tag(choice.role)
                    }
                }
                .pickerStyle(.inline)
                .labelsHidden()
            } header: {
                Text("What does this phone do?")
            }
            if model.role != .door {
                Section {
                    Picker("Photo-number letter", selection: $model.lane) {
                        ForEach(model.letterChoices, id: \.self) { choice in
                            Text(verbatim: choice.label.localized).tag(choice.lane)
                        }
                    }
                    if let station = model.station, station.role != .door {
                        Toggle("Ask for the collection code before numbering", isOn: Binding(
                            get: { station.checkCode },
                            set: { on in Task { await model.setCheckCode(on) } }))
                    }
                }
            }
            Section("Which room does this phone guard?") {
                ForEach(model.rooms, id: \.self) { room in
                    Button {
                        Task {
                            if await model.choose(room), model.warning == nil {
                                done()
                            }
                        }
                    } label: {
                        HStack {
                            Text(verbatim: room)
                                .font(.headline)
                                .foregroundColor(.primary)
                            Spacer()
                            if model.isChosen(room) {
                                Image(systemName: "checkmark")
                                    .foregroundColor(.accentColor)
                            }
                        }
                    }
                }
            }
        }
        .navigationTitle("Station")
        .task { await model.load() }
        .messageAlert($model.message)
        .alert(
            "Another phone numbers here",
            isPresented: Binding(get: { model.warning != nil }, set: { shown in if !shown { model.warning = nil } }),
            presenting: model.warning
        ) { _ in
            Button("OK") { done() }
        } message: { warning in
            Text(verbatim: warning.localized)
        }
    }

    private func done() {
        model.warning = nil
        version.bump()
        dismiss()
    }
}
