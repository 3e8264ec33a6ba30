import Foundation
import GlocalCore

/// Maps every answer of a webhook receiver to an outcome; `nil` means success. 409 is a duplicate.
public enum WebhookResponseClassifier {
    /// The outcome of an answer with `status`, lowercased `headers` and `body`, read at `now`.
    public static func classify(status: Int, headers: [String: String], body: Data, now: Date) -> PublishOutcome? {
        if (200..<300).contains(status) { return nil }
        let json = JSON(data: body)
        let message = json["error"].string ?? "HTTP \(status)"
        switch status {
        case 409:
            return .duplicate(json["id"].string.map { PublishReceipt(remoteID: $0, url: json["url"].string) })
        case 429: return .rateLimited(until: RateLimitReset.retryAfter(headers["retry-after"], now: now))
        case 401, 403: return .reconnectRequired("webhook refused the token: \(message)")
        case 400, 413, 422: return .invalidContent(message)
        case 500...599: return .transient("webhook answered HTTP \(status)")
        default: return .permanent("webhook answered HTTP \(status): \(message)")
        }
    }

    static func classify(_ response: HTTPResponse, now: Date) -> PublishOutcome? {
        classify(status: response.status, headers: response.headers, body: response.body, now: now)
    }
}
