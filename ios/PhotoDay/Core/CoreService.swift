// The one door from the app to the Rust core.
//
// Most core calls read or write the SQLite file (the bindings' docs say which), so none may run
// on the main thread. An actor gives every call its own executor off the main actor and runs them
// one at a time; screen models `await` a call and publish its result on the main actor. The two
// role objects are opened lazily, each over its own database, so a student phone never creates a
// scanner database and the other way round.

import Foundation
import PhotoDayCore

actor CoreService {
    static let shared = CoreService()

    private var studentApp: StudentApp?
    private var scannerApp: ScannerApp?

    /// Runs `body` with the student's core object, opening its database on first use.
    func student<T>(_ body: @Sendable (StudentApp) throws -> T) throws -> T {
        try body(openStudent())
    }

    /// Runs `body` with the door device's core object, opening its database on first use.
    func scanner<T>(_ body: @Sendable (ScannerApp) throws -> T) throws -> T {
        try body(openScanner())
    }

    private func openStudent() throws -> StudentApp {
        if let app = studentApp { return app }
        let app = try StudentApp(dbPath: AppFiles.databasePath(AppFiles.studentDatabase))
        studentApp = app
        return app
    }

    private func openScanner() throws -> ScannerApp {
        if let app = scannerApp { return app }
        let app = try ScannerApp(dbPath: AppFiles.databasePath(AppFiles.scannerDatabase))
        scannerApp = app
        return app
    }
}
