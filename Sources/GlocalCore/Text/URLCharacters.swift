/// twitter-text's character classes for links, on Unicode scalar values.
enum URLCharacters {
    /// A character of a domain label: anything but ASCII punctuation (except `"` and `` ` ``), spaces,
    /// U+FFFE, U+FEFF, U+FFFF and directional marks. CJK, Arabic and emoji are label characters.
    static func isDomainCharacter(_ c: UInt32) -> Bool {
        switch c {
        case 0x21, 0x23...0x2F, 0x3A...0x40, 0x5B...0x5E, 0x5F, 0x7B...0x7E: return false  // punctuation
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x180E, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return false  // spaces
        case 0xFFFE, 0xFEFF, 0xFFFF, 0x202A...0x202E, 0x061C, 0x200E, 0x200F, 0x2066...0x2069: return false
        default: return true
        }
    }

    /// Latin letters with accents and combining accents allowed in paths and ASCII domains.
    static func isLatinAccent(_ c: UInt32) -> Bool {
        switch c {
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0xFF, 0x100...0x24F, 0x253, 0x254, 0x256, 0x257, 0x259, 0x25B, 0x263, 0x268,
            0x26F, 0x272, 0x289, 0x28B, 0x2BB, 0x300...0x36F, 0x1E00...0x1EFF:
            return true
        default: return false
        }
    }

    /// A letter, digit, Cyrillic or accented letter: valid anywhere in a path.
    private static func isPathLetter(_ c: UInt32) -> Bool {
        TopLevelDomains.isASCIIAlphanumeric(c) || (0x400...0x4FF).contains(c) || isLatinAccent(c)
    }

    /// A character allowed inside a path: letters and ``!*';:=+,.$/%#[]-–_~@|&``.
    static func isPathCharacter(_ c: UInt32) -> Bool {
        switch c {
        case 0x21, 0x2A, 0x27, 0x3B, 0x3A, 0x3D, 0x2B, 0x2C, 0x2E, 0x24, 0x2F, 0x25, 0x23, 0x5B, 0x5D, 0x2D, 0x2013, 0x5F,
            0x7E, 0x40, 0x7C, 0x26:
            return true
        default: return isPathLetter(c)
        }
    }

    /// A character a path may end with: letters and `+-=_#/` (or a balanced parenthesis); on Mastodon, whose
    /// server overrides twitter-text's `valid_url_path_ending_chars`, not `=`.
    static func isPathEnding(_ c: UInt32, mastodon: Bool = false) -> Bool {
        switch c {
        case 0x3D: return !mastodon
        case 0x2B, 0x2D, 0x5F, 0x23, 0x2F: return true
        default: return isPathLetter(c)
        }
    }

    /// The end of a path whose first character (after its `/`) is at `start`: after its last ending
    /// character, so `/menu.` ends before the dot. A balanced parenthesis (one nested level) ends a path only
    /// where a path could end just before it (twitter-text's `validUrlPath` is a run of pieces, each ending in an
    /// ending character or being a parenthesis alone): `/wiki/Foo_(bar)` keeps it, `/path.(x)` ends at `path`.
    static func pathEnd(_ text: [UInt32], from start: Int, mastodon: Bool = false) -> Int {
        var lastGood = start
        var k = start
        while k < text.count {
            if text[k] == 0x28 {
                guard let close = balancedEnd(text, k) else { break }
                if k == lastGood { lastGood = close }
                k = close
            } else if isPathCharacter(text[k]) {
                k += 1
                if isPathEnding(text[k - 1], mastodon: mastodon) { lastGood = k }
            } else {
                break
            }
        }
        return lastGood
    }

    /// After `(x)` or `(x(y)z)` at `open` with non-empty innermost parts, or nil.
    private static func balancedEnd(_ text: [UInt32], _ open: Int) -> Int? {
        var j = open + 1
        while j < text.count, isPathCharacter(text[j]) { j += 1 }
        guard j < text.count else { return nil }
        if text[j] == 0x29 { return j > open + 1 ? j + 1 : nil }
        guard text[j] == 0x28 else { return nil }
        var m = j + 1
        while m < text.count, isPathCharacter(text[m]) { m += 1 }
        guard m > j + 1, m < text.count, text[m] == 0x29 else { return nil }
        m += 1
        while m < text.count, isPathCharacter(text[m]) { m += 1 }
        guard m < text.count, text[m] == 0x29 else { return nil }
        return m + 1
    }

    /// The end of a query whose first character (after its `?`) is at `start`, or nil when no
    /// character of it may end a query (then the `?` is not part of the link).
    static func queryEnd(_ text: [UInt32], from start: Int) -> Int? {
        var lastGood: Int?
        var k = start
        while k < text.count {
            let c = text[k]
            if TopLevelDomains.isASCIIAlphanumeric(c) || c == 0x2D || c == 0x5F || c == 0x26 || c == 0x3D || c == 0x23
                || c == 0x2F
            {
                k += 1
                lastGood = k
                continue
            }
            switch c {
            case 0x21, 0x3F, 0x2A, 0x27, 0x40, 0x28, 0x29, 0x3B, 0x3A, 0x2B, 0x24, 0x25, 0x5B, 0x5D, 0x2E, 0x2C, 0x7E, 0x7C:
                k += 1
            default:
                return lastGood
            }
        }
        return lastGood
    }

    /// A character of an ASCII domain label (twitter-text's `validAsciiDomain`): letters, digits, `-`, accents.
    static func isASCIIDomainCharacter(_ c: UInt32) -> Bool {
        TopLevelDomains.isASCIIAlphanumeric(c) || c == 0x2D || isLatinAccent(c)
    }
}
