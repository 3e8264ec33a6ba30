/// A URL's password, masked for messages and logs, whether or not the URL parses: `smtp://glocal:***@host:25`.
public enum URLPasswordMask {
    /// `text` with whatever stands between the user's `:` and the last `@` after `://` replaced by `***`; `text`
    /// itself when it names no password. The last `@`, because a password may hold `@` or `/` itself.
    public static func masked(_ text: String) -> String {
        guard let scheme = text.range(of: "://"),
            let at = text.range(of: "@", options: .backwards, range: scheme.upperBound..<text.endIndex)
        else { return text }
        let userInfo = text[scheme.upperBound..<at.lowerBound]
        guard let colon = userInfo.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":***" + String(text[at.lowerBound...])
    }
}
