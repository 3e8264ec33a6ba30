import Foundation
import Testing

@testable import GlocalCore

/// One test (or table) per rule of docs/scheduling.md's "How a slot is chosen".
/// Dates: the week of Mon 2026-11-02 … Sun 2026-11-08 (after every DST change of the autumn,
/// so Paris is UTC+1, New York UTC−5, Tokyo UTC+9, Sydney UTC+11 all week).
@Suite struct SchedulingRuleTests {
    typealias F = ScheduleFixture

    /// Whether `slot` lies in one of `windows` on its local weekday.
    static func inside(_ slot: LocalInstant, _ windows: [TimeWindow]) -> Bool {
        windows.contains { $0.contains(weekday: slot.date.isoWeekday, time: slot.time) }
    }

    /// UTC midnight of `day` plus `minutes` minus `offsetHours`: a wall time turned into UTC by hand.
    static func utc(_ day: String, minutes: Int, offsetHours: Int) -> Date {
        F.utc(day + "T00:00:00Z").addingTimeInterval(Double(minutes * 60 - offsetHours * 3600))
    }

    static func single(_ network: Network, zone: String, start: String, end: String? = nil, posts: [F.PostSpec])
        -> ScheduleFixture
    {
        var fixture = ScheduleFixture()
        fixture.locale("xx-XX", zone: zone)
        fixture.account("acct", network, locale: "xx-XX")
        fixture.campaign("camp", start: start, end: end ?? start, posts: posts)
        return fixture
    }

    // MARK: Windows

    /// Tier A in the account's own zone when it is free, with the UTC instant worked out by hand.
    @Test(
        arguments: [
            (Network.x, "Asia/Tokyo", "2026-11-03", 9, "Tue-Thu 09:00-15:00"),
            (.facebook, "America/New_York", "2026-11-02", -5, "Mon-Fri 08:00-12:00"),
            (.instagram, "Europe/Paris", "2026-11-04", 1, "Mon-Fri 09:00-13:00"),
            (.linkedin, "Australia/Sydney", "2026-11-04", 11, "Tue-Thu 08:00-12:00"),
            (.tiktok, "Europe/Paris", "2026-11-05", 1, "Tue-Thu 14:00-18:00"),
            (.youtube, "America/New_York", "2026-11-03", -5, "Tue-Thu 12:00-16:00"),
            (.threads, "Asia/Tokyo", "2026-11-06", 9, "Mon-Fri 09:00-13:00"),
            (.bluesky, "Europe/Paris", "2026-11-06", 1, "Fri 10:00-15:00"),
            (.mastodon, "America/New_York", "2026-11-02", -5, "Mon 08:00-17:00"),
        ] as [(Network, String, String, Int, String)])
    func preferredWindowInAccountZone(network: Network, zone: String, day: String, offset: Int, window: String) throws {
        let run = Self.single(network, zone: zone, start: day, posts: [.init(id: "p")]).schedule()
        let slot = try #require(run.slot("camp/p/acct"))
        #expect(slot.date == F.date(day))
        #expect(F.window(window).contains(weekday: slot.date.isoWeekday, time: slot.time))
        #expect(slot.instant == Self.utc(day, minutes: slot.time.minutes, offsetHours: offset))
        #expect(slot.timeZone == zone)
        let windowReasons = try #require(run.variant("camp/p/acct")).explanation.filter { $0.rule == "window" }
        #expect(windowReasons.contains { $0.detail.contains("tier A") })
        #expect(run.diagnostics.isEmpty)
    }

    /// Tier B when tier A has no window that weekday.
    @Test(
        arguments: [
            (Network.linkedin, "2026-11-02", "Mon 10:00-14:00"),
            (.linkedin, "2026-11-06", "Fri 08:00-11:00"),
            (.facebook, "2026-11-07", "Sat 09:00-12:00"),
            (.facebook, "2026-11-08", "Sun 08:00-13:00"),
            (.x, "2026-11-07", "Sat 11:00-14:00"),
            (.x, "2026-11-08", "Sun 14:00-18:00"),
            (.tiktok, "2026-11-08", "Sat,Sun 09:00-13:00"),
            (.youtube, "2026-11-02", "daily 09:00-18:00"),
            // Instagram's B window is 05:00–08:00, but quiet hours last until 07:00.
            (.instagram, "2026-11-07", "daily 07:00-08:00"),
        ] as [(Network, String, String)])
    func allowedWindowWhenPreferredIsAbsent(network: Network, day: String, window: String) throws {
        let run = Self.single(network, zone: "Europe/Paris", start: day, posts: [.init(id: "p")]).schedule()
        let slot = try #require(run.slot("camp/p/acct"))
        #expect(slot.date == F.date(day))
        #expect(F.window(window).contains(weekday: slot.date.isoWeekday, time: slot.time), "\(slot.wall)")
        #expect(!Self.inside(slot, TimingTable.standard.profile(network).preferred))
        let reasons = try #require(run.variant("camp/p/acct")).explanation
        #expect(reasons.contains { $0.rule == "window" && $0.detail.contains("tier B") })
        #expect(!reasons.contains { $0.rule == "window" && $0.detail.contains("tier A") })
    }

