import Dispatch
import NIOCore
import PostgresNIO

/// Waits for a statement's answer on one connection, and no longer than the connection lives.
///
/// The client hands a statement to its connection without asking to hear whether the hand-over worked, so a
/// statement sent just after the server closed the connection (PostgreSQL stopping, a backend terminated) is neither
/// answered nor failed: `wait()` on it would block for good, and a dispatcher node with it. Here the wait looks at the
/// connection every `slice` seconds; once it is closed and the answer still has not come, the statement fails as a
/// lost connection, which the pool handles (a new connection, the transaction run again, or an unknown COMMIT).
enum PostgresAnswer {
    /// How often a wait looks whether its connection closed, in seconds.
    static let slice = 0.25

    /// The answer to a statement sent on `connection`, or a lost-connection error once `connection` is closed
    /// without having answered.
    static func wait<Value: Sendable>(_ answer: EventLoopFuture<Value>, on connection: PostgresConnection) throws -> Value {
        let answered = DispatchSemaphore(value: 0)
        answer.whenComplete { _ in answered.signal() }
        while answered.wait(timeout: .now() + slice) == .timedOut {
            guard connection.isClosed else { continue }
            // A close fails the statements the connection had taken in; give it a moment to do so.
            guard answered.wait(timeout: .now() + slice) == .success else { throw lost }
            break
        }
        return try PostgresFailure.translating { try answer.wait() }
    }

    /// The answer to a statement sent on `connection`, a connection opened for a few statements (its close is watched
    /// once per statement, and the watches last as long as the connection), awaited without blocking a thread.
    static func value<Value: Sendable>(_ answer: EventLoopFuture<Value>, onShortLived connection: PostgresConnection)
        async throws -> Value
    {
        try await PostgresFailure.translating(settled(answer, onShortLived: connection))
    }

    /// `answer`, or a failure with ``lost`` if `connection` closes first.
    static func settled<Value: Sendable>(_ answer: EventLoopFuture<Value>, onShortLived connection: PostgresConnection)
        -> EventLoopFuture<Value>
    {
        let settled = answer.eventLoop.makePromise(of: Value.self)
        answer.cascade(to: settled)
        // Completing a settled promise again does nothing: whichever comes first, the answer or the close, wins.
        connection.closeFuture.whenComplete { _ in settled.fail(lost) }
        return settled.futureResult
    }

    /// The error of a statement whose connection closed before answering it.
    static let lost = PostgresStoreError(
        sqlState: "connection", message: "the connection to PostgreSQL was lost (closed before the statement was answered)")
}
