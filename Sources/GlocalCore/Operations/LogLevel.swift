/// How serious a log line is; the service writes lines at or above its configured level.
public enum LogLevel: String, Sendable, CaseIterable, Comparable {
    /// Very detailed tracing.
    case trace
    /// Details for debugging.
    case debug
    /// Normal operation: requests, publish attempts, reloads.
    case info
    /// Normal but significant.
    case notice
    /// Something to look at.
    case warning
    /// Something failed.
    case error
    /// The service cannot go on.
    case critical

    /// Whether `lhs` is less serious than `rhs`.
    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
