/// A wall-clock date and time at the location (Google's `Date` and `TimeOfDay` in an event's schedule).
public struct GoogleBusinessDateTime: Sendable, Equatable, Comparable, CustomStringConvertible {
    /// The day.
    public var date: LocalDate
    /// The time of day; `nil` for a whole day.
    public var time: LocalTime?

    /// Creates a date and time.
    public init(date: LocalDate, time: LocalTime? = nil) {
        self.date = date
        self.time = time
    }

    /// `2026-12-12` or `2026-12-12T10:00` (a space may stand for the `T`); `nil` otherwise.
    public init?(text: String) {
        let parts = text.split(whereSeparator: { $0 == "T" || $0 == " " }).map(String.init)
        guard (1...2).contains(parts.count), let date = LocalDate(iso: parts[0]) else { return nil }
        var time: LocalTime? = nil
        if parts.count == 2 {
            guard let parsed = LocalTime(text: parts[1]) else { return nil }
            time = parsed
        }
        self.init(date: date, time: time)
    }

    /// Ordered by day, then time (a whole day first).
    public static func < (lhs: GoogleBusinessDateTime, rhs: GoogleBusinessDateTime) -> Bool {
        if lhs.date != rhs.date { return lhs.date.daysSinceEpoch < rhs.date.daysSinceEpoch }
        return (lhs.time?.minutes ?? -1) < (rhs.time?.minutes ?? -1)
    }

    /// `2026-12-12T10:00`, or the date alone.
    public var description: String { time.map { "\(date)T\($0)" } ?? "\(date)" }
}
