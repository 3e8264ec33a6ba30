/// The liveness of a store only one process uses (an in-memory SQLite store): a holder that is not this very node is
/// a past process, so an expired lease is rescued as it always was.
public struct SingleProcessLiveness: NodeLiveness {
    /// The liveness of a one-process store.
    public init() {}

    /// Never: no other process can hold a job of this store.
    public func isAlive(_ worker: String) throws -> Bool { false }

    /// A lock with nothing to hold.
    public func hold(_ worker: String) throws -> NodeLivenessLock { NodeLivenessLock(release: {}) }
}
