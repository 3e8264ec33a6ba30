import Foundation
import GlocalCore
import Testing

@testable import GlocalStore

/// The holds and waiting jobs of many accounts at once, as the accounts page reads them.
struct HoldsOverviewTests {
    static let slot = StoreFixtures.date("2026-12-01T08:00:00Z")

    @Test func allHoldsReadsEveryAccountsHoldsAtOnceAndMatchesTheOneAccountQuery() throws {
        let store = try StoreFixtures.store()
        let queue = store.publishQueue
        #expect(try queue.allHolds().isEmpty)
        let until = Self.slot.addingTimeInterval(900)
        try queue.setPaused(true, account: "paused-account", actor: "test", now: Self.slot)
        try queue.setNeedsReconnect("token revoked by the network", account: "refused-account", now: Self.slot)
        try queue.setRateLimited(until: until, account: "limited-account", now: Self.slot)
        try queue.setPaused(true, account: "resumed-account", actor: "test", now: Self.slot)
        try queue.setPaused(false, account: "resumed-account", actor: "test", now: Self.slot)

        let holds = try queue.allHolds()
        #expect(holds.keys.sorted() == ["limited-account", "paused-account", "refused-account", "resumed-account"])
        #expect(holds["paused-account"]?.paused == true && holds["paused-account"]?.needsReconnect == nil)
        #expect(holds["refused-account"]?.needsReconnect == "token revoked by the network")
        #expect(holds["refused-account"]?.paused == false)
        #expect(holds["limited-account"]?.rateLimitedUntil == until)
        #expect(holds["resumed-account"] == PublishQueue.AccountHolds(paused: false, needsReconnect: nil, rateLimitedUntil: nil))
        for (account, hold) in holds { #expect(try queue.holds(account: account) == hold) }
    }

    @Test func waitingJobCountsCountOnlyJobsStillToGoOutPerAccount() throws {
        let later = Self.slot.addingTimeInterval(3_600)
        let variants = [
            StoreFixtures.variant(post: "one", account: "busy-account", state: .approved, scheduledAt: Self.slot),
            StoreFixtures.variant(post: "two", account: "busy-account", state: .approved, scheduledAt: later),
            StoreFixtures.variant(post: "one", account: "quiet-account", state: .approved, scheduledAt: Self.slot),
            StoreFixtures.variant(post: "one", account: "pending-account", state: .pendingApproval, scheduledAt: Self.slot),
        ]
        let store = try StoreFixtures.store(with: variants)
        let queue = store.publishQueue
        try queue.sync(now: Self.slot.addingTimeInterval(-3_600), grace: 900)
        #expect(try queue.waitingJobCounts() == ["busy-account": 2, "quiet-account": 1])
        // A job being sent no longer waits.
        let claimed = try queue.claim(worker: "w", now: Self.slot, lease: 60, limit: 10)
        #expect(Set(claimed.map(\.accountID)) == ["busy-account", "quiet-account"])
        #expect(try queue.waitingJobCounts() == ["busy-account": 1])
    }
}
