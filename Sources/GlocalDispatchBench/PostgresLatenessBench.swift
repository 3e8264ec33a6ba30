import Foundation
import GlocalCore
import GlocalDispatch
import GlocalNetworks
import GlocalPostgres
import GlocalSandbox
import GlocalStore

/// Issue #16's lateness on PostgreSQL: posts due at spread instants over a window, sent by `nodes`
/// dispatcher nodes in this process (each with its own store and connection pool, and a worker id of its
/// own) sharing one queue, through loopback HTTP to the sandbox, on the real clock: how late each went out
/// (from its slot to the network's answer).
enum PostgresLatenessBench {
    static func run(url: String, posts: Int, window: TimeInterval, nodes: Int, concurrency: Int) async throws -> [String: Double]
    {
        let location = try PostgresLocation(url: url).inSchema("lateness_" + UUID().uuidString.prefix(8).lowercased())
        let setup = try PostgresStore(location: location, poolSize: 1)
        let accounts = BenchStore.accounts(max(3, posts / 50))
        let start = Date().addingTimeInterval(5)
        let plan = BenchStore.plan(posts, accounts: accounts) { start.addingTimeInterval(window * Double($0) / Double(posts)) }
        try setup.apply(plan, actor: "bench", now: Date().addingTimeInterval(-86_400))
        let credentials = FixedCredentials(accounts)
        let collected = LatenessLog()
        let stores = try (0..<nodes).map { try PostgresStore(location: location, nodeID: "bench-node-\($0)") }
        try await SandboxServer(state: SandboxState()).withRunning { url in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (node, store) in stores.enumerated() {
                    let dispatcher = BenchStore.dispatcher(
                        queue: store.publishQueue, worker: "bench-node-\(node)", credentials: credentials, url: url,
                        transport: URLSessionTransport(timeout: 30), concurrency: concurrency)
                    group.addTask {
                        try await dispatcher.run(pollInterval: .seconds(1), shouldStop: { collected.count >= posts }) { reports in
                            collected.add(reports.compactMap(\.lateness))
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        let sorted = collected.values.sorted()
        func percentile(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)] }
        return [
            "posts": Double(sorted.count), "window_seconds": window, "nodes": Double(nodes), "concurrency": Double(concurrency),
            "p50_seconds": percentile(0.50), "p99_seconds": percentile(0.99), "max_seconds": sorted.last ?? 0,
        ]
    }
}

/// The sandbox credentials of the bench's accounts, kept in memory (the nodes share them).
struct FixedCredentials: CredentialSource {
    let byAccount: [String: AccountCredentials]

    init(_ accounts: [BenchStore.Account]) {
        byAccount = Dictionary(uniqueKeysWithValues: accounts.map { ($0.id, $0.credentials) })
    }

    func credentials(for accountID: String) async throws -> AccountCredentials? { byAccount[accountID] }

    func store(_ credentials: AccountCredentials, for accountID: String) async throws {}

    /// The bench's tokens never expire: nothing to serialise, the body sees the fixed credentials.
    func whileRefreshing<T>(_ accountID: String, _ body: (AccountCredentials?) async throws -> T) async throws -> T {
        try await body(byAccount[accountID])
    }
}
