import Foundation
import GlocalCore
import GlocalStore

/// Builds the learned timing model from the store's engagement readings (empty without any).
struct LearnedTimingLoader {
    let store: SQLiteVariantStore
    let table: TimingTable
    let now: Date

    func load() throws -> LearnedTiming {
        let records = try store.metrics.engagementRecords()
        guard !records.isEmpty else { return .empty }
        let observations = EngagementScore.scores(records)
        // The seed changes when new readings arrive, so new data give new draws; the same data, the same plan.
        let seed = SeededRandom.hash(observations.map { "\($0.variantID)=\($0.score)" }.joined(separator: ","))
        return LearnedTimingEstimator().estimate(observations, table: table, now: now, seed: seed)
    }
}
