import Foundation
import Testing

@testable import GlocalCore

/// The holdout's estimate of the lift, shared by `glocal report` and `glocal-simulate`: learner's against
/// holdout posts within each account and period, weighted by the strata's sizes.
@Suite struct HoldoutLiftEstimateTests {
    typealias Post = HoldoutLiftEstimate.Post

    /// `count` posts of `account` in `period` whose `engagement + 1` is `base` (learned: `base × factor`).
    static func posts(_ account: String, period: Int = 0, holdout: Bool, count: Int, base: Double, factor: Double = 1)
        -> [Post]
    {
        (0..<count).map { _ in
            Post(account: account, period: period, holdout: holdout, engagement: (holdout ? base : base * factor) - 1)
        }
    }

    /// A synthetic fleet: 60 accounts of sizes 5 … 5 000 interactions, 11 weeks of 5 posts, ~10 % holdout,
    /// every post with log-normal luck (σ 0.5); the learner's posts do `1 + lift` times better.
    static func fleet(seed: UInt64, lift: Double) -> (posts: [Post], truth: Double) {
        var random = SeededRandom(seed: seed)
        var posts: [Post] = []
        var gains: [Double] = []
        for account in 0..<60 {
            let size = 5 * pow(1_000, Double(account) / 59)
            for index in 0..<55 {
                let id = "s\(seed)/a\(account)/p\(index)"
                let holdout = Holdout.contains(id, share: Holdout.share)
                let luck = exp(0.5 * random.normal())
                let table = size * luck, learned = size * (1 + lift) * luck
                if !holdout { gains.append(log((learned + 1) / (table + 1))) }
                posts.append(
                    Post(account: "a\(account)", period: index / 20, holdout: holdout, engagement: holdout ? table : learned))
            }
        }
        return (posts, exp(gains.reduce(0, +) / Double(gains.count)) - 1)
    }

    @Test func aKnownLiftIsRecoveredWhateverTheAudienceSizeOfEachSide() throws {
        // Every learned post does 1.25 × the holdout posts of its account; the small account has most
        // of the holdout posts and the big one most of the learner's, so a pooled comparison would
        // measure audience size, not timing.
        let posts =
            Self.posts("small", holdout: true, count: 9, base: 4)
            + Self.posts("small", holdout: false, count: 1, base: 4, factor: 1.25)
            + Self.posts("big", holdout: true, count: 1, base: 800)
            + Self.posts("big", holdout: false, count: 30, base: 800, factor: 1.25)
        let estimate = HoldoutLiftEstimate(posts)
        let lift = try #require(estimate.lift)
        #expect(abs(lift - 0.25) < 1e-12)
        #expect(estimate.strata == 2 && estimate.learnedPosts == 31 && estimate.holdoutPosts == 10)
        let interval = try #require(estimate.interval)  // no spread inside a stratum: no margin
        #expect(abs(interval.low - 0.25) < 1e-12 && abs(interval.high - 0.25) < 1e-12)
    }

    @Test func theSamePostsGiveTheSameEstimateToTheLastBit() throws {
        // Each dictionary has its own hash seed: summing strata in a dictionary's order moved the last bits from one
        // call to the next, and a simulation run twice gave two answers.
        let posts = Self.fleet(seed: 4, lift: 0.1).posts
        let first = HoldoutLiftEstimate(posts)
        let differing = (0..<100).filter { _ in
            let again = HoldoutLiftEstimate(posts)
            return again.difference != first.difference || again.standardError != first.standardError
        }.count
        #expect(differing == 0)
    }

    @Test func aPostsContentEffectIsTakenOutOfItsSide() throws {
        // The learned posts did e² − 1, but their content (seen on sibling accounts) accounts for 0.5 of the log.
        let posts =
            (0..<4).map {
                HoldoutLiftEstimate.Post(
                    account: "a", period: 0, holdout: false, engagement: exp(2) - 1, contentEffect: 0.5 + 0.1 * Double($0 % 2))
            } + (0..<4).map { _ in HoldoutLiftEstimate.Post(account: "a", period: 0, holdout: true, engagement: exp(1) - 1) }
        let estimate = HoldoutLiftEstimate(posts)
        #expect(abs(try #require(estimate.difference) - 0.45) < 1e-12)
    }

