import Foundation
import GlocalCore
import GlocalStore
import PostgresNIO

/// Engagement collection on PostgreSQL, as `MetricsStore` on SQLite: a reading per published variant
/// and checkpoint, claimed under a visibility lease (`FOR UPDATE SKIP LOCKED`, so collectors on
/// several nodes never take the same reading), and the counters read at each, as a time series.
public struct PostgresMetricsStore: EngagementMetricsStore {
    let pool: PostgresConnectionPool

    /// Adds the missing readings of every published variant; returns how many were added.
    public func enqueuePublished(checkpoints: [Int]) throws -> Int {
        try pool.transaction { transaction in
            var added = 0
            for checkpoint in EngagementCheckpoints.jobCheckpoints(checkpoints) {
                added += try transaction.execute(
                    """
                    INSERT INTO metrics_job (variant_id, account_id, network, checkpoint, due_at, run_at, state, attempts)
                    SELECT v.id, v.account_id, v.network, \(checkpoint),
                        p.published_at + make_interval(secs => \(checkpoint)),
                        p.published_at + make_interval(secs => \(checkpoint)), 'scheduled', 0
                    FROM publication AS p JOIN variant AS v ON v.id = p.variant_id
                    WHERE p.published_at IS NOT NULL
                    ON CONFLICT (variant_id, checkpoint) DO NOTHING
                    """)
            }
            return added
        }
    }

    /// Claims up to `limit` due readings, oldest first, hiding them for `lease` seconds.
    public func claimDue(now: Date, limit: Int, lease: TimeInterval) throws -> [MetricsJob] {
        let until = now.addingTimeInterval(lease)
        return try pool.transaction { transaction in
            try transaction.rows(
                """
                UPDATE metrics_job SET run_at = \(until), attempts = attempts + 1
                WHERE id IN (SELECT id FROM metrics_job WHERE state = 'scheduled' AND run_at <= \(now)
                             ORDER BY run_at, id LIMIT \(limit) FOR UPDATE SKIP LOCKED)
                RETURNING \(unescaped: Self.columns)
                """
            ).map(Self.job(from:)).sorted { ($0.dueAt, $0.id) < ($1.dueAt, $1.id) }
        }
    }

