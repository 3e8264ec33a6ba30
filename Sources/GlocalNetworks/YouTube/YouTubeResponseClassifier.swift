import Foundation

/// Maps every YouTube Data API v3 answer (and Google's upload endpoints') to an outcome; `nil` means success.
/// Google's errors carry `error.errors[0].reason`: `quotaExceeded` (403) is the project's daily quota, spent until
/// midnight Pacific time; `uploadLimitExceeded` (400) the channel's own upload limit.
public enum YouTubeResponseClassifier {
    /// The outcome of an answer with `status`, lowercased `headers` and `body`, read at `now`.
    public static func classify(status: Int, headers: [String: String], body: Data, now: Date) -> PublishOutcome? {
        if (200..<300).contains(status) { return nil }
        let json = JSON(data: body)
        let reason = json["error"]["errors"][0]["reason"].string ?? json["error"]["status"].string ?? ""
        let message = json["error"]["message"].string ?? "HTTP \(status)"
        switch (status, reason) {
        case (_, "quotaExceeded"), (_, "dailyLimitExceeded"), (_, "uploadLimitExceeded"):
            return .rateLimited(until: nextPacificMidnight(after: now))
        case (_, "rateLimitExceeded"), (_, "userRateLimitExceeded"), (429, _):
            return .rateLimited(until: RateLimitReset.retryAfter(headers["retry-after"], now: now))
        case (401, _): return .reconnectRequired("YouTube refused the token: \(reason.isEmpty ? message : reason)")
        case (400, _): return .invalidContent("YouTube refused the video: \(reason.isEmpty ? message : "\(reason): \(message)")")
        case (403, _), (404, _): return .permanent("YouTube forbids this: \(reason.isEmpty ? message : reason)")
        case (500...599, _): return .transient("YouTube answered HTTP \(status)")
        default: return .permanent("YouTube answered HTTP \(status): \(message)")
        }
    }

    /// ``classify(status:headers:body:now:)`` of a response.
    static func classify(_ response: HTTPResponse, now: Date) -> PublishOutcome? {
        classify(status: response.status, headers: response.headers, body: response.body, now: now)
    }

    /// The next midnight in Pacific time after `now`, when YouTube's daily quota resets.
    public static func nextPacificMidnight(after now: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "America/Los_Angeles")!
        let start = calendar.startOfDay(for: now)
        return calendar.date(byAdding: .day, value: 1, to: start)!
    }
}
