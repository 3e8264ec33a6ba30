import Foundation
import Testing

@testable import GlocalCore

/// The decision rule's options (``ChoiceRule``, docs/scheduling.md, "Learned timing", step 4), each on a
/// peak belief built by hand so what it should choose is known.
@Suite struct ChoiceRuleTests {
    /// Tuesday 08:00–20:00.
    static let candidates = (4...9).map { TimingBucket(weekday: 2, block: $0) }
    static let ids = (0..<200).map { "c/p\($0)/a" }

    /// A belief whose Tuesday peak is at grid peaks `peaks` (half-hour indices) with probabilities `weights`.
    static func estimates(_ peaks: [Int: Double], weight: Double) -> AccountTimingEstimate {
        var posterior = [Double](repeating: 0, count: PeakGrid.standard.peaks.count)
        for (peak, p) in peaks { posterior[peak] = p }
        let belief = PeakBelief(
            level: 0, amplitude: 1, width: 1, spread: 0.5, weight: weight, days: Array(repeating: posterior, count: 7),
            prior: posterior)
        return AccountTimingEstimate(
            accountID: "a", network: .x, posts: Int(weight),
            buckets: Dictionary(uniqueKeysWithValues: candidates.map { ($0, belief.estimate($0)) }),
            prior: Dictionary(uniqueKeysWithValues: candidates.map { ($0, 0) }), belief: belief)
    }

    static func choices(_ estimates: AccountTimingEstimate, exploitAfter: Double = 25, _ rule: ChoiceRule) -> [BucketChoice] {
        let model = LearnedTiming(
            accounts: [:], pools: [:], priorWeight: 4, seed: 7, holdoutShare: 0, peakPivot: 10, exploitAfter: exploitAfter,
            choice: rule)
        return ids.map { BucketChoice(variantID: $0, candidates: candidates, estimates: estimates, model: model) }
    }

    @Test func theChanceOfBeingBestFollowsThePeakAndSumsToOne() throws {
        let belief = try #require(Self.estimates([22: 0.7, 30: 0.3], weight: 10).belief)  // 11:00, 15:00
        let chances = belief.bestProbabilities(weekday: 2, blocks: [4, 5, 6, 7, 8, 9])
        #expect(abs(chances.reduce(0, +) - 1) < 1e-9)
        #expect(abs(chances[1] - 0.7) < 1e-9)  // 10–12
        #expect(abs(chances[3] - 0.3) < 1e-9)  // 14–16
        let sure = belief.difference(weekday: 2, 5, 7)
        #expect(sure.mean > 0 && sure.sd > 0)
        let certain = try #require(Self.estimates([22: 1], weight: 10).belief).difference(weekday: 2, 5, 7)
        #expect(certain.mean > 0 && certain.sd < 1e-12)
    }

    @Test func twoBucketsTooCloseToTellApartAlternate() {
        // Peak at 11:00 or 13:00, even odds: 10–12 and 12–14 are equally good, and nothing tells them apart.
        let close = Self.choices(Self.estimates([22: 0.5, 26: 0.5], weight: 40), ChoiceRule(contrastMargin: 1))
        #expect(close.allSatisfy { $0.method == .contrast })
        let firsts = close.map { $0.ranked[0].bucket.block }
        #expect(Set(firsts) == [5, 6])
        #expect(firsts.filter { $0 == 5 }.count > 70 && firsts.filter { $0 == 6 }.count > 70)
        // A clear best is kept for every post.
        let clear = Self.choices(Self.estimates([22: 1], weight: 40), ChoiceRule(contrastMargin: 1))
        #expect(clear.allSatisfy { $0.method == .bestExpected && $0.ranked[0].bucket.block == 5 })
        // Off, the close pair does not alternate.
        let off = Self.choices(Self.estimates([22: 0.5, 26: 0.5], weight: 40), ChoiceRule())
        #expect(off.allSatisfy { $0.method == .bestExpected } && Set(off.map { $0.ranked[0].bucket }).count == 1)
    }

    @Test func aSureBestIsExploitedBeforeThePostCount() throws {
        let sure = Self.estimates([22: 0.95, 30: 0.05], weight: 8)
        let choices = Self.choices(sure, ChoiceRule(exploitCertainty: 0.9))
        #expect(choices.allSatisfy { $0.method == .confidentBest && $0.ranked[0].bucket.block == 5 })
        #expect(abs(try #require(choices.first?.bestProbability) - 0.95) < 1e-9)
        // Below the certainty, it samples.
        let unsure = Self.choices(
            Self.estimates([22: 0.6, 30: 0.4], weight: 8), ChoiceRule(exploitCertainty: 0.9, topTwo: 0))
        #expect(unsure.allSatisfy { $0.method == .peakDraw && $0.bestProbability == nil })
    }

    @Test func byDefaultEveryExploringPostGoesToAChallengerWhileTheBeliefIsOpen() {
        let choices = Self.choices(Self.estimates([22: 0.7, 30: 0.3], weight: 4), ChoiceRule())
        #expect(choices.allSatisfy { $0.method == .topTwoChallenger })
        // A belief with one leader has no challenger: its leader is kept.
        let settled = Self.choices(Self.estimates([22: 1], weight: 4), ChoiceRule())
        #expect(settled.allSatisfy { $0.method == .peakDraw && $0.ranked[0].bucket.block == 5 })
    }

    @Test func topTwoSendsSomePostsToAChallenger() {
        let estimates = Self.estimates([22: 0.9, 30: 0.1], weight: 4)
        let plain = Self.choices(estimates, ChoiceRule(topTwo: 0)).filter { $0.ranked[0].bucket.block != 5 }.count
        let topTwo = Self.choices(estimates, ChoiceRule(topTwo: 0.5))
        let challengers = topTwo.filter { $0.method == .topTwoChallenger }
        #expect(challengers.count > 70 && challengers.count < 130)
        // The only two leaders are 10–12 and 14–16; a challenger is mostly 14–16, as the first draw is mostly 10–12.
        #expect(challengers.allSatisfy { [5, 7].contains($0.ranked[0].bucket.block) })
        #expect(challengers.filter { $0.ranked[0].bucket.block == 7 }.count > challengers.count / 2)
        #expect(topTwo.filter { $0.ranked[0].bucket.block != 5 }.count > plain)
    }

    @Test func aFloorKeepsUnlikelyBucketsBehind() {
        // 08:00 is drawn now and then (5 %), but below a 10 % floor it never comes first.
        let estimates = Self.estimates([16: 0.05, 22: 0.55, 30: 0.4], weight: 4)
        #expect(Self.choices(estimates, ChoiceRule(topTwo: 0)).contains { $0.ranked[0].bucket.block == 4 })
        let floored = Self.choices(estimates, ChoiceRule(topTwo: 0, bestFloor: 0.1))
        #expect(floored.allSatisfy { $0.method == .peakDraw && [5, 7].contains($0.ranked[0].bucket.block) })
    }

    @Test func aSteeperScheduleSamplesLessOnceThePivotIsPassed() {
        // 20 posts, twice the pivot: temperature 0.5 at power 1, about 0 at power 20.
        let estimates = Self.estimates([22: 0.6, 30: 0.4], weight: 20)
        func evenings(_ power: Double) -> Int {
            Self.choices(estimates, exploitAfter: 0, ChoiceRule(temperaturePower: power, topTwo: 0))
                .filter { $0.ranked[0].bucket.block == 7 }.count
        }
        let plain = evenings(1)
        #expect(plain > 10)
        #expect(evenings(20) < plain / 4)
        #expect(evenings(0) > plain)  // power 0: the plain posterior
    }
}
