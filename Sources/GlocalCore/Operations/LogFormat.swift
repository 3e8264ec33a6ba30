/// How the service writes its log lines.
public enum LogFormat: String, Sendable, CaseIterable {
    /// `2026-12-06T02:00:00.000Z info message key=value`, for people.
    case text
    /// One JSON object per line (`time`, `level`, `message`, `fields`), for log shippers.
    case json
}
