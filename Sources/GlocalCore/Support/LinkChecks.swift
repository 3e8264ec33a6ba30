/// Checks on links written in campaigns and account settings.
public enum LinkChecks {
    /// Whether `text` is an absolute `http://` or `https://` URL with a host and no character a link cannot hold.
    /// Template variables such as `{locale}` are allowed anywhere after the host.
    public static func isAbsoluteHTTPURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") {
            rest = text.dropFirst(8)
        } else if lower.hasPrefix("http://") {
            rest = text.dropFirst(7)
        } else {
            return false
        }
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !host.isEmpty, host.contains("."), !host.hasPrefix("."), !host.hasSuffix(".") else { return false }
        return forbiddenScalar(in: text) == nil
    }

    /// The first character `text` holds that no link may hold unencoded, if any: any space, a control or an
    /// invisible formatting character (bidi controls, zero-width characters), and `"`, `<`, `>`, `\` and `` ` ``,
    /// which RFC 3986 leaves out of URLs and which end a link where a network's autolinker meets them.
    public static func forbiddenScalar(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first { scalar in
            switch scalar.properties.generalCategory {
            case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
            default:
                // Invisible fillers a link cannot hold either: default-ignorable code points (U+3164 HANGUL FILLER,
                // U+034F, variation selectors) and U+2800 BRAILLE PATTERN BLANK.
                return forbiddenASCII.contains(scalar) || scalar.properties.isWhitespace
                    || scalar.properties.isDefaultIgnorableCodePoint || scalar.value == 0x2800
            }
        }
    }

    /// How `forbiddenScalar` is named in a diagnostic: `'"'`, or `U+00A0 NO-BREAK SPACE` when it is not visible.
    public static func describe(_ scalar: Unicode.Scalar) -> String {
        forbiddenASCII.contains(scalar) ? "'\(scalar)'" : DiagnosticText.codePointName(scalar)
    }

    private static let forbiddenASCII: Set<Unicode.Scalar> = ["\"", "<", ">", "\\", "`"]
}
