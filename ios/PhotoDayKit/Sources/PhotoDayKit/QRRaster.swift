// The core's QR matrix laid out in whole device pixels, ready to paint.
//
// A scaled bitmap smears module edges and makes door scanners hesitate, so the code is painted
// into a bitmap of exactly (width + 2 × quiet zone) × pixels-per-module pixels, one square per
// dark module, without antialiasing. The core chooses the pixels per module for the space
// available (`pxPerModule`); this works out where each square goes. Rows count from the top, as
// the matrix does; the view turns them for Core Graphics, which counts from the bottom.

import Foundation
import PhotoDayCore

public struct QRRaster: Equatable, Sendable {
    /// One dark module: its top-left pixel.
    public struct Square: Equatable, Sendable {
        public let x: Int
        public let y: Int
    }

    /// The bitmap's width and height in pixels, quiet zone included.
    public let side: Int
    public let pxPerModule: Int
    public let squares: [Square]

    /// Nil for an empty or inconsistent matrix, or no pixels to paint in.
    public init?(_ code: QrCode, pxPerModule: Int) {
        let width = Int(code.width)
        let quiet = Int(code.quietZone)
        let side = (width + 2 * quiet) * pxPerModule
        guard width > 0, pxPerModule > 0, code.dark.count == width * width else { return nil }
        var squares: [Square] = []
        for row in 0..<width {
            for column in 0..<width where code.dark[row * width + column] {
                squares.append(Square(x: (quiet + column) * pxPerModule, y: (quiet + row) * pxPerModule))
            }
        }
        self.side = side
        self.pxPerModule = pxPerModule
        self.squares = squares
    }
}
