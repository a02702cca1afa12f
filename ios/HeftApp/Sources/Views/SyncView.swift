import CoreTransferable
import HeftCore
import HeftPresentation
import SwiftUI
import UniformTypeIdentifiers

/// Sync: this device, the others seen, the last result; export, import
/// (a `.heft` file or another app's CSV) and the sync folder. The app moves
/// bytes between the files the person picks and the core; the core decides
/// what they mean.
@MainActor
struct SyncView: View {
    let model: SyncModel

    /// What the one file picker is open for (one `fileImporter` per view:
    /// SwiftUI honours only one).
    private enum Picking {
        case export, csv, folder
    }

    @State private var picking: Picking?
    @State private var passphrase = ""
    @State private var savingExport = false

    var body: some View {
        LoadableView(loadable: model.screen, onProblem: { _ in model.send(.refresh) }) { screen in
            List {
                Section {
                    DeviceView(device: screen.device)
                }
                Section {
                    if let empty = screen.empty {
                        EmptyStateView(empty: empty)
                    }
                    ForEach(screen.devices, id: \.id) { device in DeviceView(device: device) }
                }
                if let last = screen.last {
                    Section {
                        BannerView(banner: Banner(text: last.summary, tone: last.tone))
                        ForEach(Array(last.files.enumerated()), id: \.offset) { _, file in
                            VStack(alignment: .leading, spacing: 2) {
                                Text(verbatim: file.name).font(.callout.monospaced())
                                Text(verbatim: file.text).foregroundStyle(file.tone.color)
                            }
                            .accessibilityElement(children: .combine)
                        }
                    } header: {
                        Text(verbatim: last.title)
                    }
                }
                Section {
                    SecureField("sync.passphrase", text: $passphrase)
                    ForEach(Array(screen.actions.enumerated()), id: \.offset) { _, action in
                        Button { perform(action) } label: { Text(verbatim: action.label) }
                            .disabled(model.busy)
                    }
                    Button("sync.import_csv") { picking = .csv }
                        .disabled(model.busy)
                    if SyncFolder.chosen {
                        Button("sync.choose_folder") { picking = .folder }
                            .disabled(model.busy)
                    }
                }
                if let file = model.export {
                    Section {
                        Text(verbatim: file.name).font(.callout.monospaced())
                        ShareLink(item: SharedExport(file: file), preview: SharePreview(file.name))
                        Button("sync.save_to_files") { savingExport = true }
                        Button("action.close") { model.send(.exportHandled) }
                    }
                }
            }
        }
        .navigationTitle(model.screen.value.map { Text(verbatim: $0.title) } ?? Text("more.sync"))
        .refreshable { model.send(.refresh) }
        .fileImporter(isPresented: Binding(get: { picking != nil }, set: { if !$0 { picking = nil } }),
                      allowedContentTypes: types(picking)) { result in
            picked(result, for: picking)
        }
        .fileExporter(isPresented: $savingExport,
                      document: model.export.map { ExportDocument(file: $0) },
                      contentType: .heftExport,
                      defaultFilename: model.export?.name) { result in
            if case .failure(let error) = result {
                model.send(.fileFailed(reason: error.localizedDescription))
            } else {
                model.send(.exportHandled)
            }
        }
        .task(id: model.folderWrite?.name) {
            // This device's document for the folder, written as soon as the
            // core hands it over.
            guard let document = model.folderWrite else { return }
            do {
                try await Task.detached { try SyncFolder.write(document) }.value
                model.send(.folderWriteHandled)
            } catch {
                model.send(.fileFailed(reason: error.localizedDescription))
            }
        }
        .problemSheet(model.problem, onAction: { _ in model.send(.refresh) },
                      onDismiss: { model.send(.dismissProblem) })
    }

    private var secret: String? { passphrase.isEmpty ? nil : passphrase }

    private func perform(_ action: SetupAction) {
        switch action.kind {
        case .export: model.send(.export(passphrase: secret))
        case .import: picking = .export
        case .syncFolder:
            if SyncFolder.chosen { syncFolder() } else { picking = .folder }
        default: break
        }
    }

    private func types(_ picking: Picking?) -> [UTType] {
        switch picking {
        case .export: return [.heftExport, .data]
        case .csv: return [.commaSeparatedText, .plainText, .data]
        case .folder: return [.folder]
        case nil: return []
        }
    }

    private func picked(_ result: Result<URL, Error>, for picking: Picking?) {
        let secret = self.secret
        Task {
            do {
                let url = try result.get()
                switch picking {
                case .export:
                    let file = try await Task.detached { try PickedFile.read(url) }.value
                    model.send(.importFile(name: file.name, bytes: file.bytes, passphrase: secret))
                case .csv:
                    let file = try await Task.detached { try PickedFile.read(url) }.value
                    model.send(.importCsv(name: file.name, bytes: file.bytes, options: CsvImportOptions()))
                case .folder:
                    try SyncFolder.choose(url)
                    syncFolder()
                case nil:
                    break
                }
            } catch let error as CocoaError where error.code == .userCancelled {
                return
            } catch {
                model.send(.fileFailed(reason: error.localizedDescription))
            }
        }
    }

    private func syncFolder() {
        let secret = self.secret
        Task {
            do {
                let documents = try await Task.detached { try SyncFolder.read() }.value
                model.send(.syncFolder(documents: documents, passphrase: secret))
            } catch {
                model.send(.fileFailed(reason: error.localizedDescription))
            }
        }
    }
}

@MainActor
private struct DeviceView: View {
    let device: DeviceRow

    var body: some View {
        VStack(alignment: .leading, spacing: 2) {
            Text(verbatim: device.name)
            Text(verbatim: device.detail).font(.caption).foregroundStyle(.secondary)
        }
        .accessibilityElement(children: .combine)
    }
}

/// An export for ShareLink: written to a temporary file under the name the
/// core suggests, so AirDrop, Mail or Files receive a `.heft` file.
private struct SharedExport: Transferable {
    let file: ExportFile

    static var transferRepresentation: some TransferRepresentation {
        FileRepresentation(exportedContentType: .heftExport) { export in
            let url = FileManager.default.temporaryDirectory.appending(path: export.file.name, directoryHint: .notDirectory)
            try export.file.bytes.write(to: url, options: .atomic)
            return SentTransferredFile(url)
        }
    }
}
