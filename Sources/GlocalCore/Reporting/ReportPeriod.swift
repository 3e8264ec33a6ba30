import Foundation

/// The days a report covers: whole calendar days, midnight to midnight in one time zone, first and
/// last included. Pure arithmetic on ``LocalDate``; the instants come from ``LocalInstant`` (so a
/// day of a daylight-saving change has its real 23 or 25 hours).
public struct ReportPeriod: Sendable, Equatable {
    /// The longest custom period, in days.
    public static let maximumDays = 366

    /// Which period was asked for.
    public var preset: ReportPeriodPreset
    /// The first day.
    public var first: LocalDate
    /// The last day (included).
    public var last: LocalDate
    /// The IANA zone the days are counted in.
    public var timeZone: String

    /// Creates a period of the days `first` through `last` in `timeZone`.
    public init(preset: ReportPeriodPreset, first: LocalDate, last: LocalDate, timeZone: String) {
        self.preset = preset
        self.first = first
        self.last = last
        self.timeZone = timeZone
    }

    /// Days covered, both ends included.
    public var days: Int { last.daysSinceEpoch - first.daysSinceEpoch + 1 }

    /// Midnight at the start of the first day.
    public var start: Date { Self.midnight(first, in: timeZone) }

    /// Midnight at the end of the last day (excluded).
    public var end: Date { Self.midnight(last.adding(days: 1), in: timeZone) }

    /// Whether `instant` falls in the period.
    public func contains(_ instant: Date) -> Bool { instant >= start && instant < end }

    /// The period of the same number of days just before this one, for comparison.
    public var previous: ReportPeriod {
        ReportPeriod(preset: .custom, first: first.adding(days: -days), last: first.adding(days: -1), timeZone: timeZone)
    }

    /// `2026-12-01 – 2026-12-31 (31 days)`.
    public var label: String {
        first == last ? "\(first) (1 day)" : "\(first) – \(last) (\(days) days)"
    }

    /// The period a report request asks for: `period` (a ``ReportPeriodPreset`` raw value, default
    /// the last four weeks), `from` and `to` (`YYYY-MM-DD`, for a custom period), counted in `timeZone`
    /// on the day that holds `now`. Giving `from` or `to` without `period` means a custom period.
    public static func resolve(
        period: String?, from: String?, to: String?, now: Date, timeZone: String
    ) throws(ReportPeriodError) -> ReportPeriod {
        guard let zone = TimeZone(identifier: timeZone) else { throw .unknownTimeZone(timeZone) }
        let today = LocalInstant(instant: now, zone: zone).date
        let asked = period.flatMap { $0.isEmpty ? nil : $0 }
        let customDates = (from.map { !$0.isEmpty } ?? false) || (to.map { !$0.isEmpty } ?? false)
        let preset: ReportPeriodPreset
        if let asked {
            guard let known = ReportPeriodPreset(rawValue: asked) else { throw .unknownPeriod(asked) }
            preset = known
        } else {
            preset = customDates ? .custom : .lastFourWeeks
        }
        switch preset {
        case .thisWeek:
            let monday = today.adding(days: 1 - today.isoWeekday)
            return ReportPeriod(preset: preset, first: monday, last: monday.adding(days: 6), timeZone: timeZone)
        case .lastFourWeeks:
            return ReportPeriod(preset: preset, first: today.adding(days: -27), last: today, timeZone: timeZone)
        case .thisMonth:
            return month(of: today, preset: preset, timeZone: timeZone)
        case .lastMonth:
            let firstOfMonth = today.adding(days: 1 - today.day)
            return month(of: firstOfMonth.adding(days: -1), preset: preset, timeZone: timeZone)
        case .custom:
            let first = try date(from, parameter: "from")
            let last = try date(to, parameter: "to")
            guard first <= last else { throw .startAfterEnd(from: first, to: last) }
            let period = ReportPeriod(preset: preset, first: first, last: last, timeZone: timeZone)
            guard period.days <= maximumDays else { throw .tooLong(days: period.days) }
            return period
        }
    }

    private static func month(of day: LocalDate, preset: ReportPeriodPreset, timeZone: String) -> ReportPeriod {
        let first = day.adding(days: 1 - day.day)
        let last = first.adding(days: LocalDate.daysIn(month: first.month, year: first.year) - 1)
        return ReportPeriod(preset: preset, first: first, last: last, timeZone: timeZone)
    }

    private static func date(_ text: String?, parameter: String) throws(ReportPeriodError) -> LocalDate {
        guard let text, !text.isEmpty else { throw .missingDate(parameter: parameter) }
        guard text.utf8.count == 10, let date = LocalDate(iso: text) else {
            throw .invalidDate(parameter: parameter, value: text)
        }
        return date
    }

    private static func midnight(_ day: LocalDate, in timeZone: String) -> Date {
        let zone = TimeZone(identifier: timeZone) ?? TimeZone(identifier: "UTC")!
        return LocalInstant(date: day, time: LocalTime(hour: 0, minute: 0)!, zone: zone).instant
    }
}
