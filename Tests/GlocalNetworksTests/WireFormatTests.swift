import Foundation
import GlocalCore
import GlocalNetworks
import Testing

/// Bluesky facets, LinkedIn little text, record keys and reset parsing, without a server.
@Suite struct WireFormatTests {
    struct FacetRow: Sendable, CustomTestStringConvertible {
        let text: String
        let facets: [BlueskyFacet]
        var testDescription: String { text }
    }

    static let facetRows: [FacetRow] = [
        FacetRow(text: "plain text", facets: []),
        FacetRow(
            text: "Héllo 👋🏽 café #Tag https://a.example/x.",
            facets: [
                BlueskyFacet(byteStart: 22, byteEnd: 26, feature: .tag("Tag")),
                BlueskyFacet(byteStart: 27, byteEnd: 46, feature: .link("https://a.example/x")),
            ]),
        FacetRow(
            text: "👨‍👩‍👧‍👦 #日本 #2024 x#no",
            facets: [BlueskyFacet(byteStart: 26, byteEnd: 33, feature: .tag("日本"))]),
        // 64 graphemes but 1 600 bytes: over the lexicon's 640 bytes, so no tag facet (64 letters are one).
        FacetRow(text: "#" + String(repeating: "👨‍👩‍👧‍👦", count: 64), facets: []),
        FacetRow(
            text: "#" + String(repeating: "a", count: 64),
            facets: [BlueskyFacet(byteStart: 0, byteEnd: 65, feature: .tag(String(repeating: "a", count: 64)))]),
        FacetRow(text: "#" + String(repeating: "a", count: 65), facets: []),
        FacetRow(
            text: "(see https://lumiere.example/fr?utm_source=bsky)",
            facets: [BlueskyFacet(byteStart: 5, byteEnd: 47, feature: .link("https://lumiere.example/fr?utm_source=bsky"))]),
    ]

    @Test(arguments: facetRows)
    func blueskyFacetsUseUTF8ByteOffsets(_ row: FacetRow) {
        #expect(BlueskyFacetBuilder.facets(for: row.text) == row.facets)
    }

    @Test(arguments: [
        ("Hello", "Hello"),
        ("a_b*c~d", "a\\_b\\*c\\~d"),
        ("(x) [y] {z} <w> @me | back\\slash", "\\(x\\) \\[y\\] \\{z\\} \\<w\\> \\@me \\| back\\\\slash"),
        ("#Hydra and #Serum_2", "{hashtag|#|Hydra} and {hashtag|#|Serum\\_2}"),
        ("#2024 is not a tag, nor a#b", "\\#2024 is not a tag, nor a\\#b"),
        ("Découvrez 👋🏽 #Été", "Découvrez 👋🏽 {hashtag|#|Été}"),
    ])
    func linkedInLittleTextEscapesReservedCharacters(_ input: String, _ expected: String) {
        #expect(LinkedInLittleText.commentary(for: input) == expected)
    }

    @Test func blueskyRecordKeyIsADeterministicTID() {
        let key = BlueskyRecordKey.tid(from: "glocal-0123456789abcdef")
        #expect(key == BlueskyRecordKey.tid(from: "glocal-0123456789abcdef"))
        #expect(key != BlueskyRecordKey.tid(from: "glocal-0123456789abcdee"))
        #expect(key.count == 13)
        #expect(key.allSatisfy { "234567abcdefghijklmnopqrstuvwxyz".contains($0) })
        #expect("234567abcdefghij".contains(key.first!))
    }

    @Test func resetHeadersParse() {
        let now = Date(timeIntervalSince1970: 1_796_115_600)
        #expect(RateLimitReset.epochSeconds("1796116500") == Date(timeIntervalSince1970: 1_796_116_500))
        #expect(RateLimitReset.iso8601("2026-12-01T12:00:00Z") == Date(timeIntervalSince1970: 1_796_126_400))
        #expect(RateLimitReset.iso8601("2026-12-01T12:00:00.500Z") == Date(timeIntervalSince1970: 1_796_126_400.5))
        #expect(RateLimitReset.retryAfter("120", now: now) == now.addingTimeInterval(120))
        #expect(RateLimitReset.retryAfter("Tue, 01 Dec 2026 09:05:00 GMT", now: now) == now.addingTimeInterval(300))
        #expect(RateLimitReset.retryAfter("soon", now: now) == nil)
        #expect(RateLimitReset.nextMidnightUTC(after: now) == Date(timeIntervalSince1970: 1_796_169_600))
    }

    @Test func outgoingPostDefaultsToTheVariantsIdempotencyKey() {
        let post = OutgoingPost(variantID: "c/p/a", network: .x, accountID: "a", handle: "h", locale: "fr-CA", text: "t")
        #expect(post.idempotencyKey == VariantIdentity.idempotencyKey(for: "c/p/a"))
        #expect(post.languageCode == "fr")
    }
}
