import Foundation
import GlocalCore

/// A small workspace generated from a seed for the schedule checker: accounts in Paris, New York, Sydney
/// and Kolkata (several per network, so siblings), teams, holidays, and campaigns that run across both
/// daylight-saving changes of 2027 of each zone, with explicit times inside the changes' gaps and folds.
struct RandomScheduleWorkspace {
    var random: SeededRandom

    init(seed: UInt64) { random = SeededRandom(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ 1) }

    /// (prefix, locale, zone, holidays).
    static let places: [(String, String, String, [String])] = [
        ("fr", "fr-FR", "Europe/Paris", ["2027-03-29", "2027-11-01", "2027-11-11"]),
        ("us", "en-US", "America/New_York", ["2027-11-11", "2027-10-11"]),
        ("au", "en-AU", "Australia/Sydney", ["2027-04-02", "2027-10-04"]),
        ("in", "hi-IN", "Asia/Kolkata", ["2027-03-22", "2027-10-02"]),
    ]
    static let networks = ["x", "bluesky", "linkedin", "facebook", "threads"]

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }

    mutating func write(to root: URL) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("locales"), withIntermediateDirectories: true)
        try fm.createDirectory(at: root.appendingPathComponent("campaigns"), withIntermediateDirectories: true)
        var settings = """
            workspace: schedule-check
            brand: Lumière
            default_locale: en
            policy:
              approval: auto
              quiet_hours: "23:00-00:30"
            timing:
              fleet_limit: \(int(3...5))
              sibling_gap: \(int(3...8))m
            teams:

            """
        var accounts = "accounts:\n"
        for (prefix, locale, zone, holidays) in Self.places {
            settings += "  \(prefix):\n    accounts: [\"\(prefix)-*\"]\n    managers: [\(prefix)@lumiere.example]\n"
            let localeFile = """
                locale: \(locale)
                name: \(locale)
                fallback: en
                timezone: \(zone)
                holidays: [\(holidays.joined(separator: ", "))]

                """
            try localeFile.write(to: root.appendingPathComponent("locales/\(locale).yaml"), atomically: true, encoding: .utf8)
            for network in Self.networks {
                for index in 1...int(network == "x" ? 2...3 : 1...3) {
                    accounts += """
                          - id: \(prefix)-\(network)-\(index)
                            network: \(network)
                            handle: \(prefix)\(network)\(index)
                            locale: \(locale)
                            city: City \(prefix.uppercased()) \(network) \(index)

                        """
                    if network == "bluesky" { accounts += "    instance: https://bsky.social\n" }
                }
            }
        }
        try settings.write(to: root.appendingPathComponent("glocal.yaml"), atomically: true, encoding: .utf8)
        try accounts.write(to: root.appendingPathComponent("accounts.yaml"), atomically: true, encoding: .utf8)
        let english = "locale: en\nname: English\nstrings:\n  body: \"A winter tip from {city}.\"\n"
        try english.write(to: root.appendingPathComponent("locales/en.yaml"), atomically: true, encoding: .utf8)
        // Spring: the US change is day 6, the EU one day 20, Sydney's day 27. Autumn: Sydney day 6, EU 34, US 41.
        let seasons = [
            ("spring", "2027-03-08", "2027-04-11", [6, 20, 27]), ("autumn", "2027-09-27", "2027-11-14", [6, 34, 41]),
        ]
        for (season, start, end, changes) in seasons {
            for number in 1...2 {
                var campaign = """
                    campaign: \(season)-\(number)
                    kind: informative
                    window: {start: \(start), end: \(end)}
                    targets: {networks: [\(Self.networks.filter { _ in int(0...3) > 0 }.joined(separator: ", "))]}
                    posts:

                    """
                if campaign.contains("networks: []") {
                    campaign = campaign.replacingOccurrences(of: "networks: []", with: "networks: [x]")
                }
                var day = int(0...3)
                for index in 0..<int(3...5) {
                    campaign += "  - id: p\(index)\n    day: \(day)\n    text: body\n"
                    if index > 0, int(0...2) == 0 { campaign += "    after: {post: p\(index - 1), min_gap: \(int(20...48))h}\n" }
                    day += int(2...6)
                }
                // An explicit time on each change's night: in the gap (02:30) or the repeated hour (01:30, 02:30).
                let change = changes[number - 1 + (int(0...1))]
                campaign +=
                    "  - id: timed\n    day: \(change)\n    at: \"\([ "02:30", "01:30", "02:15"][int(0...2)])\"\n    text: body\n"
                try campaign.write(
                    to: root.appendingPathComponent("campaigns/\(season)-\(number).yaml"), atomically: true, encoding: .utf8)
            }
        }
    }
}
