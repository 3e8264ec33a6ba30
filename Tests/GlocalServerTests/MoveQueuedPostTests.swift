import Foundation
import GlocalCore
import GlocalStore
import Testing

/// A queued post moves with its publish job; one the dispatcher has claimed does not move at all.
struct MoveQueuedPostTests {
    static let newSlot = try! Date("2027-01-26T09:17:00Z", strategy: .iso8601)

    static func move(_ store: SQLiteVariantStore, _ variant: StoredVariant, now: Date) throws -> StoredVariant {
        let request = SQLiteVariantStore.MoveRequest(
            id: variant.id, revision: VariantRevision(of: variant.contentHash), shownSlot: variant.scheduledAt, note: nil,
            actor: ServerFixture.admin)
        return try store.move(request, around: newSlot, now: now, permit: { _ in }) { current, _ in
            let slot = LocalInstant(instant: newSlot, zone: TimeZone(identifier: current.timeZone)!)
            return (
                slot,
                SlotMoveCheck.explanation(
                    after: [], actor: ServerFixture.admin, at: now, from: current.localTime, to: slot, note: nil)
            )
        }
    }

    @Test func aScheduledPostsJobWaitsForTheNewSlotAndAClaimedOneCannotMove() throws {
        var frX = ServerFixture.frX, ukX = ServerFixture.ukX
        frX.state = .approved
        ukX.state = .approved
        ukX.scheduledAt = try Date("2026-11-21T09:05:00Z", strategy: .iso8601)
        let fixture = try ServerFixture(variants: [frX, ukX])
        let queue = fixture.store.publishQueue
        try queue.sync(now: ServerFixture.start, grace: 3600)
        #expect(try fixture.store.variant(frX.id)?.state == .scheduled)

        let moved = try Self.move(fixture.store, try #require(try fixture.store.variant(frX.id)), now: ServerFixture.start)
        #expect(moved.scheduledAt == Self.newSlot && moved.state == .scheduled)
        let job = try #require(try queue.job(forVariant: frX.id))
        #expect(job.runAt == Self.newSlot && job.slotAt == Self.newSlot)

        // The UK post is due: the dispatcher claims it; it no longer moves, and nothing is written.
        let claimNow = try Date("2026-11-21T09:06:00Z", strategy: .iso8601)
        let claimed = try queue.claim(worker: "worker-1", now: claimNow, lease: 60, limit: 10)
        #expect(claimed.map(\.variantID) == [ukX.id])
        let events = try fixture.store.auditEvents().count
        let current = try #require(try fixture.store.variant(ukX.id))
        #expect(throws: SlotMoveRefusal.self) { try Self.move(fixture.store, current, now: claimNow) }
        #expect(try fixture.store.variant(ukX.id)?.scheduledAt == ukX.scheduledAt)
        #expect(try fixture.store.auditEvents().count == events)
    }
}
