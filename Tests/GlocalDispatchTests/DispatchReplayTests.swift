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

    /// The demo's replay (README): each post is read back at its own +1 h, +24 h and +7 d, the clock stopping at
    /// each reading as it comes due, even past the last slot; not all at once after the last post.
    @Test func withACollectorEachPostIsReadAtItsOwnCheckpoints() async throws {
        try await DispatchHarness.runWithCollector(perAccount: 3, spacing: 5_400) {
            dispatcher, store, sandbox, clock, variants, collector in
            let replay = DispatchReplay(dispatcher: dispatcher, queue: store.publishQueue, clock: clock, collector: collector)
            let end = DispatchHarness.slot.addingTimeInterval(2 * 5_400)
            let taken = ReportCount()
            let reports = try await replay.run(
                until: end, readingsUntil: end.addingTimeInterval(8 * 86_400),
                onStep: { instant in await sandbox.setNow(instant) }, onReading: { _ in _ = taken.add() })
            #expect(reports.count == 9 && reports.allSatisfy { $0.outcome == "published" })
            let published = try store.metrics.publicationTimes()
            let samples = try store.metrics.samples()
            #expect(samples.count == 27 && taken.value == 27)
            for sample in samples {
                // The +1 h reading of the first posts is taken before the last ones go out (+3 h).
                #expect(sample.fetchedAt == published[sample.variantID]!.addingTimeInterval(Double(sample.checkpoint)))
            }
            // Engagement grows with age: each post's three readings differ.
            for variant in variants {
                let readings = samples.filter { $0.variantID == variant.id }.map(\.engagement)
                #expect(readings == readings.sorted() && Set(readings).count == 3, "\(variant.id) \(readings)")
            }
            #expect(clock.now == end.addingTimeInterval(604_800))
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
