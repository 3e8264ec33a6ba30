import Foundation
import GlocalCore
import GlocalSandbox

/// One account of the simulation: its network, zone and an audience that reads most at a known hour.
struct SimulatedAccount {
    var id: String
    var network: Network
    var zone: TimeZone
    var audience: SandboxAudience

    static let networks: [Network] = [.x, .bluesky, .mastodon, .threads, .instagram, .facebook, .linkedin]
    static let zones = [
        "Europe/Paris", "America/New_York", "Asia/Tokyo", "Europe/London", "America/Los_Angeles", "Australia/Sydney",
    ]

    /// `count` accounts with peaks drawn among the hours their network's weekday windows allow
    /// outside quiet hours, so that the best time is reachable without breaking a rule.
    static func fleet(count: Int, table: TimingTable, quiet: Set<Int>, random: inout SeededRandom) -> [SimulatedAccount] {
        (0..<count).map { index in
            let network = networks[index % networks.count]
            let zone = zones[(index / networks.count) % zones.count]
            let profile = table.profile(network)
            var hours = Set<Int>()
            for window in profile.preferred + profile.allowed where !window.weekdays.isDisjoint(with: 1...5) {
                for hour in window.start.hour..<max(window.start.hour + 1, (window.end.minutes + 59) / 60)
                where !quiet.contains(hour) {
                    hours.insert(hour)
                }
            }
            let choices = hours.sorted()
            let peak = choices[Int(random.next() % UInt64(choices.count))]
            let size = 500 + Int(random.next() % 4_501)
            return SimulatedAccount(
                id: "acct-\(index)-\(network.rawValue)", network: network, zone: TimeZone(identifier: zone)!,
                audience: SandboxAudience(
                    network: network.rawValue, account: "acct-\(index)", timeZone: zone, peakHour: peak, size: size))
        }
    }
}
