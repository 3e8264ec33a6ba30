/// Finds the links in a post's text, the way the networks' counters (twitter-text, Mastodon) do.
///
/// The scan is a single pass over the UTF-8 bytes, without regular expressions:
/// - `http://` and `https://` URLs, whose host has at least two labels (`lumiere.example` is
///   accepted after a scheme even though `.example` is not a real TLD);
/// - when `requireScheme` is false, also bare domains ending in a known TLD (`example.com`,
///   `www.example.fr`, `example.fr/menu`), as twitter-text does; like twitter-text, a lone
///   `name.cc` with a country-code TLD and no path is not a link (except `.co` and `.tv`),
///   and a domain right after `@`, `.`, `-`, `_`, `/`, `#` or `$` is not one (e-mail addresses).
///
/// Trailing punctuation (`.`, `,`, `:`, `!`, `?`, `'`…) is not part of a URL, and a `)` only
/// when it closes a `(` opened inside the URL.
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
        let done: Void? = text.utf8.withContiguousStorageIfAvailable {
            scan($0, requireScheme: requireScheme, body)
        }
        if done == nil {
            Array(text.utf8).withUnsafeBufferPointer { scan($0, requireScheme: requireScheme, body) }
        }
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

    /// A bare domain cannot follow those, nor `-`, `_`, `.` or `/`.
    @inline(__always) private static func blocksBareDomain(_ b: UInt8) -> Bool {
        blocksScheme(b) || b == 0x2D || b == 0x5F || b == 0x2E || b == 0x2F
    }

    /// Letters allowed in URLs besides ASCII: Latin accented letters, combining accents, Cyrillic
    /// (twitter-text's set). Returns the scalar's length in bytes, or 0 if it is not allowed.
    private static func accentedLetterLength(_ buf: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let lead = buf[i]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard lead >= 0xC0, i + length <= buf.count else { return 0 }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length { value = value << 6 | (UInt32(buf[i + k]) & 0x3F) }
        switch value {
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x300...0x36F, 0x400...0x4FF, 0x1E00...0x1EFF:
            return length
        default:
            return 0
        }
    }

    // MARK: - Scan

    private static func scan(
        _ buf: UnsafeBufferPointer<UInt8>, requireScheme: Bool, _ body: (Int, Int) -> Void
    ) {
        let count = buf.count
        var i = 0
        while i < count {
            let byte = buf[i]
            guard isAlnum(byte) else { i += 1; continue }
            let before: UInt8 = i > 0 ? buf[i - 1] : 0x20
            if byte | 0x20 == 0x68, !blocksScheme(before), let hostStart = schemeEnd(buf, i),
               let end = parse(buf, host: hostStart, bare: false) {
                body(i, end)
                i = end
                continue
            }
            if !requireScheme, !blocksBareDomain(before), let end = parse(buf, host: i, bare: true) {
                body(i, end)
                i = end
                continue
            }
            // The rest of this word cannot start a URL: it follows a letter, digit, `-` or `_`.
            i += 1
            while i < count, isAlnum(buf[i]) { i += 1 }
        }
    }

    /// The offset after `http://` or `https://` (any case) starting at `i`, if there is one.
    private static func schemeEnd(_ buf: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        var j = i
        for expected in "http".utf8 {
            guard j < buf.count, buf[j] | 0x20 == expected else { return nil }
            j += 1
        }
        if j < buf.count, buf[j] | 0x20 == 0x73 { j += 1 }
        for expected in "://".utf8 {
            guard j < buf.count, buf[j] == expected else { return nil }
            j += 1
        }
        return j
    }

    /// Parses host, port and path from `host`; returns the URL's end offset, or nil if not a URL.
    ///
    /// After a scheme, any host of two labels or more is accepted. A bare host is cut after its
    /// last label that is a known TLD (`example.com.Next` → `example.com`).
    private static func parse(_ buf: UnsafeBufferPointer<UInt8>, host: Int, bare: Bool) -> Int? {
        let count = buf.count
        var j = host
        var labelCount = 0
        var hostEnd = -1
        var needsPath = false
        while true {
            let start = j
            while j < count {
                if isHostChar(buf[j]) {
                    j += 1
                } else if !bare, buf[j] >= 0x80, case let length = accentedLetterLength(buf, j), length > 0 {
                    j += length
                } else {
                    break
                }
            }
            guard j > start else { break }
            labelCount += 1
            if labelCount >= 2 {
                if !bare {
                    hostEnd = j
                } else if let key = TopLevelDomains.key(buf, start..<j) {
                    if TopLevelDomains.isGeneric(key) {
                        hostEnd = j
                        needsPath = false
                    } else if TopLevelDomains.isCountryCode(key) {
                        hostEnd = j
                        needsPath = labelCount == 2 && !TopLevelDomains.isSpecialShortCountryCode(key)
                    }
                }
            }
            guard j + 1 < count, buf[j] == 0x2E, isHostChar(buf[j + 1]) || (!bare && buf[j + 1] >= 0x80) else { break }
            j += 1
        }
        guard hostEnd >= 0 else { return nil }
        if bare, hostEnd < count, buf[hostEnd] == 0x40 || isAlnum(buf[hostEnd]) { return nil }
        var end = hostEnd
        if end + 1 < count, buf[end] == 0x3A, buf[end + 1] >= 0x30, buf[end + 1] <= 0x39 {
            end += 1
            while end < count, buf[end] >= 0x30, buf[end] <= 0x39 { end += 1 }
        }
        let afterAuthority = end
        if end < count, buf[end] == 0x2F || buf[end] == 0x3F || (!bare && buf[end] == 0x23) {
            end = pathEnd(buf, from: end, fallback: end)
        }
        if needsPath && end == afterAuthority { return nil }
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
