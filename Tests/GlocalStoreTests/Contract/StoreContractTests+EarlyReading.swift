import Foundation
import GlocalCore
import Testing

@testable import GlocalStore

/// The store contract, continued: the early (+1 h) reading reaches the learner's records.
extension StoreContractTests {
    @Test(arguments: StoreBackend.allCases)
    func theEarlyReadingReachesTheEngagementRecordWhenItWasTaken(backend: StoreBackend) throws {
        let store = try backend.open()
        for network in [Network.instagram, .facebook] {
            let variant = StoreFixtures.variant(
                account: "lumiere-fr-\(network.rawValue)", network: network, state: .approved, scheduledAt: Self.slot)
            try store.variants.apply(StoreFixtures.creating([variant]), actor: "test", now: StoreFixtures.now)
        }
        _ = try store.queue.sync(now: Self.slot.addingTimeInterval(-600), grace: 900, policy: .standard)
        for job in try store.queue.claim(worker: "w1", now: Self.slot, lease: lease, limit: 5) {
            _ = try store.queue.begin(job, worker: "w1", now: Self.slot, caps: noCaps)
            _ = try store.queue.finish(
                job, worker: "w1", resolution: .published(PublishReceipt(remoteID: job.variantID)), now: Self.slot,
                policy: .standard)
        }
        _ = try store.metrics.enqueuePublished(checkpoints: EngagementCheckpoints.standardReadings)
        let readings = try store.metrics.claimDue(now: Self.slot.addingTimeInterval(604_800), limit: 10, lease: 300)
        #expect(readings.count == 6)
        // Facebook's +1 h reading is never taken (a collector that failed it): its record has none.
        for reading in readings where !(reading.network == .facebook && reading.checkpoint == 3_600) {
            let likes = [3_600: 4, 86_400: 10, 604_800: 70][reading.checkpoint]!
            try store.metrics.record(reading, counters: ["likes": likes], fetchedAt: Self.slot.addingTimeInterval(604_800))
        }
        let records = try store.metrics.engagementRecords(checkpoint: 86_400, youtubeCheckpoint: 604_800)
        let byNetwork = Dictionary(uniqueKeysWithValues: records.map { ($0.network, $0) })
        #expect(records.count == 2)
        #expect(byNetwork[.instagram]?.engagement == 10)
        #expect(byNetwork[.instagram]?.earlyEngagement == 4)
        #expect(byNetwork[.facebook]?.engagement == 10)
        #expect(byNetwork[.facebook]?.earlyEngagement == nil)
        // The region pools accounts of one network and time zone (both stores give it).
        #expect(byNetwork[.instagram]?.region == "Europe/Paris")
    }
}
