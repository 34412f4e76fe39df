// The staff device: first the scanner bundle, then the station (the room this phone guards and
// its role), then the scanner. Files opened with PhotoDay (a newer bundle, another phone's log)
// are imported here whatever screen is showing.

import PhotoDayCore
import PhotoDayKit
import SwiftUI

struct StaffRootView: View {
    @Binding var incoming: IncomingFile?
    let leave: () -> Void

    @State var model = StaffModel()
    @Environment(DataVersion.self) var version

    var body: some View {
        Group {
            if !model.loaded {
                ProgressView()
            } else if let event = model.event, let station = model.station {
                DoorView(event: event, station: station, leave: leave)
            } else if model.event != nil {
                NavigationView {
                    StationPickerView()
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
            await model.open(file.document)
            incoming = nil
            version.bump()
        }
        .messageAlert($model.message)
    }
}
