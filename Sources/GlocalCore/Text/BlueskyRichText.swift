/// What a Bluesky post written by glocal shows live: the links and tags of the facets glocal sends with it (a
/// Bluesky record links nothing by itself), as ranges of the text. The facets and the approval preview both come
/// from here, so the preview shows live exactly what will be.
///
/// Both are what glocal finds on every network, so they agree with X's and Mastodon's counts and LinkedIn's hashtag
/// templates:
/// - links are those of ``URLScanner`` written with `http://` or `https://` (twitter-text's rules, as Mastodon's
///   server finds them): trailing punctuation is left out, a `)` kept only when it closes a `(` of the URL
///   (`https://en.wikipedia.org/wiki/Primer_(film)` whole, `(https://example.com/wiki/Foo_(bar))` up to `…(bar)`).
///   The variant's own link, given as `link`, is live wherever the text holds it, whole, even where twitter-text
///   would end it sooner (`https://lumiere.example/日本`, an unknown top-level domain);
/// - tags are ``EntityScanner/hashtags(in:)`` (so `#http://example.com` is none), with any trailing Unicode
///   punctuation (`\p{P}`) left out, as Bluesky's own detector does, and within the lexicon's 64 graphemes and
///   640 bytes. A tag never overlaps a link: facets must not overlap.
///
/// Mentions are not live: that needs resolving each handle to a DID first.
public enum BlueskyRichText {
    /// What a live range does.
    public enum Feature: Sendable, Equatable {
        /// Opens this URL.
        case link(String)
        /// Searches this tag (without its `#`).
        case tag(String)
    }

    /// One live range of the text.
    public struct Span: Sendable, Equatable {
        /// Where it is in the text (a tag's range starts at its `#`).
        public let range: Range<String.Index>
        /// What it does.
        public let feature: Feature
    }

    /// The live ranges of `text` in text order, none overlapping another; `link` is the variant's own link (its UTM
    /// parameters included), if it has one.
    public static func spans(in text: String, link: String? = nil) -> [Span] {
        let links = links(in: text, own: link)
        let tags = tags(in: text).filter { tag in !links.contains { $0.range.overlaps(tag.range) } }
        return (links + tags).sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// The links of ``URLScanner`` written with a scheme, and every occurrence of `own` that is not part of a longer
    /// link, in text order.
    static func links(in text: String, own: String?) -> [Span] {
        var ranges = URLScanner.urlRanges(in: text, requireScheme: true)
        if let own, !own.isEmpty {
            for occurrence in occurrences(of: own, in: text) {
                // Inside a link that starts earlier (a query parameter), or the start of a longer one: not the link.
                let inside = ranges.contains { $0.lowerBound < occurrence.lowerBound && $0.upperBound > occurrence.lowerBound }
                let longer = ranges.contains { $0.lowerBound == occurrence.lowerBound && $0.upperBound > occurrence.upperBound }
                guard !inside, !longer else { continue }
                ranges.removeAll { $0.overlaps(occurrence) }
                ranges.append(occurrence)
            }
            ranges.sort { $0.lowerBound < $1.lowerBound }
        }
        return ranges.map { Span(range: $0, feature: .link(String(text[$0]))) }
    }

    /// Where `needle` occurs in `text`, byte for byte, not overlapping, in order.
    private static func occurrences(of needle: String, in text: String) -> [Range<String.Index>] {
        let bytes = text.utf8, wanted = Array(needle.utf8)
        guard !wanted.isEmpty, wanted.count <= bytes.count else { return [] }
        var found: [Range<String.Index>] = []
        var start = bytes.startIndex
        while bytes.distance(from: start, to: bytes.endIndex) >= wanted.count {
            let end = bytes.index(start, offsetBy: wanted.count)
            if bytes[start..<end].elementsEqual(wanted) {
                found.append(start..<end)
                start = end
            } else {
                start = bytes.index(after: start)
            }
        }
        return found
    }

    /// The hashtags glocal counts, trailing punctuation left out, within the lexicon's limits.
    static func tags(in text: String) -> [Span] {
        EntityScanner.hashtags(in: text).compactMap { found in
            var scalars = found.unicodeScalars
            while let last = scalars.last, isPunctuation(last) { scalars.removeLast() }
            let tag = Substring(scalars)
            // app.bsky.richtext.facet#tag: at most 64 graphemes and 640 bytes, or the PDS refuses the record.
            guard !tag.isEmpty, tag.count <= 64, tag.utf8.count <= 640 else { return nil }
            let sign = text.unicodeScalars.index(before: tag.startIndex)
            return Span(range: sign..<tag.endIndex, feature: .tag(String(tag)))
        }
    }

    /// `\p{P}`: connector, dash, open, close, initial, final and other punctuation.
    private static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            return true
        default: return false
        }
    }
}
