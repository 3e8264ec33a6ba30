import Foundation
import GlocalCore
import Testing

@testable import GlocalStore

/// Daily caps in the queue: an account over its network's cap waits, without spending an attempt,
/// until its oldest publication of the last 24 hours leaves the window.
struct DailyCapTests {
    static let slot = StoreFixtures.date("2026-12-01T08:00:00Z")
    let lease: TimeInterval = 60

    /// `count` approved variants of one account of `network`, due at `slot`, with a synced queue.
    func queue(network: Network, account: String, count: Int) throws -> (SQLiteVariantStore, PublishQueue, [StoredVariant]) {
        let variants = (0..<count).map {
            StoreFixtures.variant(post: String(format: "post-%03d", $0), account: account, network: network, state: .approved, text: "Post \($0)",
                                  scheduledAt: Self.slot)
        }
        let store = try StoreFixtures.store(with: variants)
        try store.publishQueue.sync(now: Self.slot.addingTimeInterval(-60), grace: 900)
        return (store, store.publishQueue, variants)
    }

    /// Claims, begins and publishes one job at `now`; returns how `begin` answered.
    @discardableResult
    func publishNext(_ queue: PublishQueue, now: Date) throws -> PublishQueue.AttemptStart? {
        guard let job = try queue.claim(worker: "w", now: now, lease: lease, limit: 1).first else { return nil }
        let start = try queue.begin(job, worker: "w", now: now)
        if case .send = start {
            try queue.finish(job, worker: "w", resolution: .published(PublicationReceipt(remoteID: "id-\(job.id)")), now: now)
        }
        return start
    }

    @Test func theFiftyFirstInstagramPostWaitsForTheOldestToLeaveTheWindow() throws {
        let (store, queue, variants) = try queue(network: .instagram, account: "lum-fr-instagram", count: 51)
        // Fifty posts, one a minute.
        for minute in 0..<50 {
            let start = try publishNext(queue, now: Self.slot.addingTimeInterval(Double(minute) * 60))
            guard case .send = start else { Issue.record("post \(minute): \(String(describing: start))"); return }
        }
        let now = Self.slot.addingTimeInterval(3_600)
        let start = try publishNext(queue, now: now)
        #expect(start == .deferred(until: Self.slot.addingTimeInterval(86_400)))
        let waiting = try #require(try queue.job(forVariant: variants[50].id))
        #expect(waiting.state == .retryable && waiting.attempt == 0 && waiting.runAt == Self.slot.addingTimeInterval(86_400))
        #expect(waiting.lastError == DailyPublishingCap.reason)
        #expect(try store.variant(variants[50].id)?.state == .scheduled)
        // Not claimable before the instant, sent at it.
        #expect(try queue.claim(worker: "w", now: Self.slot.addingTimeInterval(86_399), lease: lease, limit: 1).isEmpty)
        let later = try publishNext(queue, now: Self.slot.addingTimeInterval(86_400))
        guard case .send = later else { Issue.record("expected a send at the window's end: \(String(describing: later))"); return }
    }

    @Test func postsInFlightCountTowardsTheCap() throws {
        let cap = DailyPublishingCap(limit: 2)
        let (_, queue, _) = try queue(network: .threads, account: "lum-fr-threads", count: 3)
        let jobs = try queue.claim(worker: "w", now: Self.slot, lease: lease, limit: 3)
        #expect(jobs.count == 3)
        let starts = try jobs.map { try queue.begin($0, worker: "w", now: Self.slot, caps: { _ in cap }) }
        // Two are being sent and none has finished: the third must not go out alongside them.
        #expect(starts.filter { if case .send = $0 { return true } else { return false } }.count == 2)
        #expect(starts.last == .deferred(until: Self.slot.addingTimeInterval(DailyPublishingCap.recheck)))
    }

    @Test func networksWithoutACapAreNotHeldBack() throws {
        let (_, queue, _) = try queue(network: .x, account: "lum-fr-x", count: 60)
        for index in 0..<60 {
            let start = try publishNext(queue, now: Self.slot.addingTimeInterval(Double(index)))
            guard case .send = start else { Issue.record("post \(index): \(String(describing: start))"); return }
        }
    }
}
