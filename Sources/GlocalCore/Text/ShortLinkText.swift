/// A link as Bluesky's own apps show it in a post's text (`toShortUrl` in bluesky-social/social-app): without its
/// scheme, the host, then the path, query and fragment when they are at most 15 characters together, else their first
/// 13 followed by `...`. A lone `/` path is left out.
///
/// `https://lumiere.example/` → `lumiere.example`; `https://lumiere.example/fr?utm_source=bsky` →
/// `lumiere.example/fr?utm_sour...`. Characters are graphemes, so no emoji or accent is cut in two. Anything but an
/// `http(s)://` link with a host is returned as it is.
public enum ShortLinkText {
    /// The most path, query and fragment characters shown whole.
    static let wholePathLimit = 15
    /// How many of them are kept before `...` when there are more.
    static let keptPathCharacters = 13

    /// `link` shortened for display.
    public static func of(_ link: String) -> String {
        guard let rest = afterScheme(link) else { return link }
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        var host = rest[..<authorityEnd]
        if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }  // no user information
        guard !host.isEmpty else { return link }
        var path = rest[authorityEnd...]
        if path.first == "/" {
            let afterSlash = path.dropFirst()
            if afterSlash.isEmpty || afterSlash.first == "?" || afterSlash.first == "#" { path = afterSlash }
        }
        if path.count > wholePathLimit { return String(host + path.prefix(keptPathCharacters)) + "..." }
        return String(host + path)
    }

    /// What follows `http://` or `https://` (any case), or nil.
    private static func afterScheme(_ link: String) -> Substring? {
        for scheme in ["http://", "https://"] {
            let head = link.utf8.prefix(scheme.utf8.count)
            guard head.count == scheme.utf8.count,
                zip(head, scheme.utf8).allSatisfy({ $0 == $1 || ($0 | 0x20 == $1 && (0x61...0x7A).contains($1)) })
            else { continue }
            return link[link.utf8.index(link.utf8.startIndex, offsetBy: scheme.utf8.count)...]
        }
        return nil
    }
}
