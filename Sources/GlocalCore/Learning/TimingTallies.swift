/// Decayed, smoothed sums of scores for one group of posts (a network, a network and region, or an
/// account): per two-hour block over every weekday (an audience keeps its hours) and per bucket
/// (what one weekday adds). Subtracting an account's tallies from its pool's gives the pool without it.
public struct TimingTallies: Sendable, Equatable {
    /// A weighted sum of scores.
    public struct Tally: Sendable, Equatable {
        /// Sum of weights.
        public var weight = 0.0
        /// Weighted sum of scores.
        public var sum = 0.0

        /// The weighted mean, or `nil` without weight.
        public var mean: Double? { weight > 1e-12 ? sum / weight : nil }
    }

    /// By block 0…11, every weekday together.
    public private(set) var blocks: [Int: Tally] = [:]
    /// By bucket.
    public private(set) var buckets: [TimingBucket: Tally] = [:]

    /// Empty tallies.
    public init() {}

    /// Adds a post in `bucket` scoring `score` with weight `weight`; the blocks just before and after
    /// on the same day get `smoothing` of its weight (engagement changes gradually over the day).
    public mutating func add(_ score: Double, bucket: TimingBucket, weight: Double, smoothing: Double) {
        for (block, share) in [(bucket.block, 1.0), (bucket.block - 1, smoothing), (bucket.block + 1, smoothing)]
        where share > 0 && (0...11).contains(block) {
            let w = weight * share
            blocks[block, default: Tally()].weight += w
            blocks[block, default: Tally()].sum += w * score
            let target = TimingBucket(weekday: bucket.weekday, block: block)
            buckets[target, default: Tally()].weight += w
            buckets[target, default: Tally()].sum += w * score
        }
    }

    /// These tallies without `other`'s (a pool without one of its accounts).
    public func subtracting(_ other: TimingTallies) -> TimingTallies {
        var result = self
        for (block, tally) in other.blocks {
            result.blocks[block, default: Tally()].weight -= tally.weight
            result.blocks[block, default: Tally()].sum -= tally.sum
        }
        for (bucket, tally) in other.buckets {
            result.buckets[bucket, default: Tally()].weight -= tally.weight
            result.buckets[bucket, default: Tally()].sum -= tally.sum
        }
        return result
    }

    /// The tally of `block` (empty when none).
    public func block(_ block: Int) -> Tally { blocks[block].map { Tally(weight: max(0, $0.weight), sum: $0.sum) } ?? Tally() }

    /// The tally of `bucket` (empty when none).
    public func bucket(_ bucket: TimingBucket) -> Tally {
        buckets[bucket].map { Tally(weight: max(0, $0.weight), sum: $0.sum) } ?? Tally()
    }
}
