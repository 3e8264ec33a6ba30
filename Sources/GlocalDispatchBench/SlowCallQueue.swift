import Foundation
import GlocalCore
import GlocalStore

/// A publish queue that times the store calls a dispatcher node makes and logs each one that took at least
/// `threshold` (or, for `nextWake`, that answered an instant already past), one tab-separated line each: wall
/// clock, node, call, seconds, detail. Issue #16's stalled lateness run: which step of a round was slow.
/// Off unless the bench runs with `GLOCAL_BENCH_SLOW_CALLS=FILE`.
struct SlowCallQueue: PublishJobQueue {
    let base: any PublishJobQueue
    let node: String
    let log: SlowCallLog
    let threshold: TimeInterval

    /// `queue`, timed into the log named by `GLOCAL_BENCH_SLOW_CALLS` when it is set.
    static func wrapping(_ queue: any PublishJobQueue, node: String) -> any PublishJobQueue {
        guard let log = SlowCallLog.fromEnvironment else { return queue }
        return SlowCallQueue(base: queue, node: node, log: log, threshold: 0.1)
    }

    private func timed<T>(_ call: String, detail: (T) -> String = { _ in "" }, _ body: () throws -> T) rethrows -> T {
        let started = Date()
        let value = try body()
        let seconds = Date().timeIntervalSince(started)
        if seconds >= threshold { log.write(started, node, call, seconds, detail(value)) }
        return value
    }

    func sync(now: Date, grace: TimeInterval, policy: RetryPolicy) throws -> QueueSyncReport {
        try timed("sync", detail: { "enqueued \($0.enqueued) moved \($0.moved)" }) {
            try base.sync(now: now, grace: grace, policy: policy)
        }
    }

    func claim(worker: String, now: Date, lease: TimeInterval, limit: Int) throws -> [PublishJob] {
        try timed("claim", detail: { "claimed \($0.count)" }) {
            try base.claim(worker: worker, now: now, lease: lease, limit: limit)
        }
    }

    func heartbeat(worker: String, jobIDs: [Int64], now: Date, lease: TimeInterval) throws -> Set<Int64> {
        try timed("heartbeat", detail: { "held \($0.count)" }) {
            try base.heartbeat(worker: worker, jobIDs: jobIDs, now: now, lease: lease)
        }
    }

    func rescueExpiredLeases(now: Date, maxRescues: Int) throws -> Int {
        try timed("rescue", detail: { "rescued \($0)" }) { try base.rescueExpiredLeases(now: now, maxRescues: maxRescues) }
    }

    func rescueExpiredLeases(
        now: Date, maxRescues: Int, rescuing: (_ holder: String, _ jobID: Int64) -> Bool
    ) throws -> Int {
        try timed("rescue", detail: { "rescued \($0)" }) {
            try base.rescueExpiredLeases(now: now, maxRescues: maxRescues, rescuing: rescuing)
        }
    }

    func expiredLeaseHolders(now: Date) throws -> Set<String> {
        try timed("expiredLeaseHolders", detail: { "holders \($0.count)" }) { try base.expiredLeaseHolders(now: now) }
    }

    var nodeLiveness: any NodeLiveness { base.nodeLiveness }

    func begin(_ job: PublishJob, worker: String, now: Date, caps: (Network) -> [PublishingCap]) throws -> AttemptStart {
        try timed("begin") { try base.begin(job, worker: worker, now: now, caps: caps) }
    }

    func settleAndClaim(
        _ outcomes: [(job: PublishJob, resolution: JobResolution)], rateLimits: [String: Date], worker: String, now: Date,
        policy: RetryPolicy, lease: TimeInterval, limit: Int, caps: (Network) -> [PublishingCap]
    ) throws -> QueueStep {
        try timed("settleAndClaim", detail: { "settled \(outcomes.count) started \($0.started.count) limit \(limit)" }) {
            try base.settleAndClaim(
                outcomes, rateLimits: rateLimits, worker: worker, now: now, policy: policy, lease: lease, limit: limit,
                caps: caps)
        }
    }

    func resend(_ job: PublishJob, worker: String, now: Date) throws -> Bool {
        try timed("resend") { try base.resend(job, worker: worker, now: now) }
    }

    func savePending(_ receipt: PublishReceipt, for job: PublishJob, worker: String) throws -> Bool {
        try timed("savePending") { try base.savePending(receipt, for: job, worker: worker) }
    }

    func finish(_ job: PublishJob, worker: String, resolution: JobResolution, now: Date, policy: RetryPolicy) throws -> Bool {
        try timed("finish") { try base.finish(job, worker: worker, resolution: resolution, now: now, policy: policy) }
    }

    func publication(of variantID: String) throws -> PublishReceipt? { try base.publication(of: variantID) }

    func job(forVariant variantID: String) throws -> PublishJob? { try base.job(forVariant: variantID) }

    func nextWake() throws -> Date? {
        let started = Date()
        let next = try base.nextWake()
        let seconds = Date().timeIntervalSince(started)
        if let next, next <= Date() {
            log.write(started, node, "nextWake", seconds, "due \(String(format: "%.3f", -next.timeIntervalSinceNow)) s ago")
        } else if seconds >= threshold {
            log.write(started, node, "nextWake", seconds, "")
        }
        return next
    }

    func nextDue() throws -> Date? { try base.nextDue() }

    func countsByState() throws -> [JobState: Int] { try base.countsByState() }

    func setPaused(_ paused: Bool, account: String, actor: String, now: Date) throws -> Bool {
        try base.setPaused(paused, account: account, actor: actor, now: now)
    }

    func setNeedsReconnect(_ reason: String?, account: String, now: Date) throws {
        try base.setNeedsReconnect(reason, account: account, now: now)
    }

    func markNeedsReconnect(_ reason: String, account: String, actor: String, now: Date) throws -> Bool {
        try base.markNeedsReconnect(reason, account: account, actor: actor, now: now)
    }

    func setRateLimited(until: Date?, account: String, now: Date) throws {
        try base.setRateLimited(until: until, account: account, now: now)
    }

    func holds(account: String) throws -> AccountHolds { try base.holds(account: account) }

    func allHolds() throws -> [String: AccountHolds] { try base.allHolds() }

    func waitingJobCounts() throws -> [String: Int] { try base.waitingJobCounts() }

    func setGlobalPause(_ paused: Bool, reason: String?, actor: String, now: Date) throws {
        try base.setGlobalPause(paused, reason: reason, actor: actor, now: now)
    }

    func globalPause() throws -> (paused: Bool, reason: String?) { try base.globalPause() }
}
