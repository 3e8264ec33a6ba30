import Foundation
import Testing

@testable import GlocalCore

/// Spreading posts out: the fleet limit per network, the spacing between networks of one post and
/// locale, and sequencing between posts of a campaign.
@Suite struct SchedulingSpreadTests {
    typealias F = ScheduleFixture

    // MARK: Fleet limit

    /// Six X accounts, one post, a nine-minute window: five fit in the 10-minute bucket, the sixth waits a day.
    @Test func fleetLimitPerTenMinuteBucket() throws {
        var fixture = ScheduleFixture()
        fixture.locale("fr-FR", zone: "Europe/Paris")
        for index in 0..<6 { fixture.account("x\(index)", .x, locale: "fr-FR") }
        fixture.campaign("camp", start: "2026-11-03", end: "2026-11-05", posts: [.init(id: "p")])
        fixture.profile(.x, preferred: ["Tue-Wed 09:01-09:10"], allowed: [])
        #expect(fixture.timing.fleetLimit == 5)
        let run = fixture.schedule()
        let slots = run.scheduled.compactMap(\.slot)
        #expect(slots.count == 6)
        #expect(slots.filter { $0.date == F.date("2026-11-03") }.count == 5)
        #expect(slots.filter { $0.date == F.date("2026-11-04") }.count == 1)
        #expect(Self.largestBucket(slots.map(\.instant)) <= 5)
    }

    /// Thirty X accounts with the standard windows, and a smaller fleet limit.
    @Test(arguments: [5, 2])
    func fleetLimitWithManyAccounts(limit: Int) throws {
        var fixture = ScheduleFixture()
        fixture.locale("fr-FR", zone: "Europe/Paris")
        fixture.locale("de-DE", zone: "Europe/Berlin")
        for index in 0..<30 { fixture.account("x\(index)", .x, locale: index % 2 == 0 ? "fr-FR" : "de-DE") }
        fixture.campaign("camp", start: "2026-11-03", end: "2026-11-06", posts: [.init(id: "a"), .init(id: "b", day: 1)])
        fixture.profile(.x, preferred: ["Tue-Thu 09:01-10:00"], allowed: [])
        fixture.timing.fleetLimit = limit
        let run = fixture.schedule()
        #expect(run.scheduled.count + run.unplaceable.count == 60)
        #expect(Self.largestBucket(run.scheduled.compactMap(\.slot?.instant)) <= limit)
    }

    static func largestBucket(_ instants: [Date]) -> Int {
        var buckets: [Int: Int] = [:]
        for instant in instants { buckets[Int((instant.timeIntervalSince1970 / 600).rounded(.down)), default: 0] += 1 }
        return buckets.values.max() ?? 0
    }

    // MARK: Network spacing

