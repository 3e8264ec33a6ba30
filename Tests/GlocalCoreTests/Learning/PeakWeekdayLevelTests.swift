import Foundation
import Testing

@testable import GlocalCore

/// The network's weekday levels (`weekdayLevelWeight`, ``PeakLikelihoodFit/weekdayOffsets(_:beliefs:worth:)``).
@Suite struct PeakWeekdayLevelTests {
    @Test func aWeekdayLowerAtEveryHourGetsANegativeOffsetShrunkTowardZero() {
        let grid = PeakGrid.standard
        let amplitude = -log(0.3)
        let day = grid.peaks.indices.map { $0 == 24 ? 1.0 : 0 }  // 12:00
        let belief = PeakBelief(
            level: 1, amplitude: amplitude, width: 1, spread: 0.5, weight: 20, days: Array(repeating: day, count: 7),
            prior: Array(repeating: 1 / Double(grid.peaks.count), count: grid.peaks.count))
        func expected(_ slot: Int) -> Double {
            1 + amplitude + log(0.3 + 0.7 * grid.kernel(slot: slot, point: grid.point(peak: 24, width: 1)))
        }
        var posts: [PeakCurveFit.Post] = []
        for slot in stride(from: 50, to: 110, by: 6) {
            posts.append(PeakCurveFit.Post(account: "a", region: "", slot: slot, weekday: 2, score: expected(slot), weight: 1))
            posts.append(
                PeakCurveFit.Post(account: "a", region: "", slot: slot, weekday: 5, score: expected(slot) - 0.2, weight: 1))
        }
        let offsets = PeakLikelihoodFit.weekdayOffsets(posts, beliefs: ["a": belief], worth: 10)
        #expect(abs(offsets[1]) < 1e-9)
        #expect(abs(offsets[4] - (-0.2 * 10 / 20)) < 1e-9)
        #expect(offsets[5] == 0 && offsets[6] == 0)
        // Posts of an account without a belief do not count.
        #expect(PeakLikelihoodFit.weekdayOffsets(posts, beliefs: [:], worth: 10) == Array(repeating: 0, count: 7))
    }

    /// A network whose accounts all score 0.3 lower on Fridays: with the offsets, Friday's peak stays the account's.
    @Test func aLowerFridayIsNotReadAsAPeakElsewhere() throws {
        var posts: [PeakCurveFit.Post] = []
        for (index, peak) in [10.0, 11, 12, 13, 14].enumerated() {
            posts += PeakLikelihoodFitTests.posts(80, account: "n\(index)", peak: peak, seed: UInt64(index + 1)).map { post in
                var post = post
                if post.weekday == 5 { post.score -= 0.3 }
                return post
            }
        }
        let offsets = PeakLikelihoodFit.weekdayOffsets(
            posts, beliefs: PeakLikelihoodFit().fit(posts, fallbackSpread: 0.5), worth: 10)
        // Friday is lower than midweek by about the 0.3 (the accounts' levels absorb a fifth of it).
        #expect(offsets[4] < -0.15 && offsets[4] < offsets[2] - 0.2)
        let levelled = try #require(PeakLikelihoodFit(weekdayLevelWeight: 10).fit(posts, fallbackSpread: 0.5)["n2"])
        #expect(PeakGrid.circularDistance(levelled.peakHour(weekday: 5), 12) < 0.75)
        #expect(PeakGrid.circularDistance(levelled.peakHour(weekday: 3), 12) < 0.75)
    }
}
