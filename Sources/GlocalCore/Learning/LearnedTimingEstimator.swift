import Foundation

/// Turns scored posts into a ``LearnedTiming`` (docs/scheduling.md, "Learned timing").
///
/// Two levels of empirical-Bayes shrinkage, per network: the pool of all the network's accounts is
/// shrunk toward the default table's prior (A = 0, B = −0.1) with the weight of `priorWeight` posts;
/// each account is shrunk toward that pool with the same weight. Each post weighs
/// `0.5^(age / halfLife)`, and a post also counts for the neighbouring buckets with `smoothing` of
/// its weight. Only buckets the table allows are estimated.
public struct LearnedTimingEstimator: Sendable {
    /// How many posts the prior is worth.
    public var priorWeight: Double
    /// The age at which a post weighs half.
    public var halfLife: TimeInterval
    /// The share of a post's weight that also counts for each neighbouring bucket.
    public var smoothing: Double
    /// The spread of single-post scores, used until the data give their own.
    public var defaultSpread: Double

    /// Creates an estimator; the defaults are docs/scheduling.md's (5 posts, 8 weeks).
    public init(
        priorWeight: Double = 5, halfLife: TimeInterval = 8 * 7 * 86_400, smoothing: Double = 0.25, defaultSpread: Double = 0.5
    ) {
        self.priorWeight = priorWeight
        self.halfLife = halfLife
        self.smoothing = smoothing
        self.defaultSpread = defaultSpread
    }

    /// The weight of a post published `age` seconds ago.
    public func decay(age: TimeInterval) -> Double { pow(0.5, max(0, age) / halfLife) }

    /// Weighted sums per bucket.
    private struct Tally {
        var weight = 0.0
        var sum = 0.0
        mutating func add(_ score: Double, weight w: Double) {
            weight += w
            sum += w * score
        }
    }

    /// Estimates every account × network with observations in `observations`, as of `now`.
    public func estimate(
        _ observations: [EngagementObservation], table: TimingTable, now: Date, seed: UInt64 = 0, holdoutShare: Double = 0.1
    )
        -> LearnedTiming
    {
        var byNetwork: [Network: [EngagementObservation]] = [:]
        for observation in observations { byNetwork[observation.network, default: []].append(observation) }
        var accounts: [String: AccountTimingEstimate] = [:]
        var pools: [Network: AccountTimingEstimate] = [:]
        for (network, items) in byNetwork {
            let prior = BucketPrior(profile: table.profile(network))
            let spread = self.spread(items, now: now)
            var pool: [TimingBucket: Tally] = [:]
            var perAccount: [String: [TimingBucket: Tally]] = [:]
            var postsPerAccount: [String: Int] = [:]
            for item in items {
                let w = decay(age: now.timeIntervalSince(item.publishedAt))
                postsPerAccount[item.accountID, default: 0] += 1
                for (bucket, share) in [(item.bucket, 1.0)] + item.bucket.neighbours.map({ ($0, smoothing) }) where share > 0 {
                    guard prior.mean(bucket) != nil else { continue }
                    pool[bucket, default: Tally()].add(item.score, weight: w * share)
                    perAccount[item.accountID, default: [:]][bucket, default: Tally()].add(item.score, weight: w * share)
                }
            }
            var poolMeans: [TimingBucket: BucketEstimate] = [:]
            for (bucket, priorMean) in prior.means {
                poolMeans[bucket] = shrink(pool[bucket] ?? Tally(), toward: priorMean, spread: spread)
            }
            pools[network] = AccountTimingEstimate(
                accountID: "*", network: network, posts: items.count, buckets: poolMeans, prior: prior.means)
            for (account, tallies) in perAccount {
                var buckets: [TimingBucket: BucketEstimate] = [:]
                for (bucket, poolEstimate) in poolMeans {
                    buckets[bucket] = shrink(tallies[bucket] ?? Tally(), toward: poolEstimate.mean, spread: spread)
                }
                accounts[AccountTimingEstimate.key(account, network)] = AccountTimingEstimate(
                    accountID: account, network: network, posts: postsPerAccount[account] ?? 0, buckets: buckets,
                    prior: prior.means)
            }
        }
        return LearnedTiming(accounts: accounts, pools: pools, priorWeight: priorWeight, seed: seed, holdoutShare: holdoutShare)
    }

    /// The posterior of a bucket whose data are `tally`, shrunk toward `mean` with `priorWeight`.
    private func shrink(_ tally: Tally, toward mean: Double, spread: Double) -> BucketEstimate {
        let total = priorWeight + tally.weight
        return BucketEstimate(
            mean: (priorWeight * mean + tally.sum) / total, variance: spread * spread / total, weight: tally.weight,
            shrunkToward: mean)
    }

    /// The weighted standard deviation of single scores, or `defaultSpread` with too few posts.
    private func spread(_ items: [EngagementObservation], now: Date) -> Double {
        guard items.count >= 10 else { return defaultSpread }
        var weight = 0.0, sum = 0.0, squares = 0.0
        for item in items {
            let w = decay(age: now.timeIntervalSince(item.publishedAt))
            weight += w
            sum += w * item.score
            squares += w * item.score * item.score
        }
        let mean = sum / weight
        return max(0.05, (max(0, squares / weight - mean * mean)).squareRoot())
    }
}
