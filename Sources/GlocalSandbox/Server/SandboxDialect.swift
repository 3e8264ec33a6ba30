import Foundation
import Hummingbird

/// How each network words its errors and rate-limit headers.
enum SandboxDialect: String, Sendable {
    case x, bluesky, mastodon, linkedin, facebook, instagram, threads, webhook, youtube, tiktok, pinterest
    case googleBusiness = "google_business"

    var isGraph: Bool { self == .facebook || self == .instagram || self == .threads }

    /// A Graph error object (`message`, `type`, `code`, `error_subcode`, `fbtrace_id`), as every Graph route answers it.
    static func graphError(_ status: Int, code: Int, subcode: Int? = nil, message: String, type: String = "OAuthException")
        -> Response
    {
        var error: [String: Any] = ["message": message, "type": type, "code": code, "fbtrace_id": "sandbox"]
        if let subcode { error["error_subcode"] = subcode }
        return SandboxReply.json(status, ["error": error])
    }

    private func graphError(_ status: Int, code: Int, subcode: Int? = nil, message: String, headers: [(String, String)] = [])
        -> Response
    {
        var error: [String: Any] = ["message": message, "type": "OAuthException", "code": code, "fbtrace_id": "sandbox"]
        if let subcode { error["error_subcode"] = subcode }
        if code == 1 { error["is_transient"] = true }
        return SandboxReply.json(status, ["error": error], headers: headers)
    }

    /// Throttled until `reset`.
    func rateLimited(reset: Date, now: Date, account: String) -> Response {
        let epoch = String(Int(reset.timeIntervalSince1970.rounded(.up)))
        let seconds = max(0, Int(reset.timeIntervalSince(now).rounded(.up)))
        switch self {
        case .x:
            return SandboxReply.json(
                429, ["title": "Too Many Requests", "detail": "Too Many Requests", "type": "about:blank", "status": 429],
                headers: [("x-rate-limit-limit", "100"), ("x-rate-limit-remaining", "0"), ("x-rate-limit-reset", epoch)],
                contentType: "application/problem+json")
        case .bluesky:
            return SandboxReply.json(
                429, ["error": "RateLimitExceeded", "message": "Rate Limit Exceeded"],
                headers: [
                    ("RateLimit-Limit", "5000"), ("RateLimit-Remaining", "0"), ("RateLimit-Reset", epoch),
                    ("RateLimit-Policy", "5000;w=3600"), ("Retry-After", String(seconds)),
                ])
        case .mastodon:
            return SandboxReply.json(
                429, ["error": "Too many requests"],
                headers: [
                    ("X-RateLimit-Limit", "300"), ("X-RateLimit-Remaining", "0"),
                    ("X-RateLimit-Reset", Self.isoMicroseconds(reset)),
                ])
        case .linkedin:
            return SandboxReply.json(
                429, ["status": 429, "message": "Resource level throttle limit for calls to this resource is reached"])
        case .facebook, .instagram, .threads:
            let minutes = Int((Double(seconds) / 60).rounded(.up))
            let usage =
                "{\"\(account)\":[{\"type\":\"pages\",\"call_count\":100,\"total_cputime\":25,\"total_time\":25,\"estimated_time_to_regain_access\":\(minutes)}]}"
            // Code 32 is a Page's limit, code 4 the app's: each with its own message.
            return self == .facebook
                ? graphError(
                    400, code: 32, message: "(#32) Page request limit reached", headers: [("X-Business-Use-Case-Usage", usage)])
                : graphError(
                    400, code: 4, message: "(#4) Application request limit reached",
                    headers: [("X-Business-Use-Case-Usage", usage)])
        case .webhook:
            return SandboxReply.json(429, ["error": "too many requests"], headers: [("Retry-After", String(seconds))])
        case .youtube: return VideoDialect.youtubeQuotaExceeded()
        case .tiktok: return VideoDialect.tiktokRateLimited()
        case .pinterest: return PinterestAnswers.rateLimited(seconds: seconds)
        case .googleBusiness: return GoogleBusinessAnswers.rateLimited(seconds: seconds)
        }
    }

    /// A server failure.
    func serverError() -> Response {
        switch self {
        case .x:
            return SandboxReply.json(
                503, ["title": "Service Unavailable", "type": "about:blank", "status": 503, "detail": "Service Unavailable"],
                contentType: "application/problem+json")
        case .bluesky: return SandboxReply.json(500, ["error": "InternalServerError", "message": "Internal Server Error"])
        case .mastodon: return SandboxReply.json(503, ["error": "Service Unavailable"])
        case .linkedin: return SandboxReply.json(500, ["status": 500, "message": "Internal Server Error"])
        case .facebook, .instagram, .threads: return graphError(500, code: 1, message: "An unknown error has occurred.")
        case .webhook: return SandboxReply.json(503, ["error": "unavailable"])
        case .youtube: return VideoDialect.youtubeServerError()
        case .tiktok:
            return VideoDialect.tiktokError(500, code: "internal_error", message: "Something went wrong. Please try again later.")
        case .pinterest: return PinterestAnswers.serverError()
        case .googleBusiness: return GoogleBusinessAnswers.serverError()
        }
    }

