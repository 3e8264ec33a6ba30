import Foundation
import GlocalCore
import Testing

@testable import GlocalStore

extension StoreContractTests {
    // MARK: A post out without its link stays published, and a person is told

    @Test(arguments: StoreBackend.allCases)
    func aPostWhoseLinkReplyFailedStaysPublishedAndIsToldToAPerson(backend: StoreBackend) throws {
        let (store, variant, job) = try claimed(backend)
        // The first scan only sets the cursor.
        #expect(try store.notifications.scanFailures(now: Self.slot) { _ in [] } == 0)
        let receipt = PublishReceipt(remoteID: "17890", extra: ["first_comment_error": "transient failure: HTTP 500"])
        let note = try #require(LinkReplyFailure(receipt: receipt)?.note)
        #expect(try store.queue.finish(job, worker: "w1", resolution: .published(receipt), now: Self.slot, policy: .standard))
        // The post is out: published, its receipt kept, never queued again.
        #expect(try store.variants.variant(variant.id)?.state == .published)
        let finished = try #require(try store.queue.job(forVariant: variant.id))
        #expect(finished.state == .completed && finished.lastError == note)
        let last = try #require(try store.audit.auditEvents(variant: variant.id).last)
        #expect(last.fromState == .published && last.toState == .published && last.reason == note)
        #expect(LinkReplyFailure.latestNote(in: try store.audit.auditEvents(variant: variant.id)) == note)
        var told: [FailedPost] = []
        _ = try store.notifications.scanFailures(now: Self.slot) { posts in
            told = posts
            return []
        }
        #expect(told.map(\.variantID) == [variant.id])
        #expect(told.first?.publishedWithoutLink == true && told.first?.outcomeUnknown == false)
        #expect(told.first?.reason == note)
        #expect(try store.queue.sync(now: Self.slot.addingTimeInterval(60), grace: 900, policy: .standard).enqueued == 0)
        #expect(try store.queue.claim(worker: "w1", now: Self.slot.addingTimeInterval(60), lease: lease, limit: 5).isEmpty)
    }

    @Test(arguments: StoreBackend.allCases)
    func aPostWhoseLinkWentOutTooWritesNoNote(backend: StoreBackend) throws {
        let (store, variant, job) = try claimed(backend)
        let receipt = PublishReceipt(remoteID: "17890", extra: ["first_comment_id": "17891"])
        #expect(try store.queue.finish(job, worker: "w1", resolution: .published(receipt), now: Self.slot, policy: .standard))
        #expect(try store.queue.job(forVariant: variant.id)?.lastError == nil)
        let last = try #require(try store.audit.auditEvents(variant: variant.id).last)
        #expect(last.fromState == .publishing && last.toState == .published && last.reason == nil)
    }
}
