import Foundation
import GlocalStore
import Logging
import PostgresNIO

/// The liveness of the nodes sharing one PostgreSQL schema: each node holds, for its whole life, a session-level
/// advisory lock keyed by the schema and its id, on a connection of its own (the precedent is GoodJob's). The server
/// drops the lock with the connection when the node dies. A node is alive while that lock is held: another session's
/// `pg_try_advisory_xact_lock` on the same key fails.
public struct PostgresNodeLiveness: NodeLiveness {
    let pool: PostgresConnectionPool

    /// How long ``hold(_:)`` waits for the lock, in milliseconds: a killed node's session may take a moment to end.
    let holdTimeoutMilliseconds: Int

    /// The liveness of the nodes on `pool`'s database and schema; ``hold(_:)`` waits up to `holdTimeoutMilliseconds`.
    public init(pool: PostgresConnectionPool, holdTimeoutMilliseconds: Int = 10_000) {
        self.pool = pool
        self.holdTimeoutMilliseconds = max(1, holdTimeoutMilliseconds)
    }

    /// How long stopping waits for the lock's connection to let go, in seconds.
    static let releaseTimeout: TimeInterval = 5

    /// The SQL key of node `s.worker`'s lock (bound through a one-row `FROM` so the worker travels as a binding).
    static let key = PostgresAdvisoryKey.sql("node", subject: "s.worker")

    /// Whether another session holds `worker`'s lock (this checks in a transaction of its own and lets go at once).
    public func isAlive(_ worker: String) throws -> Bool {
        try pool.transaction { transaction in
            let free = try transaction.value(
                """
                SELECT pg_try_advisory_xact_lock(\(unescaped: Self.key)) FROM (SELECT \(worker)::text AS worker) AS s
                """, as: Bool.self)
            return free != true
        }
    }

    /// Takes `worker`'s lock on a dedicated connection, waiting up to `holdTimeoutMilliseconds` for a dead node's to go.
    public func hold(_ worker: String) throws -> NodeLivenessLock {
        let logger = {
            var logger = Logger(label: "glocal.postgres.node-liveness")
            logger.logLevel = .critical
            return logger
        }()
        let connection = try pool.openDedicated()
        do {
            let timeout = connection.query("SET lock_timeout = \(unescaped: String(holdTimeoutMilliseconds))", logger: logger)
            _ = try PostgresAnswer.wait(timeout, on: connection)
            let lock = connection.query(
                """
                SELECT pg_advisory_lock(\(unescaped: Self.key)) FROM (SELECT \(worker)::text AS worker) AS s
                """, logger: logger)
            _ = try PostgresAnswer.wait(lock, on: connection)
        } catch {
            _ = try? connection.close().wait()
            if let failure = error as? PostgresStoreError, failure.sqlState == "55P03" {
                throw NodeLivenessError.heldElsewhere(worker: worker)
            }
            throw NodeLivenessError.unavailable(
                worker: worker, reason: (error as? PostgresStoreError)?.message ?? String(describing: type(of: error)))
        }
        return NodeLivenessLock {
            // Let go before closing: the server ends a closed session (and drops its locks) a moment later. Bounded: after
            // a database outage the connection may be gone or half-open, and a node stopping must never hang on it
            // (the server drops the lock with the session anyway).
            let done = DispatchSemaphore(value: 0)
            DispatchQueue.global().async {
                if !connection.isClosed {
                    _ = try? PostgresAnswer.wait(
                        connection.query("SELECT pg_advisory_unlock_all()", logger: logger), on: connection)
                }
                _ = try? connection.close().wait()
                done.signal()
            }
            _ = done.wait(timeout: .now() + Self.releaseTimeout)
        }
    }
}
