import Foundation
import GlocalCore
import GlocalPostgres
import GlocalStore
import Testing

/// The queue shared by several nodes (each a store of its own on the same database).
@Suite(.postgres)
struct PostgresQueueNodesTests {
    static let slot = Date(timeIntervalSince1970: 1_796_000_000)

    /// `count` approved variants of one X account, due at `slot`, queued.
    func queued(_ count: Int, account: String = "lumiere-fr-x") throws -> PostgresLocation {
        let location = try PostgresTestServer.freshLocation()
        let store = try PostgresStore(location: location)
        let variants = (0..<count).map { index in
            StoredVariant(
                id: "launch/post-\(index)/\(account)", campaignID: "launch", postID: "post-\(index)", accountID: account,
                network: .x, locale: "fr", kind: .informative, text: "Post \(index)", title: nil, link: nil,
                linkPlacement: .none, media: [], contentHash: "h\(index)", scheduledAt: Self.slot, localTime: nil,
                timeZone: "UTC", live: false, state: .approved, explanation: [])
        }
        try store.apply(
            Plan(
                changes: variants.map {
                    PlanChange(action: .create, id: $0.id, desired: $0, stored: nil, contentChanged: true, timeChanged: true)
                }), actor: "test", now: Self.slot.addingTimeInterval(-3_600))
        #expect(try store.publishQueue.sync(now: Self.slot, grace: 900, policy: .standard).enqueued == count)
        return location
    }

    @Test func threeNodesClaimingAtOnceNeverTakeTheSameJob() throws {
        let location = try queued(300)
        let nodes = try (0..<3).map { _ in try PostgresStore(location: location, poolSize: 1).publishQueue }
        let claims = ClaimLog()
        DispatchQueue.concurrentPerform(iterations: 3) { node in
            while let jobs = try? nodes[node].claim(worker: "node-\(node)", now: Self.slot, lease: 60, limit: 7), !jobs.isEmpty {
                claims.add(jobs.map(\.id))
            }
        }
        #expect(claims.ids.count == 300)
        #expect(Set(claims.ids).count == 300, "a job was claimed twice")
    }

    @Test func twoNodesTogetherKeepXsCapOfOneHundredPerFifteenMinutes() throws {
        let location = try queued(150)
        let nodes = try (0..<2).map { _ in try PostgresStore(location: location, poolSize: 1).publishQueue }
        let sends = ClaimLog()
        DispatchQueue.concurrentPerform(iterations: 2) { node in
            let queue = nodes[node]
            while let jobs = try? queue.claim(worker: "node-\(node)", now: Self.slot, lease: 60, limit: 5), !jobs.isEmpty {
                for job in jobs {
                    guard
                        case .send = try? queue.begin(job, worker: "node-\(node)", now: Self.slot, caps: PublishingCap.caps(for:))
                    else { continue }
                    sends.add([job.id])
                    _ = try? queue.finish(
                        job, worker: "node-\(node)", resolution: .published(PublishReceipt(remoteID: "\(job.id)")),
                        now: Self.slot, policy: .standard)
                }
            }
        }
        #expect(sends.ids.count == 100, "X allows 100 posts per 15 minutes per account, whatever the number of nodes")
        let counts = try nodes[0].countsByState()
        #expect(counts[.completed] == 100 && counts[.retryable] == 50)
    }

    @Test func anIdleNodeIsWokenWhenWorkFallsDue() throws {
        let location = try PostgresTestServer.freshLocation()
        let listener = try listening(on: location)
        #expect(!listener.wait(upTo: 0.2), "nothing happened yet")
        let other = try PostgresStore(location: location).publishQueue
        try other.setGlobalPause(true, reason: "crisis", actor: "admin", now: Self.slot)
        let before = listener.received
        try other.setGlobalPause(false, reason: nil, actor: "admin", now: Self.slot)
        let deadline = Date().addingTimeInterval(30)
        while listener.received == before, Date() < deadline { listener.wait(upTo: 0.5) }
        #expect(listener.received > before, "resuming makes work due: the idle node is notified")
    }

    /// A listener on `location` whose `LISTEN` the server has confirmed (retried while the machine is busy).
    func listening(on location: PostgresLocation) throws -> PostgresQueueListener {
        let listener = PostgresQueueListener(store: try PostgresStore(location: location))
        let deadline = Date().addingTimeInterval(30)
        while !listener.listenIfNeeded(), Date() < deadline { listener.wait(upTo: 0.2) }
        try #require(listener.listenIfNeeded(), "the listener could not LISTEN within 30 s")
        return listener
    }

    final class ClaimLog: @unchecked Sendable {
        private let lock = NSLock()
        private var claimed: [Int64] = []
        var ids: [Int64] { lock.withLock { claimed } }
        func add(_ ids: [Int64]) { lock.withLock { claimed += ids } }
    }
}
