import Foundation
import HeftCore
import SwiftUI
import UniformTypeIdentifiers

extension UTType {
    /// A Heft export (`.heft`), declared in the app's Info.plist.
    static let heftExport = UTType(exportedAs: "app.heft.export", conformingTo: .data)
}

/// An export the core made, for `fileExporter`: the bytes and the name it
/// suggests, written where the person chooses. The app never reads it back.
struct ExportDocument: FileDocument {
    static let readableContentTypes: [UTType] = [.heftExport]

    let file: ExportFile

    init(file: ExportFile) {
        self.file = file
    }

    init(configuration: ReadConfiguration) throws {
        // Exports are only written; opening one is an import (fileImporter).
        throw CocoaError(.fileReadUnsupportedScheme)
    }

    func fileWrapper(configuration: WriteConfiguration) throws -> FileWrapper {
        let wrapper = FileWrapper(regularFileWithContents: file.bytes)
        wrapper.preferredFilename = file.name
        return wrapper
    }
}

/// A file the person picked, as the core takes it: its name and bytes.
struct PickedFile: Sendable {
    let name: String
    let bytes: Data

    /// Reads a picked URL inside its security scope (files from other apps'
    /// providers are reachable only within it).
    static func read(_ url: URL) throws -> PickedFile {
        let scoped = url.startAccessingSecurityScopedResource()
        defer {
            if scoped { url.stopAccessingSecurityScopedResource() }
        }
        var coordinated: Result<Data, Error> = .failure(CocoaError(.fileReadUnknown))
        var failure: NSError?
        NSFileCoordinator().coordinate(readingItemAt: url, options: [], error: &failure) { readable in
            coordinated = Result { try Data(contentsOf: readable) }
        }
        if let failure { throw failure }
        return PickedFile(name: url.lastPathComponent, bytes: try coordinated.get())
    }
}
