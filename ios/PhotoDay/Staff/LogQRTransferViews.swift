// A log as a sequence of QR codes: one phone shows them in turn (at full brightness, advancing by
// itself or by hand), the other scans them in any order until the core has every piece and merges
// the log.

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
                Text("Code \(cursor.index + 1) of \(codes.count)")
                    .font(.title2.bold().monospacedDigit())
                HStack(spacing: 24) {
                    Button {
                        cursor.step(-1)
                    } label: {
                        Image(systemName: "backward.fill")
                    }
                    .accessibilityLabel(Text("Previous code"))
                    Button {
                        playing.toggle()
                    } label: {
                        Image(systemName: playing ? "pause.fill" : "play.fill")
                    }
                    .accessibilityLabel(Text("Pause or play"))
                    Button {
                        cursor.step(1)
                    } label: {
                        Image(systemName: "forward.fill")
                    }
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
                    try? await Task.sleep(nanoseconds: 1_200_000_000)
                    if playing && !Task.isCancelled { cursor.step(1) }
                }
            }
            .navigationTitle("Log as QR codes")
            .navigationBarTitleDisplayMode(.inline)
            .toolbar {
                ToolbarItem(placement: .confirmationAction) {
                    Button("Done") { dismiss() }
                }
            }
        }
    }
}

struct LogQRReceiveView: View {
    @State var model = LogQRReceiveModel()
    @Environment(\.dismiss) var dismiss

    var body: some View {
        NavigationView {
            VStack(spacing: 0) {
                CameraGate {
                    QRScannerView(paused: model.imported != nil) { text in
                        Task { await model.scanned(text) }
                    }
                }
                VStack(alignment: .leading, spacing: 8) {
                    if let summary = model.imported {
                        MessageRow(text: SummaryText.log(summary), isError: false)
                    } else if let progress = model.progress {
                        ProgressView(value: Double(progress.received), total: Double(max(progress.total, 1)))
                        Text("\(Int(progress.received)) of \(Int(progress.total)) codes")
                            .font(.headline.monospacedDigit())
                        if !progress.missing.isEmpty {
                            Text(verbatim: progress.missing.map { number in String(number) }.joined(separator: " "))
                                .font(.footnote.monospacedDigit())
                                .foregroundColor(.secondary)
                        }
                    } else {
                        Text("Point the camera at the other phone's codes.")
                    }
                }
                .padding()
                .frame(maxWidth: .infinity, alignment: .leading)
            }
            .navigationTitle("Receive a log")
            .navigationBarTitleDisplayMode(.inline)
            .toolbar {
                ToolbarItem(placement: .confirmationAction) {
                    Button("Done") { dismiss() }
                }
            }
            .messageAlert($model.message)
        }
    }
}
