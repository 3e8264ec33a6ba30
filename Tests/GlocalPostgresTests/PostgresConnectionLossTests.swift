import Foundation
@testable import GlocalPostgres
import PostgresNIO
import Testing

/// A statement sent on a connection the server has just closed (PostgreSQL stopping, a backend terminated) fails
/// as a lost connection, and the pool runs the transaction again on a new one. The client never answers such a
/// statement on its own, so before `PostgresAnswer` a dispatcher node sending one during an outage hung for good.
@Suite(.postgres)
struct PostgresConnectionLossTests {
    /// The server ends `connection`'s session from another connection, and the test waits until the client has seen
    /// the close (polled, bounded).
    static func endSession(of transaction: PostgresTransaction, from other: PostgresConnectionPool) throws {
        let backend = try #require(try transaction.value("SELECT pg_backend_pid()", as: Int32.self))
        let ended = try other.transaction { try $0.value("SELECT pg_terminate_backend(\(backend))", as: Bool.self) }
        #expect(ended == true)
        let deadline = Date().addingTimeInterval(20)
        while !transaction.connection.isClosed, Date() < deadline { usleep(10_000) }
        try #require(transaction.connection.isClosed, "the client never saw its session end")
    }

    /// Runs `body` on a thread of its own and waits for it at most 60 s: a hang fails the test instead of the suite.
    static func bounded<T: Sendable>(_ body: @escaping @Sendable () throws -> T) throws -> T {
        let outcome = Guarded<Result<T, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            let result = Result { try body() }
            outcome.update { $0 = result }
            done.signal()
        }
        try #require(done.wait(timeout: .now() + 60) == .success, "a statement on a closed connection was never answered")
        return try #require(outcome.value).get()
    }

    @Test func aStatementAfterTheServerClosedTheConnectionFailsAndTheTransactionRunsAgain() throws {
        let location = try PostgresTestServer.freshLocation()
        let pool = PostgresConnectionPool(location: location, size: 2)
        let other = PostgresConnectionPool(location: location, size: 1)
        // The pool may run the body more than once.
        let attempts = Guarded(0)
        let answer = try Self.bounded {
            try pool.transaction { transaction in
                attempts.update { $0 += 1 }
                if attempts.value == 1 { try Self.endSession(of: transaction, from: other) }
                return try transaction.value("SELECT 41 + 1", as: Int.self)
            }
        }
        #expect(answer == 42)
        #expect(attempts.value == 2, "the transaction ran again on a new connection")
    }

    @Test func aStatementOnAClosedConnectionFailsAsALostConnection() throws {
        let location = try PostgresTestServer.freshLocation()
        let pool = PostgresConnectionPool(location: location, size: 1)
        let other = PostgresConnectionPool(location: location, size: 1)
        let failure = try Self.bounded { () -> PostgresStoreError? in
            let connection = try pool.openDedicated()
            defer { _ = try? connection.close().wait() }
            let transaction = PostgresTransaction(connection: connection, logger: Logger(label: "test"))
            try Self.endSession(of: transaction, from: other)
            do {
                try transaction.execute("SELECT 1")
                return nil
            } catch let error as PostgresStoreError {
                return error
            }
        }
        let error = try #require(failure, "a statement on a closed connection succeeded")
        #expect(error.isConnectionLoss)
    }

    @Test func aStatementOnAShortLivedConnectionThatClosedFailsAsALostConnection() async throws {
        let location = try PostgresTestServer.freshLocation()
        let pool = PostgresConnectionPool(location: location, size: 1)
        let other = PostgresConnectionPool(location: location, size: 1)
        let connection = try pool.openDedicated()
        defer { connection.close().whenComplete { _ in } }
        let transaction = PostgresTransaction(connection: connection, logger: Logger(label: "test"))
        try Self.endSession(of: transaction, from: other)
        let query: EventLoopFuture<PostgresQueryResult> = connection.query("SELECT 1", logger: Logger(label: "test"))
        let settled = PostgresAnswer.settled(query, onShortLived: connection)
        // Heard of on the client's and Dispatch's threads, not the cooperative pool's (busy with the whole suite).
        let resumed = Guarded(false)
        let outcome = await withCheckedContinuation {
            (continuation: CheckedContinuation<Result<PostgresQueryResult, any Error>?, Never>) in
            // Whichever comes first, the answer or the 60 s bound, resumes the test.
            let resume = { @Sendable (outcome: Result<PostgresQueryResult, any Error>?) in
                var first = false
                resumed.update {
                    first = !$0
                    $0 = true
                }
                if first { continuation.resume(returning: outcome) }
            }
            settled.whenComplete { resume($0) }
            DispatchQueue.global().asyncAfter(deadline: .now() + 60) { resume(nil) }
        }
        let result = try #require(outcome, "an awaited statement on a closed connection was never answered")
        #expect(throws: PostgresAnswer.lost) { try result.get() }
    }
}
