import Foundation
import GlocalCore
import GlocalDispatch
import GlocalSandbox
import GlocalStore
import Testing

/// Replaying simulated time: every post goes out at its own slot, never before, never in a burst.
struct DispatchReplayTests {
    @Test func eachPostGoesOutExactlyAtItsSlot() async throws {
        try await DispatchHarness.run(perAccount: 5) { dispatcher, store, sandbox, clock, variants in
            let replay = DispatchReplay(dispatcher: dispatcher, queue: store.publishQueue, clock: clock)
            let end = DispatchHarness.slot.addingTimeInterval(1_800)
            let reports = try await replay.run(until: end) { instant in await sandbox.setNow(instant) }
            // Slots at +0, +10, +20, +30 min are inside the replay; +40 min is not.
            #expect(reports.count == 12)
            #expect(reports.allSatisfy { $0.outcome == "published" && $0.lateness == 0 })
            let posts = await sandbox.storedPosts().filter { $0.kind == "post" }
            #expect(posts.count == 12)
            for variant in variants {
                let state = try store.variant(variant.id)?.state
                #expect(state == (variant.scheduledAt! <= end ? .published : .scheduled))
            }
            #expect(Set(posts.map(\.postedAt)) == Set((0..<4).map { DispatchHarness.slot.addingTimeInterval(Double($0) * 600) }))
            #expect(try store.publishQueue.nextDue() == DispatchHarness.slot.addingTimeInterval(2_400))
        }
    }
}
