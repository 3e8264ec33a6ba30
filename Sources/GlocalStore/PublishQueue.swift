import Foundation
import GRDB
import GlocalCore

/// The publish queue on SQLite (docs/architecture.md): one job per approved variant, claimed by one
/// `UPDATE … RETURNING`, held under a lease renewed by heartbeat, returned by a rescuer when the
/// lease runs out, and finished only by the worker that holds it.
///
/// Every method is one IMMEDIATE transaction on the store's file, so several dispatcher processes
/// can share it; SQLite's busy timeout makes them take turns.
public struct PublishQueue: Sendable {
    let writer: any DatabaseWriter
    /// This dispatcher node's id (`glocal run --node-id`), written with the queue's own audit events.
    var nodeID: String? = nil

    /// Who changes a variant's state on the queue's behalf, in the audit log.
    public static let actor = "dispatcher"

    /// What `sync` changed (a core value).
    public typealias SyncReport = QueueSyncReport

    /// Brings the jobs in line with the variants at `now`: approved variants get a job due at their
    /// slot; jobs whose variant is no longer scheduled are withdrawn; slots that moved move their
    /// job; and a slot that passed more than `grace` ago (a pause, the dispatcher down) is `missed`
    /// rather than published late: resuming never bursts out a backlog.
    @discardableResult
    public func sync(now: Date, grace: TimeInterval, policy: RetryPolicy = .standard) throws -> SyncReport {
        try immediate { db in
            let timestamp = StoreTimestamp.string(from: now)
            let cutoff = StoreTimestamp.string(from: now.addingTimeInterval(-grace))
            var report = SyncReport()
            // Withdraw the jobs whose variant left `scheduled` while they waited.
            report.withdrawn = try update(
                db,
                sql: """
                    UPDATE publish_job SET state = 'cancelled', finished_at = :now, updated_at = :now,
                        last_error = 'variant is ' || (SELECT state FROM variant WHERE variant.id = publish_job.variant_id)
                    WHERE state IN ('scheduled', 'available', 'retryable')
                      AND (SELECT state FROM variant WHERE variant.id = publish_job.variant_id)
                          NOT IN ('scheduled', 'publishing', 'unknown')
                    """, ["now": timestamp])
            // Follow slots moved by `apply` (a job that has not run yet).
            report.moved = try update(
                db,
                sql: """
                    UPDATE publish_job SET run_at = v.scheduled_at, slot_at = v.scheduled_at, updated_at = :now
                    FROM variant AS v
                    WHERE v.id = publish_job.variant_id AND publish_job.state IN ('scheduled', 'available')
                      AND publish_job.attempt = 0 AND v.scheduled_at IS NOT NULL AND v.scheduled_at <> publish_job.slot_at
                    """, ["now": timestamp])
            // Approved variants: a job at their slot (a live post: now), or `missed` if it is long gone.
            let approved = try Row.fetchAll(
                db,
                sql: """
                    SELECT \(VariantRow.selection) FROM variant
                    WHERE state = 'approved' AND (scheduled_at IS NOT NULL OR live = 1) ORDER BY id
                    """)
            for row in approved {
                let variant = try VariantRow.variant(from: row)
                let id = variant.id
                // The stored text itself (position 13 of `VariantRow.selection`), so it compares
                // equal to the variant's `scheduled_at` whatever its precision.
                let slot = (row[13] as String?) ?? timestamp
                if slot < cutoff {
                    try VariantStateChange.move(
                        db, id: id, to: .missed, actor: Self.actor, timestamp: timestamp, current: variant, node: nodeID)
                    report.missed += 1
                    continue
                }
                try VariantStateChange.move(
                    db, id: id, to: .scheduled, actor: Self.actor, timestamp: timestamp, current: variant, node: nodeID)
                try db.cachedStatement(
                    sql: """
                        INSERT INTO publish_job (variant_id, account_id, network, state, run_at, slot_at, attempt,
                            max_attempts, created_at, updated_at)
                        VALUES (:id, :account, :network, 'scheduled', :slot, :slot, 0, :max, :now, :now)
                        ON CONFLICT (variant_id) DO UPDATE SET state = 'scheduled', run_at = :slot, slot_at = :slot,
                            attempt = 0, max_attempts = :max, last_error = NULL, finished_at = NULL, updated_at = :now
                        WHERE publish_job.state = 'cancelled'
                        """
                ).execute(arguments: [
                    "id": id, "account": variant.accountID, "network": variant.network.rawValue,
                    "slot": slot, "max": policy.maxAttempts, "now": timestamp,
                ])
                report.enqueued += 1
            }
            report.missed += try missHeldJobs(db, rule: MissedSlotRule(grace: grace), now: now, timestamp: timestamp)
            // Scheduled jobs whose slot passed long ago (paused account, dispatcher down): missed.
            let stale = try String.fetchAll(
                db,
                sql: """
                    SELECT variant_id FROM publish_job
                    WHERE state IN ('scheduled', 'available') AND attempt = 0 AND run_at < :cutoff ORDER BY slot_at, id
                    """, arguments: ["cutoff": cutoff])
            for variantID in stale {
                try VariantStateChange.move(db, id: variantID, to: .missed, actor: Self.actor, timestamp: timestamp, node: nodeID)
                try db.execute(
                    sql: """
                        UPDATE publish_job SET state = 'cancelled', finished_at = :now, updated_at = :now,
                            last_error = 'slot missed: it passed while the account or the dispatcher was paused or down'
                        WHERE variant_id = :id
                        """, arguments: ["now": timestamp, "id": variantID])
                report.missed += 1
            }
            return report
        }
    }

