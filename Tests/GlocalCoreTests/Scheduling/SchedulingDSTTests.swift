import Foundation
import Testing

@testable import GlocalCore

/// Daylight saving in ``LocalInstant`` and in the scheduler. Every expected UTC instant is worked out by hand:
/// Paris CET +1 / CEST +2 (2027-03-28 02:00 → 03:00, 2026-10-25 03:00 → 02:00), New York EST −5 / EDT −4
/// (2027-03-14 02:00 → 03:00, 2026-11-01 02:00 → 01:00), Sydney AEST +10 / AEDT +11 (2026-10-04 02:00 → 03:00,
/// 2027-04-04 03:00 → 02:00), Tokyo +9 all year.
@Suite struct SchedulingDSTTests {
    typealias F = ScheduleFixture

    struct Conversion: Sendable, CustomTestStringConvertible {
        var zone: String
        var date: String
        var time: String
        var utc: String
        var wall: String
        var adjustment: LocalInstant.Adjustment
        var testDescription: String { "\(zone) \(date) \(time)" }
    }

    static let conversions: [Conversion] = [
        // Paris, spring forward: 02:00–02:59 do not exist.
        Conversion(
            zone: "Europe/Paris", date: "2027-03-28", time: "02:30", utc: "2027-03-28T01:30:00Z", wall: "03:30",
            adjustment: .skippedGap(minutes: 60)),
        Conversion(
            zone: "Europe/Paris", date: "2027-03-28", time: "02:00", utc: "2027-03-28T01:00:00Z", wall: "03:00",
            adjustment: .skippedGap(minutes: 60)),
        Conversion(
            zone: "Europe/Paris", date: "2027-03-28", time: "01:59", utc: "2027-03-28T00:59:00Z", wall: "01:59",
            adjustment: .exact),
        Conversion(
            zone: "Europe/Paris", date: "2027-03-28", time: "03:00", utc: "2027-03-28T01:00:00Z", wall: "03:00",
            adjustment: .exact),
        // Paris, fall back: 02:00–02:59 happen twice; the first (CEST) is used.
        Conversion(
            zone: "Europe/Paris", date: "2026-10-25", time: "02:30", utc: "2026-10-25T00:30:00Z", wall: "02:30",
            adjustment: .firstOfTwo),
        Conversion(
            zone: "Europe/Paris", date: "2026-10-25", time: "02:00", utc: "2026-10-25T00:00:00Z", wall: "02:00",
            adjustment: .firstOfTwo),
        Conversion(
            zone: "Europe/Paris", date: "2026-10-25", time: "01:59", utc: "2026-10-24T23:59:00Z", wall: "01:59",
            adjustment: .exact),
        Conversion(
            zone: "Europe/Paris", date: "2026-10-25", time: "03:00", utc: "2026-10-25T02:00:00Z", wall: "03:00",
            adjustment: .exact),
        // New York, spring forward.
        Conversion(
            zone: "America/New_York", date: "2027-03-14", time: "02:30", utc: "2027-03-14T07:30:00Z", wall: "03:30",
            adjustment: .skippedGap(minutes: 60)),
        Conversion(
            zone: "America/New_York", date: "2027-03-14", time: "01:30", utc: "2027-03-14T06:30:00Z", wall: "01:30",
            adjustment: .exact),
        Conversion(
            zone: "America/New_York", date: "2027-03-14", time: "03:30", utc: "2027-03-14T07:30:00Z", wall: "03:30",
            adjustment: .exact),
        // New York, fall back: 01:00–01:59 happen twice (EDT, then EST); 02:30 exists once (EST).
        Conversion(
            zone: "America/New_York", date: "2026-11-01", time: "01:30", utc: "2026-11-01T05:30:00Z", wall: "01:30",
            adjustment: .firstOfTwo),
        Conversion(
            zone: "America/New_York", date: "2026-11-01", time: "02:30", utc: "2026-11-01T07:30:00Z", wall: "02:30",
            adjustment: .exact),
        Conversion(
            zone: "America/New_York", date: "2026-11-01", time: "00:30", utc: "2026-11-01T04:30:00Z", wall: "00:30",
            adjustment: .exact),
        // Tokyo: no daylight saving, on either European transition day.
        Conversion(
            zone: "Asia/Tokyo", date: "2027-03-28", time: "02:30", utc: "2027-03-27T17:30:00Z", wall: "02:30", adjustment: .exact),
        Conversion(
            zone: "Asia/Tokyo", date: "2026-10-25", time: "02:30", utc: "2026-10-24T17:30:00Z", wall: "02:30", adjustment: .exact),
        Conversion(
            zone: "Asia/Tokyo", date: "2026-11-01", time: "01:30", utc: "2026-10-31T16:30:00Z", wall: "01:30", adjustment: .exact),
        // Sydney, southern hemisphere: spring forward in October, fall back in April.
        Conversion(
            zone: "Australia/Sydney", date: "2026-10-04", time: "02:30", utc: "2026-10-03T16:30:00Z", wall: "03:30",
            adjustment: .skippedGap(minutes: 60)),
        Conversion(
            zone: "Australia/Sydney", date: "2027-04-04", time: "02:30", utc: "2027-04-03T15:30:00Z", wall: "02:30",
            adjustment: .firstOfTwo),
        Conversion(
            zone: "Australia/Sydney", date: "2027-04-04", time: "03:00", utc: "2027-04-03T17:00:00Z", wall: "03:00",
            adjustment: .exact),
    ]

