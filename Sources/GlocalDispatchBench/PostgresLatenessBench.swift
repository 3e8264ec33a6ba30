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
/// (from its slot to the network's answer), how late each was begun (the instant its claiming step began, from the
/// audit log), by node, and how long the network calls took (`call_…`).
///
/// The posts are approved and queued before the first falls due, as a team approves them ahead of their slots:
/// the window opens a few seconds after the setup (apply and the first sync), so the figure is the dispatch's.
enum PostgresLatenessBench {
    static func run(url: String, posts: Int, window: TimeInterval, nodes: Int, concurrency: Int) async throws -> [String: Double]
    {
        let location = try PostgresLocation(url: url).inSchema("lateness_" + UUID().uuidString.prefix(8).lowercased())
        let setupStarted = Date()
        let setup = try PostgresStore(location: location, poolSize: 1)
        let accounts = BenchStore.accounts(max(3, posts / 50))
        // Room for the apply and the first sync (about a millisecond per post on this machine), then a lead.
        let start = Date().addingTimeInterval(5 + Double(posts) / 1_000)
        let plan = BenchStore.plan(posts, accounts: accounts) { start.addingTimeInterval(window * Double($0) / Double(posts)) }
        try setup.apply(plan, actor: "bench", now: Date().addingTimeInterval(-86_400))
        _ = try setup.publishQueue.sync(now: Date(), grace: 900, policy: .standard)
        let setupSeconds = Date().timeIntervalSince(setupStarted)
        guard start.timeIntervalSinceNow > 1 else {
            throw PostgresBench.BenchFailure(
                "the setup took \(setupSeconds) s: the first posts fell due before the nodes started")
        }
        FileHandle.standardError.write(Data("lateness bench: schema \(location.schema ?? "")\n".utf8))
        let credentials = FixedCredentials(accounts)
        let collected = LatenessLog()
        let calls = LatenessLog()
        let stores = try (0..<nodes).map { try PostgresStore(location: location, nodeID: "bench-node-\($0)") }
        try await SandboxServer(state: SandboxState()).withRunning { url in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (node, store) in stores.enumerated() {
                    let dispatcher = BenchStore.dispatcher(
                        queue: SlowCallQueue.wrapping(store.publishQueue, node: "bench-node-\(node)"),
                        worker: "bench-node-\(node)", credentials: credentials, url: url,
                        transport: URLSessionTransport(timeout: 30), concurrency: concurrency,
                        onAttempt: { calls.add([$0.seconds]) })
                    group.addTask {
                        try await dispatcher.run(pollInterval: .seconds(1), shouldStop: { collected.count >= posts }) { reports in
                            collected.add(reports.compactMap(\.lateness))
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        let sent = Percentiles(collected.values)
        let begun = try beginnings(setup)
        var result: [String: Double] = [
            "posts": Double(sent.count), "window_seconds": window, "nodes": Double(nodes), "concurrency": Double(concurrency),
            "setup_seconds": setupSeconds, "p50_seconds": sent.at(0.50), "p99_seconds": sent.at(0.99),
            "max_seconds": sent.maximum,
        ]
        let call = Percentiles(calls.values)
        result["call_p50_seconds"] = call.at(0.50)
        result["call_p99_seconds"] = call.at(0.99)
        result["call_max_seconds"] = call.maximum
        let all = Percentiles(begun.map(\.lateness))
        result["begun_p50_seconds"] = all.at(0.50)
        result["begun_p99_seconds"] = all.at(0.99)
        result["begun_max_seconds"] = all.maximum
        for (node, items) in Dictionary(grouping: begun, by: \.node) {
            result["begun_\(node)_posts"] = Double(items.count)
            result["begun_\(node)_max_seconds"] = Percentiles(items.map(\.lateness)).maximum
        }
        let latest = begun.sorted { $0.lateness > $1.lateness }.prefix(5)
        for item in latest {
            let line = "lateness bench: begun \(item.lateness) s after its slot \(item.slot) by \(item.node): \(item.variant)\n"
            FileHandle.standardError.write(Data(line.utf8))
        }
        return result
    }

    /// When each post was begun (its move to `publishing` in the audit log, at the node's clock), how long after its
    /// slot, and by which node.
    private static func beginnings(
        _ store: PostgresStore
    ) throws -> [(variant: String, slot: Date, lateness: Double, node: String)] {
        try store.pool.transaction { transaction in
            try transaction.rows(
                """
                SELECT e.variant_id, v.scheduled_at, extract(epoch FROM e.at - v.scheduled_at)::float8, e.node_id
                FROM audit_event AS e JOIN variant AS v ON v.id = e.variant_id
                WHERE e.action = 'set_state' AND e.to_state = 'publishing'
                """
            ).map { row in
                (
                    try row[0].decode(String.self), try row[1].decode(Date.self), try row[2].decode(Double.self),
                    try row[3].decode(String?.self) ?? "?"
                )
            }
        }
    }
}

/// The percentiles of a set of durations.
struct Percentiles {
    let sorted: [Double]

    init(_ values: [Double]) { sorted = values.sorted() }

    var count: Int { sorted.count }
    var maximum: Double { sorted.last ?? 0 }

    /// The `p`-th percentile (`p` in 0…1); 0 when there is none.
    func at(_ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[max(0, min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1))]
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
