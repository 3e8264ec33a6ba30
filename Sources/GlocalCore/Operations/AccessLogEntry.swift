import Foundation

/// One request to the web UI as the access log records it: method, path (query values that may be
/// secrets replaced by `REDACTED`), status, duration and the signed-in user's id. Never cookies,
/// headers or bodies.
public struct AccessLogEntry: Sendable, Equatable {
    /// `GET`, `POST`, …
    public var method: String
    /// The path and its query, secrets redacted.
    public var target: String
    /// The answer's status code.
    public var status: Int
    /// How long the answer took, in milliseconds.
    public var milliseconds: Double
    /// The signed-in user's id, if any.
    public var userID: String?

    /// An entry for `path` and its raw `query` (without `?`), redacting the values of secret-looking parameters.
    public init(method: String, path: String, query: String?, status: Int, milliseconds: Double, userID: String?) {
        self.method = method
        self.target = Self.redactedTarget(path: path, query: query)
        self.status = status
        self.milliseconds = milliseconds
        self.userID = userID
    }

    /// Parts of a query parameter's name that mark its value as a secret (OAuth codes and states,
    /// tokens, passwords, keys, signatures): compared without case.
    public static let secretNameParts = [
        "token", "code", "state", "secret", "password", "passwd", "key", "session", "csrf", "sig", "auth", "verifier",
        "ticket", "credential",
    ]

    /// `path?query` with the value of every parameter whose name contains a ``secretNameParts`` part
    /// replaced by `REDACTED`; the path alone when there is no query.
    public static func redactedTarget(path: String, query: String?) -> String {
        guard let query, !query.isEmpty else { return path }
        let parameters = query.split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
            guard let equals = pair.firstIndex(of: "=") else { return String(pair) }
            let name = pair[..<equals]
            let decoded = (String(name).removingPercentEncoding ?? String(name)).lowercased()
            guard secretNameParts.contains(where: { decoded.contains($0) }) else { return String(pair) }
            return "\(name)=REDACTED"
        }
        return path + "?" + parameters.joined(separator: "&")
    }

    /// The entry as a log line at `time` (level `info`; `warning` for 5xx answers).
    public func line(at time: Date) -> LogLine {
        var fields: [(name: String, value: LogValue)] = [
            ("method", .text(method)), ("path", .text(target)), ("status", .integer(status)),
            ("duration_ms", .number(milliseconds)),
        ]
        fields.append(("user", .text(userID ?? "-")))
        return LogLine(time: time, level: status >= 500 ? .warning : .info, message: "request", fields: fields)
    }
}
