// Importing the scanner bundle the 教务处 made (`photoday bundle scanner --out door.pdb`): from
// Files or a chat app's document picker, or from a file copied to the clipboard (the view reads
// the pasteboard). The core checks its signature and refuses a tampered, truncated or foreign
// bundle whole.

import Foundation
import Observation
import PhotoDayCore

@MainActor
@Observable
public final class BundleImportModel {
    public private(set) var summary: BundleSummary?
    public var message: Notice?

    @ObservationIgnored private let services: AppServices

    public init(services: AppServices = .shared) {
        self.services = services
    }

    public func importFile(_ url: URL) async {
        await importBundle { try AppFiles.readPicked(url) }
    }

    /// The bytes of a .pdb file copied in Files (or a chat app); nil when the clipboard had none.
    public func paste(_ data: Data?) async {
        guard let data else {
            message = .noBundleOnClipboard
            return
        }
        await importBundle { data }
    }

    private func importBundle(_ bytes: @escaping @Sendable () throws -> Data) async {
        do {
            summary = try await services.core.scanner { (app: ScannerApp) in
                try app.importBundle(bytes: bytes())
            }
        } catch {
            message = .failure(error)
        }
    }
}
