import Foundation

/// Maps every X API v2 answer to an outcome; `nil` means success.
public enum XResponseClassifier {
    /// X's own wording of a repeated post; v2 gives no error code for it, only this `detail`.
    static let duplicateDetail = "duplicate content"

    /// The outcome of an answer with `status`, lowercased `headers` and `body`, read at `now`.
    public static func classify(status: Int, headers: [String: String], body: Data, now: Date) -> PublishOutcome? {
        if (200..<300).contains(status) { return nil }
        let json = JSON(data: body)
        let detail = json["detail"].string ?? json["errors"][0]["message"].string ?? json["title"].string ?? "HTTP \(status)"
        switch status {
        case 429:
            return .rateLimited(
                until: RateLimitReset.epochSeconds(headers["x-rate-limit-reset"])
                    ?? RateLimitReset.retryAfter(headers["retry-after"], now: now))
        case 401: return .reconnectRequired("X refused the token: \(detail)")
        case 403 where detail.lowercased().contains(duplicateDetail): return .duplicate(nil)
        case 403: return .permanent("X forbids this: \(detail)")
        case 400, 422: return .invalidContent(detail)
        case 500...599: return .transient("X answered HTTP \(status)")
        default: return .permanent("X answered HTTP \(status): \(detail)")
        }
    }

    /// ``classify(status:headers:body:now:)`` of a response.
    static func classify(_ response: HTTPResponse, now: Date) -> PublishOutcome? {
        classify(status: response.status, headers: response.headers, body: response.body, now: now)
    }
}
