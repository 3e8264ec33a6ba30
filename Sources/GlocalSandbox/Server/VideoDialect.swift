import Foundation
import Hummingbird

/// YouTube's and TikTok's error bodies, as their API references show them.
enum VideoDialect {
    /// Google's JSON error: `{"error": {"code", "message", "errors": [{"message", "domain", "reason"}], "status"}}`.
    static func googleError(
        _ status: Int, reason: String, domain: String = "global", message: String, statusName: String,
        headers: [(String, String)] = []
    ) -> Response {
        SandboxReply.json(
            status,
            [
                "error": [
                    "code": status, "message": message, "status": statusName,
                    "errors": [["message": message, "domain": domain, "reason": reason]],
                ]
            ], headers: headers)
    }

    /// 403 `quotaExceeded`: the project's daily units are spent (until midnight Pacific time). The message carries the
    /// link to the quota page, as YouTube's answer does.
    static func youtubeQuotaExceeded() -> Response {
        googleError(
            403, reason: "quotaExceeded", domain: "youtube.quota",
            message:
                "The request cannot be completed because you have exceeded your <a href=\"/youtube/v3/getting-started#quota\">quota</a>.",
            statusName: "PERMISSION_DENIED")
    }

    /// 503 `backendError`.
    static func youtubeServerError() -> Response {
        googleError(503, reason: "backendError", message: "The service is currently unavailable.", statusName: "UNAVAILABLE")
    }

    /// 401 `authError` with Google's `WWW-Authenticate` challenge.
    static func youtubeInvalidCredentials() -> Response {
        googleError(
            401, reason: "authError", message: "Request had invalid authentication credentials.",
            statusName: "UNAUTHENTICATED",
            headers: [("WWW-Authenticate", "Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\"")])
    }

    /// TikTok's envelope: `{"data": {}, "error": {"code", "message", "log_id"}}`.
    static func tiktokError(_ status: Int, code: String, message: String, headers: [(String, String)] = []) -> Response {
        SandboxReply.json(
            status, ["data": [String: Any](), "error": ["code": code, "message": message, "log_id": "sandbox"]],
            headers: headers)
    }

    /// 429 `rate_limit_exceeded`; TikTok documents no reset header.
    static func tiktokRateLimited() -> Response {
        tiktokError(429, code: "rate_limit_exceeded", message: "API rate limit exceeded.")
    }

    /// A success in TikTok's envelope.
    static func tiktokData(_ data: [String: Any]) -> Response {
        SandboxReply.json(200, ["data": data, "error": ["code": "ok", "message": "", "log_id": "sandbox"]])
    }
}
