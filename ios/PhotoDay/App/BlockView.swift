// One block of a core page, drawn as the core describes it (core/src/pages.rs): every text, tone,
// button and what it does is the core's; here only how iOS shows each kind of block.

import PhotoDayCore
import PhotoDayKit
import SwiftUI
import UIKit

struct BlockView: View {
    let block: Block
    let model: PageModel

    var body: some View {
        switch block {
        case .heading(let text):
            Text(text).font(.headline)
        case .line(let text, let tone):
            Text(text).foregroundStyle(tone.colour ?? .primary)
        case .card(let tone, let title, let big, let lines, let actions):
            VStack(alignment: .leading, spacing: 8) {
                if let title { Text(title).font(.headline) }
                if let big {
                    Text(big).font(.system(size: 80, weight: .bold)).lineLimit(1).minimumScaleFactor(0.3)
                }
                ForEach(Array(lines.enumerated()), id: \.offset) { _, line in Text(line) }
                ForEach(Array(actions.enumerated()), id: \.offset) { _, action in
                    ActionButton(action: action, model: model)
                }
            }
            .padding()
            .frame(maxWidth: .infinity, alignment: .leading)
            .background((tone.colour ?? .secondary).opacity(0.18), in: RoundedRectangle(cornerRadius: 12))
        case .row(let text, let detail, let tone, let action):
            if let action {
                Button { Task { await model.tap(action) } } label: { row(text, detail, tone) }
            } else {
                row(text, detail, tone)
            }
        case .toggle(let text, let on, let action):
            Toggle(text, isOn: Binding(get: { on }, set: { _ in Task { await model.tap(action) } }))
        case .button(let action):
            ActionButton(action: action, model: model)
        case .qr(let code, let caption):
            VStack {
                QRCodeView(code: code, label: caption).aspectRatio(1, contentMode: .fit)
                if let caption { Text(caption).font(.footnote) }
            }
        case .image(let bytes, let caption):
            VStack {
                if let image = UIImage(data: bytes) {
                    Image(uiImage: image).resizable().scaledToFit()
                }
                Text(caption).font(.footnote)
            }
        case .camera(let scan, let hint):
            VStack {
                CameraGate(words: model.words) {
                    TorchCamera(words: model.words) { text in Task { await model.scanned(scan, text) } }
                }
                .frame(height: 340)
                Text(hint).font(.footnote)
            }
        case .field(let label, let value, let numeric, let submit):
            // A new value from the core (a 学号 saved) replaces what the field holds.
            FieldView(label: label, numeric: numeric, submit: submit, model: model, text: value).id(value)
        case .progress(let fraction, let text):
            ProgressView(value: Double(fraction)) { Text(text) }
        case .call(let text, let number):
            // The dialer opens with the number; the user places the call.
            if let url = URL(string: "tel:" + number.filter { $0.isNumber || $0 == "+" }) {
                Link(destination: url) { Label(text, systemImage: "phone") }
            } else {
                Text(text)
            }
        }
    }

    private func row(_ text: String, _ detail: String?, _ tone: Tone) -> some View {
        VStack(alignment: .leading, spacing: 2) {
            Text(text).foregroundStyle(tone.colour ?? .primary)
            if let detail { Text(detail).font(.footnote).foregroundStyle(.secondary) }
        }
    }
}

/// A button by its style: the page's main one prominent, a destructive one red.
struct ActionButton: View {
    let action: Action
    let model: PageModel

    var body: some View {
        let button = Button(role: action.style == .danger ? .destructive : nil) {
            Task { await model.tap(action) }
        } label: {
            Text(action.label).frame(maxWidth: .infinity)
        }
        if action.style == .primary {
            button.buttonStyle(.borderedProminent)
        } else {
            button.buttonStyle(.bordered)
        }
    }
}

/// A text field with its submit button; what was typed goes with the submit action.
struct FieldView: View {
    let label: String
    let numeric: Bool
    let submit: Action
    let model: PageModel
    @State var text: String

    var body: some View {
        VStack {
            TextField(label, text: $text)
                .keyboardType(numeric ? .numberPad : .default)
                .textFieldStyle(.roundedBorder)
                .onSubmit(send)
            Button(action: send) { Text(submit.label).frame(maxWidth: .infinity) }
                .buttonStyle(.borderedProminent)
        }
    }

    private func send() {
        let typed = text
        Task { await model.tap(submit, typed: typed) }
    }
}

/// The live camera with a torch switch over it, for a dim corridor.
struct TorchCamera: View {
    let words: Words
    let onCode: (String) -> Void
    @State private var torchOn = false

    var body: some View {
        QRScannerView(torchOn: torchOn, onCode: onCode)
            .overlay(alignment: .topTrailing) {
                Button { torchOn.toggle() } label: {
                    Image(systemName: torchOn ? "flashlight.on.fill" : "flashlight.off.fill").padding()
                }
                .accessibilityLabel(Text(verbatim: torchOn ? words.torchOff : words.torchOn))
                .buttonStyle(.borderless)
            }
    }
}

extension Tone {
    /// The tone's colour; nil for plain text.
    var colour: Color? {
        switch self {
        case .plain: return nil
        case .good: return .green
        case .attention: return .orange
        case .refused: return .red
        case .accent: return .accentColor
        case .muted: return .secondary
        }
    }
}
