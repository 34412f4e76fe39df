// The two kinds of file PhotoDay exchanges, as iOS knows them (declared in Info.plist), and the
// document wrapper the system's file exporter needs for a file the core hands out (`FileOut`). The bytes are the core's; nothing here reads
// inside them, and a file opened with PhotoDay goes to the side showing as it is: the core tells a
// bundle from a log (or a pass card, or a staff file on a student phone) by its content.
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

/// A file from the core (a door log) as a document for `fileExporter`.
struct OutgoingFile: FileDocument {
    static var readableContentTypes: [UTType] { [.photoDayLog, .photoDayBundle, .data] }

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
