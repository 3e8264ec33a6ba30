import Foundation
import GlocalCore
import GlocalStore
import Testing

/// `glocal explain` of a post a person must act on says so and what to do: the dispatcher gave it up with its outcome
/// unknown, or it went out without its link.
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

    @Test func explainSaysAPostWentOutWithoutItsLink() throws {
        let workspace = try approval.applied()
        defer { workspace.remove() }
        let frX = approval.frX
        #expect(try approval.glocal(["approve", try approval.named(frX, in: workspace)], in: workspace).0 == 0)
        let queue = try approval.store(workspace).publishQueue
        try queue.sync(now: try #require(ISO8601DateFormatter().date(from: approval.now)), grace: 900)
        let slot = try #require(try queue.job(forVariant: frX)).runAt
        let job = try #require(try queue.claim(worker: "w1", now: slot, lease: 60, limit: 1).first)
        _ = try queue.begin(job, worker: "w1", now: slot, caps: { _ in [] })
        // X took the post and refused the reply carrying its link.
        let receipt = PublishReceipt(remoteID: "1850", extra: ["reply_error": "transient failure: HTTP 503"])
        #expect(try queue.finish(job, worker: "w1", resolution: .published(receipt), now: slot, policy: .standard))
        let (status, text, error) = try approval.glocal(["explain", frX], in: workspace)
        #expect(status == 0, "\(error)")
        #expect(
            text.contains(
                "  publishing: published without its link: the reply with the link failed (transient failure: HTTP 503):"
                    + " add the link as a reply to the post by hand"),
            "\(text)")
    }
}
