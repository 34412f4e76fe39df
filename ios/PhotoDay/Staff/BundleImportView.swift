// Importing the scanner bundle the 教务处 made (`photoday bundle scanner --out door.photoday`):
// from Files or a chat app's document picker, from a file copied to the clipboard, or opened
// straight from the share sheet ("Open in PhotoDay", handled by StaffRootView). The core
// recognises the file by content, checks its signature and refuses a tampered, truncated or
// foreign bundle whole, or a student's pack, with what to do instead.

import PhotoDayCore
import PhotoDayKit
import SwiftUI
import UIKit
import UniformTypeIdentifiers

struct BundleImportView: View {
    @State var model = StaffImportModel()
    @Environment(DataVersion.self) var version
    @State var choosingFile = false

    var body: some View {
        Form {
            Section {
                Button {
                    choosingFile = true
                } label: {
                    Label("Choose the bundle file…", systemImage: "folder")
                }
                Button {
                    Task {
                        await model.paste(copiedBundle())
                        version.bump()
                    }
                } label: {
                    Label("Paste a copied bundle file", systemImage: "doc.on.clipboard")
                }
            } header: {
                Text("Scanner bundle")
            } footer: {
                Text("The 教务处 sends a scanner bundle (.photoday) for this event. You can also open it from a chat or Files with “Open in PhotoDay”.")
            }
            if let report = model.report {
                MessageRow(text: report, isError: false)
            }
        }
        .navigationTitle("Door device")
        .fileImporter(isPresented: $choosingFile, allowedContentTypes: [.photoDayBundle, .data]) { result in
            guard case .success(let url) = result else { return }
            Task {
                await model.importFile(url)
                version.bump()
            }
        }
        .messageAlert($model.message)
    }

    /// A bundle file copied in Files (or a chat app) is on the clipboard as bytes of its type.
    private func copiedBundle() -> Data? {
        let board = UIPasteboard.general
        return board.data(forPasteboardType: UTType.photoDayBundle.identifier)
            ?? board.data(forPasteboardType: UTType.data.identifier)
    }
}
