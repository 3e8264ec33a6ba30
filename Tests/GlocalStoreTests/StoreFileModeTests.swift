import Foundation
import GlocalStore
import Testing

/// A store glocal creates holds password hashes, sessions and sealed tokens: readable by its owner only.
struct StoreFileModeTests {
    static func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test func aNewStoreAndTheFolderMadeForItAreTheOwnersOnly() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("glocal-mode-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let path = root.appendingPathComponent(".glocal/glocal.sqlite").path
        let store = try SQLiteVariantStore(path: path)
        #expect(try Self.mode(path) == 0o600)
        #expect(try Self.mode(root.appendingPathComponent(".glocal").path) == 0o700)
        // The write-ahead log SQLite makes beside it takes the store's mode.
        #expect(try Self.mode(path + "-wal") == 0o600)
        _ = store
    }

    @Test func anExistingStoreKeepsTheModeItsOwnerGaveIt() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("glocal-mode-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let path = root.appendingPathComponent("glocal.sqlite").path
        _ = try SQLiteVariantStore(path: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        _ = try SQLiteVariantStore(path: path)
        #expect(try Self.mode(path) == 0o640)
    }
}
