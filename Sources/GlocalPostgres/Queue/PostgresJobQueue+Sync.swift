import Foundation
import GlocalCore
import GlocalStore
import PostgresNIO

extension PostgresJobQueue {
    /// Brings the jobs in line with the variants at `now`, as `PublishQueue.sync` does on SQLite, one node at a time
    /// (the schema's sync lock). The approved variants are moved and queued, and the stale jobs missed, a whole set
    /// per statement, so a large approval is queued in a few round trips while the other nodes wait for the lock.
    ///
    /// Nodes woken together by the same due post all sync at once. Only the one that takes the lock syncs; one that
    /// finds another node's sync under way leaves everything to it (begun moments before) and reports none, at once,
    /// rather than queue behind it: a round that waited for every other node's sync began its posts late. What the
    /// running sync could not see (an approval committed after it read) the next sync that finds the lock free does.
    public func sync(now: Date, grace: TimeInterval, policy: RetryPolicy) throws -> PublishQueue.SyncReport {
        try pool.transaction { transaction in
            let free =
                try transaction.value(
                    "SELECT pg_try_advisory_xact_lock(\(unescaped: PostgresAdvisoryKey.sync))", as: Bool.self) ?? false
            guard free else { return QueueSyncReport(enqueued: 0, withdrawn: 0, moved: 0, missed: 0) }
            let cutoff = now.addingTimeInterval(-grace)
            let (withdrawn, moved) = try followVariants(transaction, now: now)
            var moves = PostgresVariantMoves()
            var queued: [(variant: StoredVariant, slot: Date)] = []
            var missed = 0
            var heldVariants: [String: StoredVariant] = [:]
            let approved = try transaction.rows(
                """
                SELECT \(unescaped: PostgresVariantRow.selection) FROM variant
                WHERE state = 'approved' AND (scheduled_at IS NOT NULL OR live) ORDER BY id COLLATE "C" FOR UPDATE
                """
            ).map(PostgresVariantRow.variant(from:))
            for variant in approved {
                let slot = variant.scheduledAt ?? now
                if slot < cutoff {
                    try moves.add(variant, to: .missed)
                    missed += 1
                } else {
                    try moves.add(variant, to: .scheduled)
                    queued.append((variant, slot))
                }
            }
            try enqueue(transaction, queued, now: now, policy: policy)
            let held = try heldPastDeadline(transaction, rule: MissedSlotRule(grace: grace), now: now)
            if !held.isEmpty {
                for row in try transaction.rows(
                    """
                    SELECT \(unescaped: PostgresVariantRow.selection) FROM variant
                    WHERE id = ANY(\(held.map(\.variantID))) ORDER BY id COLLATE "C" FOR UPDATE
                    """)
                {
                    let variant = try PostgresVariantRow.variant(from: row)
                    heldVariants[variant.id] = variant
                }
                for job in held {
                    guard let variant = heldVariants[job.variantID] else {
                        throw VariantStoreError.variantNotFound(job.variantID)
                    }
                    try moves.add(variant, to: .missed)
                }
            }
            // A held job is missed once, naming its hold (as on SQLite, where the held ones are cancelled first): the
            // stale rule takes only the others, whose slot passed while the dispatcher was down.
            let heldIDs = Set(held.map(\.variantID))
            let stale = try transaction.rows(
                """
                SELECT variant_id FROM publish_job
                WHERE state IN ('scheduled', 'available') AND attempt = 0 AND run_at < \(cutoff) ORDER BY slot_at, id
                """
            ).map { try $0[0].decode(String.self) }.filter { !heldIDs.contains($0) }
            if !stale.isEmpty {
                var staleVariants: [String: StoredVariant] = [:]
                for row in try transaction.rows(
                    """
                    SELECT \(unescaped: PostgresVariantRow.selection) FROM variant
                    WHERE id = ANY(\(stale)) ORDER BY id COLLATE "C" FOR UPDATE
                    """)
                {
                    let variant = try PostgresVariantRow.variant(from: row)
                    staleVariants[variant.id] = variant
                }
                for variantID in stale {
                    guard let variant = staleVariants[variantID] else { throw VariantStoreError.variantNotFound(variantID) }
                    try moves.add(variant, to: .missed)
                }
            }
            try moves.write(transaction, actor: Self.actor, now: now, node: nodeID)
            if !held.isEmpty {
                try transaction.execute(
                    """
                    UPDATE publish_job AS j SET state = 'cancelled', finished_at = \(now), updated_at = \(now),
                        last_error = x.reason
                    FROM unnest(\(held.map(\.variantID))::text[], \(held.map(\.reason))::text[]) AS x(variant_id, reason)
                    WHERE j.variant_id = x.variant_id
                    """)
                missed += held.count
            }
            if !stale.isEmpty {
                try transaction.execute(
                    """
                    UPDATE publish_job SET state = 'cancelled', finished_at = \(now), updated_at = \(now),
                        last_error = 'slot missed: it passed while the account or the dispatcher was paused or down'
                    WHERE variant_id = ANY(\(stale))
                    """)
                missed += stale.count
            }
            if !queued.isEmpty || moved > 0 { try notify(transaction) }
            return QueueSyncReport(enqueued: queued.count, withdrawn: withdrawn, moved: moved, missed: missed)
        }
    }

