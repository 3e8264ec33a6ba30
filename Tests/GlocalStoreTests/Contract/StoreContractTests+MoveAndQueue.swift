import Foundation
import GlocalCore
import Testing

@testable import GlocalStore

/// A move and the publish queue: the waiting job follows the variant to its new slot, and a post the
/// dispatcher has claimed does not move.
extension StoreContractTests {
    func moveDecision(to target: Date) throws -> (StoredVariant, [StoredVariant]) throws -> (
        slot: LocalInstant, explanation: [ScheduleReason]
    ) {
        let paris = try #require(TimeZone(identifier: "Europe/Paris"))
        return { _, _ in (LocalInstant(instant: target, zone: paris), [ScheduleReason("moved", "moved by claire")]) }
    }

    func moveRequest(_ variant: StoredVariant) -> SlotMoveRequest {
        SlotMoveRequest(
            id: variant.id, revision: revision(variant), shownSlot: variant.scheduledAt, note: nil, actor: "claire")
    }

    @Test(arguments: StoreBackend.allCases)
    func aWaitingJobFollowsItsMovedVariant(backend: StoreBackend) throws {
        let variant = StoreFixtures.variant(state: .approved, scheduledAt: Self.slot)
        let store = try store(backend, with: [variant])
        #expect(try store.queue.sync(now: Self.slot.addingTimeInterval(-600), grace: 900, policy: .standard).enqueued == 1)
        let target = StoreFixtures.date("2026-12-02T16:30:00Z")

        try store.calendar.move(
            moveRequest(variant), around: target, now: StoreFixtures.now, permit: Self.allowed,
            decide: try moveDecision(to: target))
        let job = try #require(try store.queue.job(forVariant: variant.id))
        #expect(job.runAt == target && job.slotAt == target && job.attempt == 0)
        #expect(
            try store.queue.claim(worker: "w1", now: Self.slot, lease: lease, limit: 5).isEmpty,
            "the old slot fires nothing")
        #expect(try store.queue.claim(worker: "w1", now: target, lease: lease, limit: 5).map(\.variantID) == [variant.id])
    }

    @Test(arguments: StoreBackend.allCases)
    func aPostTheDispatcherClaimedDoesNotMove(backend: StoreBackend) throws {
        let variant = StoreFixtures.variant(state: .approved, scheduledAt: Self.slot)
        let store = try store(backend, with: [variant])
        #expect(try store.queue.sync(now: Self.slot.addingTimeInterval(-600), grace: 900, policy: .standard).enqueued == 1)
        #expect(try store.queue.claim(worker: "w1", now: Self.slot, lease: lease, limit: 5).count == 1)
        let before = try store.audit.auditEvents(variant: nil)
        let target = StoreFixtures.date("2026-12-02T16:30:00Z")

        let refusal = #expect(throws: SlotMoveRefusal.self) {
            try store.calendar.move(
                moveRequest(variant), around: target, now: StoreFixtures.now, permit: Self.allowed,
                decide: try moveDecision(to: target))
        }
        #expect(refusal?.rule == "state")
        #expect(try store.variants.variant(variant.id)?.scheduledAt == Self.slot)
        #expect(try store.queue.job(forVariant: variant.id)?.runAt == Self.slot)
        #expect(try store.audit.auditEvents(variant: nil) == before)
    }
}
