import Foundation

/// Maps every Pinterest API v5 answer to an outcome; `nil` means success. Pinterest's errors are
/// `{"code": <int>, "message": "…"}`; it has no "already posted" error (a repeated pin is a new pin).
public enum PinterestResponseClassifier {
    /// The outcome of an answer with `status`, lowercased `headers` and `body`, read at `now`.
    public static func classify(status: Int, headers: [String: String], body: Data, now: Date) -> PublishOutcome? {
        if (200..<300).contains(status) { return nil }
        let json = JSON(data: body)
        let message = json["message"].string ?? "HTTP \(status)"
        let code = json["code"].int.map { " (code \($0))" } ?? ""
        switch status {
        case 429:
            return .rateLimited(
                until: RateLimitReset.retryAfter(headers["retry-after"], now: now)
                    ?? windowReset(headers["x-ratelimit-reset"], now: now))
        case 401: return .reconnectRequired("Pinterest refused the token\(code): \(message)")
        case 400, 422: return .invalidContent("Pinterest\(code): \(message)")
        case 500...599: return .transient("Pinterest answered HTTP \(status)")
        default: return .permanent("Pinterest answered HTTP \(status)\(code): \(message)")
        }
    }

    /// The end of the rate-limit window from `x-ratelimit-reset`. Pinterest's rate-limit page documents no header, so
    /// its unit is not known: a value that can only be an instant (epoch seconds, 10⁹ and more: September 2001 on) is
    /// read as one, a smaller one as seconds left, as `Retry-After` counts.
    static func windowReset(_ value: String?, now: Date) -> Date? {
        guard let text = value?.trimmingCharacters(in: .whitespaces), let seconds = Double(text), seconds.isFinite, seconds >= 0
        else { return nil }
        return seconds >= 1_000_000_000 ? Date(timeIntervalSince1970: seconds) : now.addingTimeInterval(seconds)
    }

    /// ``classify(status:headers:body:now:)`` of a response.
    static func classify(_ response: HTTPResponse, now: Date) -> PublishOutcome? {
        classify(status: response.status, headers: response.headers, body: response.body, now: now)
    }
}
