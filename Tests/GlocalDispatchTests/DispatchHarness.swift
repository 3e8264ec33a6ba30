import Foundation
import GlocalCore
import GlocalDispatch
import GlocalNetworks
import GlocalSandbox
import GlocalStore

/// A store of approved variants with sealed credentials, a sandbox on a free loopback port, and a
/// dispatcher on a simulated clock, for the dispatcher's end-to-end tests.
enum DispatchHarness {
    static let slot = Date(timeIntervalSince1970: 1_796_115_600)  // 2026-12-01 09:00:00 UTC

    /// One account per network the test uses, with the sandbox's token convention `<account key>~…`.
    static let accounts: [(id: String, network: Network, key: String, credentials: AccountCredentials)] = [
        ("lum-fr-mastodon", .mastodon, "42", AccountCredentials(accessToken: "42~secret-m", remoteUserID: "42")),
        (
            "lum-fr-x", .x, "2244994945",
            AccountCredentials(
                accessToken: "2244994945~secret-x", refreshToken: "2244994945~refresh-x", remoteUserID: "2244994945",
                clientID: "c")
        ),
        (
            "lum-fr-bluesky", .bluesky, "did:plc:lumierefr",
            AccountCredentials(
                accessToken: "did:plc:lumierefr~secret-b", refreshToken: "did:plc:lumierefr~refresh-b",
                remoteUserID: "did:plc:lumierefr")
        ),
    ]

    /// Approved variants (`count` per account, `spacing` seconds apart, their link posted as a reply when `replyLink`
    /// is given) in a fresh store, credentials sealed, a sandbox running.
    static func run(
        perAccount count: Int = 1, spacing: TimeInterval = 600, concurrency: Int = 3, replyLink: String? = nil,
        transport wrap: @Sendable (any HTTPTransport) -> any HTTPTransport = { $0 },
        onAttempt: @escaping @Sendable (PublishAttempt) -> Void = { _ in },
        _ body: @Sendable (Dispatcher, SQLiteVariantStore, SandboxState, SimulatedClock, [StoredVariant]) async throws -> Void
    ) async throws {
        try await runWithCollector(
            perAccount: count, spacing: spacing, concurrency: concurrency, replyLink: replyLink, transport: wrap,
            onAttempt: onAttempt
        ) { dispatcher, store, sandbox, clock, variants, _ in try await body(dispatcher, store, sandbox, clock, variants) }
    }

    /// As ``run(perAccount:spacing:concurrency:replyLink:transport:onAttempt:_:)``, with a metrics collector on the same
    /// clients, credentials and clock.
    static func runWithCollector(
        perAccount count: Int = 1, spacing: TimeInterval = 600, concurrency: Int = 3, replyLink: String? = nil,
        transport wrap: @Sendable (any HTTPTransport) -> any HTTPTransport = { $0 },
        onAttempt: @escaping @Sendable (PublishAttempt) -> Void = { _ in },
        _ body:
            @Sendable (Dispatcher, SQLiteVariantStore, SandboxState, SimulatedClock, [StoredVariant], MetricsCollector)
            async throws -> Void
    ) async throws {
        let store = try SQLiteVariantStore.inMemory()
        let variants = Self.accounts.flatMap { account in
            (0..<count).map { index in
                StoredVariant(
                    id: "hydra/post-\(index)/\(account.id)", campaignID: "hydra", postID: "post-\(index)", accountID: account.id,
                    network: account.network, locale: "fr-FR", kind: .informative,
                    text: "Hydra n°\(index) pour \(account.id) : découvrez-la 👋🏽", title: nil, link: replyLink,
                    linkPlacement: replyLink == nil ? .none : .reply,
                    media: [], contentHash: "hash-\(index)-\(account.id)",
                    scheduledAt: Self.slot.addingTimeInterval(Double(index) * spacing),
                    localTime: nil, timeZone: "Europe/Paris", live: false, state: .approved, explanation: [])
            }
        }
        let plan = Plan(
            changes: variants.map {
                PlanChange(action: .create, id: $0.id, desired: $0, stored: nil, contentChanged: true, timeChanged: true)
            })
        try store.apply(plan, actor: "test", now: Self.slot.addingTimeInterval(-86_400))
        let secrets = store.accountSecrets(key: try SecretKey(bytes: Data(repeating: 7, count: 32)))
        let credentials = StoredCredentials(secrets: secrets)
        for account in Self.accounts { try await credentials.store(account.credentials, for: account.id) }
        let clock = SimulatedClock(Self.slot)
        let state = SandboxState(now: Self.slot)
        try await SandboxServer(state: state).withRunning { url in
            let environment = ClientEnvironment(
                transport: wrap(URLSessionTransport(timeout: 60)), endpoints: .sandbox(baseURL: url), clock: { clock.now })
            var clients: [Network: any NetworkClient] = [:]
            for account in Self.accounts {
                clients[account.network] = NetworkClients.client(for: account.network, environment: environment)
            }
            let dispatcher = Dispatcher(
                configuration: DispatchConfiguration(worker: "test-worker", concurrency: concurrency, grace: 900),
                queue: store.publishQueue, clients: clients, credentials: credentials,
                posts: OutgoingPostFactory(accounts: [], root: URL(fileURLWithPath: "/nonexistent")),
                clock: { clock.now }, random: { 0.5 }, onAttempt: onAttempt)
            let collector = MetricsCollector(
                metrics: store.metrics, publications: store.publishQueue, clients: clients, credentials: credentials,
                clock: { clock.now })
            try await body(dispatcher, store, state, clock, variants, collector)
        }
    }

}
