// The staff device: the core's status says what it needs — the scanner bundle, then the station
// (the room this phone guards and its role) — before the scanner opens. A file opened with
// PhotoDay (a newer bundle, another phone's log) is imported whatever screen is showing.

import PhotoDayCore
import PhotoDayKit
import SwiftUI

struct StaffRootView: View {
    @Binding var incoming: URL?
    let leave: () -> Void

    @State var door = ScanModel()
    @State var files = StaffImportModel()
    @Environment(DataVersion.self) var version

    var body: some View {
        Group {
            switch door.screen?.status {
            case nil:
                ProgressView()
            case .ready?:
                DoorView(model: door, leave: leave)
            case .needsStation?:
                NavigationView { StationPickerView() }
                    .navigationViewStyle(.stack)
            case .needsBundle?:
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
        .task(id: version.value) { await door.load() }
        .task(id: incoming) {
            guard let file = incoming else { return }
            await files.open(file)
            incoming = nil
            version.bump()
        }
        .reportAlert($files.report)
        .messageAlert($files.message)
        .messageAlert($door.message)
    }
}

extension View {
    /// The core's line about an import, as an alert.
    func reportAlert(_ report: Binding<String?>) -> some View {
        alert("PhotoDay", isPresented: Binding(get: { report.wrappedValue != nil }, set: { if !$0 { report.wrappedValue = nil } })) {
            Button("OK", role: .cancel) {}
        } message: {
            Text(verbatim: report.wrappedValue ?? "")
        }
    }
}

extension View {
    /// A sheet's "Done" button.
    func doneButton(_ done: @escaping () -> Void) -> some View {
        toolbar {
            ToolbarItem(placement: .confirmationAction) {
                Button("Done", action: done)
            }
        }
    }
}
