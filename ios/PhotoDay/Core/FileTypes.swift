// The two kinds of file PhotoDay exchanges, as iOS knows them (declared in Info.plist), and the
// document wrapper the system's file exporter needs. The bytes are the core's; nothing here reads
// inside them.
//
// PhotoDay's own names (.photoday bundles, .photodaylog logs; MIME application/vnd.photoday.*)
// are the same on Android and in the admin CLI (tests/android/check_project.py). The first names,
// .pdb and .pdl, are not declared: other apps own them (Palm databases, the Protein Data Bank,
// debug symbols), so `UTType(filenameExtension: "pdb")` may be someone else's type. Files already
// handed out under those names are still opened: the file pickers list any `.data`, and the core
// recognises a bundle or a log by its content.

import SwiftUI
import UniformTypeIdentifiers

extension UTType {
    /// A signed bundle from the 教务处, `.photoday` (scanner or student; the core tells them apart).
    static let photoDayBundle = UTType(exportedAs: "cn.photoday.bundle")
    /// A door device's log, `.photodaylog`.
    static let photoDayLog = UTType(exportedAs: "cn.photoday.log")
}

/// A file handed to the app (share sheet, "Open in", Files), told apart by its name or type for
/// the student side (a log is not for a student phone). A staff phone ignores the split: the core
/// recognises the file by its content (StaffImportModel.open).
enum IncomingFile: Equatable {
    case bundle(URL)
    case log(URL)

    /// File name extensions, PhotoDay's own first and then the first names, matched by name so a
    /// `.pdb` never resolves to another app's type.
    static let bundleExtensions = ["photoday", "pdb"]
    static let logExtensions = ["photodaylog", "pdl"]

    init?(url: URL) {
        let ext = url.pathExtension.lowercased()
        if Self.logExtensions.contains(ext) {
            self = .log(url)
        } else if Self.bundleExtensions.contains(ext) {
            self = .bundle(url)
        } else if let type = UTType(filenameExtension: ext), type.conforms(to: .photoDayLog) {
            self = .log(url)
        } else if let type = UTType(filenameExtension: ext), type.conforms(to: .photoDayBundle) {
            self = .bundle(url)
        } else {
            return nil
        }
    }
}

/// A door log as a document for `fileExporter`.
struct LogDocument: FileDocument {
    static var readableContentTypes: [UTType] { [.photoDayLog] }

    let data: Data

    init(data: Data) {
        self.data = data
    }

    init(configuration: ReadConfiguration) throws {
        guard let data = configuration.file.regularFileContents else {
            throw CocoaError(.fileReadCorruptFile)
        }
        self.data = data
    }

    func fileWrapper(configuration: WriteConfiguration) throws -> FileWrapper {
        FileWrapper(regularFileWithContents: data)
    }
}
