import Foundation

/// Turns a wall-clock date and time in an IANA zone into a UTC instant, and back, handling
/// daylight-saving transitions explicitly instead of leaving them to `Calendar`'s defaults.
public struct LocalInstant: Sendable, Hashable {
    /// What had to be adjusted to land on a real instant.
    public enum Adjustment: Sendable, Hashable {
        /// The wall time exists once.
        case exact
        /// The wall time does not exist (spring forward); moved later by `minutes`.
        case skippedGap(minutes: Int)
        /// The wall time exists twice (fall back); the first occurrence was taken.
        case firstOfTwo
    }

    /// The instant in UTC.
    public let instant: Date
    /// The local date.
    public let date: LocalDate
    /// The local time, after any adjustment.
    public let time: LocalTime
    /// The zone's identifier.
    public let timeZone: String
    /// How the wall time mapped to the instant.
    public let adjustment: Adjustment

    /// The instant of `time` on `date` in `zone`.
    public init(date: LocalDate, time: LocalTime, zone: TimeZone) {
        let wallSeconds = Double(date.daysSinceEpoch * 86_400 + time.minutes * 60)
        // Candidates: the wall time read with the offsets in force a day before and a day after.
        let before = zone.secondsFromGMT(for: Date(timeIntervalSince1970: wallSeconds - 86_400))
        let after = zone.secondsFromGMT(for: Date(timeIntervalSince1970: wallSeconds + 86_400))
        let matches = Set([before, after]).compactMap { offset -> Double? in
            let candidate = wallSeconds - Double(offset)
            return zone.secondsFromGMT(for: Date(timeIntervalSince1970: candidate)) == offset ? candidate : nil
        }.sorted()
        if let first = matches.first {
            instant = Date(timeIntervalSince1970: first)
            self.time = time
            adjustment = matches.count > 1 ? .firstOfTwo : .exact
        } else {
            // In the gap: the same distance past the transition as the wall time was past it.
            let gap = (after - before) / 60
            instant = Date(timeIntervalSince1970: wallSeconds - Double(before))
            let shifted = LocalTime(hour: (time.minutes + gap) / 60 % 24, minute: (time.minutes + gap) % 60)!
            self.time = shifted
            adjustment = .skippedGap(minutes: gap)
        }
        self.date = date
        timeZone = zone.identifier
    }

    /// The instant of `time` on `date` when the zone's offset is known to be `offset` all day
    /// (no transition within a day of it): plain arithmetic, no time-zone look-up.
    init(date: LocalDate, time: LocalTime, zoneID: String, constantOffset offset: Int) {
        instant = Date(timeIntervalSince1970: Double(date.daysSinceEpoch * 86_400 + time.minutes * 60 - offset))
        self.date = date
        self.time = time
        timeZone = zoneID
        adjustment = .exact
    }

    /// The offset that holds for all of `date` and a day either side, or `nil` near a transition.
    static func constantOffset(on date: LocalDate, zone: TimeZone) -> Int? {
        let midnight = Double(date.daysSinceEpoch * 86_400)
        let before = zone.secondsFromGMT(for: Date(timeIntervalSince1970: midnight - 86_400))
        let after = zone.secondsFromGMT(for: Date(timeIntervalSince1970: midnight + 2 * 86_400))
        return before == after ? before : nil
    }

    /// The wall-clock date and time of `instant` in `zone`.
    public init(instant: Date, zone: TimeZone) {
        let local = Int(instant.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: instant)
        let days = Int((Double(local) / 86_400).rounded(.down))
        let minutes = (local - days * 86_400) / 60
        self.instant = instant
        date = LocalDate(daysSinceEpoch: days)
        time = LocalTime(hour: minutes / 60, minute: minutes % 60)!
        timeZone = zone.identifier
        adjustment = .exact
    }

    /// The UTC offset at this instant, like `+01:00`.
    public func offsetDescription(in zone: TimeZone) -> String {
        let seconds = zone.secondsFromGMT(for: instant)
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        return sign + String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }
}
