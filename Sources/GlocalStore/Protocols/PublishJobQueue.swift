import Foundation
import GlocalCore

/// The publish queue the dispatcher depends on (docs/architecture.md): one job per approved variant,
/// claimed under a lease, finished only by the worker holding it, as the core's decisions say
/// (`JobSettlement`, `AttemptOpening`, `RescuePolicy`). An implementation checks the job's state and
/// lease holder in every write, so a rescued worker's late write changes nothing.
public protocol PublishJobQueue: Sendable {
    /// Brings the jobs in line with the variants at `now` (enqueue approved, withdraw, move, miss).
    func sync(now: Date, grace: TimeInterval, policy: RetryPolicy) throws -> QueueSyncReport
    /// Claims up to `limit` due jobs for `worker`, leased until `now + lease`.
    func claim(worker: String, now: Date, lease: TimeInterval, limit: Int) throws -> [PublishJob]
    /// Extends `worker`'s leases on `jobIDs`; returns the ids it still holds.
    func heartbeat(worker: String, jobIDs: [Int64], now: Date, lease: TimeInterval) throws -> Set<Int64>
    /// Returns the jobs whose lease ran out to the queue (or sets a crash loop aside); returns how many.
    func rescueExpiredLeases(now: Date, maxRescues: Int) throws -> Int
    /// Returns the expired jobs `rescuing(holder, jobID)` allows to the queue (the others stay with their holder, which
    /// may still be sending them: `LeaseRescueRule`); returns how many.
    func rescueExpiredLeases(now: Date, maxRescues: Int, rescuing: (_ holder: String, _ jobID: Int64) -> Bool) throws -> Int
    /// The workers holding a running job whose lease ran out at `now`.
    func expiredLeaseHolders(now: Date) throws -> Set<String>
    /// The liveness of the nodes sharing this queue's store (each node holds its lock for its life).
    var nodeLiveness: any NodeLiveness { get }
    /// Starts the attempt of a claimed job.
    func begin(
        _ job: PublishJob, worker: String, now: Date, caps: (Network) -> [PublishingCap]
    ) throws -> AttemptStart
    /// The dispatcher's one write per step: writes finished attempts, holds rate-limited accounts,
    /// then claims up to `limit` due jobs and starts them, in one transaction.
    func settleAndClaim(
        _ outcomes: [(job: PublishJob, resolution: JobResolution)], rateLimits: [String: Date], worker: String, now: Date,
        policy: RetryPolicy, lease: TimeInterval, limit: Int, caps: (Network) -> [PublishingCap]
    ) throws -> QueueStep
    /// After a look-up found nothing: the post is sent now. False if the lease was lost.
    func resend(_ job: PublishJob, worker: String, now: Date) throws -> Bool
    /// Saves the handle given before an ambiguous step. False if the lease was lost.
    func savePending(_ receipt: PublishReceipt, for job: PublishJob, worker: String) throws -> Bool
    /// Ends an attempt as `resolution` says. False (nothing written) if `worker` lost the lease.
    func finish(
        _ job: PublishJob, worker: String, resolution: JobResolution, now: Date, policy: RetryPolicy
    ) throws -> Bool
    /// The receipt of a published variant.
    func publication(of variantID: String) throws -> PublishReceipt?
    /// The job of `variantID`, if it has one.
    func job(forVariant variantID: String) throws -> PublishJob?
    /// The next instant the queue may have work.
    func nextWake() throws -> Date?
    /// When the next claimable job falls due, ignoring holds (`nil` if none waits).
    func nextDue() throws -> Date?
    /// How many jobs are in each state.
    func countsByState() throws -> [JobState: Int]
    /// Pauses or resumes `account` as `actor`, with its account audit event; an account already so is left alone,
    /// with no event. Whether it changed.
    @discardableResult
    func setPaused(_ paused: Bool, account: String, actor: String, now: Date) throws -> Bool
    /// Holds `account` until it is reconnected (`nil` lifts the hold).
    func setNeedsReconnect(_ reason: String?, account: String, now: Date) throws
    /// Holds `account` until it is reconnected, with a `needs_reconnect` account audit event by `actor`, in one
    /// transaction; an account already held keeps its first reason and gets no second event. Whether the hold is new.
    @discardableResult
    func markNeedsReconnect(_ reason: String, account: String, actor: String, now: Date) throws -> Bool
    /// Holds `account` until `until` after a rate limit (`nil` lifts the hold).
    func setRateLimited(until: Date?, account: String, now: Date) throws
    /// The holds on `account`.
    func holds(account: String) throws -> AccountHolds
    /// The holds of every account that has a status, by account id.
    func allHolds() throws -> [String: AccountHolds]
    /// How many jobs each account has waiting to go out, by account id (accounts with none absent).
    func waitingJobCounts() throws -> [String: Int]
    /// Sets or lifts the global crisis pause as `actor`.
    func setGlobalPause(_ paused: Bool, reason: String?, actor: String, now: Date) throws
    /// Whether the global crisis pause is on, and why.
    func globalPause() throws -> (paused: Bool, reason: String?)
}
