import Foundation
import GlocalCore
import GlocalStore

/// (a) The queue alone on a file store: claim in batches, begin and finish each batch, as the
/// dispatcher does, with no network in between.
enum QueueBench {
    static func run(jobs: Int, batch: Int) throws -> [String: Double] {
        let (store, directory) = try BenchStore.newStore(named: "queue.sqlite")
        defer { try? FileManager.default.removeItem(at: directory) }
        let now = Date()
        _ = try BenchStore.approve(jobs, accounts: BenchStore.accounts(200), in: store, slot: { _ in now })
        let queue = store.publishQueue
        try queue.sync(now: now, grace: 900)
        let start = DispatchTime.now().uptimeNanoseconds
        var done = 0
        // As the dispatcher does it: a claimed batch is started in one transaction and finished in one.
        while case let claimed = try queue.claim(worker: "bench", now: now, lease: 120, limit: batch), !claimed.isEmpty {
            let starts = try queue.begin(claimed, worker: "bench", now: now)
            for (job, start) in zip(claimed, starts) {
                guard case .send = start else { fatalError("job \(job.id) not sendable") }
            }
            let held = try queue.finish(
                claimed.map { ($0, JobResolution.published(PublicationReceipt(remoteID: "remote-\($0.id)"))) }, worker: "bench",
                now: now)
            done += held.filter { $0 }.count
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        guard done == jobs else { fatalError("finished \(done) of \(jobs) jobs") }
        return ["jobs": Double(jobs), "seconds": seconds, "jobs_per_second": Double(jobs) / seconds]
    }
}
