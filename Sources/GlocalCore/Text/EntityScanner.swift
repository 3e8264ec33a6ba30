/// Finds hashtags and @mentions in a post's text (to count them against network limits).
///
/// Neither is looked for inside URLs (`https://example.com/#top`, `…/@user`).
public enum EntityScanner {
    /// The hashtags in `text`, in order, without the leading `#`.
    ///
    /// A hashtag is `#` (or the full-width `＃`) at the start of the text or after a character
    /// that is not a letter, digit, `_`, `&` or `#`, followed by letters, marks, digits and `_`,
    /// with at least one letter or mark: `#Swift2` and `#日本` are tags, `#2024` is not.
    public static func hashtags(in text: String) -> [Substring] {
        let scalars = text.unicodeScalars
        var found: [Range<String.Index>] = []
        var previous: Unicode.Scalar?
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let scalar = scalars[i]
            if scalar == "#" || scalar == "\u{FF03}", !blocksHashtag(previous) {
                let start = scalars.index(after: i)
                var j = start
                var end = start
                var hasLetter = false
                while j < scalars.endIndex, isHashtagCharacter(scalars[j]) {
                    let value = scalars[j]
                    if value != "_" && !isDigit(value) { hasLetter = true }
                    j = scalars.index(after: j)
                    if value.value != 0x200C && value.value != 0x200D { end = j }
                }
                if hasLetter && end > start {
                    found.append(start..<end)
                    previous = scalars[scalars.index(before: j)]
                    i = j
                    continue
                }
            }
            previous = scalar
            i = scalars.index(after: i)
        }
        return outsideURLs(found, in: text).map { text[$0] }
    }

    /// The @mentions in `text`, in order, without the leading `@`: `alice`, `alice.bsky.social`,
    /// or `alice@mastodon.social` for a remote (fediverse) mention.
    ///
    /// An `@` right after a letter, digit or `_` is part of an e-mail address, not a mention.
    public static func mentions(in text: String) -> [Substring] {
        let urls = URLScanner.urlRanges(in: text, requireScheme: false)
        return mentionMatches(in: text, excluding: urls).map {
            text[text.unicodeScalars.index(after: $0.range.lowerBound)..<$0.range.upperBound]
        }
    }

    /// One @mention: its whole range (with the `@`), and where its local `@user` part ends.
    struct MentionMatch: Equatable {
        /// `@user` or `@user@domain`.
        var range: Range<String.Index>
        /// The end of `@user`.
        var localEnd: String.Index
        /// Whether the mention names another server (`@user@domain`).
        var isRemote: Bool { localEnd < range.upperBound }
    }

    /// The mentions of `text` that do not overlap any of `urls` (sorted ranges).
    static func mentionMatches(in text: String, excluding urls: [Range<String.Index>]) -> [MentionMatch] {
        let scalars = text.unicodeScalars
        var found: [MentionMatch] = []
        var previous: Unicode.Scalar?
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let scalar = scalars[i]
            if scalar == "@", !blocksMention(previous) {
                let localEnd = wordRunEnd(scalars, from: scalars.index(after: i), allowNonASCII: false)
                if localEnd > scalars.index(after: i) {
                    var end = localEnd
                    if localEnd < scalars.endIndex, scalars[localEnd] == "@" {
                        let domainStart = scalars.index(after: localEnd)
                        let domainEnd = wordRunEnd(scalars, from: domainStart, allowNonASCII: true)
                        if domainEnd > domainStart { end = domainEnd }
                    }
                    found.append(MentionMatch(range: i..<end, localEnd: localEnd))
                    previous = scalars[scalars.index(before: end)]
                    i = end
                    continue
                }
            }
            previous = scalar
            i = scalars.index(after: i)
        }
        if urls.isEmpty { return found }
        let kept = Set(outsideURLs(found.map(\.range), urls: urls).map(\.lowerBound))
        return found.filter { kept.contains($0.range.lowerBound) }
    }

    // MARK: - Helpers

    /// The end of a run of `[A-Za-z0-9_.-]` starting with a word character and ending on one.
    private static func wordRunEnd(
        _ scalars: String.UnicodeScalarView, from start: String.Index, allowNonASCII: Bool
    ) -> String.Index {
        var j = start
        var end = start
        while j < scalars.endIndex {
            let scalar = scalars[j]
            let isWord = isASCIIWord(scalar) || (allowNonASCII && scalar.value >= 0x80 && scalar.properties.isAlphabetic)
            if isWord {
                j = scalars.index(after: j)
                end = j
            } else if (scalar == "." || scalar == "-") && j > start {
                j = scalars.index(after: j)
            } else {
                break
            }
        }
        return end
    }

    private static func outsideURLs(_ ranges: [Range<String.Index>], in text: String) -> [Range<String.Index>] {
        if ranges.isEmpty { return [] }
        return outsideURLs(ranges, urls: URLScanner.urlRanges(in: text, requireScheme: false))
    }

    /// The ranges (sorted) that overlap none of the sorted `urls`.
    private static func outsideURLs(_ ranges: [Range<String.Index>], urls: [Range<String.Index>]) -> [Range<String.Index>] {
        if urls.isEmpty { return ranges }
        var u = 0
        return ranges.filter { range in
            while u < urls.count, urls[u].upperBound <= range.lowerBound { u += 1 }
            return !(u < urls.count && urls[u].lowerBound < range.upperBound)
        }
    }

    @inline(__always) private static func isASCIIWord(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F: return true
        default: return false
        }
    }

    @inline(__always) private static func isDigit(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? (0x30...0x39).contains(s.value) : s.properties.numericType == .decimal
    }

    /// Letters, marks, digits, `_`, and the joiners/middle dots twitter-text allows in hashtags.
    private static func isHashtagCharacter(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return isASCIIWord(s) }
        switch s.value {
        case 0xFE00...0xFE0F, 0x20E3:  // variation selectors, keycap: emoji, not words (#️⃣)
            return false
        case 0x200C, 0x200D, 0xA67E, 0x05BE, 0x05F3, 0x05F4, 0xFF5E, 0x301C, 0x309B, 0x309C, 0x30A0,
            0x30FB, 0x3003, 0x0F0B, 0x0F0C, 0x00B7:
            return true
        default:
            break
        }
        let properties = s.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber: return true
        default: return false
        }
    }

    private static func blocksHashtag(_ previous: Unicode.Scalar?) -> Bool {
        guard let previous else { return false }
        if previous == "&" || previous == "#" || previous == "\u{FF03}" { return true }
        return previous.value != 0x200D && previous.value != 0x200C && isHashtagCharacter(previous)
    }

    private static func blocksMention(_ previous: Unicode.Scalar?) -> Bool {
        guard let previous else { return false }
        switch previous {
        case "!", "#", "$", "%", "&", "*", "@", "/", "\u{FF20}": return true
        default: break
        }
        if previous.value < 0x80 { return isASCIIWord(previous) }
        return previous.properties.isAlphabetic
    }
}
