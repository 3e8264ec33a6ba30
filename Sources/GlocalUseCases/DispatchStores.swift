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

extension WorkspaceAccess {
    /// The PostgreSQL store `databasePath` names, if it is a `postgres://` URL.
    public var postgresLocation: PostgresLocation? {
        PostgresLocation.isPostgresURL(databasePath) ? try? PostgresLocation(url: databasePath) : nil
    }

    /// Opens what a dispatcher node needs, on SQLite or PostgreSQL; `nodeID` is recorded with the
    /// dispatcher's audit events. The credentials' key is `secretKey()` (every node needs the same key): one that
    /// opens none of the store's sealed credentials throws ``UseCaseError/secretKeyOpensNone(sealed:)``.
    public func openDispatchStores(nodeID: String) throws -> DispatchStores {
        let store = try openStore(.existing, nodeID: nodeID)
        let vault = try secrets(in: store)
        try CredentialKeyCheck.verify(vault)
        return DispatchStores(
            queue: store.publishQueue, metrics: store.metrics, credentials: StoredCredentials(secrets: vault),
            listener: Self.queueListener(for: store), location: storeDescription)
    }

    /// What wakes an idle dispatcher of `store` when work falls due: PostgreSQL's NOTIFY (`nil` on SQLite: one node polls).
    public static func queueListener(for store: any WorkspaceStore) -> PostgresQueueListener? {
        (store as? PostgresStore).map { PostgresQueueListener(store: $0) }
    }
}
