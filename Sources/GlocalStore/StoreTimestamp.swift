import Foundation
import GlocalCore

/// How the store writes instants: UTC ISO 8601 with milliseconds and a `Z`, e.g.
/// `2026-12-01T08:00:00.000Z`. Text sorts in time order and reads well in `sqlite3`.
enum StoreTimestamp {
    private static let wholeSeconds = Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!)

    /// Formats `date`, rounded to the millisecond.
    static func string(from date: Date) -> String {
        // Integer milliseconds, so a whole-second date never picks up a floating-point `.999`.
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let (seconds, fraction) = milliseconds.quotientAndRemainder(dividingBy: 1000)
        let adjusted = fraction < 0 ? (seconds - 1, fraction + 1000) : (seconds, fraction)
        // Civil-date arithmetic rather than a formatter: this runs several times per stored variant.
        let days = Int((Double(adjusted.0) / 86_400).rounded(.down))
        let second = Int(adjusted.0) - days * 86_400
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let digits = String(adjusted.1)
        return "\(LocalDate(daysSinceEpoch: days))T\(two(second / 3600)):\(two(second / 60 % 60)):\(two(second % 60))."
            + String(repeating: "0", count: 3 - digits.count) + digits + "Z"
    }

    /// Parses a timestamp written by `string(from:)` (or one without milliseconds); `nil` if malformed.
    static func date(from text: String) -> Date? {
        guard text.hasSuffix("Z") else { return nil }
        let body = text.dropLast()
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let base = try? wholeSeconds.parse(parts[0] + "Z") else { return nil }
        guard parts.count == 2 else { return base }
        guard parts[1].count == 3, parts[1].allSatisfy({ ("0"..."9").contains($0) }), let milliseconds = Int(parts[1]) else {
            return nil
        }
        let whole = Int64(base.timeIntervalSince1970.rounded())
        return Date(timeIntervalSince1970: TimeInterval(whole * 1000 + Int64(milliseconds)) / 1000)
    }
}
