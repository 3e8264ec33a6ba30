/// twitter-text's `validAsciiDomain` scan: the ASCII domains (labels of letters, digits, `-` and
/// accented letters, then a TLD) inside a domain found without protocol. `twitter.comこれはexample.com`
/// is one domain to the URL expression but two ASCII domains, hence two links.
enum TwitterTextASCIIDomains {
    /// The ranges (in `text`) of the ASCII domains inside `domain`, in order; a TLD may end at the domain's end.
    static func ranges(in text: [UInt32], _ domain: Range<Int>) -> [Range<Int>] {
        let part = Array(text[domain])
        var found: [Range<Int>] = []
        var p = 0
        while p < part.count {
            guard URLCharacters.isASCIIDomainCharacter(part[p]) else {
                p += 1
                continue
            }
            var pieceEnds: [Int] = []  // after each `label.`
            var i = p
            while i < part.count, URLCharacters.isASCIIDomainCharacter(part[i]) {
                var j = i
                while j < part.count, URLCharacters.isASCIIDomainCharacter(part[j]) { j += 1 }
                guard j < part.count, part[j] == 0x2E else { break }
                pieceEnds.append(j + 1)
                i = j + 1
            }
            let tlds = pieceEnds.reversed().lazy.compactMap { end in TopLevelDomains.length(in: part, at: end).map { end + $0 } }
            if let match = tlds.first {
                found.append((domain.lowerBound + p)..<(domain.lowerBound + match))
                p = match
                continue
            }
            // A later start inside the same label meets the same labels after it: skip the label.
            while p < part.count, URLCharacters.isASCIIDomainCharacter(part[p]) { p += 1 }
        }
        return found
    }
}
