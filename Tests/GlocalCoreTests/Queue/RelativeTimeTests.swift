import Foundation
import GlocalCore
import Testing

/// The queue's relative hints and local wall times, computed from an injected "now".
struct RelativeTimeTests {
    let now = try! Date("2026-11-21T09:00:00Z", strategy: .iso8601)

    static let cases: [(Double, String)] = [
        (0, "now"), (59, "now"), (-59, "now"), (60, "in 1 minute"), (-120, "2 minutes ago"), (45 * 60, "in 45 minutes"),
        (90 * 60, "in 2 hours"), (-3 * 3600, "3 hours ago"), (35 * 3600, "in 35 hours"), (36 * 3600, "in 2 days"),
        (2 * 86_400, "in 2 days"), (-86_400 * 13, "13 days ago"), (14 * 86_400, "in 2 weeks"), (-30 * 86_400, "4 weeks ago"),
    ]

    @Test(arguments: cases)
    func hints(seconds: Double, expected: String) {
        #expect(RelativeTime.describe(now.addingTimeInterval(seconds), now: now) == expected)
    }

    @Test func aSlotReadsInTheAccountsZoneWithItsAbbreviationSummerAndWinter() throws {
        let winter = try Date("2026-12-01T08:00:00Z", strategy: .iso8601)
        let paris = LocalTimeLabel(winter, zoneID: "Europe/Paris", now: now)
        #expect(paris.local == "Tue 1 Dec 2026, 09:00 CET")
        #expect(paris.relative == "in 10 days")
        let summer = try Date("2026-07-01T08:00:00Z", strategy: .iso8601)
        #expect(LocalTimeLabel(summer, zoneID: "Europe/Paris", now: now).local == "Wed 1 Jul 2026, 10:00 CEST")
        #expect(LocalTimeLabel(winter, zoneID: "America/Los_Angeles", now: now).local == "Tue 1 Dec 2026, 00:00 PST")
        #expect(LocalTimeLabel(winter, zoneID: "Asia/Tokyo", now: now).local == "Tue 1 Dec 2026, 17:00 JST")
        // Across the date line the day changes too.
        #expect(LocalTimeLabel(winter, zoneID: "Pacific/Kiritimati", now: now).local == "Tue 1 Dec 2026, 22:00 GMT+14")
    }

    @Test func aZoneWithoutANameShowsItsOffsetAndAnUnknownZoneIsUTC() throws {
        let instant = try Date("2026-12-01T08:00:00Z", strategy: .iso8601)
        #expect(ZoneAbbreviation.of(TimeZone(identifier: "Asia/Kathmandu")!, at: instant) == "GMT+5:45")
        #expect(ZoneAbbreviation.of(TimeZone(identifier: "America/St_Johns")!, at: instant) == "GMT-3:30")
        #expect(LocalTimeLabel(instant, zoneID: "Mars/Olympus", now: now).local == "Tue 1 Dec 2026, 08:00 UTC")
    }
}
