import Foundation
import HTTPTypes
import Hummingbird

/// X's per-user limits on the calls the sandbox serves besides `POST /2/tweets` (which keeps its own window in
/// ``XRoutes``), each endpoint its own 15-minute window as the rate-limit tables give them; "every response includes
/// rate limit information": a spent window answers 429, any other answer carries its `x-rate-limit-*` (a route's own
/// 429, an injected fault's, keeps its remaining and reset).
struct XRateLimit: RouterMiddleware {
    typealias Context = BasicRequestContext

    let state: SandboxState

    /// The endpoint (as X's tables write it) and its per-user limit per 15 minutes, for a call the middleware counts.
    static func window(method: HTTPRequest.Method, path: String) -> (endpoint: String, limit: Int)? {
        let parts = path.split(separator: "/").map(String.init)
        guard parts.count >= 3, parts[0] == "x", parts[1] == "2" else { return nil }
        let rest = Array(parts.dropFirst(2))
        switch (method, rest.count) {
        case (.get, 1) where rest == ["tweets"]: return ("GET /2/tweets", 5_000)
        case (.delete, 2) where rest[0] == "tweets": return ("DELETE /2/tweets/:id", 50)
        case (.get, 2) where rest == ["users", "me"]: return ("GET /2/users/me", 75)
        case (.get, 3) where rest[0] == "users" && rest[2] == "tweets": return ("GET /2/users/:id/tweets", 900)
        case (.post, 2) where rest == ["media", "upload"]: return ("POST /2/media/upload", 500)
        case (.get, 2) where rest == ["media", "upload"]: return ("GET /2/media/upload", 1_000)
        case (.post, 3) where rest == ["media", "upload", "initialize"]: return ("POST /2/media/upload/initialize", 1_875)
        case (.post, 4) where rest[0...1] == ["media", "upload"] && rest[3] == "append":
            return ("POST /2/media/upload/:id/append", 1_875)
        case (.post, 4) where rest[0...1] == ["media", "upload"] && rest[3] == "finalize":
            return ("POST /2/media/upload/:id/finalize", 1_875)
        case (.post, 2) where rest == ["media", "metadata"]: return ("POST /2/media/metadata", 500)
        default: return nil
        }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response
    {
        guard let window = Self.window(method: request.method, path: request.uri.path),
            let value = request.headers[.authorization], value.hasPrefix("Bearer "), value.count > 7
        else { return try await next(request, context) }
        let name = String(value.dropFirst(7).split(separator: "~", maxSplits: 1).first ?? "")
        let user = SandboxIdentity.numericID(name, digits: 19)
        let spent = await state.spend(
            network: "x/\(window.endpoint)", account: user, cost: 1, limit: window.limit, window: 900)
        let headers = [
            ("x-rate-limit-limit", String(window.limit)), ("x-rate-limit-remaining", String(spent.remaining)),
            ("x-rate-limit-reset", String(Int(spent.reset.timeIntervalSince1970))),
        ]
        if spent.exceeded {
            return SandboxReply.json(
                429, ["title": "Too Many Requests", "detail": "Too Many Requests", "type": "about:blank", "status": 429],
                headers: headers, contentType: "application/problem+json")
        }
        var response = try await next(request, context)
        // A 429 of the route's own (an injected `rate_limit` fault) keeps its `remaining` 0 and its reset: only the
        // limit is this endpoint's.
        let throttled = response.status == .tooManyRequests
        for (field, text) in headers where !throttled || field == "x-rate-limit-limit" {
            if let field = HTTPField.Name(field) { response.headers[field] = text }
        }
        return response
    }
}
