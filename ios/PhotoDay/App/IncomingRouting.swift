// A file handed to the app, as PhotoDayKit's models take it: FileTypes.swift tells a bundle from a
// log by its declared type; which side imports what is the models' rule (StaffModel.open,
// StudentRootModel.open).

import PhotoDayKit

extension IncomingFile {
    var document: IncomingDocument {
        switch self {
        case .bundle(let url): return .bundle(url)
        case .log(let url): return .log(url)
        }
    }
}
