import Foundation
import GlocalCore
import GlocalStore

/// Builds the learned timing model from the store's engagement readings (empty without any).
public struct LearnedTimingLoader: Sendable {
    /// The engagement readings.
    public let metrics: any EngagementMetricsStore
    /// The default timing table the estimates start from.
    public let table: TimingTable
    /// The instant the estimates are for.
    public let now: Date

    /// A loader of the readings in `metrics` over `table` at `now`.
    public init(metrics: any EngagementMetricsStore, table: TimingTable, now: Date) {
        self.metrics = metrics
        self.table = table
        self.now = now
    }

    /// The learned timing model.
    public func load() throws -> LearnedTiming {
        let checkpoints = EngagementCheckpoints.standard
        let records = try metrics.engagementRecords(
            checkpoint: checkpoints.scoring, youtubeCheckpoint: checkpoints.youtubeScoring)
        guard !records.isEmpty else { return .empty }
        let observations = EngagementScore.scores(records)
        // The seed changes when new readings arrive, so new data give new draws; the same data, the same plan.
        let seed = SeededRandom.hash(observations.map { "\($0.variantID)=\($0.score)" }.joined(separator: ","))
        return LearnedTimingEstimator().estimate(observations, table: table, now: now, seed: seed)
    }
}
