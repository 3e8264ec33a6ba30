import Foundation

/// The wall-clock minutes a zone skips on one local date when its clocks go forward (from the time-zone
/// database, through Foundation's `TimeZone`): on 2027-03-14 in America/New_York, 02:00 to 03:00. A
/// window, or part of one, inside it does not exist that day.
public struct SpringForwardGap: Sendable, Hashable, CustomStringConvertible {
    /// The local date the clocks go forward.
    public let date: LocalDate
    /// The first wall minute of the day that does not exist, as minutes of the day.
    public let start: Int
    /// The wall time the clocks jump to, as minutes of the day (past 1 440 when the jump crosses midnight).
    public let end: Int

    /// The gap of `date` in `zone`, or `nil` when its clocks do not go forward that day.
    public init?(on date: LocalDate, in zone: TimeZone) {
        let midnight = Double(date.daysSinceEpoch * 86_400)
        // Every transition near the date, UTC offsets reaching ±14 h: one that starts on the local date is its gap.
        var cursor = Date(timeIntervalSince1970: midnight - 2 * 86_400)
        let limit = Date(timeIntervalSince1970: midnight + 2 * 86_400)
        while let transition = zone.nextDaylightSavingTimeTransition(after: cursor), transition < limit {
            let before = zone.secondsFromGMT(for: transition.addingTimeInterval(-1))
            let after = zone.secondsFromGMT(for: transition)
            let wall = Int(transition.timeIntervalSince1970.rounded()) + before
            let day = Int((Double(wall) / 86_400).rounded(.down))
            if after > before, day == date.daysSinceEpoch {
                self.date = date
                start = (wall - day * 86_400) / 60
                end = start + (after - before) / 60
                return
            }
            cursor = transition
        }
        return nil
    }

    /// Whether the wall minute `minute` (minutes of the day) does not exist that day.
    public func contains(minute: Int) -> Bool { minute >= start && minute < end }

    /// Whether every minute of `[from, to)` (minutes of the day) falls in the gap.
    public func covers(from: Int, to: Int) -> Bool { from >= start && to <= end }

    /// `the clocks go forward from 02:00 to 03:00`.
    public var description: String {
        "the clocks go forward from \(Self.clock(start)) to \(Self.clock(end))"
    }

    private static func clock(_ minutes: Int) -> String {
        String(format: "%02d:%02d", minutes / 60 % 24, minutes % 60)
    }
}
