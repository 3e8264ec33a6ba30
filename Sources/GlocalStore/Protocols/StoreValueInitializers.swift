import Foundation
import GlocalCore

// Public factories of the values the store protocols return, so that an implementation in another
// module (GlocalPostgres) can build them (their synthesized initializers are internal and cannot be
// redeclared public in an extension).

extension PublishQueue.SyncReport {
    /// A report of what one `sync` changed.
    public static func value(enqueued: Int, withdrawn: Int, moved: Int, missed: Int) -> Self {
        Self(enqueued: enqueued, withdrawn: withdrawn, moved: moved, missed: missed)
    }
}

extension PublishQueue.StartedJob {
    /// A claimed job and how its attempt starts.
    public static func value(job: PublishJob, start: AttemptStart) -> Self {
        Self(job: job, start: start)
    }
}

extension PublishQueue.Step {
    /// What one dispatcher step wrote and claimed.
    public static func value(held: [Bool], started: [PublishQueue.StartedJob]) -> Self {
        Self(held: held, started: started)
    }
}

extension PublishQueue.AccountHolds {
    /// The holds on one account.
    public static func value(paused: Bool, needsReconnect: String?, rateLimitedUntil: Date?) -> Self {
        Self(paused: paused, needsReconnect: needsReconnect, rateLimitedUntil: rateLimitedUntil)
    }
}

extension AccountSecrets.Connection {
    /// What one `connect` did.
    public static func value(isReconnect: Bool, clearedHold: String?) -> Self {
        Self(isReconnect: isReconnect, clearedHold: clearedHold)
    }
}

extension MetricsJob {
    /// One engagement reading to take.
    public static func value(
        id: Int64, variantID: String, accountID: String, network: Network, checkpoint: Int, dueAt: Date, runAt: Date,
        attempts: Int, state: String
    ) -> Self {
        Self(
            id: id, variantID: variantID, accountID: accountID, network: network, checkpoint: checkpoint, dueAt: dueAt,
            runAt: runAt, attempts: attempts, state: state)
    }
}
