import Foundation
import GlocalSandbox
import Testing

/// The PDS's `RateLimit-*` headers as `atproto/RATE-LIMIT-HEADERS.md` quotes `setStatusHeaders`, read at test time:
/// every call the limiters count carries the four headers of its tightest limiter, `Policy` being `limit;w=duration`.
@Suite struct BlueskyRateLimitTests {
    static let token = "lumiere-fr~access"

    /// The header names `setStatusHeaders` sets, in order, and the policy's template.
    static func quoted() throws -> (names: [String], policy: String) {
        let lines = try SpecFiles.text("atproto/RATE-LIMIT-HEADERS.md").components(separatedBy: "\n")
        let sets = lines.filter { $0.contains("ctx.res?.setHeader('RateLimit-") }
        let names = sets.compactMap { $0.components(separatedBy: "'").dropFirst().first }
        let policy = try #require(sets.first { $0.contains("RateLimit-Policy") })
        return (names, policy)
    }

    /// The four headers of an answer, or `nil` when one is missing; `Policy` must read `Limit;w=seconds`.
    static func limits(_ answer: SandboxCalls.Answer) -> (limit: Int, remaining: Int, reset: Int, window: Int)? {
        guard let limit = answer.headers["ratelimit-limit"].flatMap({ Int($0) }),
            let remaining = answer.headers["ratelimit-remaining"].flatMap({ Int($0) }),
            let reset = answer.headers["ratelimit-reset"].flatMap({ Int($0) }),
            let policy = answer.headers["ratelimit-policy"], policy.hasPrefix("\(limit);w="),
            let window = Int(policy.dropFirst("\(limit);w=".count))
        else { return nil }
        return (limit, remaining, reset, window)
    }