    /// Misses the waiting jobs that a hold on their account (a pause, a reconnect awaited, a rate limit) or the global
    /// crisis pause kept past their deadline (``MissedSlotRule``), oldest slot first, each with the hold named as its
    /// last error: released later, they went out a day or two late. Returns how many.
    private func missHeldJobs(_ db: Database, rule: MissedSlotRule, now: Date, timestamp: String) throws -> Int {
        let cutoff = StoreTimestamp.string(from: now.addingTimeInterval(-rule.grace))
        let globallyPaused =
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM dispatch_control WHERE paused = 1)") ?? false
        // An account without a status row is held only by the global pause.
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT j.variant_id, j.network, j.slot_at, j.run_at, j.attempt, coalesce(a.paused, 0) AS paused,
                    a.needs_reconnect, a.rate_limited_until
                FROM publish_job AS j LEFT JOIN account_status AS a ON a.account_id = j.account_id
                JOIN variant AS v ON v.id = j.variant_id
                WHERE j.state IN ('scheduled', 'available', 'retryable') AND v.state = 'scheduled'
                  AND (:global = 1 OR a.paused = 1 OR a.needs_reconnect IS NOT NULL OR a.rate_limited_until IS NOT NULL)
                  AND ((j.attempt = 0 AND j.slot_at < :cutoff) OR (j.attempt > 0 AND j.run_at < :cutoff))
                ORDER BY j.slot_at, j.id
                """, arguments: ["cutoff": cutoff, "global": globallyPaused ? 1 : 0])
        var missed = 0
        for row in rows {
            let rawNetwork: String = row["network"]
            guard let network = Network(rawValue: rawNetwork),
                let slot = StoreTimestamp.date(from: row["slot_at"]), let runAt = StoreTimestamp.date(from: row["run_at"])
            else { continue }
            let holds = AccountHolds(
                paused: row["paused"] as Int == 1, needsReconnect: row["needs_reconnect"],
                rateLimitedUntil: (row["rate_limited_until"] as String?).flatMap(StoreTimestamp.date(from:)))
            let waiting = MissedSlotRule.Waiting(slot: slot, runAt: runAt, attempt: row["attempt"], network: network)
            guard let reason = rule.missedReason(waiting, holds: holds, globallyPaused: globallyPaused, now: now) else {
                continue
            }
            let variantID: String = row["variant_id"]
            try VariantStateChange.move(db, id: variantID, to: .missed, actor: Self.actor, timestamp: timestamp, node: nodeID)
            try db.execute(
                sql: """
                    UPDATE publish_job SET state = 'cancelled', finished_at = :now, updated_at = :now, last_error = :reason
                    WHERE variant_id = :id
                    """, arguments: ["now": timestamp, "id": variantID, "reason": reason])
            missed += 1
        }
        return missed
    }

    /// Claims up to `limit` due jobs for `worker`, leased until `now + lease`, oldest slot first;
    /// skips paused accounts, accounts waiting for a new token or rate limited, and everything during
    /// a global pause. Each claim counts as an attempt.
    public func claim(worker: String, now: Date, lease: TimeInterval, limit: Int) throws -> [PublishJob] {
        try immediate { db in try claim(db, worker: worker, now: now, lease: lease, limit: limit) }
    }

    func claim(_ db: Database, worker: String, now: Date, lease: TimeInterval, limit: Int) throws -> [PublishJob] {
        let rows = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    UPDATE publish_job SET state = 'running', locked_by = :worker, lease_expires_at = :lease,
                        attempt = attempt + 1, updated_at = :now
                    WHERE id IN (
                        SELECT j.id FROM publish_job AS j
                        LEFT JOIN account_status AS a ON a.account_id = j.account_id
                        WHERE j.state IN ('scheduled', 'available', 'retryable') AND j.run_at <= :now
                          AND coalesce(a.paused, 0) = 0 AND a.needs_reconnect IS NULL
                          AND (a.rate_limited_until IS NULL OR a.rate_limited_until <= :now)
                          AND NOT EXISTS (SELECT 1 FROM dispatch_control WHERE paused = 1)
                        ORDER BY j.run_at, j.id LIMIT :limit)
                    RETURNING *
                    """),
            arguments: [
                "worker": worker, "lease": StoreTimestamp.string(from: now.addingTimeInterval(lease)),
                "now": StoreTimestamp.string(from: now), "limit": limit,
            ])
        return try rows.map(PublishJobRow.job(from:)).sorted { ($0.runAt, $0.id) < ($1.runAt, $1.id) }
    }

    /// Extends the leases `worker` holds on `jobIDs`; returns the ids it still holds (a job missing
    /// from the answer was rescued: its worker must stop before writing anything).
    public func heartbeat(worker: String, jobIDs: [Int64], now: Date, lease: TimeInterval) throws -> Set<Int64> {
        guard !jobIDs.isEmpty else { return [] }
        return try immediate { db in
            let held = try Int64.fetchAll(
                db,
                sql: """
                    UPDATE publish_job SET lease_expires_at = ?, updated_at = ?
                    WHERE state = 'running' AND locked_by = ? AND id IN (\(jobIDs.map { _ in "?" }.joined(separator: ",")))
                    RETURNING id
                    """,
                arguments: StatementArguments(
                    [StoreTimestamp.string(from: now.addingTimeInterval(lease)), StoreTimestamp.string(from: now), worker]
                        + jobIDs.map { $0 as (any DatabaseValueConvertible)? }))
            return Set(held)
        }
    }

    /// How many times workers may die holding one job before it is set aside for a person.
    public static let maxRescues = RescuePolicy.standard.maxRescues

    /// Returns the jobs whose lease ran out (their worker died or hung) to the queue, as the core's
    /// `RescuePolicy` decides. Their variant stays `publishing` or `unknown`, so the next attempt looks
    /// the post up before sending.
    ///
    /// A job keeps its place (its `run_at`), so it is reconciled before newer work pushes its post
    /// out of the network's "recent posts", and the attempt is refunded: a dead worker says nothing
    /// about the post. A job rescued `maxRescues` times is a crash loop: it is discarded (a variant
    /// that may be out becomes `unknown`) rather than taking the dispatcher down forever.
    @discardableResult
    public func rescueExpiredLeases(now: Date, maxRescues: Int = Self.maxRescues) throws -> Int {
        try rescueExpiredLeases(now: now, maxRescues: maxRescues, rescuing: { _, _ in true })
    }

    /// Like ``rescueExpiredLeases(now:maxRescues:)``, but only the expired jobs `rescuing(holder, jobID)` allows (the
    /// dispatcher's ``LeaseRescueRule``: a holder still alive keeps its jobs); the others are left running.
    @discardableResult
    public func rescueExpiredLeases(
        now: Date, maxRescues: Int, rescuing: (_ holder: String, _ jobID: Int64) -> Bool
    ) throws -> Int {
        let policy = RescuePolicy(maxRescues: maxRescues)
        return try immediate { db in
            let timestamp = StoreTimestamp.string(from: now)
            let expired = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, variant_id, rescues, locked_by FROM publish_job WHERE state = 'running' AND lease_expires_at < ?
                    """,
                arguments: [timestamp]
            ).filter { rescuing($0["locked_by"], $0["id"]) }
            for row in expired {
                let id: Int64 = row["id"]
                let holder: String = row["locked_by"]
                let variantID: String = row["variant_id"]
                let variant = try SQLiteVariantStore.fetchVariant(db, id: variantID)
                switch policy.rescue(previousRescues: row["rescues"], variantState: variant?.state) {
                case .discard(let rescues, let reason, let variantTo):
                    if let variant, let target = variantTo {
                        if variant.state != target {
                            try VariantStateChange.move(
                                db, id: variantID, to: target, actor: Self.actor, timestamp: timestamp, current: variant,
                                node: nodeID)
                        }
                        if target == .unknown {
                            // Given up unknown: the event that tells a person (the failure scan), as a retry's give-up.
                            try AuditLog.append(
                                db, timestamp: timestamp, actor: Self.actor, variantID: variantID, action: .setState,
                                before: variant, beforeState: .unknown, after: variant, afterState: .unknown, reason: reason,
                                node: nodeID)
                        }
                    }
                    try db.execute(
                        sql: "UPDATE publish_job SET rescues = ? WHERE id = ? AND state = 'running' AND locked_by = ?",
                        arguments: [rescues, id, holder])
                    try finishJob(db, job: id, worker: holder, state: .discarded, error: reason, timestamp: timestamp)
                case .requeue(let rescues, let reason):
                    try db.execute(
                        sql: """
                            UPDATE publish_job SET state = 'retryable', locked_by = NULL, lease_expires_at = NULL,
                                attempt = max(attempt - 1, 0), rescues = ?, updated_at = ?, last_error = ?
                            WHERE id = ? AND state = 'running' AND locked_by = ?
                            """, arguments: [rescues, timestamp, reason, id, holder])
                }
            }
            return expired.count
        }
    }

    /// The workers holding a running job whose lease ran out at `now`.
    public func expiredLeaseHolders(now: Date) throws -> Set<String> {
        try writer.read { db in
            Set(
                try String.fetchAll(
                    db, sql: "SELECT DISTINCT locked_by FROM publish_job WHERE state = 'running' AND lease_expires_at < ?",
                    arguments: [StoreTimestamp.string(from: now)]))
        }
    }

    /// The liveness of the nodes sharing this store: lock files next to the database, or one process in memory.
    public var nodeLiveness: any NodeLiveness {
        let path = writer.path
        guard !path.isEmpty, path != ":memory:", !path.hasPrefix("file:") else { return SingleProcessLiveness() }
        return FileNodeLiveness(databasePath: path)
    }

    /// The next instant the queue may have work: the earliest due time of a waiting job or lease
    /// expiry of a running one (`nil` if neither). Holds are not considered: it may be in the past.
    public func nextWake() throws -> Date? {
        try writer.read { db in
            let raw = try String.fetchOne(
                db,
                sql: """
                    SELECT min(t) FROM (
                        SELECT min(run_at) AS t FROM publish_job WHERE state IN ('scheduled', 'available', 'retryable')
                        UNION ALL SELECT min(lease_expires_at) FROM publish_job WHERE state = 'running')
                    """)
            return raw.flatMap(StoreTimestamp.date(from:))
        }
    }

    /// When the next job that could be claimed falls due (ignoring held and paused accounts and the
    /// global pause), or `nil` if none waits.
    public func nextDue() throws -> Date? {
        try writer.read { db in
            try String.fetchOne(
                db,
                sql: """
                    SELECT min(j.run_at) FROM publish_job AS j
                    LEFT JOIN account_status AS a ON a.account_id = j.account_id
                    WHERE j.state IN ('scheduled', 'available', 'retryable')
                      AND coalesce(a.paused, 0) = 0 AND a.needs_reconnect IS NULL
                      AND NOT EXISTS (SELECT 1 FROM dispatch_control WHERE paused = 1)
                    """
            ).flatMap(StoreTimestamp.date(from:))
        }
    }

    /// The job of `variantID`, if it has one.
    public func job(forVariant variantID: String) throws -> PublishJob? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM publish_job WHERE variant_id = ?", arguments: [variantID])
                .map(PublishJobRow.job(from:))
        }
    }

    /// How many jobs are in each state.
    public func countsByState() throws -> [JobState: Int] {
        try writer.read { db in
            var counts: [JobState: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT state, count(*) AS n FROM publish_job GROUP BY state") {
                if let state = JobState(rawValue: row["state"]) { counts[state] = row["n"] }
            }
            return counts
        }
    }

    /// Runs `body` in one IMMEDIATE transaction (the write lock is taken up front, so two dispatchers
    /// never both read and then both write).
    func immediate<T>(_ body: (Database) throws -> T) throws -> T { try writer.immediateTransaction(body) }

    /// Executes an UPDATE with named arguments; returns how many rows it changed.
    func update(_ db: Database, sql: String, _ arguments: [String: (any DatabaseValueConvertible)?]) throws -> Int {
        try db.execute(sql: sql, arguments: StatementArguments(arguments))
        return db.changesCount
    }
}
