import Foundation
import Hummingbird

/// Google's error answers (`{"error": {"code", "message", "status", "details"}}`) and its token endpoint's.
enum GoogleBusinessAnswers {
    static func error(_ code: Int, status: String, message: String, details: [[String: Any]] = []) -> Response {
        var error: [String: Any] = ["code": code, "message": message, "status": status]
        if !details.isEmpty { error["details"] = details }
        return SandboxReply.json(code, ["error": error])
    }

    /// A quota refusal, with the wait as a `google.rpc.RetryInfo` detail.
    static func rateLimited(seconds: Int) -> Response {
        error(
            429, status: "RESOURCE_EXHAUSTED",
            message: "Quota exceeded for quota metric 'Write requests' and limit 'Write requests per minute per user'.",
            details: [
                [
                    "@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "RATE_LIMIT_EXCEEDED",
                    "domain": "googleapis.com", "metadata": ["service": "mybusiness.googleapis.com"],
                ],
                ["@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "\(seconds)s"],
            ])
    }

    static func serverError() -> Response {
        error(503, status: "UNAVAILABLE", message: "The service is currently unavailable.")
    }

    static func unauthenticated() -> Response {
        error(401, status: "UNAUTHENTICATED", message: "Request had invalid authentication credentials.")
    }

    /// Google's token endpoint refusing a dead refresh token (OAuth 2, RFC 6749 §5.2).
    static func invalidGrant() -> Response {
        SandboxReply.json(400, ["error": "invalid_grant", "error_description": "Token has been expired or revoked."])
    }

    /// 400 `INVALID_ARGUMENT` naming the field, as a `google.rpc.BadRequest` detail.
    static func invalid(field: String, _ description: String) -> Response {
        error(
            400, status: "INVALID_ARGUMENT", message: "Request contains an invalid argument.",
            details: [
                [
                    "@type": "type.googleapis.com/google.rpc.BadRequest",
                    "fieldViolations": [["field": field, "description": description]],
                ]
            ])
    }

    static func notFound(_ name: String) -> Response {
        error(404, status: "NOT_FOUND", message: "Requested entity was not found: \(name).")
    }
}
