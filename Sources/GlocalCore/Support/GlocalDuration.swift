/// A length of time written like `36h`, `90m`, `2d`, `1w` or `1d12h`.
public struct GlocalDuration: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The length in seconds.
    public let seconds: Int

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
            switch scalar {
            case "w": total += n * 604_800
            case "d": total += n * 86_400
            case "h": total += n * 3_600
            case "m": total += n * 60
            case "s": total += n
            default: return nil
            }
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
