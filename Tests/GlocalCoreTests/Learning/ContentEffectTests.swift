import Foundation
import GlocalCore
import Testing

/// A post's content effect, measured on the sibling accounts that carried it, comes out of each account's result;
/// where content explains nothing, nothing moves.
@Suite struct ContentEffectTests {
    /// `accounts` Instagram accounts posting `posts` posts each: `log(engagement + 1)` is the account's level, plus the
    /// post's content effect (σ √shared) shared by every account, plus the account's own luck (σ √(1 − shared)).
    static func fleet(accounts: Int = 12, posts: Int = 40, shared: Double, seed: UInt64 = 7) -> (
        observations: [EngagementObservation], individual: [Double]
    ) {
        var random = SeededRandom(seed: seed)
        let content = (0..<posts).map { _ in shared.squareRoot() * random.normal() }
        var observations: [EngagementObservation] = []
        var individual: [Double] = []
        for account in 0..<accounts {
            let level = 2 + Double(account) / 4
            for post in 0..<posts {
                let own = (1 - shared).squareRoot() * random.normal()
                individual.append(own)
                observations.append(
                    EngagementObservation(
                        variantID: "spring/p\(post)/acct-\(account)", accountID: "acct-\(account)", network: .instagram,
                        bucket: TimingBucket(weekday: 2, block: 5), score: 0,
                        publishedAt: Date(timeIntervalSince1970: Double(post) * 86_400),
                        logEngagement: level + content[post] + own))
            }
        }
        return (observations, individual)
    }

    @Test func thePostOfAVariantIdDropsItsAccount() {
        #expect(ContentEffect.post(of: "hydra-launch/teaser/lum-fr-x") == "hydra-launch/teaser")
        #expect(ContentEffect.post(of: "solo") == "solo")
    }

    @Test func theVarianceSplitFindsTheContentsShare() throws {
        for shared in [0.0, 0.5, 0.8] {
            let observations = Self.fleet(shared: shared).observations
            let split = try #require(ContentEffect().components(observations)[.instagram])
            #expect(abs(split.sharedShare - shared) < 0.1, "shared \(shared): estimated \(split.sharedShare)")
            // Taken out only where content explains at least 5 %, and then said.
            let estimate = ContentEffect().estimate(observations)
            #expect(estimate.shares == (split.sharedShare >= 0.05 ? [.instagram: split.sharedShare] : [:]))
            #expect(estimate.effects.contains { $0 != 0 } == (split.sharedShare >= 0.05))
        }
    }

    @Test func theSameObservationsGiveTheSameEffectsToTheLastBit() {
        // Posts are grouped in the order they first appear, never a dictionary's (each has its own hash seed).
        let observations = Self.fleet(shared: 0.5).observations
        let first = ContentEffect().estimate(observations)
        let differing = (0..<20).filter { _ in ContentEffect().estimate(observations) != first }.count
        #expect(differing == 0)
    }

    @Test func takingTheContentOutLeavesEachAccountsOwnLuck() throws {
        let (observations, individual) = Self.fleet(shared: 0.6)
        let adjusted = ContentEffect().adjusted(observations)
        func errorVariance(_ items: [EngagementObservation]) -> Double {
            // What is left besides the account's level and its own luck.
            var sums: [String: (Double, Double)] = [:]
            for item in items { sums[item.accountID, default: (0, 0)].0 += item.logEngagement! }
            for item in items { sums[item.accountID, default: (0, 0)].1 += 1 }
            let rest = zip(items, individual).map { item, own in
                item.logEngagement! - sums[item.accountID]!.0 / sums[item.accountID]!.1 - own
            }
            return rest.reduce(0) { $0 + $1 * $1 } / Double(rest.count)
        }
        #expect(errorVariance(observations) > 0.5)
        #expect(errorVariance(adjusted) < 0.1)
        // The score moves by the same amount as the log-engagement.
        for (before, after) in zip(observations, adjusted) {
            #expect(abs((after.score - before.score) - (after.logEngagement! - before.logEngagement!)) < 1e-12)
        }
    }

    @Test func aPostsOwnResultDoesNotExplainItself() throws {
        var (observations, _) = Self.fleet(shared: 0.6)
        let before = ContentEffect().adjusted(observations)
        // One post of one account does far better: its effect comes from its siblings, so nearly all of the gain stays.
        observations[5].logEngagement! += 2
        let after = ContentEffect().adjusted(observations)
        let kept = after[5].logEngagement! - before[5].logEngagement!
        #expect(kept > 1.9, "kept \(kept) of 2")
        // Its siblings' effect for that post rises by about 2 / (accounts − 1), shrunk.
        let sibling = after[45].logEngagement! - before[45].logEngagement!
        #expect(sibling < -0.1 && sibling > -2.0 / 11)
    }

