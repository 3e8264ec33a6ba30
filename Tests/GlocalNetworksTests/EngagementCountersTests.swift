import Foundation
import GlocalCore
import GlocalSandbox
import Testing

@testable import GlocalNetworks

/// Each network's interactions counted once each, whatever the network calls them: X's reposts under one of
/// their two names, Mastodon's quotes and Bluesky's bookmarks as X's quotes and bookmarks are.
struct EngagementCountersTests {
    /// The interactions the sandbox makes for a post of `clientCase` at its clock, by the sandbox's own names
    /// (`likes`, `reposts` …), and only those the network reports.
    static func interactions(_ clientCase: ClientCase, _ sandbox: SandboxHarness, reported: [String]) async throws -> Int {
        let post = try #require(await sandbox.posts(clientCase).first)
        let counts = SandboxEngagement.counters(
            postedAt: post.postedAt, now: await sandbox.state.now(),
            audience: await sandbox.state.audience(network: clientCase.sandboxNetwork, account: post.account))
        return reported.reduce(0) { $0 + counts[$1]! }
    }

    /// Publishes `clientCase`'s post to a large audience, reads it a day later and hands `check` the counters
    /// and the sandbox's interactions of the kinds in `reported`.
    static func readADayLater(
        _ clientCase: ClientCase, reported: [String], check: @Sendable ([String: Int], Int) -> Void
    ) async throws {
        try await SandboxHarness.run { sandbox in
            await sandbox.state.setAudience(
                SandboxAudience(network: clientCase.sandboxNetwork, account: clientCase.accountKey, size: 100_000))
            let client = clientCase.make(sandbox.environment)
            let receipt = try #require(await client.publish(clientCase.post, credentials: clientCase.credentials).receipt)
            await sandbox.state.advance(by: 86_400)
            guard case .fetched(let metrics) = await client.fetchMetrics(receipt, credentials: clientCase.credentials) else {
                Issue.record("metrics not fetched")
                return
            }
            check(metrics.counters, try await interactions(clientCase, sandbox, reported: reported))
        }
    }

    static func clientCase(_ network: Network) throws -> ClientCase {
        try #require(ClientCase.plain.first { $0.network == network })
    }

    @Test func xCountsItsRepostsOnceThoughTheyComeUnderTwoNames() async throws {
        try await Self.readADayLater(try Self.clientCase(.x), reported: ["likes", "reposts", "replies", "quotes", "saves"]) {
            counters, interactions in
            #expect(counters["retweet_count"].map { $0 > 0 } == true && counters["repost_count"] == nil)
            #expect(EngagementScore.total(counters) == interactions)
        }
    }

    @Test func xKeepsRetweetCountAndTakesRepostCountWhenItIsTheOnlyName() {
        #expect(
            XPublicMetrics.counters(["retweet_count": 7, "repost_count": 7, "like_count": 31]) == [
                "retweet_count": 7, "like_count": 31,
            ])
        #expect(XPublicMetrics.counters(["repost_count": 5, "like_count": 2]) == ["retweet_count": 5, "like_count": 2])
        #expect(XPublicMetrics.counters(["retweet_count": 3]) == ["retweet_count": 3])
    }

    @Test func mastodonReadsItsQuotes() async throws {
        try await Self.readADayLater(try Self.clientCase(.mastodon), reported: ["likes", "reposts", "replies", "quotes"]) {
            counters, interactions in
            #expect(counters["quotes_count"].map { $0 > 0 } == true)
            #expect(EngagementScore.total(counters) == interactions)
        }
    }

    @Test func blueskyReadsItsBookmarks() async throws {
        try await Self.readADayLater(
            try Self.clientCase(.bluesky), reported: ["likes", "reposts", "replies", "quotes", "saves"]
        ) { counters, interactions in
            #expect(counters["bookmarkCount"].map { $0 > 0 } == true)
            #expect(EngagementScore.total(counters) == interactions)
        }
    }
}
