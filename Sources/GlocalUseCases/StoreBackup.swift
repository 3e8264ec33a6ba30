import Foundation
import GRDB
import GlocalPostgres
import GlocalStore

/// `glocal store backup` and `glocal store restore`.
///
/// A backup is taken online through SQLite's backup API (GRDB's `backup(to:)`) from a read
/// connection: one consistent snapshot even while the dispatcher or the web UI writes, without
/// stopping them. It is written beside its destination and renamed into place, so a failed backup
/// leaves no partial file. A restore is refused while a server holds the store (``StoreServingLock``),
/// checks the backup (`PRAGMA integrity_check`, and that its schema is one this glocal knows), keeps the
/// current store as `<store>.before-restore-<time>` and then puts the backup in its place.
public struct StoreBackup: Sendable {
    /// The store's path.
    public var databasePath: String

    /// Works on the store at `databasePath`.
    public init(databasePath: String) { self.databasePath = databasePath }

    /// A PostgreSQL store is backed up and restored with PostgreSQL's own tools; its URL is never printed with its password.
    private func refusePostgres(_ operation: String) throws {
        guard PostgresLocation.isPostgresURL(databasePath) else { return }
        let shown = (try? PostgresLocation(url: databasePath).description) ?? "postgres://…"
        throw StoreBackupError(
            message: "glocal store \(operation) works on a SQLite store; \(shown) is PostgreSQL: use pg_dump and pg_restore "
                + "(docs/operations.md, Backups)")
    }

    /// A backup is a file: a `postgres://` URL given as one is most likely meant for `glocal store migrate`.
    private static func refuseURL(_ path: String, _ operation: String) throws {
        guard PostgresLocation.isPostgresURL(path) else { return }
        let shown = (try? PostgresLocation(url: path).description) ?? "postgres://…"
        throw StoreBackupError(
            message: "glocal store \(operation) takes a file, not \(shown): to copy the store into PostgreSQL, use "
                + "glocal store migrate --from sqlite:STORE --to postgres://… (docs/operations.md)")
    }

    /// What a backup wrote.
    public struct Summary: Sendable, Equatable {
        /// The backup's path.
        public var path: String
        /// Its size in bytes.
        public var bytes: Int
        /// The schema migrations it carries.
        public var migrations: Int
    }

