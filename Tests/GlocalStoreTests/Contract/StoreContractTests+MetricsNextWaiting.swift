import Foundation
import GlocalCore
import Testing

@testable import GlocalStore

/// The store contract, continued: which waiting reading comes due first (what an idle `collect-metrics` names).
extension StoreContractTests {
    @Test(arguments: StoreBackend.allCases)
    func theNextWaitingReadingIsTheEarliestScheduledOne(backend: StoreBackend) throws {
        let (store, variant, job) = try claimed(backend)
        #expect(try store.metrics.nextWaiting() == nil)
        let published = Self.slot.addingTimeInterval(5)
        _ = try store.queue.finish(
            job, worker: "w1", resolution: .published(PublishReceipt(remoteID: "1")), now: published, policy: .standard)
        _ = try store.metrics.enqueuePublished(checkpoints: [86_400, 3_600])
        let first = try #require(try store.metrics.nextWaiting())
        #expect(first.variantID == variant.id && first.checkpoint == 3_600)
        #expect(first.runAt == published.addingTimeInterval(3_600) && first.state == "scheduled")
        let due = try store.metrics.claimDue(now: published.addingTimeInterval(3_600), limit: 10, lease: 300)
        try store.metrics.record(try #require(due.first), counters: ["likes": 1], fetchedAt: published.addingTimeInterval(3_601))
        #expect(try store.metrics.nextWaiting()?.checkpoint == 86_400)
        let last = try #require(
            try store.metrics.claimDue(now: published.addingTimeInterval(86_400), limit: 10, lease: 300).first)
        try store.metrics.discard(last, reason: "the post is gone", now: published.addingTimeInterval(86_400))
        #expect(try store.metrics.nextWaiting() == nil)
    }
}
