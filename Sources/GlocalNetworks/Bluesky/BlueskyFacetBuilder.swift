import GlocalCore

/// Finds links and hashtags in a text and gives their UTF-8 byte ranges, as Bluesky needs them to be live.
///
/// Both are what glocal finds on every network, so the facets agree with X's and Mastodon's counts, LinkedIn's
/// hashtag templates and the approval preview:
/// - links are those of ``URLScanner`` written with `http://` or `https://` (twitter-text's rules, as Mastodon's
///   server finds them): trailing punctuation is left out, a `)` kept only when it closes a `(` of the URL
///   (`https://en.wikipedia.org/wiki/Primer_(film)` whole, `(https://example.com/wiki/Foo_(bar))` up to `…(bar)`).
///   The variant's own link, given as `link`, is one facet wherever the text holds it, whole, even where
///   twitter-text would end it sooner (`https://lumiere.example/日本`, an unknown top-level domain);
/// - tags are ``EntityScanner/hashtags(in:)`` (so `#http://example.com` is none), with any trailing Unicode
///   punctuation (`\p{P}`) left out, as Bluesky's own detector does, and within the lexicon's 64 graphemes and
///   640 bytes. A tag never overlaps a link: facets must not overlap.
///
/// Mentions are not faceted: that needs resolving each handle to a DID first.
public enum BlueskyFacetBuilder {
    /// Facets in text order; `link` is the variant's own link (its UTM parameters included), if it has one.
    public static func facets(for text: String, link: String? = nil) -> [BlueskyFacet] {
        let links = links(in: text, own: link)
        let tags = tags(in: text).filter { tag in
            !links.contains { $0.byteStart < tag.byteEnd && tag.byteStart < $0.byteEnd }
        }
        return (links + tags).sorted { $0.byteStart < $1.byteStart }
    }

    /// The text of the reply that carries a `reply` link, and its one facet: the link shown as Bluesky's own apps
    /// show it (``NetworkRules/separateLinkText(for:)``: host and the path's first 13 characters, then `...`), so the
    /// reply always fits in 300 graphemes, the whole link in the facet, as `app.bsky.richtext.facet#link` allows
    /// ("The text URL may have been simplified or truncated, but the facet reference should be a complete URL").
    public static func linkReply(_ link: String) -> (text: String, facets: [BlueskyFacet]) {
        let text = NetworkRules.forNetwork(.bluesky).separateLinkText(for: link)
        return (text, [BlueskyFacet(byteStart: 0, byteEnd: text.utf8.count, feature: .link(link))])
    }

    private static func byteOffset(_ index: String.Index, in text: String) -> Int {
        text.utf8.distance(from: text.utf8.startIndex, to: index)
    }

    /// The links of ``URLScanner`` written with a scheme, and every occurrence of `own` that is not part of a longer
    /// link, as UTF-8 byte ranges in text order.
    static func links(in text: String, own: String? = nil) -> [BlueskyFacet] {
        var ranges = URLScanner.urlRanges(in: text, requireScheme: true).map {
            (byteOffset($0.lowerBound, in: text), byteOffset($0.upperBound, in: text))
        }
        if let own, !own.isEmpty {
            for occurrence in occurrences(of: Array(own.utf8), in: Array(text.utf8)) {
                // Inside a link that starts earlier (a query parameter), or the start of a longer one: not the link.
                let inside = ranges.contains { $0.0 < occurrence.0 && $0.1 > occurrence.0 }
                let longer = ranges.contains { $0.0 == occurrence.0 && $0.1 > occurrence.1 }
                guard !inside, !longer else { continue }
                ranges.removeAll { $0.0 < occurrence.1 && occurrence.0 < $0.1 }
                ranges.append(occurrence)
            }
            ranges.sort { $0.0 < $1.0 }
        }
        let bytes = Array(text.utf8)
        return ranges.map { start, end in
            BlueskyFacet(
                byteStart: start, byteEnd: end, feature: .link(String(decoding: bytes[start..<end], as: UTF8.self)))
        }
    }

    /// The byte ranges where `needle` occurs in `haystack`, not overlapping, in order.
    private static func occurrences(of needle: [UInt8], in haystack: [UInt8]) -> [(Int, Int)] {
        guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
        var found: [(Int, Int)] = []
        var start = 0
        while start + needle.count <= haystack.count {
            if haystack[start] == needle[0], haystack[start..<start + needle.count].elementsEqual(needle) {
                found.append((start, start + needle.count))
                start += needle.count
            } else {
                start += 1
            }
        }
        return found
    }

    /// The hashtags glocal counts, trailing punctuation left out, within the lexicon's limits.
    static func tags(in text: String) -> [BlueskyFacet] {
        EntityScanner.hashtags(in: text).compactMap { found in
            var scalars = found.unicodeScalars
            while let last = scalars.last, isPunctuation(last) { scalars.removeLast() }
            let tag = Substring(scalars)
            // app.bsky.richtext.facet#tag: at most 64 graphemes and 640 bytes, or the PDS refuses the record.
            guard !tag.isEmpty, tag.count <= 64, tag.utf8.count <= 640 else { return nil }
            let sign = text.unicodeScalars.index(before: tag.startIndex)
            return BlueskyFacet(
                byteStart: byteOffset(sign, in: text), byteEnd: byteOffset(tag.endIndex, in: text), feature: .tag(String(tag)))
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
