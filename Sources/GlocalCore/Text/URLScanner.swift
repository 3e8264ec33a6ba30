/// Finds the links in a post's text, the way the networks' counters (twitter-text, Mastodon) do.
///
/// Both use twitter-text's rules (see ``TwitterTextURLFinder``): a link ends in a TLD of twitter-text's
/// list (or one of the names reserved for examples, `lumiere.example`), `t.co` slugs are at most 40
/// characters, trailing punctuation is not part of it, and a `)` only when it closes a `(`.
///
/// - When `requireScheme` is false (X), with or without `http(s)://`.
/// - When `requireScheme` is true (Mastodon, whose `StatusLengthValidator` runs twitter-text's extractor
///   with `extract_url_without_protocol: false`), only the links written with `http://` or `https://`.
///   A host with an unknown TLD (`https://foo.zzzz/…`) or an IP address is counted as the text it is,
///   as Mastodon counts it, rather than as a 23-character link.
public enum URLScanner {
    /// The ranges of the URLs in `text`, in order and without overlaps.
    ///
    /// - Parameter requireScheme: when true, only `http://`/`https://` URLs are found (Mastodon);
    ///   when false, bare domains with a known TLD are found too (X).
    /// - Parameter mastodon: Mastodon's own ending of a path (not with `=`), for its counter.
    public static func urlRanges(in text: String, requireScheme: Bool, mastodon: Bool = false) -> [Range<String.Index>] {
        var found: [Range<String.Index>] = []
        let utf8 = text.utf8
        forEachURL(in: text, requireScheme: requireScheme, mastodon: mastodon) { start, end in
            found.append(utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end))
        }
        return found
    }

    /// Calls `body` with the UTF-8 byte offsets `[start, end)` of every URL, in order.
    static func forEachURL(in text: String, requireScheme: Bool, mastodon: Bool = false, _ body: (Int, Int) -> Void) {
        guard text.utf8.contains(0x2E) else { return }
        // twitter-text's rules work on Unicode scalars; offsets go back to UTF-8.
        let scalars = text.unicodeScalars.map(\.value)
        let ranges = TwitterTextURLFinder.ranges(in: scalars, mastodon: mastodon)
        guard !ranges.isEmpty else { return }
        var offsets = [Int](repeating: 0, count: scalars.count + 1)
        for (i, value) in scalars.enumerated() {
            offsets[i + 1] = offsets[i] + (value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : 4)
        }
        for range in ranges where !requireScheme || hasScheme(scalars, at: range.lowerBound) {
            body(offsets[range.lowerBound], offsets[range.upperBound])
        }
    }

    /// Whether `http://` or `https://` (any case) starts at `start`.
    private static func hasScheme(_ scalars: [UInt32], at start: Int) -> Bool {
        func matches(_ scheme: String) -> Bool {
            let expected = Array(scheme.unicodeScalars.map(\.value))
            guard start + expected.count <= scalars.count else { return false }
            for (offset, value) in expected.enumerated() {
                let actual = scalars[start + offset]
                // ASCII letters compare without case; `:` and `/` exactly.
                let folded = (0x41...0x5A).contains(actual) ? actual | 0x20 : actual
                guard folded == value else { return false }
            }
            return true
        }
        return matches("http://") || matches("https://")
    }
}
