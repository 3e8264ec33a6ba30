import Foundation
import GlocalCore
import GlocalStore
import PostgresNIO

extension PostgresJobQueue {
    /// Starts the attempt of a claimed job; a first send is checked against its network's caps while
    /// the account's advisory lock is held, so two nodes never count the same free place twice.
    public func begin(
        _ job: PublishJob, worker: String, now: Date, caps: (Network) -> [PublishingCap]
    ) throws -> AttemptStart {
        try pool.transaction { try begin($0, job: job, worker: worker, now: now, caps: caps) }
    }

    func begin(
        _ transaction: PostgresTransaction, job: PublishJob, worker: String, now: Date, caps: (Network) -> [PublishingCap]
    ) throws -> AttemptStart {
        guard try heldAttempt(transaction, job: job.id, worker: worker) != nil else { return .leaseLost }
        guard let variant = try PostgresVariantRow.fetch(transaction, id: job.variantID, forUpdate: true) else {
            throw VariantStoreError.variantNotFound(job.variantID)
        }
        switch AttemptOpening.opening(for: variant.state) {
        case .send:
            let accountCaps = caps(job.network)
            if !accountCaps.isEmpty {
                try transaction.execute(
                    "SELECT pg_advisory_xact_lock(hashtextextended('glocal-cap:' || \(job.accountID), 0))")
            }
            if let wait = try nextAllowed(transaction, job: job, caps: accountCaps, now: now) {
                let reason = wait.cap.deferralReason
                try requeue(transaction, job: job.id, worker: worker, at: wait.until, error: reason, refund: true, now: now)
                return .deferred(until: wait.until, reason: reason)
            }
            try move(transaction, variant.id, to: .publishing, now: now, current: variant)
            var sending = variant
            sending.state = .publishing
            return .send(sending)
        case .reconcile:
            return .reconcile(variant, pending: try pendingReceipt(transaction, variantID: variant.id))
        case .withdraw(let reason):
            try end(transaction, job: job.id, worker: worker, state: .cancelled, error: reason, now: now)
            return .skip(reason: reason)
        }
    }

    /// After a look-up found nothing: the post is sent now (`unknown` → `publishing`). False if the lease was lost.
    public func resend(_ job: PublishJob, worker: String, now: Date) throws -> Bool {
        try pool.transaction { transaction in
            guard try heldAttempt(transaction, job: job.id, worker: worker) != nil else { return false }
            let current = try PostgresVariantRow.fetch(transaction, id: job.variantID, forUpdate: true)
            if current?.state == .unknown { try move(transaction, job.variantID, to: .publishing, now: now, current: current) }
            return true
        }
    }

    /// Saves the handle given before an ambiguous step. False if the lease was lost.
    public func savePending(_ receipt: PublishReceipt, for job: PublishJob, worker: String) throws -> Bool {
        try pool.transaction { transaction in
            guard try heldAttempt(transaction, job: job.id, worker: worker) != nil else { return false }
            try transaction.execute(
                """
                INSERT INTO publication (variant_id, pending, extra) VALUES (\(job.variantID), \(try Self.json(receipt)), '{}')
                ON CONFLICT (variant_id) DO UPDATE SET pending = excluded.pending
                """)
            return true
        }
    }

    /// Ends an attempt as `resolution` says, guarded by the lease. False (nothing written) if `worker` lost it.
    public func finish(
        _ job: PublishJob, worker: String, resolution: JobResolution, now: Date, policy: RetryPolicy
    ) throws -> Bool {
        try pool.transaction { try finish($0, job: job, worker: worker, resolution: resolution, now: now, policy: policy) }
    }

