import Foundation
import Testing

@testable import GlocalCore

/// Which weekdays read at a peak of their own, learned from a network's accounts (``WeekdayChangePrior``).
@Suite struct WeekdayChangePriorTests {
    /// Four candidate peaks, a flat prior; the other days put the account's peak at 0.
    static let flat = [Double](repeating: log(0.25), count: 4)
    static func strongly(_ peak: Int) -> [Double] { (0..<4).map { $0 == peak ? 0 : -20 } }

    @Test func aDayThatAgreesWithTheOthersKeepsTheirPeakAndOneThatDisagreesHasItsOwn() {
        let others = Self.strongly(0)
        for (day, expected) in [(Self.strongly(0), false), (Self.strongly(2), true)] {
            let all = zip(Self.flat, zip(others, day)).map { $0 + $1.0 + $1.1 }
            let r = WeekdayChangePrior.responsibility(dayLog: day, all: all, logPrior: Self.flat, change: 0.1)
            // Agreeing: as the others, likelihood 1; at its own peak, ¼ (a flat prior over four peaks).
            #expect(expected ? r > 0.99 : abs(r - 0.025 / 0.925) < 1e-6)
        }
    }

    /// A day without information (flat likelihood) is as likely to differ as the prior says.
    @Test func aDayWithoutInformationKeepsThePriorProbability() {
        let all = zip(Self.flat, Self.strongly(1)).map { $0 + $1 }
        let r = WeekdayChangePrior.responsibility(dayLog: [0, 0, 0, 0], all: all, logPrior: Self.flat, change: 0.3)
        #expect(abs(r - 0.3) < 1e-9)
    }

    /// Same-or-own evidence in between: the day's likelihood as the other days' posterior (peak 0 or 1,
    /// evenly) is ½·(1 + e⁻¹); at its own peak (flat prior over 4) ¼·(1 + e⁻¹ + 2e⁻⁵).
    @Test func theResponsibilityIsTheBayesFactorWeighedByThePrior() {
        let others: [Double] = [0, 0, -50, -50]
        let day: [Double] = [0, -1, -5, -5]
        let all = zip(Self.flat, zip(others, day)).map { $0 + $1.0 + $1.1 }
        let same = 0.5 * (1 + exp(-1.0)), own = 0.25 * (1 + exp(-1.0) + 2 * exp(-5.0))
        let expected = 0.2 * own / (0.2 * own + 0.8 * same)
        let r = WeekdayChangePrior.responsibility(dayLog: day, all: all, logPrior: Self.flat, change: 0.2)
        #expect(abs(r - expected) < 1e-9)
    }

    /// Each weekday's probability is the accounts' mean responsibility shrunk toward the prior; a weekday
    /// without posts keeps the prior.
    @Test func probabilitiesShrinkTheFleetsResponsibilitiesTowardThePrior() {
        let prior = WeekdayChangePrior(prior: 0.1, priorWeight: 10)
        let fleet: [[Double?]] = (0..<10).map { account in
            [account < 5 ? 1 : 0, 0, 0, 0, account < 5 ? 1 : 0, nil, nil]
        }
        let p = prior.probabilities(fleet)
        #expect(abs(p[0] - 6.0 / 20) < 1e-12 && abs(p[4] - 6.0 / 20) < 1e-12)
        #expect(abs(p[1] - 1.0 / 20) < 1e-12)
        #expect(p[5] == 0.1 && p[6] == 0.1)
    }

    /// In a network where accounts read 5 h later on Mondays, Mondays learn a higher chance of their own peak
    /// than the fixed 0.1, so an account with only three Monday posts (at 16:00, its midweek at 11:00) moves its
    /// Monday belief further toward them than with the fixed probability, and keeps its midweek peak.
    @Test func aNetworkWhoseMondaysDifferLearnsItAndFollowsAnAccountsMonday() throws {
        func days(_ account: String, main: Double, mondays: Int, seed: UInt64) -> [PeakCurveFit.Post] {
            var result: [PeakCurveFit.Post] = []
            for weekday in 1...5 {
                let count = weekday == 1 ? mondays : 16
                let peak: Double = weekday == 1 ? main + 5 : main
                for var post in PeakLikelihoodFitTests.posts(count, account: account, peak: peak, seed: seed + UInt64(weekday)) {
                    post.weekday = weekday
                    result.append(post)
                }
            }
            return result
        }
        var posts = days("a", main: 11, mondays: 3, seed: 1)
        for (index, main) in [9.0, 10, 11, 12, 13, 14].enumerated() {
            posts += days("n\(index)", main: main, mondays: 16, seed: UInt64(10 * (index + 1)))
        }
        let learned = try #require(
            PeakLikelihoodFit(weekdayLearning: WeekdayChangePrior()).fit(posts, fallbackSpread: 0.5)["a"])
        let fixed = try #require(PeakLikelihoodFit().fit(posts, fallbackSpread: 0.5)["a"])
        let monday = PeakGrid.circularDistance(learned.peakHour(weekday: 1), 16)
        #expect(monday < PeakGrid.circularDistance(fixed.peakHour(weekday: 1), 16) - 0.25)
        #expect(PeakGrid.circularDistance(learned.peakHour(weekday: 3), 11) < 1)
    }
}
