// Checking in by hand a student with no phone and no printout: by student number, with an
// optional note. The core judges it like a scan (wrong session, outside the window, already in…)
// and the door screen shows its verdict.

import PhotoDayCore
import PhotoDayKit
import SwiftUI

struct ManualCheckInView: View {
    let onOutcome: (ScanOutcome, DoorInput) -> Void

    @State var model = ManualCheckInModel()
    @Environment(\.dismiss) var dismiss
    @FocusState var numberFocused: Bool

    var body: some View {
        NavigationView {
            Form {
                Section {
                    TextField("Student number", text: $model.number)
                        .keyboardType(.numberPad)
                        .font(.system(.title2, design: .monospaced))
                        .focused($numberFocused)
                    TextField("Note (optional)", text: $model.note)
                } footer: {
                    Text("For a student without a phone or a printed pass. Check their student card.")
                }
                Button("Check in") {
                    Task {
                        if let result = await model.checkIn() {
                            onOutcome(result.0, result.1)
                            dismiss()
                        }
                    }
                }
                .disabled(model.studentNo == nil)
            }
            .navigationTitle("Manual check-in")
            .navigationBarTitleDisplayMode(.inline)
            .toolbar {
                ToolbarItem(placement: .cancellationAction) {
                    Button("Cancel") { dismiss() }
                }
            }
            .onAppear { numberFocused = true }
            .messageAlert($model.message)
        }
    }
}

/// The reason for admitting over an outside-window or not-on-roster verdict; the core records it.
struct OverrideView: View {
    let onAdmit: (String) -> Void

    @State var reason = ""
    @Environment(\.dismiss) var dismiss

    var body: some View {
        NavigationView {
            Form {
                Section {
                    TextField("Reason", text: $reason)
                } footer: {
                    Text("The reason is recorded with the admission and appears in the 教务处's report.")
                }
                Button("Admit") {
                    onAdmit(reason)
                    dismiss()
                }
                .disabled(!OverrideReason.isGiven(reason))
            }
            .navigationTitle("Admit anyway")
            .navigationBarTitleDisplayMode(.inline)
            .toolbar {
                ToolbarItem(placement: .cancellationAction) {
                    Button("Cancel") { dismiss() }
                }
            }
        }
    }
}
