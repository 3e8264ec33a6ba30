import Logging
import PostgresNIO

/// One open transaction on one connection: statements run one after the other and block the calling
/// thread (the store protocols are synchronous). Values always travel as bindings.
public struct PostgresTransaction {
    let connection: PostgresConnection
    let logger: Logger

    /// Runs `query` and returns its rows, ready to read by column name.
    @discardableResult
    public func rows(_ query: PostgresQuery) throws -> [PostgresRandomAccessRow] {
        try run(query).rows.map { $0.makeRandomAccess() }
    }

    /// Runs `query` and returns how many rows it changed (or returned).
    @discardableResult
    public func execute(_ query: PostgresQuery) throws -> Int {
        try run(query).metadata.rows ?? 0
    }

    /// The first column of the first row, if any.
    public func value<T: PostgresDecodable>(_ query: PostgresQuery, as type: T.Type = T.self) throws -> T? {
        guard let row = try run(query).rows.first else { return nil }
        return try PostgresFailure.decoding { try row.makeRandomAccess()[0].decode(T.self) }
    }

    private func run(_ query: PostgresQuery) throws -> PostgresQueryResult {
        try PostgresAnswer.wait(connection.query(query, logger: logger), on: connection)
    }
}

/// Turns the client's errors into `PostgresStoreError`s that carry no argument.
enum PostgresFailure {
    /// Runs `body`, translating a client error.
    static func translating<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as PSQLError {
            throw translate(error)
        } catch let error as PostgresStoreError {
            throw error
        } catch {
            throw PostgresStoreError(sqlState: "connection", message: String(describing: type(of: error)))
        }
    }

    /// Awaits `answer`, translating a client error.
    static func translating<T: Sendable>(_ answer: EventLoopFuture<T>) async throws -> T {
        do {
            return try await answer.get()
        } catch let error as PSQLError {
            throw translate(error)
        }
    }

    /// Runs `body`, a decode of a column, translating a mismatch.
    static func decoding<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as PostgresDecodingError {
            throw PostgresStoreError(
                sqlState: "decode", message: "column \(error.columnName) is not a \(error.targetType) (\(error.postgresType))")
        }
    }

    static func translate(_ error: PSQLError) -> PostgresStoreError {
        if let info = error.serverInfo {
            return PostgresStoreError(
                sqlState: info[.sqlState] ?? "?????", message: info[.message] ?? "the server refused the statement")
        }
        switch error.code {
        case .serverClosedConnection, .connectionError, .uncleanShutdown, .clientClosedConnection:
            return PostgresStoreError(sqlState: "connection", message: "the connection to PostgreSQL was lost (\(error.code))")
        default:
            return PostgresStoreError(sqlState: "connection", message: "\(error.code)")
        }
    }
}
