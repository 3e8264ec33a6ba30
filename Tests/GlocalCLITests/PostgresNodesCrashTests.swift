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

    @Test func killedNodesNeverLoseOrDoubleAPost() async throws {
        let harness = try DispatchHarness(networks: Self.networks, perNetwork: 5)
        defer { harness.tearDown() }
        let nodes = try PostgresNodes(harness: harness, serverURL: try PostgresTestEnvironment.url())
        let variants = try nodes.approveVariants(perAccount: 50, slot: Date().addingTimeInterval(-5))
        #expect(variants.count == 1_000)
        try nodes.connectAccounts()
        try harness.startSandbox()
        let (log, logURL) = try nodesLog(harness, "nodes.log")
        var random = SeededGenerator(seed: 0x5EED_0016)
        let names = ["node-a", "node-b", "node-c"]
        var running = try names.map { try nodes.start($0, Self.options, log: log) }
        var kills = 0
        var cycle = 0
        var completedAtKills: [Int] = []
        while kills < 110 {
            if cycle % 15 == 0 { try await PostgresNodesCrashTests.injectFaults(harness) }
            cycle += 1
            let before = try nodes.completed()
            let started = Date()
            while try nodes.completed() == before, Date().timeIntervalSince(started) < 90 { usleep(5_000) }
            usleep(UInt32(Double.random(in: 0...0.12, using: &random) * 1_000_000))
            let completed = try nodes.completed()
            let victim = Int.random(in: 0..<running.count, using: &random)
            let process = running[victim]
            if process.isRunning, kill(process.processIdentifier, SIGKILL) == 0 {
                process.waitUntilExit()
                if process.terminationReason == .uncaughtSignal { kills += 1 }
            } else {
                process.waitUntilExit()
                Issue.record("node \(names[victim]) exited on its own with status \(process.terminationStatus)")
            }
            running[victim] = try nodes.start(names[victim], Self.options, log: log)
            completedAtKills.append(completed)
            if completed == before { break }
        }
        let deadline = Date().addingTimeInterval(240)
        while Date() < deadline, !(try nodes.allOver()) { try await Task.sleep(for: .milliseconds(250)) }
        for process in running {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        let logText = (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
        #expect(completedAtKills.filter { $0 < 1_000 }.count >= 100, "completed at each kill: \(completedAtKills)")
        try await nodes.expectEachPublishedOnce(variants, log: logText)
        #expect(try nodes.auditedNodes() == Set(names), "every node wrote, and the audit says which")
        print("nodes crash test: \(kills) kills of 3 nodes in \(cycle) runs, 1000 posts out once each")
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