    /// The waiting jobs that a hold on their account (a pause, a reconnect awaited, a rate limit) or the global crisis
    /// pause kept past their deadline (``MissedSlotRule``), oldest slot first, each with the reason that names the
    /// hold: released later, they went out a day or two late.
    private func heldPastDeadline(
        _ transaction: PostgresTransaction, rule: MissedSlotRule, now: Date
    ) throws -> [(variantID: String, reason: String)] {
        let cutoff = now.addingTimeInterval(-rule.grace)
        let globallyPaused =
            try transaction.value("SELECT EXISTS (SELECT 1 FROM dispatch_control WHERE paused)", as: Bool.self) ?? false
        // An account without a status row is held only by the global pause.
        return try transaction.rows(
            """
            SELECT j.variant_id, j.network, j.slot_at, j.run_at, j.attempt, coalesce(a.paused, false), a.needs_reconnect,
                a.rate_limited_until
            FROM publish_job AS j LEFT JOIN account_status AS a ON a.account_id = j.account_id
            JOIN variant AS v ON v.id = j.variant_id
            WHERE j.state IN ('scheduled', 'available', 'retryable') AND v.state = 'scheduled'
              AND (\(globallyPaused) OR a.paused OR a.needs_reconnect IS NOT NULL OR a.rate_limited_until IS NOT NULL)
              AND ((j.attempt = 0 AND j.slot_at < \(cutoff)) OR (j.attempt > 0 AND j.run_at < \(cutoff)))
            ORDER BY j.slot_at, j.id
            """
        ).compactMap { row in
            try PostgresFailure.decoding {
                guard let network = Network(rawValue: try row[1].decode(String.self)) else { return nil }
                let waiting = MissedSlotRule.Waiting(
                    slot: try row[2].decode(Date.self), runAt: try row[3].decode(Date.self), attempt: try row[4].decode(Int.self),
                    network: network)
                let holds = AccountHolds(
                    paused: try row[5].decode(Bool.self), needsReconnect: try row[6].decode(String?.self),
                    rateLimitedUntil: try row[7].decode(Date?.self))
                guard let reason = rule.missedReason(waiting, holds: holds, globallyPaused: globallyPaused, now: now)
                else { return nil }
                return (try row[0].decode(String.self), reason)
            }
        }
    }

    /// Gives each of `queued` a job due at its slot, in one statement (in their order, so the job ids follow it); a
    /// variant sent back for approval gets its cancelled job back, one whose job still waits or runs keeps it.
    private func enqueue(
        _ transaction: PostgresTransaction, _ queued: [(variant: StoredVariant, slot: Date)], now: Date, policy: RetryPolicy
    ) throws {
        guard !queued.isEmpty else { return }
        try transaction.execute(
            """
            INSERT INTO publish_job (variant_id, account_id, network, state, run_at, slot_at, attempt,
                max_attempts, created_at, updated_at)
            SELECT x.variant_id, x.account_id, x.network, 'scheduled', x.slot, x.slot, 0, \(policy.maxAttempts), \(now), \(now)
            FROM unnest(\(queued.map(\.variant.id))::text[], \(queued.map(\.variant.accountID))::text[],
                \(queued.map(\.variant.network.rawValue))::text[], \(queued.map(\.slot))::timestamptz[])
                WITH ORDINALITY AS x(variant_id, account_id, network, slot, n)
            ORDER BY x.n
            ON CONFLICT (variant_id) DO UPDATE SET state = 'scheduled', run_at = excluded.run_at,
                slot_at = excluded.slot_at, attempt = 0, max_attempts = excluded.max_attempts, last_error = NULL,
                finished_at = NULL, updated_at = excluded.updated_at
            WHERE publish_job.state = 'cancelled'
            """)
    }

    /// Withdraws the waiting jobs whose variant left `scheduled`, and moves those whose slot moved (by `apply`);
    /// returns how many of each.
    private func followVariants(_ transaction: PostgresTransaction, now: Date) throws -> (withdrawn: Int, moved: Int) {
        let withdrawn = try transaction.execute(
            """
            UPDATE publish_job AS j SET state = 'cancelled', finished_at = \(now), updated_at = \(now),
                last_error = 'variant is ' || v.state
            FROM variant AS v
            WHERE v.id = j.variant_id AND j.state IN ('scheduled', 'available', 'retryable')
              AND v.state NOT IN ('scheduled', 'publishing', 'unknown')
            """)
        let moved = try transaction.execute(
            """
            UPDATE publish_job AS j SET run_at = v.scheduled_at, slot_at = v.scheduled_at, updated_at = \(now)
            FROM variant AS v
            WHERE v.id = j.variant_id AND j.state IN ('scheduled', 'available') AND j.attempt = 0
              AND v.scheduled_at IS NOT NULL AND v.scheduled_at <> j.slot_at
            """)
        return (withdrawn, moved)
    }
}
