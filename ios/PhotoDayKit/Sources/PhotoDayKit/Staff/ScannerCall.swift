// How a staff screen model calls the door device's core: off the main actor (CoreService), at the
// app's clock, with a failure handed to the screen as its alert. One place, so each model is only
// the calls its screen makes.

import Foundation
import PhotoDayCore

extension AppServices {
    /// `body` run with the scanner at `now()`; nil after handing a failure to `failed`.
    @MainActor
    func scanner<T: Sendable>(
        _ failed: (Message) -> Void, _ body: @escaping @Sendable (ScannerApp, Int64) throws -> T
    ) async -> T? {
        let now = self.now()
        do {
            return try await core.scanner { (app: ScannerApp) in try body(app, now) }
        } catch {
            failed(.failure(error))
            return nil
        }
    }
}
