import Foundation
import Testing

@testable import GlocalCore

/// Determinism and stability: the same inputs give the same schedule, and a stored slot that still
/// obeys every rule is kept, so an edit moves as few posts as possible.
@Suite struct SchedulingStabilityTests {
    typealias F = ScheduleFixture

    // MARK: Determinism and stability

    static var busy: ScheduleFixture {
        var fixture = ScheduleFixture()
        fixture.locale("fr-FR", zone: "Europe/Paris", holidays: ["2026-11-11"])
        fixture.locale("en-US", zone: "America/New_York")
        fixture.locale("ja-JP", zone: "Asia/Tokyo")
        let networks: [Network] = [.x, .linkedin, .facebook, .instagram, .bluesky, .tiktok]
        for (index, network) in networks.enumerated() {
            for locale in ["fr-FR", "en-US", "ja-JP"] {
                fixture.account("\(locale)-\(network.rawValue)-\(index)", network, locale: locale)
            }
        }
        fixture.campaign(
            "launch", start: "2026-11-09", end: "2026-11-20",
            posts: [
                .init(id: "teaser"), .init(id: "launch", day: 2, after: "teaser", minGap: F.hours(36)),
                .init(id: "recap", day: 4, at: "11:45"), .init(id: "live", live: true),
            ])
        fixture.campaign("news", start: "2026-11-10", end: "2026-11-20", posts: [.init(id: "a"), .init(id: "b", day: 1)])
        return fixture
    }

    @Test func sameInputsGiveTheSameSchedule() throws {
        let fixture = Self.busy
        let first = fixture.schedule(), second = fixture.schedule()
        #expect(first.instants == second.instants)
        #expect(first.scheduled.map(\.variant.id) == second.scheduled.map(\.variant.id))
        #expect(first.scheduled.map(\.explanation) == second.scheduled.map(\.explanation))
        // The order the variants arrive in does not matter either.
        let workspace = fixture.workspace
        let reversed = Scheduler(workspace: workspace, timing: fixture.timing).schedule(fixture.variants().reversed())
        #expect(Dictionary(uniqueKeysWithValues: reversed.scheduled.map { ($0.variant.id, $0.slot?.instant) }) == first.instants)
    }

    @Test func aValidStoredSlotIsKept() throws {
        let fixture = Self.busy
        let notBefore = F.utc("2026-11-01T00:00:00Z")
        let first = fixture.schedule(notBefore: notBefore)
        #expect(first.unplaceable.isEmpty)
        let second = fixture.schedule(notBefore: notBefore, stored: first.stored)
        #expect(second.instants == first.instants)
        for scheduled in second.scheduled where scheduled.slot != nil {
            let rules = scheduled.explanation.map(\.rule)
            #expect(rules.contains("kept"), "\(scheduled.variant.id): \(rules)")
            #expect(rules.filter { $0 == "kept" }.count == 1)
        }
        // Kept again: still one "kept" line, same instants.
        let third = fixture.schedule(notBefore: notBefore, stored: second.stored)
        #expect(third.instants == first.instants)
        #expect(third.scheduled.allSatisfy { $0.slot == nil || $0.explanation.filter { $0.rule == "kept" }.count == 1 })
    }

    /// A new post appended to a campaign does not move any existing slot.
    @Test func addingAPostMovesNoExistingSlot() throws {
        var fixture = Self.busy
        let first = fixture.schedule()
        fixture.campaigns[1].posts.append(F.post(.init(id: "extra", day: 1)))
        let second = fixture.schedule(stored: first.stored)
        for (id, instant) in first.instants {
            #expect(second.instants[id] == instant, "\(id) moved")
        }
        #expect(second.scheduled.contains { $0.variant.postID == "extra" && $0.slot != nil })
    }

