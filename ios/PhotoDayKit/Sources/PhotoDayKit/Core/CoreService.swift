// The one door from the app to the Rust core.
//
// Most core calls read or write the SQLite file (the bindings' docs say which), so none may run
// on the main thread. An actor gives every call its own executor off the main actor and runs them
// one at a time; screen models `await` a call and publish its result on the main actor. The two
// role objects are opened lazily, each over its own database, so a student phone never creates a
// scanner database and the other way round. No other type holds a core object.

import Foundation
import PhotoDayCore

public actor CoreService {
    /// The app's core, over the databases in Application Support/PhotoDay.
    public static let shared = CoreService()

    private let folder: @Sendable () throws -> URL
    private var studentApp: StudentApp?
    private var scannerApp: ScannerApp?

    /// A core whose databases live in `folder` (tests give a scratch folder; the app the default).
    public init(folder: @escaping @Sendable () throws -> URL = AppFiles.databaseFolder) {
        self.folder = folder
    }

    /// Runs `body` with the student's core object, opening its database on first use.
    public func student<T>(_ body: @Sendable (StudentApp) throws -> T) throws -> T {
        try body(openStudent())
    }

    /// Runs `body` with the door device's core object, opening its database on first use.
    public func scanner<T>(_ body: @Sendable (ScannerApp) throws -> T) throws -> T {
        try body(openScanner())
    }

    private func openStudent() throws -> StudentApp {
        if let app = studentApp { return app }
        let app = try StudentApp(dbPath: path(AppFiles.studentDatabase))
        studentApp = app
        return app
    }

    private func openScanner() throws -> ScannerApp {
        if let app = scannerApp { return app }
        let app = try ScannerApp(dbPath: path(AppFiles.scannerDatabase))
        scannerApp = app
        return app
    }

    private func path(_ name: String) throws -> String {
        try folder().appendingPathComponent(name, isDirectory: false).path
    }
}