    @Test(arguments: conversions)
    func wallTimeToInstant(_ c: Conversion) throws {
        let zone = try #require(TimeZone(identifier: c.zone))
        let local = LocalInstant(date: F.date(c.date), time: F.time(c.time), zone: zone)
        #expect(local.instant == F.utc(c.utc))
        #expect(local.time == F.time(c.wall))
        #expect(local.date == F.date(c.date))
        #expect(local.adjustment == c.adjustment)
        #expect(local.timeZone == c.zone)
        // Round trip: the instant reads back as the (adjusted) wall time.
        let back = LocalInstant(instant: local.instant, zone: zone)
        #expect(back.date == F.date(c.date))
        #expect(back.time == F.time(c.wall))
        #expect(back.adjustment == .exact)
    }

    /// The second occurrence of a repeated wall time reads back as that wall time too.
    @Test func secondOccurrenceReadsBack() throws {
        let paris = try #require(TimeZone(identifier: "Europe/Paris"))
        let second = LocalInstant(instant: F.utc("2026-10-25T01:30:00Z"), zone: paris)
        #expect(second.date == F.date("2026-10-25"))
        #expect(second.time == F.time("02:30"))
        #expect(second.offsetDescription(in: paris) == "+01:00")
        let first = LocalInstant(date: F.date("2026-10-25"), time: F.time("02:30"), zone: paris)
        #expect(first.offsetDescription(in: paris) == "+02:00")
    }

    /// Every quarter hour of the three days around each transition, against Foundation's calendar.
    @Test(arguments: [
        ("Europe/Paris", "2027-03-27T00:00:00Z"), ("Europe/Paris", "2026-10-24T00:00:00Z"),
        ("America/New_York", "2027-03-13T00:00:00Z"), ("America/New_York", "2026-10-31T00:00:00Z"),
        ("Australia/Sydney", "2026-10-02T12:00:00Z"), ("Australia/Sydney", "2027-04-02T12:00:00Z"),
        ("Asia/Tokyo", "2027-03-27T00:00:00Z"),
    ])
    func roundTripAroundTransitions(zoneID: String, from: String) throws {
        let zone = try #require(TimeZone(identifier: zoneID))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let start = F.utc(from)
        for step in 0..<(3 * 96) {
            let instant = start.addingTimeInterval(Double(step * 900))
            let local = LocalInstant(instant: instant, zone: zone)
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
            #expect(local.date == LocalDate(year: parts.year!, month: parts.month!, day: parts.day!))
            #expect(local.time == LocalTime(hour: parts.hour!, minute: parts.minute!))
            // Back to an instant: the same one, or the first of two when the wall time repeats.
            let again = LocalInstant(date: local.date, time: local.time, zone: zone)
            if again.instant != instant {
                #expect(again.adjustment == .firstOfTwo)
                #expect(instant.timeIntervalSince(again.instant) == 3600)
            } else {
                #expect(again.adjustment == .exact || again.adjustment == .firstOfTwo)
            }
        }
    }

    // MARK: The scheduler

    /// `at: 02:30` on the Paris spring-forward day lands at 03:30 (CEST) and says why.
    @Test func explicitTimeInTheSpringGap() throws {
        var fixture = ScheduleFixture()
        fixture.quietHours = nil
        fixture.locale("fr-FR", zone: "Europe/Paris")
        fixture.account("acct", .x, locale: "fr-FR")
        fixture.campaign("camp", start: "2027-03-28", end: "2027-03-29", posts: [.init(id: "p", at: "02:30")])
        let run = fixture.schedule()
        let slot = try #require(run.slot("camp/p/acct"))
        #expect(slot.date == F.date("2027-03-28"))
        #expect(slot.time == F.time("03:30"))
        #expect(slot.instant == F.utc("2027-03-28T01:30:00Z"))
        #expect(slot.adjustment == .skippedGap(minutes: 60))
        let dst = try #require(run.variant("camp/p/acct")?.explanation.first { $0.rule == "dst" })
        #expect(dst.detail.contains("03:30"))
        #expect(run.stored.first?.localTime == "2027-03-28 03:30")
    }

