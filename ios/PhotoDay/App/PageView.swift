// The whole app on screen: a NavigationStack over the model's back stack, each entry the core's
// page drawn by `PageScreen`. What the core cannot do itself is done here, for the action the
// model is asking about: the "are you sure?", the typed line, the file picker, the photo picker;
// and for each outcome: its message as a banner, its file through the system's exporter, its
// signal as a sound and a haptic.

import PhotoDayCore
import PhotoDayKit
import SwiftUI
import UniformTypeIdentifiers

struct PageView: View {
    let model: PageModel

    @Environment(\.scenePhase) private var scenePhase
    @State private var banner: Said?
    @State private var confirming = false
    @State private var typing = false
    @State private var typed = ""
    @State private var choosingFile = false
    @State private var choosingPhoto = false
    @State private var exporting = false

    var body: some View {
        NavigationStack(path: Binding(get: { Array(model.stack.dropFirst()) }, set: { model.follow(path: $0) })) {
            PageScreen(model: model, id: .start)
                .navigationDestination(for: PageId.self) { id in
                    PageScreen(model: model, id: id)
                }
        }
        .overlay(alignment: .bottom) {
            if let banner {
                Text(banner.text)
                    .padding()
                    .frame(maxWidth: .infinity)
                    .foregroundStyle(.white)
                    .background(banner.tone.colour ?? .gray, in: RoundedRectangle(cornerRadius: 12))
                    .padding()
                    .onTapGesture { self.banner = nil }
            }
        }
        .task(id: model.message) {
            banner = model.message?.value
            let seconds: UInt64 = banner?.tone == .refused ? 8 : 4
            try? await Task.sleep(nanoseconds: seconds * 1_000_000_000)
            banner = nil
        }
        .task { await model.start() }
        .onChange(of: scenePhase) { _, phase in
            if phase == .active { Task { await model.start() } }
        }
        .onChange(of: model.signal) { _, signal in
            if let signal { Feedback.play(signal.value) }
        }
        .onChange(of: model.file) { _, file in exporting = file != nil }
        .onChange(of: model.asking) { _, asking in
            switch asking?.ask {
            case .confirm?: confirming = true
            case .text?: typed = ""; typing = true
            case .file?: choosingFile = true
            case .photo?: choosingPhoto = true
            case nil: break
            }
        }
        .confirmationDialog(question, isPresented: $confirming, titleVisibility: .visible) {
            Button(model.asking?.action.label ?? model.words.ok, role: model.asking?.action.style == .danger ? .destructive : nil) {
                Task { await model.confirmed() }
            }
            Button(model.words.cancel, role: .cancel) { Task { await model.answer(nil) } }
        }
        .alert(label, isPresented: $typing) {
            TextField(label, text: $typed)
            Button(model.words.ok) { Task { await model.answer(.text(text: typed)) } }
            Button(model.words.cancel, role: .cancel) { Task { await model.answer(nil) } }
        }
        .fileImporter(isPresented: $choosingFile, allowedContentTypes: [.data]) { result in
            guard case .success(let url) = result, let data = try? AppFiles.readPicked(url) else {
                return model.say(model.words.fileUnreadable, .refused)
            }
            Task { await model.answer(.bytes(bytes: data)) }
        }
        .sheet(isPresented: $choosingPhoto) {
            PhotoPicker { data in Task { await model.answer(.bytes(bytes: data)) } }
        }
        .fileExporter(
            isPresented: $exporting, document: model.file.map { OutgoingFile(data: $0.value.bytes) },
            contentType: model.file.flatMap { UTType(filenameExtension: URL(fileURLWithPath: $0.value.name).pathExtension) } ?? .data,
            defaultFilename: model.file?.value.name
        ) { result in
            switch result {
            case .success(let url): Task { await model.fileSaved(url.lastPathComponent) }
            case .failure(let error): model.say(error.localizedDescription, .refused)
            }
        }
    }

    private var question: String {
        if case .confirm(let text)? = model.asking?.ask { return text }
        return ""
    }

    private var label: String {
        if case .text(let text)? = model.asking?.ask { return text }
        return ""
    }
}

/// One page of the stack: its blocks top to bottom, its title, its menu, its brightness.
struct PageScreen: View {
    let model: PageModel
    let id: PageId

    private var shown: Page? { model.pages[id] }

    var body: some View {
        if let page = shown {
            ScrollViewReader { proxy in
                List {
                    ForEach(Array(page.blocks.enumerated()), id: \.offset) { _, block in
                        BlockView(block: block, model: model)
                    }
                }
                // A page opens where the core says (the timeline at its next date).
                .onAppear { if let focus = page.focus { proxy.scrollTo(Int(focus), anchor: .top) } }
            }
            .navigationTitle(page.title)
            .navigationBarTitleDisplayMode(.inline)
            .navigationBarBackButtonHidden(!page.canGoBack)
            .toolbar {
                if !page.menu.isEmpty {
                    ToolbarItem(placement: .topBarTrailing) {
                        Menu {
                            ForEach(Array(page.menu.enumerated()), id: \.offset) { _, action in menuItem(action) }
                        } label: {
                            Image(systemName: "ellipsis.circle").accessibilityLabel(model.words.menu)
                        }
                    }
                }
            }
            .fullBrightness(page.bright)
        } else {
            ProgressView()
        }
    }

    private func menuItem(_ action: Action) -> some View {
        Button(action.label, role: action.style == .danger ? .destructive : nil) {
            Task { await model.tap(action) }
        }
    }
}
