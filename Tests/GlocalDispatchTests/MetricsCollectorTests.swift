import Foundation
import GlocalCore
import GlocalDispatch
import GlocalNetworks
import GlocalSandbox
import GlocalStore
import Testing

/// Engagement collection end to end: variants published by the dispatcher to the sandbox over
/// loopback HTTP, then read back at +1 h, +24 h and +7 d. Time is a value the test moves (the
/// sandbox's clock with it); nothing sleeps.
struct MetricsCollectorTests {
    typealias Clock = SimulatedClock
    static let slot = DispatcherTests.slot  // Tue 2026-12-01 09:00 UTC = 10:00 in Paris

    func withPublished(_ body: @Sendable (MetricsCollector, SQLiteVariantStore, SandboxState, Clock) async throws -> Void)
        async throws
    {
        let store = try SQLiteVariantStore.inMemory()
        let variants = DispatcherTests.accounts.map { account in
            StoredVariant(
                id: "hydra/teaser/\(account.id)", campaignID: "hydra", postID: "teaser", accountID: account.id,
                network: account.network,
                locale: "fr-FR", kind: .promotional, text: "Hydra pour \(account.id)", title: nil, link: nil,
                linkPlacement: .none,
                media: [], contentHash: "hash-\(account.id)", scheduledAt: Self.slot, localTime: nil, timeZone: "Europe/Paris",
                live: false, state: .approved, explanation: [])
        }
        try store.apply(
            Plan(
                changes: variants.map {
                    PlanChange(action: .create, id: $0.id, desired: $0, stored: nil, contentChanged: true, timeChanged: true)
                }), actor: "test", now: Self.slot.addingTimeInterval(-86_400))
        let credentials = StoredCredentials(
            secrets: store.accountSecrets(key: try SecretKey(bytes: Data(repeating: 9, count: 32))))
        for account in DispatcherTests.accounts { try await credentials.store(account.credentials, for: account.id) }
        let clock = Clock(Self.slot)
        let state = SandboxState(now: Self.slot)
        for account in DispatcherTests.accounts {
            // The audience reads most at 10:00 in Paris: the post went out at its peak.
            await state.setAudience(
                SandboxAudience(
                    network: account.network.rawValue, account: account.key, timeZone: "Europe/Paris", peakHour: 10, size: 1000))
        }
        try await SandboxServer(state: state).withRunning { url in
            let environment = ClientEnvironment(
                transport: URLSessionTransport(timeout: 60), endpoints: .sandbox(baseURL: url), clock: { clock.now })
            var clients: [Network: any NetworkClient] = [:]
            for account in DispatcherTests.accounts {
                clients[account.network] = NetworkClients.client(for: account.network, environment: environment)
            }
            let dispatcher = Dispatcher(
                configuration: DispatchConfiguration(worker: "test", concurrency: 3), queue: store.publishQueue, clients: clients,
                credentials: credentials, posts: OutgoingPostFactory(accounts: [], root: URL(fileURLWithPath: "/nonexistent")),
                clock: { clock.now }, random: { 0.5 })
            #expect(try await dispatcher.runOnce().map(\.outcome) == ["published", "published", "published"])
            let collector = MetricsCollector(
                metrics: store.metrics, publications: store.publishQueue, clients: clients, credentials: credentials,
                clock: { clock.now })
            try await body(collector, store, state, clock)
        }
    }

    static func advance(_ seconds: TimeInterval, _ clock: Clock, _ sandbox: SandboxState) async {
        clock.advance(by: seconds)
        await sandbox.setNow(clock.now)
    }

