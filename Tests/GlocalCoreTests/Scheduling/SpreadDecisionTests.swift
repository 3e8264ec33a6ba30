import Foundation
import Testing

@testable import GlocalCore

/// The pure decisions behind the spread: the sliding fleet window, the usable minutes of a window, and
/// which accounts are siblings.
@Suite struct SpreadDecisionTests {
    static func at(_ minute: Int) -> Date { Date(timeIntervalSince1970: Double(1_800_000_000 + minute * 60)) }

    // MARK: FleetWindow

    /// Five posts at minutes 0, 2, 4, 6, 8: a sixth at 9 or -1 crowds a window; at 10 or -2 (ten minutes from the
    /// farthest) it does not.
    @Test func slidingWindowCountsAnyTenMinutes() {
        let rule = FleetWindow(limit: 5, bucket: GlocalDuration(seconds: 600))
        let booked = [0, 2, 4, 6, 8].map(Self.at)
        #expect(rule.conflict(adding: Self.at(9), to: booked) == Self.at(10))
        #expect(rule.conflict(adding: Self.at(10), to: booked) == nil)
        #expect(rule.conflict(adding: Self.at(-1), to: booked) == Self.at(10))
        #expect(rule.conflict(adding: Self.at(-2), to: booked) == nil)
    }

    /// Fixed buckets would allow 6 posts in 10 sliding minutes (3 at the end of one bucket, 3 at the start of
    /// the next); the sliding rule does not.
    @Test func fixedBucketsAreNotEnough() {
        let rule = FleetWindow(limit: 5, bucket: GlocalDuration(seconds: 600))
        let booked = [7, 8, 9, 10, 11].map(Self.at)
        #expect(rule.conflict(adding: Self.at(12), to: booked) != nil)
        #expect(rule.busiestWindow(booked + [Self.at(12)]) == 6)
        #expect(rule.busiestWindow([0, 10, 20].map(Self.at)) == 1)
    }

    // MARK: UsableMinutes

    /// 05:00–08:00 with quiet hours to 07:00: only 07:01–07:59 but :30 remain.
    @Test func quietHoursCutTheWindow() throws {
        let usable = UsableMinutes(window: 300..<480, blocked: [1320..<1440, 0..<420])
        #expect(usable.runs == [420..<480])
        #expect(usable.count == 58)
        #expect(usable.position(at: 0)?.minute == 421)
        #expect(usable.position(at: 28)?.minute == 449)
        #expect(usable.position(at: 29)?.minute == 451)
        #expect(usable.position(at: 57)?.minute == 479)
        #expect(usable.position(at: 58) == nil)
        let last = try #require(usable.position(at: 57))
        #expect(usable.next(after: last)?.minute == 421)
    }

    /// A gap around another post splits the window in two runs, and the walk crosses from one to the next.
    @Test func gapsSplitTheWindow() throws {
        let usable = UsableMinutes(window: 540..<600, blocked: [550..<580, 500..<545])
        #expect(usable.runs == [545..<550, 580..<600])
        #expect(usable.count == 5 + 20)
        let end = try #require(usable.position(at: 4))
        #expect(end.minute == 549)
        #expect(usable.next(after: end)?.minute == 580)
        #expect(UsableMinutes(window: 540..<600, blocked: [500..<700]).count == 0)
    }

    // MARK: SiblingGroups

    @Test func siblingsShareANetworkAndLocaleOrATeam() {
        var fixture = ScheduleFixture()
        fixture.locale("fr-FR", zone: "Europe/Paris")
        fixture.locale("de-DE", zone: "Europe/Berlin")
        fixture.account("fr-ig-1", .instagram, locale: "fr-FR")
        fixture.account("fr-ig-2", .instagram, locale: "fr-FR")
        fixture.account("fr-x", .x, locale: "fr-FR")
        fixture.account("de-ig", .instagram, locale: "de-DE")
        fixture.account("de-x", .x, locale: "de-DE")
        fixture.team("germany", ["de-*"])
        let groups = SiblingGroups(workspace: fixture.workspace)
        #expect(groups.areSiblings("fr-ig-1", "fr-ig-2"))
        #expect(!groups.areSiblings("fr-ig-1", "fr-x"))
        #expect(!groups.areSiblings("fr-ig-1", "de-ig"))
        #expect(groups.areSiblings("de-ig", "de-x"))
        #expect(!groups.areSiblings("fr-ig-1", "fr-ig-1"))
        #expect(SiblingGroups.describe("team:germany") == "team germany")
        #expect(SiblingGroups.describe("instagram|fr-FR") == "the Instagram accounts in fr-FR")
    }
}