    /// Copies the store into a new file at `destination` (which must not exist).
    public func backup(to destination: String) throws -> Summary {
        try refusePostgres("backup")
        try Self.refuseURL(destination, "backup")
        guard FileManager.default.fileExists(atPath: databasePath) else {
            throw StoreBackupError(message: "no store at \(databasePath)")
        }
        guard !FileManager.default.fileExists(atPath: destination) else {
            throw StoreBackupError(message: "\(destination) exists already: choose a new file (a backup never overwrites)")
        }
        try Self.checkFolder(of: destination)
        let partial = destination + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        Self.removeDatabaseFiles(at: partial)
        let migrations: Int
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(30)
            let source = try DatabasePool(path: databasePath, configuration: configuration)
            // A backup holds what the store holds (password hashes, sealed tokens): owner-only, like a new store.
            _ = FileManager.default.createFile(atPath: partial, contents: nil, attributes: [.posixPermissions: 0o600])
            let target = try DatabaseQueue(path: partial)
            try source.backup(to: target)
            // One self-contained file: in rollback-journal mode the copy is read (checked, restored) without a -wal
            // and -shm beside it. The store opened from it is put back in WAL mode.
            try target.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
            try target.close()
            try source.close()
            migrations = try Self.check(partial)
            try FileManager.default.moveItem(atPath: partial, toPath: destination)
        } catch {
            // Nothing half-written stays behind: the partial copy and any journal SQLite made for it.
            Self.removeDatabaseFiles(at: partial)
            throw StoreBackupError(message: Self.failureMessage(error, destination: destination))
        }
        let bytes = (try? FileManager.default.attributesOfItem(atPath: destination)[.size] as? NSNumber)?.intValue ?? 0
        return Summary(path: destination, bytes: bytes, migrations: migrations)
    }

    /// The folder a backup goes into must be there and take new files; said plainly before SQLite is asked.
    private static func checkFolder(of destination: String) throws {
        let folder = URL(fileURLWithPath: destination).deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else {
            throw StoreBackupError(message: "backup failed: the folder \(folder) does not exist: create it first")
        }
        guard isFolder.boolValue else { throw StoreBackupError(message: "backup failed: \(folder) is not a folder") }
        guard FileManager.default.isWritableFile(atPath: folder) else {
            throw StoreBackupError(
                message:
                    "backup failed: cannot create files in \(folder) (permission denied): choose a folder this user may write")
        }
    }

    /// A failed backup in plain words: a full disk said as such, not as SQLite's code.
    static func failureMessage(_ error: any Error, destination: String) -> String {
        if let error = error as? StoreBackupError { return error.message }
        guard let database = error as? DatabaseError else {
            return "backup failed: \(error.localizedDescription); nothing was left behind"
        }
        switch database.resultCode {
        case .SQLITE_FULL:
            return "backup failed: the disk is full (writing \(destination)); nothing was left behind: "
                + "free some space there or back up to another disk"
        case .SQLITE_IOERR:
            return "backup failed: cannot write \(destination) (disk I/O error: is the disk full, or the file larger "
                + "than this process may write?); nothing was left behind"
        default:
            return "backup failed: SQLite error \(database.resultCode.rawValue)"
                + (database.message.map { ": \($0)" } ?? "") + "; nothing was left behind"
        }
    }

    /// Removes the SQLite file at `path` and the journal, WAL and shared-memory files SQLite may have made beside it.
    private static func removeDatabaseFiles(at path: String) {
        for suffix in ["", "-journal", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// Checks `path` as a store backup: integrity and a schema this glocal knows; returns its migration count.
    public static func check(_ path: String) throws -> Int {
        guard FileManager.default.fileExists(atPath: path) else { throw StoreBackupError(message: "no file at \(path)") }
        var configuration = Configuration()
        configuration.readonly = true
        let identifiers: [String]
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            let result = try queue.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
            guard result == ["ok"] else {
                throw StoreBackupError(
                    message: "\(path) fails SQLite's integrity check: \(result.prefix(3).joined(separator: "; "))")
            }
            identifiers = try queue.read { db in
                guard try db.tableExists("grdb_migrations") else { return [] }
                return try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
            }
        } catch let error as StoreBackupError {
            throw error
        } catch {
            // SQLite's code and message, without the statement GRDB appends.
            throw StoreBackupError(message: "\(path) is not a glocal store: \(StoreFailure(error))")
        }
        guard !identifiers.isEmpty else { throw StoreBackupError(message: "\(path) is not a glocal store (no schema version)") }
        let known = Set(StoreSchema.migrationIdentifiers)
        let unknown = identifiers.filter { !known.contains($0) }
        guard unknown.isEmpty else {
            throw StoreBackupError(
                message:
                    "\(path) was written by a newer glocal (schema \(unknown.sorted().joined(separator: ", "))): "
                    + "upgrade glocal first"
            )
        }
        return identifiers.count
    }

    /// Replaces the store with the backup at `source`; returns where the previous store was kept (if there was one).
    public func restore(from source: String, now: Date = Date()) throws -> String? {
        try refusePostgres("restore")
        try Self.refuseURL(source, "restore")
        let lock = try StoreServingLock.holdExclusive(forStoreAt: databasePath)
        defer { withExtendedLifetime(lock) {} }
        _ = try Self.check(source)
        let manager = FileManager.default
        let staging = databasePath + ".restoring-\(ProcessInfo.processInfo.processIdentifier)"
        try? manager.removeItem(atPath: staging)
        do {
            // As a store glocal creates: folders it makes 0700, the store 0600, whatever mode the backup file had.
            try manager.createDirectory(
                at: URL(fileURLWithPath: databasePath).deletingLastPathComponent(), withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
            try manager.copyItem(atPath: source, toPath: staging)
            try manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: staging)
        } catch { throw StoreBackupError(message: "cannot copy \(source) beside the store: \(error.localizedDescription)") }
        var kept: String?
        if manager.fileExists(atPath: databasePath) {
            // Checkpointed first, so the kept copy is whole without its -wal file.
            if let pool = try? DatabasePool(path: databasePath) {
                _ = try? pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
                try? pool.close()
            }
            let stamp = ISO8601DateFormatter().string(from: now).replacingOccurrences(of: ":", with: "")
            let previous = databasePath + ".before-restore-\(stamp)"
            do { try manager.moveItem(atPath: databasePath, toPath: previous) } catch {
                try? manager.removeItem(atPath: staging)
                throw StoreBackupError(message: "cannot move the current store aside: \(error.localizedDescription)")
            }
            kept = previous
        }
        for suffix in ["-wal", "-shm"] { try? manager.removeItem(atPath: databasePath + suffix) }
        do { try manager.moveItem(atPath: staging, toPath: databasePath) } catch {
            throw StoreBackupError(message: "cannot put the backup in place: \(error.localizedDescription)")
        }
        return kept
    }
}
