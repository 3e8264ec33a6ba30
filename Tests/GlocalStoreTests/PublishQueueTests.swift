import Foundation
import GRDB
import GlocalCore
import Testing

@testable import GlocalStore

/// The publish queue: jobs follow approved variants, one worker at a time holds a job, a lost lease
/// writes nothing, and an unsure outcome is looked up before anything is sent again.
struct PublishQueueTests {
    static let slot = StoreFixtures.date("2026-12-01T08:00:00Z")
    let lease: TimeInterval = 60

    /// A store with `count` approved variants due at `slot` and a synced queue.
    func queue(approved count: Int = 1, slot: Date = slot) throws -> (SQLiteVariantStore, PublishQueue, [StoredVariant]) {
        let variants = (0..<count).map {
            StoreFixtures.variant(account: "account-\(100 + $0)", state: .approved, scheduledAt: slot)
        }
        let store = try StoreFixtures.store(with: variants)
        let queue = store.publishQueue
        try queue.sync(now: slot.addingTimeInterval(-3_600), grace: 900)
        return (store, queue, variants)
    }

    @Test func syncGivesEachApprovedVariantOneJobAtItsSlot() throws {
        let (store, queue, variants) = try queue(approved: 3)
        for variant in variants {
            let job = try #require(try queue.job(forVariant: variant.id))
            #expect(job.state == .scheduled && job.runAt == Self.slot && job.attempt == 0)
            #expect(try store.variant(variant.id)?.state == .scheduled)
        }
        #expect(try queue.sync(now: Self.slot.addingTimeInterval(-60), grace: 900) == PublishQueue.SyncReport())
        #expect(try queue.countsByState() == [.scheduled: 3])
    }

    @Test func onlyDueJobsAreClaimedAndEachByOneWorker() throws {
        let (_, queue, _) = try queue(approved: 3)
        #expect(try queue.claim(worker: "w1", now: Self.slot.addingTimeInterval(-1), lease: lease, limit: 10).isEmpty)
        let first = try queue.claim(worker: "w1", now: Self.slot, lease: lease, limit: 2)
        let second = try queue.claim(worker: "w2", now: Self.slot, lease: lease, limit: 10)
        #expect(first.count == 2 && second.count == 1)
        #expect(Set(first.map(\.id)).isDisjoint(with: second.map(\.id)))
        #expect(first.allSatisfy { $0.state == .running && $0.lockedBy == "w1" && $0.attempt == 1 })
        #expect(try queue.claim(worker: "w3", now: Self.slot, lease: lease, limit: 10).isEmpty)
    }

    @Test func twoProcessesClaimingTheSameFileNeverShareAJob() async throws {
        let path = try StoreFixtures.temporaryDirectory().appendingPathComponent("queue.sqlite").path
        let variants = (0..<200).map {
            StoreFixtures.variant(account: "account-\(1000 + $0)", state: .approved, scheduledAt: Self.slot)
        }
        let setup = try SQLiteVariantStore(path: path)
        try setup.apply(StoreFixtures.creating(variants), actor: "test", now: StoreFixtures.now)
        try setup.publishQueue.sync(now: Self.slot, grace: 900)
        // Two connections pools on one file, as two dispatcher processes would have.
        let claimed = try await withThrowingTaskGroup(of: [Int64].self) { group in
            for worker in ["a", "b"] {
                group.addTask {
                    let queue = try SQLiteVariantStore(path: path).publishQueue
                    var ids: [Int64] = []
                    while case let jobs = try queue.claim(worker: worker, now: Self.slot, lease: 60, limit: 3), !jobs.isEmpty {
                        ids += jobs.map(\.id)
                    }
                    return ids
                }
            }
            return try await group.reduce(into: [[Int64]]()) { $0.append($1) }
        }
        let all = claimed.flatMap { $0 }
        #expect(all.count == 200)
        #expect(Set(all).count == 200)
    }

