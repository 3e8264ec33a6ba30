import Foundation
import GlocalCore
import Testing

@testable import GlocalStore

/// What a decision or an edit refuses, on every store, and the report facts of a post that went out.
extension StoreContractTests {
    @Test(arguments: StoreBackend.allCases)
    func onlyAPendingVariantIsDecidedAndOnlyOneNotYetOutIsEdited(backend: StoreBackend) throws {
        let (store, sending, _) = try claimed(backend)
        var approved = StoreFixtures.variant(post: "recap", state: .approved)
        approved.contentHash = Planner.contentHash(
            text: approved.text, title: approved.title, link: approved.link, linkPlacement: approved.linkPlacement,
            media: approved.media)
        try store.variants.apply(StoreFixtures.creating([approved]), actor: "test", now: StoreFixtures.now)
        let before = try store.audit.auditEvents(variant: nil)

        #expect(throws: ApprovalError.wrongState(variantID: approved.id, state: .approved)) {
            try store.review.approve(
                approved.id, revision: revision(approved), actor: "claire", now: StoreFixtures.now, permit: Self.allowed)
        }
        #expect(throws: ApprovalError.wrongState(variantID: approved.id, state: .approved)) {
            try store.review.reject(approved.id, reason: "late", actor: "claire", now: StoreFixtures.now, permit: Self.allowed)
        }
        #expect(throws: ApprovalError.variantNotFound("no/such/variant")) {
            try store.review.approve(
                "no/such/variant", revision: revision(approved), actor: "claire", now: StoreFixtures.now,
                permit: Self.allowed)
        }
        #expect(throws: ApprovalError.wrongState(variantID: sending.id, state: .publishing)) {
            try store.review.edit(
                sending.id, text: "Trop tard.", linkPlacement: .inline, actor: "claire", now: StoreFixtures.now,
                permit: Self.allowed)
        }
        let unchanged = try store.review.edit(
            approved.id, text: approved.text, linkPlacement: approved.linkPlacement, basedOn: revision(approved),
            actor: "claire", now: StoreFixtures.now, permit: Self.allowed)
        #expect(unchanged.state == .approved, "an edit that changes nothing keeps the approval")
        #expect(try store.audit.auditEvents(variant: nil) == before, "no refusal and no empty edit writes an event")
        #expect(try store.variants.variant(sending.id)?.state == .publishing)
    }

    @Test(arguments: StoreBackend.allCases)
    func reportFactsOfAPublishedPostCarryItsLatestReading(backend: StoreBackend) throws {
        let (store, variant, job) = try claimed(backend)
        _ = try store.queue.finish(
            job, worker: "w1", resolution: .published(PublishReceipt(remoteID: "remote-1")), now: Self.slot,
            policy: .standard)
        #expect(try store.metrics.enqueuePublished(checkpoints: [86_400, 604_800]) == 2)
        let readings = try store.metrics.claimDue(now: Self.slot.addingTimeInterval(604_800), limit: 10, lease: 300)
        let late = ["likes": 70, "comments": 5]
        // The week's reading is recorded first: the latest is the latest checkpoint, not the latest write.
        for reading in readings.sorted(by: { $0.checkpoint > $1.checkpoint }) {
            try store.metrics.record(
                reading, counters: reading.checkpoint == 604_800 ? late : ["likes": 10],
                fetchedAt: Self.slot.addingTimeInterval(604_800))
        }

        let facts = try #require(try store.reports.reportFacts().first { $0.variantID == variant.id })
        #expect(facts.publishedAt == Self.slot && facts.scheduledAt == Self.slot)
        #expect(facts.counters == late && facts.engagement == EngagementScore.total(late))
        // Created approved by the plan (`approval: auto`): nobody approved it, so no approval counts it on time.
        #expect(facts.approvedAt == nil)
    }
}