    /// Tier B when tier A is full (the min gap leaves no room in A that day).
    @Test func allowedWindowWhenPreferredIsFull() throws {
        var fixture = Self.single(.x, zone: "Europe/Paris", start: "2026-11-02", posts: [.init(id: "one"), .init(id: "two")])
        fixture.profile(.x, preferred: ["Mon 09:01-09:20"], allowed: ["Mon 15:00-16:00"], minGap: F.hours(2), maxPerDay: 4)
        let run = fixture.schedule()
        let one = try #require(run.slot("camp/one/acct")), two = try #require(run.slot("camp/two/acct"))
        #expect(F.window("Mon 09:01-09:20").contains(weekday: 1, time: one.time))
        #expect(F.window("Mon 15:00-16:00").contains(weekday: 1, time: two.time))
        #expect(two.date == F.date("2026-11-02"))
        #expect(run.rules("camp/two/acct").contains("window"))
    }

    // MARK: Quiet hours

    @Test func quietHoursCutIntoAWindow() throws {
        var fixture = ScheduleFixture()
        fixture.locale("fr-FR", zone: "Europe/Paris")
        for index in 0..<8 { fixture.account("x\(index)", .x, locale: "fr-FR") }
        fixture.campaign("camp", start: "2026-11-03", end: "2026-11-03", posts: [.init(id: "p")])
        fixture.profile(.x, preferred: ["daily 05:00-08:00"], allowed: [])
        let run = fixture.schedule()
        #expect(run.scheduled.count == 8)
        for scheduled in run.scheduled {
            let slot = try #require(scheduled.slot)
            #expect(slot.time >= F.time("07:00") && slot.time < F.time("08:00"), "\(scheduled.variant.id) at \(slot.wall)")
        }
    }

    @Test func quietHoursInsideTheDay() throws {
        var fixture = ScheduleFixture()
        fixture.locale("fr-FR", zone: "Europe/Paris")
        for index in 0..<8 { fixture.account("x\(index)", .x, locale: "fr-FR") }
        fixture.campaign("camp", start: "2026-11-03", end: "2026-11-03", posts: [.init(id: "p")])
        fixture.profile(.x, preferred: ["daily 11:00-14:00"], allowed: [])
        fixture.quietHours = QuietHours(start: F.time("11:05"), end: F.time("13:55"))
        let run = fixture.schedule()
        #expect(run.scheduled.count == 8)
        for scheduled in run.scheduled {
            let slot = try #require(scheduled.slot)
            #expect(!(slot.time >= F.time("11:05") && slot.time < F.time("13:55")), "\(scheduled.variant.id) at \(slot.wall)")
        }
    }

    @Test func aWindowInsideQuietHoursIsUnplaceable() throws {
        var fixture = Self.single(.x, zone: "Europe/Paris", start: "2026-11-02", end: "2026-11-08", posts: [.init(id: "p")])
        fixture.profile(.x, preferred: ["daily 22:30-23:30"], allowed: ["daily 05:00-06:50"])
        let run = fixture.schedule()
        #expect(run.slot("camp/p/acct") == nil)
        #expect(run.unplaceable.count == 1)
    }

    // MARK: Holidays

