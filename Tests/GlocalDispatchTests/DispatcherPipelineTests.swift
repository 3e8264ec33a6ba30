import Foundation
import GRDB
import GlocalCore
import GlocalDispatch
import GlocalNetworks
import Testing

@testable import GlocalStore

/// How a round uses the network and the disk: never more than `concurrency` posts in flight, and
/// several posts per transaction (each commit is a sync to disk).
struct DispatcherPipelineTests {
    @Test func aBacklogGoesOutOnceEachWithinTheConcurrencyAndFewCommits() async throws {
        let gauge = InFlightGauge()
        try await DispatchHarness.run(
            perAccount: 12, spacing: 10, concurrency: 8, transport: { GaugedTransport($0, gauge: gauge) }
        ) {
            dispatcher, store, sandbox, clock, variants in
            clock.advance(by: 120)  // every slot is due, within the grace period
            let commits = CommitCounter()
            store.writer.add(transactionObserver: commits, extent: .observerLifetime)
            let reports = try await dispatcher.runOnce()
            #expect(reports.count == variants.count)
            #expect(reports.allSatisfy { $0.outcome == "published" })
            #expect(Set(reports.map(\.variantID)) == Set(variants.map(\.id)))
            let posts = await sandbox.storedPosts().filter { $0.kind == "post" }
            #expect(posts.count == variants.count)
            #expect(gauge.maximum <= 8)
            #expect(gauge.maximum >= 2)
            // Sync, rescue, then steps that each write at least four outcomes or claim at least four
            // jobs: far fewer commits than posts (one per post, or three per batch, before).
            #expect(commits.count <= variants.count / 2, "\(commits.count) commits for \(variants.count) posts")
            for variant in variants { #expect(try store.variant(variant.id)?.state == .published) }
            #expect(try store.publishQueue.countsByState()[.running] == nil)
        }
    }

    @Test func aStopRequestClaimsNothingMoreButFinishesWhatWasClaimed() async throws {
        try await DispatchHarness.run(perAccount: 12, spacing: 10, concurrency: 4) {
            dispatcher, store, sandbox, clock, variants in
            clock.advance(by: 120)
            // The first step claims a full load: four senders and two started ahead; then stop.
            let stop = StopAfter(calls: 1)
            let reports = try await dispatcher.runOnce(shouldStop: { stop.shouldStop() })
            // What was claimed went out and was written; the rest still waits, nothing is left running.
            #expect(reports.count == 6)
            #expect(reports.allSatisfy { $0.outcome == "published" })
            #expect(await sandbox.storedPosts().filter { $0.kind == "post" }.count == reports.count)
            let counts = try store.publishQueue.countsByState()
            #expect(counts[.running] == nil)
            #expect(counts[.completed] == reports.count)
            #expect((counts[.scheduled] ?? 0) + (counts[.available] ?? 0) == variants.count - reports.count)
        }
    }
}

/// Counts the requests in flight through it and remembers the most at once.
final class InFlightGauge: @unchecked Sendable {
    private let lock = NSLock()
    private var current = 0
    private var most = 0

    func enter() {
        lock.withLock {
            current += 1; most = max(most, current)
        }
    }
    func leave() { lock.withLock { current -= 1 } }
    var maximum: Int { lock.withLock { most } }
}

/// A transport that reports to an ``InFlightGauge``.
struct GaugedTransport: HTTPTransport {
    let base: any HTTPTransport
    let gauge: InFlightGauge

    init(_ base: any HTTPTransport, gauge: InFlightGauge) {
        self.base = base
        self.gauge = gauge
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        gauge.enter()
        defer { gauge.leave() }
        return try await base.send(request)
    }
}

/// Counts committed transactions on a store.
final class CommitCounter: TransactionObserver, @unchecked Sendable {
    private let lock = NSLock()
    private var commits = 0

    var count: Int { lock.withLock { commits } }
    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { false }
    func databaseDidChange(with event: DatabaseEvent) {}
    func databaseDidCommit(_ db: Database) { lock.withLock { commits += 1 } }
    func databaseDidRollback(_ db: Database) {}
}

/// Answers "go on" to the first `calls` questions, then "stop".
final class StopAfter: @unchecked Sendable {
    private let lock = NSLock()
    private var asked = 0
    let calls: Int

    init(calls: Int) { self.calls = calls }

    func shouldStop() -> Bool {
        lock.withLock {
            asked += 1
            return asked > calls
        }
    }
}
