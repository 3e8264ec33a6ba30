import Foundation

/// Maps every LinkedIn REST answer to an outcome; `nil` means success.
public enum LinkedInResponseClassifier {
    /// The outcome of an answer with `status`, lowercased `headers` and `body`, read at `now`.
    /// LinkedIn sends no reset header on 429: its daily limits reset at midnight UTC.
    public static func classify(status: Int, headers: [String: String], body: Data, now: Date) -> PublishOutcome? {
        if (200..<300).contains(status) { return nil }
        let json = JSON(data: body)
        let code = json["code"].string ?? json["serviceErrorCode"].string ?? ""
        let message = json["message"].string ?? "HTTP \(status)"
        switch status {
        case 429:
            return .rateLimited(
                until: RateLimitReset.retryAfter(headers["retry-after"], now: now) ?? RateLimitReset.nextMidnightUTC(after: now))
        case 426:
            // A version LinkedIn no longer (or not yet) serves: no retry can succeed until glocal.yaml moves it.
            return .permanent(
                "LinkedIn refuses the API version sent (\(code.isEmpty ? "HTTP 426" : code): \(message)); "
                    + "move api_versions.linkedin in glocal.yaml to a current version (docs/networks.md, API versions)")
        case 401: return .reconnectRequired("LinkedIn refused the token: \(code.isEmpty ? message : code)")
        case 422 where code == "DUPLICATE_POST": return .duplicate(nil)
        case 400, 422: return .invalidContent(message)
        case 403: return .permanent("LinkedIn forbids this: \(message)")
        case 500...599: return .transient("LinkedIn answered HTTP \(status)")
        default: return .permanent("LinkedIn answered HTTP \(status): \(message)")
        }
    }

    /// ``classify(status:headers:body:now:)`` of a response.
    static func classify(_ response: HTTPResponse, now: Date) -> PublishOutcome? {
        classify(status: response.status, headers: response.headers, body: response.body, now: now)
    }
}
