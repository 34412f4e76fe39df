// The scanner, door or studio: the camera full-screen, the room, its session now and the torch on
// top, the batch being called in (studio) and the staff's actions at the bottom, and the verdict
// over everything after each scan — except the studio's request for the 采集码, a banner over the
// camera that reads the code next.

import PhotoDayCore
import PhotoDayKit
import SwiftUI

struct DoorView: View {
    let event: Event
    let station: Station
    let leave: () -> Void

    @State var model = ScanModel()
    @Environment(DataVersion.self) var version
    @State var torchOn = false
    @State var sheet: DoorSheet?
    @State var overriding = false
    @State var confirmingUndo = false
    @State var confirmingBatchShot = false

    enum DoorSheet: String, Identifiable {
        case manual, batch, attendance, logs, settings
        var id: String { rawValue }
    }

    var body: some View {
        ZStack {
            Color.black.ignoresSafeArea()
            CameraGate {
                QRScannerView(
                    torchOn: torchOn, paused: (model.shown != nil && !model.awaitingCode) || sheet != nil || overriding
                ) { text in
                    Task { await model.scanned(text) }
                }
                .ignoresSafeArea()
            }
            VStack(spacing: 12) {
                DoorHeader(session: session, station: station, torchOn: $torchOn) { which in
                    sheet = which
                }
                Spacer()
                if let notice = model.notice {
                    Text(verbatim: SummaryText.of(notice))
                        .padding(12)
                        .background(.regularMaterial)
                        .cornerRadius(10)
                        .onTapGesture { model.notice = nil }
                }
                if model.awaitingCode, let shown = model.shown {
                    CodeRequestBanner(
                        outcome: shown.outcome,
                        skip: { Task { await model.skipCodeCheck() } },
                        cancel: { Task { await model.cancelCodeCheck() } })
                } else {
                    DoorFooter(
                        batch: station.role == .door ? nil : model.batch,
                        manual: { sheet = .manual },
                        undoLast: { confirmingUndo = true },
                        showBatch: { sheet = .batch },
                        batchShot: { confirmingBatchShot = true })
                }
            }
            .padding()
            if let shown = model.shown, !model.awaitingCode {
                VerdictView(
                    outcome: shown.outcome,
                    numberCode: shown.numberCode,
                    onOverride: {
                        model.holdOn()
                        overriding = true
                    },
                    onUndo: { Task { await model.undoShown() } },
                    onDismiss: { model.dismiss() })
                .transition(.opacity)
            }
        }
        .animation(.easeOut(duration: 0.15), value: model.shown?.id)
        .task(id: version.value) { await model.refreshBatch() }
        .task(id: model.notice) {
            guard model.notice != nil else { return }
            try? await Task.sleep(nanoseconds: 4_000_000_000)
            if !Task.isCancelled { model.notice = nil }
        }
        .confirmationDialog(
            "Undo this phone's latest check-in, number or step-aside?",
            isPresented: $confirmingUndo,
            titleVisibility: .visible
        ) {
            Button("Undo", role: .destructive) { Task { await model.undoLast() } }
        }
        .confirmationDialog("Record this batch as photographed?", isPresented: $confirmingBatchShot, titleVisibility: .visible) {
            Button("Batch shot") { Task { await model.closeBatch() } }
        }
        .sheet(isPresented: $overriding) {
            OverrideView { reason in Task { await model.override(reason: reason) } }
        }
        .sheet(item: $sheet, onDismiss: { Task { await model.refreshBatch() } }) { which in
            Group {
                switch which {
                case .manual:
                    ManualCheckInView { outcome, input in model.checkedIn(outcome, input: input) }
                case .batch:
                    BatchView()
                case .attendance:
                    AttendanceView()
                case .logs:
                    LogTransferView()
                case .settings:
                    DoorSettingsView(leave: leave)
                }
            }
            // Sheets get the environment objects they need handed on explicitly.
            .environment(version)
        }
    }

