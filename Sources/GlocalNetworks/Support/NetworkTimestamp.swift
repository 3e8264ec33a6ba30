import Foundation

/// Reads the creation time a network gives with a post: ISO 8601 with or without fractional seconds, the offset as
/// `Z`, `+00:00` or `+0000` (X's and Mastodon's `created_at`, Meta's `timestamp`).
enum NetworkTimestamp {
    /// The instant `text` names, or `nil` when it is absent or not such a time.
    static func date(from text: String?) -> Date? {
        guard let text, !text.isEmpty else { return nil }
        // Made per call (a look-up is rare): the formatter is not Sendable.
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return ISO8601DateFormatter().date(from: text) ?? fractional.date(from: text)
    }
}
