import Foundation
import GlocalCore
import GlocalPostgres
import GlocalStore
import GlocalTestSupport
import Testing

/// Never double-post when a lease holder is alive: two real `glocal dispatch` nodes on one store whose clocks are three
/// hours apart (each given `--now`). The first is mid-call (a proxy holds its post and never answers, and the node is
/// then stopped with SIGSTOP so that its call cannot time out); the second, for which that lease ran out long ago, must
/// neither rescue the job nor send anything while the first lives. Once the first is SIGKILLed the second takes the job
/// back (only after the lease, by its own clock) and the post goes out once.
@Suite(.serialized)
struct LeaseLivenessTests {
    static let start = "2026-12-01T09:00:00Z"
    static let slot = ISO8601DateFormatter().date(from: start)!
    static let options = ["--workers", "1", "--lease", "60", "--poll", "0.2"]

    /// How the test reaches one store: the `--database` value, the environment nodes need, and the store itself.
    struct Backend {
        var database: String
        var environment: [String: String]
        var queue: any PublishJobQueue
        var variants: any VariantStore
    }

    @Test func aLiveHolderKeepsItsJobOnSQLite() async throws {
        let harness = try DispatchHarness(networks: [.mastodon], perNetwork: 1)
        defer { harness.tearDown() }
        let variant = try #require(try harness.approveVariants(perAccount: 1, slot: Self.slot).first)
        try harness.connectAccounts()
        let store = try SQLiteVariantStore(path: harness.database)
        try await Self.run(
            harness, variant: variant,
            Backend(database: harness.database, environment: [:], queue: store.publishQueue, variants: store))
    }

    @Test(.enabled(if: PostgresTestEnvironment.enabled, "no PostgreSQL server (GLOCAL_TEST_POSTGRES_URL)"))
    func aLiveHolderKeepsItsJobOnPostgres() async throws {
        let harness = try DispatchHarness(networks: [.mastodon], perNetwork: 1)
        defer { harness.tearDown() }
        let nodes = try PostgresNodes(harness: harness, serverURL: try PostgresTestEnvironment.url())
        let variant = try #require(try nodes.approveVariants(perAccount: 1, slot: Self.slot).first)
        try nodes.connectAccounts()
        try await Self.run(
            harness, variant: variant,
            Backend(
                database: nodes.url, environment: ["GLOCAL_SECRET_KEY": PostgresNodes.key.base64EncodedString()],
                queue: nodes.store.publishQueue, variants: nodes.store))
    }

    static func run(_ harness: DispatchHarness, variant: StoredVariant, _ backend: Backend) async throws {
        try harness.startSandbox()
        let proxy = try HoldingProxy(
            upstream: try #require(harness.sandboxURL), heldMarker: harness.root.appendingPathComponent("proxy-held"))
        defer { proxy.stop() }
        let (log, logURL) = try nodesLog(harness, "liveness.log")
        let first = try node("node-a", now: start, backend, proxy: proxy, harness: harness, log: log)
        defer {
            if first.isRunning { first.kill(SIGKILL) }
        }
        // node-a is mid-call once the proxy holds its post (polled: a bounded wait on a condition).
        let started = Date()
        while !proxy.holding, Date().timeIntervalSince(started) < 60 { usleep(5_000) }
        // Frozen there (SIGSTOP): alive, its locks held, but its call can never time out (30 s) and be retried while
        // the test runs on a loaded machine. A stopped node is what a hung one looks like.
        first.kill(SIGSTOP)
        let sent = try await proxy.seen()
        try #require(sent.count == 1 && sent[0].hasPrefix("POST "), "node-a never sent: \(sent)")
        let job = try #require(try backend.queue.job(forVariant: variant.id))
        #expect(job.state == .running && job.lockedBy == "node-a")

        // node-b, three hours ahead: node-a's lease ran out long ago by its clock, but node-a is alive.
        let later = "2026-12-01T12:00:00Z"
        let spared = try once("node-b", now: later, backend, proxy: proxy, harness: harness)
        #expect(spared.status == 0, "\(spared.error)")
        #expect(try await proxy.seen() == sent, "node-b sent while node-a was mid-call")
        let kept = try #require(try backend.queue.job(forVariant: variant.id))
        #expect(kept.state == .running && kept.lockedBy == "node-a" && kept.rescues == 0)

        // node-a dies mid-call (its post never reached the network).
        first.kill(SIGKILL)
        first.wait()
        // Before the lease runs out by node-b's clock, the job still waits for it.
        let early = try once("node-b", now: "2026-12-01T09:00:30Z", backend, proxy: proxy, harness: harness)
        #expect(early.status == 0, "\(early.error)")
        #expect(try backend.queue.job(forVariant: variant.id)?.state == .running)
        #expect(try await proxy.seen() == sent)
        // After it, node-b takes the job back, looks the post up, finds nothing and sends it: once.
        let rescued = try once("node-b", now: later, backend, proxy: proxy, harness: harness)
        #expect(rescued.status == 0, "\(rescued.error)")
        let done = try #require(try backend.queue.job(forVariant: variant.id))
        let logText = (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
        #expect(done.state == .completed && done.rescues == 1, "\(done)\n\(rescued.output)\n\(logText.suffix(2_000))")
        #expect(try backend.variants.variant(variant.id)?.state == .published)
        let posts = try await harness.sandboxPosts().filter { $0["text"] as? String == variant.text }
        #expect(posts.count == 1, "the sandbox holds \(posts.count) posts of the variant")
    }

    /// Starts node `name` with its clock fixed at `now`, sending through the proxy.
    static func node(
        _ name: String, now: String, _ backend: Backend, proxy: HoldingProxy, harness: DispatchHarness, log: FileHandle
    ) throws -> ChildProcess {
        var environment = ProcessInfo.processInfo.environment
        environment.merge(backend.environment) { $1 }
        return try GlocalProcess.start(
            ["dispatch", "--database", backend.database, "--node-id", name, "--now", now, "--sandbox", proxy.url.absoluteString]
                + options, in: harness.root, environment: environment, output: .descriptor(log.fileDescriptor),
            error: .sameAsOutput)
    }

    /// One round of node `name` (`--once`) at `now`: its exit status and output.
    static func once(
        _ name: String, now: String, _ backend: Backend, proxy: HoldingProxy, harness: DispatchHarness
    ) throws -> (status: Int32, output: String, error: String) {
        var environment = ProcessInfo.processInfo.environment
        environment.merge(backend.environment) { $1 }
        return try GlocalProcess.run(
            [
                "dispatch", "--once", "--database", backend.database, "--node-id", name, "--now", now, "--sandbox",
                proxy.url.absoluteString,
            ] + options, in: harness.root, environment: environment)
    }
}
