// This phone's recent check-ins, numbers and step-asides, newest first, in the core's words, with
// an undo on each line the core says still applies (its own, within the undo window, not undone,
// not photographed) — also after a restart, so a student found to be the wrong one three scans
// later is undone by their own line, not only the latest. A refusal (too old, already undone) is
// the core's sentence.

import Foundation
import Observation
import PhotoDayCore

@MainActor
@Observable
public final class HistoryModel {
    /// Newest first, as `ScannerApp.history` gives them.
    public private(set) var entries: [HistoryEntry] = []
    public private(set) var loaded = false
    public var message: Message?

    @ObservationIgnored private let services: AppServices
    @ObservationIgnored private let limit: UInt32

    /// `limit`: how many lines the sheet lists.
    public init(services: AppServices = .shared, limit: UInt32 = 30) {
        self.services = services
        self.limit = limit
    }

    public func load() async {
        let limit = self.limit
        entries = await services.scanner({ message = $0 }) { app, now in try app.history(nowMs: now, limit: limit) } ?? entries
        loaded = true
    }

    /// Undoes one line; the list is read again either way (the line now says it was undone).
    public func undo(_ entry: HistoryEntry) async {
        let seq = entry.recordSeq
        _ = await services.scanner({ message = $0 }) { app, now in try app.undo(recordSeq: seq, nowMs: now) }
        await load()
    }
}
