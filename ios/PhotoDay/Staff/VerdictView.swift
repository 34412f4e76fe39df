// The core's verdict card, full-screen in its colour: the headline and detail, the studio's photo
// number and the core's batch line (`第1批`) as large as the screen allows (the staff call the
// batch) with the small code the student's app scans to keep the number, a clock warning when the
// phone's clock looks wrong, the core's note ("shown again: nothing new recorded") and the buttons
// the card allows (override, undo, step aside). A tap anywhere returns to the camera.

import PhotoDayCore
import PhotoDayKit
import SwiftUI

struct VerdictView: View {
    let card: VerdictCard
    let numberCode: QrCode?
    let onOverride: () -> Void
    let onUndo: () -> Void
    /// nil unless the card allows it (`canStepAside`); DoorView asks for the reason.
    let onStepAside: (() -> Void)?
    let onDismiss: () -> Void

    var body: some View {
        let outcome = card.outcome
        let ink = VerdictPalette.foreground(outcome.colour)
        ZStack {
            VerdictPalette.background(outcome.colour)
                .ignoresSafeArea()
            VStack(spacing: 20) {
                if let warning = outcome.clockWarning {
                    Label(warning.localized, systemImage: "clock.badge.exclamationmark")
                        .padding(10)
                        .background(Color.black.opacity(0.25))
                        .cornerRadius(8)
                }
                if let note = card.note {
                    Text(verbatim: note.localized)
                        .font(.callout)
                }
                Spacer()
                Text(verbatim: outcome.headline.localized)
                    .font(.system(size: 34, weight: .heavy))
                    .multilineTextAlignment(.center)
                    .minimumScaleFactor(0.5)
                if let photoNo = card.photoNo {
                    BigNumber(label: "Photo no.", value: photoNo)
                }
                if let batchLabel = card.batchLabel {
                    Text(verbatim: batchLabel.localized)
                        .font(.system(size: 48, weight: .heavy, design: .rounded))
                        .minimumScaleFactor(0.5)
                }
                if let code = numberCode {
                    QRCodeView(code: code)
                        .frame(width: 150, height: 150)
                }
                Text(verbatim: outcome.detail.localized)
                    .font(.title3)
                    .multilineTextAlignment(.center)
                Spacer()
                HStack(spacing: 16) {
                    if card.canOverride {
                        Button("Let through anyway…", action: onOverride)
                    }
                    if card.canUndo {
                        Button("Undo", action: onUndo)
                    }
                    if let onStepAside {
                        Button("Step aside…", action: onStepAside)
                    }
                }
                .buttonStyle(.bordered)
                .tint(ink)
                .controlSize(.large)
                Text("Tap to scan the next one")
                    .font(.footnote)
                    .opacity(0.8)
            }
            .foregroundColor(ink)
            .padding(24)
        }
        .contentShape(Rectangle())
        .onTapGesture(perform: onDismiss)
        .accessibilityAddTraits(.isModal)
    }
}

struct BigNumber: View {
    let label: LocalizedStringKey
    let value: String

    var body: some View {
        VStack(spacing: 0) {
            Text(label)
                .font(.headline)
            Text(verbatim: value)
                .font(.system(size: 96, weight: .black, design: .rounded))
                .monospacedDigit()
                .minimumScaleFactor(0.4)
                .lineLimit(1)
        }
    }
}
