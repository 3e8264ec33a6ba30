import Foundation

/// The jobs a dispatcher holds a lease on right now: claimed, and their outcome not yet written.
/// The heartbeat renews exactly these.
final class HeldLeases: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: Set<Int64> = []

    /// Starts holding `jobs`.
    func add(_ jobs: [Int64]) { lock.withLock { ids.formUnion(jobs) } }

    /// Stops holding `jobs` (their outcome is written, or they were given back).
    func remove(_ jobs: [Int64]) { lock.withLock { ids.subtract(jobs) } }

    /// The held jobs, sorted.
    var current: [Int64] { lock.withLock { ids.sorted() } }
}
