import Foundation
import Testing

@testable import GlocalCore

/// Report periods: which days each preset covers, in which zone, the previous period of equal
/// length, and the plain refusals of a bad request.
@Suite struct ReportPeriodTests {
    static func instant(_ text: String) -> Date { try! Date(text, strategy: .iso8601) }
    static func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }
    static let thursday = instant("2026-12-10T10:00:00Z")

    static func resolve(
        _ period: String?, from: String? = nil, to: String? = nil, now: Date = thursday, zone: String = "Europe/Paris"
    ) throws(ReportPeriodError) -> ReportPeriod {
        try ReportPeriod.resolve(period: period, from: from, to: to, now: now, timeZone: zone)
    }

    @Test func theLastFourWeeksEndTodayAndAreTheDefault() throws {
        let period = try Self.resolve(nil)
        #expect(period.preset == .lastFourWeeks)
        #expect(period.first == Self.day("2026-11-13") && period.last == Self.day("2026-12-10") && period.days == 28)
        #expect(period.previous.first == Self.day("2026-10-16") && period.previous.last == Self.day("2026-11-12"))
        #expect(try Self.resolve("last-4-weeks") == period)
    }

    @Test func thisWeekRunsFromMondayToSunday() throws {
        let period = try Self.resolve("this-week")
        #expect(period.first == Self.day("2026-12-07") && period.last == Self.day("2026-12-13"))
        #expect(period.previous.first == Self.day("2026-11-30") && period.previous.last == Self.day("2026-12-06"))
        // On a Monday and on a Sunday the week is the same one.
        #expect(try Self.resolve("this-week", now: Self.instant("2026-12-07T08:00:00Z")).first == Self.day("2026-12-07"))
        #expect(try Self.resolve("this-week", now: Self.instant("2026-12-13T20:00:00Z")).last == Self.day("2026-12-13"))
    }

    @Test func monthsAreCalendarMonthsComparedWithTheSameNumberOfDaysBefore() throws {
        let december = try Self.resolve("this-month")
        #expect(december.first == Self.day("2026-12-01") && december.last == Self.day("2026-12-31") && december.days == 31)
        #expect(december.previous.first == Self.day("2026-10-31") && december.previous.last == Self.day("2026-11-30"))
        let november = try Self.resolve("last-month")
        #expect(november.first == Self.day("2026-11-01") && november.last == Self.day("2026-11-30") && november.days == 30)
        let february = try Self.resolve("last-month", now: Self.instant("2028-03-01T12:00:00Z"))
        #expect(february.first == Self.day("2028-02-01") && february.days == 29)
        let january = try Self.resolve("last-month", now: Self.instant("2027-01-15T12:00:00Z"))
        #expect(january.first == Self.day("2026-12-01") && january.last == Self.day("2026-12-31"))
    }

    @Test func theZoneDecidesWhichDayTodayIs() throws {
        let newYear = Self.instant("2026-12-31T23:30:00Z")
        #expect(try Self.resolve("this-month", now: newYear, zone: "Europe/Paris").first == Self.day("2027-01-01"))
        #expect(try Self.resolve("this-month", now: newYear, zone: "UTC").first == Self.day("2026-12-01"))
        #expect(try Self.resolve("this-month", now: newYear, zone: "America/New_York").last == Self.day("2026-12-31"))
    }

    @Test func daysRunFromLocalMidnightToLocalMidnight() throws {
        let december = try Self.resolve("this-month")
        #expect(december.start == Self.instant("2026-11-30T23:00:00Z"))
        #expect(december.end == Self.instant("2026-12-31T23:00:00Z"))
        #expect(december.contains(Self.instant("2026-11-30T23:00:00Z")))
        #expect(!december.contains(Self.instant("2026-11-30T22:59:59Z")))
        #expect(!december.contains(Self.instant("2026-12-31T23:00:00Z")))
        // The day Paris moves its clocks forward has 23 hours, the day it moves them back 25.
        let spring = try Self.resolve("custom", from: "2026-03-29", to: "2026-03-29")
        #expect(spring.end.timeIntervalSince(spring.start) == 23 * 3_600)
        let autumn = try Self.resolve(nil, from: "2026-10-25", to: "2026-10-25")
        #expect(autumn.preset == .custom && autumn.end.timeIntervalSince(autumn.start) == 25 * 3_600)
    }

    @Test func aCustomPeriodTakesBothDatesIncluded() throws {
        let period = try Self.resolve("custom", from: "2026-12-01", to: "2026-12-15")
        #expect(period.days == 15 && period.label == "2026-12-01 – 2026-12-15 (15 days)")
        #expect(period.previous.first == Self.day("2026-11-16") && period.previous.last == Self.day("2026-11-30"))
        #expect(try Self.resolve("custom", from: "2026-12-01", to: "2026-12-01").label == "2026-12-01 (1 day)")
    }

    @Test(
        arguments: [
            ("yesterday", "2026-12-01", "2026-12-02", ReportPeriodError.unknownPeriod("yesterday")),
            ("custom", "2026-12-01", "", .missingDate(parameter: "to")),
            ("custom", nil, "2026-12-01", .missingDate(parameter: "from")),
            ("custom", "2026-02-30", "2026-03-02", .invalidDate(parameter: "from", value: "2026-02-30")),
            ("custom", "2026-12-01", "2026-12-1", .invalidDate(parameter: "to", value: "2026-12-1")),
            ("custom", "2026-12-01", "01/12/2026", .invalidDate(parameter: "to", value: "01/12/2026")),
            (
                "custom", "2026-12-15", "2026-12-01",
                .startAfterEnd(from: LocalDate(iso: "2026-12-15")!, to: LocalDate(iso: "2026-12-01")!)
            ),
            ("custom", "2026-01-01", "2027-01-02", .tooLong(days: 367)),
        ] as [(String?, String?, String?, ReportPeriodError)])
    func aBadRequestIsRefusedWithItsReason(period: String?, from: String?, to: String?, expected: ReportPeriodError) {
        #expect(throws: expected) { try Self.resolve(period, from: from, to: to) }
    }

    @Test func refusalsSayWhatToWriteInPlainWords() throws {
        #expect(
            ReportPeriodError.invalidDate(parameter: "from", value: "2026-02-30").message
                == "'2026-02-30' in 'from' is not a date: write it as YYYY-MM-DD, e.g. 2026-12-01.")
        #expect(ReportPeriodError.unknownPeriod("x").message.contains("this-week, last-4-weeks, this-month, last-month, custom"))
        #expect(ReportPeriodError.tooLong(days: 367).message.contains("at most 366 days"))
        #expect(throws: ReportPeriodError.unknownTimeZone("Mars/Olympus")) { try Self.resolve(nil, zone: "Mars/Olympus") }
        #expect(try Self.resolve("custom", from: "2026-01-01", to: "2026-12-31").days == 365)
    }

    @Test func theZoneIsTheOneMostAccountsUse() {
        #expect(ReportTimeZone.mostCommon(["Europe/Paris", "Europe/London", "Europe/Paris"]) == "Europe/Paris")
        #expect(ReportTimeZone.mostCommon(["Europe/Paris", "Asia/Tokyo"]) == "Asia/Tokyo")
        #expect(ReportTimeZone.mostCommon([]) == "UTC")
    }
}
