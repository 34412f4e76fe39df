// Setting up a student's phone, as the core's setup step says: the pack from the class group
// (opened from the chat app, or chosen in Files), the 学号 typed once, then the pass (签到码) card
// from the photo album — the core reads its QR — or the pass text pasted or scanned. A classmate's
// card is refused in the core's words, naming both numbers. Three taps after the pack.

import PhotoDayCore
import PhotoDayKit
import SwiftUI
import UIKit
import UniformTypeIdentifiers

struct StudentSetupView: View {
    @State var model = StudentSetupModel()
    @Environment(DataVersion.self) var version
    @State var choosingFile = false
    @State var picking = false
    @State var scanning = false

    var body: some View {
        Form {
            if let note = model.passReplaced {
                Section { Text(verbatim: note.localized) }
            }
            if let hint = model.home?.setupHint {
                Section { Text(verbatim: hint.localized).font(.headline) }
            }
            if let refusal = model.refusal {
                Section { Text(verbatim: refusal.message).foregroundColor(.red) }
            }
            if let slot = model.home?.slot {
                SlotCard(slot: slot, className: nil, countdown: nil)
            }
            switch model.home?.setupStep {
            case .importBundle?:
                Section {
                    Button("Open the pack from your liaison…") { choosingFile = true }
                }
            case .enterStudentNo?:
                Section("Student number") {
                    TextField("Student number", text: $model.studentNoText)
                        .keyboardType(.numberPad)
                    Button("OK") {
                        let text = model.studentNoText
                        Task { await model.submitStudentNo(text); version.bump() }
                    }
                    .disabled(model.studentNoText.isEmpty)
                }
            case .importPass?:
                Section {
                    Button("Pick my pass card from the album") {
                        model.openAlbum()
                        picking = true
                    }
                    Button("Scan the pass card") { scanning = true }
                    TextField("PD1:…", text: $model.passText)
                        .font(.system(.body, design: .monospaced))
                        .textInputAutocapitalization(.characters)
                        .disableAutocorrection(true)
                    HStack {
                        Button("Paste") {
                            model.passText = UIPasteboard.general.string ?? model.passText
                        }
                        Spacer()
                        Button("Add pass") {
                            let text = model.passText
                            Task { await model.importPass(text); version.bump() }
                        }
                        .disabled(model.passText.isEmpty)
                    }
                    .buttonStyle(.borderless)
                }
            default:
                EmptyView()
            }
        }
        .navigationTitle("Set up")
        .task(id: version.value) { await model.load() }
        .fileImporter(isPresented: $choosingFile, allowedContentTypes: [.photoDayBundle, .data]) { result in
            guard case .success(let url) = result else { return }
            Task {
                await model.importBundle(from: url)
                version.bump()
            }
        }
        .sheet(isPresented: $picking) {
            PhotoPicker { data in
                Task {
                    await model.cardPicked(data)
                    version.bump()
                }
            }
        }
        .sheet(isPresented: $scanning) {
            CameraGate {
                QRScannerView { text in
                    // The camera reports a code many times a second; take the first.
                    guard scanning else { return }
                    scanning = false
                    Task { await model.importPass(text); version.bump() }
                }
                .ignoresSafeArea()
            }
        }
        .messageAlert($model.message)
    }
}
