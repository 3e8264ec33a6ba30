import Foundation
import Testing

@testable import GlocalCore

/// The spread (docs/scheduling.md, "Spread"): siblings at least `sibling_gap` apart, one post per network
/// and minute, the fleet limit in any sliding bucket, and what the scheduler says when a rule gives way.
@Suite struct SchedulingSiblingTests {
    typealias F = ScheduleFixture

    static func minutesApart(_ a: LocalInstant, _ b: LocalInstant) -> Double { abs(a.instant.timeIntervalSince(b.instant)) / 60 }

    /// Five French Instagram accounts on a Saturday (only the 05:00–08:00 window, cut by quiet hours to
    /// 07:00): they spread over 07:01–07:59 instead of collapsing onto 07:01.
    @Test func quietHoursDoNotCollapseTheStagger() throws {
        var fixture = ScheduleFixture()
        fixture.locale("fr-FR", zone: "Europe/Paris")
        let ids = (1...5).map { "fr-ig-\($0)" }
        for id in ids { fixture.account(id, .instagram, locale: "fr-FR") }
        fixture.campaign("camp", start: "2027-03-06", end: "2027-03-06", posts: [.init(id: "p")])
        let run = fixture.schedule()
        let slots = try ids.map { try #require(run.slot("camp/p/\($0)")) }
        for (index, slot) in slots.enumerated() {
            #expect(slot.date == F.date("2027-03-06"))
            #expect(slot.time >= F.time("07:01") && slot.time < F.time("08:00"))
            for other in slots[(index + 1)...] { #expect(Self.minutesApart(slot, other) >= 5) }
            #expect(!run.rules("camp/p/\(ids[index])").contains("spread"))
        }
    }

    /// Three X accounts of one locale and a three-minute window: the sibling gap cannot hold, so it gives
    /// way (and says so), but they still never share a minute.
    @Test func siblingGapGivesWayAndSaysWhy() throws {
        var fixture = ScheduleFixture()
        fixture.locale("fr-FR", zone: "Europe/Paris")
        let ids = ["fr-x-1", "fr-x-2", "fr-x-3"]
        for id in ids { fixture.account(id, .x, locale: "fr-FR") }
        fixture.profile(.x, preferred: ["Tue 09:01-09:04"], allowed: [])
        fixture.campaign("camp", start: "2026-11-03", end: "2026-11-03", posts: [.init(id: "p")])
        let run = fixture.schedule()
        let slots = try ids.map { try #require(run.slot("camp/p/\($0)")) }
        #expect(Set(slots.map(\.time)).count == 3)
        let gaveWay = ids.compactMap { id in run.variant("camp/p/\(id)")?.explanation.first { $0.rule == "spread" } }
        #expect(gaveWay.count == 2)
        for reason in gaveWay {
            #expect(reason.detail.hasPrefix("sibling-gap gave way"))
            #expect(reason.detail.contains("the X accounts in fr-FR"))
        }
    }

    /// Five X accounts of five locales and a two-minute window: posts must share minutes, and say so.
    @Test func sameMinuteGivesWayLast() throws {
        var fixture = ScheduleFixture()
        for index in 0..<5 {
            fixture.locale("l\(index)", zone: "Europe/Paris")
            fixture.account("x\(index)", .x, locale: "l\(index)")
        }
        fixture.profile(.x, preferred: ["Tue 09:01-09:03"], allowed: [])
        fixture.campaign("camp", start: "2026-11-03", end: "2026-11-03", posts: [.init(id: "p")])
        let run = fixture.schedule()
        #expect(run.scheduled.count == 5)
        let reasons = run.scheduled.flatMap { $0.explanation.filter { $0.rule == "spread" } }
        #expect(reasons.count == 3)
        #expect(reasons.allSatisfy { $0.detail.hasPrefix("same-minute gave way") })
    }

    /// Accounts of one team are siblings across networks.
    @Test func teamMembersKeepTheSiblingGap() throws {
        var fixture = ScheduleFixture()
        fixture.locale("de-DE", zone: "Europe/Berlin")
        let networks: [Network] = [.x, .bluesky, .mastodon, .threads]
        for network in networks { fixture.account("de-\(network.rawValue)", network, locale: "de-DE") }
        fixture.team("germany", ["de-*"])
        fixture.timing.networkSpacing = GlocalDuration(seconds: 0)
        for network in networks { fixture.profile(network, preferred: ["Tue 09:01-09:29"], allowed: []) }
        fixture.campaign("camp", start: "2026-11-03", end: "2026-11-03", posts: [.init(id: "p")])
        let run = fixture.schedule()
        let slots = try networks.map { try #require(run.slot("camp/p/de-\($0.rawValue)")) }
        for (index, slot) in slots.enumerated() {
            for other in slots[(index + 1)...] { #expect(Self.minutesApart(slot, other) >= 5) }
        }
    }

    /// Twelve X accounts of twelve locales in one hour: at most five in any sliding ten minutes.
    @Test func fleetLimitHoldsInAnySlidingBucket() throws {
        var fixture = ScheduleFixture()
        for index in 0..<12 {
            fixture.locale("l\(index)", zone: "Europe/Paris")
            fixture.account("x\(index)", .x, locale: "l\(index)")
        }
        fixture.profile(.x, preferred: ["Tue 09:01-09:25"], allowed: [])
        fixture.campaign("camp", start: "2026-11-03", end: "2026-11-04", posts: [.init(id: "p")])
        let run = fixture.schedule()
        let instants = run.scheduled.compactMap(\.slot?.instant)
        #expect(instants.count == 12)
        #expect(FleetWindow(limit: 5, bucket: run.timing.fleetBucket).busiestWindow(instants) <= 5)
    }

    /// `sibling_gap: 0m` turns the gap off: the same three accounts need no give-way.
    @Test func siblingGapZeroIsOff() throws {
        var fixture = ScheduleFixture()
        fixture.locale("fr-FR", zone: "Europe/Paris")
        for id in ["a", "b", "c"] { fixture.account(id, .x, locale: "fr-FR") }
        fixture.profile(.x, preferred: ["Tue 09:01-09:04"], allowed: [])
        fixture.timing.siblingGap = GlocalDuration(seconds: 0)
        fixture.campaign("camp", start: "2026-11-03", end: "2026-11-03", posts: [.init(id: "p")])
        let run = fixture.schedule()
        #expect(run.scheduled.count == 3)
        #expect(!run.scheduled.contains { $0.explanation.contains { $0.rule == "spread" } })
    }
}
