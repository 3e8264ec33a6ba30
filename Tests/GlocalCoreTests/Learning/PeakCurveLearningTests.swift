import Foundation
import Testing

@testable import GlocalCore

/// The peak model: the daily curve's grid, its least-squares sums, the fit of an account's peak (with
/// its pool as the prior, and weekdays that may differ), and Thompson sampling on the peak.
@Suite struct PeakCurveLearningTests {
    static let grid = PeakGrid.standard

    /// A score for a post at `hour` of an audience peaking at `peak`: the model's own curve plus seeded noise.
    static func score(hour: Double, peak: Double, noise: Double, random: inout SeededRandom) -> Double {
        -0.6 + 1.2 * PeakGrid.bump(hour: hour, peak: peak, width: 2.5) + noise * random.normal()
    }

    /// `count` posts of `account` spread over 08:00–19:50 on weekdays Mon–Fri in turn.
    static func posts(
        _ count: Int, account: String, region: String = "", peak: (Int) -> Double, noise: Double = 0.3, seed: UInt64 = 1
    ) -> [PeakCurveFit.Post] {
        var random = SeededRandom(seed: seed)
        return (0..<count).map { index in
            let slot = 48 + (index * 37) % 72  // 08:00 … 19:50, a different ten minutes each time
            let weekday = 1 + index % 5
            let hour = (Double(slot) + 0.5) / 6
            return PeakCurveFit.Post(
                account: account, region: region, slot: slot, weekday: weekday,
                score: score(hour: hour, peak: peak(weekday), noise: noise, random: &random), weight: 1)
        }
    }

    @Test func theBumpIsOneAtThePeakAndWrapsAroundMidnight() {
        #expect(PeakGrid.bump(hour: 14, peak: 14, width: 2.5) == 1)
        #expect(abs(PeakGrid.circularDistance(23.5, 0.5) - 1) < 1e-12)
        #expect(abs(PeakGrid.bump(hour: 23.5, peak: 0.5, width: 1) - exp(-0.5)) < 1e-12)
        #expect(Self.grid.peaks.count == 48 && Self.grid.count == 144)
        let point = Self.grid.point(peak: 28, width: 1)  // 14:00, 2.5 h
        #expect(Self.grid.blockKernel(block: 7, point: point) > Self.grid.blockKernel(block: 5, point: point))
    }

    @Test func sumsRecoverTheCurveAndSubtract() {
        var sums = PeakSums(grid: Self.grid)
        let point = Self.grid.point(peak: 28, width: 1)
        for slot in stride(from: 48, to: 120, by: 6) {
            let k = Self.grid.kernel(slot: slot, point: point)
            sums.add(-0.5 + 1.0 * k, slot: slot, weight: 1, grid: Self.grid)
        }
        let fit = sums.fit(point: point, amplitude: 0, ridge: 0)
        #expect(abs(fit.level + 0.5) < 1e-9 && abs(fit.amplitude - 1) < 1e-9 && fit.residual < 1e-9)
        #expect(sums.residual(point: point, level: -0.5, amplitude: 1) < 1e-9)
        // A wrong peak explains less.
        #expect(sums.fit(point: Self.grid.point(peak: 18, width: 1), amplitude: 0, ridge: 0).residual > 0.1)
        var other = PeakSums(grid: Self.grid)
        other.add(3, slot: 60, weight: 2, grid: Self.grid)
        let back = sums.combined(with: other, sign: 1).combined(with: other, sign: -1)
        #expect(abs(back.weight - sums.weight) < 1e-12 && abs(back.bumpScore[point] - sums.bumpScore[point]) < 1e-9)
    }

