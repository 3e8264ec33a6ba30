import GRDB
import GlocalStore

/// Recognises the errors SQLite gives when another process (`glocal apply`, a dispatcher) held the
/// store's lock for longer than the busy timeout, and what the server answers then.
enum StoreBusy {
    /// How long a client is told to wait before trying again (`Retry-After`, in seconds).
    static let retryAfterSeconds = 5

    /// Whether `error` is SQLITE_BUSY or SQLITE_LOCKED (any extended code), as GRDB throws it or as
    /// the store wraps it (`VariantStoreError.statementFailed` keeps only SQLite's message).
    static func isBusy(_ error: any Error) -> Bool {
        switch error {
        case let error as DatabaseError:
            return error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
        case VariantStoreError.statementFailed(_, _, let message):
            return busyMessages.contains { message.hasPrefix($0) } || busyCodeMessages.contains(message)
        default:
            return false
        }
    }

    /// SQLite's own messages for SQLITE_BUSY and SQLITE_LOCKED.
    private static let busyMessages = ["database is locked", "database table is locked", "database schema is locked"]

    /// The store's wording when SQLite gave no message: the (extended) result code.
    private static let busyCodeMessages: Set<String> = Set(
        [
            ResultCode.SQLITE_BUSY, .SQLITE_BUSY_RECOVERY, .SQLITE_BUSY_SNAPSHOT, .SQLITE_BUSY_TIMEOUT, .SQLITE_LOCKED,
            .SQLITE_LOCKED_SHAREDCACHE, .SQLITE_LOCKED_VTAB,
        ].map { "SQLite error \($0.rawValue)" })
}