    /// A new campaign whose id sorts first, on a day an existing LinkedIn post already uses (one post a day):
    /// the existing slot still obeys every rule, so it should stay and the new post should find another day.
    @Test func aNewCampaignDoesNotDisplaceAKeptSlot() throws {
        var fixture = ScheduleFixture()
        fixture.locale("fr-FR", zone: "Europe/Paris")
        fixture.account("li", .linkedin, locale: "fr-FR")
        fixture.campaign("news", start: "2026-11-03", end: "2026-11-06", posts: [.init(id: "p")])
        let first = fixture.schedule()
        let existing = try #require(first.slot("news/p/li"))
        #expect(existing.date == F.date("2026-11-03"))
        fixture.campaign("alpha", start: "2026-11-03", end: "2026-11-06", posts: [.init(id: "p")])
        let second = fixture.schedule(stored: first.stored)
        #expect(
            second.slot("news/p/li")?.instant == existing.instant,
            "the existing post moved to \(second.slot("news/p/li")?.wall ?? "nowhere")")
        #expect(second.rules("news/p/li").contains("kept"))
        #expect(second.slot("alpha/p/li") != nil)
    }

    /// A stored explicit-time slot is only kept while it still obeys the day rules: a holiday declared
    /// since the last plan moves it.
    @Test func aKeptExplicitSlotRespectsANewHoliday() throws {
        var fixture = SchedulingRuleTests.single(
            .x, zone: "Europe/Paris", start: "2026-11-03", end: "2026-11-06", posts: [.init(id: "p", at: "10:15")])
        let first = fixture.schedule()
        #expect(try #require(first.slot("camp/p/acct")).date == F.date("2026-11-03"))
        fixture.locale("xx-XX", zone: "Europe/Paris", holidays: ["2026-11-03"])
        let second = fixture.schedule(stored: first.stored)
        let slot = try #require(second.slot("camp/p/acct"))
        #expect(slot.date == F.date("2026-11-04"), "kept on the holiday: \(second.rules("camp/p/acct"))")
        #expect(slot.time == F.time("10:15"))
    }

    /// A stored explicit-time slot is only kept while it obeys the daily cap: here another campaign's
    /// post (already in the store) took the day, so the explicit post must go to the next day.
    @Test func aKeptExplicitSlotRespectsTheDailyCap() throws {
        var base = ScheduleFixture()
        base.locale("fr-FR", zone: "Europe/Paris")
        base.account("fb", .facebook, locale: "fr-FR")
        // One post a day, and a gap short enough that only the cap is at stake.
        base.profile(.facebook, minGap: F.hours(1), maxPerDay: 1)
        var zeta = base, alpha = base
        zeta.campaign("zeta", start: "2026-11-03", end: "2026-11-06", posts: [.init(id: "p", at: "10:15")])
        alpha.campaign("alpha", start: "2026-11-03", end: "2026-11-03", posts: [.init(id: "p", at: "16:45")])
        let first = zeta.schedule()
        #expect(try #require(first.slot("zeta/p/fb")).date == F.date("2026-11-03"))
        let other = alpha.schedule().stored.map { variant -> StoredVariant in
            var copy = variant
            copy.state = .published
            return copy
        }
        #expect(other.first?.scheduledAt == F.utc("2026-11-03T15:45:00Z"))
        // Without a stored slot, the cap sends the explicit post to Wednesday …
        #expect(zeta.schedule(stored: other).slot("zeta/p/fb")?.date == F.date("2026-11-04"))
        // … and a stored Tuesday slot that now breaks the cap must not be kept.
        let second = zeta.schedule(stored: first.stored + other)
        let slot = try #require(second.slot("zeta/p/fb"))
        #expect(
            slot.date == F.date("2026-11-04"), "kept on \(slot.wall) next to another post that day: \(second.rules("zeta/p/fb"))")
    }

    /// Renaming a post (the old one leaves the YAML, a new one arrives): the plan cancels the old variant,
    /// so its slot must not block the new one. LinkedIn allows one post a day, so a phantom pushes it a day.
    @Test func aRemovedPostNoLongerOccupiesItsSlot() throws {
        var fixture = ScheduleFixture()
        fixture.locale("fr-FR", zone: "Europe/Paris")
        fixture.account("li", .linkedin, locale: "fr-FR")
        fixture.campaign("camp", start: "2026-11-03", end: "2026-11-06", posts: [.init(id: "old")])
        let first = fixture.schedule()
        #expect(try #require(first.slot("camp/old/li")).date == F.date("2026-11-03"))
        fixture.campaigns[0].posts = [F.post(.init(id: "new"))]
        let second = fixture.schedule(stored: first.stored)
        let plan = Planner(workspace: second.workspace).plan(desired: second.scheduled, stored: first.stored)
        #expect(plan.changes.first { $0.id == "camp/old/li" }?.action == .cancel)
        let slot = try #require(second.slot("camp/new/li"))
        #expect(slot.date == F.date("2026-11-03"), "pushed to \(slot.wall) by the cancelled post: \(second.rules("camp/new/li"))")
    }

    /// A published variant's slot is history: re-planning after it went out must not give it a new slot,
    /// and its successor's gap counts from when it really went out.
    @Test func aPublishedSlotIsNotMoved() throws {
        let fixture = SchedulingRuleTests.single(
            .x, zone: "Europe/Paris", start: "2026-11-03", end: "2026-11-10",
            posts: [.init(id: "teaser"), .init(id: "launch", day: 2, after: "teaser", minGap: F.hours(36))])
        let first = fixture.schedule()
        let teaser = try #require(first.slot("camp/teaser/acct"))
        let stored = first.stored.map { variant -> StoredVariant in
            var copy = variant
            if variant.postID == "teaser" { copy.state = .published }
            return copy
        }
        let now = teaser.instant.addingTimeInterval(3600)
        let second = fixture.schedule(notBefore: now, stored: stored)
        #expect(
            second.slot("camp/teaser/acct")?.instant == teaser.instant,
            "published teaser rescheduled to \(second.slot("camp/teaser/acct")?.wall ?? "nowhere")")
        #expect(second.slot("camp/launch/acct")?.instant == first.slot("camp/launch/acct")?.instant)
    }

    /// An explicit time that falls in a spring-forward gap is stored as the adjusted wall time; re-planning
    /// should recognise it as the same slot and keep it.
    @Test func aKeptExplicitSlotInADSTGap() throws {
        var fixture = SchedulingRuleTests.single(
            .x, zone: "Europe/Paris", start: "2027-03-28", end: "2027-03-28", posts: [.init(id: "p", at: "02:30")])
        fixture.quietHours = nil
        let first = fixture.schedule()
        let slot = try #require(first.slot("camp/p/acct"))
        let second = fixture.schedule(stored: first.stored)
        #expect(second.slot("camp/p/acct")?.instant == slot.instant)
        #expect(second.rules("camp/p/acct").contains("kept"), "\(second.rules("camp/p/acct"))")
    }
}
