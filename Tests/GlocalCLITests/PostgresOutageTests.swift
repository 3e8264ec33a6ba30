import Foundation
import GlocalCore
import GlocalPostgres
import GlocalStore
import GlocalTestSupport
import Testing

/// Issue #16: the database stops for a few seconds while three nodes are publishing, then comes back.
/// The nodes ride it out (their rounds fail and are tried again) and every post goes out exactly once:
/// an outcome that could not be written is looked up after the lease ran out, never sent again.
@Suite(.serialized, .enabled(if: PostgresTestEnvironment.enabled, "no PostgreSQL server (GLOCAL_TEST_POSTGRES_URL)"))
struct PostgresOutageTests {
    @Test func nodesRecoverWhenTheDatabaseStopsMidRun() async throws {
        // A server of its own: stopping the shared one would break the tests running beside this one.
        let server = try PrivatePostgresServer()
        defer { server.stop() }
        let harness = try DispatchHarness(networks: [.mastodon, .bluesky], perNetwork: 3)
        defer { harness.tearDown() }
        let nodes = try PostgresNodes(harness: harness, serverURL: server.url)
        let slot = Date().addingTimeInterval(-5)
        let variants = nodes.variants(perAccount: 50, slot: slot)
        // A third of the posts first; the rest is stored just before the database stops, so that however long this
        // runner is starved while it waits, posts are still to go out when the outage starts.
        try nodes.approve(variants.prefix(100), slot: slot)
        try nodes.connectAccounts()
        try harness.startSandbox()
        let (log, logURL) = try nodesLog(harness, "outage.log")
        let options = ["--workers", "2", "--lease", "3", "--backoff", "1", "--poll", "0.2"]
        // node-c logs JSON lines, the others text: both formats name the failed rounds.
        let running = try ["node-a", "node-b", "node-c"].map {
            try nodes.start($0, options + ($0 == "node-c" ? ["--log-format", "json"] : []), log: log)
        }
        let started = Date()
        while try nodes.completed() < 60, Date().timeIntervalSince(started) < 90 { usleep(10_000) }
        let beforeOutage = try nodes.completed()
        #expect(beforeOutage >= 60, "the nodes published \(beforeOutage) posts in 90 s")
        try nodes.approve(variants.dropFirst(100), slot: slot)
        let failuresBefore = Self.failedRounds(logURL)
        let (jsonBefore, textBefore) = (Self.jsonRounds(logURL).count, Self.textRounds(logURL).count)
        try server.run("halt")
        // No node claims a job while the database is down: beyond the few in flight, the posts still queued cannot go
        // out before it is back, so fewer than all of them in the sandbox now means the outage caught work to do.
        let sentDuringOutage = try await harness.sandboxPosts().filter { $0["kind"] as? String == "post" }.count
        #expect(sentDuringOutage < variants.count, "the outage must land mid-run: \(sentDuringOutage) posts out")
        // The outage outlasts the 3 s leases taken before it, and lasts until node-c (JSON) and a text node each failed
        // a round on it: a node busy sending when the database stopped may meet it only a few seconds later on a loaded
        // runner (polled; the 60 s bound only ends a stuck run).
        let halted = Date()
        while Self.jsonRounds(logURL).count == jsonBefore || Self.textRounds(logURL).count == textBefore
            || Date().timeIntervalSince(halted) < 4,
            Date().timeIntervalSince(halted) < 60
        {
            usleep(50_000)
        }
        let outage = Date().timeIntervalSince(halted)
        try server.run("resume")
        let deadline = Date().addingTimeInterval(240)
        // Until every post is out: on a loaded runner the posts approved just before the halt may reach the queue only
        // after the database is back, when nothing is active yet (bounded by the deadline; the checks below say why).
        while Date() < deadline, (try? nodes.allOver()) != true || ((try? nodes.completed()) ?? 0) < variants.count {
            try await Task.sleep(for: .milliseconds(250))
        }
        for process in running {
            #expect(process.isRunning, "a node died of the outage")
            process.kill(SIGKILL)
            process.wait()
        }
        let logText = (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
        #expect(Self.failedRounds(logURL) > failuresBefore, "the outage was not seen: \(logText.suffix(2_000))")
        try await nodes.expectEachPublishedOnce(variants, log: logText)
        let jsonRounds = Self.jsonRounds(logURL)
        #expect(
            jsonRounds.count > jsonBefore
                && jsonRounds.allSatisfy { ($0["fields"] as? [String: Any])?["node"] as? String == "node-c" },
            """
            node-c's JSON lines: \(jsonRounds.count) failed rounds, \(jsonBefore) before the outage; its last lines:
            \(logText.split(separator: "\n").filter { $0.hasPrefix("{") }.suffix(15).joined(separator: "\n"))
            """)
        let textRounds = Self.textRounds(logURL)
        #expect(textRounds.contains { $0.hasSuffix(" node=node-a") } || textRounds.contains { $0.hasSuffix(" node=node-b") })
        print(
            "outage test: \(beforeOutage) posts completed, \(sentDuringOutage) sent when the database stopped for"
                + " \(String(format: "%.1f", outage)) s, \(variants.count) once each after")
    }

