import Foundation
import GlocalCore
import GlocalNetworks
import Testing

/// The rate-limit headers of a successful answer: a spent quota becomes the instant it resets, on the
/// receipt, so the dispatcher holds the account instead of sending into a 429.
struct RateLimitQuotaTests {
    static let now = Date(timeIntervalSince1970: 1_796_115_600)
    static let reset = now.addingTimeInterval(600)

    @Test func xSpentQuotaResetsAtTheEpochSecondsOfItsHeader() {
        let headers = ["x-rate-limit-limit": "100", "x-rate-limit-remaining": "0", "x-rate-limit-reset": "1796116200"]
        #expect(RateLimitQuota.x(headers: headers, now: Self.now) == Self.reset)
        // Any case of the names.
        #expect(
            RateLimitQuota.x(headers: ["X-Rate-Limit-Remaining": "0", "X-Rate-Limit-Reset": "1796116200"], now: Self.now)
                == Self.reset)
    }

    @Test func blueskySpentQuotaIsFewerPointsThanOneCreateCosts() {
        func headers(_ remaining: String) -> [String: String] {
            [
                "ratelimit-limit": "5000", "ratelimit-remaining": remaining, "ratelimit-reset": "1796116200",
                "ratelimit-policy": "5000;w=3600",
            ]
        }
        #expect(RateLimitQuota.bluesky(headers: headers("0"), now: Self.now) == Self.reset)
        #expect(RateLimitQuota.bluesky(headers: headers("2"), now: Self.now) == Self.reset)  // 1 666 creates leave 2 points
        #expect(RateLimitQuota.bluesky(headers: headers("3"), now: Self.now) == nil)  // one more create fits
        #expect(
            RateLimitQuota.bluesky(headers: ["RateLimit-Remaining": "1", "RateLimit-Reset": "1796116200"], now: Self.now)
                == Self.reset)
    }

    @Test func mastodonSpentQuotaResetsAtTheISOInstantOfItsHeader() {
        let headers = ["x-ratelimit-limit": "300", "x-ratelimit-remaining": "0", "x-ratelimit-reset": "2026-12-01T09:10:00.000Z"]
        #expect(RateLimitQuota.mastodon(headers: headers, now: Self.now) == Self.reset)
        #expect(
            RateLimitQuota.mastodon(
                headers: ["X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "2026-12-01T09:10:00Z"], now: Self.now)
                == Self.reset)
    }

    /// Quota left, a header missing or unreadable, a reset already past: nothing to hold.
    @Test(arguments: [
        ["x-rate-limit-remaining": "1", "x-rate-limit-reset": "1796116200"],
        ["x-rate-limit-remaining": "57", "x-rate-limit-reset": "1796116200"],
        ["x-rate-limit-reset": "1796116200"],
        ["x-rate-limit-remaining": "0"],
        [:],
        ["x-rate-limit-remaining": "none", "x-rate-limit-reset": "1796116200"],
        ["x-rate-limit-remaining": "0", "x-rate-limit-reset": "soon"],
        ["x-rate-limit-remaining": "0", "x-rate-limit-reset": "1796115000"],
        ["x-rate-limit-remaining": "0", "x-rate-limit-reset": "1796115600"],
    ])
    func xNothingToHold(headers: [String: String]) {
        #expect(RateLimitQuota.x(headers: headers, now: Self.now) == nil)
    }

    @Test(arguments: [
        ["ratelimit-remaining": "4997", "ratelimit-reset": "1796116200"],
        ["ratelimit-reset": "1796116200"],
        ["ratelimit-remaining": "0"],
        ["ratelimit-remaining": "0", "ratelimit-reset": "1796115000"],
    ])
    func blueskyNothingToHold(headers: [String: String]) {
        #expect(RateLimitQuota.bluesky(headers: headers, now: Self.now) == nil)
    }

    @Test(arguments: [
        ["x-ratelimit-remaining": "299", "x-ratelimit-reset": "2026-12-01T09:10:00.000Z"],
        ["x-ratelimit-reset": "2026-12-01T09:10:00.000Z"],
        ["x-ratelimit-remaining": "0"],
        ["x-ratelimit-remaining": "0", "x-ratelimit-reset": "1796116200"],  // epoch seconds are not Mastodon's dialect
        ["x-ratelimit-remaining": "0", "x-ratelimit-reset": "2026-12-01T08:50:00.000Z"],
    ])
    func mastodonNothingToHold(headers: [String: String]) {
        #expect(RateLimitQuota.mastodon(headers: headers, now: Self.now) == nil)
    }

    @Test func aReceiptStoredBeforeTheQuotaFieldStillDecodes() throws {
        let old = #"{"remoteID":"1800000000000000001","url":"https://x.com/lumiere/status/1","extra":{"reply_id":"2"}}"#
        let receipt = try JSONDecoder().decode(PublishReceipt.self, from: Data(old.utf8))
        #expect(
            receipt
                == PublishReceipt(
                    remoteID: "1800000000000000001", url: "https://x.com/lumiere/status/1", extra: ["reply_id": "2"]))
        #expect(receipt.quotaExhaustedUntil == nil)
        var spent = receipt
        spent.quotaExhaustedUntil = Self.reset
        #expect(try JSONDecoder().decode(PublishReceipt.self, from: JSONEncoder().encode(spent)) == spent)
    }

    /// Answers every request with 200, `body` and `headers`.
    struct ScriptedTransport: HTTPTransport {
        let body: String
        let headers: [String: String]

        func send(_ request: HTTPRequest) async throws -> HTTPResponse {
            HTTPResponse(status: 200, headers: headers, body: Data(body.utf8))
        }
    }

    static func environment(_ transport: ScriptedTransport) -> ClientEnvironment {
        let base = URL(string: "https://api.example")!
        return ClientEnvironment(
            transport: transport,
            endpoints: NetworkEndpoints(api: [.x: base, .bluesky: base, .mastodon: base], accountServersWin: false),
            clock: { Self.now })
    }

    static func post(_ network: Network) -> OutgoingPost {
        OutgoingPost(
            variantID: "c/p/\(network.rawValue)", network: network, accountID: "a", handle: "h", locale: "fr-FR", text: "Bonjour")
    }

    static let credentials = AccountCredentials(accessToken: "t", remoteUserID: "did:plc:a")

    /// Each client reads its own dialect off the create answer and puts the reset on the receipt.
    @Test func eachClientPutsTheResetOfASpentQuotaOnItsReceipt() async throws {
        let cases: [(Network, String, [String: String], [String: String])] = [
            (
                .x, #"{"data":{"id":"1"}}"#, ["x-rate-limit-remaining": "0", "x-rate-limit-reset": "1796116200"],
                ["x-rate-limit-remaining": "12", "x-rate-limit-reset": "1796116200"]
            ),
            (
                .bluesky, #"{"uri":"at://did:plc:a/app.bsky.feed.post/k","cid":"c"}"#,
                ["RateLimit-Remaining": "2", "RateLimit-Reset": "1796116200"],
                ["RateLimit-Remaining": "4000", "RateLimit-Reset": "1796116200"]
            ),
            (
                .mastodon, #"{"id":"1","url":"https://m.example/@h/1"}"#,
                ["X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "2026-12-01T09:10:00.000Z"],
                ["X-RateLimit-Remaining": "299", "X-RateLimit-Reset": "2026-12-01T09:10:00.000Z"]
            ),
        ]
        for (network, body, spent, left) in cases {
            for (headers, expected) in [(spent, Optional(Self.reset)), (left, nil), ([:], nil)] {
                let client = try #require(
                    NetworkClients.client(
                        for: network, environment: Self.environment(ScriptedTransport(body: body, headers: headers))))
                let outcome = await client.publish(Self.post(network), credentials: Self.credentials)
                guard case .published(let receipt) = outcome else {
                    Issue.record("\(network): \(outcome)")
                    continue
                }
                #expect(receipt.quotaExhaustedUntil == expected, "\(network) \(headers)")
            }
        }
    }

    /// The sandbox's X window (100 a 15 minutes): the 99th tweet leaves one, the 100th spends it.
    @Test func theSandboxsHundredthTweetSpendsTheQuota() async throws {
        try await SandboxHarness.run { sandbox in
            let client = XClient(environment: sandbox.environment)
            let credentials = AccountCredentials(accessToken: "2244994945~token", remoteUserID: "2244994945")
            var receipts: [PublishReceipt] = []
            for index in 0..<100 {
                var post = Self.post(.x)
                post.text = "Tweet n°\(index)"
                guard case .published(let receipt) = await client.publish(post, credentials: credentials) else {
                    Issue.record("tweet \(index) not published")
                    return
                }
                receipts.append(receipt)
            }
            #expect(receipts.dropLast().allSatisfy { $0.quotaExhaustedUntil == nil })
            #expect(receipts.last?.quotaExhaustedUntil == SandboxHarness.start.addingTimeInterval(900))
        }
    }
}
