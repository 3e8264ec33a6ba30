import Foundation
import GlocalCore

/// How the store writes instants: UTC ISO 8601 with milliseconds and a `Z`, e.g.
/// `2026-12-01T08:00:00.000Z` (``UTCTimestamp``). Text sorts in time order and reads well in `sqlite3`.
enum StoreTimestamp {
    /// Formats `date`, rounded to the millisecond.
    static func string(from date: Date) -> String { UTCTimestamp.string(from: date) }

    /// Parses a timestamp written by `string(from:)` (or one without milliseconds); `nil` if malformed.
    static func date(from text: String) -> Date? { UTCTimestamp.date(from: text) }
}
