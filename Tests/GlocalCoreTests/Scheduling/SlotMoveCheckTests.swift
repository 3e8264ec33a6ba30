import Foundation
import Testing

@testable import GlocalCore

/// A person's move of one post is checked by the scheduler's own rules, and refused with the rule and
/// the post it collides with; a moved slot is pinned: the next plan keeps it.
@Suite struct SlotMoveCheckTests {
    typealias F = ScheduleFixture

    /// Paris accounts on X and Facebook, five other X accounts for the fleet limit; campaign `c`
    /// (Mon 9 to Fri 20 November 2026, 11 November a holiday) with `a` and `b` 36 h after it.
    static var fixture: ScheduleFixture {
        var fixture = ScheduleFixture()
        fixture.locale("fr-FR", zone: "Europe/Paris", holidays: ["2026-11-11"])
        fixture.account("fr-x", .x, locale: "fr-FR")
        fixture.account("fr-fb", .facebook, locale: "fr-FR")
        for index in 1...5 { fixture.account("fleet-\(index)", .x, locale: "fr-FR") }
        fixture.campaign(
            "c", start: "2026-11-09", end: "2026-11-20",
            posts: [.init(id: "a"), .init(id: "b", day: 4, after: "a", minGap: F.hours(36))])
        return fixture
    }

    static let notBefore = F.utc("2026-11-01T00:00:00Z")

    struct Setup {
        let check: SlotMoveCheck
        let run: ScheduleRun
        func planned(_ id: String) -> PostVariant { run.variants.first { $0.id == id }! }
        func stored(_ id: String) -> StoredVariant { run.stored.first { $0.id == id }! }
        /// A copy of `id`'s stored variant as another post `post` of `account`, at `utc`.
        func other(_ id: String, post: String, account: String? = nil, at utc: String) -> StoredVariant {
            var copy = stored(id)
            copy.postID = post
            if let account { copy.accountID = account }
            copy.id = "c/\(post)/\(copy.accountID)"
            copy.scheduledAt = F.utc(utc)
            return copy
        }
        func move(
            _ id: String, to date: String, at time: String, others: [StoredVariant] = [],
            now: Date = SlotMoveCheckTests.notBefore, state: VariantState = .pendingApproval
        ) -> Result<LocalInstant, SlotMoveRefusal> {
            var current = stored(id)
            current.state = state
            return check.check(planned(id), current: current, to: F.date(date), at: F.time(time), others: others, now: now)
        }
    }

    static func setup(_ fixture: ScheduleFixture = SlotMoveCheckTests.fixture) -> Setup {
        let run = fixture.schedule(notBefore: notBefore)
        return Setup(check: SlotMoveCheck(scheduler: Scheduler(workspace: fixture.workspace, timing: fixture.timing)), run: run)
    }

    static func refusal(_ result: Result<LocalInstant, SlotMoveRefusal>) -> SlotMoveRefusal? {
        if case .failure(let refusal) = result { return refusal }
        return nil
    }

    @Test func aFreeMinuteInsideAWindowIsAccepted() throws {
        let setup = Self.setup()
        #expect(setup.run.unplaceable.isEmpty)
        let result = setup.move("c/a/fr-x", to: "2026-11-10", at: "10:17")
        let slot = try result.get()
        #expect(slot.instant == F.utc("2026-11-10T09:17:00Z"))
        #expect(slot.wall == "2026-11-10 10:17")
    }

    @Test func quietHoursAndTimesOutsideTheNetworksWindowsAreRefused() throws {
        let setup = Self.setup()
        let quiet = try #require(Self.refusal(setup.move("c/a/fr-x", to: "2026-11-10", at: "23:10")))
        #expect(quiet.rule == "quiet-hours")
        #expect(quiet.message.contains("quiet hours (22:00-07:00)") && quiet.message.contains("2026-11-10 23:10"))
        let outside = try #require(Self.refusal(setup.move("c/a/fr-x", to: "2026-11-10", at: "20:10")))
        #expect(outside.rule == "window" && outside.message.contains("outside the X windows"))
        #expect(outside.collidesWith == nil)
    }