    @Test func withoutSiblingsOrContentNothingMoves() {
        let alone = (0..<40).map { post in
            EngagementObservation(
                variantID: "c/p\(post)/solo", accountID: "solo", network: .x, bucket: TimingBucket(weekday: 2, block: 5),
                score: Double(post % 3), publishedAt: Date(timeIntervalSince1970: 0), logEngagement: Double(post % 7))
        }
        #expect(ContentEffect().adjusted(alone) == alone)
        // Each post's results average out across its accounts (half above their level, half below): content
        // explains nothing, and nothing moves.
        let (flat, _) = Self.fleet(shared: 0, seed: 1)
        let balanced = flat.enumerated().map { index, item -> EngagementObservation in
            var copy = item
            copy.logEngagement = Double(item.accountID.count) + (index % 2 == 0 ? 0.5 : -0.5) * (index / 40 % 2 == 0 ? 1 : -1)
            return copy
        }
        #expect(ContentEffect().components(balanced)[.instagram]?.shared == 0)
        #expect(ContentEffect().adjusted(balanced) == balanced)
        let unknown = flat.map { item -> EngagementObservation in
            var copy = item
            copy.logEngagement = nil
            return copy
        }
        #expect(ContentEffect().adjusted(unknown) == unknown)
    }

    /// Ten accounts post the same 30 posts, each account's luck its own: the step moves nothing, and the estimate is
    /// the fit without it.
    @Test func whereContentExplainsNothingTheEstimateIsTheFirstFits() throws {
        var random = SeededRandom(seed: 5)
        let buckets = [
            TimingBucket(weekday: 2, block: 4), TimingBucket(weekday: 2, block: 5), TimingBucket(weekday: 3, block: 6),
        ]
        var observations: [EngagementObservation] = []
        for post in 0..<30 {
            for account in 0..<10 {
                observations.append(
                    EngagementObservation(
                        variantID: "c/p\(post)/a\(account)", accountID: "a\(account)", network: .instagram,
                        bucket: buckets[(post + account) % 3], score: random.normal(),
                        publishedAt: Date(timeIntervalSince1970: 1_800_000_000 + Double(post) * 86_400),
                        logEngagement: 3 + random.normal()))
            }
        }
        #expect(ContentEffect().estimate(observations).shares.isEmpty)
        let now = Date(timeIntervalSince1970: 1_800_000_000 + 31 * 86_400)
        let adjusted = LearnedTimingEstimator().estimate(observations, table: .standard, now: now)
        let plain = LearnedTimingEstimator(contentEffect: nil).estimate(observations, table: .standard, now: now)
        #expect(adjusted.contentShares.isEmpty)
        for account in 0..<10 {
            let a = try #require(adjusted.estimates(account: "a\(account)", network: .instagram)?.buckets)
            let p = try #require(plain.estimates(account: "a\(account)", network: .instagram)?.buckets)
            #expect(a.mapValues(\.mean) == p.mapValues(\.mean))
        }
    }

    /// Twelve accounts post each day's post, each at 08–10 or 10–12 as a coin falls; the hour makes no difference,
    /// but a post's content moves its result on every account alike (σ 0.8). Without the adjustment an account's
    /// two slots differ by the luck of which posts fell in each; by default the content, seen on the siblings, is
    /// taken out and the slots come out close.
    @Test func theEstimatorTakesTheContentOutByDefault() throws {
        var random = SeededRandom(seed: 11)
        let early = TimingBucket(weekday: 2, block: 4), later = TimingBucket(weekday: 2, block: 5)
        var observations: [EngagementObservation] = []
        for post in 0..<40 {
            let content = 0.8 * random.normal()
            for account in 0..<12 {
                observations.append(
                    EngagementObservation(
                        variantID: "c/p\(post)/a\(account)", accountID: "a\(account)", network: .linkedin,
                        bucket: random.uniform() < 0.5 ? early : later, score: 0,
                        publishedAt: Date(timeIntervalSince1970: 1_800_000_000 + Double(post) * 86_400),
                        logEngagement: 3 + content + 0.1 * random.normal()))
            }
        }
        let now = Date(timeIntervalSince1970: 1_800_000_000 + 41 * 86_400)
        func largestContrast(_ estimator: LearnedTimingEstimator) throws -> Double {
            let model = estimator.estimate(observations, table: .standard, now: now)
            var largest = 0.0
            for account in 0..<12 {
                let buckets = try #require(model.estimates(account: "a\(account)", network: .linkedin)?.buckets)
                largest = max(largest, abs(try #require(buckets[early]?.mean) - (try #require(buckets[later]?.mean))))
            }
            return largest
        }
        #expect(LearnedTimingEstimator().contentEffect == ContentEffect())
        for peakLikelihood in [PeakLikelihoodFit(), nil] {
            let adjusted = try largestContrast(LearnedTimingEstimator(peakLikelihood: peakLikelihood))
            let plain = try largestContrast(LearnedTimingEstimator(peakLikelihood: peakLikelihood, contentEffect: nil))
            // (The peak model's curve holds two neighbouring slots close anyway: 0.06 apart without, 0.001 with.)
            #expect(plain > 0.04, "without the adjustment: \(plain)")
            #expect(adjusted < 0.3 * plain, "contrast \(adjusted) with the adjustment, \(plain) without")
        }
    }
}
