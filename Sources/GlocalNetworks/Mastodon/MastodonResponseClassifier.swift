import Foundation

/// Maps every Mastodon API answer to an outcome; `nil` means success.
public enum MastodonResponseClassifier {
    /// The outcome of an answer with `status`, lowercased `headers` and `body`, read at `now`.
    public static func classify(status: Int, headers: [String: String], body: Data, now: Date) -> PublishOutcome? {
        if (200..<300).contains(status) { return nil }
        let error = JSON(data: body)["error"].string ?? "HTTP \(status)"
        switch status {
        case 429:
            return .rateLimited(
                until: RateLimitReset.iso8601(headers["x-ratelimit-reset"])
                    ?? RateLimitReset.retryAfter(headers["retry-after"], now: now))
        case 401: return .reconnectRequired("Mastodon refused the token: \(error)")
        case 403: return .permanent("Mastodon forbids this: \(error)")
        case 422: return .invalidContent(error)
        case 400, 404: return .permanent("Mastodon answered HTTP \(status): \(error)")
        case 500...599: return .transient("Mastodon answered HTTP \(status)")
        default: return .permanent("Mastodon answered HTTP \(status): \(error)")
        }
    }

    /// ``classify(status:headers:body:now:)`` of a response.
    static func classify(_ response: HTTPResponse, now: Date) -> PublishOutcome? {
        classify(status: response.status, headers: response.headers, body: response.body, now: now)
    }
}
