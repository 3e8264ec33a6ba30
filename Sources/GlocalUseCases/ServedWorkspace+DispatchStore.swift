import Foundation
import GlocalStore

extension ServedWorkspace {
    /// The store `glocal run`'s dispatcher (and its token keeper, metrics collector and notifier) write through, beside
    /// the web UI's ``store``.
    ///
    /// On SQLite it is a second connection pool on the same file: a pool has one writer connection, so a web request
    /// that must write would otherwise queue behind the dispatcher's write and then wait its own busy timeout — about
    /// 10 s before its 503 page when another process holds the lock, where each connection waits 5 s. On PostgreSQL it
    /// is ``store`` itself: each statement takes a connection of its own from the pool.
    public func dispatchStore() throws -> any WorkspaceStore {
        guard access.postgresLocation == nil else { return store }
        return try access.openStore(.createdIfMissing, nodeID: nodeID)
    }
}
