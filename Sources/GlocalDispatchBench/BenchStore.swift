import Foundation
import GlocalCore
import GlocalDispatch
import GlocalNetworks
import GlocalStore

/// Stores and accounts the dispatch benchmarks run on: real SQLite files in a temporary directory.
enum BenchStore {
    /// One account on the sandbox, named as the sandbox names it (docs/networks.md).
    struct Account {
        var id: String
        var network: Network
        var credentials: AccountCredentials
    }

    /// `count` accounts spread over X, Bluesky and Mastodon, whose sandbox rate windows each take
    /// at least 50 posts (X: 100 per 15 minutes).
    static func accounts(_ count: Int) -> [Account] {
        let networks: [Network] = [.mastodon, .bluesky, .x]
        return (0..<count).map { index in
            let network = networks[index % networks.count]
            let key = network == .bluesky ? "did:plc:bench\(index)" : "bench\(index)"
            return Account(
                id: "bench-\(network.rawValue)-\(index)", network: network,
                credentials: AccountCredentials(accessToken: "\(key)~token", remoteUserID: key))
        }
    }

    /// A new store file under a fresh temporary directory.
    static func newStore(named name: String) throws -> (SQLiteVariantStore, URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "glocal-dispatch-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(name).path
        return (try SQLiteVariantStore(path: path), directory)
    }

    /// Approved variants, round-robin over `accounts`, the `index`-th due at `slot(index)`.
    static func approve(
        _ count: Int, accounts: [Account], in store: SQLiteVariantStore, slot: (Int) -> Date
    ) throws -> [StoredVariant] {
        let plan = plan(count, accounts: accounts, slot: slot)
        try store.apply(plan, actor: "bench", now: Date().addingTimeInterval(-86_400))
        return plan.changes.compactMap(\.desired)
    }

    /// A plan creating `count` approved variants, round-robin over `accounts`, the `index`-th due at `slot(index)`.
    static func plan(_ count: Int, accounts: [Account], slot: (Int) -> Date) -> Plan {
        Plan(
            changes: (0..<count).map { index in
                let account = accounts[index % accounts.count]
                let variant = StoredVariant(
                    id: "bench/post-\(index)/\(account.id)", campaignID: "bench", postID: "post-\(index)",
                    accountID: account.id, network: account.network, locale: "en", kind: .informative,
                    text: "Benchmark post n°\(index) for \(account.id): a short text with a link https://example.com/\(index)",
                    title: nil, link: nil, linkPlacement: .none, media: [], contentHash: "hash-\(index)",
                    scheduledAt: slot(index), localTime: nil, timeZone: "UTC", live: false, state: .approved, explanation: [])
                return PlanChange(
                    action: .create, id: variant.id, desired: variant, stored: nil, contentChanged: true, timeChanged: true)
            })
    }

    /// Seals every account's credentials in `store`.
    static func connect(_ accounts: [Account], in store: SQLiteVariantStore) async throws -> StoredCredentials {
        let credentials = StoredCredentials(
            secrets: store.accountSecrets(key: try SecretKey(bytes: Data(repeating: 9, count: 32))))
        for account in accounts { try await credentials.store(account.credentials, for: account.id) }
        return credentials
    }

    /// A dispatcher on `store` sending through `transport` to the sandbox at `url`.
    static func dispatcher(
        store: SQLiteVariantStore, credentials: StoredCredentials, url: URL, transport: any HTTPTransport, concurrency: Int
    ) -> Dispatcher {
        dispatcher(
            queue: store.publishQueue, worker: "bench", credentials: credentials, url: url, transport: transport,
            concurrency: concurrency)
    }

    /// A dispatcher, worker `worker`, on `queue` sending through `transport` to the sandbox at `url`; `onAttempt` is
    /// told of every attempt that reached the network.
    static func dispatcher(
        queue: any PublishJobQueue, worker: String, credentials: any CredentialSource, url: URL, transport: any HTTPTransport,
        concurrency: Int, onAttempt: @escaping @Sendable (PublishAttempt) -> Void = { _ in }
    ) -> Dispatcher {
        let environment = ClientEnvironment(transport: transport, endpoints: .sandbox(baseURL: url))
        var clients: [Network: any NetworkClient] = [:]
        for network in Network.allCases { clients[network] = NetworkClients.client(for: network, environment: environment) }
        return Dispatcher(
            configuration: DispatchConfiguration(worker: worker, concurrency: concurrency, grace: 900),
            queue: queue, clients: clients, credentials: credentials,
            posts: OutgoingPostFactory(accounts: [], root: URL(fileURLWithPath: "/nonexistent")), onAttempt: onAttempt)
    }
}
