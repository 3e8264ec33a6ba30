/// Keeps text from workspace files harmless and short when a diagnostic quotes it: long values are cut,
/// and characters that would act on a terminal (ESC, CR, BEL, other C0/C1 controls, line and paragraph
/// separators, bidirectional overrides) are written as escapes.
public enum DiagnosticText {
    /// How many scalars of a value a message quotes before cutting it.
    public static let quotedValueLimit = 80
    /// How many scalars a whole message or note keeps; longer ones are cut in the middle.
    public static let messageLimit = 1_000

    /// `value`, cut to `limit` scalars with `…` when longer.
    public static func cut(_ value: String, limit: Int = quotedValueLimit) -> String {
        var scalars = value.unicodeScalars.makeIterator()
        var kept = String.UnicodeScalarView()
        while kept.count < limit, let scalar = scalars.next() { kept.append(scalar) }
        guard scalars.next() != nil else { return value }
        return String(kept) + "…"
    }

    /// `text` with its middle replaced by `…` when it is longer than `limit` scalars, so both the start
    /// (what is wrong) and the end (notes often end with the fix) survive.
    public static func shortened(_ text: String, limit: Int = messageLimit) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > limit else { return text }
        let half = limit / 2
        var result = String.UnicodeScalarView(scalars.prefix(half))
        result.append("…")
        result.append(contentsOf: scalars.suffix(half))
        return String(result)
    }

    /// Whether a scalar must not reach a terminal raw: C0 and C1 controls, DEL, U+2028/U+2029 and the
    /// bidirectional formatting characters (marks, embeddings, overrides, isolates).
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
            return true
        default:
            return false
        }
    }

    /// `text` with every unsafe scalar written as `\u{1B}`, for messages and notes in text output;
    /// scalars in `kept` (CR and LF for GitHub, which percent-encodes them) stay as they are.
    public static func escaped(_ text: String, keeping kept: Set<Unicode.Scalar> = []) -> String {
        guard text.unicodeScalars.contains(where: { isUnsafe($0) && !kept.contains($0) }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar), !kept.contains(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A visible stand-in of one terminal column for an unsafe scalar in a source excerpt: the Control
    /// Pictures symbol for C0 controls and DEL (`␛` for ESC, `␍` for CR), `�` for the others.
    public static func placeholder(for scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x00...0x1F: return Unicode.Scalar(0x2400 + scalar.value)!
        case 0x7F: return "\u{2421}"
        default: return "\u{FFFD}"
        }
    }

    /// Characters that look like a space but are not one for YAML (no-break, en/em, thin, ideographic,
    /// zero-width spaces, word joiner, byte-order mark).
    public static func isSpaceLookalike(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00A0, 0x1680, 0x180E, 0x2000...0x200B, 0x202F, 0x205F, 0x2060, 0x3000, 0xFEFF: return true
        default: return false
        }
    }

    /// `U+00A0 NO-BREAK SPACE`: the code point and its Unicode name (or name alias).
    public static func codePointName(_ scalar: Unicode.Scalar) -> String {
        var hex = String(scalar.value, radix: 16, uppercase: true)
        if hex.count < 4 { hex = String(repeating: "0", count: 4 - hex.count) + hex }
        let name = scalar.properties.name ?? scalar.properties.nameAlias ?? controlNames[scalar.value]
        return name.map { "U+\(hex) \($0)" } ?? "U+\(hex)"
    }

    /// Names of the controls most often pasted by accident (Unicode's name aliases; not every platform has them).
    private static let controlNames: [UInt32: String] = [
        0x00: "NULL", 0x07: "BELL", 0x08: "BACKSPACE", 0x09: "CHARACTER TABULATION", 0x0A: "LINE FEED",
        0x0B: "LINE TABULATION", 0x0C: "FORM FEED", 0x0D: "CARRIAGE RETURN", 0x1B: "ESCAPE", 0x7F: "DELETE",
        0x85: "NEXT LINE",
    ]
}
