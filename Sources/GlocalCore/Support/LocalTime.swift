/// A wall-clock time of day (`09:30`), interpreted in an account's time zone.
public struct LocalTime: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Minutes since midnight, 0–1439.
    public let minutes: Int

    /// Creates a time from hours (0–23) and minutes (0–59).
    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        minutes = hour * 60 + minute
    }

    /// Parses `HH:MM` (24-hour clock, two digits each: `09:30`, not `9:30`).
    public init?(text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let h = Int(parts[0]), let m = Int(parts[1])
        else { return nil }
        self.init(hour: h, minute: m)
    }

    /// The hour, 0–23.
    public var hour: Int { minutes / 60 }
    /// The minute, 0–59.
    public var minute: Int { minutes % 60 }

    /// `HH:MM`.
    public var description: String {
        let digits: [UInt8] = [
            UInt8(48 + hour / 10), UInt8(48 + hour % 10), 58, UInt8(48 + minute / 10), UInt8(48 + minute % 10),
        ]
        return String(decoding: digits, as: UTF8.self)
    }

    /// Orders by time of day.
    public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool { lhs.minutes < rhs.minutes }
}
