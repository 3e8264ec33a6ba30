import Foundation

/// UTC instants as ISO 8601 text with milliseconds and a `Z`, e.g. `2026-12-01T08:00:00.000Z`,
/// written and read by hand: the dispatcher does so several times per post, and Foundation's
/// formatters cost far more than the arithmetic.
public enum UTCTimestamp {
    /// Formats `date`, rounded to the millisecond.
    public static func string(from date: Date) -> String {
        // Integer milliseconds, so a whole-second date never picks up a floating-point `.999`.
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let (seconds, fraction) = milliseconds.quotientAndRemainder(dividingBy: 1000)
        let adjusted = fraction < 0 ? (seconds - 1, fraction + 1000) : (seconds, fraction)
        let days = Int((Double(adjusted.0) / 86_400).rounded(.down))
        let second = Int(adjusted.0) - days * 86_400
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let digits = String(adjusted.1)
        return "\(LocalDate(daysSinceEpoch: days))T\(two(second / 3600)):\(two(second / 60 % 60)):\(two(second % 60))."
            + String(repeating: "0", count: 3 - digits.count) + digits + "Z"
    }

    /// Parses `YYYY-MM-DDTHH:MM:SSZ` or `YYYY-MM-DDTHH:MM:SS.mmmZ` (a real date, hours 0–23,
    /// minutes and seconds 0–59); `nil` for anything else.
    public static func date(from text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 20 || bytes.count == 24, bytes.last == UInt8(ascii: "Z") else { return nil }
        func number(_ from: Int, _ count: Int) -> Int? {
            var value = 0
            for byte in bytes[from..<(from + count)] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        func at(_ index: Int, _ character: Character) -> Bool { bytes[index] == character.asciiValue }
        guard at(4, "-"), at(7, "-"), at(10, "T"), at(13, ":"), at(16, ":"),
            let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
            let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
            hour < 24, minute < 60, second < 60,
            let date = LocalDate(year: year, month: month, day: day)
        else { return nil }
        var milliseconds = 0
        if bytes.count == 24 {
            guard at(19, "."), let fraction = number(20, 3) else { return nil }
            milliseconds = fraction
        }
        let whole = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return Date(timeIntervalSince1970: TimeInterval(whole * 1000 + Int64(milliseconds)) / 1000)
    }
}
