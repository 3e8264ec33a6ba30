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
        return try begin(transaction, claimed: [job], worker: worker, now: now, caps: caps)[job.id] ?? .leaseLost
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
        try finish(transaction, [(job, resolution)], worker: worker, now: now, policy: policy)[0]
    }

    /// The dispatcher's one write per step: settles `outcomes`, holds rate-limited accounts, then claims
    /// up to `limit` due jobs and starts them, in one transaction of a handful of statements whatever the batch's
    /// size (`PostgresJobQueue+Batch`). The accounts' cap locks are taken in account order, so two nodes never
    /// wait for each other in a circle.
    public func settleAndClaim(
        _ outcomes: [(job: PublishJob, resolution: JobResolution)], rateLimits: [String: Date], worker: String, now: Date,
        policy: RetryPolicy, lease: TimeInterval, limit: Int, caps: (Network) -> [PublishingCap]
    ) throws -> PublishQueue.Step {
        try pool.transaction { transaction in
            try setRateLimited(transaction, rateLimits, now: now)
            let held = try finish(transaction, outcomes, worker: worker, now: now, policy: policy)
            guard limit > 0 else { return QueueStep(held: held, started: []) }
            let claimed = try claim(transaction, worker: worker, now: now, lease: lease, limit: limit)
            let starts = try begin(transaction, claimed: claimed, worker: worker, now: now, caps: caps)
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

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
