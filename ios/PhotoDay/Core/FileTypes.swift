// The two kinds of file PhotoDay exchanges, as iOS knows them (declared in Info.plist), and the
// document the system's file exporter needs for a file the core hands out (`FileOut`). The bytes
// are the core's; it tells a bundle from a log or a pass by content. The names (.photoday,
// .photodaylog; MIME application/vnd.photoday.*) are Android's and the CLI's too; the first names,
// .pdb and .pdl, belong to other apps and are not declared (the pickers still list any file).

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
