import Foundation
import GlocalCore
import GlocalNetworks
import Testing

/// Bluesky's links and tags are the ones glocal finds on every network (audit s17: D1, D2, M3).
@Suite struct BlueskyFacetTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let text: String
        var link: String? = nil
        let facets: [BlueskyFacet]
        var testDescription: String { text }
    }

    static func link(_ start: Int, _ end: Int, _ uri: String) -> BlueskyFacet {
        BlueskyFacet(byteStart: start, byteEnd: end, feature: .link(uri))
    }

    static func tag(_ start: Int, _ end: Int, _ tag: String) -> BlueskyFacet {
        BlueskyFacet(byteStart: start, byteEnd: end, feature: .tag(tag))
    }

    static let rows: [Row] = [
        // D1: a balanced closing parenthesis is part of the URL (twitter-text extract.yml), an unbalanced one is not.
        Row(
            text: "Watch https://en.wikipedia.org/wiki/Primer_(film)",
            facets: [link(6, 49, "https://en.wikipedia.org/wiki/Primer_(film)")]),
        Row(
            text: "Watch https://en.wikipedia.org/wiki/Primer_(film).",
            facets: [link(6, 49, "https://en.wikipedia.org/wiki/Primer_(film)")]),
        Row(
            text: "See (https://example.com/wiki/Foo_(bar)) now",
            facets: [link(5, 39, "https://example.com/wiki/Foo_(bar)")]),
        // D2: `#` followed by a URL is neither a tag nor (after `#`) a link, as on X.
        Row(text: "Old link #http://twitter.com here", facets: []),
        Row(text: "#http://a.com #https://b.com #Real", facets: [tag(29, 34, "Real")]),
        // M3: trailing Unicode punctuation (\p{P}) is not part of a tag.
        Row(
            text: "#日本語！ et #tag_ et #日本・",
            facets: [tag(0, 10, "日本語"), tag(17, 21, "tag"), tag(26, 33, "日本")]),
        // The variant's own link is linked whole, even where twitter-text stops (a path in another script).
        Row(
            text: "Voir https://lumiere.example/日本/hydra?utm_source=bluesky",
            link: "https://lumiere.example/日本/hydra?utm_source=bluesky",
            facets: [link(5, 60, "https://lumiere.example/日本/hydra?utm_source=bluesky")]),
        // ... and no tag overlaps it (facets must not overlap), even with a TLD twitter-text does not know.
        Row(text: "Go https://foo.zzzz/#tag", link: "https://foo.zzzz/#tag", facets: [link(3, 24, "https://foo.zzzz/#tag")]),
        // A longer URL that starts with the variant's link is that longer URL.
        Row(
            text: "Go https://lumiere.example/a/b now", link: "https://lumiere.example/a",
            facets: [link(3, 30, "https://lumiere.example/a/b")]),
    ]

    @Test(arguments: rows)
    func facetsAreTheLinksAndHashtagsGlocalFinds(_ row: Row) {
        let facets = BlueskyFacetBuilder.facets(for: row.text, link: row.link)
        #expect(facets == row.facets)
        for (a, b) in zip(facets, facets.dropFirst()) { #expect(a.byteEnd <= b.byteStart, "facets overlap") }
    }
}
