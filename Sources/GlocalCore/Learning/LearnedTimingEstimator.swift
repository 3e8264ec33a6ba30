import Foundation

/// Turns scored posts into a ``LearnedTiming`` (docs/scheduling.md, "Learned timing").
///
/// Empirical Bayes over three levels, per network: the network's accounts, the accounts of the same
/// network and region (time zone), and the account itself. Each level starts from the one above it
/// (the network from the default table's prior, A = 0, B = −0.1) and moves toward its own data:
/// first by hour (a two-hour block, every weekday together, with `smoothing` of each post lent to the
/// blocks before and after), worth `priorWeight` posts against the level above; then by weekday,
/// where a bucket's own posts move it away from its hour's estimate against `weekdayWeight` posts.
/// An account's pools leave the account out, so its own posts never count twice. Each post weighs
/// `0.5^(age / halfLife)`, so an audience whose hours drift is followed. Only allowed buckets are estimated.
public struct LearnedTimingEstimator: Sendable {
    /// How many posts the level above is worth against a level's own posts in one block.
    public var priorWeight: Double
    /// How many posts an hour's estimate is worth against one weekday's own posts in that bucket.
    public var weekdayWeight: Double
    /// The age at which a post weighs half.
    public var halfLife: TimeInterval
    /// The share of a post's weight lent to each neighbouring block on the same day.
    public var smoothing: Double
    /// The spread of single-post scores, used until the data give their own.
    public var defaultSpread: Double
    /// Scales the posterior's standard deviation in Thompson sampling (1: plain Thompson sampling).
    public var exploration: Double
    /// The peak model for accounts with posts of their own (`nil`, the default: the bucket estimates
    /// above only; the peak model captured less of the oracle's lift in the simulation, docs/scheduling.md).
    public var peakCurve: PeakCurveFit?
    /// Thompson sampling on the peak draws from the posterior raised to `1 / peakTemperature`.
    public var peakTemperature: Double
    /// Whether buckets compare an account's posts on `log(engagement + 1)` less the account's mean (true)
    /// rather than on the score against the trailing median, which rises as the learner finds better
    /// hours and so makes the later, better-placed posts look worse.
    public var accountCentred: Bool
    /// The peak model with one curve shape per network, used instead of `peakCurve` (the default;
    /// `nil`: the bucket estimates alone, which captured less of the oracle's lift in the simulation).
    public var peakLikelihood: PeakLikelihoodFit?
    /// See ``LearnedTiming/peakPivot``.
    public var peakPivot: Double
    /// See ``LearnedTiming/exploitAfter``.
    public var exploitAfter: Double
    // velocity (issue 18): the early reading's hook, EarlyReadingEvidence.swift.
    /// What the early (+1 h) readings add to the scores (`nil`: the +24 h scores alone).
    public var earlyReading: EarlyReadingEvidence?
    /// Takes each post's content effect, measured on the sibling accounts that carried it, out of its result
    /// before anything else (the default; `nil`: off).
    public var contentEffect: ContentEffect?

    /// Creates an estimator; the defaults are docs/scheduling.md's, tuned in the simulation (bench/simulate.py):
    /// the peak model, Thompson sampling on the peak at temperature `min(1, 10 / posts)` until an account
    /// has 25 decayed posts, then its best expected bucket; an 8-week half-life; each post's content effect, seen on
    /// its sibling accounts, taken out first. For the bucket estimates
    /// (the pools, and the option without the peak model): a level above worth 4 posts, an hour's estimate
    /// worth 40 posts against one weekday's, a quarter of a post lent to each neighbouring block, draws at
    /// 0.3 of the posterior's spread.
    public init(
        priorWeight: Double = 4, weekdayWeight: Double = 40, halfLife: TimeInterval = 8 * 7 * 86_400, smoothing: Double = 0.25,
        defaultSpread: Double = 0.5, exploration: Double = 0.3, peakCurve: PeakCurveFit? = nil,
        peakTemperature: Double = 1, accountCentred: Bool = true,
        peakLikelihood: PeakLikelihoodFit? = PeakLikelihoodFit(), peakPivot: Double = 10, exploitAfter: Double = 25,
        earlyReading: EarlyReadingEvidence? = nil, contentEffect: ContentEffect? = ContentEffect()
    ) {
        self.contentEffect = contentEffect
        self.exploitAfter = exploitAfter
        self.earlyReading = earlyReading
        self.peakPivot = peakPivot
        self.peakLikelihood = peakLikelihood
        self.accountCentred = accountCentred
        self.peakCurve = peakCurve
        self.peakTemperature = peakTemperature
        self.priorWeight = priorWeight
        self.weekdayWeight = weekdayWeight
        self.halfLife = halfLife
        self.smoothing = smoothing
        self.defaultSpread = defaultSpread
        self.exploration = exploration
    }

