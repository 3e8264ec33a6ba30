import Foundation
import Testing

@testable import GlocalCore

/// Beliefs averaged over candidate drifts (``PeakBelief/mixture(_:)``, `driftAveraging`).
@Suite struct PeakDriftAveragingTests {
    static func belief(peak: Int, level: Double) -> PeakBelief {
        let grid = PeakGrid.standard
        let day = grid.peaks.indices.map { $0 == peak ? 1.0 : 0 }
        return PeakBelief(
            level: level, amplitude: 1, width: 1, spread: 0.5, weight: 30, days: Array(repeating: day, count: 7),
            prior: Array(repeating: 1 / Double(grid.peaks.count), count: grid.peaks.count), grid: grid)
    }

    @Test func aMixtureWeighsEachBeliefsPosteriorAndKeepsTheHeaviestsLevel() {
        let mixed = PeakBelief.mixture([(0.75, Self.belief(peak: 20, level: 1)), (0.25, Self.belief(peak: 30, level: 2))])
        for day in mixed.days {
            #expect(abs(day[20] - 0.75) < 1e-12 && abs(day[30] - 0.25) < 1e-12)
            #expect(abs(day.reduce(0, +) - 1) < 1e-12)
        }
        #expect(mixed.level == 1)
        // Unnormalised weights are normalised.
        let scaled = PeakBelief.mixture([(3, Self.belief(peak: 20, level: 1)), (1, Self.belief(peak: 30, level: 2))])
        #expect(abs(scaled.days[2][20] - 0.75) < 1e-12)
    }

    /// Posts of one account that moved from 10:00 to 16:00 over 12 weeks: averaging the drifts still finds where
    /// the peak is now (the moving readings outweigh the steady one), and its posterior is no sharper than the
    /// likeliest drift's alone.
    @Test func averagingTheDriftsFollowsAClearDrift() throws {
        var random = SeededRandom(seed: 3)
        let posts = (0..<120).map { index -> PeakCurveFit.Post in
            let age = 12 * Double(index) / 120
            let slot = 48 + (index * 37) % 72
            let hour = (Double(slot) + 0.5) / 6
            let score = 2 + log(0.3 + 0.7 * PeakGrid.bump(hour: hour, peak: 16 - 0.5 * age, width: 2.5)) + 0.2 * random.normal()
            return PeakCurveFit.Post(
                account: "a", region: "", slot: slot, weekday: 1 + index % 5, score: score, weight: 1, age: age)
        }
        let averaged = try #require(
            PeakLikelihoodFit(drifts: PeakLikelihoodFit.driftPrior, driftAveraging: true).fit(posts, fallbackSpread: 0.5)["a"])
        let likeliest = try #require(PeakLikelihoodFit(drifts: PeakLikelihoodFit.driftPrior).fit(posts, fallbackSpread: 0.5)["a"])
        #expect(PeakGrid.circularDistance(averaged.peakHour(weekday: 3), 16) < 0.75)
        #expect((averaged.days[2].max() ?? 0) <= (likeliest.days[2].max() ?? 0) + 1e-9)
    }
}
