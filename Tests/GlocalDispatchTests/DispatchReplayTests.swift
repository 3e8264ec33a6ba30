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

    @Test func aStopRequestEndsTheReplayAfterTheRoundInFlight() async throws {
        try await DispatchHarness.run(perAccount: 5) { dispatcher, store, sandbox, clock, _ in
            let replay = DispatchReplay(dispatcher: dispatcher, queue: store.publishQueue, clock: clock)
            let stop = StopFlag()
            let seen = ReportCount()
            // SIGTERM arrives while the second round's posts are out: they finish, nothing later is claimed.
            let reports = try await replay.run(
                until: DispatchHarness.slot.addingTimeInterval(3_600), onStep: { instant in await sandbox.setNow(instant) },
                onReport: { _ in if seen.add() == 6 { stop.set() } }, shouldStop: { stop.isSet })
            #expect(reports.count == 6)
            #expect(seen.value == 6, "every report was handed over as it came")
            #expect(await sandbox.storedPosts().filter { $0.kind == "post" }.count == 6)
            #expect(try store.publishQueue.nextDue() == DispatchHarness.slot.addingTimeInterval(1_200))
        }
    }

    final class StopFlag: @unchecked Sendable {
        private let lock = NSLock()
        private var flag = false
        var isSet: Bool { lock.withLock { flag } }
        func set() { lock.withLock { flag = true } }
    }

    final class ReportCount: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        var value: Int { lock.withLock { count } }
        func add() -> Int {
            lock.withLock {
                count += 1; return count
            }
        }
    }
}
