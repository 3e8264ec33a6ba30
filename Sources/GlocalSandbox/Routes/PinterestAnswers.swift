import Foundation
import Hummingbird

/// Pinterest API v5's error answers: `{"code": <int>, "message": "…"}` with the HTTP status saying the class.
enum PinterestAnswers {
    static func error(_ status: Int, code: Int, message: String, headers: [(String, String)] = []) -> Response {
        SandboxReply.json(status, ["code": code, "message": message], headers: headers)
    }

    /// 429 with the window's headers; `x-ratelimit-reset` counts the seconds left.
    static func rateLimited(seconds: Int) -> Response {
        error(
            429, code: 8, message: "You have exceeded your rate limit. Try again later.",
            headers: [("x-ratelimit-limit", "1000"), ("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", String(seconds))])
    }

    static func serverError() -> Response { error(500, code: 0, message: "Something went wrong on our end. Sorry about that.") }

    static func unauthorized() -> Response { error(401, code: 2, message: "Authentication failed.") }

    /// The token endpoint's refusal of a dead refresh token.
    static func refreshRefused() -> Response { error(400, code: 1, message: "Invalid refresh token.") }

    /// A request field Pinterest refuses (400, code 1).
    static func invalid(_ message: String) -> Response { error(400, code: 1, message: "Invalid parameters. \(message)") }

    static func notFound(_ what: String) -> Response { error(404, code: 50, message: "\(what) not found.") }
}
