// Choosing the station: the session (college, room, date, windows) this phone guards, and, when
// several phones share that door, this phone's photo-number letter (A012, B007…).

import PhotoDayCore
import SwiftUI

@MainActor
final class StationModel: ObservableObject {
    @Published var lane = ""
    @Published private(set) var station: Station?
    @Published var message: String?

    func load() async {
        station = try? await CoreService.shared.scanner { (app: ScannerApp) in
            app.station()
        }
        lane = station?.lane ?? ""
    }

    func choose(_ session: UInt8) async -> Bool {
        // The core validates the letter and reads an empty one as "no letter".
        let letter = lane
        do {
            station = try await CoreService.shared.scanner { (app: ScannerApp) in
                try app.setStation(session: session, lane: letter)
            }
            return true
        } catch {
            message = ErrorText.of(error)
            return false
        }
    }
}

struct StationPickerView: View {
    let event: Event

    @StateObject var model = StationModel()
    @EnvironmentObject var version: DataVersion
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
                        SessionRow(session: session, chosen: model.station?.session == session.number)
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
