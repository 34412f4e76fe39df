// Draws the core's QR matrix with whole screen pixels per module.
//
// A scaled bitmap smears module edges and makes door scanners hesitate, so the code is painted
// into a bitmap of exactly (width + 2 × quiet zone) × pixels-per-module device pixels (laid out by
// PhotoDayKit's QRRaster), without antialiasing, and shown at the screen's scale without
// interpolation. The core chooses the pixels per module for the space available
// (`pxPerModule`); this view only measures that space.

import PhotoDayCore
import PhotoDayKit
import SwiftUI

struct QRCodeView: View {
    let code: QrCode
    /// What VoiceOver says (the core's caption).
    let label: String?

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
                        .accessibilityLabel(label ?? "")
                }
            }
            .frame(width: geometry.size.width, height: geometry.size.height)
        }
    }
}

enum QRBitmap {
    /// Black modules on white with the quiet zone included (PhotoDayKit's QRRaster); nil only if
    /// the matrix is empty or the system cannot make a bitmap context.
    static func image(_ code: QrCode, pxPerModule: Int) -> CGImage? {
        guard let raster = QRRaster(code, pxPerModule: pxPerModule),
              let context = CGContext(
                data: nil, width: raster.side, height: raster.side, bitsPerComponent: 8, bytesPerRow: raster.side,
                space: CGColorSpaceCreateDeviceGray(), bitmapInfo: CGImageAlphaInfo.none.rawValue)
        else { return nil }
        context.setShouldAntialias(false)
        context.setFillColor(gray: 1, alpha: 1)
        context.fill(CGRect(x: 0, y: 0, width: raster.side, height: raster.side))
        context.setFillColor(gray: 0, alpha: 1)
        let px = raster.pxPerModule
        for square in raster.squares {
            // Core Graphics counts rows from the bottom; the raster from the top.
            context.fill(CGRect(x: square.x, y: raster.side - square.y - px, width: px, height: px))
        }
        return context.makeImage()
    }
}
