// A file handed to the app (share sheet, "Open in", Files), as the side that takes it sees it.
// The student side tells a bundle from a log by its declared file type
// (ios/PhotoDay/Core/FileTypes.swift, StudentRootModel.open); a staff phone takes the file as it
// is and the core recognises it by content (StaffImportModel.open).

import Foundation

public enum IncomingDocument: Equatable, Sendable {
    /// A signed bundle from the 教务处, `.pdb` (scanner or student; the core tells them apart).
    case bundle(URL)
    /// A door device's log, `.pdl`.
    case log(URL)

    /// The file, whatever its name says.
    public var url: URL {
        switch self {
        case .bundle(let url), .log(let url): return url
        }
    }
}
