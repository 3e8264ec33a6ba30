import Foundation

/// Maps every Google Business Profile API answer to an outcome; `nil` means success. Google's errors are
/// `{"error": {"code", "message", "status", "details"}}`: the `status` name decides, and a quota refusal's wait is the
/// `google.rpc.RetryInfo` detail's `retryDelay` (`"120s"`), else `Retry-After`, else 30 seconds.
public enum GoogleBusinessResponseClassifier {
    /// The least wait after a 429 quota error that names none: Google Cloud's troubleshooting guide
    /// (<https://cloud.google.com/service-usage/docs/troubleshooting>) says to retry such an error after 30 seconds at least.
    static let minimumQuotaWait: TimeInterval = 30

    /// The outcome of an answer with `status`, lowercased `headers` and `body`, read at `now`.
    public static func classify(status: Int, headers: [String: String], body: Data, now: Date) -> PublishOutcome? {
        if (200..<300).contains(status) { return nil }
        let error = JSON(data: body)["error"]
        let name = error["status"].string ?? ""
        let message = error["message"].string ?? "HTTP \(status)"
        switch (status, name) {
        case (429, _), (_, "RESOURCE_EXHAUSTED"):
            // Google documents 30 s as the least wait before retrying a 429 quota error when nothing says more.
            return .rateLimited(
                until: retryDelay(error, now: now) ?? RateLimitReset.retryAfter(headers["retry-after"], now: now)
                    ?? now.addingTimeInterval(minimumQuotaWait))
        case (401, _), (_, "UNAUTHENTICATED"): return .reconnectRequired("Google refused the token: \(message)")
        case (409, _), (_, "ALREADY_EXISTS"): return .duplicate(nil)
        case (400, _), (_, "INVALID_ARGUMENT"), (_, "FAILED_PRECONDITION"):
            return .invalidContent("Google Business Profile: \(message)")
        case (500...599, _): return .transient("Google Business Profile answered HTTP \(status)")
        default: return .permanent("Google Business Profile answered HTTP \(status) \(name): \(message)")
        }
    }

    /// The `retryDelay` of a `type.googleapis.com/google.rpc.RetryInfo` detail (`"120s"`, `"1.5s"`), after `now`.
    static func retryDelay(_ error: JSON, now: Date) -> Date? {
        for detail in error["details"].array where detail["@type"].string == "type.googleapis.com/google.rpc.RetryInfo" {
            guard let text = detail["retryDelay"].string, text.hasSuffix("s"), let seconds = Double(text.dropLast()),
                seconds.isFinite, seconds >= 0
            else { continue }
            return now.addingTimeInterval(seconds)
        }
        return nil
    }

    /// ``classify(status:headers:body:now:)`` of a response.
    static func classify(_ response: HTTPResponse, now: Date) -> PublishOutcome? {
        classify(status: response.status, headers: response.headers, body: response.body, now: now)
    }
}
