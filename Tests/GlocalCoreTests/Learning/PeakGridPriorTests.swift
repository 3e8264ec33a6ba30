import Foundation
import Testing

@testable import GlocalCore

/// The pool's prior over an account's peak and the spread of peaks around their pools' centres, which both
/// peak models (`PeakCurveFit`, `PeakLikelihoodFit`) take from `PeakGrid`.
@Suite struct PeakGridPriorTests {
    let grid = PeakGrid.standard

    @Test func thePriorSumsToOneAndPeaksAtTheHourGiven() throws {
        let prior = grid.prior(around: 14, spread: 2, uniformShare: 0.05)
        #expect(abs(prior.reduce(0, +) - 1) < 1e-9)
        let top = try #require(prior.indices.max { prior[$0] < prior[$1] })
        #expect(grid.peaks[top] == 14)
        // Around the clock: 23:00 is as likely as 01:00 for a prior around midnight.
        let midnight = grid.prior(around: 0, spread: 2, uniformShare: 0.05)
        let at1 = try #require(grid.peaks.firstIndex(of: 1)), at23 = try #require(grid.peaks.firstIndex(of: 23))
        #expect(abs(midnight[at1] - midnight[at23]) < 1e-12)
    }

    @Test func theUniformShareIsTheFloorFarFromThePeak() throws {
        let prior = grid.prior(around: 14, spread: 1, uniformShare: 0.05)
        let far = try #require(grid.peaks.firstIndex(of: 2))
        let even = 0.05 / Double(grid.peaks.count)
        #expect(prior[far] >= even && prior[far] < even * 1.001)
        #expect(grid.prior(around: 14, spread: 1, uniformShare: 1).allSatisfy { abs($0 - 1 / Double(grid.peaks.count)) < 1e-12 })
    }

    @Test func thePeakSpreadIsTheMeasuredDistanceLessTheAccountsOwnUncertaintyWithinItsRange() {
        // Four accounts 2 h from their centres on average (16 = 4 × 2²), each sure of its own peak.
        #expect(PeakGrid.peakSpread(distances: 16, variances: 0, counted: 4, fallback: 3, range: 1...5) == 2)
        // Their own uncertainty explains part of the distance.
        #expect(PeakGrid.peakSpread(distances: 16, variances: 12, counted: 4, fallback: 3, range: 1...5) == 1)
        #expect(PeakGrid.peakSpread(distances: 400, variances: 0, counted: 4, fallback: 3, range: 1...5) == 5)
        #expect(PeakGrid.peakSpread(distances: 1, variances: 9, counted: 4, fallback: 3, range: 1...5) == 1)
        // Too few accounts to judge: the fallback.
        #expect(PeakGrid.peakSpread(distances: 16, variances: 0, counted: 3, fallback: 3, range: 1...5) == 3)
    }
}
