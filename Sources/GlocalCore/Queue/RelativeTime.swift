import Foundation

/// A relative hint for an instant seen from `now`: "in 2 days", "3 hours ago", "now". The unit is the
/// largest that keeps the figure readable (minutes under 90 minutes, hours under 36 hours, days under
/// 14 days, then weeks), rounded to the nearest whole unit.
public enum RelativeTime {
    /// The hint for `date` seen at `now`.
    public static func describe(_ date: Date, now: Date) -> String {
        let seconds = date.timeIntervalSince(now)
        let magnitude = abs(seconds)
        guard magnitude >= 60 else { return "now" }
        let amount: Int
        let unit: String
        switch magnitude {
        case ..<(90 * 60): (amount, unit) = (rounded(magnitude / 60), "minute")
        case ..<(36 * 3600): (amount, unit) = (rounded(magnitude / 3600), "hour")
        case ..<(14 * 86_400): (amount, unit) = (rounded(magnitude / 86_400), "day")
        default: (amount, unit) = (rounded(magnitude / 604_800), "week")
        }
        let span = "\(amount) \(unit)\(amount == 1 ? "" : "s")"
        return seconds > 0 ? "in \(span)" : "\(span) ago"
    }

    private static func rounded(_ value: Double) -> Int { Int(value.rounded(.toNearestOrAwayFromZero)) }
}
