import Foundation
import GRDB
import GlocalCore

extension PublishQueue {
    /// What a worker must do with a job it just claimed (the core's type, under its old name).
    public typealias AttemptStart = GlocalCore.AttemptStart

    /// Starts the attempt of `job` held by `worker`. A first send is checked against its network's
    /// publishing caps (`caps`) in the same transaction, so concurrent workers cannot overshoot them.
    public func begin(
        _ job: PublishJob, worker: String, now: Date,
        caps: (Network) -> [PublishingCap] = PublishingCap.caps(for:)
    ) throws -> AttemptStart {
        try immediate { db in try begin(db, job: job, worker: worker, now: now, caps: caps) }
    }

    /// Starts the attempts of several claimed jobs in one transaction (one sync to disk for the
    /// batch): every `.send` variant is `publishing` on disk before any of them is sent.
    public func begin(
        _ jobs: [PublishJob], worker: String, now: Date,
        caps: (Network) -> [PublishingCap] = PublishingCap.caps(for:)
    ) throws -> [AttemptStart] {
        try immediate { db in try jobs.map { try begin(db, job: $0, worker: worker, now: now, caps: caps) } }
    }

    func begin(
        _ db: Database, job: PublishJob, worker: String, now: Date, caps: (Network) -> [PublishingCap]
    ) throws -> AttemptStart {
        guard try holds(db, job: job.id, worker: worker) else { return .leaseLost }
        guard let variant = try SQLiteVariantStore.fetchVariant(db, id: job.variantID) else {
            throw VariantStoreError.variantNotFound(job.variantID)
        }
        let timestamp = StoreTimestamp.string(from: now)
        switch AttemptOpening.opening(for: variant.state) {
        case .send:
            if let wait = try nextAllowed(db, job: job, caps: caps(job.network), now: now) {
                let reason = wait.cap.deferralReason
                try requeue(
                    db, job: job.id, worker: worker, at: wait.until, error: reason, refundAttempt: true, timestamp: timestamp)
                return .deferred(until: wait.until, reason: reason)
            }
            try VariantStateChange.move(
                db, id: variant.id, to: .publishing, actor: Self.actor, timestamp: timestamp, current: variant, node: nodeID)
            var sending = variant
            sending.state = .publishing
            return .send(sending)
        case .reconcile:
            return .reconcile(variant, pending: try pendingReceipt(db, variantID: variant.id))
        case .withdraw(let reason):
            try finishJob(db, job: job.id, worker: worker, state: .cancelled, error: reason, timestamp: timestamp)
            return .skip(reason: reason)
        }
    }

    /// After a look-up found nothing: the post is not out, so it is sent now (`unknown` → `publishing`).
    public func resend(_ job: PublishJob, worker: String, now: Date) throws -> Bool {
        try immediate { db in
            guard try holds(db, job: job.id, worker: worker) else { return false }
            let current = try SQLiteVariantStore.fetchVariant(db, id: job.variantID)
            if current?.state == .unknown {
                try VariantStateChange.move(
                    db, id: job.variantID, to: .publishing, actor: Self.actor, timestamp: StoreTimestamp.string(from: now),
                    node: nodeID)
            }
            return true
        }
    }

    /// Saves the handle a network gives before the ambiguous step (a container id, a record key), so
    /// that a crash right after can be reconciled. Returns false if the lease was lost.
    public func savePending(_ receipt: PublishReceipt, for job: PublishJob, worker: String) throws -> Bool {
        try immediate { db in
            guard try holds(db, job: job.id, worker: worker) else { return false }
            try db.cachedStatement(
                sql: """
                    INSERT INTO publication (variant_id, pending, extra) VALUES (?, ?, '{}')
                    ON CONFLICT (variant_id) DO UPDATE SET pending = excluded.pending
                    """
            ).execute(arguments: [job.variantID, try Self.json(receipt)])
            return true
        }
    }

    /// Ends the attempt of `job` as `resolution` says, in one transaction guarded by the lease: the
    /// variant's state, the receipt, the job's next run or its end. Returns false (and writes nothing)
    /// if `worker` no longer holds the job.
    @discardableResult
    public func finish(
        _ job: PublishJob, worker: String, resolution: JobResolution, now: Date, policy: RetryPolicy = .standard
    ) throws -> Bool {
        try immediate { db in try finish(db, job: job, worker: worker, resolution: resolution, now: now, policy: policy) }
    }

