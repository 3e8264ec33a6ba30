/// What the server answers while the store cannot be reached (the PostgreSQL server stopped or restarting, the
/// SQLite file unreadable): a 503 whose words depend on what the request was.
enum StoreUnreachable {
    /// How long a client is told to wait before trying again (`Retry-After`, in seconds).
    static let retryAfterSeconds = 5

    /// Which page to show.
    enum Answer: Equatable {
        /// A page was asked for: nothing changed.
        case page
        /// A form was sent and failed before anything was written: it was not saved.
        case notSaved
        /// The connection broke while the change was being committed: it may or may not be saved.
        case maybeSaved
    }
}
