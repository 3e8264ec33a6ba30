import Foundation
import GlocalCore
import GRDB
import Testing

@testable import GlocalStore

/// Publishing caps in the queue: an account over one of its network's caps waits, without spending
/// an attempt, until enough of its publications of that window have left it.
struct PublishingCapQueueTests {
    static let slot = StoreFixtures.date("2026-12-01T08:00:00Z")
    let lease: TimeInterval = 60

    /// `count` approved variants of one account of `network`, due at `slot`, with a synced queue.
    func queue(network: Network, account: String, count: Int) throws -> (SQLiteVariantStore, PublishQueue, [StoredVariant]) {
        let variants = (0..<count).map {
            StoreFixtures.variant(
                post: String(format: "post-%03d", $0), account: account, network: network, state: .approved, text: "Post \($0)",
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
            try queue.finish(job, worker: "w", resolution: .published(PublishReceipt(remoteID: "id-\(job.id)")), now: now)
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
        let reason = "publishing cap reached: Instagram allows 50 posts per 24 hours per account"
        #expect(start == .deferred(until: Self.slot.addingTimeInterval(86_400), reason: reason))
        let waiting = try #require(try queue.job(forVariant: variants[50].id))
        #expect(waiting.state == .retryable && waiting.attempt == 0 && waiting.runAt == Self.slot.addingTimeInterval(86_400))
        #expect(waiting.lastError == reason)
        #expect(try store.variant(variants[50].id)?.state == .scheduled)
        // Not claimable before the instant, sent at it.
        #expect(try queue.claim(worker: "w", now: Self.slot.addingTimeInterval(86_399), lease: lease, limit: 1).isEmpty)
        let later = try publishNext(queue, now: Self.slot.addingTimeInterval(86_400))
        guard case .send = later else {
            Issue.record("expected a send at the window's end: \(String(describing: later))"); return
        }
    }

    @Test func postsInFlightCountTowardsTheCap() throws {
        let cap = PublishingCap(network: .threads, limit: 2, window: 86_400)
        let (_, queue, _) = try queue(network: .threads, account: "lum-fr-threads", count: 3)
        let jobs = try queue.claim(worker: "w", now: Self.slot, lease: lease, limit: 3)
        #expect(jobs.count == 3)
        let starts = try jobs.map { try queue.begin($0, worker: "w", now: Self.slot, caps: { _ in [cap] }) }
        // Two are being sent and none has finished: the third must not go out alongside them.
        #expect(starts.filter { if case .send = $0 { return true } else { return false } }.count == 2)
        #expect(starts.last == .deferred(until: Self.slot.addingTimeInterval(PublishingCap.recheck), reason: cap.deferralReason))
    }

    @Test func networksWithoutACapAreNotHeldBack() throws {
        let (_, queue, _) = try queue(network: .linkedin, account: "lum-fr-linkedin", count: 120)
        for index in 0..<120 {
            let start = try publishNext(queue, now: Self.slot.addingTimeInterval(Double(index)))
            guard case .send = start else { Issue.record("post \(index): \(String(describing: start))"); return }
        }
    }

    /// X: 100 posts per 15 minutes. The 101st within 15 minutes of the first waits for the first to
    /// leave the window (exactly 15 minutes after it), attempt refunded, and goes out then.
    @Test func theHundredAndFirstXPostWithinFifteenMinutesWaits() throws {
        let (store, queue, variants) = try queue(network: .x, account: "lum-fr-x", count: 102)
        for index in 0..<100 {
            let start = try publishNext(queue, now: Self.slot.addingTimeInterval(Double(index) * 5))
            guard case .send = start else { Issue.record("post \(index): \(String(describing: start))"); return }
        }
        let now = Self.slot.addingTimeInterval(600)
        let start = try publishNext(queue, now: now)
        let reason = "publishing cap reached: X allows 100 posts per 15 minutes per account"
        #expect(start == .deferred(until: Self.slot.addingTimeInterval(900), reason: reason))
        let waiting = try #require(try queue.job(forVariant: variants[100].id))
        #expect(waiting.state == .retryable && waiting.attempt == 0 && waiting.lastError == reason)
        #expect(try store.variant(variants[100].id)?.state == .scheduled)
        #expect(try publishNext(queue, now: now) == .deferred(until: Self.slot.addingTimeInterval(900), reason: reason))
        #expect(try queue.claim(worker: "w", now: Self.slot.addingTimeInterval(899.999), lease: lease, limit: 1).isEmpty)
        // At 15 minutes the first post leaves: one goes out; the next waits for the second (at +5 s).
        guard case .send = try publishNext(queue, now: Self.slot.addingTimeInterval(900)) else {
            Issue.record("expected a send when the first post left the window"); return
        }
        #expect(
            try publishNext(queue, now: Self.slot.addingTimeInterval(900))
                == .deferred(until: Self.slot.addingTimeInterval(905), reason: reason))
    }

    /// Bluesky has an hour cap and a day cap: a day full of posts holds the account even when the
    /// last hour is quiet, until the day's oldest leaves.
    @Test func blueskysDayCapHoldsWhenTheHourIsQuiet() throws {
        let caps: [PublishingCap] = [
            PublishingCap(network: .bluesky, limit: 3, window: 3_600), PublishingCap(network: .bluesky, limit: 5, window: 86_400),
        ]
        let (_, queue, _) = try queue(network: .bluesky, account: "lum-fr-bluesky", count: 7)
        func next(_ now: Date) throws -> PublishQueue.AttemptStart? {
            guard let job = try queue.claim(worker: "w", now: now, lease: lease, limit: 1).first else { return nil }
            let start = try queue.begin(job, worker: "w", now: now, caps: { _ in caps })
            if case .send = start {
                try queue.finish(job, worker: "w", resolution: .published(PublishReceipt(remoteID: "id-\(job.id)")), now: now)
            }
            return start
        }
        // Five posts, two hours apart: never three in an hour.
        for index in 0..<5 {
            guard case .send = try next(Self.slot.addingTimeInterval(Double(index) * 7_200)) else {
                Issue.record("post \(index) held"); return
            }
        }
        // Ten hours after the first: the hour is empty, the day is full until the first is 24 h old.
        #expect(
            try next(Self.slot.addingTimeInterval(10 * 3_600))
                == .deferred(until: Self.slot.addingTimeInterval(86_400), reason: caps[1].deferralReason))
    }

