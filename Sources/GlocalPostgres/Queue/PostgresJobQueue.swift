import Foundation
import GlocalCore
import GlocalStore
import PostgresNIO

/// The publish queue on PostgreSQL, shared by several dispatcher nodes: claimed with one
/// `UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED) RETURNING` (nodes never wait for each
/// other's claims, nor take the same job), held under a lease renewed by heartbeat, rescued when the
/// lease runs out, and finished only by the worker that holds it (the job's row is locked and its
/// state and holder checked in every write). The decisions are the core's (`JobSettlement`,
/// `AttemptOpening`, `RescuePolicy`, `PublishingCap`); this type applies them.
///
/// A write that makes work due notifies the location's `queueChannel`, which wakes idle nodes (`PostgresQueueListener`).
public struct PostgresJobQueue: PublishJobQueue {
    let pool: PostgresConnectionPool
    /// This node's id, written with the dispatcher's audit events.
    let nodeID: String?

    /// Who changes a variant's state on the queue's behalf, in the audit log (as on SQLite).
    static let actor = PublishQueue.actor

    /// A queue on `pool`'s database for this node.
    public init(pool: PostgresConnectionPool, nodeID: String?) {
        self.pool = pool
        self.nodeID = nodeID
    }

    /// Claims up to `limit` due jobs for `worker`, oldest slot first, skipping held accounts and rows
    /// another node is claiming at the same moment.
    public func claim(worker: String, now: Date, lease: TimeInterval, limit: Int) throws -> [PublishJob] {
        try pool.transaction { try claim($0, worker: worker, now: now, lease: lease, limit: limit) }
    }

    func claim(
        _ transaction: PostgresTransaction, worker: String, now: Date, lease: TimeInterval, limit: Int
    ) throws -> [PublishJob] {
        let until = now.addingTimeInterval(lease)
        // The held accounts are one array worked out once, not an anti-join: the planner then reads the due index in
        // order and stops after `limit` jobs whatever it guesses of the holds (with a join it sorted every due job).
        return try transaction.rows(
            """
            UPDATE publish_job SET state = 'running', locked_by = \(worker), lease_expires_at = \(until),
                attempt = attempt + 1, updated_at = \(now)
            WHERE id IN (
                SELECT j.id FROM publish_job AS j
                WHERE j.state IN ('scheduled', 'available', 'retryable') AND j.run_at <= \(now)
                  AND j.account_id <> ALL (ARRAY(
                    SELECT a.account_id FROM account_status AS a
                    WHERE a.paused OR a.needs_reconnect IS NOT NULL OR a.rate_limited_until > \(now)))
                  AND NOT EXISTS (SELECT 1 FROM dispatch_control WHERE paused)
                ORDER BY j.run_at, j.id LIMIT \(limit)
                FOR UPDATE OF j SKIP LOCKED)
            RETURNING \(unescaped: PostgresJobRow.columns)
            """
        ).map(PostgresJobRow.job(from:)).sorted { ($0.runAt, $0.id) < ($1.runAt, $1.id) }
    }

    /// Extends `worker`'s leases on `jobIDs`; returns the ids it still holds.
    public func heartbeat(worker: String, jobIDs: [Int64], now: Date, lease: TimeInterval) throws -> Set<Int64> {
        guard !jobIDs.isEmpty else { return [] }
        let until = now.addingTimeInterval(lease)
        return try pool.transaction { transaction in
            Set(
                try transaction.rows(
                    """
                    UPDATE publish_job SET lease_expires_at = \(until), updated_at = \(now)
                    WHERE state = 'running' AND locked_by = \(worker) AND id = ANY(\(jobIDs))
                    RETURNING id
                    """
                ).map { try $0[0].decode(Int64.self) })
        }
    }

    /// Returns the jobs whose lease ran out to the queue, or sets a crash loop aside, as `RescuePolicy`
    /// decides; returns how many. A job another node is rescuing (row locked) is skipped.
    public func rescueExpiredLeases(now: Date, maxRescues: Int) throws -> Int {
        try rescueExpiredLeases(now: now, maxRescues: maxRescues, rescuing: { _, _ in true })
    }

