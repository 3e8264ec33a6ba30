import Foundation
import Testing

@testable import GlocalCore

/// The estimator against numbers worked out by hand: shrinkage toward the table, pooling, decay.
@Suite struct LearnedTimingEstimatorTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    /// Tue 10–12: inside X's tier-A window Tue–Thu 09–15 (prior 0).
    static let preferred = TimingBucket(weekday: 2, block: 5)
    /// Sat 12–14: inside X's tier-B window Sat 11–14 (prior −0.1).
    static let allowed = TimingBucket(weekday: 6, block: 6)

    static func posts(_ count: Int, score: Double, account: String = "a", bucket: TimingBucket = preferred, age: TimeInterval = 0)
        -> [EngagementObservation]
    {
        (0..<count).map { index in
            EngagementObservation(
                variantID: "c/p\(index)/\(account)", accountID: account, network: .x, bucket: bucket, score: score,
                publishedAt: now.addingTimeInterval(-age))
        }
    }

    static let plain = LearnedTimingEstimator(priorWeight: 5, smoothing: 0)

    @Test func theTablePriorIsZeroForPreferredAndMinusATenthForAllowed() {
        let prior = BucketPrior(profile: TimingTable.standard.profile(.x))
        #expect(prior.mean(Self.preferred) == 0)
        #expect(prior.mean(Self.allowed) == -0.1)
        #expect(prior.mean(TimingBucket(weekday: 2, block: 1)) == nil)  // Tue 02–04: no window
        // Tier A wins where both touch a bucket: Mon 08–17 (A) … and nothing else on Monday.
        #expect(prior.mean(TimingBucket(weekday: 1, block: 4)) == 0)
    }

    @Test func coldStartIsTheDefaultTable() {
        let model = Self.plain.estimate([], table: .standard, now: Self.now)
        #expect(model.isEmpty)
        #expect(model.estimates(account: "a", network: .x) == nil)
        // Data on one bucket leave every other bucket exactly at the table's prior (no smoothing).
        let learned = Self.plain.estimate(Self.posts(3, score: 1), table: .standard, now: Self.now)
        let estimates = try! #require(learned.estimates(account: "a", network: .x))
        let prior = BucketPrior(profile: TimingTable.standard.profile(.x))
        for (bucket, mean) in prior.means where bucket != Self.preferred {
            #expect(estimates.buckets[bucket]?.mean == mean)
        }
        #expect(estimates.buckets.count == prior.means.count)
    }

    /// One account, n posts scoring 1.0 today in a tier-A bucket: the pool is (5·0 + n)/(5 + n), the
    /// account (5·pool + n)/(5 + n).
    static let shrinkageCases: [(Int, Double, Double)] = [
        (0, 0, 0), (1, 1.0 / 6, (5.0 / 6 + 1) / 6), (5, 0.5, 0.75), (95, 0.95, 0.9975),
    ]

    @Test(arguments: shrinkageCases)
    func shrinkageTowardThePriorFadesWithPosts(count: Int, pool: Double, account: Double) throws {
        let model = Self.plain.estimate(Self.posts(count, score: 1), table: .standard, now: Self.now)
        if count == 0 {
            #expect(model.estimates(account: "a", network: .x) == nil)
            return
        }
        let estimates = try #require(model.estimates(account: "a", network: .x))
        let bucket = try #require(estimates.buckets[Self.preferred])
        #expect(abs(bucket.shrunkToward - pool) < 1e-12)
        #expect(abs(bucket.mean - account) < 1e-12)
        #expect(bucket.weight == Double(count))
        // Variance shrinks as 1 / (5 + n) with the default spread of 0.5 (fewer than 10 posts) or the data's.
        #expect(bucket.variance < 0.25 / 5)
    }

    @Test func anAllowedBucketStartsATenthBelow() throws {
        let model = Self.plain.estimate(Self.posts(5, score: 0.4, bucket: Self.allowed), table: .standard, now: Self.now)
        let bucket = try #require(model.estimates(account: "a", network: .x)?.buckets[Self.allowed])
        let pool = (5 * -0.1 + 5 * 0.4) / 10  // 0.15
        #expect(abs(bucket.shrunkToward - pool) < 1e-12)
        #expect(abs(bucket.mean - (5 * pool + 2) / 10) < 1e-12)  // 0.275
    }

    @Test func otherAccountsPullANewAccountThroughThePool() throws {
        // Account b has 5 posts at +1; account a none there: a gets the pool, (0 + 5)/(5 + 5) = 0.5.
        let model = Self.plain.estimate(Self.posts(5, score: 1, account: "b"), table: .standard, now: Self.now)
        let pool = try #require(model.estimates(account: "a", network: .x))
        #expect(pool.accountID == "*")
        #expect(abs((pool.buckets[Self.preferred]?.mean ?? 0) - 0.5) < 1e-12)
        // An account with its own posts elsewhere is shrunk toward that pool mean in this bucket.
        let both = Self.plain.estimate(
            Self.posts(5, score: 1, account: "b") + Self.posts(5, score: 0, account: "a", bucket: Self.allowed), table: .standard,
            now: Self.now)
        let a = try #require(both.estimates(account: "a", network: .x))
        #expect(a.accountID == "a")
        #expect(abs((a.buckets[Self.preferred]?.mean ?? 0) - 0.5) < 1e-12)
        #expect(a.best == Self.preferred)
    }

    @Test func decayHalvesAPostsWeightEveryEightWeeks() throws {
        let estimator = Self.plain
        let eightWeeks: TimeInterval = 8 * 7 * 86_400
        #expect(estimator.decay(age: 0) == 1)
        #expect(abs(estimator.decay(age: eightWeeks) - 0.5) < 1e-12)
        #expect(abs(estimator.decay(age: 2 * eightWeeks) - 0.25) < 1e-12)
        let old = estimator.estimate(Self.posts(4, score: 1, age: eightWeeks), table: .standard, now: Self.now)
        let bucket = try #require(old.estimates(account: "a", network: .x)?.buckets[Self.preferred])
        #expect(abs(bucket.weight - 2) < 1e-12)  // four posts at half weight
        let pool = 2.0 / 7  // (5·0 + 2·1)/(5 + 2)
        #expect(abs(bucket.mean - (5 * pool + 2) / 7) < 1e-12)
    }

    @Test func smoothingLendsNeighboursAShareOfAPost() throws {
        let estimator = LearnedTimingEstimator(priorWeight: 5, smoothing: 0.25)
        let model = estimator.estimate(Self.posts(4, score: 1), table: .standard, now: Self.now)
        let estimates = try #require(model.estimates(account: "a", network: .x))
        // Tue 12–14 is next to Tue 10–12: it gets 4 × 0.25 = 1 weighted post.
        let neighbour = try #require(estimates.buckets[TimingBucket(weekday: 2, block: 6)])
        #expect(abs(neighbour.weight - 1) < 1e-12)
        #expect(neighbour.mean > 0 && neighbour.mean < estimates.buckets[Self.preferred]!.mean)
        // Tue 02–04 is not allowed: never estimated.
        #expect(estimates.buckets[TimingBucket(weekday: 2, block: 1)] == nil)
    }
}
