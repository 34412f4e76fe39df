// The scanner, door or studio, drawing the core's DoorScreen: the camera full-screen; the
// station's line, the torch and the menu on top; the studio's open batch and the staff's actions
// at the bottom (manual check-in; the recent records, to undo any of them); the verdict card over
// everything, or, while the studio waits for the 采集码, a banner over the camera that reads the
// code next; either offers "step aside" when the core's card allows it, naming the student as the
// core does and listing the core's reasons. Every frame and tap goes to the core (a tapped notice too: `dismiss` clears it).

import PhotoDayCore
import PhotoDayKit
import SwiftUI

struct DoorView: View {
    let model: ScanModel
    let leave: () -> Void

    @Environment(DataVersion.self) var version
    @State var torchOn = false
    @State var sheet: DoorSheet?
    @State var overriding = false
    @State var confirmingBatchShot = false
    /// The student the step-aside dialog is about, taken from the card when tapped (the card may
    /// go back to the camera at its time while staff choose).
    @State var aside: Aside?

    struct Aside {
        let studentNo: UInt64
        let who: String
    }

    enum DoorSheet: String, Identifiable {
        case manual, history, batch, attendance, logs, settings
        var id: String { rawValue }
    }

    var body: some View {
        let screen = model.screen
        let card = screen?.card
        ZStack {
            Color.black.ignoresSafeArea()
            CameraGate {
                QRScannerView(torchOn: torchOn, paused: sheet != nil || overriding || aside != nil) { text in
                    Task { await model.frame(text) }
                }
                .ignoresSafeArea()
            }
            VStack(spacing: 12) {
                header(screen?.station?.title.localized ?? "")
                Spacer()
                if let notice = screen?.notice {
                    Text(verbatim: notice.text.localized)
                        .padding(12)
                        .background(VerdictPalette.background(notice.colour))
                        .foregroundColor(VerdictPalette.foreground(notice.colour))
                        .cornerRadius(10)
                        .onTapGesture { Task { await model.dismiss() } }
                }
                if let card, card.awaitingCode {
                    codeRequest(card)
                } else {
                    footer(screen)
                }
            }
            .padding()
            if let card, !card.awaitingCode {
                VerdictView(
                    card: card, numberCode: model.numberCode, onOverride: { overriding = true },
                    onUndo: { Task { await model.undoShown() } }, onStepAside: stepAside(card),
                    onDismiss: { Task { await model.dismiss() } })
                .transition(.opacity)
            }
        }
        .animation(.easeOut(duration: 0.15), value: card?.serial)
        .confirmationDialog("Record this batch as photographed?", isPresented: $confirmingBatchShot, titleVisibility: .visible) {
            Button("Batch shot") { Task { await model.closeBatch() } }
        }
        .confirmationDialog(
            aside?.who ?? "", isPresented: Binding(get: { aside != nil }, set: { if !$0 { aside = nil } }),
            titleVisibility: .visible, presenting: aside
        ) { who in
            ForEach(model.asideChoices, id: \.reason) { choice in
                Button(choice.text.localized) { Task { await model.stepAside(studentNo: who.studentNo, reason: choice.reason) } }
            }
        }
        .sheet(isPresented: $overriding) {
            OverrideView { reason in Task { await model.override(reason: reason) } }
        }
        .sheet(item: $sheet, onDismiss: { Task { await model.load() } }) { which in
            Group {
                switch which {
                case .manual: ManualCheckInView { number, note in Task { await model.typed(number, note: note) } }
                case .history: HistoryView()
                case .batch: BatchView()
                case .attendance: AttendanceView()
                case .logs: LogTransferView()
                case .settings: DoorSettingsView(leave: leave)
                }
            }
            // Sheets get the environment objects they need handed on explicitly.
            .environment(version)
        }
    }

    private func header(_ title: String) -> some View {
        HStack(alignment: .top) {
            Text(verbatim: title)
                .font(.headline)
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
                Button { sheet = .attendance } label: { Label("Attendance", systemImage: "person.3") }
                Button { sheet = .logs } label: { Label("Logs: export and merge", systemImage: "arrow.left.arrow.right") }
                Button { sheet = .settings } label: { Label("Settings", systemImage: "gearshape") }
            } label: {
                Image(systemName: "ellipsis.circle")
                    .font(.title2)
                    .frame(width: 44, height: 44)
            }
            .accessibilityLabel(Text("More"))
        }
        .panel()
    }

    private func footer(_ screen: DoorScreen?) -> some View {
        VStack(spacing: 10) {
            if let batch = screen?.batch, let label = screen?.batchLabel {
                HStack {
                    Button {
                        sheet = .batch
                    } label: {
                        HStack {
                            Text(verbatim: label.localized)
                                .font(.title3.bold())
                            Spacer()
                            Text(verbatim: batch.waitingLine.localized)
                                .font(.body.monospacedDigit())
                                .lineLimit(1)
                        }
                    }
                    Button("Batch shot") { confirmingBatchShot = true }
                        .buttonStyle(.borderedProminent)
                        .tint(.green)
                }
            }
            HStack(spacing: 12) {
                Button { sheet = .manual } label: {
                    Label("Manual check-in", systemImage: "keyboard").frame(maxWidth: .infinity)
                }
                Button { sheet = .history } label: {
                    Label("Recent", systemImage: "clock.arrow.circlepath").frame(maxWidth: .infinity)
                }
            }
            .buttonStyle(.borderedProminent)
            .controlSize(.large)
        }
        .panel()
    }

    /// The "step aside" tap for `card`, nil when the core's card does not allow it.
    private func stepAside(_ card: VerdictCard) -> (() -> Void)? {
        guard card.canStepAside, let studentNo = card.studentNo, let who = card.asideWho else { return nil }
        return { aside = Aside(studentNo: studentNo, who: who) }
    }

    /// The studio's 采集码 step over the camera: who is waiting, and one tap to number them without
    /// it when the 新华社 photographer checks the code instead.
    private func codeRequest(_ card: VerdictCard) -> some View {
        VStack(spacing: 10) {
            Text(verbatim: card.outcome.headline.localized)
                .font(.title2.bold())
            Text(verbatim: card.outcome.detail.localized)
                .multilineTextAlignment(.center)
            HStack(spacing: 12) {
                Button("Skip (photographer checks)") { Task { await model.skipCode() } }
                    .buttonStyle(.borderedProminent)
                Button("Cancel", role: .cancel) { Task { await model.dismiss() } }
                    .buttonStyle(.bordered)
            }
            if let onStepAside = stepAside(card) {
                Button("Step aside…", action: onStepAside)
                    .buttonStyle(.bordered)
            }
            .controlSize(.large)
        }
        .panel()
    }
}

extension View {
    /// White on dark glass over the camera.
    fileprivate func panel() -> some View {
        padding(12)
            .foregroundColor(.white)
            .background(Color.black.opacity(0.6))
            .cornerRadius(12)
    }
}
