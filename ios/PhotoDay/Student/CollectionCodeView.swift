// The CHSI 采集码: how to get it (the notice's routes, step by step), the saved screenshot kept
// app-private by the core, shown full-screen at full brightness for the photographer's scanner,
// and the core's readability check (decoded in memory; nothing of the content is kept). The app
// never makes or alters a 采集码.

import PhotoDayCore
import SwiftUI
import UIKit
import UniformTypeIdentifiers

@MainActor
final class CollectionCodeModel: ObservableObject {
    @Published private(set) var routes: [CollectionCodeRoute] = []
    @Published private(set) var image: UIImage?
    @Published private(set) var readability: Readability?
    @Published var message: String?

    func load() async {
        do {
            let state = try await CoreService.shared.student { (app: StudentApp) -> (Event?, Data?) in
                let saved = try app.collectionCode()
                return (app.event(), saved)
            }
            routes = state.0?.collectionCodeRoutes ?? []
            image = state.1.flatMap { data in UIImage(data: data) }
        } catch {
            message = ErrorText.of(error)
        }
    }

    func save(_ data: Data) async {
        await store { data }
    }

    func saveFile(_ url: URL) async {
        await store { try AppFiles.readPicked(url) }
    }

    /// Reads the image (a picked file is read off the main thread too) and hands it to the core,
    /// which keeps it as given and says whether a scanner can read it.
    private func store(_ bytes: @escaping @Sendable () throws -> Data) async {
        do {
            let saved = try await CoreService.shared.student { (app: StudentApp) -> (Readability, Data) in
                let data = try bytes()
                let readability = try app.saveCollectionCode(png: data)
                return (readability, data)
            }
            readability = saved.0
            image = UIImage(data: saved.1)
        } catch {
            message = ErrorText.of(error)
        }
    }

    func check() async {
        do {
            readability = try await CoreService.shared.student { (app: StudentApp) in
                try app.checkCollectionCode()
            }
        } catch {
            message = ErrorText.of(error)
        }
    }
}

struct CollectionCodeView: View {
    @StateObject var model = CollectionCodeModel()
    @EnvironmentObject var version: DataVersion
    @State var picking = false
    @State var choosingFile = false
    @State var showing = false

    var body: some View {
        NavigationView {
            List {
                Section {
                    if let image = model.image {
                        Button {
                            showing = true
                        } label: {
                            Image(uiImage: image)
                                .resizable()
                                .interpolation(.none)
                                .scaledToFit()
                                .frame(maxHeight: 240)
                                .frame(maxWidth: .infinity)
                        }
                        .accessibilityLabel(Text("Show the collection code full-screen"))
                    } else {
                        Text("No collection code saved yet. Save a screenshot of it from the CHSI app.")
                    }
                    if let readability = model.readability {
                        ReadabilityRow(readability: readability)
                    }
                    Button("Choose a screenshot…") { picking = true }
                    Button("Choose a file…") { choosingFile = true }
                    if model.image != nil {
                        Button("Check that it can be read") {
                            Task { await model.check() }
                        }
                    }
                } header: {
                    Text("Your collection code")
                } footer: {
                    Text("The photographer scans it before your photo is taken. Keep it ready.")
                }
                ForEach(model.routes, id: \.title) { route in
                    Section {
                        ForEach(Array(route.steps.enumerated()), id: \.offset) { step in
                            HStack(alignment: .firstTextBaseline) {
                                Text(verbatim: "\(step.offset + 1).")
                                    .monospacedDigit()
                                    .foregroundColor(.secondary)
                                Text(verbatim: step.element.localized)
                            }
                        }
                    } header: {
                        Text(verbatim: route.title.localized)
                    }
                }
            }
            .navigationTitle("Collection code")
            .task(id: version.value) { await model.load() }
            .sheet(isPresented: $picking) {
                PhotoPicker { data in
                    Task {
                        await model.save(data)
                        version.bump()
                    }
                }
            }
            .fileImporter(isPresented: $choosingFile, allowedContentTypes: [.png, .image]) { result in
                guard case .success(let url) = result else { return }
                Task {
                    await model.saveFile(url)
                    version.bump()
                }
            }
            .fullScreenCover(isPresented: $showing) {
                if let image = model.image {
                    FullScreenImage(image: image) { showing = false }
                }
            }
            .messageAlert($model.message)
        }
        .navigationViewStyle(.stack)
    }
}

struct ReadabilityRow: View {
    let readability: Readability

    var body: some View {
        if readability.readable {
            Label("A scanner can read it.", systemImage: "checkmark.seal.fill")
                .foregroundColor(.green)
        } else {
            Label(
                "No readable code found. Save a new, uncropped screenshot.",
                systemImage: "xmark.octagon.fill")
                .foregroundColor(.red)
        }
    }
}

/// The saved image on white, as large as the screen allows, at full brightness; a tap closes it.
struct FullScreenImage: View {
    let image: UIImage
    let close: () -> Void

    var body: some View {
        ZStack {
            Color.white.ignoresSafeArea()
            Image(uiImage: image)
                .resizable()
                .interpolation(.none)
                .scaledToFit()
                .padding()
        }
        .contentShape(Rectangle())
        .onTapGesture(perform: close)
        .fullBrightness()
    }
}
