/// Finds hashtags and @mentions in a post's text (to count them against network limits).
///
/// Neither is looked for inside URLs (`https://example.com/#top`, `…/@user`).
public enum EntityScanner {
    /// The hashtags in `text`, in order, without the leading `#`.
    ///
    /// A hashtag is `#` (or the full-width `＃`) at the start of the text or after a character
    /// that is not a letter, digit, `_`, `&` or `#`, followed by letters, marks, digits and `_`,
    /// with at least one letter or mark: `#Swift2` and `#日本` are tags, `#2024` is not. As in twitter-text
    /// (`extract.yml`: "DO NOT extract hashtag when # is followed by URL"), one followed right away by
    /// `://`, `#` or `＃` is none: `#http://example.com` is text, and so is `#foo#bar`.
    public static func hashtags(in text: String) -> [Substring] {
        let scalars = text.unicodeScalars
        var found: [Range<String.Index>] = []
        var resume = scalars.startIndex
        for i in candidates(in: text, ascii: 0x23, fullWidth: 0x83) where i >= resume {
            if i > scalars.startIndex, blocksHashtag(scalars[scalars.index(before: i)]) { continue }
            let start = scalars.index(after: i)
            var j = start
            var end = start
            var hasLetter = false
            while j < scalars.endIndex, isHashtagCharacter(scalars[j]) {
                let scalar = scalars[j]
                if isLetterOrMark(scalar) { hasLetter = true }
                j = scalars.index(after: j)
                if scalar.value != 0x200C && scalar.value != 0x200D { end = j }
            }
            if hasLetter && end > start && !endsHashtagMatch(scalars, at: j) {
                found.append(start..<end)
                resume = j
            }
        }
        return outsideURLs(found, in: text).map { text[$0] }
    }

    /// twitter-text's `end_hashtag_match`: what, right after a hashtag's characters, makes it no hashtag at all
    /// (`://` of a URL, another `#` or `＃`).
    private static func endsHashtagMatch(_ scalars: String.UnicodeScalarView, at index: String.Index) -> Bool {
        guard index < scalars.endIndex else { return false }
        let next = scalars[index]
        return next == "#" || next == "\u{FF03}" || startsSchemeSeparator(scalars, at: index)
    }

    /// Whether `://` starts at `index`.
    private static func startsSchemeSeparator(_ scalars: String.UnicodeScalarView, at index: String.Index) -> Bool {
        var cursor = index
        for expected: Unicode.Scalar in [":", "/", "/"] {
            guard cursor < scalars.endIndex, scalars[cursor] == expected else { return false }
            cursor = scalars.index(after: cursor)
        }
        return true
    }

    /// Whether `tag` (written without `#`) is one whole hashtag by the definition of ``hashtags(in:)``: letters,
    /// marks, digits and `_` (and the joiners twitter-text allows inside), with at least one letter or mark.
    /// `_`, `_1` and `2024` are not hashtags; `Swift2` and `日本` are. `hashtags:` lists are checked with it, so
    /// that every listed tag is published, and counted, as a hashtag.
    public static func isHashtag(_ tag: String) -> Bool { hashtagProblem(tag) == nil }

    /// Why `tag` (written without `#`) is not one whole hashtag by ``isHashtag(_:)``'s definition, or `nil` when it is.
    public static func hashtagProblem(_ tag: String) -> HashtagProblem? {
        var hasLetter = false
        for scalar in tag.unicodeScalars {
            guard isHashtagCharacter(scalar) else { return .character(scalar) }
            if isLetterOrMark(scalar) { hasLetter = true }
        }
        guard let last = tag.unicodeScalars.last else { return .empty }
        // A joiner at the end is not part of the tag (`hashtags(in:)` stops before it).
        if last.value == 0x200C || last.value == 0x200D { return .trailingJoiner(last) }
        return hasLetter ? nil : .noLetter
    }

    /// The indices of `ascii` (`#`, `@`) and of its full-width form (bytes EF BC `fullWidth`).
    private static func candidates(in text: String, ascii: UInt8, fullWidth: UInt8?) -> [String.Index] {
        var offsets: [Int] = []
        let fullWidth = fullWidth ?? 0  // a NUL byte never follows EF BC in UTF-8
        UTF8Buffer.withBytes(of: text) { buf in
            for i in 0..<buf.count {
                if buf[i] == ascii || (buf[i] == fullWidth && i >= 2 && buf[i - 1] == 0xBC && buf[i - 2] == 0xEF) {
                    offsets.append(buf[i] == ascii ? i : i - 2)
                }
            }
        }
        let utf8 = text.utf8
        return offsets.map { utf8.index(utf8.startIndex, offsetBy: $0) }
    }

