import Foundation
import GRDB
import GlocalPostgres
import GlocalStore

/// Why the store failed, in one line without SQL or statement arguments, and of which kind: what the
/// use cases report instead of the store's or SQLite's raw errors.
public struct StoreFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The store's failure kinds.
    public enum Kind: Sendable, Equatable {
        /// Another connection held a lock for longer than the busy timeout (SQLITE_BUSY, SQLITE_LOCKED).
        case busy
        /// The file is not an SQLite database, or a damaged one (SQLITE_NOTADB, SQLITE_CORRUPT).
        case notADatabase
        /// The file cannot be opened, read or written (permissions, read-only, I/O, full disk), or the
        /// PostgreSQL server cannot be reached (stopped, restarting, the connection broke).
        case unavailable
        /// The PostgreSQL connection broke after the COMMIT was sent: the change may or may not be saved.
        case outcomeUnknown
        /// The store refused by its own rules (it changed since the plan, no such variant, a state it cannot leave).
        case refused
        /// Any other failure.
        case failed
    }

    /// The kind of failure.
    public let kind: Kind
    /// One line: SQLite's code and message, or the store's own explanation.
    public let description: String

    /// A failure of `kind` described by `description`.
    public init(kind: Kind, description: String) {
        self.kind = kind
        self.description = description
    }

    /// The failure behind `error`, whatever layer threw it.
    public init(_ error: any Error) {
        switch error {
        case let failure as StoreFailure:
            self = failure
        case let database as DatabaseError:
            // GRDB's description appends the statement ("- while executing …"); only the code and message are kept.
            self.init(
                kind: Self.kind(of: database.resultCode),
                description: "SQLite error \(database.resultCode.rawValue)" + (database.message.map { ": \($0)" } ?? ""))
        case let postgres as PostgresStoreError:
            self.init(kind: Self.kind(of: postgres), description: postgres.description)
        case let refusal as VariantStoreError:
            self.init(kind: Self.kind(of: refusal), description: refusal.description)
        default:
            self.init(kind: .failed, description: Self.oneLine(error))
        }
    }

    /// The kind of an SQLite primary result code.
    static func kind(of code: ResultCode) -> Kind {
        switch code.primaryResultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: return .notADatabase
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_IOERR, .SQLITE_FULL, .SQLITE_AUTH: return .unavailable
        default: return .failed
        }
    }

    /// The kind of a PostgreSQL failure: a server that cannot be reached (no connection, class 08; shutting down or
    /// starting up, 57P01-57P03; too many connections, 53300) is `unavailable`, a deadlock or serialization
    /// failure that outlived the retries is `busy`, a broken COMMIT is `outcomeUnknown`.
    static func kind(of error: PostgresStoreError) -> Kind {
        if error.commitOutcomeUnknown { return .outcomeUnknown }
        let state = error.sqlState
        if state == "connection" || state.hasPrefix("08") || ["57P01", "57P02", "57P03", "53300"].contains(state) {
            return .unavailable
        }
        if state == "40001" || state == "40P01" || state == "55P03" { return .busy }
        return .failed
    }

    /// The kind of the store's own error: a statement that failed keeps only SQLite's message (or its
    /// extended code as `SQLite error N`), which still tells a lock from anything else.
    static func kind(of error: VariantStoreError) -> Kind {
        switch error {
        case .statementFailed(_, _, let message):
            if busyMessages.contains(where: { message.hasPrefix($0) }) { return .busy }
            if message.hasPrefix("SQLite error "), let code = Int32(message.dropFirst("SQLite error ".count)) {
                return kind(of: ResultCode(rawValue: code))
            }
            return .failed
        case .unreadableRow: return .failed
        case .variantNotFound, .invalidTransition, .storeChanged: return .refused
        }
    }

    /// SQLite's own messages for SQLITE_BUSY and SQLITE_LOCKED.
    private static let busyMessages = ["database is locked", "database table is locked", "database schema is locked"]

    /// A one-line reason for an error that is not SQLite's: its localized description when it has one.
    private static func oneLine(_ error: any Error) -> String {
        if let localized = (error as? LocalizedError)?.errorDescription { return localized }
        if let nsError = error as NSError?, nsError.domain == NSCocoaErrorDomain { return nsError.localizedDescription }
        return "\(error)"
    }
}
