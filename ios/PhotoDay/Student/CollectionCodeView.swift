// The CHSI 采集码: how to get it (the notice's routes, step by step), the saved screenshot kept
// app-private by the core, shown full-screen at full brightness for the photographer's scanner,
// and the core's readability check (decoded in memory; nothing of the content is kept). The app
// never makes or alters a 采集码.

import PhotoDayCore
import PhotoDayKit
import SwiftUI
import UIKit
import UniformTypeIdentifiers

struct CollectionCodeView: View {
    @State var model = CollectionCodeModel()
    @Environment(DataVersion.self) var version
    @State var picking = false
    @State var choosingFile = false
    @State var showing = false

    var body: some View {
        NavigationView {
            List {
                Section {
                    if let image = picture {
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
                if let image = picture {
                    FullScreenImage(image: image) { showing = false }
                }
            }
            .messageAlert($model.message)
        }
        .navigationViewStyle(.stack)
    }

    /// The saved bytes, drawn as the image they are.
    private var picture: UIImage? {
        model.image.flatMap { data in UIImage(data: data) }
    }
}

/// The core's one line on the check: readable, readable but with more than one code (crop it to
/// the 采集码), or why not (no code, too small, cut off or blurred) and what to do.
struct ReadabilityRow: View {
    let readability: Readability

    var body: some View {
        Label {
            Text(verbatim: readability.verdict.localized)
        } icon: {
            Image(systemName: readability.readable ? "checkmark.seal.fill" : "xmark.octagon.fill")
        }
        .foregroundColor(readability.readable ? .green : .red)
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
