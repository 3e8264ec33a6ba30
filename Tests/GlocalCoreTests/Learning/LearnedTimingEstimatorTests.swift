import Foundation
import Testing

@testable import GlocalCore

/// The estimator against numbers worked out by hand: the table prior, hours before weekdays, the
/// network and regional pools (without the account itself), smoothing and decay.
@Suite struct LearnedTimingEstimatorTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    /// Tue 10–12: inside X's tier-A window Tue–Thu 09–15 (prior 0).
    static let preferred = TimingBucket(weekday: 2, block: 5)
    /// Wed 10–12: the same hours another day (tier A too).
    static let sameHoursWednesday = TimingBucket(weekday: 3, block: 5)
    /// Sat 12–14: inside X's tier-B window Sat 11–14 (prior −0.1).
    static let allowed = TimingBucket(weekday: 6, block: 6)

    static func posts(
        _ count: Int, score: Double, account: String = "a", bucket: TimingBucket = preferred, age: TimeInterval = 0,
        region: String = ""
    ) -> [EngagementObservation] {
        (0..<count).map { index in
            EngagementObservation(
                variantID: "c/p\(index)/\(account)/\(bucket.index)", accountID: account, network: .x, bucket: bucket,
                score: score,
                publishedAt: now.addingTimeInterval(-age), region: region)
        }
    }

    /// Round weights, no smoothing: every number below can be worked out by hand.
    static let plain = LearnedTimingEstimator(priorWeight: 5, weekdayWeight: 5, smoothing: 0, peakCurve: nil).bucketsOnly()

    @Test func theTablePriorIsZeroForPreferredAndMinusATenthForAllowed() {
        let prior = BucketPrior(profile: TimingTable.standard.profile(.x))
        #expect(prior.mean(Self.preferred) == 0)
        #expect(prior.mean(Self.allowed) == -0.1)
        #expect(prior.mean(TimingBucket(weekday: 2, block: 1)) == nil)  // Tue 02–04: no window
        // Tier A wins where both touch a bucket: Mon 08–17 (A) … and nothing else on Monday.
        #expect(prior.mean(TimingBucket(weekday: 1, block: 4)) == 0)
    }

    @Test func coldStartIsTheDefaultTable() throws {
        let model = Self.plain.estimate([], table: .standard, now: Self.now)
        #expect(model.isEmpty)
        #expect(model.estimates(account: "a", network: .x) == nil)
        // Data in one block leave every bucket of the other blocks exactly at the table's prior (no smoothing).
        let learned = Self.plain.estimate(Self.posts(3, score: 1), table: .standard, now: Self.now)
        let estimates = try #require(learned.estimates(account: "a", network: .x))
        let prior = BucketPrior(profile: TimingTable.standard.profile(.x))
        for (bucket, mean) in prior.means where bucket.block != Self.preferred.block {
            #expect(estimates.buckets[bucket]?.mean == mean)
        }
        #expect(estimates.buckets.count == prior.means.count)
    }

    /// One account, n posts scoring 1.0 today on Tuesday 10–12: its hours are (5·0 + n)/(5 + n), and
    /// Tuesday moves further, (5·hours + n)/(5 + n); Wednesday 10–12 keeps the hours' estimate.
    static let shrinkageCases: [(Int, Double, Double)] = [(1, 1.0 / 6, (5.0 / 6 + 1) / 6), (5, 0.5, 0.75), (95, 0.95, 0.9975)]

    @Test(arguments: shrinkageCases)
    func hoursFirstThenTheWeekday(count: Int, hours: Double, tuesday: Double) throws {
        let model = Self.plain.estimate(Self.posts(count, score: 1), table: .standard, now: Self.now)
        let estimates = try #require(model.estimates(account: "a", network: .x))
        let bucket = try #require(estimates.buckets[Self.preferred])
        #expect(abs(bucket.mean - tuesday) < 1e-12)
        #expect(abs((estimates.buckets[Self.sameHoursWednesday]?.mean ?? 0) - hours) < 1e-12)
        // Alone in its network, the account is shrunk toward the table (its pool without itself), not its own data.
        #expect(bucket.shrunkToward == 0)
        #expect(bucket.weight == Double(count))
        #expect(abs(bucket.variance - 0.25 / (5 + Double(count))) < 1e-12 || count >= 10)
        // The network's pool is the same arithmetic over every account.
        let pool = try #require(model.pool(.x)?.buckets[Self.preferred])
        #expect(abs(pool.mean - tuesday) < 1e-12)
    }

    @Test func anAllowedBucketStartsATenthBelow() throws {
        let model = Self.plain.estimate(Self.posts(5, score: 0.4, bucket: Self.allowed), table: .standard, now: Self.now)
        let bucket = try #require(model.estimates(account: "a", network: .x)?.buckets[Self.allowed])
        let hours = (5 * -0.1 + 5 * 0.4) / 10  // 0.15
        #expect(abs(bucket.mean - (5 * hours + 2) / 10) < 1e-12)  // 0.275
    }

    @Test func otherAccountsPullANewAccountThroughThePool() throws {
        // Account b has 5 posts at +1; account a none: a gets the pool, (5·0.5 + 5)/(5 + 5) = 0.75.
        let model = Self.plain.estimate(Self.posts(5, score: 1, account: "b"), table: .standard, now: Self.now)
        let pool = try #require(model.estimates(account: "a", network: .x))
        #expect(pool.accountID == "*")
        #expect(abs((pool.buckets[Self.preferred]?.mean ?? 0) - 0.75) < 1e-12)
        // An account with its own posts elsewhere starts from the pool without itself: b's 0.75.
        let both = Self.plain.estimate(
            Self.posts(5, score: 1, account: "b") + Self.posts(5, score: 0, account: "a", bucket: Self.allowed), table: .standard,
            now: Self.now)
        let a = try #require(both.estimates(account: "a", network: .x))
        #expect(a.accountID == "a")
        #expect(abs((a.buckets[Self.preferred]?.mean ?? 0) - 0.75) < 1e-12)
        #expect(a.buckets[Self.preferred]?.shrunkToward == a.buckets[Self.preferred]?.mean)
        #expect(a.best == Self.preferred)
    }

    @Test func accountsOfTheSameRegionPullHarderThanTheRestOfTheNetwork() throws {
        // In Paris, b did well on Tuesday 10–12; in Tokyo, c did badly there. a (Paris) and d (Tokyo)
        // have posts only on Saturdays: each leans toward its own region.
        let observations =
            Self.posts(10, score: 1, account: "b", region: "Europe/Paris")
            + Self.posts(10, score: -1, account: "c", region: "Asia/Tokyo")
            + Self.posts(3, score: 0, account: "a", bucket: Self.allowed, region: "Europe/Paris")
            + Self.posts(3, score: 0, account: "d", bucket: Self.allowed, region: "Asia/Tokyo")
        let model = Self.plain.estimate(observations, table: .standard, now: Self.now)
        let paris = try #require(model.estimates(account: "a", network: .x)?.buckets[Self.preferred]?.mean)
        let tokyo = try #require(model.estimates(account: "d", network: .x)?.buckets[Self.preferred]?.mean)
        #expect(paris > 0.3 && tokyo < -0.3)
        // Without regions, both see the same network.
        let flat = Self.plain.estimate(
            observations.map {
                var item = $0
                item.region = ""
                return item
            }, table: .standard, now: Self.now)
        let a = try #require(flat.estimates(account: "a", network: .x)?.buckets[Self.preferred]?.mean)
        let d = try #require(flat.estimates(account: "d", network: .x)?.buckets[Self.preferred]?.mean)
        #expect(abs(a - d) < 1e-12)
    }

    @Test func anAudienceThatDiffersOnOneWeekdayIsFollowed() throws {
        // Every weekday 10–12 is usual (0) except Mondays (block 5 is in X's Monday window), which do very well.
        let monday = TimingBucket(weekday: 1, block: 5)
        let observations =
            Self.posts(20, score: 1.2, bucket: monday) + Self.posts(20, score: 0, bucket: Self.preferred)
            + Self.posts(20, score: 0, bucket: Self.sameHoursWednesday)
        let estimates = try #require(
            Self.plain.estimate(observations, table: .standard, now: Self.now).estimates(account: "a", network: .x))
        let mondayMean = try #require(estimates.buckets[monday]?.mean)
        let tuesdayMean = try #require(estimates.buckets[Self.preferred]?.mean)
        #expect(mondayMean > tuesdayMean + 0.5)
    }

    @Test func decayHalvesAPostsWeightEveryHalfLife() throws {
        let estimator = LearnedTimingEstimator(
            priorWeight: 5, weekdayWeight: 5, halfLife: 8 * 7 * 86_400, smoothing: 0, peakCurve: nil
        ).bucketsOnly()
        let eightWeeks: TimeInterval = 8 * 7 * 86_400
        #expect(estimator.decay(age: 0) == 1)
        #expect(abs(estimator.decay(age: eightWeeks) - 0.5) < 1e-12)
        #expect(abs(estimator.decay(age: 2 * eightWeeks) - 0.25) < 1e-12)
        let old = estimator.estimate(Self.posts(4, score: 1, age: eightWeeks), table: .standard, now: Self.now)
        let bucket = try #require(old.estimates(account: "a", network: .x)?.buckets[Self.preferred])
        #expect(abs(bucket.weight - 2) < 1e-12)  // four posts at half weight
        let hours = 2.0 / 7  // (5·0 + 2·1)/(5 + 2)
        #expect(abs(bucket.mean - (5 * hours + 2) / 7) < 1e-12)
    }

    @Test func aDriftingPeakIsFollowedFasterWithAShorterHalfLife() throws {
        // Old posts (12 weeks ago) liked Tue 10–12; recent ones (this week) like Tue 12–14.
        let later = TimingBucket(weekday: 2, block: 6)
        let observations =
            Self.posts(20, score: 1, age: 12 * 7 * 86_400) + Self.posts(20, score: -0.5, bucket: later, age: 12 * 7 * 86_400)
            + Self.posts(6, score: 1, bucket: later) + Self.posts(6, score: -0.5)
        func best(_ weeks: Double) throws -> TimingBucket? {
            let estimator = LearnedTimingEstimator(halfLife: weeks * 7 * 86_400, smoothing: 0, peakCurve: nil).bucketsOnly()
            return try #require(
                estimator.estimate(observations, table: .standard, now: Self.now).estimates(account: "a", network: .x)
            )
            .best
        }
        #expect(try best(4) == later)
        #expect(try best(52) == Self.preferred)
    }

    @Test func smoothingLendsNeighbouringHoursAShareOfAPost() throws {
        let estimator = LearnedTimingEstimator(priorWeight: 5, weekdayWeight: 5, smoothing: 0.25, peakCurve: nil).bucketsOnly()
        let model = estimator.estimate(Self.posts(4, score: 1), table: .standard, now: Self.now)
        let estimates = try #require(model.estimates(account: "a", network: .x))
        // Tue 12–14 is next to Tue 10–12: it gets 4 × 0.25 = 1 weighted post.
        let neighbour = try #require(estimates.buckets[TimingBucket(weekday: 2, block: 6)])
        #expect(abs(neighbour.weight - 1) < 1e-12)
        #expect(neighbour.mean > 0 && neighbour.mean < estimates.buckets[Self.preferred]!.mean)
        // Tue 02–04 is not allowed: never estimated.
        #expect(estimates.buckets[TimingBucket(weekday: 2, block: 1)] == nil)
    }

    @Test func talliesWithoutAnAccountAreThePoolWithoutIt() {
        var pool = TimingTallies(), own = TimingTallies()
        pool.add(1, bucket: Self.preferred, weight: 1, smoothing: 0.5)
        own.add(1, bucket: Self.preferred, weight: 1, smoothing: 0.5)
        pool.add(-1, bucket: Self.allowed, weight: 2, smoothing: 0.5)
        let rest = pool.subtracting(own)
        // Block 5 keeps only what the Saturday post (block 6) lent it: half of its weight 2.
        #expect(rest.block(Self.preferred.block).weight == 1 && rest.block(Self.preferred.block).mean == -1)
        #expect(rest.bucket(Self.preferred).weight == 0)
        #expect(rest.block(Self.allowed.block).weight == 2 && rest.block(Self.allowed.block).mean == -1)
        #expect(rest.bucket(TimingBucket(weekday: 6, block: 7)).weight == 1)  // the smoothed neighbour: half of 2
    }

    @Test func laterBetterPostsAreNotPenalisedByARisingMedian() throws {
        // Ten posts at Tue 08–10 with 10 interactions, then thirty at Tue 10–12 with 30: against the trailing
        // median, the later posts look less good as the median rises; against the account's mean they do not.
        var records: [EngagementRecord] = []
        for index in 0..<40 {
            let early = index < 10
            let age = Double(40 - index) * 86_400
            records.append(
                EngagementRecord(
                    variantID: "c/p\(index)/a", accountID: "a", network: .x,
                    bucket: TimingBucket(weekday: 2, block: early ? 4 : 5),
                    engagement: early ? 10 : 30, publishedAt: Self.now.addingTimeInterval(-age)))
        }
        let observations = EngagementScore.scores(records)
        func gap(_ centred: Bool) throws -> Double {
            let estimator = LearnedTimingEstimator(priorWeight: 5, weekdayWeight: 5, smoothing: 0, accountCentred: centred)
                .bucketsOnly()
            let estimates = try #require(
                estimator.estimate(observations, table: .standard, now: Self.now).estimates(account: "a", network: .x))
            return estimates.buckets[TimingBucket(weekday: 2, block: 5)]!.mean
                - estimates.buckets[TimingBucket(weekday: 2, block: 4)]!.mean
        }
        let centred = try gap(true), median = try gap(false)
        #expect(centred > median + 0.1)
        #expect(observations.allSatisfy { $0.logEngagement != nil })
    }
}
