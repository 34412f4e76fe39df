// The door device's settings: its id (named in "already admitted on …"), the station, how early
// and how late around a window the door still admits, a newer bundle, and switching the phone back
// to student mode.

import PhotoDayCore
import PhotoDayKit
import SwiftUI

struct DoorSettingsView: View {
    let leave: () -> Void

    @State var model = DoorSettingsModel()
    @Environment(\.dismiss) var dismiss

    var body: some View {
        NavigationView {
            Form {
                Section {
                    NavigationLink(destination: StationPickerView()) {
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
            .doneButton { dismiss() }
            .task { await model.load() }
            .messageAlert($model.message)
        }
    }
}
