import Foundation

/// The report's learned-timing view: each account's best buckets as the learner sees them (the
/// same ``LearnedTimingEstimator`` the scheduler uses, on the report's measured posts) and the lift
/// measured on the holdout (``HoldoutLiftEstimate``, as `glocal-simulate` checks it). A post counts for the holdout comparison once its network had a scored
/// post before it (before that, every post was placed by the default table). Posts are scored at the
/// scheduler's reading (+24 h; +7 d on YouTube): a post without it yet is left out.
public struct EngagementLearnedTimingBuilder: Sendable {
    /// The default timing table the estimates start from.
    public var timing: TimingTable
    /// The holdout's share (as the scheduler's).
    public var holdoutShare: Double
    /// Best buckets shown per account.
    public var bestCount: Int

    /// Creates a builder.
    public init(timing: TimingTable = .standard, holdoutShare: Double = LearnedTiming.empty.holdoutShare, bestCount: Int = 3) {
        self.timing = timing
        self.holdoutShare = holdoutShare
        self.bestCount = bestCount
    }

    /// The rows (by network, then account) and the lift over every account.
    public func build(_ posts: [ReportPost]) -> (rows: [EngagementReport.LearnedTimingRow], overall: EngagementReport.HoldoutLift)
    {
        let records = posts.compactMap { post -> EngagementRecord? in
            // Scored at the same reading as the scheduler's learner (+24 h; +7 d on YouTube), not the latest.
            guard let published = post.publishedAt, let engagement = post.scoringEngagement else { return nil }
            return EngagementRecord(
                variantID: post.variantID, accountID: post.accountID, network: post.network,
                bucket: TimingBucket.local(of: published, timeZoneIdentifier: post.timeZone), engagement: Double(engagement),
                publishedAt: published, region: post.timeZone)
        }
        let observations = EngagementScore.scores(records)
        guard let now = records.map(\.publishedAt).max() else {
            return ([], EngagementReport.HoldoutLift(HoldoutLiftEstimate([])))
        }
        let estimator = LearnedTimingEstimator()
        let model = estimator.estimate(observations, table: timing, now: now, holdoutShare: holdoutShare)
        var firstScored: [Network: Date] = [:]
        for item in observations {
            firstScored[item.network] = min(firstScored[item.network] ?? item.publishedAt, item.publishedAt)
        }
        let compared = observations.filter { item in firstScored[item.network].map { item.publishedAt > $0 } ?? false }
        // Each post's content effect, seen on its sibling accounts, comes out of both sides of the holdout's comparison.
        let effects = Dictionary(
            zip(compared.map(\.variantID), estimator.contentEffect?.estimate(compared).effects ?? []),
            uniquingKeysWith: { a, _ in a })
        let start = compared.map(\.publishedAt).min() ?? now
        let groups = Dictionary(grouping: observations) { AccountKey(account: $0.accountID, network: $0.network) }
        // A bucket's posts are the account's measured posts there, its first (which has no score) included.
        let measured = Dictionary(grouping: records) { AccountKey(account: $0.accountID, network: $0.network) }
        let rows = groups.keys.sorted().map { key -> EngagementReport.LearnedTimingRow in
            let estimates = model.estimates(account: key.account, network: key.network)
            let best = (estimates?.buckets ?? [:]).sorted { a, b in
                a.value.mean != b.value.mean ? a.value.mean > b.value.mean : a.key < b.key
            }.prefix(bestCount)
            let own = compared.filter { $0.accountID == key.account && $0.network == key.network }
            let postsByBucket = Dictionary(grouping: measured[key] ?? [], by: \.bucket).mapValues(\.count)
            return EngagementReport.LearnedTimingRow(
                account: key.account, network: key.network.rawValue, scoredPosts: groups[key]!.count,
                bestHours: best.map {
                    EngagementReport.LearnedHour(
                        weekday: $0.key.weekday, hour: $0.key.block * 2, label: $0.key.description, score: $0.value.mean,
                        uncertainty: $0.value.variance.squareRoot(), posts: postsByBucket[$0.key] ?? 0)
                },
                holdout: lift(own, from: start, effects: effects))
        }
        return (rows, lift(compared, from: start, effects: effects))
    }

    private struct AccountKey: Hashable, Comparable {
        var account: String
        var network: Network
        static func < (a: Self, b: Self) -> Bool { (a.network.rawValue, a.account) < (b.network.rawValue, b.account) }
    }

    /// The holdout's estimate over `items`, in 28-day periods counted from `start` (``HoldoutLiftEstimate``), each
    /// post's content effect (by variant id) taken out.
    private func lift(_ items: [EngagementObservation], from start: Date, effects: [String: Double])
        -> EngagementReport.HoldoutLift
    {
        EngagementReport.HoldoutLift(
            HoldoutLiftEstimate(
                items.compactMap { item in
                    item.logEngagement.map {
                        HoldoutLiftEstimate.Post(
                            account: item.network.rawValue + "/" + item.accountID,
                            period: HoldoutLiftEstimate.period(of: item.publishedAt, from: start),
                            holdout: Holdout.contains(item.variantID, share: holdoutShare), engagement: exp($0) - 1,
                            contentEffect: effects[item.variantID] ?? 0)
                    }
                }))
    }
}
