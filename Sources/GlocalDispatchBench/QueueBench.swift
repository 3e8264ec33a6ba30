import Foundation
import GlocalCore
import GlocalStore

/// (a) The queue alone on a file store: claim, start and finish in batches, in the dispatcher's
/// steps (`settleAndClaim`), with no network in between.
enum QueueBench {
    static func run(jobs: Int, batch: Int) throws -> [String: Double] {
        let (store, directory) = try BenchStore.newStore(named: "queue.sqlite")
        defer { try? FileManager.default.removeItem(at: directory) }
        let now = Date()
        _ = try BenchStore.approve(
            jobs, accounts: BenchStore.accounts(max(200, (jobs + 99) / 100)), in: store, slot: { _ in now })
        let queue = store.publishQueue
        try queue.sync(now: now, grace: 900)
        let start = DispatchTime.now().uptimeNanoseconds
        var done = 0
        // As the dispatcher does it: each step writes the outcomes of the previous batch and claims
        // and starts the next one, in one transaction.
        var outcomes: [(job: PublishJob, resolution: JobResolution)] = []
        while true {
            let step = try queue.settleAndClaim(outcomes, worker: "bench", now: now, lease: 120, limit: batch)
            done += step.held.filter { $0 }.count
            guard !step.started.isEmpty else { break }
            outcomes = step.started.map { item in
                guard case .send = item.start else { fatalError("job \(item.job.id) not sendable") }
                return (item.job, JobResolution.published(PublishReceipt(remoteID: "remote-\(item.job.id)")))
            }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        guard done == jobs else { fatalError("finished \(done) of \(jobs) jobs") }
        return ["jobs": Double(jobs), "seconds": seconds, "jobs_per_second": Double(jobs) / seconds]
    }
}
