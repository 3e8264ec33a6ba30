import Foundation
import GlocalCore
import GlocalNetworks
import GlocalSandbox
import Testing

/// Bluesky's links and tags are the ones glocal finds on every network (audit s17: D1, D2, M3, D3), and a link
/// reply shows the link shortened with the whole link in its facet.
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

    /// D3: a link of 348 characters as the reply's text is over Bluesky's 300 graphemes; the reply shows it shortened
    /// and its facet carries the whole link, so the reply is stored and the post keeps its link.
    @Test func aLongReplyLinkIsShortenedAndStillReachesItsFacet() async throws {
        let bluesky = try #require(ClientCase.all.first { $0.network == .bluesky })
        let long = "https://lumiere.example/fr/hydra?utm_source=bluesky&ref=" + String(repeating: "p", count: 292)
        #expect(long.count == 348)
        try await SandboxHarness.run { sandbox in
            var post = bluesky.post
            post.text = ClientCase.baseText
            post.link = long
            post.linkPlacement = .reply
            let outcome = await bluesky.make(sandbox.environment).publish(post, credentials: bluesky.credentials)
            let receipt = try #require(outcome.receipt, "got \(outcome)")
            #expect(receipt.extra["reply_error"] == nil)
            let reply = try #require(await sandbox.stored(bluesky).first { $0.kind == "reply" })
            #expect(receipt.extra["reply_id"] == reply.id)
            let record = try #require(try WireExpectations.json(reply.body)["record"] as? [String: Any])
            let shown = "lumiere.example/fr/hydra?utm..."
            #expect(record["text"] as? String == shown)
            let facets = try #require(record["facets"] as? [[String: Any]])
            #expect(facets.count == 1)
            #expect(facets.first?["index"] as? [String: Int] == ["byteStart": 0, "byteEnd": shown.utf8.count])
            let feature = try #require((facets.first?["features"] as? [[String: Any]])?.first)
            #expect(feature["$type"] as? String == "app.bsky.richtext.facet#link")
            #expect(feature["uri"] as? String == long)
        }
    }
}
