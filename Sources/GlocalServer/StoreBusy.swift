import GlocalStore
import GlocalUseCases

/// Recognises the errors SQLite gives when another process (`glocal apply`, a dispatcher) held the
/// store's lock for longer than the busy timeout, and what the server answers then.
enum StoreBusy {
    /// How long a client is told to wait before trying again (`Retry-After`, in seconds).
    static let retryAfterSeconds = 5

    /// Whether `error` is SQLITE_BUSY or SQLITE_LOCKED (any extended code), as GRDB throws it or as
    /// the store wraps it: the use cases' `StoreFailure` of kind `busy`.
    static func isBusy(_ error: any Error) -> Bool { StoreFailure(error).kind == .busy }
}
