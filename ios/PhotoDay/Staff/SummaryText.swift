// One-line results of a bundle import, a log import and an undo, from the core's records.

import Foundation
import PhotoDayCore

enum SummaryText {
    static func bundle(_ summary: BundleSummary) -> String {
        let title = summary.title.localized
        let sessions = Int(summary.sessions)
        let students = Int(summary.students)
        let imported = summary.withNames
            ? String(localized: "\(title): \(sessions) sessions, \(students) students with names.")
            : String(localized: "\(title): \(sessions) sessions, \(students) students (numbers only).")
        guard summary.replaced else { return imported }
        let replaced = String(localized: "It replaces the earlier bundle; every record is kept.")
        return "\(imported) \(replaced)"
    }

    static func log(_ summary: ImportSummary) -> String {
        let devices = summary.devices.joined(separator: ", ")
        return String(
            localized: "\(Int(summary.added)) new records, \(Int(summary.known)) already here (devices \(devices)).")
    }

    static func undone(_ undo: UndoOutcome) -> String {
        String(localized: "Undone: photo no. \(undo.photoNo) (\(String(undo.studentNo))). The number is not reused.")
    }
}
