import Foundation
import Testing

@testable import GlocalCore

/// The peak prior's centre shrunk from a region's few accounts toward the network's (`regionShrink`).
@Suite struct PeakPriorCentreTests {
    @Test func aRegionOfFewAccountsIsPulledTowardTheNetworkAndOneOfManyKeepsItsOwn() {
        // Two accounts against a network worth 2: halfway (a circular mean of two hours 2 h apart, equally weighted).
        #expect(abs(PeakLikelihoodFit.shrunkCentre(region: 14, accounts: 2, network: 12, worth: 2) - 13) < 1e-9)
        let many = PeakLikelihoodFit.shrunkCentre(region: 14, accounts: 200, network: 12, worth: 2)
        #expect(abs(many - 14) < 0.05)
        #expect(abs(PeakLikelihoodFit.shrunkCentre(region: 14, accounts: 2, network: 12, worth: 0) - 14) < 1e-9)
    }

    @Test func theCentreIsAveragedAroundTheClock() {
        // 23:00 and 01:00, equally weighted: midnight, not noon.
        let centre = PeakLikelihoodFit.shrunkCentre(region: 23, accounts: 1, network: 1, worth: 1)
        #expect(PeakGrid.circularDistance(centre, 0) < 1e-9)
    }

    /// A region of one other account peaking at 18:00, in a network whose nine other accounts peak at 12:00:
    /// shrunk toward the network, the account's prior centres nearer noon than the region's lone neighbour.
    @Test func theFitsPriorMovesTowardTheNetworkWithShrinking() throws {
        var posts: [PeakCurveFit.Post] = []
        posts += PeakLikelihoodFitTests.posts(40, account: "lone", region: "Asia/Tokyo", peak: 18, seed: 3)
        for index in 0..<9 {
            posts += PeakLikelihoodFitTests.posts(40, account: "n\(index)", peak: 12, seed: UInt64(20 + index))
        }
        posts += PeakLikelihoodFitTests.posts(1, account: "new", region: "Asia/Tokyo", peak: 12, seed: 9)
        let plain = try #require(PeakLikelihoodFit().fit(posts, fallbackSpread: 0.5)["new"])
        let shrunk = try #require(PeakLikelihoodFit(regionShrink: 4).fit(posts, fallbackSpread: 0.5)["new"])
        let centre = { (belief: PeakBelief) in PeakBelief.circularMean(belief.prior, hours: belief.grid.peaks) }
        #expect(PeakGrid.circularDistance(centre(plain), 18) < 1)
        #expect(PeakGrid.circularDistance(centre(shrunk), 12) < PeakGrid.circularDistance(centre(plain), 12) - 2)
    }
}