    @Test func strataAreWeightedByTheirSizes() throws {
        // Stratum a: lift +100 %, 2 learned vs 2 holdout (weight 1); stratum b: no lift, 6 vs 3 (weight 2).
        let posts =
            Self.posts("a", holdout: true, count: 2, base: 10) + Self.posts("a", holdout: false, count: 2, base: 10, factor: 2)
            + Self.posts("b", holdout: true, count: 3, base: 10) + Self.posts("b", holdout: false, count: 6, base: 10)
        let difference = try #require(HoldoutLiftEstimate(posts).difference)
        #expect(abs(difference - log(2) / 3) < 1e-12)
    }

    @Test func theSameAccountInAnotherPeriodIsAnotherStratum() throws {
        // The account grew tenfold in its second period, where it has no holdout post: that period says nothing.
        let posts =
            Self.posts("a", period: 0, holdout: true, count: 3, base: 10)
            + Self.posts("a", period: 0, holdout: false, count: 20, base: 10, factor: 1.1)
            + Self.posts("a", period: 1, holdout: false, count: 20, base: 100, factor: 1.1)
        let estimate = HoldoutLiftEstimate(posts)
        #expect(abs((estimate.lift ?? 0) - 0.1) < 1e-12)
        #expect(estimate.strata == 1 && estimate.learnedPosts == 40)
        #expect(
            HoldoutLiftEstimate.period(of: Date(timeIntervalSince1970: 27 * 86_400), from: Date(timeIntervalSince1970: 0)) == 0)
        #expect(
            HoldoutLiftEstimate.period(of: Date(timeIntervalSince1970: 28 * 86_400), from: Date(timeIntervalSince1970: 0)) == 1)
    }

    @Test func emptyOrOneSidedInputHasNoEstimate() {
        let empty = HoldoutLiftEstimate([])
        #expect(empty.lift == nil && empty.interval == nil && empty.learnedPosts == 0 && empty.holdoutPosts == 0)
        let learnedOnly = HoldoutLiftEstimate(Self.posts("a", holdout: false, count: 5, base: 10))
        #expect(learnedOnly.lift == nil && learnedOnly.learnedPosts == 5 && learnedOnly.strata == 0)
        let holdoutOnly = HoldoutLiftEstimate(Self.posts("a", holdout: true, count: 5, base: 10))
        #expect(holdoutOnly.lift == nil && holdoutOnly.holdoutPosts == 5)
        // Each side in a different account: nothing to compare.
        let apart = HoldoutLiftEstimate(
            Self.posts("a", holdout: true, count: 5, base: 10) + Self.posts("b", holdout: false, count: 5, base: 10))
        #expect(apart.lift == nil && apart.interval == nil)
        // One post on each side: an estimate, but no spread to give it an interval.
        let pair = HoldoutLiftEstimate(
            Self.posts("a", holdout: true, count: 1, base: 10) + Self.posts("a", holdout: false, count: 1, base: 10, factor: 1.5))
        #expect(abs((pair.lift ?? 0) - 0.5) < 1e-12 && pair.interval == nil && pair.degreesOfFreedom == 0)
    }

    @Test func overManyFleetsItIsUnbiasedAndItsIntervalCoversTheTruthAboutNineteenTimesInTwenty() {
        var errors: [Double] = []
        var covered = 0
        for seed in 1...200 as ClosedRange<UInt64> {
            let (posts, truth) = Self.fleet(seed: seed, lift: 0.12)
            let estimate = HoldoutLiftEstimate(posts)
            guard let lift = estimate.lift, let interval = estimate.interval else {
                Issue.record("no estimate for seed \(seed)")
                continue
            }
            errors.append(lift - truth)
            if interval.low <= truth && truth <= interval.high { covered += 1 }
        }
        let mean = errors.reduce(0, +) / Double(errors.count)
        let spread = (errors.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(errors.count - 1)).squareRoot()
        #expect(abs(mean) < 3 * spread / Double(errors.count).squareRoot())  // no bias beyond chance
        #expect(spread > 0.01 && spread < 0.05)  // ~330 holdout posts of σ 0.5: about 3 points
        #expect((180...198).contains(covered))  // 95 % of 200 is 190
    }

    @Test func studentsQuantileIsRightForFewAndManyDegreesOfFreedom() {
        let expected: [(Int, Double)] = [
            (1, 12.706), (2, 4.303), (3, 3.182), (5, 2.571), (10, 2.228), (30, 2.042), (1_000, 1.962),
        ]
        for (degrees, quantile) in expected {
            #expect(abs(HoldoutLiftEstimate.studentT975(degreesOfFreedom: degrees) - quantile) < 0.006, "df \(degrees)")
        }
    }
}