    /// Like ``rescueExpiredLeases(now:maxRescues:)``, but only the expired jobs `rescuing(holder, jobID)` allows (the
    /// dispatcher's `LeaseRescueRule`: a holder still alive keeps its jobs); the others are left running.
    public func rescueExpiredLeases(
        now: Date, maxRescues: Int, rescuing: (_ holder: String, _ jobID: Int64) -> Bool
    ) throws -> Int {
        let policy = RescuePolicy(maxRescues: maxRescues)
        return try pool.transaction { transaction in
            let expired = try transaction.rows(
                """
                SELECT id, variant_id, rescues, locked_by FROM publish_job
                WHERE state = 'running' AND lease_expires_at < \(now) ORDER BY id FOR UPDATE SKIP LOCKED
                """
            ).map { row in
                try PostgresFailure.decoding {
                    (
                        id: try row[0].decode(Int64.self), variantID: try row[1].decode(String.self),
                        previous: try row[2].decode(Int.self), holder: try row[3].decode(String.self)
                    )
                }
            }.filter { rescuing($0.holder, $0.id) }
            for (id, variantID, previous, holder) in expired {
                let variant = try PostgresVariantRow.fetch(transaction, id: variantID, forUpdate: true)
                switch policy.rescue(previousRescues: previous, variantState: variant?.state) {
                case .discard(let rescues, let reason, let variantTo):
                    if let variant, let target = variantTo {
                        if variant.state != target { try move(transaction, variantID, to: target, now: now, current: variant) }
                        if target == .unknown {
                            // Given up unknown: the event that tells a person (the failure scan), as a retry's give-up.
                            try PostgresAuditLog.append(
                                transaction, at: now, actor: Self.actor, variantID: variantID, action: .setState,
                                before: variant, beforeState: .unknown, after: variant, afterState: .unknown, reason: reason,
                                node: nodeID)
                        }
                    }
                    try transaction.execute(
                        """
                        UPDATE publish_job SET rescues = \(rescues), state = 'discarded', locked_by = NULL,
                            lease_expires_at = NULL, last_error = \(reason), finished_at = \(now), updated_at = \(now)
                        WHERE id = \(id) AND state = 'running' AND locked_by = \(holder)
                        """)
                case .requeue(let rescues, let reason):
                    try transaction.execute(
                        """
                        UPDATE publish_job SET state = 'retryable', locked_by = NULL, lease_expires_at = NULL,
                            attempt = greatest(attempt - 1, 0), rescues = \(rescues), updated_at = \(now), last_error = \(reason)
                        WHERE id = \(id) AND state = 'running' AND locked_by = \(holder)
                        """)
                }
            }
            if !expired.isEmpty { try notify(transaction) }
            return expired.count
        }
    }

    /// The next instant the queue may have work: the earliest due job or lease expiry (holds are not considered).
    ///
    /// A job another node is claiming at this moment is not reported: its row is locked by that claim, and this waits
    /// for the claim to commit (then the job no longer waits) instead of reporting a job that is already taken, which
    /// an idle node would read as due yet held and answer with a full poll interval of sleep.
    public func nextWake() throws -> Date? {
        try pool.transaction { transaction in
            let due = try transaction.value(
                """
                SELECT run_at FROM publish_job WHERE state IN ('scheduled', 'available', 'retryable')
                ORDER BY run_at, id LIMIT 1 FOR KEY SHARE
                """, as: Date.self)
            let lease =
                try transaction.value(
                    "SELECT min(lease_expires_at) FROM publish_job WHERE state = 'running'", as: Date?.self) ?? nil
            return [due, lease].compactMap { $0 }.min()
        }
    }

    /// When the next claimable job falls due, ignoring rate limits (`nil` if none waits).
    public func nextDue() throws -> Date? {
        try pool.transaction { transaction in
            try transaction.value(
                """
                SELECT min(j.run_at) FROM publish_job AS j
                LEFT JOIN account_status AS a ON a.account_id = j.account_id
                WHERE j.state IN ('scheduled', 'available', 'retryable')
                  AND NOT coalesce(a.paused, false) AND a.needs_reconnect IS NULL
                  AND NOT EXISTS (SELECT 1 FROM dispatch_control WHERE paused)
                """, as: Date?.self) ?? nil
        }
    }

    /// The job of `variantID`, if it has one.
    public func job(forVariant variantID: String) throws -> PublishJob? {
        try pool.transaction { transaction in
            try transaction.rows(
                "SELECT \(unescaped: PostgresJobRow.columns) FROM publish_job WHERE variant_id = \(variantID)"
            ).first.map(PostgresJobRow.job(from:))
        }
    }

    /// How many jobs are in each state.
    public func countsByState() throws -> [JobState: Int] {
        try pool.transaction { transaction in
            var counts: [JobState: Int] = [:]
            for row in try transaction.rows("SELECT state, count(*) FROM publish_job GROUP BY state") {
                if let state = JobState(rawValue: try row[0].decode(String.self)) { counts[state] = try row[1].decode(Int.self) }
            }
            return counts
        }
    }

    /// Moves a variant's state on the queue's behalf, recording this node.
    func move(
        _ transaction: PostgresTransaction, _ id: String, to state: VariantState, now: Date, current: StoredVariant? = nil
    ) throws {
        try PostgresStateChange.move(transaction, id: id, to: state, actor: Self.actor, now: now, current: current, node: nodeID)
    }

    /// Wakes the nodes waiting for work (delivered when the transaction commits).
    func notify(_ transaction: PostgresTransaction) throws {
        try transaction.execute("SELECT pg_notify(\(pool.location.queueChannel), '')")
    }
}
