// Checking in by hand a student with no phone and no printout: their student number as typed
// (full-width digits too) and an optional note go to the core, which judges it like a scan (wrong
// session, outside the window, already in…); the door screen shows its verdict. And the reason
// staff give to let a student through over an overridable verdict.

import SwiftUI

struct ManualCheckInView: View {
    let submit: (String, String?) -> Void

    @State var number = ""
    @State var note = ""
    @Environment(\.dismiss) var dismiss
    @FocusState var numberFocused: Bool

    var body: some View {
        NavigationView {
            Form {
                Section {
                    TextField("Student number", text: $number)
                        .keyboardType(.numberPad)
                        .font(.system(.title2, design: .monospaced))
                        .focused($numberFocused)
                    TextField("Note (optional)", text: $note)
                } footer: {
                    Text("For a student without a phone or a printed pass. Check their student card.")
                }
                Button("Check in") {
                    submit(number, note)
                    dismiss()
                }
                .disabled(number.isEmpty)
            }
            .navigationTitle("Manual check-in")
            .navigationBarTitleDisplayMode(.inline)
            .toolbar {
                ToolbarItem(placement: .cancellationAction) {
                    Button("Cancel") { dismiss() }
                }
            }
            .onAppear { numberFocused = true }
        }
    }
}

/// The reason for admitting over an overridable verdict; the core records it (a blank one leaves
/// the card up, unchanged, for staff to try again).
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
