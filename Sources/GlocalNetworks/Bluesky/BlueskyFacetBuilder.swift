import GlocalCore

/// The facets of a text: its links and hashtags as UTF-8 byte ranges, as Bluesky needs them to be live. What is
/// live is ``BlueskyRichText``'s (the approval preview shows the same), where the rules are told.
public enum BlueskyFacetBuilder {
    /// Facets in text order; `link` is the variant's own link (its UTM parameters included), if it has one.
    public static func facets(for text: String, link: String? = nil) -> [BlueskyFacet] {
        BlueskyRichText.spans(in: text, link: link).map { span in
            let feature: BlueskyFacet.Feature
            switch span.feature {
            case .link(let url): feature = .link(url)
            case .tag(let tag): feature = .tag(tag)
            }
            return BlueskyFacet(
                byteStart: byteOffset(span.range.lowerBound, in: text), byteEnd: byteOffset(span.range.upperBound, in: text),
                feature: feature)
        }
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
}
