// A verdict, full-screen in the core's colour: the core's headline and detail, the studio's photo
// number and batch as large as the screen allows (the staff call the batch) with the small code the
// student's app scans to keep the number, a clock warning when the phone's clock looks wrong, and
// the actions the core allows (override, undo). A tap anywhere returns to the camera.

import PhotoDayCore
import PhotoDayKit
import SwiftUI

struct VerdictView: View {
    let outcome: ScanOutcome
    var numberCode: QrCode?
    let onOverride: () -> Void
    let onUndo: () -> Void
    let onDismiss: () -> Void

    var body: some View {
        let ink = VerdictPalette.foreground(outcome.colour)
        ZStack {
            VerdictPalette.background(outcome.colour)
                .ignoresSafeArea()
            VStack(spacing: 20) {
                if let warning = outcome.clockWarning {
                    Label {
                        Text(verbatim: warning.localized)
                    } icon: {
                        Image(systemName: "clock.badge.exclamationmark")
                    }
                    .padding(10)
                    .background(Color.black.opacity(0.25))
                    .cornerRadius(8)
                }
                if outcome.repeat {
                    Text("Scanned again: nothing new was recorded.")
                        .font(.callout)
                }
                Spacer()
                Text(verbatim: outcome.headline.localized)
                    .font(.system(size: 34, weight: .heavy))
                    .multilineTextAlignment(.center)
                    .minimumScaleFactor(0.5)
                VerdictNumbers(verdict: outcome.verdict)
                if let code = numberCode {
                    QRCodeView(code: code)
                        .frame(width: 150, height: 150)
                }
                Text(verbatim: outcome.detail.localized)
                    .font(.title3)
                    .multilineTextAlignment(.center)
                Spacer()
                HStack(spacing: 16) {
                    if outcome.overridable {
                        Button("Let through anyway…", action: onOverride)
                    }
                    if outcome.recordSeq != nil {
                        Button("Undo", action: onUndo)
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

/// The numbers the studio calls out: photo number and batch for a student just numbered, and the
/// number a student already holds.
struct VerdictNumbers: View {
    let verdict: Verdict

    var body: some View {
        switch verdict {
        case .numbered(_, _, _, let photoNo, let batch, _, _, _),
             .alreadyNumbered(_, _, let photoNo, let batch, _, _, _, _, _):
            HStack(alignment: .firstTextBaseline, spacing: 40) {
                BigNumber(label: "Photo no.", value: photoNo)
                BigNumber(label: "Batch", value: String(batch))
            }
        default:
            EmptyView()
        }
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