    /// `at: 02:30` on the Paris fall-back night is published once, at the first 02:30 (00:30Z).
    @Test func explicitTimeOnTheFallBackNight() throws {
        var fixture = ScheduleFixture()
        fixture.quietHours = nil
        fixture.locale("fr-FR", zone: "Europe/Paris")
        fixture.account("acct", .x, locale: "fr-FR")
        fixture.campaign("camp", start: "2026-10-25", end: "2026-10-26", posts: [.init(id: "p", at: "02:30")])
        let run = fixture.schedule()
        let slot = try #require(run.slot("camp/p/acct"))
        #expect(slot.instant == F.utc("2026-10-25T00:30:00Z"))
        #expect(slot.time == F.time("02:30"))
        #expect(slot.adjustment == .firstOfTwo)
        #expect(run.rules("camp/p/acct").contains("dst"))
        #expect(run.scheduled.count == 1)
    }

    /// New York's spring-forward gap, for an explicit time.
    @Test func explicitTimeInTheNewYorkGap() throws {
        var fixture = ScheduleFixture()
        fixture.quietHours = nil
        fixture.locale("en-US", zone: "America/New_York")
        fixture.account("acct", .mastodon, locale: "en-US")
        fixture.campaign("camp", start: "2027-03-14", end: "2027-03-14", posts: [.init(id: "p", at: "02:30")])
        let slot = try #require(fixture.schedule().slot("camp/p/acct"))
        #expect(slot.instant == F.utc("2027-03-14T07:30:00Z"))
        #expect(slot.time == F.time("03:30"))
    }

    /// A window over the spring gap: staggered slots never use a wall time that does not exist.
    @Test func staggeredSlotsSkipTheGap() throws {
        var fixture = ScheduleFixture()
        fixture.quietHours = nil
        fixture.locale("fr-FR", zone: "Europe/Paris")
        for index in 0..<12 { fixture.account("x\(index)", .x, locale: "fr-FR") }
        fixture.campaign("camp", start: "2027-03-28", end: "2027-03-28", posts: [.init(id: "p")])
        fixture.profile(.x, preferred: ["Sun 01:00-04:00"], allowed: [])
        let run = fixture.schedule()
        #expect(run.scheduled.count == 12)
        let zone = try #require(TimeZone(identifier: "Europe/Paris"))
        for scheduled in run.scheduled {
            let slot = try #require(scheduled.slot)
            #expect(slot.adjustment == .exact)
            #expect(!(slot.time >= F.time("02:00") && slot.time < F.time("03:00")), "\(slot.wall)")
            let back = LocalInstant(instant: slot.instant, zone: zone)
            #expect(back.time == slot.time && back.date == slot.date)
            // Before the change: CET (+1); after: CEST (+2).
            let offset = slot.time < F.time("02:00") ? 3600 : 7200
            #expect(slot.instant == F.utc("2027-03-28T00:00:00Z").addingTimeInterval(Double(slot.time.minutes * 60 - offset)))
        }
    }

    /// A window over the repeated hour: each post goes once, at the first occurrence, and says so.
    @Test func staggeredSlotsInTheRepeatedHour() throws {
        var fixture = ScheduleFixture()
        fixture.quietHours = nil
        fixture.locale("fr-FR", zone: "Europe/Paris")
        for index in 0..<4 { fixture.account("x\(index)", .x, locale: "fr-FR") }
        fixture.campaign("camp", start: "2026-10-25", end: "2026-10-25", posts: [.init(id: "p")])
        fixture.profile(.x, preferred: ["Sun 02:00-03:00"], allowed: [])
        let run = fixture.schedule()
        #expect(run.scheduled.count == 4)
        for scheduled in run.scheduled {
            let slot = try #require(scheduled.slot)
            #expect(slot.adjustment == .firstOfTwo)
            // The first 02:xx is CEST: 00:xx UTC.
            #expect(slot.instant == F.utc("2026-10-25T00:00:00Z").addingTimeInterval(Double(slot.time.minute * 60)))
            #expect(scheduled.explanation.map(\.rule).contains("dst"))
        }
    }

    struct DayCase: Sendable, CustomTestStringConvertible {
        var zone: String
        var date: String
        /// Hours east of UTC in force that whole day (from 03:00 on).
        var offset: Int
        var testDescription: String { "\(zone) \(date) UTC\(offset >= 0 ? "+" : "")\(offset)" }
    }

