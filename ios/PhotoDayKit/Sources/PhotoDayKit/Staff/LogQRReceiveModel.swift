// Receiving a log as QR codes: the other phone shows them in turn, this one scans them in any
// order until the core has every piece and merges the log. The camera reports each code many
// times a second, so the same text seen again right away is skipped.

import Foundation
import Observation
import PhotoDayCore

@MainActor
@Observable
public final class LogQRReceiveModel {
    public private(set) var progress: LogQrProgress?
    public private(set) var imported: ImportSummary?
    public var message: Notice?

    @ObservationIgnored private let services: AppServices
    @ObservationIgnored private var lastText = ""
    @ObservationIgnored private var busy = false

    public init(services: AppServices = .shared) {
        self.services = services
    }

    /// A code from the camera; the same code seen again in the next frame is skipped.
    public func scanned(_ text: String) async {
        guard !busy, imported == nil, text != lastText else { return }
        lastText = text
        busy = true
        defer { busy = false }
        do {
            let receipt = try await services.core.scanner { (app: ScannerApp) in
                try app.receiveLogQr(text: text)
            }
            progress = receipt.progress
            imported = receipt.imported
        } catch {
            message = .failure(error)
        }
    }
}

/// Showing a log's codes in turn: which one is on screen, advancing by itself or by hand.
public struct QRSequenceCursor: Equatable, Sendable {
    public let count: Int
    public private(set) var index = 0

    public init(count: Int) {
        self.count = count
    }

    /// Moves by `by` codes, wrapping around both ends.
    public mutating func step(_ by: Int) {
        guard count > 0 else { return }
        index = ((index + by) % count + count) % count
    }
}