    /// Ends several attempts in one transaction; returns, per job, whether `worker` still held it.
    @discardableResult
    public func finish(
        _ outcomes: [(job: PublishJob, resolution: JobResolution)], worker: String, now: Date, policy: RetryPolicy = .standard
    ) throws -> [Bool] {
        guard !outcomes.isEmpty else { return [] }
        return try immediate { db in
            try outcomes.map { try finish(db, job: $0.job, worker: worker, resolution: $0.resolution, now: now, policy: policy) }
        }
    }

    func finish(
        _ db: Database, job: PublishJob, worker: String, resolution: JobResolution, now: Date, policy: RetryPolicy
    ) throws -> Bool {
        guard try holds(db, job: job.id, worker: worker) else { return false }
        let timestamp = StoreTimestamp.string(from: now)
        let attempt =
            try Int.fetchOne(db.cachedStatement(sql: "SELECT attempt FROM publish_job WHERE id = ?"), arguments: [job.id])
            ?? job.attempt
        let settlement = JobSettlement.settling(resolution, attempt: attempt, runAt: job.runAt, policy: policy)
        let current = try SQLiteVariantStore.fetchVariant(db, id: job.variantID)
        if current?.state != settlement.variantState {
            try VariantStateChange.move(
                db, id: job.variantID, to: settlement.variantState, actor: Self.actor, timestamp: timestamp, current: current,
                node: nodeID)
        }
        if let receipt = settlement.publication {
            try db.cachedStatement(
                sql: """
                    INSERT INTO publication (variant_id, remote_id, url, extra, published_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (variant_id) DO UPDATE SET remote_id = excluded.remote_id, url = excluded.url,
                        extra = excluded.extra, published_at = excluded.published_at
                    """
            ).execute(arguments: [
                job.variantID, receipt.remoteID, receipt.url, try Self.json(receipt.extra),
                // A post a look-up found is dated by the network's own creation time where it gives one.
                receipt.createdAt.map(StoreTimestamp.string(from:)) ?? timestamp,
            ])
        }
        switch settlement.job {
        case .complete:
            let note = settlement.linkReplyFailure?.note
            try finishJob(db, job: job.id, worker: worker, state: .completed, error: note, timestamp: timestamp)
            if let note, let variant = try SQLiteVariantStore.fetchVariant(db, id: job.variantID) {
                // The variant stays `published` (the post is out): this event is what tells a person (the failure scan).
                try AuditLog.append(
                    db, timestamp: timestamp, actor: Self.actor, variantID: job.variantID, action: .setState,
                    before: variant, beforeState: .published, after: variant, afterState: .published, reason: note,
                    node: nodeID)
            }
        case .requeue(let at, let reason, let refundAttempt):
            try requeue(
                db, job: job.id, worker: worker, at: at, error: reason, refundAttempt: refundAttempt, timestamp: timestamp)
        case .discard(let reason):
            try finishJob(db, job: job.id, worker: worker, state: .discarded, error: reason, timestamp: timestamp)
            if settlement.givenUpUnknown, let variant = try SQLiteVariantStore.fetchVariant(db, id: job.variantID) {
                // The variant stays `unknown` (it may be out): this event is what tells a person (the failure scan).
                try AuditLog.append(
                    db, timestamp: timestamp, actor: Self.actor, variantID: job.variantID, action: .setState,
                    before: variant, beforeState: .unknown, after: variant, afterState: .unknown, reason: reason, node: nodeID)
            }
        }
        if let reason = settlement.needsReconnect {
            let held = try String.fetchOne(
                db.cachedStatement(sql: "SELECT needs_reconnect FROM account_status WHERE account_id = ?"),
                arguments: [job.accountID])
            // Once per refusal: another job of the account held for the same reason adds no event.
            if held != reason {
                // An automatic event: by the dispatcher, on its node, as its variant events are.
                try AccountAuditLog.append(
                    db, at: now, actor: Self.actor, accountID: job.accountID, action: .needsReconnect, reason: reason,
                    node: nodeID ?? worker)
            }
            try db.cachedStatement(
                sql: """
                    INSERT INTO account_status (account_id, paused, needs_reconnect, updated_at) VALUES (?, 0, ?, ?)
                    ON CONFLICT (account_id) DO UPDATE SET needs_reconnect = excluded.needs_reconnect,
                        updated_at = excluded.updated_at
                    """
            ).execute(arguments: [job.accountID, reason, timestamp])
        }
        return true
    }