    func finish(
        _ transaction: PostgresTransaction, job: PublishJob, worker: String, resolution: JobResolution, now: Date,
        policy: RetryPolicy
    ) throws -> Bool {
        guard let attempt = try heldAttempt(transaction, job: job.id, worker: worker) else { return false }
        let settlement = JobSettlement.settling(resolution, attempt: attempt, runAt: job.runAt, policy: policy)
        let current = try PostgresVariantRow.fetch(transaction, id: job.variantID, forUpdate: true)
        if current?.state != settlement.variantState {
            try move(transaction, job.variantID, to: settlement.variantState, now: now, current: current)
        }
        if let receipt = settlement.publication {
            try transaction.execute(
                """
                INSERT INTO publication (variant_id, remote_id, url, extra, published_at)
                VALUES (\(job.variantID), \(receipt.remoteID), \(receipt.url), \(try Self.json(receipt.extra)), \(now))
                ON CONFLICT (variant_id) DO UPDATE SET remote_id = excluded.remote_id, url = excluded.url,
                    extra = excluded.extra, published_at = excluded.published_at
                """)
        }
        switch settlement.job {
        case .complete:
            try end(transaction, job: job.id, worker: worker, state: .completed, error: nil, now: now)
        case .requeue(let at, let reason, let refund):
            try requeue(transaction, job: job.id, worker: worker, at: at, error: reason, refund: refund, now: now)
        case .discard(let reason):
            try end(transaction, job: job.id, worker: worker, state: .discarded, error: reason, now: now)
        }
        if let reason = settlement.needsReconnect {
            let held = try transaction.value(
                "SELECT needs_reconnect FROM account_status WHERE account_id = \(job.accountID) FOR UPDATE", as: String?.self)
            // Once per refusal: another job of the account held for the same reason adds no event.
            if held ?? nil != reason {
                try PostgresAuditLog.appendAccount(
                    transaction, at: now, actor: worker, accountID: job.accountID, action: .needsReconnect, reason: reason,
                    node: nodeID)
            }
            try transaction.execute(
                """
                INSERT INTO account_status (account_id, paused, needs_reconnect, updated_at)
                VALUES (\(job.accountID), false, \(reason), \(now))
                ON CONFLICT (account_id) DO UPDATE SET needs_reconnect = excluded.needs_reconnect,
                    updated_at = excluded.updated_at
                """)
        }
        return true
    }

    /// The dispatcher's one write per step: settles `outcomes`, holds rate-limited accounts, then claims
    /// up to `limit` due jobs and starts them, in one transaction. Attempts start in account order, so
    /// two nodes taking the accounts' cap locks never wait for each other in a circle.
    public func settleAndClaim(
        _ outcomes: [(job: PublishJob, resolution: JobResolution)], rateLimits: [String: Date], worker: String, now: Date,
        policy: RetryPolicy, lease: TimeInterval, limit: Int, caps: (Network) -> [PublishingCap]
    ) throws -> PublishQueue.Step {
        try pool.transaction { transaction in
            for (account, until) in rateLimits.sorted(by: { $0.key < $1.key }) {
                try setRateLimited(transaction, until: until, account: account, now: now)
            }
            let held = try outcomes.map {
                try finish(transaction, job: $0.job, worker: worker, resolution: $0.resolution, now: now, policy: policy)
            }
            guard limit > 0 else { return QueueStep(held: held, started: []) }
            let claimed = try claim(transaction, worker: worker, now: now, lease: lease, limit: limit)
            var starts: [Int64: AttemptStart] = [:]
            for job in claimed.sorted(by: { ($0.accountID, $0.id) < ($1.accountID, $1.id) }) {
                starts[job.id] = try begin(transaction, job: job, worker: worker, now: now, caps: caps)
            }
            return QueueStep(held: held, started: claimed.map { StartedJob(job: $0, start: starts[$0.id]!) })
        }
    }

