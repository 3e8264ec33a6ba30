import Foundation
import Testing

@testable import GlocalCore

/// `glocal explain`'s spread line is read against the finished schedule (``SpreadStanding``): a post placed
/// while the spread held says so no more once a later placement or a person's move broke it, and a moved post
/// says who moved it when, and what it breaks.
@Suite struct SpreadStandingTests {
    typealias F = ScheduleFixture

    static func summary(_ run: ScheduleRun, _ id: String) throws -> String {
        SpreadSummary.of(try #require(run.variant(id)), in: run.scheduled, workspace: run.workspace, timing: run.timing)
    }

    /// Two sibling X accounts, one usable minute: the first is placed while every rule holds, the second gives way
    /// onto the same minute. The first one's line says the spread broke after it was placed.
    @Test func aLaterGiveWayBreaksTheSpreadOfAPostPlacedBefore() throws {
        var fixture = ScheduleFixture()
        fixture.locale("fr-FR", zone: "Europe/Paris")
        fixture.account("fr-x-1", .x, locale: "fr-FR")
        fixture.account("fr-x-2", .x, locale: "fr-FR")
        fixture.campaign("c", start: "2026-11-03", end: "2026-11-03", posts: [.init(id: "p")])
        fixture.profile(.x, preferred: ["Tue 09:01-09:02"], allowed: [])
        let run = fixture.schedule()
        #expect(run.slot("c/p/fr-x-1")?.wall == "2026-11-03 09:01" && run.slot("c/p/fr-x-2")?.wall == "2026-11-03 09:01")
        // When it was placed, nothing said otherwise: no spread line in its explanation.
        #expect(!run.rules("c/p/fr-x-1").contains("spread"))
        let first = try Self.summary(run, "c/p/fr-x-1")
        #expect(
            first
                == "broken after it was placed — it is 0 min from sibling c/p/fr-x-2 (09:01, the X accounts in fr-FR), closer "
                + "than the 5m sibling gap; it shares its minute with X post c/p/fr-x-2 (09:01) (the other post's "
                + "explanation says why)", "\(first)")
        let second = try Self.summary(run, "c/p/fr-x-2")
        #expect(second.hasPrefix("gave way — same-minute gave way: "), "\(second)")
        #expect(
            second.hasSuffix(
                "; in the finished schedule it is 0 min from sibling c/p/fr-x-1 (09:01, the X accounts in fr-FR), closer than the 5m sibling gap; it shares its minute with X post c/p/fr-x-1 (09:01)"
            ), "\(second)")
    }

    /// A post of a campaign that has left the YAML but is published keeps its slot: the scheduler places the plan
    /// around it, and the spread line reads it too, not only the plan's posts.
    @Test func aPublishedPostOfARemovedCampaignIsReadAsTheSchedulerReadIt() throws {
        var fixture = ScheduleFixture()
        fixture.locale("fr-FR", zone: "Europe/Paris")
        fixture.account("fr-x-1", .x, locale: "fr-FR")
        fixture.account("fr-x-2", .x, locale: "fr-FR")
        fixture.campaign("c", start: "2026-11-03", end: "2026-11-03", accounts: ["fr-x-1"], posts: [.init(id: "p")])
        fixture.profile(.x, preferred: ["Tue 09:01-09:02"], allowed: [])
        func stored(_ id: String, account: String, state: VariantState) -> StoredVariant {
            let parts = id.split(separator: "/").map(String.init)
            return StoredVariant(
                id: id, campaignID: parts[0], postID: parts[1], accountID: account, network: .x, locale: "fr-FR",
                kind: .informative, text: "gone", title: nil, link: nil, linkPlacement: .none, media: [], contentHash: "h",
                scheduledAt: F.utc("2026-11-03T08:01:00Z"), localTime: nil, timeZone: "Europe/Paris", live: false,
                state: state, explanation: [])
        }
        // Published, then its campaign was deleted from the YAML; a scheduled one of another removed campaign is
        // cancelled by the plan, so neither the scheduler nor the summary reads it.
        let gone = [stored("old/p/fr-x-2", account: "fr-x-2", state: .published)]
        let cancelled = [stored("older/p/fr-x-2", account: "fr-x-2", state: .scheduled)]
        let run = fixture.schedule(stored: gone + cancelled)
        let item = try #require(run.variant("c/p/fr-x-1"))
        #expect(item.slot?.wall == "2026-11-03 09:01")
        // The scheduler saw it: the post gave way onto its minute.
        #expect(item.explanation.contains { $0.rule == "spread" && $0.detail.contains("gave way") })
        #expect(SpreadStanding.postsOutside(run.scheduled, stored: gone + cancelled).map(\.id) == ["old/p/fr-x-2"])
        let summary = SpreadSummary.of(
            item, in: run.scheduled, stored: gone + cancelled, workspace: run.workspace, timing: run.timing)
        #expect(summary.hasPrefix("gave way — "), "\(summary)")
        #expect(
            summary.hasSuffix(
                "; in the finished schedule it is 0 min from sibling old/p/fr-x-2 (09:01, the X accounts in fr-FR), closer than the 5m sibling gap; it shares its minute with X post old/p/fr-x-2 (09:01)"
            ), "\(summary)")
        // Read among the plan alone, it claimed the spread held in the finished schedule.
        let planOnly = try Self.summary(run, "c/p/fr-x-1")
        #expect(planOnly.contains("in the finished schedule; when it was placed"), "\(planOnly)")
    }

    @Test func theFleetLimitAndTheNetworkSpacingAreReadToo() {
        var timing = TimingTable.standard
        timing.fleetLimit = 2
        let base = F.utc("2026-11-03T08:01:00Z")
        func post(_ id: String, _ account: String, _ network: Network, minutes: Double, key: String? = nil) -> SpreadStanding.Post
        {
            SpreadStanding.Post(
                id: id, accountID: account, network: network, instant: base.addingTimeInterval(minutes * 60), spacingKey: key,
                moved: false)
        }
        let me = post("c/p/a", "a", .x, minutes: 4, key: "c/p|fr-FR")
        let schedule = [
            me, post("c/p/b", "b", .x, minutes: 0), post("c/q/c", "c", .x, minutes: 9),
            post("c/p/fb", "fb", .facebook, minutes: 20, key: "c/p|fr-FR"),
            post("c/p/li", "li", .linkedin, minutes: 40, key: "c/p|fr-FR"),
        ]
        let standing = SpreadStanding(of: me, among: schedule, timing: timing, siblings: SiblingGroups())
        #expect(standing.breaches == [.fleetLimit(posts: 3, from: base), .networkSpacing(schedule[3])])
        #expect(
            standing.describe(zone: TimeZone(identifier: "Europe/Paris")!, timing: timing)
                == "is one of 3 X posts in the 10m from 09:01, more than the fleet limit of 2; it is within 30m of this post "
                + "on Facebook (c/p/fb, 09:21)")
        // Posts exactly a bucket apart are in different buckets.
        let apart = SpreadStanding(
            of: me, among: [me, post("c/p/b", "b", .x, minutes: -6), post("c/q/c", "c", .x, minutes: 14)], timing: timing,
            siblings: SiblingGroups())
        #expect(apart.holds)
    }

    /// A person moves the Paris post onto the Berlin post's minute: the next plan keeps both slots (the move pushes
    /// nobody), the moved post says who moved it when and what it breaks, the other one what broke its spread.
    @Test func aMovedPostPushesNobodyAndSaysWhatItBreaks() throws {
        var fixture = ScheduleFixture()
        fixture.locale("fr-FR", zone: "Europe/Paris")
        fixture.locale("de-DE", zone: "Europe/Berlin")
        fixture.account("fr-x", .x, locale: "fr-FR")
        fixture.account("de-x", .x, locale: "de-DE")
        fixture.campaign("c", start: "2026-11-03", end: "2026-11-03", posts: [.init(id: "p")])
        fixture.profile(.x, preferred: ["Tue 09:00-12:00"], allowed: [])
        let now = F.utc("2026-11-01T00:00:00Z")
        let run = fixture.schedule(notBefore: now)
        let target = try #require(run.slot("c/p/de-x"))
        let scheduler = Scheduler(workspace: fixture.workspace, timing: fixture.timing)
        var stored = run.stored
        let index = try #require(stored.firstIndex { $0.id == "c/p/fr-x" })
        let slot = try SlotMoveCheck(scheduler: scheduler).check(
            try #require(run.variants.first { $0.id == "c/p/fr-x" }), current: stored[index], to: target.date,
            at: target.time, others: stored, now: now
        ).get()
        #expect(slot.instant == target.instant)
        stored[index].explanation = SlotMoveCheck.explanation(
            after: stored[index].explanation, actor: "claire@example", at: F.utc("2026-11-02T10:45:00Z"),
            from: stored[index].localTime, to: slot, note: nil)
        stored[index].scheduledAt = slot.instant
        stored[index].localTime = slot.wall

        let again = fixture.schedule(notBefore: now, stored: stored)
        #expect(again.slot("c/p/de-x")?.instant == target.instant, "the move pushed the Berlin post")
        #expect(again.slot("c/p/fr-x")?.instant == target.instant)
        let kept = try #require(again.variant("c/p/de-x")?.explanation.last)
        #expect(kept.rule == "kept" && kept.detail.contains("a move never pushes another post"), "\(kept)")
        let plan = Planner(workspace: fixture.workspace).plan(desired: again.scheduled, stored: stored)
        #expect(plan.changes.allSatisfy { $0.action == .keep }, "\(plan.changes.map { "\($0.id) \($0.action)" })")

        let time = target.time
        #expect(
            try Self.summary(again, "c/p/fr-x")
                == "not applied: moved by claire@example on 2026-11-02 10:45 UTC; it shares its minute with X post c/p/de-x (\(time))"
        )
        let other = try Self.summary(again, "c/p/de-x")
        let frTime = LocalInstant(instant: target.instant, zone: TimeZone(identifier: "Europe/Berlin")!).time
        #expect(
            other
                == "broken after it was placed — it shares its minute with X post c/p/fr-x (\(frTime), moved there by a person) "
                + "(the other post's explanation says why)", "\(other)")
    }
}
