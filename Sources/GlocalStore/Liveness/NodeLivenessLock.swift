import Foundation

/// A node's liveness lock, held until ``release()`` or until it is dropped (or the process dies).
public final class NodeLivenessLock: @unchecked Sendable {
    private let lock = NSLock()
    private var releaseBody: (@Sendable () -> Void)?

    /// A lock that `release` lets go of, once.
    public init(release: @escaping @Sendable () -> Void) { releaseBody = release }

    /// Lets go of the lock (a second call does nothing).
    public func release() {
        let body = lock.withLock {
            defer { releaseBody = nil }
            return releaseBody
        }
        body?()
    }

    deinit { release() }
}
