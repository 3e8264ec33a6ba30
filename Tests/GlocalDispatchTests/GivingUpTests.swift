import Foundation
import GlocalCore
import GlocalDispatch
import GlocalNetworks
import GlocalSandbox
import GlocalStore
import Synchronization
import Testing

/// The attempt that spends a job's last allowed attempt is a failure wherever it is told (the report, the log hook,
/// the metrics), not a `retry` or `unknown` of a job that is in fact discarded; a post given up while its outcome is
/// unknown stays `unknown` but reaches a person as a failure does.
struct GivingUpTests {
    /// Runs a round an hour apart (past any backoff) `rounds` times; the reports of `account`, round by round.
    static func rounds(
        _ rounds: Int, of account: String, dispatcher: Dispatcher, clock: SimulatedClock, metrics: DispatchMetrics
    ) async throws -> [JobReport] {
        var reports: [JobReport] = []
        for _ in 1...rounds {
            let round = try await dispatcher.runOnce(onReport: metrics.record)
            reports += round.filter { $0.accountID == account }
            clock.advance(by: 3_600)
        }
        return reports
    }

    @Test func theAttemptThatSpendsTheLastIsFailedInTheReportTheLogAndTheMetrics() async throws {
        let attempts = Mutex<[PublishAttempt]>([])
        try await DispatchHarness.run(onAttempt: { attempt in attempts.withLock { $0.append(attempt) } }) {
            dispatcher, store, sandbox, clock, variants in
            await sandbox.inject(SandboxFault(network: "mastodon", account: "42", kind: .serverError, count: 100))
            let metrics = DispatchMetrics()
            let reports = try await Self.rounds(
                8, of: "lum-fr-mastodon", dispatcher: dispatcher, clock: clock, metrics: metrics)
            #expect(reports.map(\.outcome) == Array(repeating: "retry", count: 7) + ["failed"])
            let last = try #require(reports.last)
            #expect(last.reason?.hasPrefix("gave up after 8 attempts: ") == true)
            let mastodon = try #require(variants.first { $0.network == .mastodon })
            #expect(try store.variant(mastodon.id)?.state == .failed)
            #expect(try store.publishQueue.job(forVariant: mastodon.id)?.state == .discarded)
            let logged = attempts.withLock { $0 }.filter { $0.accountID == "lum-fr-mastodon" }
            #expect(logged.last?.outcome == "failed" && logged.last?.reason == last.reason)
            let text = metrics.prometheusText(queueDepth: nil)
            #expect(text.contains(#"account="lum-fr-mastodon",outcome="failed"} 1"#))
            #expect(text.contains(#"account="lum-fr-mastodon",outcome="retry"} 7"#))
        }
    }

    @Test func aPostGivenUpWhileUnknownIsFailedStaysUnknownAndIsToldToAPerson() async throws {
        try await DispatchHarness.run { dispatcher, store, sandbox, clock, variants in
            let mastodon = try #require(variants.first { $0.network == .mastodon })
            // The post may be out: the answer is lost after the network stored it.
            await sandbox.inject(SandboxFault(network: "mastodon", account: "42", kind: .dropAfterStore))
            let notifications = store.notifications
            // The first scan only sets the cursor.
            _ = try notifications.scanFailures(now: clock.now) { _ in [] }
            let metrics = DispatchMetrics()
            var reports = try await Self.rounds(1, of: "lum-fr-mastodon", dispatcher: dispatcher, clock: clock, metrics: metrics)
            // Every look-up fails from now on: the outcome is never learned.
            await sandbox.inject(
                SandboxFault(network: "mastodon", account: "42", kind: .serverError, count: 1_000, path: "/api/v1/accounts"))
            reports += try await Self.rounds(7, of: "lum-fr-mastodon", dispatcher: dispatcher, clock: clock, metrics: metrics)
            #expect(reports.map(\.outcome) == Array(repeating: "unknown", count: 7) + ["failed"])
            #expect(reports.last?.reason?.hasPrefix("gave up with the outcome unknown after 8 attempts") == true)
            // Never claimed published or not.
            #expect(try store.variant(mastodon.id)?.state == .unknown)
            let giveUp = try #require(try store.auditEvents(variant: mastodon.id).last)
            #expect(giveUp.fromState == .unknown && giveUp.toState == .unknown && giveUp.reason == reports.last?.reason)
            var told: [FailedPost] = []
            _ = try notifications.scanFailures(now: clock.now) { posts in
                told = posts
                return []
            }
            #expect(told.map(\.variantID) == [mastodon.id])
            #expect(told.first?.outcomeUnknown == true)
            #expect(try notifications.failedPosts(since: DispatchHarness.slot).map(\.variantID) == [mastodon.id])
            #expect(await sandbox.storedPosts(network: "mastodon").filter { $0.kind == "post" }.count == 1)
        }
    }
}

/// A post a look-up found is dated by when the network says it posted it, where its look-up gives that.
struct LookUpDatingTests {
    @Test func aPostFoundByALookUpIsLateByTheNetworksTimeNotTheLookUps() async throws {
        try await DispatchHarness.run { dispatcher, _, sandbox, clock, _ in
            for account in DispatchHarness.accounts {
                await sandbox.inject(SandboxFault(network: account.network.rawValue, account: account.key, kind: .dropAfterStore))
            }
            #expect(try await dispatcher.runOnce().map(\.outcome) == ["unknown", "unknown", "unknown"])
            clock.advance(by: 120)
            let found = try await dispatcher.runOnce()
            #expect(found.map(\.outcome) == ["published", "published", "published"])
            let lateness = Dictionary(uniqueKeysWithValues: found.map { ($0.network, $0.lateness) })
            // The sandbox stored them at the slot (its clock stays there); X and Mastodon say so in created_at.
            #expect(lateness[.x] == 0 && lateness[.mastodon] == 0)
            // Bluesky's getRecord answer is not read for a time: the look-up's own.
            #expect(lateness[.bluesky] == 120)
        }
    }
}
