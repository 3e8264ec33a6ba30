/// The periods the report offers, as written in its `period` query parameter.
public enum ReportPeriodPreset: String, Sendable, CaseIterable, Equatable {
    /// The ISO week (Monday to Sunday) that holds today.
    case thisWeek = "this-week"
    /// The 28 days ending today.
    case lastFourWeeks = "last-4-weeks"
    /// The calendar month that holds today.
    case thisMonth = "this-month"
    /// The calendar month before today's.
    case lastMonth = "last-month"
    /// From one date to another, both included.
    case custom

    /// How the period selector names it.
    public var label: String {
        switch self {
        case .thisWeek: "This week"
        case .lastFourWeeks: "Last 4 weeks"
        case .thisMonth: "This month"
        case .lastMonth: "Last month"
        case .custom: "Custom dates"
        }
    }
}