    /// The cap check runs before every first send: its queries must read an index, not the table.
    @Test func theCapQueriesUseTheirPartialIndexes() throws {
        let (store, _, _) = try queue(network: .x, account: "lum-fr-x", count: 1)
        try store.writer.read { db in
            let indexes = try db.indexes(on: "publish_job").map(\.name)
            #expect(indexes.contains("publish_job_account_completed") && indexes.contains("publish_job_account_in_flight"))
            #expect(!indexes.contains("publish_job_account_finished"))
            func plan(_ sql: String) throws -> String {
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: ["a", "2026-12-01T08:00:00.000Z"])
                    .map { $0["detail"] as String }.joined(separator: "; ")
            }
            let published = try plan(
                "SELECT count(*) FROM publish_job WHERE account_id = ? AND state = 'completed' AND finished_at > ?")
            #expect(published.contains("COVERING INDEX publish_job_account_completed"))
            let inFlight = try plan(
                """
                SELECT count(*) FROM publish_job AS j JOIN variant AS v ON v.id = j.variant_id
                WHERE j.account_id = ? AND j.state IN ('running', 'retryable') AND j.id <> ?
                  AND v.state IN ('publishing', 'unknown')
                """)
            #expect(inFlight.contains("INDEX publish_job_account_in_flight (account_id=? AND state=?)"))
        }
    }
}
