// The CHSI 采集码: how to get it (the notice's routes, step by step), the saved screenshot kept
// app-private by the core, and the core's readability check (decoded in memory; nothing of the
// content is kept). The app never makes or alters a 采集码; the view draws the saved bytes.

import Foundation
import Observation
import PhotoDayCore

@MainActor
@Observable
public final class CollectionCodeModel {
    public private(set) var routes: [CollectionCodeRoute] = []
    /// The saved image's bytes, exactly as the student gave them.
    public private(set) var image: Data?
    public private(set) var readability: Readability?
    public var message: Message?

    @ObservationIgnored private let services: AppServices

    public init(services: AppServices = .shared) {
        self.services = services
    }

    public func load() async {
        do {
            let state = try await services.core.student { (app: StudentApp) -> (Event?, Data?) in
                let saved = try app.collectionCode()
                return (app.event(), saved)
            }
            routes = state.0?.collectionCodeRoutes ?? []
            image = state.1
        } catch {
            message = .failure(error)
        }
    }

    public func save(_ data: Data) async {
        await store { data }
    }

    public func saveFile(_ url: URL) async {
        await store { try AppFiles.readPicked(url) }
    }

    /// Reads the image (a picked file is read off the main thread too) and hands it to the core,
    /// which keeps it as given and says whether a scanner can read it.
    private func store(_ bytes: @escaping @Sendable () throws -> Data) async {
        do {
            let saved = try await services.core.student { (app: StudentApp) -> (Readability, Data) in
                let data = try bytes()
                let readability = try app.saveCollectionCode(png: data)
                return (readability, data)
            }
            readability = saved.0
            image = saved.1
        } catch {
            message = .failure(error)
        }
    }

    public func check() async {
        do {
            readability = try await services.core.student { (app: StudentApp) in
                try app.checkCollectionCode()
            }
        } catch {
            message = .failure(error)
        }
    }
}
