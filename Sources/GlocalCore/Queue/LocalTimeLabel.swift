import Foundation

/// An instant as the account's manager reads it: wall time in the account's zone with the zone's
/// abbreviation ("Tue 1 Dec 2026, 09:00 CET"), and a hint relative to now ("in 2 days").
public struct LocalTimeLabel: Sendable, Equatable {
    /// The local wall time with the zone abbreviation.
    public var local: String
    /// The relative hint: "in 2 days", "3 hours ago", "now".
    public var relative: String

    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `date` in the zone named `zoneID` (UTC when the name is unknown), seen from `now`.
    public init(_ date: Date, zoneID: String, now: Date) {
        let zone = TimeZone(identifier: zoneID) ?? TimeZone(identifier: "UTC")!
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: date)
        let time = String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
        let weekday = Self.weekdays[((parts.weekday ?? 1) - 1) % 7]
        let month = Self.months[((parts.month ?? 1) - 1) % 12]
        local = "\(weekday) \(parts.day ?? 1) \(month) \(parts.year ?? 0), \(time) \(ZoneAbbreviation.of(zone, at: date))"
        relative = RelativeTime.describe(date, now: now)
    }
}
