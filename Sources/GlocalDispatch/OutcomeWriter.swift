import Foundation
import GlocalCore
import GlocalStore

/// Writes the outcomes of a round's attempts as they come in, many per transaction.
///
/// A commit costs a sync to disk whatever it holds, so outcomes are not written one by one: while
/// one transaction is on its way to disk the next outcomes wait, and then go together (a group
/// commit). Until its outcome is written a job stays leased (the heartbeat renews it) and its
/// variant stays `publishing`: a crash in between leaves it to be looked up, never resent.
actor OutcomeWriter {
    private let lane: StoreLane
    private let queue: PublishQueue
    private let worker: String
    private let policy: RetryPolicy
    private let clock: @Sendable () -> Date
    private let leases: HeldLeases
    private var waiting: [(job: PublishJob, resolution: JobResolution, report: JobReport)] = []
    private var writing: Task<Void, Never>?
    private var failure: (any Error)?

    /// The reports of the jobs handed in, in the order their outcomes were written.
    private(set) var reports: [JobReport] = []
    /// How many outcomes have been committed.
    private(set) var written = 0

    init(
        lane: StoreLane, queue: PublishQueue, worker: String, policy: RetryPolicy, clock: @escaping @Sendable () -> Date,
        leases: HeldLeases
    ) {
        self.lane = lane
        self.queue = queue
        self.worker = worker
        self.policy = policy
        self.clock = clock
        self.leases = leases
    }

    /// Takes the report of a finished attempt. Only attempts that ran have an outcome to write; a
    /// skipped or deferred job was already put back when it started, and a lost lease writes nothing.
    func submit(_ job: PublishJob, start: PublishQueue.AttemptStart, report: JobReport) {
        let ran: Bool
        switch start {
        case .send, .reconcile: ran = true
        case .leaseLost, .skip, .deferred: ran = false
        }
        guard ran, let resolution = report.resolution else {
            reports.append(report)
            leases.remove([job.id])
            return
        }
        waiting.append((job, resolution, report))
        if writing == nil { writing = Task { await self.writeWaiting() } }
    }

    /// Waits until every outcome handed in is written; returns how many were written in all, or
    /// rethrows the store's failure.
    func drain() async throws -> Int {
        while let task = writing { await task.value }
        if let failure { throw failure }
        return written
    }

    private func writeWaiting() async {
        while !waiting.isEmpty && failure == nil {
            let batch = waiting
            waiting = []
            let outcomes = batch.map { (job: $0.job, resolution: $0.resolution) }
            var rateLimits: [String: Date] = [:]
            for outcome in outcomes {
                if case .retry(let at, OutcomeResolver.rateLimited, _) = outcome.resolution {
                    rateLimits[outcome.job.accountID] = max(rateLimits[outcome.job.accountID] ?? at, at)
                }
            }
            let (queue, worker, policy, clock, limits) = (self.queue, self.worker, self.policy, self.clock, rateLimits)
            do {
                let held = try await lane.run {
                    try queue.finish(outcomes, worker: worker, now: clock(), policy: policy, rateLimits: limits)
                }
                for (entry, stillHeld) in zip(batch, held) {
                    var report = entry.report
                    if !stillHeld { report.note = "lease lost" }
                    reports.append(report)
                }
                written += batch.count
            } catch {
                // Nothing of the batch was written: its variants stay `publishing`, their leases run
                // out and the rescuer hands them back to be looked up.
                failure = error
                reports += batch.map(\.report)
            }
            leases.remove(batch.map(\.job.id))
        }
        writing = nil
    }
}
