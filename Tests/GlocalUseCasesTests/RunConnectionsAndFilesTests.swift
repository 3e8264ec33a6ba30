import Foundation
import GRDB
@testable import GlocalStore
@testable import GlocalUseCases
import Testing

/// `glocal run`'s web UI and dispatcher on SQLite: each with its own connections and busy timeout, so a web request
/// waits 5 s for another process's lock, not 5 s behind the dispatcher and then 5 s more (docs/operations.md, A busy
/// store). And the store's side files: lock files 0600, the folders made for them 0700.
struct RunConnectionsAndFilesTests {
    static func directory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("glocal-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    static func mode(_ path: String) throws -> Int? {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
    }

    @Test func theDispatcherWritesThroughItsOwnConnectionsEachWithTheDocumentedBusyTimeout() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let access = WorkspaceAccess(
            root: WorkspaceAccessTests.repositoryRoot, databasePath: directory.appendingPathComponent("glocal.sqlite").path,
            environment: [:])
        let served = try ServedWorkspace(access: access, demo: false, now: Date(), nodeID: "node-a", say: { _ in })
        let web = try #require(served.store as? SQLiteVariantStore)
        let dispatch = try #require(try served.dispatchStore() as? SQLiteVariantStore)
        // Two pools, so two writer connections: neither queues behind the other's wait for a lock.
        let writers = [web.writer, dispatch.writer].map { ObjectIdentifier($0 as AnyObject) }
        #expect(writers[0] != writers[1])
        #expect(dispatch.nodeID == "node-a")
        for store in [web, dispatch] {
            let timeout = try store.writer.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA busy_timeout") }
            #expect(timeout == 5_000)
        }
    }

    @Test func aFailedRoundIsNamedOnHealthzByItsKindOnly() {
        let locked = DatabaseError(
            resultCode: .SQLITE_BUSY, message: "database is locked", sql: "UPDATE publish_job SET state = ?", arguments: [])
        let texts = [
            StoreFailure(locked).healthText,
            StoreFailure(DatabaseError(resultCode: .SQLITE_IOERR, message: "disk I/O error")).healthText,
            StoreFailure(StoreFailure(kind: .unavailable, description: "PostgreSQL error connection: 127.0.0.1:5432")).healthText,
        ]
        #expect(texts[0] == "store busy (another process holds its lock; the log has the error)")
        #expect(texts[1] == "store unavailable (the log has the error)")
        #expect(texts[2] == "store unavailable (the log has the error)")
        for text in texts {
            #expect(
                !text.contains("SQLite") && !text.contains("UPDATE") && !text.contains("PostgreSQL") && !text.contains("5432"))
        }
    }

    @Test func theServingLockIsTheOwnersOnlyAndSoAreTheFoldersItMakes() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("a/b/glocal.sqlite").path
        let lock = try StoreServingLock.holdShared(forStoreAt: store)
        #expect(try Self.mode(lock.path) == 0o600)
        #expect(try Self.mode(directory.appendingPathComponent("a").path) == 0o700)
        #expect(try Self.mode(directory.appendingPathComponent("a/b").path) == 0o700)
    }

    @Test func theNodesLockFilesAndTheirFolderAreTheOwnersOnly() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let liveness = FileNodeLiveness(databasePath: directory.appendingPathComponent("glocal.sqlite").path)
        let lock = try liveness.hold("node-a")
        defer { lock.release() }
        #expect(try Self.mode(liveness.directory.path) == 0o700)
        #expect(try Self.mode(liveness.lockFile("node-a").path) == 0o600)
    }

    @Test func aFullDiskIsSaidAsSuchNotAsSQLitesCode() {
        let message = StoreBackup.failureMessage(
            DatabaseError(resultCode: .SQLITE_FULL, message: "not an error"), destination: "/backups/b.sqlite")
        #expect(message.hasPrefix("backup failed: the disk is full (writing /backups/b.sqlite)"))
        #expect(message.contains("nothing was left behind"))
        #expect(!message.contains("not an error") && !message.contains("13"))
    }
}