    /// The day before, of, and after each transition: an explicit 10:00 and a staggered X slot carry
    /// that day's UTC offset.
    @Test(arguments: [
        DayCase(zone: "Europe/Paris", date: "2027-03-27", offset: 1),
        DayCase(zone: "Europe/Paris", date: "2027-03-28", offset: 2),
        DayCase(zone: "Europe/Paris", date: "2027-03-29", offset: 2),
        DayCase(zone: "Europe/Paris", date: "2026-10-24", offset: 2),
        DayCase(zone: "Europe/Paris", date: "2026-10-25", offset: 1),
        DayCase(zone: "Europe/Paris", date: "2026-10-26", offset: 1),
        DayCase(zone: "America/New_York", date: "2027-03-13", offset: -5),
        DayCase(zone: "America/New_York", date: "2027-03-14", offset: -4),
        DayCase(zone: "America/New_York", date: "2027-03-15", offset: -4),
        DayCase(zone: "America/New_York", date: "2026-10-31", offset: -4),
        DayCase(zone: "America/New_York", date: "2026-11-01", offset: -5),
        DayCase(zone: "America/New_York", date: "2026-11-02", offset: -5),
        DayCase(zone: "Australia/Sydney", date: "2026-10-03", offset: 10),
        DayCase(zone: "Australia/Sydney", date: "2026-10-04", offset: 11),
        DayCase(zone: "Australia/Sydney", date: "2026-10-05", offset: 11),
        DayCase(zone: "Australia/Sydney", date: "2027-04-03", offset: 11),
        DayCase(zone: "Australia/Sydney", date: "2027-04-04", offset: 10),
        DayCase(zone: "Australia/Sydney", date: "2027-04-05", offset: 10),
        DayCase(zone: "Asia/Tokyo", date: "2027-03-27", offset: 9),
        DayCase(zone: "Asia/Tokyo", date: "2027-03-28", offset: 9),
        DayCase(zone: "Asia/Tokyo", date: "2027-03-29", offset: 9),
    ])
    func slotsAroundTransitionsHaveTheRightOffset(_ c: DayCase) throws {
        var fixture = ScheduleFixture()
        fixture.locale("xx-XX", zone: c.zone)
        fixture.account("staggered", .x, locale: "xx-XX")
        fixture.account("timed", .x, locale: "xx-XX")
        fixture.campaign(
            "camp", start: c.date, end: c.date,
            posts: [.init(id: "p", accounts: ["staggered"]), .init(id: "t", at: "10:00", accounts: ["timed"])])
        let run = fixture.schedule()
        let midnight = F.utc(c.date + "T00:00:00Z")
        let timed = try #require(run.slot("camp/t/timed"))
        #expect(timed.instant == midnight.addingTimeInterval(Double(10 * 3600 - c.offset * 3600)))
        let slot = try #require(run.slot("camp/p/staggered"))
        #expect(slot.date == F.date(c.date))
        #expect(slot.instant == midnight.addingTimeInterval(Double(slot.time.minutes * 60 - c.offset * 3600)), "\(slot.wall)")
        let zone = try #require(TimeZone(identifier: c.zone))
        let sign = c.offset < 0 ? "-" : "+"
        let hours = abs(c.offset) < 10 ? "0\(abs(c.offset))" : "\(abs(c.offset))"
        #expect(slot.offsetDescription(in: zone) == "\(sign)\(hours):00")
    }

    /// The day cap counts local days: posts at 00:30 and 23:30 local across a fall-back night are two days.
    @Test func localDaysAcrossAFallBackNight() throws {
        var fixture = ScheduleFixture()
        fixture.quietHours = nil
        fixture.locale("en-US", zone: "America/New_York")
        fixture.account("acct", .x, locale: "en-US")
        fixture.profile(.x, preferred: ["daily 00:01-23:59"], allowed: [], minGap: GlocalDuration(seconds: 900), maxPerDay: 1)
        fixture.campaign(
            "camp", start: "2026-10-31", end: "2026-11-02",
            posts: [.init(id: "late", at: "23:45"), .init(id: "early", day: 1, at: "00:15")])
        let run = fixture.schedule()
        let late = try #require(run.slot("camp/late/acct")), early = try #require(run.slot("camp/early/acct"))
        #expect(late.instant == F.utc("2026-11-01T03:45:00Z"))  // Sat 23:45 EDT
        #expect(early.instant == F.utc("2026-11-01T04:15:00Z"))  // Sun 00:15 EDT
        #expect(early.date == F.date("2026-11-01"))
    }
}
