import Foundation
import GlocalCore
import GlocalStore
import Testing

/// `glocal explain` of a post the dispatcher gave up with its outcome unknown says so and what to check.
struct ExplainGivenUpTests {
    let approval = ApprovalCommandTests()

    @Test func explainSaysAPostWasGivenUpWithItsOutcomeUnknown() throws {
        let workspace = try approval.applied()
        defer { workspace.remove() }
        let frX = approval.frX
        #expect(try approval.glocal(["approve", try approval.named(frX, in: workspace)], in: workspace).0 == 0)
        let (_, before, _) = try approval.glocal(["explain", frX], in: workspace)
        #expect(!before.contains("publishing:"))
        // Sent, its answer lost, and its one allowed attempt spent: given up unknown.
        let queue = try approval.store(workspace).publishQueue
        try queue.sync(now: try #require(ISO8601DateFormatter().date(from: approval.now)), grace: 900)
        let slot = try #require(try queue.job(forVariant: frX)).runAt
        let job = try #require(try queue.claim(worker: "w1", now: slot, lease: 60, limit: 1).first)
        _ = try queue.begin(job, worker: "w1", now: slot, caps: { _ in [] })
        let once = RetryPolicy(maxAttempts: 1, baseDelay: 30, maxDelay: 3_600, jitter: 0)
        #expect(try queue.finish(job, worker: "w1", resolution: .reconcile(at: slot, reason: "timeout"), now: slot, policy: once))
        let (status, text, error) = try approval.glocal(["explain", frX], in: workspace)
        #expect(status == 0, "\(error)")
        #expect(
            text.contains(
                "  publishing: given up, outcome unknown: gave up with the outcome unknown after 1 attempts (timeout)"),
            "\(text)")
        #expect(text.contains("look for the post on lum-fr-x"))
    }
}
