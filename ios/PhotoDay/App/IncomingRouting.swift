// A file handed to the app, as PhotoDayKit's models take it: FileTypes.swift tells a bundle from a
// log by its declared type for the student side (StudentRootModel.open); a staff phone hands any
// file to the core, which recognises it by content (StaffImportModel.open).

import PhotoDayKit

extension IncomingFile {
    var document: IncomingDocument {
        switch self {
        case .bundle(let url): return .bundle(url)
        case .log(let url): return .log(url)
        }
    }
}
