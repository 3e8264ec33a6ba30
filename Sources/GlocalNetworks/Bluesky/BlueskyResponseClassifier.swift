import Foundation
import GlocalCore

/// Maps every XRPC answer of a PDS to an outcome; `nil` means success.
public enum BlueskyResponseClassifier {
    /// XRPC error names that mean the session is dead (an expired token is HTTP **400** `ExpiredToken`).
    static let authErrors: Set<String> = [
        "ExpiredToken", "InvalidToken", "AuthenticationRequired", "AuthMissing", "AccountTakedown",
    ]

    /// The outcome of an answer with `status`, lowercased `headers` and `body`, read at `now`.
    public static func classify(status: Int, headers: [String: String], body: Data, now: Date) -> PublishOutcome? {
        if (200..<300).contains(status) { return nil }
        let json = JSON(data: body)
        let error = json["error"].string ?? ""
        let message = json["message"].string ?? (error.isEmpty ? "HTTP \(status)" : error)
        // A taken-down account is held like a dead session, but said as what it is: reconnecting alone cannot help.
        if error == "AccountTakedown", let takedown = BlueskyHostingStatus.refusal(active: false, status: "takendown") {
            return .reconnectRequired("Bluesky: AccountTakedown: \(takedown)")
        }
        if authErrors.contains(error) || status == 401 {
            return .reconnectRequired("Bluesky: \(error.isEmpty ? message : error)")
        }
        switch status {
        case 429:
            return .rateLimited(
                until: RateLimitReset.epochSeconds(headers["ratelimit-reset"])
                    ?? RateLimitReset.retryAfter(headers["retry-after"], now: now))
        case 400, 413: return .invalidContent("\(error): \(message)")
        case 500...599: return .transient("Bluesky answered HTTP \(status)")
        default: return .permanent("Bluesky answered HTTP \(status): \(message)")
        }
    }

    /// ``classify(status:headers:body:now:)`` of a response.
    static func classify(_ response: HTTPResponse, now: Date) -> PublishOutcome? {
        classify(status: response.status, headers: response.headers, body: response.body, now: now)
    }
}