    /// The @mentions in `text`, in order, without the leading `@`, as `syntax` finds them: `alice`,
    /// `alice.bsky.social`, or on Mastodon `alice@mastodon.social` for a remote (fediverse) mention.
    ///
    /// - ``MentionSyntax/twitterText`` (Instagram's `mention.count`, the preview of every other network): an `@`
    ///   (or `＠`) at the start or after any character but an ASCII letter or digit, `_`, `!`, `#`, `$`, `%`, `&`, `*`,
    ///   `@` or `＠`, also right after `RT` or `RT:` (any case) (`の@username`, `RT@username`); `@user@domain` is no
    ///   mention at all ("too close to an email").
    /// - ``MentionSyntax/mastodon`` (Mastodon's `Account::MENTION_RE`): not after `=`, `/` or a word character of any
    ///   script; `@user@domain` is one remote mention.
    ///
    /// On both, as twitter-text's `end_mention_match` (which Mastodon's extractor applies too), a mention followed
    /// right away by `@`, an accented Latin letter or `://` is none (`@aliceìnheiro`, `@http://…`), and none is
    /// looked for inside a URL. Unlike twitter-text's, a user name may hold `.` and `-` between its letters
    /// (`alice.bsky.social`, Instagram's `lumiere.france`) and is not cut at 20 characters: the count is the same.
    public static func mentions(in text: String, syntax: MentionSyntax = .twitterText) -> [Substring] {
        let all = mentionMatches(in: text, excluding: [], syntax: syntax)
        if all.isEmpty { return [] }
        let kept = outsideURLs(all.map(\.range), in: text)
        return kept.map {
            text[text.unicodeScalars.index(after: $0.lowerBound)..<$0.upperBound]
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

    /// The mentions of `text` that do not overlap any of `urls` (sorted ranges), by `syntax`'s rules.
    static func mentionMatches(
        in text: String, excluding urls: [Range<String.Index>], syntax: MentionSyntax
    ) -> [MentionMatch] {
        let scalars = text.unicodeScalars
        var found: [MentionMatch] = []
        var resume = scalars.startIndex
        let fullWidth: UInt8? = syntax == .twitterText ? 0xA0 : nil  // ＠ (EF BC A0)
        for i in candidates(in: text, ascii: 0x40, fullWidth: fullWidth) where i >= resume {
            if i > scalars.startIndex, blocksMention(before: i, in: scalars, syntax: syntax) { continue }
            let localStart = scalars.index(after: i)
            let localEnd = wordRunEnd(scalars, from: localStart, allowNonASCII: false)
            guard localEnd > localStart else { continue }
            var end = localEnd
            if syntax == .mastodon, localEnd < scalars.endIndex, scalars[localEnd] == "@" {
                let domainStart = scalars.index(after: localEnd)
                let domainEnd = wordRunEnd(scalars, from: domainStart, allowNonASCII: true)
                if domainEnd > domainStart { end = domainEnd }
            }
            // Like a regular expression's scan, the next match starts after this one, kept or not.
            resume = end
            if endsMentionMatch(scalars, at: end) { continue }
            found.append(MentionMatch(range: i..<end, localEnd: localEnd))
        }
        return outsideURLs(found, urls: urls, range: \.range)
    }

    /// twitter-text's `end_mention_match`: `@`, `＠`, an accented Latin letter or `://` right after a mention.
    private static func endsMentionMatch(_ scalars: String.UnicodeScalarView, at index: String.Index) -> Bool {
        guard index < scalars.endIndex else { return false }
        let next = scalars[index]
        return next == "@" || next == "\u{FF20}" || URLCharacters.isLatinAccent(next.value)
            || startsSchemeSeparator(scalars, at: index)
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
        return outsideURLs(ranges, urls: URLScanner.urlRanges(in: text, requireScheme: false), range: \.self)
    }

    /// The items (sorted) whose range overlaps none of the sorted `urls`.
    private static func outsideURLs<Item>(
        _ items: [Item], urls: [Range<String.Index>], range: (Item) -> Range<String.Index>
    ) -> [Item] {
        if urls.isEmpty { return items }
        var u = 0
        return items.filter { item in
            let itemRange = range(item)
            while u < urls.count, urls[u].upperBound <= itemRange.lowerBound { u += 1 }
            return !(u < urls.count && urls[u].lowerBound < itemRange.upperBound)
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

    /// A letter (Unicode alphabetic) or a combining mark: what a hashtag needs at least one of.
    private static func isLetterOrMark(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return (0x41...0x5A).contains(s.value) || (0x61...0x7A).contains(s.value) }
        let properties = s.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    private static func blocksHashtag(_ previous: Unicode.Scalar?) -> Bool {
        guard let previous else { return false }
        if previous == "&" || previous == "#" || previous == "\u{FF03}" { return true }
        return previous.value != 0x200D && previous.value != 0x200C && isHashtagCharacter(previous)
    }

    /// Whether the character before the `@` at `index` keeps it from starting a mention.
    private static func blocksMention(
        before index: String.Index, in scalars: String.UnicodeScalarView, syntax: MentionSyntax
    ) -> Bool {
        let previous = scalars[scalars.index(before: index)]
        switch syntax {
        case .mastodon:
            // (?<![=/[:word:]]): letters, marks, digits and connector punctuation of any script.
            if previous == "=" || previous == "/" { return true }
            if previous.value < 0x80 { return isASCIIWord(previous) }
            switch previous.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation: return true
            default: return previous.properties.isAlphabetic
            }
        case .twitterText:
            switch previous {
            case "!", "#", "$", "%", "&", "*", "@", "\u{FF20}": return true
            default: break
            }
            guard isASCIIWord(previous) else { return false }
            return !followsRetweetMark(before: index, in: scalars)
        }
    }

    /// Whether `RT` (any case) ends right before `index`, at the start or after a character that is not an ASCII
    /// letter or digit, `_`, `+`, `~`, `.` or `-`: twitter-text takes `RT@user` as a mention.
    private static func followsRetweetMark(before index: String.Index, in scalars: String.UnicodeScalarView) -> Bool {
        let t = scalars.index(before: index)
        guard t > scalars.startIndex, scalars[t].value | 0x20 == 0x74 else { return false }
        let r = scalars.index(before: t)
        guard scalars[r].value | 0x20 == 0x72, scalars[r].isASCII else { return false }
        guard r > scalars.startIndex else { return true }
        let before = scalars[scalars.index(before: r)]
        return !(isASCIIWord(before) || before == "+" || before == "~" || before == "." || before == "-")
    }
}
