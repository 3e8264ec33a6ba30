import Foundation
import GlocalCore
import GlocalDispatch
import GlocalPostgres
import GlocalStore

/// What a dispatcher node works on, seen through the store protocols: the queue, the engagement
/// readings and the sealed credentials, on SQLite (one node) or on PostgreSQL (several nodes).
public struct DispatchStores: Sendable {
    /// The publish queue.
    public var queue: any PublishJobQueue
    /// Engagement readings.
    public var metrics: any EngagementMetricsStore
    /// The credentials the dispatcher and the collector read.
    public var credentials: StoredCredentials
    /// Wakes an idle node when work falls due on PostgreSQL (`nil` on SQLite: one node polls).
    public var listener: PostgresQueueListener?
    /// Where the store is, for messages (a PostgreSQL URL without its password).
    public var location: String
}

/// What the PostgreSQL store does not serve yet, said once.
public enum PostgresSupport {
    /// Why a command that needs the SQLite store refuses a PostgreSQL URL.
    public static let sqliteOnly = """
        this command still needs the SQLite store; on PostgreSQL, glocal dispatch (and its nodes) runs today: \
        prepare the store with SQLite and copy it (docs/operations.md, "Choosing SQLite or PostgreSQL")
        """
}

extension WorkspaceAccess {
    /// The PostgreSQL store `databasePath` names, if it is a `postgres://` URL.
    public var postgresLocation: PostgresLocation? {
        PostgresLocation.isPostgresURL(databasePath) ? try? PostgresLocation(url: databasePath) : nil
    }

    /// Opens what a dispatcher node needs, on SQLite or PostgreSQL; `nodeID` is recorded with the
    /// dispatcher's audit events on PostgreSQL. The credentials' key is `secretKey()` (every node needs the same key).
    public func openDispatchStores(nodeID: String) throws -> DispatchStores {
        guard PostgresLocation.isPostgresURL(databasePath) else {
            let store = try openStore(.existing)
            return DispatchStores(
                queue: store.publishQueue, metrics: store.metrics, credentials: try credentials(in: store), listener: nil,
                location: databasePath)
        }
        let store = try openPostgresStore(nodeID: nodeID)
        return DispatchStores(
            queue: store.publishQueue, metrics: store.metrics,
            credentials: StoredCredentials(secrets: PostgresCredentialVault(store: store, key: try secretKey())),
            listener: PostgresQueueListener(store: store), location: storeDescription)
    }
}
