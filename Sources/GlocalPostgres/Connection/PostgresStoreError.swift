/// A PostgreSQL failure as the store reports it: the server's message and SQLSTATE, never the
/// statement's arguments (they may hold post texts or sealed credentials).
public struct PostgresStoreError: Error, Equatable, CustomStringConvertible {
    /// The SQLSTATE code (`23514` a CHECK, `P0001` a trigger's RAISE…), or `connection` when the server could not be reached.
    public var sqlState: String
    /// The server's message, or what went wrong with the connection.
    public var message: String
    /// Whether the connection broke after the COMMIT was sent, so the transaction may or may not be saved.
    public var commitOutcomeUnknown: Bool

    /// Creates an error.
    public init(sqlState: String, message: String, commitOutcomeUnknown: Bool = false) {
        self.sqlState = sqlState
        self.message = message
        self.commitOutcomeUnknown = commitOutcomeUnknown
    }

    /// A one-line explanation.
    public var description: String { "PostgreSQL error \(sqlState): \(message)" }

    /// Whether the transaction may simply run again (a deadlock or a serialization failure).
    var isTransient: Bool { sqlState == "40001" || sqlState == "40P01" }

    /// Whether the connection is gone (the server stopped or restarted): reconnect and try again.
    var isConnectionLoss: Bool { sqlState == "connection" || sqlState.hasPrefix("08") || sqlState == "57P01" }
}
