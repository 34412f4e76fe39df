// Anything handed to a staff phone — the scanner bundle or another phone's log, picked in Files,
// copied to the clipboard, opened with PhotoDay, or a log arriving as QR codes in the camera —
// goes to the core's `importAny`, which recognises it by content (chat apps rename files; a photo
// of a log code works too), refuses a student's pack or pass with what to do instead, and says
// what it did in one line.

import Foundation
import Observation
import PhotoDayCore

@MainActor
@Observable
public final class StaffImportModel {
    /// What the last import did, in the core's words (a merged log's conflicts included).
    public var report: String?
    /// Where a log arriving as QR codes stands.
    public private(set) var progress: LogQrProgress?
    /// The last log merged from QR codes, kept while the sender's screen still shows its codes.
    public private(set) var merged: String?
    /// A file that was refused or could not be read.
    public var message: Message?

    @ObservationIgnored private let services: AppServices

    public init(services: AppServices = .shared) {
        self.services = services
    }

    /// A file chosen in the document picker.
    public func importFile(_ url: URL) async {
        await take(try AppFiles.readPicked(url))
    }

    /// A file opened with PhotoDay (share sheet, "Open in"), whatever its name says.
    public func open(_ url: URL) async {
        await take(try AppFiles.readIncoming(url))
    }

    /// The bytes of a file copied in Files or a chat app; nil when the clipboard had none.
    public func paste(_ data: Data?) async {
        guard let data else {
            message = .noBundleOnClipboard
            return
        }
        await take(data)
    }

    /// A code the camera read, many times a second: the core counts each log code once and says
    /// so when the whole log is already here. A refusal is shown under the camera, not as an alert.
    public func scanned(_ text: String) async {
        await take(Data(text.utf8), fromCamera: true)
    }

    /// Drops a half-received log (the other phone went away), so another phone's codes are taken.
    public func startOver() async {
        _ = try? await services.core.scanner { (app: ScannerApp) in app.abandonLogQr() }
        progress = nil
        report = nil
    }

    private func take(_ bytes: @autoclosure @escaping @Sendable () throws -> Data, fromCamera: Bool = false) async {
        do {
            let done = try await services.core.scanner { (app: ScannerApp) in try app.importAny(bytes: bytes()) }
            report = done.text.localized
            progress = done.progress ?? progress
            if done.kind == .logCode, done.log != nil { merged = report }
        } catch {
            if fromCamera {
                report = ErrorText.of(error)
            } else {
                message = .failure(error)
            }
        }
    }
}
