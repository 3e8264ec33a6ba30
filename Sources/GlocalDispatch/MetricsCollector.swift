import Foundation
import GlocalCore
import GlocalNetworks
import GlocalStore

/// Pulls engagement back (docs/scheduling.md, docs/networks.md): for every published variant, a reading at each
/// checkpoint (+1 h, +24 h, +7 d by default), stored as a time series.
///
/// Each round adds the missing jobs of newly published variants, claims the due ones and asks the
/// network. A rate-limited answer moves every waiting reading of that account to the network's
/// reset (and is not counted as an attempt); a passing failure is retried with backoff; an account
/// that needs reconnecting or a post the network no longer has is given up, never retried blindly.
public struct MetricsCollector: Sendable {
    /// What became of one reading.
    public struct Reading: Sendable, Equatable {
        /// The variant.
        public var variantID: String
        /// The checkpoint, in seconds after publication.
        public var checkpoint: Int
        /// `fetched`, `rate_limited`, `retry`, `discarded` or `skipped` (account already waiting for a reset).
        public var outcome: String
        /// Interactions read, when fetched.
        public var engagement: Int?

        /// A reading of `variantID` at `checkpoint` seconds after publication.
        public init(variantID: String, checkpoint: Int, outcome: String, engagement: Int? = nil) {
            self.variantID = variantID
            self.checkpoint = checkpoint
            self.outcome = outcome
            self.engagement = engagement
        }

        /// The line `glocal collect-metrics` prints for it: `fetched: ID +24h engagement 42`, the checkpoint
        /// written as the `nothing due` line writes it (``CheckpointLabel``).
        public var line: String {
            "\(outcome): \(variantID) \(CheckpointLabel(seconds: checkpoint))" + (engagement.map { " engagement \($0)" } ?? "")
        }
    }

    let metrics: any EngagementMetricsStore
    let publications: any PublishJobQueue
    let clients: [Network: any NetworkClient]
    let credentials: any CredentialSource
    let checkpoints: [Int]
    let batch: Int
    let clock: @Sendable () -> Date

    /// Creates a collector storing readings in `metrics` and finding each post's id on its network in
    /// `publications`; `clock` is injected so tests control time.
    public init(
        metrics: any EngagementMetricsStore, publications: any PublishJobQueue, clients: [Network: any NetworkClient],
        credentials: any CredentialSource, checkpoints: [Int] = EngagementCheckpoints.standardReadings, batch: Int = 50,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.metrics = metrics
        self.publications = publications
        self.clients = clients
        self.credentials = credentials
        self.checkpoints = checkpoints
        self.batch = max(1, batch)
        self.clock = clock
    }

    /// One round: enqueue, then read every due checkpoint, one call at a time (metrics are not
    /// urgent, and one call at a time keeps each account well inside its rate limit). `planning: false` skips the
    /// enqueueing, for a caller that knows nothing was published since its last round (a replay).
    public func runOnce(planning: Bool = true) async throws -> [Reading] {
        if planning { _ = try metrics.enqueuePublished(checkpoints: checkpoints) }
        var readings: [Reading] = []
        var limitedUntil: [String: Date] = [:]
        while true {
            let jobs = try metrics.claimDue(now: clock(), limit: batch, lease: EngagementCheckpoints.claimLease)
            if jobs.isEmpty { return readings }
            for job in jobs {
                if let until = limitedUntil[job.accountID] {
                    _ = try metrics.retry(
                        job, at: until,
                        reason:
                            "account \(RateLimitWait.reasonPrefix)\(job.network.displayName) until \(RateLimitWait.utc(until))",
                        countsAsAttempt: false, now: clock())
                    readings.append(Reading(variantID: job.variantID, checkpoint: job.checkpoint, outcome: "skipped"))
                    continue
                }
                let reading = try await read(job)
                if reading.outcome == "rate_limited",
                    let until = try metrics.jobs(variant: job.variantID).first(where: { $0.id == job.id })?.runAt
                {
                    limitedUntil[job.accountID] = until
                }
                readings.append(reading)
            }
        }
    }

    /// When the waiting reading that comes due first is due (readings are planned by ``runOnce()``), if any.
    public func nextDue() throws -> Date? { try metrics.nextWaiting()?.runAt }

    private func read(_ job: MetricsJob) async throws -> Reading {
        var reading = Reading(variantID: job.variantID, checkpoint: job.checkpoint, outcome: "retry")
        let now = clock()
        guard let client = clients[job.network] else {
            try metrics.discard(job, reason: "no client reads \(job.network.displayName) metrics", now: now)
            reading.outcome = "discarded"
            return reading
        }
        guard let stored = try publications.publication(of: job.variantID) else {
            try metrics.discard(job, reason: "no receipt: the post's id on the network is unknown", now: now)
            reading.outcome = "discarded"
            return reading
        }
        guard let account = try await credentials.credentials(for: job.accountID) else {
            _ = try metrics.retry(
                job, at: now.addingTimeInterval(3_600), reason: "account not connected", countsAsAttempt: true, now: now)
            return reading
        }
        switch await client.fetchMetrics(stored, credentials: account) {
        case .fetched(let sample):
            try metrics.record(job, counters: sample.counters, fetchedAt: clock())
            reading.outcome = "fetched"
            reading.engagement = EngagementScore.total(sample.counters)
        case .failed(.rateLimited(let until)):
            let reset = until ?? clock().addingTimeInterval(900)
            _ = try metrics.retry(
                job, at: reset,
                reason: "\(RateLimitWait.reasonPrefix)\(job.network.displayName) until \(RateLimitWait.utc(reset))",
                countsAsAttempt: false, now: clock())
            _ = try metrics.postpone(account: job.accountID, until: reset)
            reading.outcome = "rate_limited"
        case .failed(let outcome):
            switch outcome {
            case .transient, .unknown:
                // 5 min, 10 min, 20 min …: a reading a little late is still a reading.
                let delay = 300 * pow(2, Double(max(0, job.attempts - 1)))
                if try !metrics.retry(
                    job, at: clock().addingTimeInterval(delay), reason: outcome.description, countsAsAttempt: true, now: clock())
                {
                    reading.outcome = "discarded"
                }
            default:
                try metrics.discard(job, reason: outcome.description, now: clock())
                reading.outcome = "discarded"
            }
        }
        return reading
    }
}