    /// Stores the counters read for `job` and completes it.
    public func record(_ job: MetricsJob, counters: [String: Int], fetchedAt: Date) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(counters), as: UTF8.self)
        try pool.transaction { transaction in
            try transaction.execute(
                """
                INSERT INTO metric_sample (variant_id, checkpoint, fetched_at, counters, engagement)
                VALUES (\(job.variantID), \(job.checkpoint), \(fetchedAt), \(json), \(EngagementScore.total(counters)))
                """)
            try finish(transaction, job: job.id, state: "completed", error: nil, now: fetchedAt)
        }
    }

    /// Tries `job` again at `at`, or gives it up; false when given up.
    public func retry(_ job: MetricsJob, at: Date, reason: String, countsAsAttempt: Bool, now: Date) throws -> Bool {
        try pool.transaction { transaction in
            if MetricsRetryPolicy.standard.givesUp(attempts: job.attempts, countsAsAttempt: countsAsAttempt) {
                try finish(
                    transaction, job: job.id, state: "discarded", error: "gave up after \(job.attempts) attempts: \(reason)",
                    now: now)
                return false
            }
            try transaction.execute(
                """
                UPDATE metrics_job SET run_at = \(at), attempts = attempts - \(countsAsAttempt ? 0 : 1), last_error = \(reason)
                WHERE id = \(job.id) AND state = 'scheduled'
                """)
            return true
        }
    }

    /// Gives `job` up for good.
    public func discard(_ job: MetricsJob, reason: String, now: Date) throws {
        try pool.transaction { try finish($0, job: job.id, state: "discarded", error: reason, now: now) }
    }

    /// Moves `account`'s readings due before `until` to `until`; returns how many moved.
    public func postpone(account: String, until: Date) throws -> Int {
        try pool.transaction { transaction in
            try transaction.execute(
                """
                UPDATE metrics_job SET run_at = \(until)
                WHERE account_id = \(account) AND state = 'scheduled' AND run_at < \(until)
                """)
        }
    }

    /// The readings of `variantID`, by checkpoint.
    public func jobs(variant variantID: String) throws -> [MetricsJob] {
        try pool.transaction { transaction in
            try transaction.rows(
                "SELECT \(unescaped: Self.columns) FROM metrics_job WHERE variant_id = \(variantID) ORDER BY checkpoint"
            ).map(Self.job(from:))
        }
    }

    /// The waiting reading that comes due first (earliest `run_at`), if any: what an idle round waits for.
    public func nextWaiting() throws -> MetricsJob? {
        try pool.transaction { transaction in
            try transaction.rows(
                """
                SELECT \(unescaped: Self.columns) FROM metrics_job WHERE state = 'scheduled' ORDER BY run_at, id LIMIT 1
                """
            ).first.map(Self.job(from:))
        }
    }

    /// Every sample, oldest first; only those of `variantID` if given.
    public func samples(variant variantID: String?) throws -> [MetricSample] {
        try pool.transaction { transaction in
            try transaction.rows(
                """
                SELECT variant_id, checkpoint, fetched_at, counters, engagement FROM metric_sample
                WHERE \(variantID)::text IS NULL OR variant_id = \(variantID)
                ORDER BY variant_id COLLATE "C", checkpoint, id
                """
            ).map { row in
                let (variant, checkpoint, fetched, counters, engagement) = try PostgresFailure.decoding {
                    (
                        try row[0].decode(String.self), try row[1].decode(Int.self), try row[2].decode(Date.self),
                        try row[3].decode(String.self), try row[4].decode(Int.self)
                    )
                }
                return MetricSample(
                    variantID: variant, checkpoint: checkpoint, fetchedAt: fetched,
                    counters: try JSONDecoder().decode([String: Int].self, from: Data(counters.utf8)), engagement: engagement)
            }
        }
    }

    /// When each published variant went out.
    public func publicationTimes() throws -> [String: Date] {
        try pool.transaction { transaction in
            var times: [String: Date] = [:]
            for row in try transaction.rows(
                "SELECT variant_id, published_at FROM publication WHERE published_at IS NOT NULL")
            {
                times[try row[0].decode(String.self)] = try row[1].decode(Date.self)
            }
            return times
        }
    }

    /// Each published post with its engagement at its scoring checkpoint, in its local bucket, with its
    /// region (time zone) and its early reading (``EngagementRecord/earlyCheckpoint``) when it was taken.
    public func engagementRecords(checkpoint: Int, youtubeCheckpoint: Int) throws -> [EngagementRecord] {
        let schedule = EngagementCheckpoints(
            readings: [checkpoint, youtubeCheckpoint], scoring: checkpoint, youtubeScoring: youtubeCheckpoint)
        let early = EngagementRecord.earlyCheckpoint
        let rows = try pool.transaction { transaction in
            try transaction.rows(
                """
                SELECT v.id, v.account_id, v.network, v.time_zone, p.published_at, s.engagement, s.checkpoint
                FROM variant AS v JOIN publication AS p ON p.variant_id = v.id
                JOIN metric_sample AS s ON s.variant_id = v.id AND s.checkpoint IN (\(checkpoint), \(youtubeCheckpoint), \(early))
                WHERE p.published_at IS NOT NULL
                ORDER BY p.published_at, v.id COLLATE "C", s.id
                """)
        }
        var earlyReadings: [String: Double] = [:]
        for row in rows {
            guard try row[6].decode(Int.self) == early else { continue }
            let id = try row[0].decode(String.self)
            if earlyReadings[id] == nil { earlyReadings[id] = Double(try row[5].decode(Int.self)) }
        }
        var seen = Set<String>()
        var records: [EngagementRecord] = []
        for row in rows {
            let id = try row[0].decode(String.self)
            guard let network = Network(rawValue: try row[2].decode(String.self)),
                try row[6].decode(Int.self) == schedule.scoringCheckpoint(for: network), seen.insert(id).inserted
            else { continue }
            let published = try row[4].decode(Date.self)
            let zone = try row[3].decode(String.self)
            records.append(
                EngagementRecord(
                    variantID: id, accountID: try row[1].decode(String.self), network: network,
                    bucket: TimingBucket.local(of: published, timeZoneIdentifier: zone),
                    engagement: Double(try row[5].decode(Int.self)), publishedAt: published, region: zone,
                    earlyEngagement: earlyReadings[id]))
        }
        return records
    }

    private func finish(_ transaction: PostgresTransaction, job: Int64, state: String, error: String?, now: Date) throws {
        try transaction.execute(
            """
            UPDATE metrics_job SET state = \(state), last_error = \(error), finished_at = \(now)
            WHERE id = \(job) AND state = 'scheduled'
            """)
    }

    private static let columns = "id, variant_id, account_id, network, checkpoint, due_at, run_at, attempts, state"

    private static func job(from row: PostgresRandomAccessRow) throws -> MetricsJob {
        try PostgresFailure.decoding {
            let variantID = try row[1].decode(String.self)
            let raw = try row[3].decode(String.self)
            guard let network = Network(rawValue: raw) else {
                throw VariantStoreError.unreadableRow(variantID: variantID, column: "metrics_job.network", value: raw)
            }
            return MetricsJob(
                id: try row[0].decode(Int64.self), variantID: variantID, accountID: try row[2].decode(String.self),
                network: network, checkpoint: try row[4].decode(Int.self), dueAt: try row[5].decode(Date.self),
                runAt: try row[6].decode(Date.self), attempts: try row[7].decode(Int.self), state: try row[8].decode(String.self))
        }
    }
}
