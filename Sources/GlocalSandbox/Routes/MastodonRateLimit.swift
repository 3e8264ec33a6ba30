import Foundation
import HTTPTypes
import Hummingbird

/// Mastodon's per-account limits on every authenticated call (`rate-limits.md`): all endpoints 300 calls within 5
/// minutes, media uploads and status deletions 30 within 30 minutes each. A spent window answers 429; otherwise the
/// answer carries the `X-RateLimit-*` of the window closest to being spent ("the one you are closest to exceeding"),
/// the statuses route's own 300 statuses per 3 hours included.
struct MastodonRateLimit: RouterMiddleware {
    typealias Context = BasicRequestContext

    let state: SandboxState

    /// One window: its name for `/_sandbox/limits`, its limit and its length.
    struct Window {
        let name: String
        let limit: Int
        let seconds: TimeInterval
    }

    /// The windows a call spends from (`path` as requested, without the query).
    static func windows(method: HTTPRequest.Method, path: String) -> [Window] {
        var windows = [Window(name: "mastodon/all", limit: 300, seconds: 300)]
        if method == .post, path == "/mastodon/api/v1/media" || path == "/mastodon/api/v2/media" {
            windows.append(Window(name: "mastodon/media", limit: 30, seconds: 1800))
        }
        if method == .delete, path.hasPrefix("/mastodon/api/v1/statuses/") {
            windows.append(Window(name: "mastodon/deletes", limit: 30, seconds: 1800))
        }
        return windows
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response
    {
        let path = request.uri.path
        guard path.hasPrefix("/mastodon/api/"), let value = request.headers[.authorization], value.hasPrefix("Bearer "),
            value.count > 7
        else { return try await next(request, context) }
        let name = String(value.dropFirst(7).split(separator: "~", maxSplits: 1).first ?? "")
        let account = SandboxIdentity.numericID(name, digits: 18)
        var closest: (limit: Int, remaining: Int, reset: Date)?
        for window in Self.windows(method: request.method, path: path) {
            let spent = await state.spend(
                network: window.name, account: account, cost: 1, limit: window.limit, window: window.seconds)
            let limit = await state.limit(of: window.name) ?? window.limit
            if spent.exceeded {
                return SandboxReply.json(
                    429, ["error": "Too many requests"],
                    headers: [
                        ("X-RateLimit-Limit", String(limit)), ("X-RateLimit-Remaining", "0"),
                        ("X-RateLimit-Reset", SandboxDialect.isoMicroseconds(spent.reset)),
                    ])
            }
            if closest == nil || spent.remaining < closest!.remaining { closest = (limit, spent.remaining, spent.reset) }
        }
        var response = try await next(request, context)
        guard let closest else { return response }
        let remaining = HTTPField.Name("X-RateLimit-Remaining")!
        if let own = response.headers[remaining].flatMap({ Int($0) }), own <= closest.remaining { return response }
        response.headers[HTTPField.Name("X-RateLimit-Limit")!] = String(closest.limit)
        response.headers[remaining] = String(closest.remaining)
        response.headers[HTTPField.Name("X-RateLimit-Reset")!] = SandboxDialect.isoMicroseconds(closest.reset)
        return response
    }
}
