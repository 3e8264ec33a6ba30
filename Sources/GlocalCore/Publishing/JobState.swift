/// A publish job's place in the queue (docs/architecture.md, after River and Oban). The variant's own
/// `VariantState` says what happened to the post; this says what the queue does next.
public enum JobState: String, Sendable, CaseIterable, Codable {
    /// Waiting for its `runAt`.
    case scheduled
    /// Due; not yet claimed (kept for queues that promote scheduled jobs; `claim` takes both).
    case available
    /// Claimed by a worker holding a lease.
    case running
    /// Failed or came back unsure; will run again at `runAt` (reconciling first when unsure).
    case retryable
    /// Done: the post is out.
    case completed
    /// Given up (dead letter): the reason is kept.
    case discarded
    /// Withdrawn before it ran (its variant left `scheduled`, or its slot was missed).
    case cancelled

    /// Whether the job may still run.
    public var isActive: Bool { [.scheduled, .available, .running, .retryable].contains(self) }
}
