import Foundation
import GlocalCore

/// One account of the simulation: its network, zone (its region) and audience.
struct SimulatedAccount {
    var id: String
    var network: Network
    var zone: TimeZone
    var audience: SimulatedAudience

    static let networks: [Network] = [.x, .bluesky, .mastodon, .threads, .instagram, .facebook, .linkedin]
    static let zones = [
        "Europe/Paris", "America/New_York", "Asia/Tokyo", "Europe/London", "America/Los_Angeles", "Australia/Sydney",
    ]

    /// The assumptions beyond the studies (docs/scheduling.md, "Simulation").
    struct Assumptions {
        /// Spread of a region's peak around the network's study peak, hours.
        var regionSpread = 1.0
        /// Spread of an account's peak around its region's, hours.
        var accountSpread = 2.5
        /// Share of accounts whose peak differs on Mondays and Fridays (by ±3 h).
        var weekdayShare = 0.25
        /// Share of accounts whose peak drifts (±3 h over 12 weeks).
        var driftShare = 0.25
        /// Standard deviation of the daily curve, hours.
        var width = 2.5
        /// Engagement left far from the peak.
        var floor = 0.3
        /// Followers: log-uniform between these.
        var sizes = 5_000.0...500_000.0
    }

    /// `count` accounts, networks and zones in turn; peaks drawn around the network's study peak,
    /// shifted by region and by account, clamped to 07:00–21:00.
    static func fleet(count: Int, assumptions: Assumptions = Assumptions(), random: inout SeededRandom) -> [SimulatedAccount] {
        var regionPeak: [String: Double] = [:]
        return (0..<count).map { index in
            let network = networks[index % networks.count]
            let zone = zones[(index / networks.count) % zones.count]
            let study = NetworkStudy.of(network)
            let region = network.rawValue + "|" + zone
            if regionPeak[region] == nil { regionPeak[region] = study.peakHour + assumptions.regionSpread * random.normal() }
            let peak = min(21, max(7, regionPeak[region]! + assumptions.accountSpread * random.normal()))
            var shift: [Int: Double] = [:]
            if random.uniform() < assumptions.weekdayShare {
                let hours = random.uniform() < 0.5 ? -3.0 : 3.0
                shift = [1: hours, 5: hours]
            }
            let drift = random.uniform() < assumptions.driftShare ? (random.uniform() < 0.5 ? -0.25 : 0.25) : 0
            let low = log(assumptions.sizes.lowerBound), high = log(assumptions.sizes.upperBound)
            let size = exp(low + (high - low) * random.uniform()).rounded()
            return SimulatedAccount(
                id: "acct-\(index)-\(network.rawValue)", network: network, zone: TimeZone(identifier: zone)!,
                audience: SimulatedAudience(
                    size: size, rate: study.engagementRate, peakHour: peak, regionPeak: regionPeak[region]!, weekdayShift: shift,
                    driftPerWeek: drift,
                    width: assumptions.width, floor: assumptions.floor))
        }
    }
}
