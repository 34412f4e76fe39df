// Moving logs between door phones and to the 教务处 with no network: as a file (share it by
// AirDrop, a chat app or a cable) or as a sequence of QR codes one phone shows and another scans.
// Merging is the core's: idempotent and order-free, so importing a log twice changes nothing; it
// recognises a log file by content, whatever its name. Once this phone's records are exported,
// its personal data can be purged.

import PhotoDayCore
import PhotoDayKit
import SwiftUI
import UniformTypeIdentifiers

struct LogTransferView: View {
    @State var model = LogTransferModel()
    @State var files = StaffImportModel()
    @Environment(DataVersion.self) var version
    @Environment(\.dismiss) var dismiss
    @State var exporting = false
    @State var importing = false
    @State var receiving = false
    @State var confirmingPurge = false

    var body: some View {
        NavigationView {
            List {
                Section {
                    Button {
                        Task {
                            await model.exportFile()
                            exporting = model.exported != nil
                        }
                    } label: {
                        Label("Export as a file…", systemImage: "square.and.arrow.up")
                    }
                    Button {
                        Task { await model.exportQr() }
                    } label: {
                        Label("Show as QR codes", systemImage: "qrcode")
                    }
                } header: {
                    Text("Send this phone's log")
                } footer: {
                    Text("The log holds every record this phone has, its own and those merged from others.")
                }
                Section("Merge another phone's log") {
                    Button {
                        importing = true
                    } label: {
                        Label("Import a log file…", systemImage: "square.and.arrow.down")
                    }
                    Button {
                        receiving = true
                    } label: {
                        Label("Scan its QR codes", systemImage: "qrcode.viewfinder")
                    }
                }
                Section {
                    Button("Delete the roster and records…", role: .destructive) {
                        confirmingPurge = true
                    }
                } footer: {
                    Text("Only after this phone's log has been exported; the core refuses otherwise.")
                }
            }
            .navigationTitle("Logs")
            .doneButton { dismiss() }
            .fileExporter(
                isPresented: $exporting,
                document: model.exported.map { LogDocument(data: $0.data) },
                contentType: .photoDayLog,
                defaultFilename: model.exported?.fileName
            ) { result in
                switch result {
                case .success:
                    Task { await model.confirmExported() }
                case .failure(let error):
                    model.message = .failure(error)
                }
            }
            .fileImporter(isPresented: $importing, allowedContentTypes: [.photoDayLog, .data]) { result in
                guard case .success(let url) = result else { return }
                Task {
                    await files.importFile(url)
                    version.bump()
                }
            }
            .sheet(isPresented: $receiving, onDismiss: { version.bump() }) {
                LogQRReceiveView()
            }
            .sheet(item: qrSequence) { sequence in
                LogQRSequenceView(codes: sequence.codes) {
                    Task { await model.confirmExported() }
                }
            }
            .confirmationDialog(
                "Delete the roster, the bundle and every record on this phone?",
                isPresented: $confirmingPurge,
                titleVisibility: .visible
            ) {
                Button("Delete", role: .destructive) {
                    Task {
                        await model.purge()
                        version.bump()
                    }
                }
            }
            .messageAlert($model.message)
            .messageAlert($files.message)
            .reportAlert($files.report)
        }
    }

    @MainActor
    private var qrSequence: Binding<QRSequence?> {
        Binding(
            get: { model.qrCodes.map { QRSequence(codes: $0) } },
            set: { sequence in
                if sequence == nil { model.qrCodes = nil }
            })
    }
}

/// The log's QR codes as one sheet's item.
struct QRSequence: Identifiable {
    let codes: [QrCode]
    let id = UUID()
}
