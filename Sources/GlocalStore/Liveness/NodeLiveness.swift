import Foundation

/// Whether the dispatcher nodes sharing a store are alive, judged without clocks (docs/operations.md): each node holds
/// a lock for its whole life (``hold(_:)``), which the operating system or the database server drops when the node
/// dies, so a node that is still sending a post keeps it however far its clock is from the others'.
public protocol NodeLiveness: Sendable {
    /// Whether node `worker` holds its liveness lock now (in another process, or through another ``hold(_:)`` here).
    func isAlive(_ worker: String) throws -> Bool
    /// Takes node `worker`'s liveness lock, held until the returned lock is released or dropped; throws
    /// ``NodeLivenessError/heldElsewhere(worker:)`` when a live node already holds it.
    func hold(_ worker: String) throws -> NodeLivenessLock
}
