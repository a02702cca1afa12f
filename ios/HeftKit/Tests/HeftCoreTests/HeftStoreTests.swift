import Foundation
import HeftCore
import XCTest

/// The XCFramework on a simulator or device: the static library links,
/// both C modules import, a database opens in the app's own storage, and
/// errors arrive as `HeftError`. The binding surface as a whole is tested
/// on the JVM (bindings/kotlin-tests); this checks only what differs here.
final class HeftStoreTests: XCTestCase {
    func testInMemoryStoreHasTheExerciseCatalog() throws {
        let store = try HeftStore.openInMemory()
        defer { store.close() }
        XCTAssertNil(try store.path())
        XCTAssertGreaterThan(try store.exercises().count, 100)
    }

    func testFileStoreOpensInTemporaryStorage() throws {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent(UUID().uuidString, isDirectory: true)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }

        let store = try HeftStore.open(path: dir.appendingPathComponent("heft.db").path)
        defer { store.close() }
        try store.integrityCheck()
        XCTAssertEqual(try store.deviceId().count, 32)
    }

    func testUnknownIdIsNotFound() throws {
        let store = try HeftStore.openInMemory()
        defer { store.close() }
        XCTAssertThrowsError(try store.exercise(id: "no-such-exercise")) { error in
            guard let heftError = error as? HeftError,
                  case .NotFound(let entity, _) = heftError
            else {
                return XCTFail("expected HeftError.NotFound, got \(error)")
            }
            XCTAssertEqual(entity, "exercise")
        }
    }
}
