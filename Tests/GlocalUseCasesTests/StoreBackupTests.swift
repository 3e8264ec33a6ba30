import Foundation
import GRDB
import GlocalStore
import GlocalUseCases
import Synchronization
import Testing

/// `glocal store backup` (online, consistent while a writer is active) and `restore` (refused while a
/// server holds the store; integrity and schema checked; the old store kept).
struct StoreBackupTests {
    static func directory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("glocal-backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// A store with a `pair` table that a writer fills two rows per transaction.
    static func store(in directory: URL) throws -> (path: String, pool: DatabasePool) {
        let path = directory.appendingPathComponent("glocal.sqlite").path
        _ = try SQLiteVariantStore(path: path)
        let pool = try DatabasePool(path: path)
        try pool.write { db in try db.execute(sql: "CREATE TABLE pair (id INTEGER PRIMARY KEY, half INTEGER NOT NULL)") }
        return (path, pool)
    }

    @Test func aBackupTakenWhileAWriterIsActiveIsOneConsistentSnapshot() async throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (path, pool) = try Self.store(in: directory)
        let stop = Mutex(false)
        let written = Mutex(0)
        let writer = Thread {
            while !stop.withLock({ $0 }) {
                try? pool.write { db in
                    try db.execute(sql: "INSERT INTO pair (half) VALUES (1)")
                    try db.execute(sql: "INSERT INTO pair (half) VALUES (2)")
                }
                written.withLock { $0 += 1 }
            }
        }
        writer.start()
        // Bounded wait for the writer to be under way (no wall-clock sleep).
        for _ in 0..<1_000_000 where written.withLock({ $0 }) < 50 { await Task.yield() }
        let before = written.withLock { $0 }
        let backupPath = directory.appendingPathComponent("backup.sqlite").path
        let summary = try StoreBackup(databasePath: path).backup(to: backupPath)
        // It holds what the store holds: the owner's only.
        #expect(try FileManager.default.attributesOfItem(atPath: backupPath)[.posixPermissions] as? Int == 0o600)
        for _ in 0..<1_000_000 where written.withLock({ $0 }) < before + 20 { await Task.yield() }
        stop.withLock { $0 = true }
        for _ in 0..<10_000_000 where writer.isExecuting { await Task.yield() }
        #expect(before >= 50)
        #expect(summary.migrations == StoreSchema.migrationIdentifiers.count)
        let copy = try DatabaseQueue(path: backupPath)
        let (rows, halves) = try await copy.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM pair")!,
                try Int.fetchOne(db, sql: "SELECT sum(half) FROM pair") ?? 0
            )
        }
        // Whole transactions only: every transaction added one row of each half.
        #expect(rows % 2 == 0)
        #expect(halves == rows / 2 * 3)
        #expect(rows >= before * 2)
        let total = try await pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM pair")! }
        #expect(rows < total)
        #expect(try await copy.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") } == ["ok"])
        // A backup never overwrites.
        #expect(throws: StoreBackupError.self) { try StoreBackup(databasePath: path).backup(to: backupPath) }
    }

    @Test func aRestoreIsRefusedWhileAServerHoldsTheStoreAndKeepsTheOldStore() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (path, pool) = try Self.store(in: directory)
        try pool.write { db in try db.execute(sql: "INSERT INTO pair (half) VALUES (7)") }
        let backupPath = directory.appendingPathComponent("backup.sqlite").path
        _ = try StoreBackup(databasePath: path).backup(to: backupPath)
        try pool.write { db in try db.execute(sql: "INSERT INTO pair (half) VALUES (8)") }
        try pool.close()

        do {
            let serving = try StoreServingLock.holdShared(forStoreAt: path)
            #expect(throws: StoreBackupError(message: "glocal serve, run or dispatch holds this store: stop it first")) {
                try StoreBackup(databasePath: path).restore(from: backupPath)
            }
            withExtendedLifetime(serving) {}
        }
        let kept = try #require(try StoreBackup(databasePath: path).restore(from: backupPath))
        let restored = try DatabaseQueue(path: path)
        #expect(try restored.read { db in try Int.fetchAll(db, sql: "SELECT half FROM pair") } == [7])
        let previous = try DatabaseQueue(path: kept)
        #expect(try previous.read { db in try Int.fetchAll(db, sql: "SELECT half FROM pair ORDER BY id") } == [7, 8])
        // A server can start again once the restore is done.
        _ = try StoreServingLock.holdShared(forStoreAt: path)
    }

    @Test func aBrokenOrNewerBackupIsRefusedAndTheStoreIsUntouched() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (path, pool) = try Self.store(in: directory)
        try pool.close()
        let junk = directory.appendingPathComponent("junk.sqlite").path
        try Data("not a database at all, just text".utf8).write(to: URL(fileURLWithPath: junk))
        #expect(throws: StoreBackupError.self) { try StoreBackup(databasePath: path).restore(from: junk) }

        let newer = directory.appendingPathComponent("newer.sqlite").path
        _ = try StoreBackup(databasePath: path).backup(to: newer)
        try DatabaseQueue(path: newer).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
        }
        do {
            _ = try StoreBackup(databasePath: path).restore(from: newer)
            Issue.record("a backup of a newer schema was restored")
        } catch let error as StoreBackupError {
            #expect(error.message.contains("written by a newer glocal (schema v99-from-the-future)"))
        }
        let entries = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(!entries.contains { $0.contains("before-restore") || $0.contains("restoring") })
    }

    @Test func aPostgresURLGivenAsTheBackupFileIsRefusedWithTheWayToMigrateAndNoPassword() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (path, pool) = try Self.store(in: directory)
        try pool.close()
        let url = "postgres://glocal:s3cret-pw@127.0.0.1:5432/glocal"
        for operation in ["backup", "restore"] {
            do {
                if operation == "backup" {
                    _ = try StoreBackup(databasePath: path).backup(to: url)
                } else {
                    _ = try StoreBackup(databasePath: path).restore(from: url)
                }
                Issue.record("\(operation) to a URL was not refused")
            } catch let error as StoreBackupError {
                #expect(error.message.contains("glocal store \(operation) takes a file"))
                #expect(error.message.contains("glocal store migrate"))
                #expect(!error.message.contains("s3cret-pw"))
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["glocal.sqlite"])
    }
}
