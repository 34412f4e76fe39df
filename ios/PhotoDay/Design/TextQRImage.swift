// A QR image for a log transfer text (`PDL1:…`).
//
// Stopgap: the core returns its own QR matrix only for the student's pass (`passQr`); for the log
// sequence it returns texts, so they are drawn with Core Image's generator here (ECC M, one pixel
// per module, scaled without interpolation). Once the bindings return the log codes as `QrCode`
// matrices, LogQRSequenceView draws them with QRCodeView and this file goes (ios/README.md).

import CoreImage
import CoreImage.CIFilterBuiltins
import SwiftUI

struct TextQRImage: View {
    let text: String

    var body: some View {
        if let image = Self.render(text) {
            Image(decorative: image, scale: 1)
                .interpolation(.none)
                .resizable()
                .scaledToFit()
                .padding(24)
                .background(Color.white)
        }
    }

    private static let context = CIContext()

    static func render(_ text: String) -> CGImage? {
        let filter = CIFilter.qrCodeGenerator()
        filter.message = Data(text.utf8)
        filter.correctionLevel = "M"
        guard let output = filter.outputImage else { return nil }
        return context.createCGImage(output, from: output.extent)
    }
}
