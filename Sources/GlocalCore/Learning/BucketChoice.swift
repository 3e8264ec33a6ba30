/// Orders the buckets a post may go in: by Thompson sampling from the learned posteriors while an account
/// is still exploring, by the posterior's expected score once it has enough posts of its own to exploit
/// (with the peak model, ``ChoiceRule``'s options refine both; `BucketChoice+Peak.swift`),
/// or, for a holdout post, as the default table would (tier A before tier B, earliest first): the holdout
/// is what the posts would have done without learning, so comparing with it measures what learning adds.
/// The scheduler walks the buckets in this order and takes the first free minute that passes every hard rule.
public struct BucketChoice: Sendable {
    /// One bucket with the draw that ranked it.
    public struct Ranked: Sendable, Hashable {
        /// The bucket.
        public var bucket: TimingBucket
        /// The sampled score (the posterior mean for a holdout post, for the record).
        public var draw: Double
        /// Its posterior.
        public var estimate: BucketEstimate
    }

    /// How the buckets were ranked.
    public enum Method: Sendable, Hashable {
        /// As the default table would (a holdout post).
        case table
        /// Thompson sampling on each bucket's posterior (the bucket estimates).
        case bucketDraw
        /// Thompson sampling on the peak: the buckets nearest a peak drawn from the posterior first.
        case peakDraw
        /// By posterior expected score: the account has `exploitAfter` (decayed) posts or more.
        case bestExpected
        /// By posterior expected score: the best expected bucket is the day's best with a probability of at
        /// least ``ChoiceRule/exploitCertainty`` (``BucketChoice/bestProbability``).
        case confidentBest
        /// Exploiting, but the two best expected buckets are too close to tell apart
        /// (``ChoiceRule/contrastMargin``): they alternate, so the model keeps seeing two hours.
        case contrast
        /// Top-two Thompson sampling (``ChoiceRule/topTwo``): the buckets nearest a challenger peak first,
        /// one whose best bucket differs from the first draw's.
        case topTwoChallenger
    }

    /// Whether the post is in the holdout, placed by the default table.
    public let holdout: Bool
    /// How ``ranked`` was ordered.
    public let method: Method
    /// Candidate buckets, best first.
    public let ranked: [Ranked]
    /// With ``Method/confidentBest``: the posterior probability that the first bucket is the day's best.
    public private(set) var bestProbability: Double? = nil

    /// Ranks `candidates` for the variant `variantID` with `estimates`; deterministic in the
    /// variant id and the model's seed. Candidates without an estimate keep the prior.
    public init(variantID: String, candidates: [TimingBucket], estimates: AccountTimingEstimate, model: LearnedTiming) {
        holdout = Holdout.contains(variantID, share: model.holdoutShare)
        var random = SeededRandom(text: variantID, salt: model.seed)
        let items = candidates.map { bucket -> Ranked in
            let estimate =
                estimates.buckets[bucket]
                ?? BucketEstimate(
                    mean: estimates.prior[bucket] ?? BucketPrior.allowed, variance: 0.25 / model.priorWeight, weight: 0,
                    shrunkToward: estimates.prior[bucket] ?? BucketPrior.allowed)
            return Ranked(bucket: bucket, draw: estimate.mean, estimate: estimate)
        }
        if holdout {
            method = .table
            let prior = estimates.prior
            ranked = items.sorted { a, b in
                let pa = prior[a.bucket] ?? BucketPrior.allowed, pb = prior[b.bucket] ?? BucketPrior.allowed
                return pa != pb ? pa > pb : a.bucket < b.bucket
            }
        } else if let belief = estimates.belief, let weekday = candidates.first?.weekday {
            let peak = Self.peakRanking(
                items, belief: belief, weekday: weekday, model: model, variantID: variantID, random: &random)
            method = peak.method
            ranked = peak.ranked
            bestProbability = peak.bestProbability
        } else {
            method = .bucketDraw
            ranked = ThompsonSampler.rank(items, scale: model.exploration, using: &random)
        }
    }
}
