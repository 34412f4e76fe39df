// Where the core's databases live.
//
// Application Support is app-private and not shown in the Files app. The folder is excluded from
// iCloud and computer backups: the scanner's roster and the student's pass and 采集码 are personal
// data the core purges after the day (DESIGN §6), and a backup would keep a copy beyond its reach.
// Excluding the folder covers SQLite's -wal and -shm files too.

import Foundation

enum AppFiles {
    static let studentDatabase = "student.sqlite"
    static let scannerDatabase = "scanner.sqlite"

    /// The full path of a database file in Application Support/PhotoDay, creating the folder and
    /// marking it excluded from backup on first use.
    static func databasePath(_ name: String) throws -> String {
        try folder().appendingPathComponent(name, isDirectory: false).path
    }

    private static func folder() throws -> URL {
        let support = try FileManager.default.url(
            for: .applicationSupportDirectory, in: .userDomainMask, appropriateFor: nil, create: true)
        var folder = support.appendingPathComponent("PhotoDay", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var values = URLResourceValues()
        values.isExcludedFromBackup = true
        try folder.setResourceValues(values)
        return folder
    }

    /// Reads a file the user picked (document picker, share sheet, "Open in"), which lies outside
    /// the sandbox and must be opened inside a security-scoped access.
    static func readPicked(_ url: URL) throws -> Data {
        let scoped = url.startAccessingSecurityScopedResource()
        defer {
            if scoped { url.stopAccessingSecurityScopedResource() }
        }
        return try Data(contentsOf: url)
    }

    /// Reads a file handed over by "Open in PhotoDay". iOS copies it into Documents/Inbox; that
    /// copy (a scanner bundle may hold the roster) is deleted once read, so the only copy left is
    /// the one inside the core's database, which the core purges.
    static func readIncoming(_ url: URL) throws -> Data {
        let data = try readPicked(url)
        if let documents = FileManager.default.urls(for: .documentDirectory, in: .userDomainMask).first,
           url.standardizedFileURL.path.hasPrefix(documents.appendingPathComponent("Inbox").standardizedFileURL.path) {
            try? FileManager.default.removeItem(at: url)
        }
        return data
    }
}