    static func did(_ sandbox: SandboxCalls) async throws -> String {
        try #require(
            try await sandbox.call("GET", "bluesky/xrpc/com.atproto.server.getSession", token: token).object["did"] as? String)
    }

    static func post(_ text: String) -> [String: Any] {
        ["$type": "app.bsky.feed.post", "text": text, "createdAt": "2026-12-01T09:00:00.000Z"]
    }

    @Test func everyCountedCallCarriesTheFourHeaders() async throws {
        let quoted = try Self.quoted()
        #expect(quoted.names == ["RateLimit-Limit", "RateLimit-Reset", "RateLimit-Remaining", "RateLimit-Policy"])
        #expect(quoted.policy.contains("`${status.limit};w=${status.duration}`"))
        try await SandboxCalls.run { sandbox in
            let did = try await Self.did(sandbox)
            let created = try await sandbox.call(
                "POST", "bluesky/xrpc/com.atproto.repo.createRecord", token: Self.token,
                json: ["repo": did, "collection": "app.bsky.feed.post", "record": Self.post("Bonjour")])
            let uri = try #require(created.object["uri"] as? String)
            let rkey = try #require(uri.split(separator: "/").last)
            let calls: [(String, SandboxCalls.Answer)] = [
                ("getSession", try await sandbox.call("GET", "bluesky/xrpc/com.atproto.server.getSession", token: Self.token)),
                ("createRecord", created),
                (
                    "uploadBlob",
                    try await sandbox.call(
                        "POST", "bluesky/xrpc/com.atproto.repo.uploadBlob", token: Self.token, raw: (Data([1, 2]), "image/png"))
                ),
                ("getPosts", try await sandbox.call("GET", "bluesky/xrpc/app.bsky.feed.getPosts?uris=\(uri)", token: Self.token)),
                (
                    "getRecord without a session",
                    try await sandbox.call(
                        "GET", "bluesky/xrpc/com.atproto.repo.getRecord?repo=\(did)&collection=app.bsky.feed.post&rkey=\(rkey)")
                ),
                (
                    "resolveHandle",
                    try await sandbox.call("GET", "bluesky/xrpc/com.atproto.identity.resolveHandle?handle=alice.bsky.social")
                ),
                (
                    "createSession",
                    try await sandbox.call(
                        "POST", "bluesky/xrpc/com.atproto.server.createSession",
                        json: ["identifier": "alice.bsky.social", "password": "abcd-efgh-ijkl-mnop"])
                ),
                (
                    "refreshSession",
                    try await sandbox.call(
                        "POST", "bluesky/xrpc/com.atproto.server.refreshSession", token: "lumiere-fr~refresh-1")
                ),
                (
                    "deleteRecord",
                    try await sandbox.call(
                        "POST", "bluesky/xrpc/com.atproto.repo.deleteRecord", token: Self.token,
                        json: ["repo": did, "collection": "app.bsky.feed.post", "rkey": String(rkey)])
                ),
            ]
            for (name, answer) in calls {
                #expect((200..<300).contains(answer.status), "\(name): \(answer.status)")
                let limits = try #require(Self.limits(answer), "\(name) carries all four headers")
                #expect(limits.remaining < limits.limit, "\(name) spent points")
                // The clock stands still: every window opened at the start, so it frees a whole window later.
                #expect(limits.reset == Int(SandboxCalls.start.timeIntervalSince1970) + limits.window, "\(name)")
            }
        }
    }

    @Test func aCallRefusedForWantOfASessionIsNotCounted() async throws {
        try await SandboxCalls.run { sandbox in
            let refused = try await sandbox.call(
                "POST", "bluesky/xrpc/com.atproto.repo.createRecord",
                json: ["repo": "did:plc:abc", "collection": "app.bsky.feed.post", "record": Self.post("x")])
            #expect(refused.status == 401)
            #expect(refused.headers["ratelimit-limit"] == nil && refused.headers["ratelimit-policy"] == nil)
        }
    }

    @Test func theHeadersAreTheTightestLimitersOfEachCall() async throws {
        try await SandboxCalls.run { sandbox in
            let did = try await Self.did(sandbox)
            let global = try #require(
                Self.limits(try await sandbox.call("GET", "bluesky/xrpc/com.atproto.server.getSession", token: Self.token)))
            // The repo's hourly window, made smaller than what the global one has left: a create reports it.
            _ = await sandbox.state.setLimits(["bluesky": 9])
            let created = try await sandbox.call(
                "POST", "bluesky/xrpc/com.atproto.repo.createRecord", token: Self.token,
                json: ["repo": did, "collection": "app.bsky.feed.post", "record": Self.post("un")])
            let repo = try #require(Self.limits(created))
            #expect(repo.limit == 9 && repo.remaining == 6 && repo.window == 3600)
            // A call that spends nothing from the repo's window still reports the global one.
            let after = try #require(
                Self.limits(try await sandbox.call("GET", "bluesky/xrpc/com.atproto.server.getSession", token: Self.token)))
            #expect(after.limit == global.limit && after.window == global.window)
            #expect(after.remaining == global.remaining - 2, "createRecord, then getSession: a point each")
        }
    }

    @Test func aSpentGlobalWindowRefusesAnyCall() async throws {
        try await SandboxCalls.run { sandbox in
            _ = await sandbox.state.setLimits(["bluesky/global": 2])
            for _ in 0..<2 {
                #expect(
                    try await sandbox.call("GET", "bluesky/xrpc/com.atproto.server.getSession", token: Self.token).status == 200)
            }
            let refused = try await sandbox.call("GET", "bluesky/xrpc/com.atproto.server.getSession", token: Self.token)
            #expect(refused.status == 429)
            #expect(refused.object["error"] as? String == "RateLimitExceeded")
            let limits = try #require(Self.limits(refused))
            #expect(limits.limit == 2 && limits.remaining == 0)
            #expect(refused.headers["retry-after"] == String(limits.window))
            let other = try await sandbox.call("GET", "bluesky/xrpc/com.atproto.server.getSession", token: "lumiere-de~access")
            #expect(other.status == 200, "each account has its own budget in the sandbox")
        }
    }
}
