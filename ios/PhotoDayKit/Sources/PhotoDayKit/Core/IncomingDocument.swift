// A file handed to the app (share sheet, "Open in", Files), as the side that takes it sees it.
// The app tells a bundle from a log by its declared file type (ios/PhotoDay/Core/FileTypes.swift);
// which side imports what, and what the other side says, is decided here (StaffModel.open,
// StudentRootModel.open).

import Foundation

public enum IncomingDocument: Equatable, Sendable {
    /// A signed bundle from the 教务处, `.pdb` (scanner or student; the core tells them apart).
    case bundle(URL)
    /// A door device's log, `.pdl`.
    case log(URL)
}
