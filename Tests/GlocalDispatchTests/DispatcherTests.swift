import Foundation
import GlocalCore
import GlocalDispatch
import GlocalNetworks
import GlocalSandbox
import GlocalStore
import Testing

/// The dispatcher end to end: a real SQLite store, sealed credentials, and the sandbox over loopback
/// HTTP. Time is a value the test moves; nothing sleeps.
struct DispatcherTests {
    static let slot = Date(timeIntervalSince1970: 1_796_115_600)  // 2026-12-01 09:00:00 UTC

    /// One account per network the test uses, with the sandbox's token convention `<account key>~…`.
    static let accounts: [(id: String, network: Network, key: String, credentials: AccountCredentials)] = [
        ("lum-fr-mastodon", .mastodon, "42", AccountCredentials(accessToken: "42~secret-m", remoteUserID: "42")),
        ("lum-fr-x", .x, "xuser", AccountCredentials(accessToken: "xuser~secret-x", refreshToken: "xuser~refresh-x", remoteUserID: "xuser", clientID: "c")),
        ("lum-fr-bluesky", .bluesky, "did:plc:lumierefr",
         AccountCredentials(accessToken: "did:plc:lumierefr~secret-b", refreshToken: "did:plc:lumierefr~refresh-b", remoteUserID: "did:plc:lumierefr")),
    ]

    /// A clock the test moves.
    final class TestClock: @unchecked Sendable {
        private let lock = NSLock()
        private var value: Date
        init(_ start: Date) { value = start }
        var now: Date { lock.withLock { value } }
        func advance(_ seconds: TimeInterval) { lock.withLock { value = value.addingTimeInterval(seconds) } }
    }

    /// Approved variants (`count` per account) in a fresh store, credentials sealed, a sandbox running.
    func withDispatcher(
        perAccount count: Int = 1,
        _ body: @Sendable (Dispatcher, SQLiteVariantStore, SandboxState, TestClock, [StoredVariant]) async throws -> Void
    ) async throws {
        let store = try SQLiteVariantStore.inMemory()
        let variants = Self.accounts.flatMap { account in
            (0..<count).map { index in
                StoredVariant(
                    id: "hydra/post-\(index)/\(account.id)", campaignID: "hydra", postID: "post-\(index)", accountID: account.id,
                    network: account.network, locale: "fr-FR", kind: .informative,
                    text: "Hydra n°\(index) pour \(account.id) : découvrez-la 👋🏽", title: nil, link: nil, linkPlacement: .none,
                    media: [], contentHash: "hash-\(index)-\(account.id)", scheduledAt: Self.slot.addingTimeInterval(Double(index) * 600),
                    localTime: nil, timeZone: "Europe/Paris", live: false, state: .approved, explanation: [])
            }
        }
        let plan = Plan(changes: variants.map {
            PlanChange(action: .create, id: $0.id, desired: $0, stored: nil, contentChanged: true, timeChanged: true)
        })
        try store.apply(plan, actor: "test", now: Self.slot.addingTimeInterval(-86_400))
        let secrets = store.accountSecrets(key: try SecretKey(bytes: Data(repeating: 7, count: 32)))
        let credentials = StoredCredentials(secrets: secrets)
        for account in Self.accounts { try await credentials.store(account.credentials, for: account.id) }
        let clock = TestClock(Self.slot)
        let state = SandboxState(now: Self.slot)
        try await SandboxServer(state: state).withRunning { url in
            let environment = ClientEnvironment(
                transport: URLSessionTransport(timeout: 5), endpoints: .sandbox(baseURL: url), clock: { clock.now })
            var clients: [Network: any NetworkClient] = [:]
            for account in Self.accounts { clients[account.network] = NetworkClients.client(for: account.network, environment: environment) }
            let dispatcher = Dispatcher(
                configuration: DispatchConfiguration(worker: "test-worker", concurrency: 3, grace: 900),
                queue: store.publishQueue, clients: clients, credentials: credentials,
                posts: OutgoingPostFactory(accounts: [], root: URL(fileURLWithPath: "/nonexistent")),
                clock: { clock.now }, random: { 0.5 })
            try await body(dispatcher, store, state, clock, variants)
        }
    }

    @Test func dueVariantsGoOutOnceEachAndLaterOnesWait() async throws {
        try await withDispatcher(perAccount: 2) { dispatcher, store, sandbox, clock, variants in
            let first = try await dispatcher.runOnce()
            #expect(first.map(\.outcome) == ["published", "published", "published"])
            #expect(await sandbox.storedPosts().filter { $0.kind == "post" }.count == 3)
            #expect(try await dispatcher.runOnce().isEmpty)
            clock.advance(600)
            #expect(try await dispatcher.runOnce().count == 3)
            let posts = await sandbox.storedPosts().filter { $0.kind == "post" }
            #expect(posts.count == 6)
            for variant in variants {
                #expect(try store.variant(variant.id)?.state == .published)
                let receipt = try #require(try store.publishQueue.publication(of: variant.id))
                #expect(posts.contains { $0.id == receipt.remoteID || receipt.remoteID.hasSuffix($0.id) })
            }
        }
    }

