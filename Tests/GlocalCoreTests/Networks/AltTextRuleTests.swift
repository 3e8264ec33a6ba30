import Testing

@testable import GlocalCore

/// The alt-text limits of the rules table and how each network counts them.
struct AltTextRuleTests {
    @Test func everyNetworkSaysWhatItDoesWithAltText() {
        let rules = Dictionary(uniqueKeysWithValues: Network.allCases.map { ($0, NetworkRules.forNetwork($0).altText) })
        #expect(rules[.x] == .limited(max: 1_000, counting: .codePoints))
        #expect(rules[.mastodon] == .limited(max: 1_500, counting: .codePoints))
        #expect(rules[.linkedin] == .limited(max: 4_086, counting: .utf16))
        // Instagram and Threads take `alt_text` on image containers with no published limit.
        for network in [Network.bluesky, .instagram, .threads] { #expect(rules[network] == .unlimited, "\(network)") }
        for network in [Network.facebook, .youtube, .tiktok] {
            #expect(rules[network] == .notSent, "\(network)")
            #expect(rules[network]?.isSent == false)
        }
    }

    @Test func codePointsAndUTF16CountAsTheNetworksDo() {
        let decomposed = "e\u{301}"  // one grapheme, two code points, two UTF-16 units
        let drop = "💧"  // one grapheme, one code point, two UTF-16 units
        #expect(AltTextCounting.codePoints.length(of: decomposed) == 2)
        #expect(AltTextCounting.codePoints.length(of: drop) == 1)
        #expect(AltTextCounting.utf16.length(of: drop) == 2)
        #expect(AltTextCounting.utf16.length(of: "é") == 1)
    }

    @Test func blueskyImagesMayBeTwoMegabytes() {
        #expect(NetworkRules.forNetwork(.bluesky).maxImageBytes == 2_000_000)
    }
}
