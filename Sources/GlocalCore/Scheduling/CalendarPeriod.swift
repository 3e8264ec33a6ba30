/// The days a calendar grid shows: a month (whole weeks, Monday first, from the week holding the
/// 1st to the week holding the last day) or one week (Monday to Sunday), and the periods before
/// and after it.
public struct CalendarPeriod: Sendable, Equatable {
    /// A month or a week.
    public enum Kind: String, Sendable, CaseIterable {
        /// A month grid.
        case month
        /// A week grid.
        case week
    }

    /// Month or week.
    public let kind: Kind
    /// The day the period was asked for (any day inside it).
    public let anchor: LocalDate

    /// The period of `kind` holding `anchor`.
    public init(kind: Kind, anchor: LocalDate) {
        self.kind = kind
        self.anchor = anchor
    }

    /// The first day of the anchor's month.
    public var monthStart: LocalDate { LocalDate(year: anchor.year, month: anchor.month, day: 1)! }

    /// The last day of the anchor's month.
    public var monthEnd: LocalDate {
        LocalDate(year: anchor.year, month: anchor.month, day: LocalDate.daysIn(month: anchor.month, year: anchor.year))!
    }

    /// Every day of the grid, Monday first, in whole weeks.
    public var days: [LocalDate] {
        let first: LocalDate, last: LocalDate
        switch kind {
        case .week:
            first = Self.monday(of: anchor)
            last = first.adding(days: 6)
        case .month:
            first = Self.monday(of: monthStart)
            last = Self.monday(of: monthEnd).adding(days: 6)
        }
        return (0...(last.daysSinceEpoch - first.daysSinceEpoch)).map { first.adding(days: $0) }
    }

    /// Whether `day` belongs to the period itself (a month grid also shows days of the months around it).
    public func contains(_ day: LocalDate) -> Bool {
        switch kind {
        case .week: return days.first! <= day && day <= days.last!
        case .month: return day.year == anchor.year && day.month == anchor.month
        }
    }

    /// The period just before.
    public var previous: CalendarPeriod {
        switch kind {
        case .week: return CalendarPeriod(kind: .week, anchor: Self.monday(of: anchor).adding(days: -7))
        case .month: return CalendarPeriod(kind: .month, anchor: monthStart.adding(days: -1).firstOfMonth)
        }
    }

    /// The period just after.
    public var next: CalendarPeriod {
        switch kind {
        case .week: return CalendarPeriod(kind: .week, anchor: Self.monday(of: anchor).adding(days: 7))
        case .month: return CalendarPeriod(kind: .month, anchor: monthEnd.adding(days: 1))
        }
    }

    /// The day that names the period in a link: the month's first day, or the week's Monday.
    public var start: LocalDate { kind == .month ? monthStart : Self.monday(of: anchor) }

    /// "December 2026", or "Week of Mon 2026-11-30".
    public var title: String {
        switch kind {
        case .month: return "\(Self.monthNames[anchor.month - 1]) \(anchor.year)"
        case .week: return "Week of \(start.weekdayAbbreviation) \(start)"
        }
    }

    /// The Monday of the week holding `day`.
    public static func monday(of day: LocalDate) -> LocalDate { day.adding(days: 1 - day.isoWeekday) }

    /// English month names, January first.
    public static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]
}

extension LocalDate {
    /// The first day of this date's month.
    var firstOfMonth: LocalDate { LocalDate(year: year, month: month, day: 1)! }
}
