// Sending this phone's log to other phones and to the 教务处 with no network: as a file (share it
// by AirDrop, a chat app or a cable) or as a sequence of QR codes shown in turn for another phone
// to scan in any order (StaffImportModel takes them there). Once this phone's records are
// exported, its personal data can be purged.

import Foundation
import Observation
import PhotoDayCore

/// A log ready for the system's file exporter.
public struct ExportedLog: Equatable {
    public let data: Data
    /// The core's name for it, `PhotoDay-<device>.photodaylog` (the log's declared type, the same
    /// on Android and in the CLI), so logs from several phones keep apart in one folder.
    public let fileName: String
}

@MainActor
@Observable
public final class LogTransferModel {
    public var exported: ExportedLog?
    public var qrCodes: [QrCode]?
    public var message: Message?

    @ObservationIgnored private let services: AppServices

    public init(services: AppServices = .shared) {
        self.services = services
    }

    public func exportFile() async {
        guard case let (bytes, name)? = await services.scanner({ message = $0 }, { app, now in
            (try app.exportLog(nowMs: now), app.logFileName())
        }) else { return }
        exported = ExportedLog(data: bytes, fileName: name)
    }

    public func exportQr() async {
        qrCodes = await services.scanner({ message = $0 }) { app, now in
            try app.exportLogQr(nowMs: now).map { try qrCode(text: $0) }
        }
    }

    /// The file was saved, or the other phone received every code: only now may a purge delete
    /// this phone's records (the core refuses before).
    public func confirmExported() async {
        _ = await services.scanner({ message = $0 }) { app, _ in try app.confirmLogExported() }
    }

    public func purge() async {
        if await services.scanner({ message = $0 }, { app, _ in try app.purge() }) != nil {
            message = .doorDataPurged
        }
    }
}

/// Showing a log's codes in turn: which one is on screen, advancing by itself or by hand.
public struct QRSequenceCursor: Equatable, Sendable {
    /// How long each code stays before the next, when it advances by itself: the core's pace,
    /// the same on both apps.
    public static var frameNanoseconds: UInt64 { UInt64(logQrFrameMs()) * 1_000_000 }

    public let count: Int
    public private(set) var index = 0

    public init(count: Int) {
        self.count = count
    }

    /// The counter under the code on screen, in the core's words: `第 2/5 张` / `Code 2 of 5`.
    public var counter: BilingualText {
        logQrCounter(index: UInt32(index + 1), total: UInt32(count))
    }

    /// Moves by `by` codes, wrapping around both ends.
    public mutating func step(_ by: Int) {
        guard count > 0 else { return }
        index = ((index + by) % count + count) % count
    }
}
