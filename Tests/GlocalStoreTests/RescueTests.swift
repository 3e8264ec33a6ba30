import Foundation
import GlocalCore
import Testing

@testable import GlocalStore

/// The rescuer after worker deaths: a rescued job keeps its place in the queue, does not spend an
/// attempt, and a job that keeps killing its workers is set aside instead of looping forever.
struct RescueTests {
    static let slot = StoreFixtures.date("2026-12-01T08:00:00Z")
    let lease: TimeInterval = 5

    func store(approved count: Int) throws -> (SQLiteVariantStore, PublishQueue, [StoredVariant]) {
        let variants = (0..<count).map {
            StoreFixtures.variant(account: "account-\(100 + $0)", state: .approved, scheduledAt: Self.slot)
        }
        let store = try StoreFixtures.store(with: variants)
        try store.publishQueue.sync(now: Self.slot.addingTimeInterval(-60), grace: 900)
        return (store, store.publishQueue, variants)
    }

    @Test func aRescuedJobIsClaimedBeforeJobsThatBecameDueAfterIt() throws {
        let variants = [
            StoreFixtures.variant(account: "account-1", state: .approved, scheduledAt: Self.slot),
            StoreFixtures.variant(account: "account-2", state: .approved, scheduledAt: Self.slot.addingTimeInterval(10)),
        ]
        let queue = try StoreFixtures.store(with: variants).publishQueue
        try queue.sync(now: Self.slot.addingTimeInterval(-60), grace: 900)
        let first = try #require(try queue.claim(worker: "dead", now: Self.slot, lease: lease, limit: 1).first)
        #expect(first.variantID == variants[0].id)
        #expect(try queue.rescueExpiredLeases(now: Self.slot.addingTimeInterval(60)) == 1)
        // Reconciled first, while its post is still among the account's recent ones.
        let next = try #require(
            try queue.claim(worker: "w2", now: Self.slot.addingTimeInterval(60), lease: lease, limit: 1).first)
        #expect(next.id == first.id && next.runAt == Self.slot)
    }

    @Test func deathsDoNotSpendAttemptsSoABackoffStaysShort() throws {
        let (_, queue, variants) = try store(approved: 1)
        var now = Self.slot
        for death in 1...5 {
            let job = try #require(try queue.claim(worker: "dead-\(death)", now: now, lease: lease, limit: 1).first)
            #expect(job.attempt == 1)
            _ = try queue.begin(job, worker: "dead-\(death)", now: now)
            now = now.addingTimeInterval(lease + 1)
            #expect(try queue.rescueExpiredLeases(now: now) == 1)
        }
        let job = try #require(try queue.job(forVariant: variants[0].id))
        #expect(job.attempt == 0 && job.rescues == 5 && job.state == .retryable)
    }

    @Test func aJobThatKeepsKillingItsWorkersIsSetAsideAsUnknown() throws {
        let (store, queue, variants) = try store(approved: 1)
        var now = Self.slot
        for death in 1...PublishQueue.maxRescues {
            let job = try #require(try queue.claim(worker: "dead-\(death)", now: now, lease: lease, limit: 1).first)
            _ = try queue.begin(job, worker: "dead-\(death)", now: now)
            now = now.addingTimeInterval(lease + 1)
            try queue.rescueExpiredLeases(now: now)
        }
        let job = try #require(try queue.job(forVariant: variants[0].id))
        #expect(job.state == .discarded && job.rescues == PublishQueue.maxRescues)
        #expect(job.lastError?.contains("crash loop") == true)
        // It may have gone out before a death: never `failed` (that would invite a resend), `unknown`.
        #expect(try store.variant(variants[0].id)?.state == .unknown)
        #expect(try queue.claim(worker: "w", now: now, lease: lease, limit: 1).isEmpty)
    }
}