    /// The weight of a post published `age` seconds ago.
    public func decay(age: TimeInterval) -> Double { pow(0.5, max(0, age) / halfLife) }

    /// Estimates every account × network with observations in `observations`, as of `now`.
    public func estimate(
        _ observations: [EngagementObservation], table: TimingTable, now: Date, seed: UInt64 = 0,
        holdoutShare: Double = Holdout.share
    )
        -> LearnedTiming
    {
        var byNetwork: [Network: [EngagementObservation]] = [:]
        var observations = observations
        var contentShares: [Network: Double] = [:]
        if let contentEffect {
            // What the hours explain comes first, from a fit without the adjustment; the content's effect is what
            // the sibling accounts show beyond it.
            var plain = self
            plain.contentEffect = nil
            let first = plain.estimate(observations, table: table, now: now, seed: seed, holdoutShare: holdoutShare)
            let expected = { (item: EngagementObservation) in
                first.estimates(account: item.accountID, network: item.network)?.buckets[item.bucket]?.mean
            }
            let estimate = contentEffect.estimate(observations, expected: expected)
            // Where content explains too little in every network nothing moves, and the first fit is the answer.
            if estimate.shares.isEmpty { return first }
            contentShares = estimate.shares
            observations = ContentEffect.subtracting(estimate.effects, from: observations)
        }
        let scored = accountCentred ? centred(observations, now: now) : observations
        // velocity (issue 18): the early readings move each score toward what its share predicts.
        for observation in earlyReading?.combine(scored) ?? scored {
            byNetwork[observation.network, default: []].append(observation)
        }
        var accounts: [String: AccountTimingEstimate] = [:]
        var pools: [Network: AccountTimingEstimate] = [:]
        for (network, items) in byNetwork {
            let prior = BucketPrior(profile: table.profile(network))
            let spread = self.spread(items, now: now)
            var all = TimingTallies()
            var regions: [String: TimingTallies] = [:]
            var own: [String: TimingTallies] = [:]
            var regionOf: [String: String] = [:]
            var posts: [String: Int] = [:]
            for item in items {
                let w = decay(age: now.timeIntervalSince(item.publishedAt))
                all.add(item.score, bucket: item.bucket, weight: w, smoothing: smoothing)
                regions[item.region, default: TimingTallies()].add(
                    item.score, bucket: item.bucket, weight: w, smoothing: smoothing)
                own[item.accountID, default: TimingTallies()].add(
                    item.score, bucket: item.bucket, weight: w, smoothing: smoothing)
                regionOf[item.accountID] = item.region
                posts[item.accountID, default: 0] += 1
            }
            pools[network] = AccountTimingEstimate(
                accountID: "*", network: network, posts: items.count, buckets: level(all, parent: prior.means, spread: spread),
                prior: prior.means)
            let beliefs =
                peakLikelihood?.fit(curvePosts(items, now: now), fallbackSpread: spread)
                ?? peakCurve?.fit(curvePosts(items, now: now), fallbackSpread: spread) ?? [:]
            for (account, tallies) in own {
                if let belief = beliefs[account] {
                    accounts[AccountTimingEstimate.key(account, network)] = AccountTimingEstimate(
                        accountID: account, network: network, posts: posts[account] ?? 0,
                        buckets: Dictionary(uniqueKeysWithValues: prior.means.keys.map { ($0, belief.estimate($0)) }),
                        prior: prior.means, belief: belief)
                    continue
                }
                var parent = level(all.subtracting(tallies), parent: prior.means, spread: spread).mapValues(\.mean)
                if let region = regionOf[account], !region.isEmpty, let neighbours = regions[region] {
                    parent = level(neighbours.subtracting(tallies), parent: parent, spread: spread).mapValues(\.mean)
                }
                accounts[AccountTimingEstimate.key(account, network)] = AccountTimingEstimate(
                    accountID: account, network: network, posts: posts[account] ?? 0,
                    buckets: level(tallies, parent: parent, spread: spread), prior: prior.means)
            }
        }
        var model = LearnedTiming(
            accounts: accounts, pools: pools, priorWeight: priorWeight, seed: seed, holdoutShare: holdoutShare,
            exploration: exploration, peakTemperature: peakTemperature, peakPivot: peakPivot,
            exploitAfter: exploitAfter)
        model.contentShares = contentShares
        return model
    }

