import Foundation
import HeftCore
import HeftPresentation
import Observation

/// The store as the app has it: opening, open, or refused.
enum Opening {
    /// Opening, recovering or reopening: draw a placeholder.
    case pending
    /// Open: what every view model is given. `generation` counts reopenings,
    /// so the screens are built anew over a new store.
    case ready(CoreContext, generation: Int)
    /// The core's words for why the database could not be opened.
    case failed(ProblemScreen)
}

/// Owns the one HeftStore of the process. The database lives in Application
/// Support (heft/heft.sqlite, beside its -wal, -shm and any file the core
/// sets aside), excluded from iCloud and device backups: it holds this
/// device's id, and a restore onto another phone would make two devices of
/// one, whose sync files would overwrite each other. Opening, recovering and
/// reopening run off the main actor, one at a time.
@MainActor
@Observable
final class StoreHolder {
    private(set) var opening: Opening = .pending

    @ObservationIgnored private var store: HeftStore?
    @ObservationIgnored private var generation = 0
    private let runner = QueueCoreRunner()
    /// One opening, closing or recovery at a time.
    @ObservationIgnored private var working: Task<Void, Never>?

    init() {
        reopen()
    }

    /// The open store's context, once open (for the reminder's background check).
    var core: CoreContext? {
        if case .ready(let core, _) = opening { return core }
        return nil
    }

    /// `reopen` (and `retry` on a refused open): closes and opens again.
    func reopen() {
        serially { holder in
            await holder.close()
            await holder.open()
        }
    }

    /// `recover`: every readable row of a damaged database into a sound one
    /// (the damaged file is kept aside by the core), then opens it.
    func recover() {
        serially { holder in
            await holder.close()
            let path = Self.databaseURL.path
            let failure: HeftError? = await holder.runner.run {
                do {
                    _ = try recoverDatabase(path: path)
                    return nil
                } catch {
                    return error as? HeftError ?? HeftError.Other(reason: String(describing: error))
                }
            }
            if let failure {
                holder.opening = .failed(await holder.describe(failure))
            } else {
                await holder.open()
            }
        }
    }

    private func serially(_ body: @escaping @MainActor (StoreHolder) async -> Void) {
        let before = working
        working = Task { @MainActor [weak self] in
            await before?.value
            guard let self else { return }
            await body(self)
        }
    }

    private func close() async {
        opening = .pending
        guard let store else { return }
        self.store = nil
        await runner.run { store.close() }
    }

    private struct Opened: @unchecked Sendable {
        let store: HeftStore?
        let error: HeftError?
    }

    private func open() async {
        let url = Self.databaseURL
        let opened: Opened = await runner.run {
            do {
                try Self.prepareFolder(url.deletingLastPathComponent())
                return Opened(store: try HeftStore.open(path: url.path), error: nil)
            } catch {
                return Opened(store: nil, error: error as? HeftError ?? HeftError.Other(reason: String(describing: error)))
            }
        }
        guard let store = opened.store else {
            opening = .failed(await describe(opened.error ?? HeftError.Other(reason: String(describing: url))))
            return
        }
        self.store = store
        generation += 1
        do {
            let changes = try Changes.of(store)
            let core = CoreContext(
                store: store,
                runner: runner,
                clock: SystemDayClock(),
                language: { Self.chosenLanguage(store) ?? Self.phoneLanguage() },
                changes: changes
            )
            opening = .ready(core, generation: generation)
            // What a session due means changes with the log, the program,
            // the training days and what a sync brought: ask again.
            changes.subscribe(self, to: [.today, .program, .settings, .sync]) {
                Task { await TrainingReminder.refresh(core) }
            }
        } catch {
            opening = .failed(await describe(error as? HeftError ?? HeftError.Other(reason: String(describing: error))))
        }
    }

    /// Application Support/heft/heft.sqlite.
    nonisolated static var databaseURL: URL {
        URL.applicationSupportDirectory
            .appending(path: "heft", directoryHint: .isDirectory)
            .appending(path: "heft.sqlite", directoryHint: .notDirectory)
    }

    /// Creates the database's folder and keeps it out of backups. Excluding
    /// the folder covers every file SQLite and the core put in it (-wal,
    /// -shm, a damaged file set aside), including ones made later.
    nonisolated private static func prepareFolder(_ folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var values = URLResourceValues()
        values.isExcludedFromBackup = true
        var folder = folder
        try folder.setResourceValues(values)
    }

    /// The language chosen in Settings. A store that cannot answer (closed,
    /// damaged) follows the phone: the view models read the language while
    /// describing a failed call, and that must not fail in turn.
    nonisolated private static func chosenLanguage(_ store: HeftStore) -> Language? {
        try? store.preferredLanguage()
    }

    nonisolated private static func phoneLanguage() -> Language {
        languageForTag(tag: Locale.preferredLanguages.first ?? Locale.current.identifier)
    }

    /// The core's words for an error thrown before any store was open: the
    /// library describes it without a store.
    private func describe(_ error: HeftError) async -> ProblemScreen {
        let language = Self.phoneLanguage()
        return await runner.run { describeProblem(error: error, language: language) }
    }
}
