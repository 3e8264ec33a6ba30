import Foundation
import GlocalCore
import GlocalStore
import GlocalUseCases
import Testing

/// What `glocal explain` says of a stored variant's publishing: a post out without its link says what to add, one
/// published whole or still waiting says nothing.
struct PublishingNoteTests {
    static let slot = Date(timeIntervalSince1970: 1_796_115_600)

    @Test func aPostOutWithoutItsLinkSaysWhatToAddAndAWholeOneNothing() throws {
        let store = try SQLiteVariantStore.inMemory()
        let variants = ["a", "b"].map { post in
            StoredVariant(
                id: "hydra/\(post)/lum-fr-x", campaignID: "hydra", postID: post, accountID: "lum-fr-x", network: .x,
                locale: "fr-FR", kind: .informative, text: "Hydra \(post)", title: nil, link: "https://lumiere.example",
                linkPlacement: .reply, media: [], contentHash: "h-\(post)", scheduledAt: Self.slot, localTime: nil,
                timeZone: "Europe/Paris", live: false, state: .approved, explanation: [])
        }
        try store.apply(
            Plan(
                changes: variants.map {
                    PlanChange(action: .create, id: $0.id, desired: $0, stored: nil, contentChanged: true, timeChanged: true)
                }), actor: "test", now: Self.slot.addingTimeInterval(-3_600))
        let queue = store.publishQueue
        _ = try queue.sync(now: Self.slot.addingTimeInterval(-60), grace: 900)
        #expect(try PublishingNote.of("hydra/a/lum-fr-x", in: store) == nil)
        let jobs = try queue.claim(worker: "w", now: Self.slot, lease: 60, limit: 5)
        #expect(jobs.count == 2)
        for job in jobs {
            _ = try queue.begin(job, worker: "w", now: Self.slot, caps: { _ in [] })
            let extra = job.variantID == "hydra/a/lum-fr-x" ? ["reply_error": "permanent failure: 403"] : ["reply_id": "9"]
            _ = try queue.finish(
                job, worker: "w", resolution: .published(PublishReceipt(remoteID: "1", extra: extra)), now: Self.slot)
        }
        #expect(
            try PublishingNote.of("hydra/a/lum-fr-x", in: store)
                == "published without its link: the reply with the link failed (permanent failure: 403): add the link as a reply to the post by hand"
        )
        #expect(try PublishingNote.of("hydra/b/lum-fr-x", in: store) == nil)
        #expect(try PublishingNote.of("hydra/none/lum-fr-x", in: store) == nil)
    }
}
