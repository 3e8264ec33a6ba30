import Foundation
import Testing

@testable import GlocalCore

/// The peak model's per-account noise (`accountNoiseWeight`), shared alternate peak (`sharedAlternate`)
/// and drift (`drifts`).
@Suite struct PeakLikelihoodNoiseAndAlternateTests {
    @Test func anAccountsNoiseMovesFromTheNetworksTowardItsOwnResiduals() {
        let off = PeakLikelihoodFit()
        #expect(off.accountNoise(rss: 40, weight: 12, network: 0.5) == 0.5)
        let fit = PeakLikelihoodFit(accountNoiseWeight: 10)
        // No posts of its own: the network's.
        #expect(abs(fit.accountNoise(rss: 0, weight: 0, network: 0.5) - 0.5) < 1e-12)
        // 102 posts with residual variance 0.04 (σ 0.2) against the network's 0.25 worth 10: (4 + 2.5) / 110.
        let quiet = fit.accountNoise(rss: 4, weight: 102, network: 0.5)
        #expect(abs(quiet - (6.5 / 110).squareRoot()) < 1e-12)
        #expect(quiet < 0.25)
        // A noisier account than its network gets more.
        #expect(fit.accountNoise(rss: 100, weight: 102, network: 0.5) > 0.9)
    }

    /// Two days read at peak 0 and three at peak 2 (of four candidates): each day's own data decide its peak,
    /// and a day without posts mixes the main and the alternate peak.
    @Test func theAlternateTakesTheDaysThatDifferAndLeavesTheOthersSharp() {
        let flat = [Double](repeating: log(0.25), count: 4)
        func strongly(_ peak: Int) -> [Double] { (0..<4).map { $0 == peak ? 0 : -20 } }
        let dayLogs = [strongly(0), strongly(2), strongly(2), strongly(2), strongly(0), [0, 0, 0, 0], [0, 0, 0, 0]]
        let days = PeakLikelihoodFit.alternateDays(dayLogs, logPrior: flat, change: 0.2)
        for day in days { #expect(abs(day.reduce(0, +) - 1) < 1e-9) }
        #expect(days[1][2] > 0.999 && days[2][2] > 0.999 && days[3][2] > 0.999)
        #expect(days[0][0] > 0.999 && days[4][0] > 0.999)
        // Saturday has no posts. Main 2 and alternate 0 (three days keep, two move) is 4 times as likely as the
        // labels swapped (two keep, three move): 0.8 · 0.8 + 0.2 · 0.2 at peak 2, 0.8 · 0.2 + 0.2 · 0.8 at peak 0.
        #expect(abs(days[5][2] - 0.68) < 1e-3 && abs(days[5][0] - 0.32) < 1e-3)
    }

    /// An audience that reads at 17:00 on Mondays and Fridays and at 11:00 midweek: each day's peak is found
    /// (among four steady accounts, from which the network's curve shape is learned).
    @Test func mondaysAndFridaysOwnPeakIsFoundAndMidweekKeepsItsOwn() throws {
        var posts: [PeakCurveFit.Post] = []
        for (index, (account, peak)) in [("b", 10.0), ("c", 13.0), ("d", 15.0), ("e", 12.0)].enumerated() {
            posts += PeakLikelihoodFitTests.posts(60, account: account, peak: peak, seed: UInt64(index + 10))
        }
        for (index, weekday) in [1, 2, 3, 4, 5].enumerated() {
            let peak = weekday == 1 || weekday == 5 ? 17.0 : 11.0
            posts += PeakLikelihoodFitTests.posts(40, account: "a", peak: peak, seed: UInt64(index + 1)).map { post in
                var post = post
                post.weekday = weekday
                return post
            }
        }
        let shared = try #require(PeakLikelihoodFit(sharedAlternate: true).fit(posts, fallbackSpread: 0.5)["a"])
        #expect(PeakGrid.circularDistance(shared.peakHour(weekday: 2), 11) < 0.75)
        #expect(PeakGrid.circularDistance(shared.peakHour(weekday: 1), 17) < 0.75)
        #expect(PeakGrid.circularDistance(shared.peakHour(weekday: 5), 17) < 0.75)
    }

    /// An audience that moved from 10:00 to 16:00 over 12 weeks (½ h a week): with the drift prior the
    /// current peak is found; without it, the posts of every week together put it between.
    @Test func aDriftingPeakIsFollowedToWhereItIsNow() throws {
        var random = SeededRandom(seed: 3)
        let posts = (0..<120).map { index -> PeakCurveFit.Post in
            let age = 12 * Double(index) / 120
            let peak = 16 - 0.5 * age
            let slot = 48 + (index * 37) % 72
            let hour = (Double(slot) + 0.5) / 6
            let score = 2 + log(0.3 + 0.7 * PeakGrid.bump(hour: hour, peak: peak, width: 2.5)) + 0.2 * random.normal()
            return PeakCurveFit.Post(
                account: "a", region: "", slot: slot, weekday: 1 + index % 5, score: score, weight: 1, age: age)
        }
        let drifting = try #require(PeakLikelihoodFit(drifts: PeakLikelihoodFit.driftPrior).fit(posts, fallbackSpread: 0.5)["a"])
        #expect(PeakGrid.circularDistance(drifting.peakHour(weekday: 3), 16) < 0.75)
        let steady = try #require(PeakLikelihoodFit().fit(posts, fallbackSpread: 0.5)["a"])
        #expect(PeakGrid.circularDistance(steady.peakHour(weekday: 3), 16) > 1.5)
    }

    @Test func postsAreReadLaterUnderADriftByTheirAge() throws {
        let post = PeakCurveFit.Post(account: "a", region: "", slot: 60, weekday: 2, score: 1, weight: 1, age: 4)
        // 4 weeks at ½ h a week: 2 h later, 12 slots.
        let moved = try #require(PeakLikelihoodFit.accounts([post], drift: 0.5)["a"])
        #expect(moved.all.weight[72] == 1 && moved.all.weight[60] == 0)
        // Around the clock: a 23:50 post read 1 h later is at 00:50.
        let late = PeakCurveFit.Post(account: "a", region: "", slot: 143, weekday: 2, score: 1, weight: 1, age: 2)
        #expect(try #require(PeakLikelihoodFit.accounts([late], drift: 0.5)["a"]).all.weight[5] == 1)
    }
}
