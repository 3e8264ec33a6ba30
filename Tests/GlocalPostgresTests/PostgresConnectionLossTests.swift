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
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            box.result = Result { try body() }
            done.signal()
        }
        try #require(done.wait(timeout: .now() + 60) == .success, "a statement on a closed connection was never answered")
        return try #require(box.result).get()
    }

    @Test func aStatementAfterTheServerClosedTheConnectionFailsAndTheTransactionRunsAgain() throws {
        let location = try PostgresTestServer.freshLocation()
        let pool = PostgresConnectionPool(location: location, size: 2)
        let other = PostgresConnectionPool(location: location, size: 1)
        let attempts = AttemptCounter()
        let answer = try Self.bounded {
            try pool.transaction { transaction in
                if attempts.next() == 1 { try Self.endSession(of: transaction, from: other) }
                return try transaction.value("SELECT 41 + 1", as: Int.self)
            }
        }
        #expect(answer == 42)
        #expect(attempts.count == 2, "the transaction ran again on a new connection")
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

    @Test func anAwaitedStatementOnAClosedConnectionFailsAsALostConnection() async throws {
        let location = try PostgresTestServer.freshLocation()
        let pool = PostgresConnectionPool(location: location, size: 1)
        let other = PostgresConnectionPool(location: location, size: 1)
        let connection = try pool.openDedicated()
        defer { _ = try? connection.close().wait() }
        let transaction = PostgresTransaction(connection: connection, logger: Logger(label: "test"))
        try Self.endSession(of: transaction, from: other)
        let query: EventLoopFuture<PostgresQueryResult> = connection.query("SELECT 1", logger: Logger(label: "test"))
        let settled = PostgresAnswer.settled(query, onShortLived: connection)
        // Heard of on the client's and Dispatch's threads, not the cooperative pool's (busy with the whole suite).
        let once = FirstOnly()
        let outcome = await withCheckedContinuation {
            (continuation: CheckedContinuation<Result<PostgresQueryResult, any Error>?, Never>) in
            settled.whenComplete { result in if once.claim() { continuation.resume(returning: result) } }
            DispatchQueue.global().asyncAfter(deadline: .now() + 60) {
                if once.claim() { continuation.resume(returning: nil) }
            }
        }
        let result = try #require(outcome, "an awaited statement on a closed connection was never answered")
        #expect(throws: PostgresAnswer.lost) { try result.get() }
    }
}

/// Lets the first of two racers through.
private final class FirstOnly: @unchecked Sendable {
    private let lock = NSLock()
    private var taken = false

    func claim() -> Bool {
        lock.withLock {
            defer { taken = true }
            return !taken
        }
    }
}

/// Counts a transaction body's runs (the pool may run it more than once).
private final class AttemptCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var runs = 0

    var count: Int { lock.withLock { runs } }

    func next() -> Int {
        lock.withLock {
            runs += 1
            return runs
        }
    }
}

/// The result of a body run on another thread.
private final class ResultBox<T>: @unchecked Sendable {
    var result: Result<T, any Error>?
}
