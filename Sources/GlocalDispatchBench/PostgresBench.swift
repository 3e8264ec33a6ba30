import Foundation
import GlocalCore
import GlocalPostgres
import GlocalStore

/// Issue #16's figures on PostgreSQL: the queue's claim + begin + finish with several nodes at once (each
/// node a connection of its own, in the dispatcher's steps), and applying a large plan into PostgreSQL
/// beside the same plan into a SQLite file, in the same run. The queue figure says where the CPU of its timed
/// part went: the nodes' (this process) and the server's (`CPUTime`), in microseconds per job.
enum PostgresBench {
    /// The server's WAL insert position, in bytes (the whole cluster's: other sessions' WAL counts too).
    static func walPosition(_ store: PostgresStore) throws -> Double {
        try store.pool.transaction { try $0.value("SELECT (pg_current_wal_lsn() - '0/0'::pg_lsn)::float8", as: Double.self) }
            ?? 0
    }

    /// The server's WAL insert position as PostgreSQL writes it (`0/1A2B3C4D`), for `pg_waldump -s … -e …`.
    static func walLSN(_ store: PostgresStore) throws -> String {
        try store.pool.transaction { try $0.value("SELECT pg_current_wal_lsn()::text", as: String.self) } ?? "?"
    }

    /// `jobs` jobs claimed, started and finished by `nodes` concurrent nodes in batches of `batch`.
    static func queue(url: String, jobs: Int, nodes: Int, batch: Int) throws -> [String: Double] {
        let location = try PostgresLocation(url: url).inSchema("bench_" + UUID().uuidString.prefix(8).lowercased())
        let store = try PostgresStore(location: location, poolSize: 1)
        let now = Date()
        // As many accounts as keep every one within X's cap of 100 posts per 15 minutes: every job goes out.
        let accounts = BenchStore.accounts(max(200, (jobs + 99) / 100))
        try store.apply(plan(jobs, accounts: accounts, slot: now), actor: "bench", now: now.addingTimeInterval(-86_400))
        _ = try store.publishQueue.sync(now: now, grace: 900, policy: .standard)
        let queues = try (0..<nodes).map { node in
            SlowCallQueue.wrapping(try PostgresStore(location: location, poolSize: 1).publishQueue, node: "node-\(node)")
        }
        let done = Counter()
        let failures = Counter()
        if ProcessInfo.processInfo.environment["GLOCAL_BENCH_CHECKPOINT_BEFORE_TIMED"] == "1" {
            // As on a server whose checkpoint has just begun: each page touched first from now on is logged whole.
            _ = try store.pool.transaction { try $0.execute("CHECKPOINT") }
        }
        let (clientBefore, serverBefore) = (CPUTime.process(), CPUTime.server())
        let (walBefore, lsnBefore) = (try walPosition(store), try walLSN(store))
        let start = DispatchTime.now().uptimeNanoseconds
        DispatchQueue.concurrentPerform(iterations: nodes) { node in
            let queue = queues[node]
            var outcomes: [(job: PublishJob, resolution: JobResolution)] = []
            do {
                while true {
                    let step = try queue.settleAndClaim(
                        outcomes, rateLimits: [:], worker: "node-\(node)", now: now, policy: .standard, lease: 120,
                        limit: batch, caps: PublishingCap.caps(for:))
                    done.add(step.held.filter { $0 }.count)
                    guard !step.started.isEmpty else { break }
                    outcomes = try step.started.map { item in
                        guard case .send = item.start else {
                            throw BenchFailure("job \(item.job.id) not sendable: \(item.start)")
                        }
                        return (item.job, JobResolution.published(PublishReceipt(remoteID: "remote-\(item.job.id)")))
                    }
                }
            } catch {
                FileHandle.standardError.write(Data("node \(node): \(error)\n".utf8))
                failures.add(1)
            }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let (clientAfter, serverAfter) = (CPUTime.process(), CPUTime.server())
        let walBytes = try walPosition(store) - walBefore
        FileHandle.standardError.write(Data("postgres-queue: timed part's WAL from \(lsnBefore) to \(try walLSN(store))\n".utf8))
        guard done.value == jobs, failures.value == 0 else { fatalError("finished \(done.value) of \(jobs) jobs") }
        var result = [
            "jobs": Double(jobs), "nodes": Double(nodes), "batch": Double(batch), "seconds": seconds,
            "jobs_per_second": Double(jobs) / seconds,
            "client_cpu_us_per_job": (clientAfter - clientBefore) * 1e6 / Double(jobs),
            "wal_bytes_per_job": walBytes / Double(jobs),
        ]
        if let serverBefore, let serverAfter {
            result["server_cpu_us_per_job"] = (serverAfter - serverBefore) * 1e6 / Double(jobs)
        }
        return result
    }

    private static func plan(_ count: Int, accounts: [BenchStore.Account], slot: Date) -> Plan {
        BenchStore.plan(count, accounts: accounts) { _ in slot }
    }

    /// A benchmark that went wrong.
    struct BenchFailure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// A count shared by the nodes' threads.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        var value: Int { lock.withLock { count } }
        func add(_ amount: Int) { lock.withLock { count += amount } }
    }
}
