// A log as a sequence of QR codes: one phone shows them in turn (at full brightness, advancing by
// itself every QRSequenceCursor.frameNanoseconds or by hand), the other scans them in any order
// until the core has every piece and merges the log; the core also says when the codes in view
// belong to a log already merged, and a half-received log can be dropped for another phone's.

import PhotoDayCore
import PhotoDayKit
import SwiftUI

struct LogQRSequenceView: View {
    let codes: [QrCode]
    /// Staff confirm the other phone has every code (this phone may then be purged).
    let onReceived: () -> Void

    @Environment(\.dismiss) var dismiss
    @State var cursor: QRSequenceCursor
    @State var playing = true

    init(codes: [QrCode], onReceived: @escaping () -> Void) {
        self.codes = codes
        self.onReceived = onReceived
        _cursor = State(initialValue: QRSequenceCursor(count: codes.count))
    }

    var body: some View {
        NavigationView {
            VStack(spacing: 16) {
                if codes.indices.contains(cursor.index) {
                    QRCodeView(code: codes[cursor.index])
                        .aspectRatio(1, contentMode: .fit)
                        .frame(maxWidth: .infinity)
                }
                Text(verbatim: cursor.counter.localized)
                    .font(.title2.bold().monospacedDigit())
                HStack(spacing: 24) {
                    Button { cursor.step(-1) } label: { Image(systemName: "backward.fill") }
                    .accessibilityLabel(Text("Previous code"))
                    Button { playing.toggle() } label: { Image(systemName: playing ? "pause.fill" : "play.fill") }
                    .accessibilityLabel(Text("Pause or play"))
                    Button { cursor.step(1) } label: { Image(systemName: "forward.fill") }
                    .accessibilityLabel(Text("Next code"))
                }
                .font(.title)
                Button("The other phone has them all") {
                    onReceived()
                    dismiss()
                }
                .buttonStyle(.borderedProminent)
                Text("Scan these on the other phone: Logs → Scan its QR codes. Any order works.")
                    .font(.footnote)
                    .foregroundColor(.secondary)
                    .multilineTextAlignment(.center)
            }
            .padding()
            .fullBrightness()
            .task(id: playing) {
                while playing && !Task.isCancelled {
                    try? await Task.sleep(nanoseconds: QRSequenceCursor.frameNanoseconds)
                    if playing && !Task.isCancelled { cursor.step(1) }
                }
            }
            .navigationTitle("Log as QR codes")
            .navigationBarTitleDisplayMode(.inline)
            .doneButton { dismiss() }
        }
    }
}

struct LogQRReceiveView: View {
    @State var model = StaffImportModel()
    @Environment(\.dismiss) var dismiss

    var body: some View {
        NavigationView {
            VStack(spacing: 0) {
                CameraGate {
                    QRScannerView { text in
                        Task { await model.scanned(text) }
                    }
                }
                VStack(alignment: .leading, spacing: 8) {
                    if let merged = model.merged {
                        MessageRow(text: merged, isError: false)
                    }
                    if let progress = model.progress, !progress.missing.isEmpty {
                        ProgressView(value: Double(progress.received), total: Double(max(progress.total, 1)))
                        Text(verbatim: progress.line.localized)
                            .font(.footnote.monospacedDigit())
                            .foregroundColor(.secondary)
                        Button("Start over with another phone") { Task { await model.startOver() } }
                    }
                    if let report = model.report, report != model.merged {
                        Text(verbatim: report)
                    } else if model.report == nil {
                        Text("Point the camera at the other phone's codes.")
                    }
                }
                .padding()
                .frame(maxWidth: .infinity, alignment: .leading)
            }
            .navigationTitle("Receive a log")
            .navigationBarTitleDisplayMode(.inline)
            .doneButton { dismiss() }
        }
    }
}
