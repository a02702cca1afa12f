import Foundation
import HeftCore

/// The sync folder the person chose (a folder a file-sync service
/// replicates: iCloud Drive, a provider in Files), kept as a
/// security-scoped bookmark so the app reaches it again after a restart.
/// The app lists it and hands every file to the core as a SyncDocument;
/// the core decides what to merge and returns the one document to write
/// back. No merge logic here, and the core never sees a path.
enum SyncFolder {
    private static let key = "sync.folder.bookmark"

    /// Whether a folder was chosen.
    static var chosen: Bool {
        UserDefaults.standard.data(forKey: key) != nil
    }

    /// Remembers `url`, picked with fileImporter (a folder).
    static func choose(_ url: URL) throws {
        let scoped = url.startAccessingSecurityScopedResource()
        defer {
            if scoped { url.stopAccessingSecurityScopedResource() }
        }
        let bookmark = try url.bookmarkData(options: [], includingResourceValuesForKeys: nil, relativeTo: nil)
        UserDefaults.standard.set(bookmark, forKey: key)
    }

    /// Every file of the folder, as the core takes them.
    static func read() throws -> [SyncDocument] {
        try withFolder { folder in
            var documents: [SyncDocument] = []
            var failure: NSError?
            var inner: Error?
            NSFileCoordinator().coordinate(readingItemAt: folder, options: [], error: &failure) { readable in
                do {
                    let names = try FileManager.default.contentsOfDirectory(
                        at: readable, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
                    for file in names where (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                        documents.append(SyncDocument(name: file.lastPathComponent, bytes: try Data(contentsOf: file)))
                    }
                } catch {
                    inner = error
                }
            }
            if let failure { throw failure }
            if let inner { throw inner }
            return documents
        }
    }

    /// Writes this device's document into the folder, replacing the one of
    /// that name, atomically (a reader never sees half a file).
    static func write(_ document: SyncDocument) throws {
        try withFolder { folder in
            let target = folder.appending(path: document.name, directoryHint: .notDirectory)
            var failure: NSError?
            var inner: Error?
            NSFileCoordinator().coordinate(writingItemAt: target, options: .forReplacing, error: &failure) { writable in
                do {
                    try document.bytes.write(to: writable, options: .atomic)
                } catch {
                    inner = error
                }
            }
            if let failure { throw failure }
            if let inner { throw inner }
        }
    }

    private static func withFolder<T>(_ body: (URL) throws -> T) throws -> T {
        guard let bookmark = UserDefaults.standard.data(forKey: key) else {
            throw CocoaError(.fileNoSuchFile)
        }
        var stale = false
        let folder = try URL(resolvingBookmarkData: bookmark, options: [], relativeTo: nil, bookmarkDataIsStale: &stale)
        let scoped = folder.startAccessingSecurityScopedResource()
        defer {
            if scoped { folder.stopAccessingSecurityScopedResource() }
        }
        if stale {
            // Moved or renamed: keep following it under its new name.
            try? choose(folder)
        }
        return try body(folder)
    }
}
