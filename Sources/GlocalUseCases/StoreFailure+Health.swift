extension StoreFailure {
    /// How `/healthz` names a failed dispatcher round: the kind only, never SQL, SQLite's or PostgreSQL's error text or
    /// an address (the log has the error).
    public var healthText: String {
        switch kind {
        case .busy: return "store busy (another process holds its lock; the log has the error)"
        case .unavailable, .notADatabase, .outcomeUnknown: return "store unavailable (the log has the error)"
        case .refused, .failed: return "round failed (the log has the error)"
        }
    }
}
