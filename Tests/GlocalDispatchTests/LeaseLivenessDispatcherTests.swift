import Foundation
import GlocalCore
import GlocalNetworks
import GlocalSandbox
import GlocalStore
import Testing

@testable import GlocalDispatch

/// The dispatcher applies `LeaseRescueRule` on a store file shared by nodes whose clocks are hours apart: a job whose
/// lease ran out stays with a holder that holds its liveness lock, goes back once that lock is gone, and a node
/// restarted under the same id takes its previous life's jobs back itself. Time is injected; nothing sleeps.
struct LeaseLivenessDispatcherTests {
    static let slot = DispatchHarness.slot
    static let account = DispatchHarness.accounts[0]
    static let later = slot.addingTimeInterval(3 * 3_600)

    /// A store file with one approved Mastodon variant due at `slot`, claimed by `holder` (mid-call, as far as the
    /// store can tell), a sandbox, and a dispatcher `worker` whose clock reads `later`.
    func withClaimedJob(
        holder: String, worker: String,
        _ body: @Sendable (Dispatcher, SQLiteVariantStore, SandboxState, StoredVariant) async throws -> Void
    ) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("liveness-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SQLiteVariantStore(path: directory.appendingPathComponent("glocal.sqlite").path)
        let variant = StoredVariant(
            id: "hydra/post-0/\(Self.account.id)", campaignID: "hydra", postID: "post-0", accountID: Self.account.id,
            network: Self.account.network, locale: "fr-FR", kind: .informative, text: "Hydra : une fois, une seule 👋🏽",
            title: nil, link: nil, linkPlacement: .none, media: [], contentHash: "hash-0", scheduledAt: Self.slot,
            localTime: nil, timeZone: "Europe/Paris", live: false, state: .approved, explanation: [])
        try store.apply(
            Plan(changes: [
                PlanChange(
                    action: .create, id: variant.id, desired: variant, stored: nil, contentChanged: true, timeChanged: true)
            ]), actor: "test", now: Self.slot.addingTimeInterval(-86_400))
        let credentials = StoredCredentials(
            secrets: store.accountSecrets(key: try SecretKey(bytes: Data(repeating: 7, count: 32))))
        try await credentials.store(Self.account.credentials, for: Self.account.id)
        try store.publishQueue.sync(now: Self.slot, grace: 900)
        let claimed = try store.publishQueue.claim(worker: holder, now: Self.slot, lease: 60, limit: 1)
        try #require(claimed.count == 1)
        let state = SandboxState(now: Self.later)
        try await SandboxServer(state: state).withRunning { url in
            let environment = ClientEnvironment(
                transport: URLSessionTransport(timeout: 60), endpoints: .sandbox(baseURL: url), clock: { Self.later })
            let client = try #require(NetworkClients.client(for: .mastodon, environment: environment))
            let dispatcher = Dispatcher(
                configuration: DispatchConfiguration(worker: worker, concurrency: 1, grace: 900),
                queue: store.publishQueue,
                clients: [.mastodon: client],
                credentials: credentials,
                posts: OutgoingPostFactory(accounts: [], root: URL(fileURLWithPath: "/nonexistent")),
                clock: { Self.later }, random: { 0.5 })
            try await body(dispatcher, store, state, variant)
        }
    }

    @Test func aLiveHolderKeepsItsExpiredJobUntilItsLockIsGone() async throws {
        try await withClaimedJob(holder: "node-a", worker: "node-b") { dispatcher, store, state, variant in
            let alive = try store.publishQueue.nodeLiveness.hold("node-a")
            #expect(try await dispatcher.runOnce().isEmpty)
            let kept = try #require(try store.publishQueue.job(forVariant: variant.id))
            #expect(kept.state == .running && kept.lockedBy == "node-a" && kept.rescues == 0)
            #expect(await state.storedPosts().isEmpty)
            // The spared lease expired hours ago by this node's clock: an idle node waits a full poll, it does not spin.
            #expect(try dispatcher.idleWait(poll: 5, roundBegan: dispatcher.now) == 5)

            alive.release()  // node-a dies: its lock goes with it
            let reports = try await dispatcher.runOnce()
            #expect(reports.count == 1)
            let done = try #require(try store.publishQueue.job(forVariant: variant.id))
            #expect(done.state == .completed && done.rescues == 1)
            #expect(await state.storedPosts().filter { $0.text == variant.text }.count == 1)
        }
    }

    @Test func aNodeRestartedUnderItsIDTakesItsPreviousLifesJobsBack() async throws {
        try await withClaimedJob(holder: "node-b", worker: "node-b") { dispatcher, store, state, variant in
            // The restarted node holds the lock of its id: the old claim is not in its in-flight set, so it is its own.
            let alive = try store.publishQueue.nodeLiveness.hold("node-b")
            let reports = try await dispatcher.runOnce()
            #expect(reports.count == 1)
            #expect(try store.publishQueue.job(forVariant: variant.id)?.state == .completed)
            #expect(await state.storedPosts().filter { $0.text == variant.text }.count == 1)
            alive.release()
        }
    }
}