    @Test func aSlotTooCloseToAnotherPostOfTheAccountNamesThatPost() throws {
        let setup = Self.setup()
        let other = setup.other("c/a/fr-x", post: "news", at: "2026-11-10T09:47:00Z")
        let refused = try #require(Self.refusal(setup.move("c/a/fr-x", to: "2026-11-10", at: "10:17", others: [other])))
        #expect(refused.rule == "min-gap")
        #expect(refused.collidesWith == "c/news/fr-x")
        #expect(refused.message.contains("within 2h of another post of the account (10:47)"))
        // Cancelled and rejected posts do not occupy their slot.
        var cancelled = other
        cancelled.state = .cancelled
        #expect(throws: Never.self) { try setup.move("c/a/fr-x", to: "2026-11-10", at: "10:17", others: [cancelled]).get() }
    }

    @Test func theDailyCapCountsTheOtherPostsOfThatDay() throws {
        let setup = Self.setup()
        let other = setup.other("c/a/fr-fb", post: "news", at: "2026-11-10T07:15:00Z")
        let refused = try #require(Self.refusal(setup.move("c/a/fr-fb", to: "2026-11-10", at: "11:17", others: [other])))
        #expect(refused.rule == "daily-cap")
        #expect(refused.message.contains("already has 1 post(s) on 2026-11-10"))
        #expect(refused.collidesWith == "c/news/fr-fb")
    }