    @Test func aRescuedJobCannotBeFinishedByItsOldWorkerAndIsReconciledNext() throws {
        let (store, queue, variants) = try queue()
        let job = try #require(try queue.claim(worker: "w1", now: Self.slot, lease: lease, limit: 1).first)
        guard case .send(let sending) = try queue.begin(job, worker: "w1", now: Self.slot) else {
            Issue.record("expected .send")
            return
        }
        #expect(sending.state == .publishing)
        #expect(try store.variant(variants[0].id)?.state == .publishing)
        #expect(try queue.savePending(PublishReceipt(remoteID: "container-1"), for: job, worker: "w1"))
        // The worker hangs; its lease runs out and the rescuer hands the job back.
        #expect(
            try queue.heartbeat(worker: "w1", jobIDs: [job.id], now: Self.slot.addingTimeInterval(30), lease: lease) == [job.id])
        #expect(try queue.rescueExpiredLeases(now: Self.slot.addingTimeInterval(60)) == 0)
        #expect(try queue.rescueExpiredLeases(now: Self.slot.addingTimeInterval(91)) == 1)
        #expect(try queue.heartbeat(worker: "w1", jobIDs: [job.id], now: Self.slot.addingTimeInterval(92), lease: lease).isEmpty)
        let late = try queue.finish(
            job, worker: "w1", resolution: .published(PublishReceipt(remoteID: "late")), now: Self.slot.addingTimeInterval(93)
        )
        #expect(late == false)
        #expect(try queue.publication(of: variants[0].id) == nil)
        // The next claim must look the post up first, with the handle saved before the crash.
        let again = try #require(
            try queue.claim(worker: "w2", now: Self.slot.addingTimeInterval(95), lease: lease, limit: 1).first)
        // The dead worker's claim was refunded: this is the second claim but only the first real attempt.
        #expect(again.attempt == 1 && again.rescues == 1)
        #expect(
            try queue.begin(again, worker: "w2", now: Self.slot.addingTimeInterval(95))
                == .reconcile(sending, pending: PublishReceipt(remoteID: "container-1")))
    }

    @Test func aPublishedResolutionStoresTheReceiptAndCompletesTheJob() throws {
        let (store, queue, variants) = try queue()
        let job = try #require(try queue.claim(worker: "w", now: Self.slot, lease: lease, limit: 1).first)
        _ = try queue.begin(job, worker: "w", now: Self.slot)
        let receipt = PublishReceipt(remoteID: "1790", url: "https://x.example/1790", extra: ["reply": "1791"])
        #expect(try queue.finish(job, worker: "w", resolution: .published(receipt), now: Self.slot.addingTimeInterval(1)))
        #expect(try store.variant(variants[0].id)?.state == .published)
        #expect(try queue.publication(of: variants[0].id) == receipt)
        #expect(try queue.job(forVariant: variants[0].id)?.state == .completed)
        let states = try store.auditEvents(variant: variants[0].id).compactMap(\.toState)
        #expect(states == [.approved, .scheduled, .publishing, .published])
    }

    @Test func aRateLimitWaitsForTheResetWithoutSpendingAnAttempt() throws {
        let (store, queue, variants) = try queue()
        let job = try #require(try queue.claim(worker: "w", now: Self.slot, lease: lease, limit: 1).first)
        _ = try queue.begin(job, worker: "w", now: Self.slot)
        let reset = Self.slot.addingTimeInterval(900)
        try queue.finish(job, worker: "w", resolution: .retry(at: reset, reason: "429", countsAsAttempt: false), now: Self.slot)
        let waiting = try #require(try queue.job(forVariant: variants[0].id))
        #expect(waiting.state == .retryable && waiting.runAt == reset && waiting.attempt == 0)
        #expect(try store.variant(variants[0].id)?.state == .scheduled)
        #expect(try queue.claim(worker: "w", now: reset.addingTimeInterval(-1), lease: lease, limit: 1).isEmpty)
        #expect(try queue.claim(worker: "w", now: reset, lease: lease, limit: 1).count == 1)
    }

    @Test func transientFailuresStopAtTheLastAttemptAsADeadLetter() throws {
        let (store, queue, variants) = try queue()
        let policy = RetryPolicy(maxAttempts: 2, baseDelay: 10, maxDelay: 60, jitter: 0)
        var now = Self.slot
        for _ in 0..<2 {
            let job = try #require(try queue.claim(worker: "w", now: now, lease: lease, limit: 1).first)
            _ = try queue.begin(job, worker: "w", now: now)
            try queue.finish(
                job, worker: "w", resolution: .retry(at: now.addingTimeInterval(10), reason: "HTTP 503", countsAsAttempt: true),
                now: now, policy: policy)
            now = now.addingTimeInterval(10)
        }
        let dead = try #require(try queue.job(forVariant: variants[0].id))
        #expect(dead.state == .discarded && dead.lastError == "gave up after 2 attempts: HTTP 503")
        #expect(try store.variant(variants[0].id)?.state == .failed)
    }

    @Test func anOutcomeStillUnknownAtTheLastAttemptIsNeverMarkedFailed() throws {
        let (store, queue, variants) = try queue()
        let policy = RetryPolicy(maxAttempts: 1, baseDelay: 10, maxDelay: 60, jitter: 0)
        let job = try #require(try queue.claim(worker: "w", now: Self.slot, lease: lease, limit: 1).first)
        _ = try queue.begin(job, worker: "w", now: Self.slot)
        try queue.finish(
            job, worker: "w", resolution: .reconcile(at: Self.slot, reason: "timeout"), now: Self.slot, policy: policy)
        #expect(try store.variant(variants[0].id)?.state == .unknown)
        #expect(try queue.job(forVariant: variants[0].id)?.state == .discarded)
    }

    @Test func aRefusedTokenHoldsTheAccountsJobsUntilReconnected() throws {
        let (store, queue, variants) = try queue()
        let job = try #require(try queue.claim(worker: "w", now: Self.slot, lease: lease, limit: 1).first)
        _ = try queue.begin(job, worker: "w", now: Self.slot)
        try queue.finish(job, worker: "w", resolution: .hold(reason: "token expired"), now: Self.slot)
        #expect(try queue.holds(account: job.accountID).needsReconnect == "token expired")
        #expect(try store.variant(variants[0].id)?.state == .scheduled)
        #expect(try queue.job(forVariant: variants[0].id)?.attempt == 0)
        #expect(try queue.claim(worker: "w", now: Self.slot.addingTimeInterval(60), lease: lease, limit: 1).isEmpty)
        try queue.setNeedsReconnect(nil, account: job.accountID, now: Self.slot)
        #expect(try queue.claim(worker: "w", now: Self.slot.addingTimeInterval(60), lease: lease, limit: 1).count == 1)
    }

    @Test func slotsThatPassDuringAPauseAreMissedNotBurstOut() throws {
        let (store, queue, variants) = try queue(approved: 2)
        try queue.setPaused(true, account: variants[0].accountID, actor: "test", now: Self.slot)
        #expect(try queue.claim(worker: "w", now: Self.slot, lease: lease, limit: 10).map(\.variantID) == [variants[1].id])
        try queue.setPaused(false, account: variants[0].accountID, actor: "test", now: Self.slot.addingTimeInterval(3_600))
        let report = try queue.sync(now: Self.slot.addingTimeInterval(3_600), grace: 900)
        #expect(report.missed == 1)
        #expect(try store.variant(variants[0].id)?.state == .missed)
        #expect(try queue.job(forVariant: variants[0].id)?.state == .cancelled)
        #expect(try queue.claim(worker: "w", now: Self.slot.addingTimeInterval(3_600), lease: lease, limit: 10).isEmpty)
    }

    @Test func theGlobalPauseStopsEveryClaim() throws {
        let (_, queue, _) = try queue(approved: 2)
        try queue.setGlobalPause(true, reason: "crisis", actor: "test", now: Self.slot)
        #expect(try queue.globalPause() == (true, "crisis"))
        #expect(try queue.claim(worker: "w", now: Self.slot, lease: lease, limit: 10).isEmpty)
        try queue.setGlobalPause(false, reason: nil, actor: "test", now: Self.slot)
        #expect(try queue.claim(worker: "w", now: Self.slot, lease: lease, limit: 10).count == 2)
    }

    @Test func aVariantSentBackForApprovalLosesItsJobAndGetsTheSameOneBack() throws {
        let (store, queue, variants) = try queue()
        let id = variants[0].id
        let jobID = try #require(try queue.job(forVariant: id)).id
        try store.setState(id, to: .pendingApproval, actor: "claire", now: Self.slot.addingTimeInterval(-600))
        #expect(try queue.sync(now: Self.slot.addingTimeInterval(-600), grace: 900).withdrawn == 1)
        #expect(try queue.job(forVariant: id)?.state == .cancelled)
        try store.setState(id, to: .approved, actor: "claire", now: Self.slot.addingTimeInterval(-300))
        #expect(try queue.sync(now: Self.slot.addingTimeInterval(-300), grace: 900).enqueued == 1)
        let job = try #require(try queue.job(forVariant: id))
        #expect(job.id == jobID && job.state == .scheduled)
    }

    @Test func aMovedSlotMovesItsJob() throws {
        let (store, queue, variants) = try queue()
        var moved = variants[0]
        moved.state = .scheduled
        moved.scheduledAt = Self.slot.addingTimeInterval(7_200)
        try store.apply(
            StoreFixtures.updating(try #require(try store.variant(moved.id)), to: moved), actor: "cli", now: Self.slot)
        #expect(try queue.sync(now: Self.slot.addingTimeInterval(-60), grace: 900).moved == 1)
        #expect(try queue.job(forVariant: moved.id)?.runAt == moved.scheduledAt)
    }

    @Test func theSchemaRefusesARunningJobWithoutAHolder() throws {
        let (store, _, variants) = try queue()
        #expect(throws: DatabaseError.self) {
            try store.writer.write { db in
                try db.execute(sql: "UPDATE publish_job SET state = 'running' WHERE variant_id = ?", arguments: [variants[0].id])
            }
        }
    }
}
