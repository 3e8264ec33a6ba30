import Foundation
import GRDB
import GlocalCore

extension PublishQueue {
    /// A claimed job and how its attempt starts.
    public struct StartedJob: Sendable {
        /// The job, leased to the worker that claimed it.
        public var job: PublishJob
        /// What the worker must do with it.
        public var start: AttemptStart
    }

    /// Claims up to `limit` due jobs for `worker` (as ``claim(worker:now:lease:limit:)``) and starts
    /// their attempts (as `begin`) in one IMMEDIATE
    /// transaction: one sync to disk for the batch, and every `.send` variant is `publishing` on disk
    /// before any of them leaves.
    public func claimAndBegin(
        worker: String, now: Date, lease: TimeInterval, limit: Int,
        caps: (Network) -> DailyPublishingCap? = DailyPublishingCap.forNetwork
    ) throws -> [StartedJob] {
        try immediate { db in
            try claim(db, worker: worker, now: now, lease: lease, limit: limit).map { job in
                StartedJob(job: job, start: try begin(db, job: job, worker: worker, now: now, caps: caps))
            }
        }
    }
}
