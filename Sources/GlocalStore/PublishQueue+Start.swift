import Foundation
import GRDB
import GlocalCore

extension PublishQueue {
    /// A claimed job and how its attempt starts (a core value).
    public typealias StartedJob = GlocalCore.StartedJob
    /// What one `settleAndClaim` did (a core value).
    public typealias Step = QueueStep

    /// The dispatcher's one write per step, in one IMMEDIATE transaction (one sync to disk):
    /// writes the `outcomes` of finished attempts (as the batch `finish`), holds the `rateLimits`
    /// accounts until the instant given, then claims up to `limit` due jobs (as `claim`) and starts
    /// their attempts (as `begin`): every `.send` variant is `publishing` on disk before any leaves.
    public func settleAndClaim(
        _ outcomes: [(job: PublishJob, resolution: JobResolution)], rateLimits: [String: Date] = [:], worker: String,
        now: Date, policy: RetryPolicy = .standard, lease: TimeInterval, limit: Int,
        caps: (Network) -> [PublishingCap] = PublishingCap.caps(for:)
    ) throws -> Step {
        try immediate { db in
            for (account, until) in rateLimits.sorted(by: { $0.key < $1.key }) {
                try setRateLimited(db, until: until, account: account, now: now)
            }
            let held = try outcomes.map {
                try finish(db, job: $0.job, worker: worker, resolution: $0.resolution, now: now, policy: policy)
            }
            guard limit > 0 else { return Step(held: held, started: []) }
            let started = try claim(db, worker: worker, now: now, lease: lease, limit: limit).map { job in
                StartedJob(job: job, start: try begin(db, job: job, worker: worker, now: now, caps: caps))
            }
            return Step(held: held, started: started)
        }
    }
}
