import Foundation
import GlocalCore
import GlocalPostgres
import GlocalStore

/// Where a workspace's store lives, and the one place a store is opened for it: a SQLite file, a SQLite
/// store in memory (planning before the first apply), or a PostgreSQL database shared by several nodes.
public enum StoreLocation: Sendable, Equatable, CustomStringConvertible {
    /// A SQLite file at this path (created and migrated when opened).
    case sqliteFile(String)
    /// An empty SQLite store in memory, gone when closed.
    case sqliteMemory
    /// A PostgreSQL database (its schema created and migrated when opened).
    case postgres(PostgresLocation)

    /// The location `database` names: a `postgres://` URL, else a SQLite file's path.
    public init(database: String) throws {
        if PostgresLocation.isPostgresURL(database) {
            self = .postgres(try PostgresLocation(url: database))
        } else {
            self = .sqliteFile(database)
        }
    }

    /// For messages: the file's path, or the URL without its password.
    public var description: String {
        switch self {
        case .sqliteFile(let path): return path
        case .sqliteMemory: return ":memory:"
        case .postgres(let location): return location.description
        }
    }

    /// Opens (and migrates) the store here; `nodeID` is recorded with the dispatcher's audit events.
    public func open(nodeID: String? = nil) throws -> any WorkspaceStore {
        switch self {
        case .sqliteFile(let path): return try SQLiteVariantStore(path: path, nodeID: nodeID)
        case .sqliteMemory: return try SQLiteVariantStore.inMemory(nodeID: nodeID)
        case .postgres: return try openPostgres(nodeID: nodeID)
        }
    }

    /// The PostgreSQL store here, as its own type (the queue's listener needs its connections); a server that does not
    /// answer is `StoreFailure.Kind.unavailable`.
    public func openPostgres(nodeID: String?) throws -> PostgresStore {
        guard case .postgres(let location) = self else {
            throw StoreFailure(kind: .refused, description: "\(description) is not a PostgreSQL store")
        }
        do {
            return try PostgresStore(location: location, nodeID: nodeID)
        } catch {
            throw StoreFailure(kind: .unavailable, description: String(describing: error))
        }
    }
}
