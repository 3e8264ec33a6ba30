/// Finds links exactly as twitter-text's `extractUrlsWithIndices` does (with URLs without protocol),
/// which is what X counts as 23: held to `extract.yml` and `validate.yml` by `TwitterTextConformanceTests`.
///
/// A candidate is an optional `http(s)://`, a domain (labels of any characters but ASCII punctuation,
/// spaces and directional marks, `_` allowed before the last two labels, ending in a TLD of
/// ``TopLevelDomains``), an optional port, path and query. It must follow the start of the text or a
/// character that is not a letter, digit, `@`, `$` or `#`. A candidate is dropped when a label is
/// longer than 63 once punycode-encoded (an IDN host like `あいう….com`) or the URL longer than 4096.
/// Without a protocol, only its ASCII domains are links (`twitter.comこれはexample.com` holds two),
/// none after `-`, `_`, `.` or `/`, and a path or query stays only on the last one. A `t.co` link
/// keeps no more than its slug and query. One addition: after a protocol, the TLDs reserved for
/// examples (`lumiere.example`, see ``TopLevelDomains/reservedForExamples``) end a host too.
enum TwitterTextURLFinder {
    /// The scalar ranges of the links in `text` (Unicode scalar values), in order; `mastodon` applies the one rule
    /// of Mastodon's server that makes a link shorter than twitter-text's: a path does not end with `=`.
    static func ranges(in text: [UInt32], mastodon: Bool = false) -> [Range<Int>] {
        guard text.contains(0x2E) else { return [] }
        var found: [Range<Int>] = []
        var domains = DomainIndex(text)
        var resume = 0  // the regular expression resumes after the previous candidate, valid or not
        var p = 0
        while p < text.count {
            var candidate: Candidate?
            if isValidPreceding(text[p]) {
                candidate = Candidate(text, at: p + 1, before: text[p], mastodon: mastodon, &domains)
            }
            if candidate == nil, p == 0 { candidate = Candidate(text, at: 0, before: nil, mastodon: mastodon, &domains) }
            guard let candidate else {
                p += 1
                continue
            }
            candidate.links(in: text, into: &found)
            resume = candidate.end
            p = max(resume, p + 1)
        }
        return found
    }

    /// One match of twitter-text's URL expression starting at `start`.
    struct Candidate {
        let start: Int
        let hasProtocol: Bool
        let domain: Range<Int>
        let pathStart: Int?  // the `/` of the path, if any
        let end: Int
        let before: UInt32?

        init?(_ text: [UInt32], at start: Int, before: UInt32?, mastodon: Bool, _ domains: inout DomainIndex) {
            guard start < text.count else { return nil }
            var hasProtocol = false
            if let afterScheme = Self.schemeEnd(text, start), let domain = domains.domain(at: afterScheme, afterProtocol: true) {
                hasProtocol = true
                self.domain = domain
            } else if let domain = domains.domain(at: start, afterProtocol: false) {
                self.domain = domain
            } else {
                return nil
            }
            var end = domain.upperBound
            if end + 1 < text.count, text[end] == 0x3A, Self.isDigit(text[end + 1]) {
                end += 1
                while end < text.count, Self.isDigit(text[end]) { end += 1 }
            }
            var pathStart: Int?
            if end < text.count, text[end] == 0x2F {
                pathStart = end
                end = URLCharacters.pathEnd(text, from: end + 1, mastodon: mastodon)
            }
            if end < text.count, text[end] == 0x3F, let queryEnd = URLCharacters.queryEnd(text, from: end + 1) {
                end = queryEnd
            }
            self.start = start
            self.hasProtocol = hasProtocol
            self.pathStart = pathStart
            self.end = end
            self.before = before
        }

        /// Appends the links this candidate yields (none when twitter-text drops it).
        func links(in text: [UInt32], into found: inout [Range<Int>]) {
            guard Punycode.isValidHost(text[domain]) else { return }
            // twitter-text counts the protocol twice when there is one, `https://` when there is none.
            let protocolLength = hasProtocol ? domain.lowerBound - start : 8
            guard protocolLength + utf16Count(text[start..<end]) <= 4096 else { return }
            if hasProtocol {
                if let tco = tcoEnd(text) {
                    if let tco = tco { found.append(start..<tco) }
                    return
                }
                found.append(start..<end)
                return
            }
            if let before, before == 0x2D || before == 0x5F || before == 0x2E || before == 0x2F { return }
            var ascii = TwitterTextASCIIDomains.ranges(in: text, domain)
            guard !ascii.isEmpty else { return }
            if pathStart != nil { ascii[ascii.count - 1] = ascii[ascii.count - 1].lowerBound..<end }
            found += ascii
        }

        /// For a `http(s)://t.co/slug` link: `.some(end)` after its slug and query, `.some(nil)` when the
        /// slug is longer than 40 (no link); nil when it is not a `t.co` link.
        private func tcoEnd(_ text: [UInt32]) -> Int?? {
            let host = Array(text[domain])
            guard host.count == 4, host[0] | 0x20 == 0x74, host[1] == 0x2E, host[2] | 0x20 == 0x63, host[3] | 0x20 == 0x6F,
                domain.upperBound < end, text[domain.upperBound] == 0x2F
            else { return nil }
            var slugEnd = domain.upperBound + 1
            while slugEnd < end, TopLevelDomains.isASCIIAlphanumeric(text[slugEnd]) { slugEnd += 1 }
            guard slugEnd > domain.upperBound + 1 else { return nil }
            if slugEnd - domain.upperBound - 1 > 40 { return .some(nil) }
            if slugEnd < text.count, text[slugEnd] == 0x3F, let queryEnd = URLCharacters.queryEnd(text, from: slugEnd + 1) {
                return .some(queryEnd)
            }
            return .some(slugEnd)
        }

        private static func isDigit(_ c: UInt32) -> Bool { (0x30...0x39).contains(c) }

        /// The index after `http://` or `https://` (any case) at `start`.
        private static func schemeEnd(_ text: [UInt32], _ start: Int) -> Int? {
            let http: [UInt32] = [0x68, 0x74, 0x74, 0x70]
            guard start + 7 <= text.count, (0..<4).allSatisfy({ text[start + $0] | 0x20 == http[$0] }) else { return nil }
            var i = start + 4
            if text[i] | 0x20 == 0x73 { i += 1 }
            guard i + 3 <= text.count, text[i] == 0x3A, text[i + 1] == 0x2F, text[i + 2] == 0x2F else { return nil }
            return i + 3
        }
    }

    /// twitter-text's valid characters before a link: not an ASCII letter or digit, `@`, `＠`, `$`, `#`,
    /// `＃`, U+FFFE, U+FEFF or U+FFFF.
    static func isValidPreceding(_ c: UInt32) -> Bool {
        switch c {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x40, 0xFF20, 0x24, 0x23, 0xFF03, 0xFFFE, 0xFEFF, 0xFFFF: return false
        default: return true
        }
    }

    /// Code units in UTF-16 (twitter-text measures lengths in JavaScript string units).
    static func utf16Count(_ scalars: ArraySlice<UInt32>) -> Int {
        scalars.reduce(0) { $0 + ($1 > 0xFFFF ? 2 : 1) }
    }
}
