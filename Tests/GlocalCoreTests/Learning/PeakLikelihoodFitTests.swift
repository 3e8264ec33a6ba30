import Foundation
import Testing

@testable import GlocalCore

/// The peak model with one curve shape per network (`PeakLikelihoodFit`): each account's level fitted
/// in closed form, the shape chosen by the network's posts, the peak found from posts at any hour.
@Suite struct PeakLikelihoodFitTests {
    /// `count` posts of `account` at 08:00–19:50 on weekdays Mon–Fri in turn, scored as log engagement of
    /// an audience whose curve has `floor` and a 2.5 h width around `peak`, plus seeded noise.
    static func posts(
        _ count: Int, account: String, region: String = "Europe/Paris", peak: Double, floor: Double = 0.3,
        noise: Double = 0.3, seed: UInt64 = 1
    ) -> [PeakCurveFit.Post] {
        var random = SeededRandom(seed: seed)
        return (0..<count).map { index in
            let slot = 48 + (index * 37) % 72
            let hour = (Double(slot) + 0.5) / 6
            let score = 2 + log(floor + (1 - floor) * PeakGrid.bump(hour: hour, peak: peak, width: 2.5)) + noise * random.normal()
            return PeakCurveFit.Post(
                account: account, region: region, slot: slot, weekday: 1 + index % 5, score: score, weight: 1)
        }
    }

    @Test func theResidualsOfTheRightCurveAreZeroAndTheLevelIsExact() {
        var sums = PeakLikelihoodFit.SlotSums()
        let grid = PeakGrid.standard
        let shape = PeakLikelihoodFit.Shape(
            width: 1, floor: 0.3,
            curve: grid.peaks.indices.map { peak in
                (0..<PeakGrid.slots).map { log(0.3 + 0.7 * grid.kernel(slot: $0, point: grid.point(peak: peak, width: 1))) }
            })
        for slot in stride(from: 48, to: 120, by: 5) { sums.add(1.5 + shape.curve[28][slot], slot: slot, weight: 2) }
        let fits = PeakLikelihoodFit.residuals(sums, shape: shape)
        #expect(abs(fits[28].level - 1.5) < 1e-9 && fits[28].rss < 1e-9)  // 14:00
        #expect(fits[20].rss > 0.1)  // 10:00 explains less
        // One weekday's residuals at the account's levels add up to the whole.
        #expect(abs(PeakLikelihoodFit.dayResiduals(sums, shape: shape, levels: fits.map(\.level))[20] - fits[20].rss) < 1e-9)
    }

    @Test func eachAccountsPeakIsFoundAndItsBestBucketFollows() throws {
        let peaks: [String: Double] = ["a": 14, "b": 9.5, "c": 12, "d": 17, "e": 13]
        let posts = peaks.sorted { $0.key < $1.key }.enumerated().flatMap { index, item in
            Self.posts(40, account: item.key, peak: item.value, seed: UInt64(index + 1))
        }
        let beliefs = PeakLikelihoodFit().fit(posts, fallbackSpread: 0.5)
        for (account, peak) in peaks {
            let belief = try #require(beliefs[account])
            #expect(PeakGrid.circularDistance(belief.peakHour(weekday: 2), peak) < 1, "\(account)")
        }
        let a = try #require(beliefs["a"])
        #expect(a.estimate(TimingBucket(weekday: 3, block: 7)).mean > a.estimate(TimingBucket(weekday: 3, block: 4)).mean)
        let b = try #require(beliefs["b"])
        #expect(b.estimate(TimingBucket(weekday: 3, block: 4)).mean > b.estimate(TimingBucket(weekday: 3, block: 7)).mean)
    }

    @Test func theEstimatorUsesItByDefault() throws {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let observations = Self.posts(40, account: "a", region: "", peak: 14).enumerated().map { index, post in
            EngagementObservation(
                variantID: "c/p\(index)/a", accountID: "a", network: .x,
                bucket: TimingBucket(weekday: post.weekday, block: post.slot / 12), score: post.score,
                publishedAt: now.addingTimeInterval(-Double(index) * 3_600), region: "", logEngagement: post.score)
        }
        let model = LearnedTimingEstimator().estimate(observations, table: .standard, now: now)
        let estimates = try #require(model.estimates(account: "a", network: .x))
        let belief = try #require(estimates.belief)
        #expect(PeakGrid.circularDistance(belief.peakHour(weekday: 2), 14) < 1.5)
        // It is the default; without it, the bucket estimates decide and there is no belief.
        #expect(
            LearnedTimingEstimator().bucketsOnly().estimate(observations, table: .standard, now: now).estimates(
                account: "a", network: .x)?
                .belief == nil)
    }

    /// Thompson sampling on the peak explores early and exploits later with `peakPivot`: a belief torn
    /// between 10:00 (0.6) and 16:00 (0.4) sends some posts to 16–18 at temperature 1, none once the
    /// account's 1 000 posts bring the temperature to 10 / 1 000.
    @Test func thePivotSharpensTheDrawAsPostsGrow() {
        let grid = PeakGrid.standard
        var posterior = [Double](repeating: 0, count: grid.peaks.count)
        posterior[20] = 0.6  // 10:00
        posterior[32] = 0.4  // 16:00
        let belief = PeakBelief(
            level: 0, amplitude: 1, width: 1, spread: 0.5, weight: 1_000, days: Array(repeating: posterior, count: 7),
            prior: posterior)
        let morning = TimingBucket(weekday: 2, block: 5), evening = TimingBucket(weekday: 2, block: 8)
        let estimates = AccountTimingEstimate(
            accountID: "a", network: .x, posts: 1_000, buckets: [:], prior: [morning: 0, evening: 0], belief: belief)
        func eveningsChosen(pivot: Double) -> Int {
            let model = LearnedTiming(
                accounts: [:], pools: [:], priorWeight: 4, seed: 7, holdoutShare: 0.1, peakTemperature: 1, peakPivot: pivot)
            return (0..<200).map { "c/p\($0)/a" }.filter { !Holdout.contains($0, share: 0.1) }.filter { id in
                BucketChoice(variantID: id, candidates: [morning, evening], estimates: estimates, model: model).ranked[0].bucket
                    == evening
            }.count
        }
        let plain = eveningsChosen(pivot: 0)
        #expect(plain > 30 && plain < 120)
        #expect(eveningsChosen(pivot: 10) == 0)
    }
}
