import Foundation
import Testing

@testable import GlocalCore

/// What an explanation says is what happened: each window line once, a stagger that wrapped around the window
/// says so, and a daylight-saving line only for the night of the slot taken.
@Suite struct ExplanationWordingTests {
    typealias F = ScheduleFixture

    /// Three sibling X accounts, one usable minute a day: the spread gives way, and the passes that tried it
    /// before do not repeat their window lines.
    @Test func noLineIsSaidTwice() throws {
        var fixture = ScheduleFixture()
        fixture.locale("fr-FR", zone: "Europe/Paris")
        for index in 1...3 { fixture.account("fr-x-\(index)", .x, locale: "fr-FR") }
        fixture.campaign("c", start: "2026-11-03", end: "2026-11-04", posts: [.init(id: "p")])
        fixture.profile(.x, preferred: ["Tue-Wed 09:01-09:02"], allowed: ["Tue-Wed 10:01-10:02"])
        let run = fixture.schedule()
        #expect(run.unplaceable.isEmpty)
        #expect(run.scheduled.contains { $0.explanation.contains { $0.rule == "spread" } })
        for item in run.scheduled {
            let lines = item.explanation.map { "\($0.rule): \($0.detail)" }
            #expect(Set(lines).count == lines.count, "\(item.variant.id):\n\(lines.joined(separator: "\n"))")
        }
    }

    /// One post on X and Facebook in one locale, one day, nine minutes of windows: no day keeps the 30-minute spacing, so the
    /// search runs again without it, and says each day once.
    @Test func theSearchWithoutTheSpacingDoesNotRepeatTheFirstOne() throws {
        var fixture = ScheduleFixture()
        fixture.locale("fr-FR", zone: "Europe/Paris")
        fixture.account("fr-x", .x, locale: "fr-FR")
        fixture.account("fr-fb", .facebook, locale: "fr-FR")
        fixture.campaign("c", start: "2026-11-03", end: "2026-11-03", posts: [.init(id: "p")])
        fixture.profile(.x, preferred: ["Tue-Wed 09:01-09:10"], allowed: [])
        fixture.profile(.facebook, preferred: ["Tue-Wed 09:01-09:10"], allowed: [])
        let run = fixture.schedule()
        let relaxed = try #require(run.scheduled.first { $0.explanation.contains { $0.rule == "network-spacing" } })
        let lines = relaxed.explanation.map { "\($0.rule): \($0.detail)" }
        #expect(Set(lines).count == lines.count, "\(lines.joined(separator: "\n"))")
        #expect(relaxed.explanation.filter { $0.rule == "day" }.count == 1, "\(lines.joined(separator: "\n"))")
        #expect(relaxed.explanation.first?.rule == "network-spacing", "\(lines.joined(separator: "\n"))")
    }

    /// A sibling's explicit post at 09:52 keeps 09:38–10:06 from its siblings; an account whose staggered minute
    /// falls in there walks to the window's end, wraps around to its start and takes an earlier minute. Its
    /// explanation says that, not "first free minute after it".
    @Test func aStaggerThatWrappedAroundSaysSo() throws {
        var wrapped = 0
        for index in 0..<40 {
            var fixture = ScheduleFixture()
            fixture.locale("fr-FR", zone: "Europe/Paris")
            fixture.account("anchor", .x, locale: "fr-FR")
            fixture.account("a\(index)", .x, locale: "fr-FR")
            fixture.timing.siblingGap = GlocalDuration(seconds: 15 * 60)
            fixture.campaign(
                "c", start: "2026-11-02", end: "2026-11-02",
                posts: [.init(id: "fixed", at: "09:52", accounts: ["anchor"]), .init(id: "p", accounts: ["a\(index)"])])
            fixture.profile(.x, preferred: ["Mon 09:00-10:00"], allowed: [])
            let run = fixture.schedule()
            let slot = try #require(run.slot("c/p/a\(index)"))
            let stagger = try #require(run.variant("c/p/a\(index)")?.explanation.first { $0.rule == "stagger" }?.detail)
            // Taken before the blocked minutes after a conflict: the walk met 09:38 or later first, so it wrapped.
            guard stagger.hasPrefix("the staggered minute was taken"), slot.time.minutes < 9 * 60 + 38 else { continue }
            wrapped += 1
            #expect(!stagger.contains("first free minute after it"), "\(stagger)")
            #expect(stagger.contains("went back to the window's first usable minute and found \(slot.time)"), "\(stagger)")
        }
        #expect(wrapped > 0, "no account's staggered minute fell in 09:38-09:59")
    }

    /// An explicit 02:30 on the night New York's clocks go forward breaks the account's gap that day and goes to
    /// the next day, at a real 02:30: no daylight-saving line is left from the refused night.
    @Test func aRefusedNightLeavesNoDaylightSavingLine() throws {
        var fixture = ScheduleFixture()
        fixture.quietHours = nil
        fixture.locale("en-US", zone: "America/New_York")
        fixture.account("us-x", .x, locale: "en-US")
        fixture.campaign(
            "c", start: "2027-03-14", end: "2027-03-16",
            posts: [.init(id: "early", at: "03:40"), .init(id: "night", at: "02:30")])
        let run = fixture.schedule(notBefore: F.utc("2027-03-01T00:00:00Z"))
        #expect(run.slot("c/early/us-x")?.wall == "2027-03-14 03:40")
        #expect(run.slot("c/night/us-x")?.wall == "2027-03-15 02:30")
        let rules = run.rules("c/night/us-x")
        #expect(!rules.contains("dst"), "\(run.variant("c/night/us-x")?.explanation ?? [])")
        // On the night itself the line is there: a 02:30 that does not exist, moved to 03:30.
        var alone = fixture
        alone.campaigns = []
        alone.campaign("c", start: "2027-03-14", end: "2027-03-16", posts: [.init(id: "night", at: "02:30")])
        let night = alone.schedule(notBefore: F.utc("2027-03-01T00:00:00Z"))
        #expect(night.slot("c/night/us-x")?.wall == "2027-03-14 03:30")
        #expect(night.rules("c/night/us-x").contains("dst"))
    }

    /// A kept slot's daylight-saving line is said again for today's zone of the account: an account that moved to
    /// a zone without the change carries no line about a night it does not have.
    @Test func aKeptSlotDoesNotCarryAnotherZonesChange() throws {
        var fixture = ScheduleFixture()
        fixture.quietHours = nil
        fixture.locale("en-US", zone: "America/New_York")
        fixture.account("us-x", .x, locale: "en-US")
        fixture.campaign("c", start: "2027-03-14", end: "2027-03-16", posts: [.init(id: "night", at: "02:30")])
        let now = F.utc("2027-03-01T00:00:00Z")
        let first = fixture.schedule(notBefore: now)
        #expect(first.rules("c/night/us-x").contains("dst"))
        // The account now lives in Bogotá (UTC−5, no daylight saving), where 02:30 on the 14th is 07:30 UTC.
        var moved = fixture
        moved.accounts = []
        moved.account("us-x", .x, locale: "en-US", zone: "America/Bogota")
        var stored = first.stored
        stored[0].scheduledAt = F.utc("2027-03-14T07:30:00Z")
        let again = moved.schedule(notBefore: now, stored: stored)
        #expect(again.rules("c/night/us-x").contains("kept"))
        #expect(!again.rules("c/night/us-x").contains("dst"), "\(again.variant("c/night/us-x")?.explanation ?? [])")
    }
}
