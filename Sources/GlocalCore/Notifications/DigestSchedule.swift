import Foundation

/// When the daily digest is due: at a local hour and minute, once per local calendar day.
///
/// Pure: the caller gives the instant and the person's time zone; the day it returns is the key
/// under which the sent digest is recorded, so a restart on the same day sends nothing again.
public struct DigestSchedule: Sendable, Equatable {
    /// The local hour (0–23) from which the day's digest is due.
    public let hour: Int
    /// The minute (0–59) of that hour.
    public let minute: Int

    /// The default: 08:00 local time.
    public static let standard = DigestSchedule(hour: 8, minute: 0)!

    /// A schedule at `hour`:`minute`; `nil` when either is out of range.
    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// Parses `HH:MM` (24-hour clock), as `--digest-at` takes it.
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isASCII) }),
            let hour = Int(parts[0]), let minute = Int(parts[1])
        else { return nil }
        self.init(hour: hour, minute: minute)
    }

    /// The local day (`yyyy-MM-dd`) whose digest is due at `now` in `zone`, or `nil` before the
    /// day's hour. A process that was down at the hour sends the day's digest when it comes back.
    public func dueDay(at now: Date, in zone: TimeZone) -> String? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: now)
        guard let year = parts.year, let month = parts.month, let day = parts.day, let h = parts.hour, let m = parts.minute,
            h * 60 + m >= hour * 60 + minute
        else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// `HH:MM`.
    public var text: String { String(format: "%02d:%02d", hour, minute) }
}