    @Test func anAccountsPeakIsFoundFromPostsAtAnyHour() throws {
        let beliefs = PeakCurveFit().fit(Self.posts(40, account: "a", peak: { _ in 14 }), fallbackSpread: 0.5)
        let belief = try #require(beliefs["a"])
        for weekday in 1...5 { #expect(PeakGrid.circularDistance(belief.peakHour(weekday: weekday), 14) < 0.75) }
        let estimates = (0..<12).map { belief.estimate(TimingBucket(weekday: 3, block: $0)).mean }
        let top = estimates.indices.max { estimates[$0] < estimates[$1] }!
        #expect(top == 6 || top == 7)  // 14:00 is the edge of 12–14 and 14–16
        #expect(estimates[7] > estimates[4] + 0.3)  // 14–16 well above 08–10
    }

    @Test func withFewPostsTheRegionsPeakIsThePrior() throws {
        // Three accounts of one region peak at 10:00; a fourth has two posts that say little.
        var posts: [PeakCurveFit.Post] = []
        for (index, account) in ["a", "b", "c"].enumerated() {
            posts += Self.posts(40, account: account, region: "Europe/Paris", peak: { _ in 10 }, seed: UInt64(index + 1))
        }
        posts += Self.posts(2, account: "new", region: "Europe/Paris", peak: { _ in 10 }, noise: 0, seed: 9)
        let belief = try #require(PeakCurveFit().fit(posts, fallbackSpread: 0.5)["new"])
        #expect(PeakGrid.circularDistance(belief.peakHour(weekday: 2), 10) < 1.5)
        // Its prior centres on the others' peak.
        #expect(PeakGrid.circularDistance(PeakBelief.circularMean(belief.prior, hours: Self.grid.peaks), 10) < 1)
    }

    @Test func aWeekdayWithHoursOfItsOwnIsFollowed() throws {
        // Mondays and Fridays peak at 17:00, the other days at 10:00; 100 posts.
        let posts = Self.posts(100, account: "a", peak: { [1, 5].contains($0) ? 17 : 10 }, noise: 0.3)
        let belief = try #require(PeakCurveFit().fit(posts, fallbackSpread: 0.5)["a"])
        #expect(PeakGrid.circularDistance(belief.peakHour(weekday: 3), 10) < 1)
        #expect(PeakGrid.circularDistance(belief.peakHour(weekday: 1), 17) < 1.5)
        #expect(PeakGrid.circularDistance(belief.peakHour(weekday: 5), 17) < 1.5)
        // Without the chance of a weekday of its own, Monday follows the other days.
        let tied = try #require(PeakCurveFit(weekdayChange: 1e-12).fit(posts, fallbackSpread: 0.5)["a"])
        #expect(PeakGrid.circularDistance(tied.peakHour(weekday: 1), tied.peakHour(weekday: 3)) < 0.5)
    }

    @Test func thompsonSamplingOnThePeakExploresWhenUnsureAndExploitsWhenSure() throws {
        let sure = try #require(
            PeakCurveFit().fit(Self.posts(200, account: "a", peak: { _ in 11 }), fallbackSpread: 0.5)["a"])
        let unsure = try #require(PeakCurveFit().fit(Self.posts(1, account: "b", peak: { _ in 11 }), fallbackSpread: 0.5)["b"])
        let candidates = (4..<10).map { TimingBucket(weekday: 3, block: $0) }
        func firsts(_ belief: PeakBelief) -> Set<Int> {
            let estimates = AccountTimingEstimate(
                accountID: "a", network: .x, posts: 1, buckets: [:], prior: [:], belief: belief)
            let model = LearnedTiming(accounts: [:], pools: [:], priorWeight: 4, seed: 7, holdoutShare: 0)
            return Set(
                (0..<60).map { index in
                    BucketChoice(variantID: "v\(index)", candidates: candidates, estimates: estimates, model: model).ranked[0]
                        .bucket
                        .block
                })
        }
        #expect(firsts(sure) == [5])  // 10–12 holds 11:00
        #expect(firsts(unsure).count >= 3)
    }

    @Test func theEstimatorGivesAccountsWithPostsABelief() throws {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let bucket = TimingBucket(weekday: 2, block: 5)
        let observations = (0..<6).map { index in
            EngagementObservation(
                variantID: "c/p\(index)/a", accountID: "a", network: .x, bucket: bucket, score: 0.5,
                publishedAt: now.addingTimeInterval(-Double(index) * 86_400), region: "")
        }
        let model = LearnedTimingEstimator(peakCurve: PeakCurveFit()).estimate(observations, table: .standard, now: now)
        let estimates = try #require(model.estimates(account: "a", network: .x))
        #expect(
            estimates.belief != nil
                && estimates.buckets.count == BucketPrior(profile: TimingTable.standard.profile(.x)).means.count)
        #expect(model.pool(.x)?.belief == nil)
        let plain = LearnedTimingEstimator().bucketsOnly().estimate(observations, table: .standard, now: now)
        #expect(plain.estimates(account: "a", network: .x)?.belief == nil)
    }
}
