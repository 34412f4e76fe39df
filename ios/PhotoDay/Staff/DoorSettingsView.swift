// The door device's settings: its id (named in "already admitted on …"), the station, how early
// and how late around a window the door still admits, a newer bundle, and switching the phone back
// to student mode.

import PhotoDayCore
import SwiftUI

@MainActor
final class DoorSettingsModel: ObservableObject {
    @Published private(set) var deviceId = ""
    @Published var earlyMinutes = 0
    @Published var lateMinutes = 0
    @Published var message: String?

    func load() async {
        do {
            let state = try await CoreService.shared.scanner { (app: ScannerApp) -> (String, Tolerance) in
                (app.deviceId(), app.tolerance())
            }
            deviceId = state.0
            earlyMinutes = Int(state.1.earlyMinutes)
            lateMinutes = Int(state.1.lateMinutes)
        } catch {
            message = ErrorText.of(error)
        }
    }

    func saveTolerance() async {
        let tolerance = Tolerance(earlyMinutes: UInt32(earlyMinutes), lateMinutes: UInt32(lateMinutes))
        do {
            try await CoreService.shared.scanner { (app: ScannerApp) in
                try app.setTolerance(tolerance: tolerance)
            }
        } catch {
            message = ErrorText.of(error)
        }
    }
}

struct DoorSettingsView: View {
    let event: Event
    let leave: () -> Void

    @StateObject var model = DoorSettingsModel()
    @Environment(\.dismiss) var dismiss

    var body: some View {
        NavigationView {
            Form {
                Section {
                    NavigationLink(destination: StationPickerView(event: event)) {
                        Label("Change station", systemImage: "door.left.hand.open")
                    }
                    NavigationLink(destination: BundleImportView()) {
                        Label("Import a newer bundle", systemImage: "square.and.arrow.down")
                    }
                }
                Section {
                    Stepper(value: $model.earlyMinutes, in: 0...240, step: 5) {
                        Text("Admit up to \(model.earlyMinutes) min early")
                    }
                    Stepper(value: $model.lateMinutes, in: 0...240, step: 5) {
                        Text("Admit up to \(model.lateMinutes) min late")
                    }
                    Button("Save") {
                        Task { await model.saveTolerance() }
                    }
                } header: {
                    Text("Around the session's windows")
                }
                Section("This device") {
                    LabeledValue(label: "Device", value: model.deviceId)
                    LabeledValue(label: "Core version", value: coreVersion())
                    Button("Use this phone as a student's", action: leave)
                }
            }
            .navigationTitle("Settings")
            .toolbar {
                ToolbarItem(placement: .confirmationAction) {
                    Button("Done") { dismiss() }
                }
            }
            .task { await model.load() }
            .messageAlert($model.message)
        }
    }
}
