import Foundation
import GRDB
import GlocalCore

/// Engagement collection on SQLite: a job per published variant and checkpoint, claimed with a
/// visibility lease (a crashed collector's claim simply comes due again), and the counters read at
/// each checkpoint kept as a time series. Every method is one IMMEDIATE transaction.
public struct MetricsStore: Sendable {
    let writer: any DatabaseWriter

    /// The readings taken by default: +1 h, +24 h and +7 d after publication (`EngagementCheckpoints`).
    public static let standardCheckpoints = EngagementCheckpoints.standardReadings

    /// Claims that count before a reading is given up (a rate limit does not count).
    public static let maxAttempts = MetricsRetryPolicy.standard.maxAttempts

    /// Adds the missing jobs of every published variant, one per checkpoint (seconds after its
    /// publication). Returns how many were added; running it again adds none.
    @discardableResult
    public func enqueuePublished(checkpoints: [Int] = standardCheckpoints) throws -> Int {
        try immediate { db in
            var added = 0
            for checkpoint in EngagementCheckpoints.jobCheckpoints(checkpoints) {
                try db.execute(
                    sql: """
                        INSERT INTO metrics_job (variant_id, account_id, network, checkpoint, due_at, run_at, state, attempts)
                        SELECT v.id, v.account_id, v.network, :checkpoint, \(Self.addSeconds("p.published_at")),
                            \(Self.addSeconds("p.published_at")), 'scheduled', 0
                        FROM publication AS p JOIN variant AS v ON v.id = p.variant_id
                        WHERE p.published_at IS NOT NULL
                        ON CONFLICT (variant_id, checkpoint) DO NOTHING
                        """, arguments: ["checkpoint": checkpoint])
                added += db.changesCount
            }
            return added
        }
    }

    /// `published_at + :checkpoint seconds`, written back in the store's timestamp format.
    private static func addSeconds(_ column: String) -> String {
        "strftime('%Y-%m-%dT%H:%M:%fZ', \(column), '+' || :checkpoint || ' seconds')"
    }

