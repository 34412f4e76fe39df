// Choosing the station: the session (college, room, date, windows) this phone guards, and, when
// several phones share that door, this phone's photo-number letter (A012, B007…).

import PhotoDayCore
import PhotoDayKit
import SwiftUI

struct StationPickerView: View {
    let event: Event

    @State var model = StationModel()
    @Environment(DataVersion.self) var version
    @Environment(\.dismiss) var dismiss

    var body: some View {
        List {
            Section {
                TextField("Letter, if several phones share this door (A, B…)", text: $model.lane)
                    .textInputAutocapitalization(.characters)
                    .disableAutocorrection(true)
            } footer: {
                Text("Leave it empty when this phone is the only one at its door.")
            }
            Section("Which session does this phone guard?") {
                ForEach(event.sessions, id: \.number) { session in
                    Button {
                        Task {
                            if await model.choose(session.number) {
                                version.bump()
                                dismiss()
                            }
                        }
                    } label: {
                        SessionRow(session: session, chosen: model.isChosen(session.number))
                    }
                }
            }
        }
        .navigationTitle("Station")
        .task { await model.load() }
        .messageAlert($model.message)
    }
}

struct SessionRow: View {
    let session: Session
    var chosen = false

    var body: some View {
        HStack {
            VStack(alignment: .leading, spacing: 2) {
                Text(verbatim: "\(session.number). \(session.college.localized)")
                    .font(.headline)
                Text(verbatim: "\(session.date) \(session.windowsLabel)")
                    .font(.subheadline.monospacedDigit())
                Text(verbatim: session.room.localized)
                    .font(.subheadline)
                    .foregroundColor(.secondary)
            }
            .foregroundColor(.primary)
            Spacer()
            if chosen {
                Image(systemName: "checkmark")
                    .foregroundColor(.accentColor)
            }
        }
    }
}
