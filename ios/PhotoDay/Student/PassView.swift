// The check-in pass to show at the door: the core's QR matrix drawn with whole pixels per module
// on white, at full brightness and with auto-lock off while it is on screen, with the student
// number and the room under it so the door staff can check by eye.

import PhotoDayCore
import PhotoDayKit
import SwiftUI

struct PassView: View {
    @State var model = PassModel()
    @Environment(DataVersion.self) var version

    var body: some View {
        ZStack {
            Color.white.ignoresSafeArea()
            if let code = model.code {
                VStack(spacing: 12) {
                    QRCodeView(code: code)
                        .padding(.horizontal, 8)
                    if let pass = model.pass {
                        Text(verbatim: String(pass.studentNo))
                            .font(.system(.title, design: .monospaced).bold())
                    }
                    if let slot = model.slot {
                        Text(verbatim: slot.place.localized)
                            .font(.headline)
                        Text(verbatim: slot.whenLabel)
                    }
                }
                .foregroundColor(.black)
                .padding(.vertical)
                .fullBrightness()
            } else if let error = model.error {
                VStack(spacing: 16) {
                    Image(systemName: "qrcode")
                        .font(.system(size: 64))
                        .foregroundColor(.secondary)
                    Text(verbatim: error)
                        .multilineTextAlignment(.center)
                }
                .foregroundColor(.black)
                .padding()
            }
        }
        .task(id: version.value) { await model.load() }
    }
}
