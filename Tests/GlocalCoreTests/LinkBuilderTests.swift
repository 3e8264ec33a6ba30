import Testing

@testable import GlocalCore

/// UTM tagging of links, split around the account id so one link serves every account of a locale.
@Suite struct LinkBuilderTests {
    @Test(arguments: [
        (
            "https://lumiere.example/fr/hydra",
            "https://lumiere.example/fr/hydra?utm_source=x&utm_medium=social&utm_campaign=launch&utm_content=", ""
        ),
        (
            "https://lumiere.example/p?ref=1",
            "https://lumiere.example/p?ref=1&utm_source=x&utm_medium=social&utm_campaign=launch&utm_content=", ""
        ),
        (
            "https://lumiere.example/p#shop",
            "https://lumiere.example/p?utm_source=x&utm_medium=social&utm_campaign=launch&utm_content=", "#shop"
        ),
        // An empty query, or one ending with `&`, takes no extra `&`.
        (
            "https://lumiere.example/p?",
            "https://lumiere.example/p?utm_source=x&utm_medium=social&utm_campaign=launch&utm_content=", ""
        ),
        (
            "https://lumiere.example/p?a=1&",
            "https://lumiere.example/p?a=1&utm_source=x&utm_medium=social&utm_campaign=launch&utm_content=", ""
        ),
        // Only a parameter named utm_source counts: not one whose name merely contains it, a path or a fragment.
        (
            "https://lumiere.example/p?xutm_source=2",
            "https://lumiere.example/p?xutm_source=2&utm_source=x&utm_medium=social&utm_campaign=launch&utm_content=", ""
        ),
        (
            "https://lumiere.example/utm_source=/p#utm_source=y",
            "https://lumiere.example/utm_source=/p?utm_source=x&utm_medium=social&utm_campaign=launch&utm_content=",
            "#utm_source=y"
        ),
    ])
    func tagsTheQueryBeforeTheFragment(link: String, head: String, tail: String) throws {
        let parts = try #require(LinkBuilder.utmParts(of: link, network: .x, campaign: "launch"))
        #expect(parts.head == head)
        #expect(parts.tail == tail)
    }

    @Test func leavesLinksThatAlreadyCarryUTMAlone() {
        #expect(LinkBuilder.utmParts(of: "https://lumiere.example/?utm_source=news", network: .x, campaign: "launch") == nil)
        #expect(LinkBuilder.utmParts(of: "https://lumiere.example/?a=1&UTM_SOURCE=news", network: .x, campaign: "launch") == nil)
    }

    @Test(arguments: [
        ("New York", "New%20York"), ("São Paulo", "S%C3%A3o%20Paulo"), ("fr-FR", "fr-FR"),
        ("a/b?c=d&e#f", "a%2Fb%3Fc%3Dd%26e%23f"),
        ("tab\there", "tab%09here"), ("~_.", "~_."),
    ])
    func percentEncodesEveryByteButTheUnreservedOnes(value: String, encoded: String) {
        #expect(PercentEncoding.component(value) == encoded)
    }
}
