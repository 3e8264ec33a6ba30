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

    static func links(in text: String) -> [BlueskyFacet] {
        text.ranges(of: /https?:\/\/[^\s]+/.ignoresCase()).compactMap { range in
            var end = range.upperBound
            while end > range.lowerBound, trailingPunctuation.contains(text[text.index(before: end)]) {
                end = text.index(before: end)
            }
            let uri = String(text[range.lowerBound..<end])
            guard uri.contains(".") else { return nil }
            return BlueskyFacet(
                byteStart: byteOffset(range.lowerBound, in: text), byteEnd: byteOffset(end, in: text), feature: .link(uri))
        }
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
            if !tag.isEmpty, tag.count <= 64, !tag.allSatisfy(\.isNumber) {
                facets.append(
                    BlueskyFacet(
                        byteStart: byteOffset(index, in: text), byteEnd: byteOffset(tagEnd, in: text), feature: .tag(tag)))
            }
            index = end
        }
        return facets
    }
}