    /// Claims up to `limit` due readings, oldest first, hiding them for `lease` seconds (if the
    /// collector dies they come back then). Each claim counts as an attempt.
    public func claimDue(now: Date, limit: Int, lease: TimeInterval = EngagementCheckpoints.claimLease) throws -> [MetricsJob] {
        try immediate { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    UPDATE metrics_job SET run_at = :lease, attempts = attempts + 1
                    WHERE id IN (SELECT id FROM metrics_job WHERE state = 'scheduled' AND run_at <= :now
                                 ORDER BY run_at, id LIMIT :limit)
                    RETURNING *
                    """,
                arguments: [
                    "lease": StoreTimestamp.string(from: now.addingTimeInterval(lease)), "now": StoreTimestamp.string(from: now),
                    "limit": limit,
                ])
            return try rows.map(Self.job(from:)).sorted { ($0.dueAt, $0.id) < ($1.dueAt, $1.id) }
        }
    }

    /// Stores the counters read for `job` and completes it.
    public func record(_ job: MetricsJob, counters: [String: Int], fetchedAt: Date) throws {
        try immediate { db in
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            try db.execute(
                sql: """
                    INSERT INTO metric_sample (variant_id, checkpoint, fetched_at, counters, engagement) VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [
                    job.variantID, job.checkpoint, StoreTimestamp.string(from: fetchedAt),
                    String(decoding: try encoder.encode(counters), as: UTF8.self), EngagementScore.total(counters),
                ])
            try finish(db, job: job.id, state: "completed", error: nil, now: fetchedAt)
        }
    }

    /// Tries `job` again at `at`; a reading that failed `maxAttempts` times (rate limits aside) is
    /// given up. Returns false when it was given up.
    @discardableResult
    public func retry(_ job: MetricsJob, at: Date, reason: String, countsAsAttempt: Bool, now: Date) throws -> Bool {
        try immediate { db in
            if MetricsRetryPolicy.standard.givesUp(attempts: job.attempts, countsAsAttempt: countsAsAttempt) {
                try finish(
                    db, job: job.id, state: "discarded", error: "gave up after \(job.attempts) attempts: \(reason)", now: now)
                return false
            }
            try db.execute(
                sql:
                    "UPDATE metrics_job SET run_at = ?, attempts = attempts - ?, last_error = ? WHERE id = ? AND state = 'scheduled'",
                arguments: [StoreTimestamp.string(from: at), countsAsAttempt ? 0 : 1, reason, job.id])
            return true
        }
    }

    /// Gives `job` up for good (the post is gone, the network has no metrics).
    public func discard(_ job: MetricsJob, reason: String, now: Date) throws {
        try immediate { db in try finish(db, job: job.id, state: "discarded", error: reason, now: now) }
    }

    /// Moves every waiting reading of `account` that is due before `until` to `until`: after a rate
    /// limit nothing of that account is asked before the network's reset.
    @discardableResult
    public func postpone(account: String, until: Date) throws -> Int {
        try immediate { db in
            let until = StoreTimestamp.string(from: until)
            try db.execute(
                sql: "UPDATE metrics_job SET run_at = ? WHERE account_id = ? AND state = 'scheduled' AND run_at < ?",
                arguments: [until, account, until])
            return db.changesCount
        }
    }

    /// The readings of `variantID`, by checkpoint.
    public func jobs(variant variantID: String) throws -> [MetricsJob] {
        try writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM metrics_job WHERE variant_id = ? ORDER BY checkpoint", arguments: [variantID]
            )
            .map(Self.job(from:))
        }
    }

    /// The waiting reading that comes due first (earliest `run_at`), if any: what an idle round waits for.
    public func nextWaiting() throws -> MetricsJob? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM metrics_job WHERE state = 'scheduled' ORDER BY run_at, id LIMIT 1")
                .map(Self.job(from:))
        }
    }

    /// Every sample, oldest reading first; only those of `variantID` if given.
    public func samples(variant variantID: String? = nil) throws -> [MetricSample] {
        try writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql:
                    "SELECT * FROM metric_sample \(variantID == nil ? "" : "WHERE variant_id = ?") ORDER BY variant_id, checkpoint, id",
                arguments: StatementArguments(variantID.map { [$0] } ?? []))
            return try rows.map { row in
                MetricSample(
                    variantID: row["variant_id"], checkpoint: row["checkpoint"],
                    fetchedAt: StoreTimestamp.date(from: row["fetched_at"]) ?? Date(timeIntervalSince1970: 0),
                    counters: try JSONColumn.decode(row["counters"]), engagement: row["engagement"])
            }
        }
    }

    /// When each published variant went out.
    public func publicationTimes() throws -> [String: Date] {
        try writer.read { db in
            var result: [String: Date] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT variant_id, published_at FROM publication WHERE published_at IS NOT NULL")
            {
                if let date = StoreTimestamp.date(from: row["published_at"]) { result[row["variant_id"]] = date }
            }
            return result
        }
    }

    /// What the learner needs: each published post with its engagement at `checkpoint` seconds
    /// (YouTube at `youtubeCheckpoint`), in the local bucket of the account's time zone, with its early
    /// reading (``EngagementRecord/earlyCheckpoint``) when it was taken. Which reading scores a post and how
    /// it is bucketed are the core's (`EngagementCheckpoints`, `TimingBucket.local`).
    public func engagementRecords(checkpoint: Int = 86_400, youtubeCheckpoint: Int = 604_800) throws -> [EngagementRecord] {
        let schedule = EngagementCheckpoints(
            readings: [checkpoint, youtubeCheckpoint], scoring: checkpoint, youtubeScoring: youtubeCheckpoint)
        let early = EngagementRecord.earlyCheckpoint
        return try writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT v.id, v.account_id, v.network, v.time_zone, p.published_at, s.engagement, s.checkpoint
                    FROM variant AS v JOIN publication AS p ON p.variant_id = v.id
                    JOIN metric_sample AS s ON s.variant_id = v.id AND s.checkpoint IN (:checkpoint, :youtube, :early)
                    WHERE p.published_at IS NOT NULL
                    ORDER BY p.published_at, v.id, s.id
                    """, arguments: ["checkpoint": checkpoint, "youtube": youtubeCheckpoint, "early": early])
            var earlyReadings: [String: Double] = [:]
            for row in rows where row["checkpoint"] as Int == early {
                earlyReadings[row["id"]] = earlyReadings[row["id"]] ?? Double(row["engagement"] as Int)
            }
            var seen = Set<String>()
            return rows.compactMap { row -> EngagementRecord? in
                let id: String = row["id"]
                guard let network = Network(rawValue: row["network"]),
                    row["checkpoint"] as Int == schedule.scoringCheckpoint(for: network),
                    seen.insert(id).inserted,
                    let published = StoreTimestamp.date(from: row["published_at"])
                else { return nil }
                return EngagementRecord(
                    variantID: id, accountID: row["account_id"], network: network,
                    bucket: TimingBucket.local(of: published, timeZoneIdentifier: row["time_zone"]),
                    engagement: Double(row["engagement"] as Int),
                    publishedAt: published, region: row["time_zone"], earlyEngagement: earlyReadings[id])
            }
        }
    }

    private func finish(_ db: Database, job: Int64, state: String, error: String?, now: Date) throws {
        try db.execute(
            sql: "UPDATE metrics_job SET state = ?, last_error = ?, finished_at = ? WHERE id = ? AND state = 'scheduled'",
            arguments: [state, error, StoreTimestamp.string(from: now), job])
    }

    private static func job(from row: Row) throws -> MetricsJob {
        func date(_ column: String) throws -> Date {
            let raw: String = row[column]
            guard let date = StoreTimestamp.date(from: raw) else {
                throw VariantStoreError.unreadableRow(variantID: row["variant_id"], column: "metrics_job.\(column)", value: raw)
            }
            return date
        }
        let network: String = row["network"]
        guard let parsed = Network(rawValue: network) else {
            throw VariantStoreError.unreadableRow(variantID: row["variant_id"], column: "metrics_job.network", value: network)
        }
        return MetricsJob(
            id: row["id"], variantID: row["variant_id"], accountID: row["account_id"], network: parsed,
            checkpoint: row["checkpoint"],
            dueAt: try date("due_at"), runAt: try date("run_at"), attempts: row["attempts"], state: row["state"])
    }

    private func immediate<T>(_ body: (Database) throws -> T) throws -> T { try writer.immediateTransaction(body) }
}

extension SQLiteVariantStore {
    /// Engagement collection kept in the same file.
    public var metrics: MetricsStore { MetricsStore(writer: writer) }
}
