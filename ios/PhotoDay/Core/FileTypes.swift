// The two kinds of file PhotoDay exchanges, as iOS knows them (declared in Info.plist), and the
// document wrapper the system's file exporter needs. The bytes are the core's; nothing here reads
// inside them.

import SwiftUI
import UniformTypeIdentifiers

extension UTType {
    /// A signed bundle from the 教务处, `.pdb` (scanner or student; the core tells them apart).
    static let photoDayBundle = UTType(exportedAs: "cn.photoday.bundle")
    /// A door device's log, `.pdl`.
    static let photoDayLog = UTType(exportedAs: "cn.photoday.log")
}

/// What a file handed to the app (share sheet, "Open in", Files) is, by its type.
enum IncomingFile: Equatable {
    case bundle(URL)
    case log(URL)

    init?(url: URL) {
        guard let type = UTType(filenameExtension: url.pathExtension) else { return nil }
        if type.conforms(to: .photoDayLog) {
            self = .log(url)
        } else if type.conforms(to: .photoDayBundle) {
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