    @Test func aConnectionDroppedAfterThePostWasStoredIsReconciledNotResent() async throws {
        try await withDispatcher { dispatcher, store, sandbox, clock, variants in
            for account in Self.accounts {
                await sandbox.inject(SandboxFault(network: account.network.rawValue, account: account.key, kind: .dropAfterStore))
            }
            let first = try await dispatcher.runOnce()
            #expect(first.map(\.outcome) == ["unknown", "unknown", "unknown"])
            for variant in variants { #expect(try store.variant(variant.id)?.state == .unknown) }
            clock.advance(120)
            let second = try await dispatcher.runOnce()
            #expect(second.map(\.outcome) == ["published", "published", "published"])
            // Exactly one post per variant on the network, whatever the retries.
            #expect(await sandbox.storedPosts().filter { $0.kind == "post" }.count == 3)
            for variant in variants { #expect(try store.variant(variant.id)?.state == .published) }
        }
    }

    @Test func aRateLimitWaitsExactlyForTheNetworksReset() async throws {
        try await withDispatcher { dispatcher, store, sandbox, clock, variants in
            await sandbox.inject(SandboxFault(network: "mastodon", account: "42", kind: .rateLimit, seconds: 300))
            let first = try await dispatcher.runOnce()
            #expect(first.filter { $0.outcome == "rate_limited" }.map(\.accountID) == ["lum-fr-mastodon"])
            let mastodon = try #require(variants.first { $0.network == .mastodon })
            let job = try #require(try store.publishQueue.job(forVariant: mastodon.id))
            #expect(job.runAt == Self.slot.addingTimeInterval(300) && job.attempt == 0)
            clock.advance(299)
            #expect(try await dispatcher.runOnce().isEmpty)
            clock.advance(1)
            #expect(try await dispatcher.runOnce().map(\.outcome) == ["published"])
            #expect(await sandbox.storedPosts(network: "mastodon").filter { $0.kind == "post" }.count == 1)
        }
    }

    @Test func anExpiredTokenIsRefreshedAndADeadOneHoldsTheAccount() async throws {
        try await withDispatcher { dispatcher, store, sandbox, clock, _ in
            // X has a refresh token: one expired answer, a refresh, then the post goes out.
            await sandbox.inject(SandboxFault(network: "x", account: "xuser", kind: .expiredToken))
            // Mastodon tokens cannot be refreshed: the account is held until someone reconnects it.
            await sandbox.inject(SandboxFault(network: "mastodon", account: "42", kind: .expiredToken))
            let first = try await dispatcher.runOnce()
            // The refreshed X job comes back due at once, so the same round sends it.
            #expect(first.filter { $0.accountID == "lum-fr-x" }.map(\.outcome) == ["retry", "published"])
            let last = Dictionary(first.map { ($0.accountID, $0.outcome) }, uniquingKeysWith: { $1 })
            #expect(last["lum-fr-mastodon"] == "held")
            #expect(try store.publishQueue.holds(account: "lum-fr-mastodon").needsReconnect != nil)
            clock.advance(60)
            #expect(try await dispatcher.runOnce().isEmpty)
            #expect(await sandbox.storedPosts(network: "x").filter { $0.kind == "post" }.count == 1)
            #expect(await sandbox.storedPosts(network: "mastodon").isEmpty)
        }
    }

    @Test func credentialsAreSealedAndARefreshNeverBlanksTheRefreshToken() async throws {
        let store = try SQLiteVariantStore.inMemory()
        let secrets = store.accountSecrets(key: try SecretKey(bytes: Data(repeating: 1, count: 32)))
        let credentials = StoredCredentials(secrets: secrets)
        try await credentials.store(AccountCredentials(accessToken: "old-access", refreshToken: "keep-me"), for: "a")
        try await credentials.store(AccountCredentials(accessToken: "new-access", refreshToken: ""), for: "a")
        let kept = try #require(try await credentials.credentials(for: "a"))
        #expect(kept.accessToken == "new-access" && kept.refreshToken == "keep-me")
        let sealed = try store.accountSecrets(key: try SecretKey(bytes: Data(repeating: 2, count: 32)))
        #expect(throws: AccountSecrets.Failure.cannotOpen(account: "a")) { try sealed.secret(account: "a") }
    }
}