    /// The observations scored by `log(engagement + 1)` less the account's decayed mean of it (the score
    /// stays when the engagement is unknown).
    func centred(_ items: [EngagementObservation], now: Date) -> [EngagementObservation] {
        var sums: [String: (value: Double, weight: Double)] = [:]
        for item in items {
            guard let value = item.logEngagement else { continue }
            let key = AccountTimingEstimate.key(item.accountID, item.network)
            let w = decay(age: now.timeIntervalSince(item.publishedAt))
            sums[key, default: (0, 0)].value += w * value
            sums[key, default: (0, 0)].weight += w
        }
        return items.map { item in
            guard let value = item.logEngagement, let total = sums[AccountTimingEstimate.key(item.accountID, item.network)],
                total.weight > 0
            else { return item }
            var result = item
            result.score = value - total.value / total.weight
            return result
        }
    }

    /// The observations as the peak model's posts: the local ten-minute slot from the instant and the
    /// region's time zone (the bucket's middle when the region is not a zone or disagrees with the bucket);
    /// the value is `log(engagement + 1)` less the account's weighted mean of it (the score when unknown).
    func curvePosts(_ items: [EngagementObservation], now: Date) -> [PeakCurveFit.Post] {
        var zones: [String: TimeZone?] = [:]
        var sums: [String: (value: Double, weight: Double)] = [:]
        for item in items {
            let w = decay(age: now.timeIntervalSince(item.publishedAt))
            let value = item.logEngagement ?? item.score
            sums[item.accountID, default: (0, 0)].value += w * value
            sums[item.accountID, default: (0, 0)].weight += w
        }
        return items.map { item in
            var minute = item.bucket.startMinute + 60
            if !item.region.isEmpty {
                if zones[item.region] == nil { zones[item.region] = .some(TimeZone(identifier: item.region)) }
                if let zone = zones[item.region] ?? nil {
                    let local = item.publishedAt.timeIntervalSince1970 + Double(zone.secondsFromGMT(for: item.publishedAt))
                    let ofDay = ((Int((local / 60).rounded(.down)) % 1_440) + 1_440) % 1_440
                    if ofDay / 120 == item.bucket.block { minute = ofDay }
                }
            }
            let total = sums[item.accountID] ?? (0, 0)
            let centre = total.weight > 0 ? total.value / total.weight : 0
            return PeakCurveFit.Post(
                account: item.accountID, region: item.region, slot: PeakGrid.slot(minute: minute), weekday: item.bucket.weekday,
                score: (item.logEngagement ?? item.score) - centre, weight: decay(age: now.timeIntervalSince(item.publishedAt)),
                age: max(0, now.timeIntervalSince(item.publishedAt)) / 604_800)
        }
    }

    /// One level's posterior per bucket of `parent`: the hour first (shrunk toward the parent with
    /// `priorWeight`), then the weekday (shrunk toward the hour with `weekdayWeight`).
    func level(_ tallies: TimingTallies, parent: [TimingBucket: Double], spread: Double) -> [TimingBucket: BucketEstimate] {
        var result: [TimingBucket: BucketEstimate] = [:]
        for (bucket, parentMean) in parent {
            let hours = tallies.block(bucket.block)
            let day = tallies.bucket(bucket)
            let hourMean = (priorWeight * parentMean + hours.sum) / (priorWeight + hours.weight)
            let mean = (weekdayWeight * hourMean + day.sum) / (weekdayWeight + day.weight)
            result[bucket] = BucketEstimate(
                mean: mean, variance: spread * spread / (priorWeight + hours.weight), weight: hours.weight,
                shrunkToward: parentMean)
        }
        return result
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
