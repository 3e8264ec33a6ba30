import Foundation
import Logging
import PostgresNIO

extension PostgresCredentialVault {
    /// Runs `body` holding `account`'s refresh lock, a transaction-scoped advisory lock (`pg_advisory_xact_lock`) every
    /// node on this database and schema shares, with the secret as stored once the lock is held. The lock lives on a
    /// connection of its own, outside the pool, for the length of `body` (a network call): it is waited for without
    /// blocking a thread, and released when the transaction ends or the connection drops (a node that died).
    public func whileRefreshing<T>(account: String, _ body: (Data?) async throws -> T) async throws -> T {
        var logger = Logger(label: "glocal.postgres.refresh-lock")
        logger.logLevel = .critical
        let connection = try pool.openDedicated()
        do {
            try await Self.run("BEGIN", on: connection, logger: logger)
            // Keyed by the schema too: stores sharing a database in schemas of their own do not wait for each other.
            try await Self.run(
                """
                SELECT pg_advisory_xact_lock(\(unescaped: PostgresAdvisoryKey.sql("refresh", subject: "s.account")))
                FROM (SELECT \(account)::text AS account) AS s
                """, on: connection, logger: logger)
            let result = try await body(try secret(account: account))
            try await Self.run("COMMIT", on: connection, logger: logger)
            try? await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }

    private static func run(_ query: PostgresQuery, on connection: PostgresConnection, logger: Logger) async throws {
        _ = try await PostgresAnswer.value(connection.query(query, logger: logger), onShortLived: connection)
    }
}
