import Foundation

/// A claimed job and how its attempt starts.
public struct StartedJob: Sendable {
    /// The job, leased to the worker that claimed it.
    public var job: PublishJob
    /// What the worker must do with it.
    public var start: AttemptStart

    /// A started job.
    public init(job: PublishJob, start: AttemptStart) {
        self.job = job
        self.start = start
    }
}

/// What one `settleAndClaim` of the publish queue did.
public struct QueueStep: Sendable {
    /// Per outcome given, whether `worker` still held its job (if not, nothing of it was written).
    public var held: [Bool]
    /// The jobs claimed and started.
    public var started: [StartedJob]

    /// A step.
    public init(held: [Bool], started: [StartedJob]) {
        self.held = held
        self.started = started
    }
}
