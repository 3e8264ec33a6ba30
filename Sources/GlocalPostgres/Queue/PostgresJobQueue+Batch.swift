import Foundation
import GlocalCore
import GlocalStore
import PostgresNIO

/// The dispatcher's batches, set-based: a batch of outcomes is settled, and a batch of claimed jobs started,
/// in a fixed handful of statements whatever its size (the jobs and variants read and locked in one statement,
/// the variants moved with their audit events in one, the jobs written in one, each row guarded by its state
/// and holder). The decisions are the core's, taken job by job in Swift between the reads and the writes.
extension PostgresJobQueue {
    /// The variant columns, qualified for a join with `publish_job AS j` (`PostgresVariantRow.variant(from:)` reads them).
    private static let variantColumns = PostgresVariantRow.selection.split(separator: ",")
        .map { "v." + $0.trimmingCharacters(in: .whitespacesAndNewlines) }.joined(separator: ", ")

    /// Holds each account of `limits` until its instant, in one statement.
    func setRateLimited(_ transaction: PostgresTransaction, _ limits: [String: Date], now: Date) throws {
        guard !limits.isEmpty else { return }
        var builder = PostgresQueryBuilder()
        builder.append("INSERT INTO account_status (account_id, paused, rate_limited_until, updated_at) ")
        builder.appendValues(
            limits.sorted { $0.key < $1.key }.map { [.text($0.key), .bool(false), .date($0.value), .date(now)] },
            types: ["text", "bool", "timestamptz", "timestamptz"])
        builder.append(
            """
             ON CONFLICT (account_id) DO UPDATE SET rate_limited_until = excluded.rate_limited_until,
                updated_at = excluded.updated_at
            """)
        try transaction.execute(builder.query)
    }

    /// Settles `outcomes` as `finish` does each; per outcome, whether `worker` still held its job (if not,
    /// nothing of it was written).
    func finish(
        _ transaction: PostgresTransaction, _ outcomes: [(job: PublishJob, resolution: JobResolution)], worker: String,
        now: Date, policy: RetryPolicy
    ) throws -> [Bool] {
        guard !outcomes.isEmpty else { return [] }
        var held: [Int64: (attempt: Int, variant: StoredVariant)] = [:]
        for row in try transaction.rows(
            """
            SELECT \(unescaped: Self.variantColumns), j.id, j.attempt
            FROM publish_job AS j JOIN variant AS v ON v.id = j.variant_id
            WHERE j.id = ANY(\(outcomes.map(\.job.id))) AND j.state = 'running' AND j.locked_by = \(worker)
            ORDER BY j.id FOR UPDATE OF j, v
            """)
        {
            let (id, attempt) = try PostgresFailure.decoding { (try row[20].decode(Int64.self), try row[21].decode(Int.self)) }
            held[id] = (attempt, try PostgresVariantRow.variant(from: row))
        }
        var moves = PostgresVariantMoves()
        var publications: [(variantID: String, remoteID: String, url: String?, extra: String, at: Date)] = []
        var writes: [PostgresJobWrite] = []
        var holds: [(job: PublishJob, reason: String)] = []
        var givenUp: [(variant: StoredVariant, reason: String)] = []
        var linkFailures: [(variant: StoredVariant, note: String)] = []
        let answers = try outcomes.map { job, resolution in
            // An outcome given twice settles its job once.
            guard let (attempt, current) = held.removeValue(forKey: job.id) else { return false }
            let settlement = JobSettlement.settling(resolution, attempt: attempt, runAt: job.runAt, policy: policy)
            if current.state != settlement.variantState { try moves.add(current, to: settlement.variantState) }
            if let receipt = settlement.publication {
                // A post a look-up found is dated by the network's own creation time where it gives one.
                publications.append(
                    (job.variantID, receipt.remoteID, receipt.url, try Self.json(receipt.extra), receipt.createdAt ?? now))
            }
            switch settlement.job {
            case .complete:
                writes.append(.end(job.id, .completed, error: settlement.linkReplyFailure?.note))
                if let failure = settlement.linkReplyFailure {
                    var published = current
                    published.state = .published
                    linkFailures.append((published, failure.note))
                }
            case .requeue(let at, let reason, let refund): writes.append(.requeue(job.id, at: at, error: reason, refund: refund))
            case .discard(let reason):
                writes.append(.end(job.id, .discarded, error: reason))
                if settlement.givenUpUnknown { givenUp.append((current, reason)) }
            }
            if let reason = settlement.needsReconnect { holds.append((job, reason)) }
            return true
        }
        try moves.write(transaction, actor: Self.actor, now: now, node: nodeID)
        if !publications.isEmpty {
            try transaction.execute(
                """
                INSERT INTO publication (variant_id, remote_id, url, extra, published_at)
                SELECT x.variant_id, x.remote_id, x.url, x.extra, x.published_at
                FROM unnest(\(publications.map(\.variantID))::text[], \(publications.map(\.remoteID))::text[],
                    \(PostgresNullableArray(elements: publications.map(\.url)))::text[], \(publications.map(\.extra))::text[],
                    \(publications.map(\.at))::timestamptz[])
                    AS x(variant_id, remote_id, url, extra, published_at)
                ON CONFLICT (variant_id) DO UPDATE SET remote_id = excluded.remote_id, url = excluded.url,
                    extra = excluded.extra, published_at = excluded.published_at
                """)
        }
        try PostgresJobWrite.write(writes, worker: worker, now: now, in: transaction)
        for (variant, reason) in givenUp {
            // The variant stays `unknown` (it may be out): this event is what tells a person (the failure scan).
            try PostgresAuditLog.append(
                transaction, at: now, actor: Self.actor, variantID: variant.id, action: .setState, before: variant,
                beforeState: .unknown, after: variant, afterState: .unknown, reason: reason, node: nodeID)
        }
        for (variant, note) in linkFailures {
            // The variant stays `published` (the post is out): this event is what tells a person (the failure scan).
            try PostgresAuditLog.append(
                transaction, at: now, actor: Self.actor, variantID: variant.id, action: .setState, before: variant,
                beforeState: .published, after: variant, afterState: .published, reason: note, node: nodeID)
        }
        for (job, reason) in holds { try holdForReconnect(transaction, job: job, reason: reason, worker: worker, now: now) }
        return answers
    }

