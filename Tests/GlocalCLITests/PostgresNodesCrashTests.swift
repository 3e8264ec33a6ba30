import Foundation
import GlocalCore
import GlocalPostgres
import GlocalStore
import Testing

/// Issue #16: three `glocal dispatch` nodes on one PostgreSQL store, killed with SIGKILL at random while
/// 1 000 posts go out to a real sandbox with faults injected (dropped answers, 5xx, a rate limit); a
/// killed node is started again at once. Not one post may be lost, not one may go out twice. A second
/// test stops the database itself for a few seconds mid-run.
@Suite(.serialized, .enabled(if: PostgresTestEnvironment.enabled, "no PostgreSQL server (GLOCAL_TEST_POSTGRES_URL)"))
struct PostgresNodesCrashTests {
    static let networks: [Network] = [.mastodon, .x, .bluesky, .threads]
    static let options = ["--workers", "1", "--lease", "2", "--backoff", "1", "--poll", "0.2"]
    /// SIGKILLs during the run.
    static let kills = 110

    /// The killer works on progress, not on a wall-clock cadence, and it hands out the work: each cycle stores the next
    /// batch of approved variants (about 1 000 / 110), waits until one fewer posts more are completed, then kills a node
    /// (one holding a lease, when one does). The nodes can never finish all 1 000 posts before the last batch is out, even
    /// when the test runner is starved under load: every kill but the last lands while posts are still to go out.
    @Test func killedNodesNeverLoseOrDoubleAPost() async throws {
        let harness = try DispatchHarness(networks: Self.networks, perNetwork: 5)
        defer { harness.tearDown() }
        let nodes = try PostgresNodes(harness: harness, serverURL: try PostgresTestEnvironment.url())
        let slot = Date().addingTimeInterval(-5)
        let variants = nodes.variants(perAccount: 50, slot: slot)
        #expect(variants.count == 1_000)
        try nodes.connectAccounts()
        try harness.startSandbox()
        let (log, logURL) = try nodesLog(harness, "nodes.log")
        var random = SeededGenerator(seed: 0x5EED_0016)
        let names = ["node-a", "node-b", "node-c"]
        var running = try names.map { try nodes.start($0, Self.options, log: log) }
        var (kills, killsOfLeaseHolders, cycle, released) = (0, 0, 0, 0)
        var completedAtKills: [Int] = []
        while kills < Self.kills, cycle < 3 * Self.kills {
            if cycle % 15 == 0 { try await Self.injectFaults(harness) }
            cycle += 1
            let batch = (variants.count - released) / (Self.kills - kills)
            try nodes.approve(variants[released..<released + batch], slot: slot)
            released += batch
            // `batch - 1` posts more: the kills spread over the whole run, and as at most `released - batch` were
            // completed before, one released post at least is still to go out when the wait ends.
            let before = try nodes.completed()
            let target = before + max(1, batch - 1)
            // Polled on this thread (usleep): a Task.sleep can wake seconds late while the rest of the suite keeps the
            // cooperative pool busy. The bound only ends a run whose nodes stopped working.
            let started = Date()
            while try nodes.completed() < target, Date().timeIntervalSince(started) < 90 { usleep(5_000) }
            let completed = try nodes.completed()
            guard completed >= target else {
                Issue.record(
                    "\(target - before) posts not completed in 90 s in cycle \(cycle) (\(released) released, \(completed) completed)"
                )
                break
            }
            let holders = try nodes.leaseHolders()
            let candidates = names.indices.filter { holders.contains(names[$0]) }
            let victim = (candidates.isEmpty ? Array(names.indices) : candidates).randomElement(using: &random)!
            let process = running[victim]
            if process.isRunning, process.kill(SIGKILL) {
                if case .signalled = process.wait() {
                    kills += 1
                    if !candidates.isEmpty { killsOfLeaseHolders += 1 }
                }
            } else {
                Issue.record("node \(names[victim]) exited on its own with status \(process.terminationStatus)")
            }
            running[victim] = try nodes.start(names[victim], Self.options, log: log)
            completedAtKills.append(completed)
        }
        try nodes.approve(variants[released...], slot: slot)  // the rest, should the killing have stopped early
        let deadline = Date().addingTimeInterval(240)
        while Date() < deadline, !(try nodes.allOver()) { try await Task.sleep(for: .milliseconds(250)) }
        for process in running {
            process.kill(SIGKILL)
            process.wait()
        }
        let logText = (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
        #expect(kills == Self.kills, "\(kills) kills in \(cycle) cycles")
        #expect(completedAtKills.filter { $0 < 1_000 }.count >= 100, "completed at each kill: \(completedAtKills)")
        try await nodes.expectEachPublishedOnce(variants, log: logText)
        #expect(try nodes.auditedNodes() == Set(names), "every node wrote, and the audit says which")
        print(
            "nodes crash test: \(kills) kills of 3 nodes in \(cycle) cycles (\(killsOfLeaseHolders) of a node named on a lease),"
                + " completed at the kills \(completedAtKills.first ?? 0)…\(completedAtKills.last ?? 0), 1000 posts out once each"
        )
    }

    /// Queues network faults: answers dropped after the post was stored, server errors, a short rate limit.
    static func injectFaults(_ harness: DispatchHarness) async throws {
        var faults: [String] = []
        for network in networks {
            faults.append(#"{"network": "\#(network.rawValue)", "kind": "drop_after_store", "count": 2}"#)
            faults.append(#"{"network": "\#(network.rawValue)", "kind": "server_error", "count": 2}"#)
        }
        faults.append(#"{"network": "mastodon", "kind": "rate_limit", "seconds": 2}"#)
        try await harness.admin("POST", "faults", json: "[\(faults.joined(separator: ","))]")
    }
}

/// The PostgreSQL server of the CLI tests, as in GlocalPostgresTests: `GLOCAL_TEST_POSTGRES_URL`; with
/// `GLOCAL_REQUIRE_POSTGRES=1` (scripts/test) a missing server fails the tests.
enum PostgresTestEnvironment {
    static var enabled: Bool {
        let environment = ProcessInfo.processInfo.environment
        return environment["GLOCAL_TEST_POSTGRES_URL"] != nil || environment["GLOCAL_REQUIRE_POSTGRES"] == "1"
    }

    struct Missing: Error, CustomStringConvertible {
        var description: String { "GLOCAL_REQUIRE_POSTGRES=1 but GLOCAL_TEST_POSTGRES_URL is not set" }
    }

    static func url() throws -> String {
        guard let url = ProcessInfo.processInfo.environment["GLOCAL_TEST_POSTGRES_URL"] else { throw Missing() }
        return url
    }
}
