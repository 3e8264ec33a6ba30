import Foundation

/// An instant given on the command line (`--now`, `--until`): a full ISO 8601 date-time with its zone,
/// `2026-11-21T09:00:00Z` or `2026-11-21T10:00:00+01:00`, fractional seconds allowed. A bare date is refused
/// rather than read as midnight UTC, which is no account's midnight; so is a time without a zone.
public struct InstantArgument: Sendable, Hashable {
    /// Why a text is not an instant, in words that name the option and give an example.
    public struct Refusal: Error, Sendable, Hashable, CustomStringConvertible {
        /// The message, e.g. `--now '2026-11-21' is a date without a time…`.
        public let description: String
    }

    /// The instant.
    public let date: Date

    /// Parses `text`, the value of `option` (`--now`); throws a ``Refusal`` saying what is missing.
    public init(_ text: String, option: String) throws(Refusal) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        for options in [ISO8601DateFormatter.Options.withInternetDateTime, [.withInternetDateTime, .withFractionalSeconds]] {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = options
            if let date = formatter.date(from: trimmed) {
                self.date = date
                return
            }
        }
        let example = "e.g. 2026-11-21T09:00:00Z (UTC) or 2026-11-21T10:00:00+01:00"
        if Self.shaped(trimmed, like: "0000-00-00") {
            throw Refusal(
                description: "\(option) '\(text)' is a date without a time: give the instant in full, with its zone, "
                    + "e.g. \(trimmed)T09:00:00Z (a date alone is no instant: midnight differs from zone to zone)")
        }
        if Self.shaped(String(trimmed.prefix(16)), like: "0000-00-00T00:00"),
            !trimmed.dropFirst(16).contains(where: { $0 == "Z" || $0 == "z" || $0 == "+" || $0 == "-" })
        {
            throw Refusal(
                description: "\(option) '\(text)' has no zone: add Z for UTC or an offset such as +01:00, \(example)")
        }
        throw Refusal(description: "\(option) '\(text)' is not an ISO 8601 date-time with its zone, \(example)")
    }

    /// Whether `text` has the shape of `pattern`, where `0` stands for any digit and every other character for itself.
    private static func shaped(_ text: String, like pattern: String) -> Bool {
        text.count == pattern.count
            && zip(text, pattern).allSatisfy { character, shape in
                shape == "0" ? character.isASCII && character.isNumber : character == shape
            }
    }
}
