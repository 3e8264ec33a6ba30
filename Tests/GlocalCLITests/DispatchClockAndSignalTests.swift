import Foundation
import GlocalCore
import GlocalTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A real `glocal dispatch`: `--now` shifts its clock (it runs on), a replay sets the sandbox's clock before its first
/// round, SIGHUP neither stops nor reloads it, and it holds its store against a restore while it runs.
struct DispatchClockAndSignalTests {
    static let slot = Date(timeIntervalSince1970: 1_796_115_600)  // 2026-12-01T09:00:00Z

    /// Waits (polling every 50 ms, at most 30 s) until `condition` holds; whether it did.
    static func eventually(_ condition: () throws -> Bool) async throws -> Bool {
        for _ in 0..<600 {
            if try condition() { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return try condition()
    }

    /// A harness with one Mastodon account, its post approved at ``slot``, connected, and a sandbox running.
    static func harness() throws -> DispatchHarness {
        let harness = try DispatchHarness(networks: [.mastodon], perNetwork: 1)
        _ = try harness.approveVariants(perAccount: 1, slot: slot)
        try harness.connectAccounts()
        try harness.startSandbox()
        return harness
    }

    @Test(.timeLimit(.minutes(2))) func nowWithoutUntilShiftsTheClockWhichRunsOn() async throws {
        let harness = try Self.harness()
        defer { harness.tearDown() }
        let logURL = harness.root.appendingPathComponent("dispatch.log")
        FileManager.default.createFile(atPath: logURL.path, contents: nil)
        let log = try FileHandle(forWritingTo: logURL)
        // Two seconds before the slot: a frozen clock never reached it.
        let dispatcher = try harness.startDispatcher(
            ["--now", Self.slot.addingTimeInterval(-2).ISO8601Format(), "--poll", "0.2"], log: log)
        defer {
            if dispatcher.isRunning { _ = dispatcher.kill(SIGKILL) }
            _ = dispatcher.wait()
        }
        let published = try await Self.eventually {
            (try String(contentsOf: logURL, encoding: .utf8)).contains("published: mastodon/crash-mastodon-1")
        }
        #expect(published, "\((try? String(contentsOf: logURL, encoding: .utf8)) ?? "")")
        dispatcher.terminate()
        #expect(dispatcher.wait() == .exited(0))
    }

    @Test(.timeLimit(.minutes(2))) func aReplaySetsTheSandboxClockBeforeItsFirstRound() async throws {
        let harness = try Self.harness()
        defer { harness.tearDown() }
        let (status, output, error) = try GlocalProcess.run(
            [
                "dispatch", "--database", harness.database, "--sandbox", harness.sandboxURL!.absoluteString, "--now",
                Self.slot.ISO8601Format(), "--until", Self.slot.addingTimeInterval(600).ISO8601Format(),
            ], in: harness.root)
        #expect(status == 0, "\(output)\(error)")
        let posts = try await harness.sandboxPosts().filter { $0["kind"] as? String == "post" }
        #expect(posts.count == 1)
        // Posted in the first round, at the replay's start: the sandbox's clock was already there.
        #expect(posts.first?["postedAt"] as? String == Self.slot.ISO8601Format())
    }

    @Test(.timeLimit(.minutes(2))) func aDispatcherOutlivesSIGHUPAndARestoreIsRefusedWhileItRuns() async throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        let connected = try GlocalProcess.run(
            ["account", "connect", "lum-fr-x"], in: workspace.root, input: "{\"access_token\": \"t\"}")
        #expect(connected.0 == 0)
        let backup = workspace.container.appendingPathComponent("backup.sqlite").path
        #expect(try GlocalProcess.run(["store", "backup", backup], in: workspace.root).0 == 0)
        let dispatcher = try GlocalProcess.start(
            ["dispatch", "--node-id", "d5", "--poll", "0.2", "--sandbox", "http://127.0.0.1:9"], in: workspace.root)
        defer {
            if dispatcher.isRunning { _ = dispatcher.kill(SIGKILL) }
            _ = dispatcher.wait()
        }
        // The serving lock is taken after the SIGHUP handler is installed: once it exists, SIGHUP is handled.
        let serving = workspace.root.appendingPathComponent(".glocal/glocal.sqlite.serving").path
        #expect(try await Self.eventually { FileManager.default.fileExists(atPath: serving) })
        #expect(try await Self.eventually { dispatcher.isRunning })
        _ = dispatcher.kill(SIGHUP)
        #expect(
            try await Self.eventually { dispatcher.standardError.contains("nothing to reload") }, "\(dispatcher.standardError)")
        #expect(dispatcher.isRunning)
        let (restore, _, restoreError) = try GlocalProcess.run(["store", "restore", backup], in: workspace.root)
        #expect(restore != 0 && restoreError.contains("holds this store"), "\(restoreError)")
        dispatcher.terminate()
        #expect(dispatcher.wait() == .exited(0), "\(dispatcher.standardError)")
    }
}