    /// The failed dispatch rounds logged so far as JSON lines (node-c's).
    static func jsonRounds(_ logURL: URL) -> [[String: Any]] {
        let text = (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
        return text.split(separator: "\n")
            .compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            .filter { $0["message"] as? String == "dispatch round failed, trying again" }
    }

    /// The failed dispatch rounds logged so far as text lines (node-a's and node-b's).
    static func textRounds(_ logURL: URL) -> [Substring] {
        let text = (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { $0.contains(" warning dispatch round failed, trying again error=") }
    }

    /// How many times the nodes logged a failed dispatch round so far.
    static func failedRounds(_ logURL: URL) -> Int {
        let text = (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
        return text.components(separatedBy: "dispatch round failed, trying again").count - 1
    }
}

/// A PostgreSQL server started for one test with scripts/postgres-test-server, stopped after.
struct PrivatePostgresServer {
    let url: String
    let directory: String

    init() throws {
        let output = try Self.script(["start"])
        var values: [String: String] = [:]
        for line in output.split(separator: "\n") {
            let parts = line.replacingOccurrences(of: "export ", with: "").split(separator: "=", maxSplits: 1)
            if parts.count == 2 { values[String(parts[0])] = String(parts[1]) }
        }
        url = try #require(values["GLOCAL_TEST_POSTGRES_URL"])
        directory = try #require(values["GLOCAL_TEST_POSTGRES_DIR"])
    }

    /// Runs `halt` or `resume` on this server.
    func run(_ command: String) throws { _ = try Self.script([command, directory]) }

    func stop() { _ = try? Self.script(["stop", directory]) }

    /// Runs the script and returns what it printed. Its standard output and error are files, not pipes: the server it
    /// leaves running inherits those descriptors, so a pipe would never reach its end.
    private static func script(_ arguments: [String]) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("postgres-test-server-\(UUID().uuidString)")
        let errors = output.appendingPathExtension("err")
        defer {
            try? FileManager.default.removeItem(at: output)
            try? FileManager.default.removeItem(at: errors)
        }
        let script = ValidateCommandTests.repositoryRoot.appendingPathComponent("scripts/postgres-test-server").path
        let outputFile = open(output.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        try #require(outputFile >= 0, "cannot create \(output.path)")
        defer { close(outputFile) }
        let errorsFile = open(errors.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        try #require(errorsFile >= 0, "cannot create \(errors.path)")
        defer { close(errorsFile) }
        let ended = try ChildProcess(
            executable: script, arguments: arguments, output: .descriptor(outputFile), error: .descriptor(errorsFile)
        ).wait()
        // The script prints the server's log when it cannot start it: the reason, in the test's failure.
        let said = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        try #require(ended == .exited(0), "postgres-test-server \(arguments.joined(separator: " ")) failed (\(ended)): \(said)")
        return try String(contentsOf: output, encoding: .utf8)
    }

}
