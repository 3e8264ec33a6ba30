/// Checks on links written in campaigns and account settings.
public enum LinkChecks {
    /// Whether `text` is an absolute `http://` or `https://` URL with a host and no spaces.
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
        return !text.contains(where: { $0 == " " || $0 == "\t" || $0 == "\n" })
    }
}