    private var session: Session? {
        event.sessions.first { candidate in candidate.number == model.session }
    }
}

struct DoorHeader: View {
    let session: Session?
    let station: Station
    @Binding var torchOn: Bool
    let open: (DoorView.DoorSheet) -> Void

    var body: some View {
        HStack(alignment: .top) {
            VStack(alignment: .leading, spacing: 2) {
                Text(verbatim: station.room)
                    .font(.headline)
                RoleLabel(role: station.role)
                    .font(.subheadline)
                if let session = session {
                    Text(verbatim: "\(session.college.localized) · \(session.windowsLabel)")
                        .font(.subheadline)
                }
                if let lane = station.lane {
                    Text("Letter \(lane)")
                        .font(.subheadline.bold())
                }
            }
            Spacer()
            Button {
                torchOn.toggle()
            } label: {
                Image(systemName: torchOn ? "flashlight.on.fill" : "flashlight.off.fill")
                    .font(.title2)
                    .frame(width: 44, height: 44)
            }
            .accessibilityLabel(Text("Torch"))
            Menu {
                Button { open(.attendance) } label: { Label("Attendance", systemImage: "person.3") }
                Button { open(.logs) } label: { Label("Logs: export and merge", systemImage: "arrow.left.arrow.right") }
                Button { open(.settings) } label: { Label("Settings", systemImage: "gearshape") }
            } label: {
                Image(systemName: "ellipsis.circle")
                    .font(.title2)
                    .frame(width: 44, height: 44)
            }
            .accessibilityLabel(Text("More"))
        }
        .padding(12)
        .foregroundColor(.white)
        .background(Color.black.opacity(0.55))
        .cornerRadius(12)
    }
}

struct DoorFooter: View {
    let batch: Batch?
    let manual: () -> Void
    let undoLast: () -> Void
    let showBatch: () -> Void
    let batchShot: () -> Void

    var body: some View {
        VStack(spacing: 10) {
            if let batch = batch {
                HStack {
                    Button(action: showBatch) {
                        HStack {
                            Text("Batch \(Int(batch.number))")
                                .font(.title3.bold())
                            Spacer()
                            Text(verbatim: batch.members.filter { $0.status == .waiting }.map(\.photoNo).joined(separator: " "))
                                .font(.body.monospacedDigit())
                                .lineLimit(1)
                        }
                    }
                    Button("Batch shot", action: batchShot)
                        .buttonStyle(.borderedProminent)
                        .tint(.green)
                }
            }
            HStack(spacing: 12) {
                Button(action: manual) {
                    Label("Manual check-in", systemImage: "keyboard")
                        .frame(maxWidth: .infinity)
                }
                Button(action: undoLast) {
                    Label("Undo last", systemImage: "arrow.uturn.backward")
                        .frame(maxWidth: .infinity)
                }
            }
            .buttonStyle(.borderedProminent)
            .controlSize(.large)
        }
        .padding(12)
        .foregroundColor(.white)
        .background(Color.black.opacity(0.55))
        .cornerRadius(12)
    }
}

/// The studio's 采集码 step over the camera: who is waiting, and one tap to number them without it
/// when the 新华社 photographer checks the code instead.
struct CodeRequestBanner: View {
    let outcome: ScanOutcome
    let skip: () -> Void
    let cancel: () -> Void

    var body: some View {
        VStack(spacing: 10) {
            Text(verbatim: outcome.headline.localized)
                .font(.title2.bold())
            Text(verbatim: outcome.detail.localized)
                .multilineTextAlignment(.center)
            HStack(spacing: 12) {
                Button("Skip (photographer checks)", action: skip)
                    .buttonStyle(.borderedProminent)
                Button("Cancel", role: .cancel, action: cancel)
                    .buttonStyle(.bordered)
            }
            .controlSize(.large)
        }
        .padding(16)
        .foregroundColor(.white)
        .background(Color.black.opacity(0.7))
        .cornerRadius(12)
    }
}
