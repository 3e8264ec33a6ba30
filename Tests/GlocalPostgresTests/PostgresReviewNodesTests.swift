import Foundation
import GlocalCore
import GlocalPostgres
import GlocalStore
import PostgresNIO
import Testing

/// Review decisions and moves from several nodes (each a store of its own on the same database): a
/// decision locks its variant, so a second node's decision waits, then sees the first's and refuses; a
/// move locks the variant's job, so no node claims it at its old time meanwhile.
@Suite(.postgres)
struct PostgresReviewNodesTests {
    static let now = Date(timeIntervalSince1970: 1_796_000_000)

    /// A store in a fresh schema holding `count` variants in `state`, due a day after `now`, and where it is.
    func pending(_ count: Int, state: VariantState = .pendingApproval) throws -> (PostgresLocation, [StoredVariant]) {
        let location = try PostgresTestServer.freshLocation()
        let store = try PostgresStore(location: location)
        let variants = (0..<count).map { index in
            StoredVariant(
                id: "launch/post-\(index)/lumiere-fr-x", campaignID: "launch", postID: "post-\(index)",
                accountID: "lumiere-fr-x", network: .x, locale: "fr", kind: .informative, text: "Post \(index)", title: nil,
                link: nil, linkPlacement: .none, media: [], contentHash: "h\(index)",
                scheduledAt: Self.now.addingTimeInterval(86_400), localTime: nil, timeZone: "UTC", live: false,
                state: state, explanation: [])
        }
        try store.apply(
            Plan(
                changes: variants.map {
                    PlanChange(action: .create, id: $0.id, desired: $0, stored: nil, contentChanged: true, timeChanged: true)
                }), actor: "test", now: Self.now.addingTimeInterval(-3_600))
        return (location, variants)
    }

