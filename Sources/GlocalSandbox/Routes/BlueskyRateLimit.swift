import Foundation
import HTTPTypes
import Hummingbird

/// The Bluesky PDS's rate limiters (atproto `packages/pds/src/rate-limits.ts` and each method's `rateLimit`, at the
/// commit `shared/specs/atproto` quotes): every XRPC call spends a point of the global limiter, 3000 per 5 minutes;
/// `createRecord` also spends 3 points and `deleteRecord` 1 of the repo's 5000 an hour and 35 000 a day, `uploadBlob`
/// 1 of 1000 a day, `createSession` 1 of 30 per 5 minutes and of 300 a day. As `xrpc-server`'s `CombinedRateLimiter`
/// does, a call that passed authentication carries the `RateLimit-*` of its tightest limiter (the fewest points left);
/// a spent limiter answers 429 with its own headers and `Retry-After`.
///
/// The PDS keys the global, `uploadBlob` and `createSession` limiters by the caller's IP address (`createSession`
/// with the identifier); the sandbox cannot tell its callers apart, so it keys them by the session's DID (without a
/// session: `createSession`'s identifier, else one shared key). A host posting for many accounts to one PDS shares
/// one global budget there, and has one per account here.
struct BlueskyRateLimit: RouterMiddleware {
    typealias Context = BasicRequestContext

    let state: SandboxState

    /// One limiter: its window's name (for `/_sandbox/limits`), its points per window, the window's length, and what
    /// one call costs.
    struct Limiter: Equatable, Sendable {
        let window: String
        let points: Int
        let seconds: TimeInterval
        let cost: Int
    }

    /// `global-ip`: 3000 points per 5 minutes, 1 a call.
    static let global = Limiter(window: "bluesky/global", points: 3000, seconds: 300, cost: 1)

    /// The windows `/_sandbox/limits` may replace (`bluesky` is the repo's hourly one).
    static let windows = [
        "bluesky", "bluesky/repo-day", global.window, "bluesky/upload-blob", "bluesky/session", "bluesky/session-day",
    ]

    /// The XRPC methods served without a session: the auth check that comes before the limiters passes without one.
    static let withoutSession: Set<String> = [
        "com.atproto.repo.getRecord", "com.atproto.identity.resolveHandle", "com.atproto.server.createSession",
    ]

    /// The limiters a call of `nsid` spends from: the method's own, in the order the PDS lists them, then the global one.
    static func limiters(nsid: String) -> [Limiter] {
        let own: [Limiter]
        switch nsid {
        case "com.atproto.repo.createRecord", "com.atproto.repo.deleteRecord":
            // "creates=3, puts=2, deletes=1".
            let cost = nsid.hasSuffix("createRecord") ? 3 : 1
            own = [
                Limiter(window: "bluesky", points: 5000, seconds: 3600, cost: cost),
                Limiter(window: "bluesky/repo-day", points: 35_000, seconds: 86_400, cost: cost),
            ]
        case "com.atproto.repo.uploadBlob":
            own = [Limiter(window: "bluesky/upload-blob", points: 1000, seconds: 86_400, cost: 1)]
        case "com.atproto.server.createSession":
            own = [
                Limiter(window: "bluesky/session-day", points: 300, seconds: 86_400, cost: 1),
                Limiter(window: "bluesky/session", points: 30, seconds: 300, cost: 1),
            ]
        default: own = []
        }
        return own + [global]
    }

    /// What one limiter says after a call: its points (as replaced, if they were), what is left, when its window frees.
    struct Status: Equatable, Sendable {
        let limiter: Limiter
        let limit: Int
        let remaining: Int
        let reset: Date
        let exceeded: Bool

        /// `RateLimit-Limit`, `-Remaining`, `-Reset` (epoch seconds) and `-Policy` (`limit;w=seconds`).
        var headers: [(String, String)] {
            [
                ("RateLimit-Limit", String(limit)), ("RateLimit-Remaining", String(remaining)),
                ("RateLimit-Reset", String(Int(reset.timeIntervalSince1970))),
                ("RateLimit-Policy", "\(limit);w=\(Int(limiter.seconds))"),
            ]
        }
    }

    /// The status the answer reports: the first spent limiter, else the one with the fewest points left (the first
    /// of those, in order).
    static func reported(_ statuses: [Status]) -> Status? {
        statuses.first(where: \.exceeded) ?? statuses.min { $0.remaining < $1.remaining }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response
    {
        let prefix = "/bluesky/xrpc/"
        guard request.uri.path.hasPrefix(prefix) else { return try await next(request, context) }
        let nsid = String(request.uri.path.dropFirst(prefix.count))
        var request = request
        guard let key = try await Self.key(of: &request, nsid: nsid) else { return try await next(request, context) }
        var statuses: [Status] = []
        for limiter in Self.limiters(nsid: nsid) {
            let spent = await state.spend(
                network: limiter.window, account: key, cost: limiter.cost, limit: limiter.points, window: limiter.seconds)
            let limit = await state.limit(of: limiter.window) ?? limiter.points
            // The PDS counts a refused call's points too (rate-limiter-flexible): it reports none left.
            let remaining = spent.exceeded ? 0 : spent.remaining
            statuses.append(
                Status(limiter: limiter, limit: limit, remaining: remaining, reset: spent.reset, exceeded: spent.exceeded))
        }
        guard let status = Self.reported(statuses) else { return try await next(request, context) }
        if status.exceeded {
            let seconds = max(0, Int(status.reset.timeIntervalSince(await state.now()).rounded(.up)))
            return SandboxReply.json(
                429, ["error": "RateLimitExceeded", "message": "Rate Limit Exceeded"],
                headers: status.headers + [("Retry-After", String(seconds))])
        }
        var response = try await next(request, context)
        // An injected rate-limit fault answers with headers of its own: they stand.
        guard response.headers[HTTPField.Name("RateLimit-Remaining")!] == nil else { return response }
        for (name, value) in status.headers { response.headers[HTTPField.Name(name)!] = value }
        return response
    }

    /// Whom the limiters count a call against: the session's DID; without a session, `createSession`'s identifier
    /// (read from the body, which stays readable), one shared key for the other methods served without one, and
    /// `nil` (not counted: the auth check refuses it first) for a method that needs one.
    static func key(of request: inout Request, nsid: String) async throws -> String? {
        if let value = request.headers[.authorization], value.hasPrefix("Bearer "), value.count > 7 {
            return SandboxIdentity.did(String(value.dropFirst(7).split(separator: "~", maxSplits: 1).first ?? ""))
        }
        guard withoutSession.contains(nsid) else { return nil }
        guard nsid == "com.atproto.server.createSession" else { return "anonymous" }
        let body = try await request.collectBody(upTo: 1_000_000)
        let json = (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any]
        return "session " + (json?["identifier"] as? String ?? "").lowercased()
    }
}