    /// The receipt of a published variant.
    public func publication(of variantID: String) throws -> PublishReceipt? {
        try pool.transaction { transaction in
            guard
                let row = try transaction.rows(
                    "SELECT remote_id, url, extra FROM publication WHERE variant_id = \(variantID) AND remote_id IS NOT NULL"
                ).first
            else { return nil }
            let (remoteID, url, extra) = try PostgresFailure.decoding {
                (try row[0].decode(String.self), try row[1].decode(String?.self), try row[2].decode(String.self))
            }
            return PublishReceipt(
                remoteID: remoteID, url: url, extra: try JSONDecoder().decode([String: String].self, from: Data(extra.utf8)))
        }
    }

    /// The job's attempt if `worker` holds it (its row locked until the transaction ends), else `nil`.
    func heldAttempt(_ transaction: PostgresTransaction, job: Int64, worker: String) throws -> Int? {
        try transaction.value(
            "SELECT attempt FROM publish_job WHERE id = \(job) AND state = 'running' AND locked_by = \(worker) FOR UPDATE",
            as: Int.self)
    }

    /// When the account of `job` may publish again under `caps` (and which cap says so), or `nil` if now.
    private func nextAllowed(
        _ transaction: PostgresTransaction, job: PublishJob, caps: [PublishingCap], now: Date
    ) throws -> (until: Date, cap: PublishingCap)? {
        guard !caps.isEmpty else { return nil }
        let inFlight =
            try transaction.value(
                """
                SELECT count(*) FROM publish_job AS j JOIN variant AS v ON v.id = j.variant_id
                WHERE j.account_id = \(job.accountID) AND j.state IN ('running', 'retryable') AND j.id <> \(job.id)
                  AND v.state IN ('publishing', 'unknown')
                """, as: Int.self) ?? 0
        var full: [PublishingCap] = []
        for cap in caps {
            let since = now.addingTimeInterval(-cap.window)
            let published =
                try transaction.value(
                    """
                    SELECT count(*) FROM publish_job
                    WHERE account_id = \(job.accountID) AND state = 'completed' AND finished_at > \(since)
                    """, as: Int.self) ?? 0
            if !cap.admits(published: published, inFlight: inFlight) { full.append(cap) }
        }
        guard let longest = full.map(\.window).max() else { return nil }
        let recent = try transaction.rows(
            """
            SELECT finished_at FROM publish_job
            WHERE account_id = \(job.accountID) AND state = 'completed' AND finished_at > \(now.addingTimeInterval(-longest))
            """
        ).map { try $0[0].decode(Date.self) }
        return PublishingCap.nextAllowed(under: full, recent: recent, inFlight: inFlight, now: now)
    }

    private func pendingReceipt(_ transaction: PostgresTransaction, variantID: String) throws -> PublishReceipt? {
        guard
            let raw = try transaction.value(
                "SELECT pending FROM publication WHERE variant_id = \(variantID) AND pending IS NOT NULL", as: String.self)
        else { return nil }
        return try JSONDecoder().decode(PublishReceipt.self, from: Data(raw.utf8))
    }

    /// Puts `job`, running under `worker`'s lease, back in the queue at `at`.
    private func requeue(
        _ transaction: PostgresTransaction, job: Int64, worker: String, at: Date, error: String, refund: Bool, now: Date
    ) throws {
        try transaction.execute(
            """
            UPDATE publish_job SET state = 'retryable', locked_by = NULL, lease_expires_at = NULL, run_at = \(at),
                attempt = attempt - \(refund ? 1 : 0), last_error = \(error), updated_at = \(now)
            WHERE id = \(job) AND state = 'running' AND locked_by = \(worker)
            """)
    }

    /// Ends `job`, running under `worker`'s lease, in `state`.
    private func end(
        _ transaction: PostgresTransaction, job: Int64, worker: String, state: JobState, error: String?, now: Date
    ) throws {
        try transaction.execute(
            """
            UPDATE publish_job SET state = \(state.rawValue), locked_by = NULL, lease_expires_at = NULL,
                last_error = \(error), finished_at = \(now), updated_at = \(now)
            WHERE id = \(job) AND state = 'running' AND locked_by = \(worker)
            """)
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