    @Test func aFullFleetBucketIsRefusedWithOneOfItsPosts() throws {
        let setup = Self.setup()
        let fleet = (1...5).map { setup.other("c/a/fleet-\($0)", post: "news", at: "2026-11-10T09:12:00Z") }
        let refused = try #require(Self.refusal(setup.move("c/a/fr-x", to: "2026-11-10", at: "10:17", others: fleet)))
        #expect(refused.rule == "fleet-limit")
        #expect(refused.message.contains("already has 5 X posts"))
        #expect(refused.collidesWith.map { $0.hasPrefix("c/news/fleet-") } == true)
        // Four are not a full bucket.
        #expect(throws: Never.self) {
            try setup.move("c/a/fr-x", to: "2026-11-10", at: "10:17", others: Array(fleet.prefix(4))).get()
        }
    }

    @Test func holidaysThePastTheCampaignsEndAndDaylightSavingGapsAreRefused() throws {
        let setup = Self.setup()
        #expect(Self.refusal(setup.move("c/a/fr-x", to: "2026-11-11", at: "10:17"))?.rule == "holiday")
        let past = Self.refusal(setup.move("c/a/fr-x", to: "2026-11-10", at: "10:17", now: F.utc("2026-11-10T12:00:00Z")))
        #expect(past?.rule == "past")
        let late = Self.refusal(setup.move("c/a/fr-x", to: "2026-11-23", at: "10:17"))
        #expect(late?.rule == "campaign-window" && late?.message.contains("runs from 2026-11-09 to 2026-11-20") == true)
    }

    @Test func onlyPostsNotYetHandedToTheNetworkMove() throws {
        let setup = Self.setup()
        for state in [VariantState.published, .publishing, .unknown, .cancelled, .rejected] {
            #expect(Self.refusal(setup.move("c/a/fr-x", to: "2026-11-10", at: "10:17", state: state))?.rule == "state")
        }
        for state in [VariantState.pendingApproval, .approved, .scheduled] {
            #expect(throws: Never.self) { try setup.move("c/a/fr-x", to: "2026-11-10", at: "10:17", state: state).get() }
        }
    }

    @Test func aPostThatAnotherFollowsCannotMoveTooCloseToIt() throws {
        let setup = Self.setup()
        let successor = setup.other("c/b/fr-x", post: "b", at: "2026-11-13T12:47:00Z")
        let refused = try #require(
            Self.refusal(setup.move("c/a/fr-x", to: "2026-11-12", at: "10:17", others: [successor])))
        #expect(refused.rule == "sequence" && refused.collidesWith == "c/b/fr-x")
        #expect(refused.message.contains("must come at least 1d12h after this post"))
        // And a follower cannot move before its predecessor plus the gap.
        let predecessor = setup.other("c/a/fr-x", post: "a", at: "2026-11-12T09:17:00Z")
        let early = try #require(Self.refusal(setup.move("c/b/fr-x", to: "2026-11-13", at: "13:47", others: [predecessor])))
        #expect(early.rule == "sequence" && early.collidesWith == "c/a/fr-x")
    }

    @Test func aMovedSlotIsPinnedAndTheNextPlanKeepsIt() throws {
        let setup = Self.setup()
        let slot = try setup.move("c/a/fr-x", to: "2026-11-10", at: "10:17").get()
        var stored = setup.run.stored
        let index = try #require(stored.firstIndex { $0.id == "c/a/fr-x" })
        stored[index].scheduledAt = slot.instant
        stored[index].localTime = slot.wall
        stored[index].explanation = SlotMoveCheck.explanation(
            after: stored[index].explanation, actor: "claire@example", at: F.utc("2026-11-02T08:30:00Z"),
            from: setup.stored("c/a/fr-x").localTime, to: slot, note: "shop event")
        #expect(SlotMoveCheck.isPinned(stored[index].explanation))
        #expect(stored[index].explanation.last?.detail.contains("moved by claire@example on 2026-11-02 08:30 UTC") == true)
        #expect(
            SlotMoveStamp(explanation: stored[index].explanation)
                == SlotMoveStamp(actor: "claire@example", at: F.utc("2026-11-02T08:30:00Z")))
        // The timing table changes so that the slot is no longer in any X window: it stays all the same.
        var changed = Self.fixture
        changed.profile(.x, preferred: ["Mon-Fri 16:00-17:00"], allowed: [])
        let again = changed.schedule(notBefore: Self.notBefore, stored: stored)
        #expect(again.slot("c/a/fr-x")?.instant == slot.instant)
        #expect(again.rules("c/a/fr-x").contains(SlotMoveCheck.pinRule))
        // So the plan says nothing changes for it: apply will not move it back.
        let plan = Planner(workspace: changed.workspace).plan(desired: again.scheduled, stored: stored)
        #expect(plan.changes.first { $0.id == "c/a/fr-x" }?.action == .keep)
        // Once the pinned slot has passed unpublished, the next plan places the post again, from now on.
        let later = F.utc("2026-11-10T12:00:00Z")
        let replanned = changed.schedule(notBefore: later, stored: stored)
        #expect(try #require(replanned.slot("c/a/fr-x")).instant >= later)
        #expect(!replanned.rules("c/a/fr-x").contains(SlotMoveCheck.pinRule))
        // A variant nobody moved follows the new table.
        let unmoved = try #require(again.slot("c/a/fleet-1"))
        #expect(unmoved.time.minutes >= 16 * 60 && unmoved.time.minutes < 17 * 60)
    }

    @Test func calendarPeriodsAreWholeWeeksMondayFirst() {
        let month = CalendarPeriod(kind: .month, anchor: F.date("2026-12-17"))
        #expect(month.days.first == F.date("2026-11-30") && month.days.last == F.date("2027-01-03"))
        #expect(month.days.count == 35 && month.title == "December 2026")
        #expect(month.contains(F.date("2026-12-31")) && !month.contains(F.date("2026-11-30")))
        #expect(month.previous.start == F.date("2026-11-01") && month.next.start == F.date("2027-01-01"))
        #expect(CalendarPeriod(kind: .month, anchor: F.date("2027-01-31")).next.start == F.date("2027-02-01"))
        let week = CalendarPeriod(kind: .week, anchor: F.date("2026-12-03"))
        #expect(week.days.map(\.description) == (0..<7).map { F.date("2026-11-30").adding(days: $0).description })
        #expect(week.previous.start == F.date("2026-11-23") && week.next.start == F.date("2026-12-07"))
        #expect(week.title == "Week of Mon 2026-11-30" && week.contains(F.date("2026-12-06")))
    }
}