    @Test func readingsAtOneHourOneDayAndOneWeekFormATimeSeries() async throws {
        try await withPublished { collector, store, sandbox, clock in
            #expect(try await collector.runOnce().isEmpty)  // nine readings planned, none due yet
            #expect(
                try store.metrics.jobs(variant: "hydra/teaser/lum-fr-mastodon").map(\.checkpoint) == [3_600, 86_400, 604_800])
            await Self.advance(3_600, clock, sandbox)
            #expect(try await collector.runOnce().map(\.outcome) == ["fetched", "fetched", "fetched"])
            #expect(try await collector.runOnce().isEmpty)
            await Self.advance(23 * 3_600, clock, sandbox)
            let day = try await collector.runOnce()
            #expect(day.count == 3 && day.allSatisfy { $0.checkpoint == 86_400 })
            // Mastodon at 24 h at the peak: 1000 × 24/30 = 800 views → 64 favourites, 16 reblogs, 8 replies, 4 quotes.
            let mastodon = try store.metrics.samples(variant: "hydra/teaser/lum-fr-mastodon")
            try #require(mastodon.map(\.checkpoint) == [3_600, 86_400])
            #expect(
                mastodon[1].counters == ["favourites_count": 64, "reblogs_count": 16, "replies_count": 8, "quotes_count": 4])
            #expect(mastodon[1].engagement == 92)
            #expect(mastodon[0].engagement < mastodon[1].engagement)
            await Self.advance(6 * 86_400, clock, sandbox)
            #expect(try await collector.runOnce().count == 3)
            #expect(try store.metrics.samples().count == 9)
            #expect(try store.metrics.jobs(variant: "hydra/teaser/lum-fr-x").allSatisfy { $0.state == "completed" })
            // What the learner reads: the 24 h engagement, in the account's local bucket (Tue 10–12).
            let records = try store.metrics.engagementRecords()
            #expect(records.count == 3)
            #expect(records.allSatisfy { $0.bucket == TimingBucket(weekday: 2, block: 5) })
            #expect(records.first { $0.accountID == "lum-fr-mastodon" }?.engagement == 92)
        }
    }

    /// docs/operations.md: `fetched: ID +24h engagement 42`, each checkpoint written exactly (not `+0h` for 30 minutes,
    /// `+1h` for 90 or `+168h` for a week).
    @Test func eachReadingsLineNamesItsCheckpointExactly() {
        let id = "hydra/teaser/lum-fr-x"
        #expect(
            MetricsCollector.Reading(variantID: id, checkpoint: 86_400, outcome: "fetched", engagement: 42).line
                == "fetched: hydra/teaser/lum-fr-x +24h engagement 42")
        #expect(
            [1_800, 5_400, 3_600, 604_800].map {
                MetricsCollector.Reading(variantID: id, checkpoint: $0, outcome: "fetched").line
            }
                == [
                    "fetched: \(id) +30m", "fetched: \(id) +1h30m", "fetched: \(id) +1h", "fetched: \(id) +7d",
                ])
        #expect(
            MetricsCollector.Reading(variantID: id, checkpoint: 3_600, outcome: "rate_limited").line
                == "rate_limited: hydra/teaser/lum-fr-x +1h")
    }

    @Test func aRateLimitedReadingWaitsForTheResetWithoutBurningAnAttempt() async throws {
        try await withPublished { collector, store, sandbox, clock in
            await sandbox.inject(SandboxFault(network: "mastodon", account: "42", kind: .rateLimit, seconds: 600))
            await Self.advance(3_600, clock, sandbox)
            let first = try await collector.runOnce()
            #expect(first.filter { $0.outcome == "rate_limited" }.map(\.variantID) == ["hydra/teaser/lum-fr-mastodon"])
            #expect(first.filter { $0.outcome == "fetched" }.count == 2)
            let job = try #require(try store.metrics.jobs(variant: "hydra/teaser/lum-fr-mastodon").first)
            #expect(job.runAt == Self.slot.addingTimeInterval(3_600 + 600))
            #expect(job.attempts == 0 && job.state == "scheduled")
            await Self.advance(599, clock, sandbox)
            #expect(try await collector.runOnce().isEmpty)
            await Self.advance(1, clock, sandbox)
            #expect(try await collector.runOnce().map(\.outcome) == ["fetched"])
            #expect(try store.metrics.samples(variant: "hydra/teaser/lum-fr-mastodon").count == 1)
        }
    }

    @Test func aPassingFailureIsRetriedWithBackoff() async throws {
        try await withPublished { collector, store, sandbox, clock in
            await sandbox.inject(SandboxFault(network: "x", account: "2244994945", kind: .serverError))
            await Self.advance(3_600, clock, sandbox)
            let first = try await collector.runOnce()
            #expect(first.first { $0.variantID == "hydra/teaser/lum-fr-x" }?.outcome == "retry")
            let job = try #require(try store.metrics.jobs(variant: "hydra/teaser/lum-fr-x").first)
            #expect(job.attempts == 1 && job.runAt == Self.slot.addingTimeInterval(3_600 + 300))
            await Self.advance(300, clock, sandbox)
            #expect(try await collector.runOnce().map(\.outcome) == ["fetched"])
        }
    }
}
