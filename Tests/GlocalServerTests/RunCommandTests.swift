import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
import GRDB
import Testing

/// `glocal run --demo`, the README's first command: the real binary, the example workspace, an
/// in-process sandbox, a real SQLite file; then `/healthz`, `/metrics` and a graceful SIGTERM.
struct RunCommandTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func theDemoPublishesACampaignEndToEndAndStopsGracefully() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("glocal-run-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("glocal.sqlite").path
        let served = try ServedProcess(
            command: "run", arguments: ["--demo", "--now", "2026-11-21T09:00:00Z", "--database", database],
            directory: Self.repositoryRoot)
        defer { served.stop() }
        // Ready once the dispatcher has finished its first round, not just once the UI is up.
        let base = try await served.waitUntilReady(attempts: 1_800, path: "/healthz")
        let printed = served.printed
        #expect(printed.contains("demo: every account connected to the sandbox"))
        let summary = try #require(
            printed.firstMatch(of: /demo: (\d+) posts went out, each once, at its own slot: (\d+) published on their networks\./))
        let published = try #require(Int(summary.1))
        #expect(published > 100)
        // Every network of the example publishes natively, YouTube and TikTok included: nothing only reached a webhook.
        #expect(try #require(Int(summary.2)) == published)
        #expect(!printed.contains("sent to webhook"))
        // The table's rows (the first posts) show a YouTube post by its watch URL; no YouTube or TikTok post failed.
        let youtubeRows = printed.split(separator: "\n").filter { $0.hasPrefix("  2") && $0.contains(" youtube ") }
        #expect(youtubeRows.allSatisfy { $0.contains("https://www.youtube.com/watch?v=") })
        #expect(!printed.contains(/\n  \w+: (youtube|tiktok)\//))
        let perNetwork = try #require(printed.split(separator: "\n").first { $0.hasPrefix("  per network: ") })
        #expect(perNetwork.contains(/tiktok \d+(,|$)/))
        #expect(perNetwork.contains(/youtube \d+(,|$)/))
        // The shops' Pinterest and Business Profile accounts are published on their networks, natively.
        #expect(perNetwork.contains(/pinterest \d+(,|$)/) && perNetwork.contains(/google_business \d+(,|$)/))
        let readings = try #require(printed.firstMatch(of: /demo: (\d+) engagement readings pulled back/))
        #expect(try #require(Int(readings.1)) >= published)

        let (health, healthResponse) = try await URLSession.shared.data(from: try #require(URL(string: base + "/healthz")))
        #expect((healthResponse as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: health, as: UTF8.self).hasPrefix("dispatcher: last round"))
        let (metrics, _) = try await URLSession.shared.data(from: try #require(URL(string: base + "/metrics")))
        let text = String(decoding: metrics, as: UTF8.self)
        #expect(text.contains("glocal_jobs{state=\"completed\"} \(published)\n"))
        #expect(text.contains("# TYPE glocal_publish_lateness_seconds histogram"))
        // The demo's own posts count in /metrics and the log like the dispatcher's (they were left out before).
        let outcomes = text.matches(of: /glocal_publish_outcomes_total\{[^}]*outcome="published"\} (\d+)\n/)
        #expect(outcomes.compactMap { Int($0.1) }.reduce(0, +) == published)
        let lateness = try #require(text.firstMatch(of: /glocal_publish_lateness_seconds_count (\d+)\n/))
        #expect(try #require(Int(lateness.1)) >= published)
        let attempts = served.printed.split(separator: "\n").filter {
            $0.contains(" publish attempt ") && $0.contains(" outcome=published")
        }
        #expect(attempts.count == published)
        // The service event `serve` logs too (docs/operations.md, Logs).
        #expect(served.printed.contains(/info listening address=127\.0\.0\.1:\d+ store=/))

        #expect(served.terminateGracefully() == 0)
        // What the demo said went out is what the store holds: one receipt per published variant.
        let store = try DatabaseQueue(path: database)
        let counts = try await store.read { db in
            [
                try Int.fetchOne(db, sql: "SELECT count(*) FROM variant WHERE state = 'published'") ?? -1,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM publication WHERE remote_id IS NOT NULL") ?? -1,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM publish_job WHERE state = 'running'") ?? -1,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM account_secret") ?? -1,
                try Int.fetchOne(db, sql: "SELECT count(DISTINCT variant_id) FROM metric_sample") ?? -1,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM metric_sample") ?? -1,
                // README: each reading at its own +1 h, +24 h or +7 d (not all after the last slot).
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT count(*) FROM metric_sample AS s
                        JOIN metrics_job AS j ON j.variant_id = s.variant_id AND j.checkpoint = s.checkpoint
                        WHERE abs(julianday(s.fetched_at) - julianday(j.due_at)) * 1440 > 15
                        """) ?? -1,
            ]
        }
        // Every published post was read back at each checkpoint, when it came due.
        #expect(counts == [published, published, 0, 140, published, 3 * published, 0])
        #expect(try #require(Int(readings.1)) == 3 * published)
    }
}