    /// Starts `jobs`, just claimed by `worker` in this transaction (their rows locked by the claim), as `begin`
    /// does each: sends admitted by the caps in account order, the job's order within an account.
    func begin(
        _ transaction: PostgresTransaction, claimed jobs: [PublishJob], worker: String, now: Date,
        caps: (Network) -> [PublishingCap]
    ) throws -> [Int64: AttemptStart] {
        guard !jobs.isEmpty else { return [:] }
        var variants: [String: StoredVariant] = [:]
        for row in try transaction.rows(
            """
            SELECT \(unescaped: PostgresVariantRow.selection) FROM variant
            WHERE id = ANY(\(jobs.map(\.variantID))) ORDER BY id COLLATE "C" FOR UPDATE
            """)
        {
            let variant = try PostgresVariantRow.variant(from: row)
            variants[variant.id] = variant
        }
        var starts: [Int64: AttemptStart] = [:]
        var sends: [(job: PublishJob, variant: StoredVariant)] = []
        var reconciles: [(job: PublishJob, variant: StoredVariant)] = []
        var writes: [PostgresJobWrite] = []
        for job in jobs.sorted(by: { ($0.accountID, $0.id) < ($1.accountID, $1.id) }) {
            guard let variant = variants[job.variantID] else { throw VariantStoreError.variantNotFound(job.variantID) }
            switch AttemptOpening.opening(for: variant.state) {
            case .send: sends.append((job, variant))
            case .reconcile: reconciles.append((job, variant))
            case .withdraw(let reason):
                writes.append(.end(job.id, .cancelled, error: reason))
                starts[job.id] = .skip(reason: reason)
            }
        }
        var accountCaps: [String: [PublishingCap]] = [:]
        for (job, _) in sends where accountCaps[job.accountID] == nil { accountCaps[job.accountID] = caps(job.network) }
        var ledger = try PostgresCapLedger.read(transaction, caps: accountCaps, now: now)
        var moves = PostgresVariantMoves()
        for (job, variant) in sends {
            if let wait = try ledger.wait(transaction, account: job.accountID) {
                let reason = wait.cap.deferralReason
                writes.append(.requeue(job.id, at: wait.until, error: reason, refund: true))
                starts[job.id] = .deferred(until: wait.until, reason: reason)
                continue
            }
            ledger.admit(job.accountID)
            try moves.add(variant, to: .publishing)
            var sending = variant
            sending.state = .publishing
            starts[job.id] = .send(sending)
        }
        if !reconciles.isEmpty {
            let pending = try pendingReceipts(transaction, variantIDs: reconciles.map(\.job.variantID))
            for (job, variant) in reconciles { starts[job.id] = .reconcile(variant, pending: pending[variant.id]) }
        }
        try moves.write(transaction, actor: Self.actor, now: now, node: nodeID)
        try PostgresJobWrite.write(writes, worker: worker, now: now, in: transaction)
        return starts
    }

    /// The handles saved before an ambiguous step, by variant id.
    private func pendingReceipts(_ transaction: PostgresTransaction, variantIDs: [String]) throws -> [String: PublishReceipt] {
        var receipts: [String: PublishReceipt] = [:]
        for row in try transaction.rows(
            "SELECT variant_id, pending FROM publication WHERE variant_id = ANY(\(variantIDs)) AND pending IS NOT NULL")
        {
            let (id, raw) = try PostgresFailure.decoding { (try row[0].decode(String.self), try row[1].decode(String.self)) }
            receipts[id] = try JSONDecoder().decode(PublishReceipt.self, from: Data(raw.utf8))
        }
        return receipts
    }

    /// Holds the account of `job` until it is reconnected, with one account audit event per refusal.
    private func holdForReconnect(
        _ transaction: PostgresTransaction, job: PublishJob, reason: String, worker: String, now: Date
    ) throws {
        let held = try transaction.value(
            "SELECT needs_reconnect FROM account_status WHERE account_id = \(job.accountID) FOR UPDATE", as: String?.self)
        // Once per refusal: another job of the account held for the same reason adds no event.
        if held ?? nil != reason {
            // An automatic event: by the dispatcher, on its node, as its variant events are.
            try PostgresAuditLog.appendAccount(
                transaction, at: now, actor: Self.actor, accountID: job.accountID, action: .needsReconnect, reason: reason,
                node: nodeID ?? worker)
        }
        try transaction.execute(
            """
            INSERT INTO account_status (account_id, paused, needs_reconnect, updated_at)
            VALUES (\(job.accountID), false, \(reason), \(now))
            ON CONFLICT (account_id) DO UPDATE SET needs_reconnect = excluded.needs_reconnect,
                updated_at = excluded.updated_at
            """)
    }
}