    /// The receipt of a published variant.
    public func publication(of variantID: String) throws -> PublishReceipt? {
        try writer.read { db in
            guard
                let row = try Row.fetchOne(
                    db.cachedStatement(
                        sql: "SELECT remote_id, url, extra FROM publication WHERE variant_id = ? AND remote_id IS NOT NULL"),
                    arguments: [variantID])
            else { return nil }
            let extra: [String: String] = try JSONColumn.decode(row["extra"])
            return PublishReceipt(remoteID: row["remote_id"], url: row["url"], extra: extra)
        }
    }

    private func holds(_ db: Database, job: Int64, worker: String) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT 1 FROM publish_job WHERE id = ? AND state = 'running' AND locked_by = ?"),
            arguments: [job, worker]) ?? false
    }

    /// When the account of `job` may publish again under all of `caps` (and the cap that says so),
    /// or `nil` if now: its publications of the windows, plus its other posts in flight (sent,
    /// outcome not recorded: maybe out). This runs before every first send, so it counts first
    /// (index-only, see migration v8) and reads the instants only when a cap is full.
    private func nextAllowed(
        _ db: Database, job: PublishJob, caps: [PublishingCap], now: Date
    ) throws -> (until: Date, cap: PublishingCap)? {
        guard !caps.isEmpty else { return nil }
        let inFlight =
            try Int.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT count(*) FROM publish_job AS j JOIN variant AS v ON v.id = j.variant_id
                        WHERE j.account_id = ? AND j.state IN ('running', 'retryable') AND j.id <> ?
                          AND v.state IN ('publishing', 'unknown')
                        """), arguments: [job.accountID, job.id]) ?? 0
        var full: [PublishingCap] = []
        for cap in caps {
            let since = StoreTimestamp.string(from: now.addingTimeInterval(-cap.window))
            let published =
                try Int.fetchOne(
                    db.cachedStatement(
                        sql: """
                            SELECT count(*) FROM publish_job WHERE account_id = ? AND state = 'completed' AND finished_at > ?
                            """), arguments: [job.accountID, since]) ?? 0
            if !cap.admits(published: published, inFlight: inFlight) { full.append(cap) }
        }
        guard let longest = full.map(\.window).max() else { return nil }
        let recent = try String.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT finished_at FROM publish_job WHERE account_id = ? AND state = 'completed' AND finished_at > ?
                    """), arguments: [job.accountID, StoreTimestamp.string(from: now.addingTimeInterval(-longest))]
        )
        .compactMap(StoreTimestamp.date(from:))
        return PublishingCap.nextAllowed(under: full, recent: recent, inFlight: inFlight, now: now)
    }

    private func pendingReceipt(_ db: Database, variantID: String) throws -> PublishReceipt? {
        guard
            let raw = try String.fetchOne(
                db.cachedStatement(sql: "SELECT pending FROM publication WHERE variant_id = ? AND pending IS NOT NULL"),
                arguments: [variantID])
        else { return nil }
        return try JSONColumn.decode(raw)
    }

    /// Puts job `job`, running under `worker`'s lease, back in the queue at `at`.
    private func requeue(
        _ db: Database, job: Int64, worker: String, at: Date, error: String, refundAttempt: Bool, timestamp: String
    ) throws {
        try db.cachedStatement(
            sql: """
                UPDATE publish_job SET state = 'retryable', locked_by = NULL, lease_expires_at = NULL, run_at = ?,
                    attempt = attempt - ?, last_error = ?, updated_at = ?
                WHERE id = ? AND state = 'running' AND locked_by = ?
                """
        ).execute(arguments: [StoreTimestamp.string(from: at), refundAttempt ? 1 : 0, error, timestamp, job, worker])
    }

    /// Ends job `job`, running under `worker`'s lease, in `state`.
    func finishJob(_ db: Database, job: Int64, worker: String, state: JobState, error: String?, timestamp: String) throws {
        try db.cachedStatement(
            sql: """
                UPDATE publish_job SET state = ?, locked_by = NULL, lease_expires_at = NULL, last_error = ?,
                    finished_at = ?, updated_at = ?
                WHERE id = ? AND state = 'running' AND locked_by = ?
                """
        ).execute(arguments: [state.rawValue, error, timestamp, timestamp, job, worker])
    }

    private static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