    @Test func holidayIsSkipped() throws {
        var fixture = ScheduleFixture()
        fixture.locale("fr-FR", zone: "Europe/Paris", holidays: ["2026-11-11"])
        fixture.account("acct", .x, locale: "fr-FR")
        fixture.account("other", .x, locale: "fr-FR")
        fixture.campaign(
            "camp", start: "2026-11-11", end: "2026-11-13",
            posts: [.init(id: "p", accounts: ["acct"]), .init(id: "timed", at: "10:15", accounts: ["other"])])
        let run = fixture.schedule()
        let slot = try #require(run.slot("camp/p/acct"))
        #expect(slot.date == F.date("2026-11-12"))
        #expect(run.rules("camp/p/acct").contains("holiday"))
        let timed = try #require(run.slot("camp/timed/other"))
        #expect(timed.date == F.date("2026-11-12"))
        #expect(timed.time == F.time("10:15"))
        #expect(run.rules("camp/timed/other").contains("holiday"))
    }

    @Test func holidayPostMayGoOnTheHoliday() throws {
        var fixture = ScheduleFixture()
        fixture.locale("fr-FR", zone: "Europe/Paris", holidays: ["2026-11-11"])
        fixture.account("acct", .x, locale: "fr-FR")
        fixture.campaign("camp", start: "2026-11-11", end: "2026-11-13", posts: [.init(id: "p", holiday: true)])
        let run = fixture.schedule()
        let slot = try #require(run.slot("camp/p/acct"))
        #expect(slot.date == F.date("2026-11-11"))
        #expect(!run.rules("camp/p/acct").contains("holiday"))
    }

    /// Holidays belong to the account's locale: another locale's holiday does not move the post.
    @Test func holidayOfAnotherLocaleIsIgnored() throws {
        var fixture = ScheduleFixture()
        fixture.locale("fr-FR", zone: "Europe/Paris", holidays: ["2026-11-11"])
        fixture.locale("de-DE", zone: "Europe/Berlin")
        fixture.account("fr", .x, locale: "fr-FR")
        fixture.account("de", .x, locale: "de-DE")
        fixture.campaign("camp", start: "2026-11-11", end: "2026-11-13", posts: [.init(id: "p")])
        let run = fixture.schedule()
        #expect(try #require(run.slot("camp/p/fr")).date == F.date("2026-11-12"))
        #expect(try #require(run.slot("camp/p/de")).date == F.date("2026-11-11"))
    }

    // MARK: Gaps and caps