    @Test func networksOfOnePostAndLocaleAreSpaced() throws {
        var fixture = ScheduleFixture()
        fixture.locale("fr-FR", zone: "Europe/Paris")
        let networks: [Network] = [.x, .linkedin, .facebook, .instagram, .threads]
        for network in networks { fixture.account("fr-\(network.rawValue)", network, locale: "fr-FR") }
        fixture.campaign("camp", start: "2026-11-03", end: "2026-11-03", posts: [.init(id: "p")])
        for network in networks { fixture.profile(network, preferred: ["Tue 09:00-12:00"], allowed: []) }
        let run = fixture.schedule()
        let instants = try networks.map { try #require(run.slot("camp/p/fr-\($0.rawValue)")).instant }.sorted()
        for (earlier, later) in zip(instants, instants.dropFirst()) {
            #expect(later.timeIntervalSince(earlier) >= 1800)
        }
    }

    /// Spacing is per locale: the same network pair in two locales may be closer than 30 minutes,
    /// but inside each locale the rule holds.
    @Test func spacingHoldsInsideEachLocale() throws {
        var fixture = ScheduleFixture()
        fixture.locale("fr-FR", zone: "Europe/Paris")
        fixture.locale("de-DE", zone: "Europe/Paris")
        for locale in ["fr-FR", "de-DE"] {
            fixture.account("\(locale)-x", .x, locale: locale)
            fixture.account("\(locale)-li", .linkedin, locale: locale)
        }
        fixture.campaign("camp", start: "2026-11-03", end: "2026-11-03", posts: [.init(id: "p")])
        let run = fixture.schedule()
        for locale in ["fr-FR", "de-DE"] {
            let x = try #require(run.slot("camp/p/\(locale)-x")), li = try #require(run.slot("camp/p/\(locale)-li"))
            #expect(abs(x.instant.timeIntervalSince(li.instant)) >= 1800)
        }
    }

    /// When no day leaves 30 minutes between networks, spacing gives way first, and says so.
    @Test func spacingGivesWayWhenThereIsNoRoom() throws {
        var fixture = ScheduleFixture()
        fixture.locale("fr-FR", zone: "Europe/Paris")
        fixture.account("fr-x", .x, locale: "fr-FR")
        fixture.account("fr-li", .linkedin, locale: "fr-FR")
        fixture.campaign("camp", start: "2026-11-03", end: "2026-11-03", posts: [.init(id: "p")])
        fixture.profile(.x, preferred: ["Tue 09:01-09:15"], allowed: [])
        fixture.profile(.linkedin, preferred: ["Tue 09:01-09:15"], allowed: [])
        let run = fixture.schedule()
        #expect(run.scheduled.compactMap(\.slot).count == 2)
        #expect(run.unplaceable.isEmpty)
        #expect(run.rules("camp/p/fr-x").contains("network-spacing"))
        // The variant placed without the spacing carries a spread line naming the rule, as the others that give way.
        let spread = run.scheduled.flatMap { $0.explanation.filter { $0.rule == "spread" } }.map(\.detail)
        #expect(spread.count == 1, "\(spread)")
        #expect(spread.first?.hasPrefix("network-spacing gave way: ") == true, "\(spread)")
        let summaries = run.scheduled.map { SpreadSummary.of($0.explanation, timing: fixture.timing) }
        #expect(summaries.filter { $0.hasPrefix("gave way — network-spacing gave way") }.count == 1, "\(summaries)")
    }

    // MARK: Sequencing

    @Test func sequencingKeepsMinGapPerAccount() throws {
        var fixture = ScheduleFixture()
        fixture.locale("fr-FR", zone: "Europe/Paris")
        fixture.locale("en-US", zone: "America/New_York")
        fixture.locale("ja-JP", zone: "Asia/Tokyo")
        fixture.account("x-fr", .x, locale: "fr-FR")
        fixture.account("x-us", .x, locale: "en-US")
        fixture.account("li-jp", .linkedin, locale: "ja-JP")
        fixture.account("ig-fr", .instagram, locale: "fr-FR")
        // The successor comes first in the file: sequencing, not file order, decides.
        fixture.campaign(
            "camp", start: "2026-11-02", end: "2026-11-13",
            posts: [.init(id: "launch", day: 1, after: "teaser", minGap: F.hours(36)), .init(id: "teaser", day: 1)])
        let run = fixture.schedule()
        #expect(run.unplaceable.isEmpty)
        for account in ["x-fr", "x-us", "li-jp", "ig-fr"] {
            let teaser = try #require(run.slot("camp/teaser/\(account)"))
            let launch = try #require(run.slot("camp/launch/\(account)"))
            #expect(launch.instant.timeIntervalSince(teaser.instant) >= 36 * 3600, "\(account): \(teaser.wall) → \(launch.wall)")
            #expect(teaser.date == F.date("2026-11-03"))
        }
    }

    /// Without `min_gap` the successor still comes after its predecessor.
    @Test func sequencingWithoutMinGap() throws {
        var fixture = SchedulingRuleTests.single(
            .x, zone: "Europe/Paris", start: "2026-11-03", end: "2026-11-06",
            posts: [.init(id: "second", after: "first"), .init(id: "first")])
        fixture.profile(.x, preferred: ["daily 09:00-17:00"], allowed: [], minGap: F.hours(1), maxPerDay: 4)
        let run = fixture.schedule()
        let first = try #require(run.slot("camp/first/acct")), second = try #require(run.slot("camp/second/acct"))
        #expect(second.instant > first.instant)
    }
}
