// The door device: first the scanner bundle, then the station (the session this phone guards),
// then the scanner. Files opened with PhotoDay (a newer bundle, another phone's log) are imported
// here whatever screen is showing.

import PhotoDayCore
import SwiftUI

@MainActor
final class StaffModel: ObservableObject {
    @Published private(set) var loaded = false
    @Published private(set) var event: Event?
    @Published private(set) var station: Station?
    @Published var message: String?

    func load() async {
        do {
            let state = try await CoreService.shared.scanner { (app: ScannerApp) -> (Event?, Station?) in
                (app.event(), app.station())
            }
            event = state.0
            station = state.1
        } catch {
            message = ErrorText.of(error)
        }
        loaded = true
    }

    func open(_ file: IncomingFile) async {
        do {
            switch file {
            case .bundle(let url):
                let summary = try await CoreService.shared.scanner { (app: ScannerApp) in
                    try app.importBundle(bytes: AppFiles.readIncoming(url))
                }
                message = SummaryText.bundle(summary)
            case .log(let url):
                let summary = try await CoreService.shared.scanner { (app: ScannerApp) in
                    try app.importLog(bytes: AppFiles.readIncoming(url))
                }
                message = SummaryText.log(summary)
            }
        } catch {
            message = ErrorText.of(error)
        }
    }
}

struct StaffRootView: View {
    @Binding var incoming: IncomingFile?
    let leave: () -> Void

    @StateObject var model = StaffModel()
    @EnvironmentObject var version: DataVersion

    var body: some View {
        Group {
            if !model.loaded {
                ProgressView()
            } else if let event = model.event, let station = model.station {
                DoorView(event: event, station: station, leave: leave)
            } else if let event = model.event {
                NavigationView {
                    StationPickerView(event: event)
                }
                .navigationViewStyle(.stack)
            } else {
                NavigationView {
                    BundleImportView()
                        .toolbar {
                            ToolbarItem(placement: .cancellationAction) {
                                Button("Student mode", action: leave)
                            }
                        }
                }
                .navigationViewStyle(.stack)
            }
        }
        .task(id: version.value) { await model.load() }
        .task(id: incoming) {
            guard let file = incoming else { return }
            await model.open(file)
            incoming = nil
            version.bump()
        }
        .messageAlert($model.message)
    }
}
