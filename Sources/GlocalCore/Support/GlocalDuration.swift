import Foundation

/// A length of time written like `36h`, `90m`, `2d`, `1w` or `1d12h`.
public struct GlocalDuration: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The length in seconds.
    public let seconds: Int

    /// The longest duration text may spell (about 100 years); every setting has a much smaller range.
    public static let maxSeconds = 100 * 366 * 86_400

    /// Creates a duration of `seconds`.
    public init(seconds: Int) { self.seconds = seconds }

    /// Parses one or more `<number><unit>` parts, units `w d h m s`; `nil` when malformed or zero-length text.
    public init?(text: String) {
        var total = 0
        var number: Int? = nil
        var sawPart = false
        for scalar in text.unicodeScalars {
            if let digit = scalar.properties.numericType != nil && scalar.isASCII ? Int(String(scalar)) : nil {
                number = (number ?? 0) * 10 + digit
                if number! > 1_000_000 { return nil }
                continue
            }
            guard let n = number else { return nil }
            let unit: Int
            switch scalar {
            case "w": unit = 604_800
            case "d": unit = 86_400
            case "h": unit = 3_600
            case "m": unit = 60
            case "s": unit = 1
            default: return nil
            }
            // Each part is at most 1 000 000 units; the sum is capped so that no number of parts can overflow.
            total += n * unit
            if total > Self.maxSeconds { return nil }
            number = nil
            sawPart = true
        }
        guard sawPart, number == nil else { return nil }
        seconds = total
    }

    /// The shortest text that parses back to this duration, e.g. `1d12h`.
    public var description: String {
        if seconds == 0 { return "0m" }
        var rest = seconds
        var text = ""
        for (unit, size) in [("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)] where rest >= size {
            text += "\(rest / size)\(unit)"
            rest %= size
        }
        return text
    }

    /// Orders by length.
    public static func < (lhs: GlocalDuration, rhs: GlocalDuration) -> Bool { lhs.seconds < rhs.seconds }
}

extension GlocalDuration {
    /// Comma-separated durations such as `1h,24h,7d` (spaces around a part allowed), in order; `nil` when
    /// the list is empty or any part is not a duration longer than zero.
    public static func list(_ text: String) -> [GlocalDuration]? {
        var result: [GlocalDuration] = []
        for part in text.split(separator: ",") {
            guard let duration = GlocalDuration(text: part.trimmingCharacters(in: .whitespaces)), duration.seconds > 0
            else { return nil }
            result.append(duration)
        }
        return result.isEmpty ? nil : result
    }
}
