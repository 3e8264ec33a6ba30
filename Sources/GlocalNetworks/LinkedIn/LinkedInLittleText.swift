import GlocalCore

/// LinkedIn's "little text" format for `commentary`: reserved characters escaped, hashtags as templates.
public enum LinkedInLittleText {
    /// Characters that must be escaped, or LinkedIn silently truncates the post at them.
    static let reserved: Set<Unicode.Scalar> = ["\\", "|", "{", "}", "@", "[", "]", "(", ")", "<", ">", "#", "*", "_", "~"]

    /// `text` as commentary: each hashtag glocal counts (`EntityScanner`, `#tag` or `＃tag`) becomes the documented
    /// template with its own sign, `{hashtag|#|tag}` or `{hashtag|＃|tag}`; every other reserved character gets a `\`.
    public static func commentary(for text: String) -> String {
        let scalars = text.unicodeScalars
        var result = ""
        var position = scalars.startIndex
        for tag in EntityScanner.hashtags(in: text) {
            let sign = scalars.index(before: tag.startIndex)
            result += escape(scalars[position..<sign])
            result += "{hashtag|\(scalars[sign])|\(escape(tag.unicodeScalars[...]))}"
            position = tag.endIndex
        }
        return result + escape(scalars[position...])
    }

    /// Every reserved character preceded by a backslash.
    public static func escape(_ text: String) -> String { escape(text.unicodeScalars[...]) }

    /// Scalar by scalar, as LinkedIn reads the text: the `#` inside a keycap emoji (`#️⃣`) is escaped too.
    private static func escape(_ scalars: Substring.UnicodeScalarView) -> String {
        var escaped = String.UnicodeScalarView()
        for scalar in scalars {
            if reserved.contains(scalar) { escaped.append("\\") }
            escaped.append(scalar)
        }
        return String(escaped)
    }
}
