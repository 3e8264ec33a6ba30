/// Finds links and hashtags in a text and gives their UTF-8 byte ranges, as Bluesky needs them to be live.
///
/// Mentions are not faceted: that needs resolving each handle to a DID first.
public enum BlueskyFacetBuilder {
    private static let trailingPunctuation: Set<Character> = [".", ",", ";", ":", "!", "?", ")", "'", "\"", "…"]

    /// Facets in text order.
    public static func facets(for text: String) -> [BlueskyFacet] {
        (links(in: text) + tags(in: text)).sorted { $0.byteStart < $1.byteStart }
    }

    private static func byteOffset(_ index: String.Index, in text: String) -> Int {
        text.utf8.distance(from: text.utf8.startIndex, to: index)
    }

    /// Every `http://` or `https://` (any case) followed by non-space characters, trailing
    /// punctuation left out; a candidate without a dot is not a link.
    static func links(in text: String) -> [BlueskyFacet] {
        var facets: [BlueskyFacet] = []
        var searchFrom = text.startIndex
        while let scheme = nextScheme(in: text, from: searchFrom) {
            var matchEnd = scheme.upperBound
            while matchEnd < text.endIndex, !text[matchEnd].isWhitespace { matchEnd = text.index(after: matchEnd) }
            guard matchEnd > scheme.upperBound else {
                searchFrom = scheme.upperBound
                continue
            }
            searchFrom = matchEnd
            var end = matchEnd
            while end > scheme.lowerBound, trailingPunctuation.contains(text[text.index(before: end)]) {
                end = text.index(before: end)
            }
            let uri = String(text[scheme.lowerBound..<end])
            guard uri.contains(".") else { continue }
            facets.append(
                BlueskyFacet(
                    byteStart: byteOffset(scheme.lowerBound, in: text), byteEnd: byteOffset(end, in: text), feature: .link(uri)))
        }
        return facets
    }

    /// The next `http://` or `https://`, ignoring case, that starts a character at or after `start`.
    private static func nextScheme(in text: String, from start: String.Index) -> Range<String.Index>? {
        let bytes = text.utf8
        var index = start
        while index < bytes.endIndex {
            defer { index = bytes.index(after: index) }
            guard bytes[index] | 0x20 == UInt8(ascii: "h") else { continue }
            var cursor = index
            func take(_ expected: UInt8, caseless: Bool = true) -> Bool {
                cursor = bytes.index(after: cursor)
                guard cursor < bytes.endIndex else { return false }
                return (caseless ? bytes[cursor] | 0x20 : bytes[cursor]) == expected
            }
            guard take(UInt8(ascii: "t")), take(UInt8(ascii: "t")), take(UInt8(ascii: "p")) else { continue }
            var next = bytes.index(after: cursor)
            if next < bytes.endIndex, bytes[next] | 0x20 == UInt8(ascii: "s") { cursor = next }
            guard take(UInt8(ascii: ":"), caseless: false), take(UInt8(ascii: "/"), caseless: false),
                take(UInt8(ascii: "/"), caseless: false)
            else { continue }
            next = bytes.index(after: cursor)
            guard let lower = String.Index(index, within: text), let upper = String.Index(next, within: text) else { continue }
            return lower..<upper
        }
        return nil
    }

    static func tags(in text: String) -> [BlueskyFacet] {
        var facets: [BlueskyFacet] = []
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let atWordStart = index == text.startIndex || text[text.index(before: index)].isWhitespace
            guard atWordStart, character == "#" || character == "＃" else {
                index = text.index(after: index)
                continue
            }
            var end = text.index(after: index)
            while end < text.endIndex, !text[end].isWhitespace, text[end] != "#" { end = text.index(after: end) }
            var tagEnd = end
            while tagEnd > text.index(after: index), trailingPunctuation.contains(text[text.index(before: tagEnd)]) {
                tagEnd = text.index(before: tagEnd)
            }
            let tag = String(text[text.index(after: index)..<tagEnd])
            // app.bsky.richtext.facet#tag: at most 64 graphemes and 640 bytes, or the PDS refuses the record.
            if !tag.isEmpty, tag.count <= 64, tag.utf8.count <= 640, !tag.allSatisfy(\.isNumber) {
                facets.append(
                    BlueskyFacet(
                        byteStart: byteOffset(index, in: text), byteEnd: byteOffset(tagEnd, in: text), feature: .tag(tag)))
            }
            index = end
        }
        return facets
    }
}
