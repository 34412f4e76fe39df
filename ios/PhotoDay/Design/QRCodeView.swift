// Draws the core's QR matrix with whole screen pixels per module.
//
// A scaled bitmap smears module edges and makes door scanners hesitate, so the code is painted
// into a bitmap of exactly (width + 2 × quiet zone) × pixels-per-module device pixels, without
// antialiasing, and shown at the screen's scale without interpolation. The core chooses the pixels
// per module for the space available (`pxPerModule`); this view only measures that space.

import SwiftUI
import PhotoDayCore

struct QRCodeView: View {
    let code: QrCode

    @Environment(\.displayScale) var displayScale

    var body: some View {
        GeometryReader { geometry in
            let side = min(geometry.size.width, geometry.size.height)
            let available = UInt32(max(0, (side * displayScale).rounded(.down)))
            let perModule = Int(code.pxPerModule(availablePx: available))
            ZStack {
                if let image = QRBitmap.image(code, pxPerModule: perModule) {
                    Image(decorative: image, scale: displayScale)
                        .interpolation(.none)
                        .accessibilityLabel(Text("Check-in QR code"))
                }
            }
            .frame(width: geometry.size.width, height: geometry.size.height)
        }
    }
}

enum QRBitmap {
    /// Black modules on white with the quiet zone included; nil only if the system cannot make
    /// a bitmap context.
    static func image(_ code: QrCode, pxPerModule: Int) -> CGImage? {
        let width = Int(code.width)
        let quiet = Int(code.quietZone)
        let pixels = (width + 2 * quiet) * pxPerModule
        guard width > 0, pixels > 0, code.dark.count == width * width,
              let context = CGContext(
                data: nil, width: pixels, height: pixels, bitsPerComponent: 8, bytesPerRow: pixels,
                space: CGColorSpaceCreateDeviceGray(), bitmapInfo: CGImageAlphaInfo.none.rawValue)
        else { return nil }
        context.setShouldAntialias(false)
        context.setFillColor(gray: 1, alpha: 1)
        context.fill(CGRect(x: 0, y: 0, width: pixels, height: pixels))
        context.setFillColor(gray: 0, alpha: 1)
        for row in 0..<width {
            // Core Graphics counts rows from the bottom; the matrix from the top.
            let y = (quiet + width - 1 - row) * pxPerModule
            for column in 0..<width where code.dark[row * width + column] {
                let x = (quiet + column) * pxPerModule
                context.fill(CGRect(x: x, y: y, width: pxPerModule, height: pxPerModule))
            }
        }
        return context.makeImage()
    }
}
