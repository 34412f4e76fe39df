// The sentence for a model's notice (PhotoDayKit's `Notice`): import summaries, an undo, a
// step-aside, a batch shot, the student's number kept, a purge, and the core's own message for a
// refusal. The words live here, next to the String Catalog.

import Foundation
import PhotoDayCore
import PhotoDayKit

enum SummaryText {
    static func of(_ notice: Notice) -> String {
        switch notice {
        case .failed(let message):
            return message
        case .bundleImported(let summary):
            return bundle(summary)
        case .studentBundleImported(let title):
            return String(localized: "Imported: \(title.localized)")
        case .logImported(let summary):
            return log(summary)
        case .undone(let undo):
            return undone(undo)
        case .steppedAside(let aside):
            let student = String(aside.studentNo)
            guard let photoNo = aside.photoNo else { return String(localized: "Stepped aside: \(student).") }
            return String(localized: "Stepped aside: \(student), number \(photoNo) voided. Numbered again at the end when back.")
        case .batchClosed(let closed):
            return String(localized: "\(closed.batch.label.localized): \(Int(closed.photographed)) photographed.")
        case .shotRecorded(let shot):
            return shot.label.localized
        case .logNeedsDoorPhone:
            return String(localized: "This is a door log. Open it on a door phone.")
        case .noBundleOnClipboard:
            return String(localized: "The clipboard holds no bundle file. Copy the .pdb file first.")
        case .doorDataPurged:
            return String(localized: "The roster, the bundle and the records are deleted from this phone.")
        case .studentDataPurged:
            return String(localized: "Your pass, collection code and ticks are deleted from this phone.")
        }
    }

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
        let merged = String(
            localized: "\(Int(summary.added)) new records, \(Int(summary.known)) already here (devices \(devices)).")
        return ([merged] + summary.warnings.map(\.localized)).joined(separator: "\n")
    }

    static func undone(_ undo: UndoOutcome) -> String {
        guard let photoNo = undo.photoNo else {
            return String(localized: "Undone for \(String(undo.studentNo)).")
        }
        return String(localized: "Undone: photo no. \(photoNo) (\(String(undo.studentNo))). The number is not reused.")
    }
}
