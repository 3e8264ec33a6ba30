import Foundation
import Testing

@testable import GlocalCore

@Suite struct ThompsonSamplingTests {
    static let buckets = (3...8).map { TimingBucket(weekday: 3, block: $0) }

    static func estimates(best: TimingBucket?, variance: Double) -> AccountTimingEstimate {
        var values: [TimingBucket: BucketEstimate] = [:]
        for bucket in buckets {
            values[bucket] = BucketEstimate(mean: bucket == best ? 0.5 : 0, variance: variance, weight: 10, shrunkToward: 0)
        }
        return AccountTimingEstimate(accountID: "a", network: .x, posts: 60, buckets: values, prior: [:])
    }

    static func model(seed: UInt64, holdout: Double = 0) -> LearnedTiming {
        LearnedTiming(accounts: [:], pools: [:], priorWeight: 5, seed: seed, holdoutShare: holdout)
    }

    @Test func theSameSeedGivesTheSameRanking() {
        let estimates = Self.estimates(best: nil, variance: 0.04)
        for index in 0..<50 {
            let a = BucketChoice(
                variantID: "c/p/\(index)", candidates: Self.buckets, estimates: estimates, model: Self.model(seed: 7))
            let b = BucketChoice(
                variantID: "c/p/\(index)", candidates: Self.buckets, estimates: estimates, model: Self.model(seed: 7))
            #expect(a.ranked == b.ranked)
        }
        var generator = SeededRandom(seed: 42)
        let first = (0..<5).map { _ in generator.next() }
        generator = SeededRandom(seed: 42)
        #expect((0..<5).map { _ in generator.next() } == first)
    }

    @Test func anotherSeedOrAnotherVariantDrawsAgain() {
        let estimates = Self.estimates(best: nil, variance: 0.04)
        let firsts = Set(
            (0..<40).map {
                BucketChoice(variantID: "c/p/\($0)", candidates: Self.buckets, estimates: estimates, model: Self.model(seed: 1))
                    .ranked[0].bucket
            })
        #expect(firsts.count >= 4)  // equal beliefs: every bucket gets tried
        let seeds = Set(
            (0..<40).map {
                BucketChoice(
                    variantID: "c/p/0", candidates: Self.buckets, estimates: estimates, model: Self.model(seed: UInt64($0))
                ).ranked[0].bucket
            })
        #expect(seeds.count >= 4)
    }

    @Test func aClearlyBetterBucketIsChosenAlmostAlways() {
        let best = Self.buckets[2]
        let estimates = Self.estimates(best: best, variance: 0.01)  // sd 0.1 against a 0.5 gap
        let chosen = (0..<500).filter {
            BucketChoice(variantID: "c/p/\($0)", candidates: Self.buckets, estimates: estimates, model: Self.model(seed: 3))
                .ranked[0].bucket
                == best
        }.count
        #expect(chosen >= 490)
    }

    @Test func aboutOneInTenPostsIsHeldOutAndTheChoiceIsStable() {
        let ids = (0..<20_000).map { "hydra/post-\($0 % 40)/account-\($0 / 40)" }
        let held = ids.filter { Holdout.contains($0, share: 0.1) }.count
        #expect(Double(held) / Double(ids.count) > 0.09 && Double(held) / Double(ids.count) < 0.11)
        #expect(ids.filter { Holdout.contains($0, share: 0.1) }.count == held)
        #expect(!ids.contains { Holdout.contains($0, share: 0) })
        // A held-out post ignores the estimates and goes where the default table would: tier A before B, earliest first.
        var estimates = Self.estimates(best: Self.buckets[5], variance: 0.0001)
        let prior = Dictionary(uniqueKeysWithValues: Self.buckets.map { ($0, $0.block >= 5 ? 0.0 : -0.1) })
        estimates = AccountTimingEstimate(accountID: "a", network: .x, posts: 60, buckets: estimates.buckets, prior: prior)
        let choices = ids.prefix(300).map {
            BucketChoice(variantID: $0, candidates: Self.buckets, estimates: estimates, model: Self.model(seed: 0, holdout: 1))
        }
        #expect(choices.allSatisfy { $0.holdout })
        let tableOrder = [5, 6, 7, 8, 3, 4].map { TimingBucket(weekday: 3, block: $0) }
        #expect(choices.allSatisfy { $0.ranked.map(\.bucket) == tableOrder })
    }

    @Test func theExplorationScaleWidensOrNarrowsTheDraws() {
        let estimates = Self.estimates(best: Self.buckets[2], variance: 0.04)  // sd 0.2 against a 0.5 gap
        func firsts(_ scale: Double) -> Int {
            (0..<400).filter { index in
                var random = SeededRandom(text: "v\(index)")
                let items = Self.buckets.map { BucketChoice.Ranked(bucket: $0, draw: 0, estimate: estimates.buckets[$0]!) }
                return ThompsonSampler.rank(items, scale: scale, using: &random)[0].bucket == Self.buckets[2]
            }.count
        }
        #expect(firsts(0) == 400)  // no exploration: always the best mean
        #expect(firsts(1) < 400 && firsts(1) > 300)
        #expect(firsts(4) < firsts(1))  // wider draws try the others more often
    }
}