    /// The answer to a call with an expired (or missing) token.
    func expiredToken() -> Response {
        switch self {
        case .x:
            return SandboxReply.json(
                401, ["title": "Unauthorized", "type": "about:blank", "status": 401, "detail": "Unauthorized"],
                contentType: "application/problem+json")
        case .bluesky: return SandboxReply.json(400, ["error": "ExpiredToken", "message": "Token has expired"])
        case .mastodon: return SandboxReply.json(401, ["error": "The access token is invalid"])
        case .linkedin:
            return SandboxReply.json(
                401,
                [
                    "status": 401, "serviceErrorCode": 65601, "code": "EXPIRED_ACCESS_TOKEN",
                    "message": "The token used in the request has expired",
                ])
        case .facebook, .instagram, .threads:
            return graphError(400, code: 190, subcode: 463, message: "Error validating access token: Session has expired.")
        case .webhook: return SandboxReply.json(401, ["error": "token expired"])
        case .youtube: return VideoDialect.youtubeInvalidCredentials()
        case .tiktok:
            return VideoDialect.tiktokError(
                401, code: "access_token_invalid", message: "The access token is invalid or not found in the request.")
        case .pinterest: return PinterestAnswers.unauthorized()
        case .googleBusiness: return GoogleBusinessAnswers.unauthenticated()
        }
    }

    /// The answer to a call that carries no token at all (an expired one is ``expiredToken()``).
    func missingToken() -> Response {
        switch self {
        case .bluesky:
            // XRPC: "401 Unauthorized … There should be a WWW-Authenticate header"; the PDS names the error AuthMissing.
            return SandboxReply.json(
                401, ["error": "AuthMissing", "message": "Authentication Required"], headers: [("WWW-Authenticate", "Bearer")])
        case .facebook, .instagram, .threads:
            return graphError(400, code: 104, message: "An access token is required to request this resource.")
        case .x, .mastodon, .linkedin, .webhook, .youtube, .tiktok, .pinterest, .googleBusiness: return expiredToken()
        }
    }

    /// The answer of a token endpoint to a dead refresh token.
    func refreshRefused() -> Response {
        switch self {
        case .x:
            return SandboxReply.json(
                400, ["error": "invalid_request", "error_description": "Value passed for the token was invalid."])
        case .linkedin:
            return SandboxReply.json(
                400,
                [
                    "error": "invalid_grant",
                    "error_description": "The provided authorization grant or refresh token is invalid, expired or revoked",
                ])
        case .youtube:
            return SandboxReply.json(400, ["error": "invalid_grant", "error_description": "Token has been expired or revoked."])
        case .tiktok:
            return SandboxReply.json(
                400, ["error": "invalid_grant", "error_description": "Refresh token is invalid or expired.", "log_id": "sandbox"])
        case .pinterest: return PinterestAnswers.refreshRefused()
        case .googleBusiness: return GoogleBusinessAnswers.invalidGrant()
        case .bluesky, .mastodon, .facebook, .instagram, .threads, .webhook: return expiredToken()
        }
    }

    /// The answer to an injected fault that comes before any work.
    func answer(to fault: SandboxFault, now: Date, account: String, refresh: Bool = false) -> Response {
        switch fault.kind {
        case .rateLimit: return rateLimited(reset: now.addingTimeInterval(fault.seconds ?? 60), now: now, account: account)
        case .serverError: return serverError()
        case .expiredToken: return refresh ? refreshRefused() : expiredToken()
        case .slow, .dropAfterStore, .errorAfterStore, .stuckUpload, .failUpload, .expireSession: return serverError()
        }
    }

    /// An instant as Mastodon writes `X-RateLimit-Reset`: Ruby's `iso8601(6)`, six fractional digits
    /// (`2026-12-01T09:05:00.000000Z`).
    static func isoMicroseconds(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        let micros = min(999_999, Int(((date.timeIntervalSince1970 - seconds) * 1_000_000).rounded()))
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        let whole = formatter.string(from: Date(timeIntervalSince1970: seconds))
        let digits = String(micros)
        return whole.dropLast() + "." + String(repeating: "0", count: 6 - digits.count) + digits + "Z"
    }

    static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}
