// Where the core's databases and the chosen side live, and how files handed to the app are read.
//
// Application Support is app-private and not shown in the Files app. The folder is excluded from
// iCloud and computer backups: the scanner's roster and the student's pass and 采集码 are personal
// data the core purges after the day (DESIGN §6), and a backup would keep a copy beyond its reach.
// Excluding the folder covers SQLite's -wal and -shm files too.

import Foundation

public enum AppFiles {
    public static let studentDatabase = "student.sqlite"
    public static let scannerDatabase = "scanner.sqlite"
    /// The core's small file that remembers which side the phone is on (`Screens`' `modeFile`).
    public static let modeFile = "mode"

    /// Application Support/PhotoDay, created and marked excluded from backup on first use.
    @Sendable
    public static func databaseFolder() throws -> URL {
        let support = try FileManager.default.url(
            for: .applicationSupportDirectory, in: .userDomainMask, appropriateFor: nil, create: true)
        return try prepare(support.appendingPathComponent("PhotoDay", isDirectory: true))
    }

    /// Creates `folder` if needed and keeps it out of backups.
    public static func prepare(_ folder: URL) throws -> URL {
        var folder = folder
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        #if canImport(Darwin)
        // Backups are an Apple notion; swift-corelibs-foundation has no such resource value.
        var values = URLResourceValues()
        values.isExcludedFromBackup = true
        try folder.setResourceValues(values)
        #endif
        return folder
    }

    /// Reads a file the user picked (document picker, share sheet, "Open in"), which lies outside
    /// the sandbox and must be opened inside a security-scoped access.
    public static func readPicked(_ url: URL) throws -> Data {
        #if canImport(Darwin)
        let scoped = url.startAccessingSecurityScopedResource()
        defer {
            if scoped { url.stopAccessingSecurityScopedResource() }
        }
        #endif
        return try Data(contentsOf: url)
    }

    /// Reads a file handed over by "Open in PhotoDay". iOS copies it into Documents/Inbox; that
    /// copy (a scanner bundle may hold the roster) is deleted once read, so the only copy left is
    /// the one inside the core's database, which the core purges.
    public static func readIncoming(
        _ url: URL, documents: URL? = FileManager.default.urls(for: .documentDirectory, in: .userDomainMask).first
    ) throws -> Data {
        let data = try readPicked(url)
        if let documents, isInInbox(url, documents: documents) {
            try? FileManager.default.removeItem(at: url)
        }
        return data
    }

    /// Whether `url` is iOS's copy of a handed-over file, in Documents/Inbox.
    public static func isInInbox(_ url: URL, documents: URL) -> Bool {
        let inbox = documents.appendingPathComponent("Inbox", isDirectory: true).standardizedFileURL.path
        return url.standardizedFileURL.path.hasPrefix(inbox + "/")
    }
}
