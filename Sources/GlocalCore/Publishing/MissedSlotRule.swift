import Foundation

/// Whether a job that waits behind a hold on its account has missed its chance (docs/operations.md, Dispatching):
/// a post goes out at most `grace` after its slot (a first attempt) or after its retry time (a retry), never late in
/// a burst once a rate limit lifts or the account is reconnected. Pure: the queue's sync applies it, oldest slot first.
///
/// The global crisis pause holds every account, so a retry it holds past its retry time plus the grace is missed like
/// one held by its account's own pause (docs/approvals.md: slots that pass while it holds stay missed).
///
/// A job that waits for no hold is not judged here: one never claimed is missed by the sync's own stale rule (the
/// dispatcher was down), and one deferred by a publishing cap goes out when the cap allows, however late.
public struct MissedSlotRule: Sendable, Equatable {
    /// How late a slot (or a retry) may still go out.
    public var grace: TimeInterval

    /// A rule with `grace` seconds of grace.
    public init(grace: TimeInterval) { self.grace = grace }

    /// One waiting job, as the rule needs it.
    public struct Waiting: Sendable, Equatable {
        /// The variant's slot.
        public var slot: Date
        /// When the job is due (its retry time, or the rate limit's reset).
        public var runAt: Date
        /// The attempts it has spent (0: its first attempt has not been made).
        public var attempt: Int
        /// Its network, named in the reason.
        public var network: Network

        /// Creates a waiting job.
        public init(slot: Date, runAt: Date, attempt: Int, network: Network) {
            self.slot = slot
            self.runAt = runAt
            self.attempt = attempt
            self.network = network
        }
    }

    /// The latest instant `job` may still go out: its slot plus the grace for a first attempt, its retry time plus the
    /// grace for a retry.
    public func deadline(of job: Waiting) -> Date {
        (job.attempt == 0 ? job.slot : job.runAt).addingTimeInterval(grace)
    }

    /// Why `job` is missed at `now` under `holds` and the global crisis pause (`globallyPaused`), or `nil` if it may
    /// still go out: it is missed once its deadline has passed while a hold covered it (a pause of its account or of
    /// every account, a reconnect awaited, a rate limit lifting after the deadline).
    public func missedReason(_ job: Waiting, holds: AccountHolds, globallyPaused: Bool, now: Date) -> String? {
        let deadline = deadline(of: job)
        guard now > deadline else { return nil }
        if holds.paused { return "missed: its account was paused past its slot" }
        if globallyPaused { return Self.globalPauseReason }
        if let why = holds.needsReconnect { return "missed: waiting for a reconnect of its account (\(why))" }
        if let until = holds.rateLimitedUntil, until > deadline {
            return "missed: \(RateLimitWait.reasonPrefix)\(job.network.displayName) until \(RateLimitWait.utc(until))"
        }
        return nil
    }

    /// The reason of a post the global crisis pause held past its deadline.
    public static let globalPauseReason = "missed: the global crisis pause held it past its slot"
}