    @Test func aSecondNodeDecidingTheSameVariantWaitsThenSeesTheFirstDecision() throws {
        let (location, variants) = try pending(1)
        let variant = try #require(variants.first)
        let first = try PostgresStore(location: location, poolSize: 1)
        let second = try PostgresStore(location: location, poolSize: 1)
        let observer = try PostgresStore(location: location, poolSize: 1)
        // A pool of one hands out the same connection each time: its server process is the first node's.
        let firstProcess = try #require(try first.pool.transaction { try $0.value("SELECT pg_backend_pid()", as: Int32.self) })

        let insideFirst = DispatchSemaphore(value: 0), releaseFirst = DispatchSemaphore(value: 0)
        let bothDone = DispatchGroup()
        let firstSaw = Outcomes(), secondSaw = Outcomes()
        DispatchQueue.global().async(group: bothDone) {
            do {
                let shown = VariantRevision(of: variant.contentHash)
                try first.approve(
                    variant.id, revision: shown, actor: "claire", now: Self.now,
                    permit: { _ in
                        insideFirst.signal()
                        releaseFirst.wait()
                    })
                firstSaw.add("approved")
            } catch { firstSaw.add("\(error)") }
        }
        insideFirst.wait()
        DispatchQueue.global().async(group: bothDone) {
            do {
                try second.reject(
                    variant.id, reason: "off brand", actor: "paul", now: Self.now,
                    permit: { current in secondSaw.add("saw \(current.state.rawValue)") })
                secondSaw.add("rejected")
            } catch { secondSaw.add("\(error)") }
        }
        var waiting = false
        for _ in 0..<600 where !waiting {
            waiting =
                try observer.pool.transaction {
                    try $0.value(
                        "SELECT count(*)::bigint FROM pg_stat_activity WHERE \(firstProcess) = ANY(pg_blocking_pids(pid))",
                        as: Int.self)
                } == 1
            if !waiting { Thread.sleep(forTimeInterval: 0.05) }
        }
        #expect(waiting, "the second node waits for the first's lock on the variant")
        #expect(secondSaw.entries.isEmpty, "the second node's check has not run on the variant yet")
        releaseFirst.signal()
        bothDone.wait()

        #expect(firstSaw.entries == ["approved"])
        #expect(
            secondSaw.entries == [
                "saw approved", "\(ApprovalError.wrongState(variantID: variant.id, state: .approved))",
            ], "the second node's check and decision see the first's approval")
        #expect(try observer.variant(variant.id)?.state == .approved)
        #expect(try observer.auditEvents(variant: variant.id).map(\.action) == [.create, .approve])
    }

    @Test func noNodeClaimsAJobAtItsOldTimeWhileItsVariantMoves() throws {
        let (location, variants) = try pending(1, state: .approved)
        let variant = try #require(variants.first), oldSlot = try #require(variant.scheduledAt)
        let mover = try PostgresStore(location: location, poolSize: 1)
        let dispatcher = try PostgresStore(location: location, poolSize: 1).publishQueue
        #expect(try dispatcher.sync(now: Self.now, grace: 900, policy: .standard).enqueued == 1)
        let target = oldSlot.addingTimeInterval(7_200), utc = try #require(TimeZone(identifier: "UTC"))
        let insideMove = DispatchSemaphore(value: 0), releaseMove = DispatchSemaphore(value: 0)
        let moveDone = DispatchGroup()
        let moved = Outcomes()
        DispatchQueue.global().async(group: moveDone) {
            do {
                let request = SlotMoveRequest(
                    id: variant.id, revision: VariantRevision(of: variant.contentHash), shownSlot: oldSlot, note: nil,
                    actor: "claire")
                let result = try mover.move(request, around: target, now: Self.now, permit: { _ in }) { _, _ in
                    insideMove.signal()
                    releaseMove.wait()
                    return (LocalInstant(instant: target, zone: utc), [ScheduleReason("moved", "moved by claire")])
                }
                moved.add("moved to \(result.scheduledAt.map(UTCTimestamp.string(from:)) ?? "nowhere")")
            } catch { moved.add("\(error)") }
        }
        insideMove.wait()
        let duringMove = try dispatcher.claim(worker: "node-2", now: oldSlot, lease: 60, limit: 5)
        releaseMove.signal()
        moveDone.wait()

        #expect(duringMove.isEmpty, "the job is locked by the move: the other node skips it")
        #expect(moved.entries == ["moved to \(UTCTimestamp.string(from: target))"])
        #expect(
            try dispatcher.claim(worker: "node-2", now: oldSlot, lease: 60, limit: 5).isEmpty, "nothing fires at the old time")
        #expect(try dispatcher.claim(worker: "node-2", now: target, lease: 60, limit: 5).map(\.variantID) == [variant.id])
    }

    @Test func twoNodesDecidingOverlappingBatchesDecideEachVariantOnce() throws {
        let (location, variants) = try pending(40)
        let nodes = try (0..<2).map { _ in try PostgresStore(location: location, poolSize: 1) }
        let ids = variants.map(\.id)
        let outcomes = Guarded<[BulkApprovalOutcome?]>([nil, nil])
        DispatchQueue.concurrentPerform(iterations: 2) { node in
            let outcome =
                node == 0
                ? try? nodes[0].approveAll(
                    variants.map { ($0.id, VariantRevision(of: $0.contentHash)) }, actor: "claire", now: Self.now,
                    permit: { _ in })
                : try? nodes[1].rejectAll(ids.reversed(), reason: "recall", actor: "paul", now: Self.now, permit: { _ in })
            outcomes.update { $0[node] = outcome }
        }
        let approved = try #require(outcomes.value[0]), rejected = try #require(outcomes.value[1])
        #expect(Set(approved.decided).isDisjoint(with: rejected.decided))
        #expect(Set(approved.decided + rejected.decided) == Set(ids), "each variant is decided by one of the two")
        #expect(Set(approved.refused.map(\.id)) == Set(rejected.decided))
        #expect(Set(rejected.refused.map(\.id)) == Set(approved.decided))
        let events = try nodes[0].auditEvents(variant: nil).filter { $0.action != .create }
        #expect(events.count == ids.count, "one decision event per variant")
        #expect(try nodes[0].variants(in: .approved, visible: { _ in true }).count == approved.decided.count)
    }
}

/// What the threads of a test saw, in order.
final class Outcomes: @unchecked Sendable {
    private let entriesSoFar = Guarded<[String]>([])

    func add(_ entry: String) { entriesSoFar.update { $0.append(entry) } }

    var entries: [String] { entriesSoFar.value }
}

/// A value several threads change, one at a time.
final class Guarded<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Value

    init(_ value: Value) { current = value }

    /// The value now.
    var value: Value { lock.withLock { current } }

    /// Changes the value under the lock.
    func update(_ change: (inout Value) -> Void) { lock.withLock { change(&current) } }
}
