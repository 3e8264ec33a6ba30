import Foundation
import GlocalCore
import GlocalPostgres
import GlocalStore

/// What `serve` and `run` open before serving: the demo's set-up when asked for, then the workspace and
/// its store (created when missing).
public struct ServedWorkspace: Sendable {
    /// Where the workspace and its store are.
    public let access: WorkspaceAccess
    /// The workspace, loaded once for the server's lifetime.
    public let workspace: Workspace
    /// The store.
    public let store: any WorkspaceStore
    /// This node's id among the nodes sharing a PostgreSQL store (recorded with the dispatcher's audit events there).
    public let nodeID: String?

    /// Opens `access`'s workspace and store as node `nodeID`; with `demo`, first runs `DemoSetup` at `now`, telling `say`.
    public init(
        access: WorkspaceAccess, demo: Bool, now: Date, nodeID: String? = nil, say: @escaping @Sendable (String) -> Void
    ) throws {
        if demo { try DemoSetup(access: access, now: now, say: say).prepare() }
        self.access = access
        self.nodeID = nodeID
        workspace = try access.loadWorkspace()
        store = try access.openStore(.createdIfMissing, nodeID: nodeID)
    }

    /// What wakes this node's idle dispatcher when work falls due on PostgreSQL (`nil` on SQLite: one node polls).
    public var queueListener: PostgresQueueListener? { WorkspaceAccess.queueListener(for: store) }

    /// Holds the SQLite store's serving lock while serving (a restore is refused meanwhile); `nil` on PostgreSQL,
    /// which is restored with its own tools.
    public func holdServingLock() throws -> StoreServingLock? {
        guard access.postgresLocation == nil else { return nil }
        return try StoreServingLock.holdShared(forStoreAt: access.databasePath)
    }
}
