import Foundation

/// Maps every TikTok API v2 answer to an outcome; `nil` means success. TikTok's answers carry
/// `error.code` (`ok` on success), `error.message` and `error.log_id`; the code, not the wording, decides.
public enum TikTokResponseClassifier {
    /// The outcome of an answer with `status`, lowercased `headers` and `body`, read at `now`.
    public static func classify(status: Int, headers: [String: String], body: Data, now: Date) -> PublishOutcome? {
        let json = JSON(data: body)
        let code = json["error"]["code"].string ?? ""
        if (200..<300).contains(status), code.isEmpty || code == "ok" { return nil }
        let message = json["error"]["message"].string ?? "HTTP \(status)"
        let said = code.isEmpty ? message : "\(code): \(message)"
        switch code {
        case "access_token_invalid", "scope_not_authorized", "scope_permission_missed":
            return .reconnectRequired("TikTok refused the token: \(code)")
        case "rate_limit_exceeded":
            return .rateLimited(until: RateLimitReset.retryAfter(headers["retry-after"], now: now))
        case "spam_risk_too_many_posts", "spam_risk_too_many_pending_share", "reached_active_user_cap":
            // Daily caps (posts per creator, pending shares, the app's active creators): TikTok gives no reset.
            return .rateLimited(until: RateLimitReset.nextMidnightUTC(after: now))
        case "unaudited_client_can_only_post_to_private_accounts", "privacy_level_option_mismatch", "invalid_params",
            "invalid_file_upload", "picture_size_check_failed", "video_duration_check_failed", "frame_rate_check_failed":
            return .invalidContent("TikTok refused the post: \(said)")
        case "spam_risk_user_banned_from_posting", "url_ownership_unverified", "app_version_check_failed":
            return .permanent("TikTok forbids this: \(said)")
        default: break
        }
        switch status {
        case 401: return .reconnectRequired("TikTok refused the token: \(said)")
        case 429: return .rateLimited(until: RateLimitReset.retryAfter(headers["retry-after"], now: now))
        case 400, 416: return .invalidContent("TikTok refused the post: \(said)")
        case 500...599: return .transient("TikTok answered HTTP \(status)")
        default: return .permanent("TikTok answered HTTP \(status): \(said)")
        }
    }

    /// ``classify(status:headers:body:now:)`` of a response.
    static func classify(_ response: HTTPResponse, now: Date) -> PublishOutcome? {
        classify(status: response.status, headers: response.headers, body: response.body, now: now)
    }
}
