import Foundation
import GlocalCore
import GlocalStore

/// Builds the learned timing model from the store's engagement readings (empty without any).
public struct LearnedTimingLoader: Sendable {
    /// The store holding the engagement readings.
    public let store: SQLiteVariantStore
    /// The default timing table the estimates start from.
    public let table: TimingTable
    /// The instant the estimates are for.
    public let now: Date

    /// A loader of `store`'s readings over `table` at `now`.
    public init(store: SQLiteVariantStore, table: TimingTable, now: Date) {
        self.store = store
        self.table = table
        self.now = now
    }

    /// The learned timing model.
    public func load() throws -> LearnedTiming {
        let records = try store.metrics.engagementRecords()
        guard !records.isEmpty else { return .empty }
        let observations = EngagementScore.scores(records)
        // The seed changes when new readings arrive, so new data give new draws; the same data, the same plan.
        let seed = SeededRandom.hash(observations.map { "\($0.variantID)=\($0.score)" }.joined(separator: ","))
        return LearnedTimingEstimator().estimate(observations, table: table, now: now, seed: seed)
    }
}