    @Test func minGapPerAccountAcrossCampaigns() throws {
        var fixture = ScheduleFixture()
        fixture.locale("fr-FR", zone: "Europe/Paris")
        fixture.account("acct", .x, locale: "fr-FR")
        for name in ["c1", "c2", "c3", "c4"] {
            fixture.campaign(name, start: "2026-11-03", end: "2026-11-10", posts: [.init(id: "p")])
        }
        fixture.profile(.x, preferred: ["daily 09:00-12:00"], allowed: [], minGap: F.hours(2), maxPerDay: 4)
        let run = fixture.schedule()
        let instants = try ["c1", "c2", "c3", "c4"].map { try #require(run.slot("\($0)/p/acct")).instant }.sorted()
        for (earlier, later) in zip(instants, instants.dropFirst()) {
            #expect(later.timeIntervalSince(earlier) >= 2 * 3600)
        }
    }

    /// Another campaign's stored post (not in this run) occupies the account too.
    @Test func minGapAgainstAStoredPostOfAnotherCampaign() throws {
        var first = ScheduleFixture()
        first.locale("fr-FR", zone: "Europe/Paris")
        first.account("acct", .x, locale: "fr-FR")
        first.profile(.x, preferred: ["daily 09:00-13:00"], allowed: [], minGap: F.hours(2), maxPerDay: 4)
        var second = first
        first.campaign("c1", start: "2026-11-03", end: "2026-11-10", posts: [.init(id: "p")])
        second.campaign("c2", start: "2026-11-03", end: "2026-11-10", posts: [.init(id: "p")])
        let one = first.schedule()
        // Published: it occupies the account whatever the plan does (an unpublished variant of a campaign
        // that left the YAML is cancelled by the same plan; see aRemovedPostNoLongerOccupiesItsSlot).
        let stored = one.stored.map { variant -> StoredVariant in
            var copy = variant
            copy.state = .published
            return copy
        }
        let c1 = try #require(one.slot("c1/p/acct"))
        for _ in 0..<2 {
            let two = second.schedule(stored: stored)
            let c2 = try #require(two.slot("c2/p/acct"))
            #expect(abs(c2.instant.timeIntervalSince(c1.instant)) >= 2 * 3600, "c1 \(c1.wall), c2 \(c2.wall)")
        }
        // A cancelled post does not occupy the account.
        let cancelled = stored.map { variant -> StoredVariant in
            var copy = variant
            copy.state = .cancelled
            return copy
        }
        let free = second.schedule(stored: cancelled)
        let alone = second.schedule()
        #expect(free.slot("c2/p/acct")?.instant == alone.slot("c2/p/acct")?.instant)
    }

    @Test func dailyCapPushesToTheNextDay() throws {
        var fixture = Self.single(
            .x, zone: "Europe/Paris", start: "2026-11-03", end: "2026-11-06", posts: [.init(id: "one"), .init(id: "two")])
        fixture.profile(.x, preferred: ["daily 09:00-17:00"], allowed: [], minGap: F.hours(1), maxPerDay: 1)
        let run = fixture.schedule()
        #expect(try #require(run.slot("camp/one/acct")).date == F.date("2026-11-03"))
        #expect(try #require(run.slot("camp/two/acct")).date == F.date("2026-11-04"))
        #expect(run.rules("camp/two/acct").contains("daily-cap"))
    }

    /// Facebook's standard cap is one post a day (and a 20-hour gap).
    @Test func standardFacebookCap() throws {
        let fixture = Self.single(
            .facebook, zone: "America/New_York", start: "2026-11-03", end: "2026-11-06",
            posts: [.init(id: "one"), .init(id: "two"), .init(id: "three")])
        let run = fixture.schedule()
        let slots = try ["one", "two", "three"].map { try #require(run.slot("camp/\($0)/acct")) }
        #expect(Set(slots.map(\.date)).count == 3)
        let instants = slots.map(\.instant).sorted()
        for (earlier, later) in zip(instants, instants.dropFirst()) { #expect(later.timeIntervalSince(earlier) >= 20 * 3600) }
    }

    @Test func weeklyCapPushesToTheNextWeek() throws {
        var fixture = Self.single(
            .x, zone: "Europe/Paris", start: "2026-11-02", end: "2026-11-15",
            posts: [.init(id: "one"), .init(id: "two"), .init(id: "three")])
        fixture.profile(.x, preferred: ["daily 09:00-17:00"], allowed: [], minGap: F.hours(1), maxPerDay: 5, maxPerWeek: 2)
        let run = fixture.schedule()
        #expect(try #require(run.slot("camp/one/acct")).date == F.date("2026-11-02"))
        #expect(try #require(run.slot("camp/two/acct")).date == F.date("2026-11-02"))
        // Mon 2026-11-09 starts the next ISO week.
        #expect(try #require(run.slot("camp/three/acct")).date == F.date("2026-11-09"))
        #expect(run.rules("camp/three/acct").contains("weekly-cap"))
    }

    // MARK: Explicit times and live posts

    @Test func explicitTimeIsUsedExactly() throws {
        let fixture = Self.single(
            .x, zone: "Asia/Tokyo", start: "2026-11-02", end: "2026-11-08",
            posts: [.init(id: "morning", day: 1, at: "10:00"), .init(id: "saturday", day: 5, at: "19:30")])
        let run = fixture.schedule()
        let morning = try #require(run.slot("camp/morning/acct"))
        #expect(morning.date == F.date("2026-11-03"))
        #expect(morning.time == F.time("10:00"))
        #expect(morning.instant == F.utc("2026-11-03T01:00:00Z"))
        #expect(run.rules("camp/morning/acct").contains("explicit-time"))
        // Outside every X window (Saturday's is 11:00–14:00), and on the half hour: the post asks for it.
        let saturday = try #require(run.slot("camp/saturday/acct"))
        #expect(saturday.instant == F.utc("2026-11-07T10:30:00Z"))
        #expect(saturday.time == F.time("19:30"))
    }

    @Test func livePostsGetNoSlot() throws {
        var fixture = ScheduleFixture()
        fixture.locale("fr-FR", zone: "Europe/Paris", holidays: ["2026-11-03"])
        fixture.account("x", .x, locale: "fr-FR")
        fixture.account("li", .linkedin, locale: "fr-FR")
        fixture.campaign("camp", start: "2026-11-03", end: "2026-11-03", posts: [.init(id: "breaking", live: true)])
        let run = fixture.schedule()
        #expect(run.scheduled.count == 2)
        for scheduled in run.scheduled {
            #expect(scheduled.slot == nil)
            #expect(scheduled.explanation.map(\.rule).contains("live"))
        }
        #expect(run.diagnostics.isEmpty)
        #expect(run.stored.allSatisfy { $0.scheduledAt == nil && $0.live })
    }

    // MARK: Stagger

    @Test func staggeredSlotsAvoidTheHourAndHalfHour() throws {
        var fixture = ScheduleFixture()
        fixture.locale("fr-FR", zone: "Europe/Paris")
        fixture.locale("en-US", zone: "America/New_York")
        let networks: [Network] = [.x, .bluesky, .mastodon, .threads]
        for index in 0..<24 {
            fixture.account("a\(index)", networks[index % 4], locale: index % 3 == 0 ? "en-US" : "fr-FR")
        }
        fixture.campaign(
            "camp", start: "2026-11-02", end: "2026-11-13",
            posts: [.init(id: "a"), .init(id: "b", day: 1), .init(id: "c", day: 2), .init(id: "d", day: 2)])
        let run = fixture.schedule()
        #expect(run.scheduled.count == 96)
        var minutes = Set<Int>()
        for scheduled in run.scheduled {
            let slot = try #require(scheduled.slot)
            #expect(slot.time.minute != 0 && slot.time.minute != 30, "\(scheduled.variant.id) at \(slot.wall)")
            minutes.insert(slot.time.minutes)
        }
        // Sibling accounts do not all fire at the same minute.
        #expect(minutes.count > 20)
    }

    // MARK: notBefore

    @Test func notBeforeIsRespected() throws {
        let fixture = Self.single(
            .x, zone: "Europe/Paris", start: "2026-11-03", end: "2026-11-06",
            posts: [.init(id: "p"), .init(id: "timed", at: "10:00")])
        // 13:00 in Paris: the rest of Tuesday's 09:00–15:00 window is still open.
        let noon = F.utc("2026-11-03T12:00:00Z")
        let run = fixture.schedule(notBefore: noon)
        let slot = try #require(run.slot("camp/p/acct"))
        #expect(slot.instant >= noon)
        #expect(slot.date == F.date("2026-11-03"))
        let timed = try #require(run.slot("camp/timed/acct"))
        #expect(timed.instant == F.utc("2026-11-04T09:00:00Z"))
        // 15:30 in Paris: Tuesday's window has closed.
        let late = F.utc("2026-11-03T14:30:00Z")
        let later = try #require(fixture.schedule(notBefore: late).slot("camp/p/acct"))
        #expect(later.instant >= late)
        #expect(later.date == F.date("2026-11-04"))
    }

    // MARK: Unplaceable

    /// LinkedIn has no weekend window: a weekend-only campaign cannot place it, and says so.
    @Test func noValidDayGivesADiagnostic() throws {
        let fixture = Self.single(
            .linkedin, zone: "Europe/Paris", start: "2026-11-07", end: "2026-11-08", posts: [.init(id: "p")])
        let run = fixture.schedule()
        #expect(run.scheduled.isEmpty)
        let diagnostic = try #require(run.unplaceable.first)
        #expect(run.unplaceable.count == 1)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.account == "acct")
        #expect(diagnostic.network == .linkedin)
        #expect(diagnostic.location == F.location)
        #expect(diagnostic.message.contains("post 'p' of campaign 'camp'"))
        #expect(diagnostic.message.contains("2026-11-08"))
    }

    @Test func onlyAHolidayGivesADiagnostic() throws {
        var fixture = ScheduleFixture()
        fixture.locale("fr-FR", zone: "Europe/Paris", holidays: ["2026-11-11"])
        fixture.account("acct", .x, locale: "fr-FR")
        fixture.campaign(
            "camp", start: "2026-11-11", end: "2026-11-11", posts: [.init(id: "p"), .init(id: "timed", at: "10:10")])
        let run = fixture.schedule()
        #expect(run.scheduled.isEmpty)
        #expect(run.unplaceable.count == 2)
        #expect(run.unplaceable.allSatisfy { $0.notes.contains { $0.hasPrefix("holiday:") } })
    }

    /// Past `notBefore` at the campaign's end: nothing is left.
    @Test func aPastCampaignGivesADiagnostic() throws {
        let fixture = Self.single(.x, zone: "Europe/Paris", start: "2026-11-03", end: "2026-11-04", posts: [.init(id: "p")])
        let run = fixture.schedule(notBefore: F.utc("2026-11-05T00:00:00Z"))
        #expect(run.scheduled.isEmpty)
        #expect(run.unplaceable.count == 1)
    }
}
