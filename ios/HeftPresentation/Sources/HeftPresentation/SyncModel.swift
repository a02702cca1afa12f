import Foundation
import HeftCore
import Observation

public enum SyncEvent: Equatable, Sendable {
    case refresh
    /// `export`: make the file (encrypted with the passphrase when given).
    case export(passphrase: String?)
    /// The app wrote `export` where the person chose (or the picker was cancelled).
    case exportHandled
    /// `import`: a `.heft` file the person picked, read by the app.
    case importFile(name: String, bytes: Data, passphrase: String?)
    /// A CSV export of another app (Strong, Hevy, FitNotes, StrongLifts,
    /// Liftosaur) the person picked, read by the app; its layout and unit
    /// are found by the core unless given.
    case importCsv(name: String, bytes: Data, options: CsvImportOptions)
    /// `sync_folder`: the folder's documents as the app read them.
    case syncFolder(documents: [SyncDocument], passphrase: String?)
    /// The app wrote `folderWrite` into the folder.
    case folderWriteHandled
    /// The app could not read or write a file the person chose (its system
    /// message): shown as the core describes an I/O failure.
    case fileFailed(reason: String)
    case dismissProblem
}

/// Sync: this device, the others seen, the last result; export, import and
/// a shared folder. Files travel as bytes: the app reads and writes them
/// where the person chose (a security-scoped URL) and the core never sees
/// a path.
@MainActor
@Observable
public final class SyncModel: CoreModel {
    public private(set) var screen: Loadable<SyncScreen> = .loading
    /// An export made and waiting for the app to write where the person chooses.
    public private(set) var export: ExportFile?
    /// This device's file for the sync folder, waiting for the app to write it there.
    public private(set) var folderWrite: SyncDocument?
    public internal(set) var busy = false
    public internal(set) var problem: ProblemScreen?

    let core: CoreContext
    public let jobs = Jobs()

    public init(core: CoreContext) {
        self.core = core
        load()
        core.changes.subscribe(self, to: [.sync]) { [weak self] in self?.load() }
    }

    public func send(_ event: SyncEvent) {
        switch event {
        case .refresh:
            load()
        case .export(let passphrase):
            write({ c in try c.store.exportBytes(passphrase: passphrase) },
                  then: { model, file in model.export = file })
        case .exportHandled:
            export = nil
        case .importFile(let name, let bytes, let passphrase):
            write({ c in try c.store.importBytes(bytes: bytes, name: name, passphrase: passphrase, language: c.language()) },
                  then: Self.show)
        case .importCsv(let name, let bytes, let options):
            write({ c in try c.store.importCsvBytes(bytes: bytes, name: name, options: options, language: c.language()) },
                  then: Self.show)
        case .syncFolder(let documents, let passphrase):
            write({ c in try c.store.syncDocuments(documents: documents, passphrase: passphrase, language: c.language()) },
                  then: { model, sync in
                      model.screen = .ready(sync.screen)
                      model.folderWrite = sync.write
                  })
        case .folderWriteHandled:
            folderWrite = nil
        case .fileFailed(let reason):
            folderWrite = nil
            read({ _ -> Bool in throw HeftError.Io(reason: reason) },
                 failed: { model, problem in model.problem = problem },
                 then: { _, _ in })
        case .dismissProblem:
            dismissProblem()
        }
    }

    private static func show(_ model: SyncModel, _ screen: SyncScreen) {
        model.screen = .ready(screen)
    }

    private func load() {
        read({ c in try c.store.syncScreen(language: c.language()) },
             failed: { model, problem in model.screen = .failed(problem) },
             then: Self.show)
    }
}
