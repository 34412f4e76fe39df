// The rest of the student's side: timeline and reminders, the notice offline, setting up again,
// deleting personal data after the day, and switching this phone to the door.

import PhotoDayCore
import PhotoDayKit
import SwiftUI

struct StudentMoreView: View {
    let leave: () -> Void

    @State var model = StudentMoreModel()
    @Environment(DataVersion.self) var version
    @State var confirmingPurge = false

    var body: some View {
        NavigationView {
            List {
                Section {
                    NavigationLink(destination: StudentTimelineView()) {
                        Label("Timeline and reminders", systemImage: "calendar.badge.clock")
                    }
                    NavigationLink(destination: EventInfoView()) {
                        Label("Instructions and contacts", systemImage: "doc.text")
                    }
                    NavigationLink(destination: StudentSetupView()) {
                        Label("Event file and pass", systemImage: "square.and.arrow.down")
                    }
                }
                Section {
                    Button("Delete my data from this phone…", role: .destructive) {
                        confirmingPurge = true
                    }
                    Button("Use this phone at the door instead", action: leave)
                } footer: {
                    Text("PhotoDay has no network access. Everything stays on this phone.")
                }
                Section("About") {
                    LabeledValue(label: "Core version", value: coreVersion())
                }
            }
            .navigationTitle("More")
            .confirmationDialog(
                "Delete your pass, collection code and ticks?",
                isPresented: $confirmingPurge,
                titleVisibility: .visible
            ) {
                Button("Delete", role: .destructive) {
                    Task {
                        await model.purge()
                        version.bump()
                    }
                }
            }
            .messageAlert($model.message)
        }
        .navigationViewStyle(.stack)
    }
}
