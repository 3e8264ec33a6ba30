import Foundation
import GlocalCore
import GlocalDispatch
import GlocalNetworks
import GlocalSandbox
import GlocalStore

/// (c) Posts due at spread instants over a window, a dispatcher running on the real clock: how late
/// each went out (from its slot to the network's answer).
enum LatenessBench {
    static func run(posts: Int, window: TimeInterval, concurrency: Int) async throws -> [String: Double] {
        let (store, directory) = try BenchStore.newStore(named: "lateness.sqlite")
        defer { try? FileManager.default.removeItem(at: directory) }
        let accounts = BenchStore.accounts(max(3, posts / 50))
        let start = Date().addingTimeInterval(5)
        _ = try BenchStore.approve(posts, accounts: accounts, in: store) { index in
            start.addingTimeInterval(window * Double(index) / Double(posts))
        }
        let credentials = try await BenchStore.connect(accounts, in: store)
        let collected = LatenessLog()
        try await SandboxServer(state: SandboxState()).withRunning { url in
            let dispatcher = BenchStore.dispatcher(
                store: store, credentials: credentials, url: url, transport: URLSessionTransport(timeout: 30),
                concurrency: concurrency)
            try await dispatcher.run(pollInterval: .seconds(1), shouldStop: { collected.count >= posts }) { reports in
                collected.add(reports.compactMap(\.lateness))
            }
        }
        let sorted = collected.values.sorted()
        func percentile(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)] }
        return [
            "posts": Double(sorted.count), "window_seconds": window, "p50_seconds": percentile(0.50),
            "p99_seconds": percentile(0.99), "max_seconds": sorted.last ?? 0,
        ]
    }
}

/// Latenesses gathered from the dispatcher's rounds.
final class LatenessLog: @unchecked Sendable {
    private let lock = NSLock()
    private var all: [TimeInterval] = []

    var count: Int { lock.withLock { all.count } }
    var values: [TimeInterval] { lock.withLock { all } }
    func add(_ values: [TimeInterval]) { lock.withLock { all += values } }
}
