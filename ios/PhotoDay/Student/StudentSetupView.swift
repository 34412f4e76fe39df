// Setting up a student's phone: the event file from the 教务处 (a student bundle, .pdb) and the
// student's own pass (`PD1:…`, pasted from the liaison's message, typed, or scanned from a printed
// sheet). The core verifies the pass against the bundle's keys right away, so a typo or another
// event's pass is caught now rather than at the door.

import PhotoDayCore
import PhotoDayKit
import SwiftUI
import UIKit
import UniformTypeIdentifiers

struct StudentSetupView: View {
    @State var model = StudentSetupModel()
    @Environment(DataVersion.self) var version
    @State var choosingFile = false
    @State var scanning = false

    var body: some View {
        Form {
            Section("Event file") {
                if let event = model.event {
                    Text(verbatim: event.title.localized)
                        .font(.headline)
                    Text(verbatim: event.noticeRef)
                        .foregroundColor(.secondary)
                }
                Button("Import the event file (.pdb)…") { choosingFile = true }
            }
            Section {
                if let pass = model.pass {
                    LabeledValue(label: "Student number", value: String(pass.studentNo))
                }
                TextField("PD1:…", text: $model.passText)
                    .font(.system(.body, design: .monospaced))
                    .textInputAutocapitalization(.characters)
                    .disableAutocorrection(true)
                HStack {
                    Button("Paste") {
                        model.passText = UIPasteboard.general.string ?? model.passText
                    }
                    Spacer()
                    Button("Scan") { scanning = true }
                }
                .buttonStyle(.borderless)
                Button("Add pass") {
                    let text = model.passText
                    Task { await submit(text) }
                }
                .disabled(model.passText.isEmpty)
            } header: {
                Text("Your pass")
            } footer: {
                Text("The pass is the text your college liaison sent you; it starts with PD1:.")
            }
        }
        .navigationTitle("Set up")
        .task { await model.load() }
        .fileImporter(isPresented: $choosingFile, allowedContentTypes: [.photoDayBundle, .data]) { result in
            guard case .success(let url) = result else { return }
            Task {
                await model.importBundle(from: url)
                version.bump()
            }
        }
        .sheet(isPresented: $scanning) {
            CameraGate {
                QRScannerView { text in
                    // The camera reports a code many times a second; take the first.
                    guard scanning else { return }
                    scanning = false
                    Task { await submit(text) }
                }
                .ignoresSafeArea()
            }
        }
        .messageAlert($model.message)
    }

    @MainActor
    private func submit(_ text: String) async {
        await model.importPass(text)
        version.bump()
    }
}
