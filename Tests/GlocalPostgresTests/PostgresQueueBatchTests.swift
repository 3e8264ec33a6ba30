import Foundation
import GlocalCore
import GlocalPostgres
import GlocalStore
import Testing

/// The dispatcher's batched step on PostgreSQL (`settleAndClaim`, set-based): a batch settles each outcome,
/// and starts each claimed job, as one-at-a-time calls would, with the same guards.
@Suite(.postgres)
struct PostgresQueueBatchTests {
    static let slot = PostgresQueueNodesTests.slot
    let nodes = PostgresQueueNodesTests()

    @Test func aBatchSettlesEachOutcomeAsOneAtATimeWouldAndSkipsAJobItDoesNotHold() throws {
        let location = try nodes.queued(5)
        let store = try PostgresStore(location: location, nodeID: "node-a")
        let queue = store.publishQueue
        let first = try queue.settleAndClaim(
            [], rateLimits: [:], worker: "a", now: Self.slot, policy: .standard, lease: 60, limit: 4,
            caps: PublishingCap.caps(for:))
        #expect(first.started.count == 4)
        #expect(first.started.allSatisfy { if case .send = $0.start { true } else { false } })
        let others = try queue.claim(worker: "b", now: Self.slot, lease: 60, limit: 5)
        #expect(others.count == 1)
        let jobs = first.started.map(\.job)
        let later = Self.slot.addingTimeInterval(300)
        let outcomes: [(job: PublishJob, resolution: JobResolution)] = [
            (jobs[0], .published(PublishReceipt(remoteID: "1001", url: "https://x.example/1001"))),
            (jobs[1], .retry(at: later, reason: "503 from the network", countsAsAttempt: true)),
            (jobs[2], .fail(reason: "the network refused the post")),
            (jobs[3], .hold(reason: "token revoked")),
            (others[0], .published(PublishReceipt(remoteID: "9999"))),
        ]
        let step = try queue.settleAndClaim(
            outcomes, rateLimits: [:], worker: "a", now: Self.slot, policy: .standard, lease: 60, limit: 0,
            caps: PublishingCap.caps(for:))
        #expect(step.held == [true, true, true, true, false])
        #expect(try store.variant(jobs[0].variantID)?.state == .published)
        #expect(try store.variant(jobs[1].variantID)?.state == .scheduled)
        #expect(try store.variant(jobs[2].variantID)?.state == .failed)
        #expect(try store.variant(jobs[3].variantID)?.state == .scheduled)
        #expect(try store.variant(others[0].variantID)?.state == .scheduled, "job b holds is left alone")
        #expect(try queue.publication(of: jobs[0].variantID)?.remoteID == "1001")
        #expect(try queue.publication(of: others[0].variantID) == nil)
        let retried = try #require(try queue.job(forVariant: jobs[1].variantID))
        #expect(retried.state == .retryable && retried.runAt == later && retried.attempt == 1 && retried.lockedBy == nil)
        let held = try #require(try queue.job(forVariant: jobs[3].variantID))
        #expect(held.state == .retryable && held.attempt == 0 && held.lastError == "token revoked")
        #expect(try queue.job(forVariant: jobs[2].variantID)?.state == .discarded)
        #expect(try queue.job(forVariant: others[0].variantID)?.lockedBy == "b")
        #expect(try queue.holds(account: jobs[3].accountID).needsReconnect == "token revoked")
        let published = try store.auditEvents(variant: jobs[0].variantID).filter { $0.action == .setState }
        #expect(published.map(\.toState) == [.scheduled, .publishing, .published])
        #expect(published.last?.fromState == .publishing)
        #expect(try store.accountAuditEvents(account: jobs[3].accountID).filter { $0.action == .needsReconnect }.count == 1)
    }

    @Test func twoNodesStartingBatchesTogetherKeepXsCapOfOneHundredPerFifteenMinutes() throws {
        let location = try nodes.queued(150)
        let queues = try (0..<2).map { _ in try PostgresStore(location: location, poolSize: 1).publishQueue }
        let sends = PostgresQueueNodesTests.ClaimLog()
        let deferrals = PostgresQueueNodesTests.ClaimLog()
        DispatchQueue.concurrentPerform(iterations: 2) { node in
            let queue = queues[node]
            var outcomes: [(job: PublishJob, resolution: JobResolution)] = []
            while let step = try? queue.settleAndClaim(
                outcomes, rateLimits: [:], worker: "node-\(node)", now: Self.slot, policy: .standard, lease: 60, limit: 9,
                caps: PublishingCap.caps(for:))
            {
                outcomes = []
                for item in step.started {
                    switch item.start {
                    case .send:
                        sends.add([item.job.id])
                        outcomes.append((item.job, .published(PublishReceipt(remoteID: "\(item.job.id)"))))
                    case .deferred(_, let reason) where reason.hasPrefix(PublishingCap.reason): deferrals.add([item.job.id])
                    default: Issue.record("job \(item.job.id) started as \(item.start)")
                    }
                }
                if step.started.isEmpty && outcomes.isEmpty { break }
            }
        }
        #expect(sends.ids.count == 100, "X allows 100 posts per 15 minutes per account, whatever the batches and nodes")
        #expect(Set(deferrals.ids).count == 50)
        let counts = try queues[0].countsByState()
        #expect(counts[.completed] == 100 && counts[.retryable] == 50)
    }
}
