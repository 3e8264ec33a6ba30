/// Finds the links in a post's text, the way the networks' counters (twitter-text, Mastodon) do.
///
/// - When `requireScheme` is false (X), exactly twitter-text's links, see ``TwitterTextURLFinder``:
///   with or without `http(s)://`, ending in a TLD of twitter-text's list (`lumiere.example` is not one).
/// - When `requireScheme` is true (Mastodon), `http://` and `https://` URLs whose host has at least
///   two labels, found in one forward pass over the UTF-8 bytes without per-text allocations.
///   Trailing punctuation (`.`, `,`, `:`, `!`, `?`, `'`…) is not part of a URL, and a `)` only
///   when it closes a `(` opened inside the URL.
public enum URLScanner {
    /// The ranges of the URLs in `text`, in order and without overlaps.
    ///
    /// - Parameter requireScheme: when true, only `http://`/`https://` URLs are found (Mastodon);
    ///   when false, bare domains with a known TLD are found too (X).
    public static func urlRanges(in text: String, requireScheme: Bool) -> [Range<String.Index>] {
        var found: [Range<String.Index>] = []
        let utf8 = text.utf8
        forEachURL(in: text, requireScheme: requireScheme) { start, end in
            found.append(utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end))
        }
        return found
    }

    /// Calls `body` with the UTF-8 byte offsets `[start, end)` of every URL, in order.
    static func forEachURL(in text: String, requireScheme: Bool, _ body: (Int, Int) -> Void) {
        if requireScheme {
            UTF8Buffer.withBytes(of: text) { scan($0, body) }
            return
        }
        // X: twitter-text's own rules, on Unicode scalars; offsets go back to UTF-8.
        guard text.utf8.contains(0x2E) else { return }
        let scalars = text.unicodeScalars.map(\.value)
        let ranges = TwitterTextURLFinder.ranges(in: scalars)
        guard !ranges.isEmpty else { return }
        var offsets = [Int](repeating: 0, count: scalars.count + 1)
        for (i, value) in scalars.enumerated() {
            offsets[i + 1] = offsets[i] + (value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : 4)
        }
        for range in ranges { body(offsets[range.lowerBound], offsets[range.upperBound]) }
    }

    // Switches, not a lookup table: no lazy global on the hot path.

    @inline(__always) private static func isAlnum(_ b: UInt8) -> Bool {
        switch b {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        default: return false
        }
    }

    /// Letters, digits, `-`, `_`.
    @inline(__always) private static func isHostChar(_ b: UInt8) -> Bool {
        isAlnum(b) || b == 0x2D || b == 0x5F
    }

    /// Characters allowed inside a path or query: alphanumerics and ``!*';:=+,.$/%#[]-_~|&@?``.
    @inline(__always) private static func isPathChar(_ b: UInt8) -> Bool {
        switch b {
        case 0x21, 0x23...0x27, 0x2A...0x3B, 0x3D, 0x3F...0x5B, 0x5D, 0x5F, 0x61...0x7A, 0x7C, 0x7E: return true
        default: return false
        }
    }

    /// Characters a path may end with: alphanumerics and `+-=_#/&` (a `)` only when balanced).
    @inline(__always) private static func isPathEnd(_ b: UInt8) -> Bool {
        switch b {
        case 0x23, 0x26, 0x2B, 0x2D, 0x2F, 0x3D, 0x5F: return true
        default: return isAlnum(b)
        }
    }

    /// A scheme URL cannot follow an alphanumeric, `@`, `$` or `#`.
    @inline(__always) private static func blocksScheme(_ b: UInt8) -> Bool {
        isAlnum(b) || b == 0x40 || b == 0x24 || b == 0x23
    }

    /// Letters allowed in URLs besides ASCII: Latin accented letters, combining accents, Cyrillic
    /// (twitter-text's set). Returns the scalar's length in bytes, or 0 if it is not allowed.
    private static func accentedLetterLength(_ buf: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let (value, length) = UTF8Buffer.scalar(in: buf, at: i)
        switch value {
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x300...0x36F, 0x400...0x4FF, 0x1E00...0x1EFF:
            return length
        default:
            return 0
        }
    }

    // MARK: - Scan

    /// Looks only at `:` (a possible `http(s)://`) and at `.` before a letter or digit (a possible
    /// domain); from a `.`, walks back to the start of its word and parses from there.
    private static func scan(_ buf: UnsafeBufferPointer<UInt8>, _ body: (Int, Int) -> Void) {
        let count = buf.count
        var resume = 0  // no URL starts before the end of the previous one
        var i = 0
        while i < count {
            let byte = buf[i]
            if byte == 0x3A, let start = schemeStart(buf, colon: i, notBefore: resume),
                let end = parse(buf, host: i + 3)
            {
                body(start, end)
                i = end
                resume = end
                continue
            }
            i += 1
        }
    }

    /// Where `http://` or `https://` (any case) starts, if the `:` at `colon` ends such a scheme
    /// that is not glued to a preceding letter, digit, `@`, `$` or `#`.
    private static func schemeStart(_ buf: UnsafeBufferPointer<UInt8>, colon: Int, notBefore: Int) -> Int? {
        guard colon + 2 < buf.count, buf[colon + 1] == 0x2F, buf[colon + 2] == 0x2F, colon >= notBefore + 4 else {
            return nil
        }
        var start = colon - 4
        if buf[colon - 1] | 0x20 == 0x73 {  // "s"
            guard colon >= notBefore + 5 else { return nil }
            start = colon - 5
        }
        for (offset, expected) in "http".utf8.enumerated() where buf[start + offset] | 0x20 != expected {
            return nil
        }
        if start > 0 && blocksScheme(buf[start - 1]) { return nil }
        return start
    }

    /// Parses host, port and path from `host`; returns the URL's end offset, or nil if not a URL.
    /// Any host of two labels or more is accepted (`lumiere.example` too).
    private static func parse(_ buf: UnsafeBufferPointer<UInt8>, host: Int) -> Int? {
        let count = buf.count
        var j = host
        var labelCount = 0
        var hostEnd = -1
        while true {
            let start = j
            while j < count {
                if isHostChar(buf[j]) {
                    j += 1
                } else if buf[j] >= 0x80, case let length = accentedLetterLength(buf, j), length > 0 {
                    j += length
                } else {
                    break
                }
            }
            guard j > start else { break }
            labelCount += 1
            if labelCount >= 2 { hostEnd = j }
            guard j + 1 < count, buf[j] == 0x2E, isHostChar(buf[j + 1]) || buf[j + 1] >= 0x80 else { break }
            j += 1
        }
        guard hostEnd >= 0 else { return nil }
        var end = hostEnd
        if end + 1 < count, buf[end] == 0x3A, buf[end + 1] >= 0x30, buf[end + 1] <= 0x39 {
            end += 1
            while end < count, buf[end] >= 0x30, buf[end] <= 0x39 { end += 1 }
        }
        if end < count, buf[end] == 0x2F || buf[end] == 0x3F || buf[end] == 0x23 {
            end = pathEnd(buf, from: end, fallback: end)
        }
        return end
    }

    /// The end of the path/query/fragment starting at `start`, trailing punctuation excluded.
    private static func pathEnd(_ buf: UnsafeBufferPointer<UInt8>, from start: Int, fallback: Int) -> Int {
        var lastGood = fallback
        var depth = 0
        var k = start
        while k < buf.count {
            let byte = buf[k]
            if byte >= 0x80 {
                let length = accentedLetterLength(buf, k)
                guard length > 0 else { break }
                k += length
                lastGood = k
            } else if byte == 0x28 {
                depth += 1
                k += 1
            } else if byte == 0x29 {
                guard depth > 0 else { break }
                depth -= 1
                k += 1
                lastGood = k
            } else if isPathChar(byte) {
                k += 1
                if isPathEnd(byte) { lastGood = k }
            } else {
                break
            }
        }
        return lastGood
    }
}
