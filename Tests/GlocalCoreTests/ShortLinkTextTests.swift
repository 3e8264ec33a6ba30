import Testing

@testable import GlocalCore

/// A `reply` link on Bluesky is shown as Bluesky's own apps show links (social-app's `toShortUrl`).
@Suite struct ShortLinkTextTests {
    @Test(
        arguments: [
            ("https://lumiere.example/", "lumiere.example"),
            ("https://lumiere.example", "lumiere.example"),
            ("HTTP://Lumiere.example/fr", "Lumiere.example/fr"),
            ("https://lumiere.example/?utm_source=x", "lumiere.example?utm_source=x"),
            ("https://lumiere.example/12345678901234", "lumiere.example/12345678901234"),  // 15 with the `/`: whole
            ("https://lumiere.example/123456789012345", "lumiere.example/123456789012..."),  // 16: 13 kept
            ("https://lumiere.example:8443/en-US/hydra?utm_source=bluesky", "lumiere.example:8443/en-US/hydra?..."),
            ("https://user:secret@lumiere.example/a", "lumiere.example/a"),
            ("https://lumiere.example/日本/👨‍👩‍👧‍👦/ページ/ページ/ページ", "lumiere.example/日本/👨‍👩‍👧‍👦/ページ/ページ..."),
            ("ftp://lumiere.example/a", "ftp://lumiere.example/a"),
            ("https:///nohost", "https:///nohost"),
        ] as [(String, String)])
    func linksAreShortenedAsBlueskysAppsShowThem(link: String, shown: String) {
        #expect(ShortLinkText.of(link) == shown)
    }

    @Test func onlyBlueskyShortensASeparateLink() {
        let link = "https://lumiere.example/en-US/hydra?utm_source=glocal&utm_medium=social"
        for network in Network.allCases {
            let text = NetworkRules.forNetwork(network).separateLinkText(for: link)
            #expect(text == (network == .bluesky ? "lumiere.example/en-US/hydra?..." : link), "\(network)")
        }
    }
}
