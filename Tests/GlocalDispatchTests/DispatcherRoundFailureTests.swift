import Foundation
import GlocalCore
import GlocalDispatch
import Testing

@testable import GlocalStore

/// `Dispatcher.run` when a round fails (on SQLite: the store busy beyond its timeout, its file gone): with
/// `onRoundFailure` it is told and the next round runs, so `glocal run`'s `/healthz` shows the failure and
/// recovers; without it the rounds end with the error, as before.
struct DispatcherRoundFailureTests {
    /// What the rounds reported, and when to stop.
    final class Rounds: @unchecked Sendable {
        private let lock = NSLock()
        private var events: [String] = []
        func add(_ event: String) { lock.withLock { events.append(event) } }
        var all: [String] { lock.withLock { events } }
    }

    static func moveQueueTable(_ store: SQLiteVariantStore, from: String, to: String) throws {
        try store.writer.write { try $0.execute(sql: "ALTER TABLE \(from) RENAME TO \(to)") }
    }

    @Test func aFailedRoundIsReportedAndTheNextOnePublishes() async throws {
        try await DispatchHarness.run { dispatcher, store, _, _, variants in
            try Self.moveQueueTable(store, from: "publish_job", to: "publish_job_away")
            let rounds = Rounds()
            try await dispatcher.run(
                pollInterval: .zero, shouldStop: { rounds.all.contains { $0.hasPrefix("round") } },
                onRound: { reports in rounds.add("round: " + reports.map(\.outcome).joined(separator: ",")) },
                onRoundFailure: { error in
                    rounds.add("failed: \(error)")
                    // The store is back for the next round.
                    try? Self.moveQueueTable(store, from: "publish_job_away", to: "publish_job")
                })
            let events = rounds.all
            #expect(events.count == 2, "\(events)")
            #expect(events.first?.hasPrefix("failed: ") == true && events.first?.contains("publish_job") == true, "\(events)")
            #expect(events.last == "round: published,published,published", "\(events)")
            for variant in variants { #expect(try store.variant(variant.id)?.state == .published) }
        }
    }

    @Test func withoutAFailureHandlerTheRoundsEndWithTheError() async throws {
        try await DispatchHarness.run { dispatcher, store, _, _, variants in
            try Self.moveQueueTable(store, from: "publish_job", to: "publish_job_away")
            let rounds = Rounds()
            await #expect(throws: (any Error).self) {
                try await dispatcher.run(
                    pollInterval: .zero, shouldStop: { rounds.all.count > 3 }, onRound: { _ in rounds.add("round") })
            }
            #expect(rounds.all.isEmpty)
            for variant in variants { #expect(try store.variant(variant.id)?.state == .approved) }
        }
    }
}
