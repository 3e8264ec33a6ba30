import Foundation
import GlocalCore
import GlocalPostgres
import GlocalStore

/// `glocal store migrate`: moves a SQLite store into an empty PostgreSQL store, for a team that outgrows one
/// machine.
///
/// The source must be a glocal store that passes SQLite's integrity check and that no `glocal serve` or
/// `glocal run` holds (``StoreServingLock``: what a server writes after the copy would be lost); it is read in
/// one read transaction, so the copy is one instant of it. The target is migrated to the current PostgreSQL
/// schema and must hold no data. Every table is copied in one PostgreSQL transaction, ids kept, then read back
/// and compared (row counts and SHA-256 checksums): any difference rolls the whole copy back. Sealed credentials
/// are copied sealed: the nodes need the same secret key.
public struct SQLiteToPostgresMigration: Sendable {
    /// The SQLite store's path.
    public var sourcePath: String
    /// The PostgreSQL store.
    public var target: PostgresLocation

    /// A move of the store at `sourcePath` into `target`.
    public init(sourcePath: String, target: PostgresLocation) {
        self.sourcePath = sourcePath
        self.target = target
    }

    /// Why a move was refused, or failed and was rolled back: nothing was committed either way.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// What went wrong, in one line.
        public let message: String
        /// Creates a failure.
        public init(message: String) { self.message = message }
        /// The message.
        public var description: String { message }
    }

    /// What a move copied.
    public struct Outcome: Sendable, Equatable {
        /// Each table's counts and checksums, all equal.
        public var verification: StoreCopyVerification
        /// How many sealed credentials were copied (they open only with the source's key).
        public var sealedCredentials: Int
    }

    /// The SQLite path `--from` names: `sqlite:PATH` or a plain path, relative to `currentDirectory`.
    public static func sourcePath(from text: String, currentDirectory: URL) throws -> String {
        if PostgresLocation.isPostgresURL(text) {
            throw Failure(message: "--from takes the SQLite store to move (sqlite:PATH or a path), not a PostgreSQL URL")
        }
        var path = text
        if path.hasPrefix("sqlite://") {
            path.removeFirst("sqlite://".count)
        } else if path.hasPrefix("sqlite:") {
            path.removeFirst("sqlite:".count)
        }
        guard !path.isEmpty else { throw Failure(message: "--from '\(text)' names no file: expected sqlite:PATH") }
        return URL(fileURLWithPath: path, relativeTo: currentDirectory).standardizedFileURL.path
    }

    /// The PostgreSQL store `--to` (else `$GLOCAL_DATABASE_URL`) names.
    public static func target(from text: String?, environment: [String: String]) throws -> PostgresLocation {
        guard let url = text ?? environment["GLOCAL_DATABASE_URL"], !url.isEmpty else {
            throw Failure(
                message: "name the PostgreSQL store to move into: --to postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE "
                    + "(or set GLOCAL_DATABASE_URL)")
        }
        do { return try PostgresLocation(url: url) } catch let failure as PostgresLocation.Failure {
            throw Failure(message: "--to: \(failure)")
        }
    }

    /// Moves the store; throws a `Failure` or a `StoreCopyError` (nothing committed) when it cannot.
    public func run() throws -> Outcome {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: sourcePath, isDirectory: &isFolder) else {
            throw Failure(message: "no SQLite store at \(sourcePath): name it with --from sqlite:PATH")
        }
        guard !isFolder.boolValue else {
            throw Failure(message: "\(sourcePath) is a folder, not a SQLite store: name the store's file with --from sqlite:PATH")
        }
        do { _ = try StoreBackup.check(sourcePath) } catch let error as StoreBackupError {
            throw Failure(message: error.message + "; nothing was copied: name a glocal SQLite store with --from sqlite:PATH")
        }
        let lock: StoreServingLock
        do { lock = try StoreServingLock.holdExclusive(forStoreAt: sourcePath) } catch {
            throw Failure(
                message: "glocal serve or glocal run is using \(sourcePath): stop it before moving the store "
                    + "(what it writes after the copy would be lost)")
        }
        defer { withExtendedLifetime(lock) {} }
        let source: SQLiteVariantStore
        do { source = try SQLiteVariantStore(path: sourcePath) } catch {
            throw Failure(message: "cannot open the SQLite store \(sourcePath): \(StoreFailure(error))")
        }
        // Checked before the target is touched, and again inside the snapshot the copy reads.
        try Self.checkTables(try source.readForCopy { try $0.tableNames() })
        let destination: PostgresStore
        do { destination = try PostgresStore(location: target, poolSize: 1) } catch {
            throw Self.unopenedTarget(error, target: target, sourcePath: sourcePath)
        }
        defer { destination.pool.close() }
        let verification: StoreCopyVerification
        do {
            verification = try source.readForCopy { snapshot in
                try Self.checkTables(try snapshot.tableNames())
                return try PostgresStoreImport(store: destination).copy(from: snapshot)
            }
        } catch let error as StoreCopyError {
            throw error
        } catch let error as PostgresStoreError {
            throw Failure(message: "the copy into \(target) failed and was rolled back (nothing committed): \(error)")
        } catch {
            throw Failure(message: "reading \(sourcePath) failed; nothing was committed: \(StoreFailure(error))")
        }
        let sealed = verification.lines.first { $0.table == "account_secret" }?.source.rows ?? 0
        return Outcome(verification: verification, sealedCredentials: sealed)
    }

    /// Why the PostgreSQL store `target` could not be opened (connected to, or migrated), in words a person acts on:
    /// what failed where, that nothing was copied, and what to check. The URL is shown without its password, and the
    /// server's own refusals (which never quote a password) keep their message and SQLSTATE.
    public static func unopenedTarget(_ error: any Error, target: PostgresLocation, sourcePath: String) -> Failure {
        let reason: String
        let check: String
        if let postgres = error as? PostgresStoreError {
            switch postgres.sqlState {
            case "connection":
                // The connect failure's own words name the place and the likely cause.
                reason = postgres.message
                check =
                    "check the host and port of the URL given with --to (or GLOCAL_DATABASE_URL) and that the "
                    + "server is running"
            case "28000", "28P01":
                reason = "the server refused the login: \(postgres.message) (SQLSTATE \(postgres.sqlState))"
                check = "check the user and password of the URL given with --to (or GLOCAL_DATABASE_URL)"
            case "3D000":
                reason = "\(postgres.message) (SQLSTATE 3D000)"
                check = "create the database first (createdb \(target.database)), or name another one with --to"
            default:
                reason = "\(postgres.message) (SQLSTATE \(postgres.sqlState))"
                check = "see the server's message"
            }
        } else {
            reason = StoreFailure(error).description
            check = "check the URL given with --to (or GLOCAL_DATABASE_URL)"
        }
        return Failure(
            message: "cannot open the PostgreSQL store \(target): \(reason); nothing was copied and \(sourcePath) is "
                + "unchanged: \(check), then run glocal store migrate again")
    }

    /// Refuses a source with a table the plan does not copy (a newer glocal's) or without one it copies.
    private static func checkTables(_ tables: [String]) throws {
        let unhandled = StoreCopyPlan.unhandledTables(in: tables)
        guard unhandled.isEmpty else { throw StoreCopyError.unhandledTables(unhandled) }
        let missing = StoreCopyPlan.missingTables(in: tables)
        guard missing.isEmpty else { throw StoreCopyError.missingTables(missing) }
    }
}
