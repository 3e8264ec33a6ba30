import Dispatch

/// Runs the dispatcher's store calls on a thread of their own, one at a time.
///
/// A commit waits for the disk (milliseconds per `fsync`); done on Swift's cooperative pool, which
/// has one thread per core, that wait would stall the HTTP work of every other job. Here the calls
/// queue up in order and the awaiting task is suspended, not blocking.
final class StoreLane: Sendable {
    private let queue = DispatchQueue(label: "glocal.dispatcher.store")

    /// Runs `body` on the lane and returns its result.
    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body() }) }
        }
    }
}
