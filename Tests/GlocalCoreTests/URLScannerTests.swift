import Testing

@testable import GlocalCore

@Suite struct URLScannerTests {
    static func urls(_ text: String, requireScheme: Bool) -> [String] {
        URLScanner.urlRanges(in: text, requireScheme: requireScheme).map { String(text[$0]) }
    }

    @Test(
        arguments: [
            ("see https://example.com.", ["https://example.com"]),
            ("(https://example.com/a)", ["https://example.com/a"]),
            ("https://en.wikipedia.org/wiki/Foo_(bar)", ["https://en.wikipedia.org/wiki/Foo_(bar)"]),
            ("(see https://en.wikipedia.org/wiki/Foo_(bar)).", ["https://en.wikipedia.org/wiki/Foo_(bar)"]),
            // twitter-text's `validUrlPath` is a run of pieces, each ending in an ending character or being a
            // parenthesis alone: a parenthesis after `.` cannot end the path, one inside a piece can.
            ("https://example.com/path.(x)", ["https://example.com/path"]),
            ("https://example.com/path.(example.app)", ["https://example.com/path"]),
            ("https://example.com/a.(x)b", ["https://example.com/a.(x)b"]),
            ("https://example.com/(x)", ["https://example.com/(x)"]),
            ("Is it https://example.com/path?", ["https://example.com/path"]),
            ("https://example.com/search?q=swift&lang=en!", ["https://example.com/search?q=swift&lang=en"]),
            ("Go: https://example.com/a, https://example.org/b; done", ["https://example.com/a", "https://example.org/b"]),
            ("'https://example.com/a'", ["https://example.com/a"]),
            ("HTTPS://EXAMPLE.COM/X", ["HTTPS://EXAMPLE.COM/X"]),
            ("http://example.com:8080/path", ["http://example.com:8080/path"]),
            ("https://example.com:", ["https://example.com"]),
            ("https://example.com/#section", ["https://example.com/#section"]),
            // twitter-text's path starts with `/`: a fragment right after the host is text, not link.
            ("https://example.com#section", ["https://example.com"]),
            ("https://lumiere.example/spring", ["https://lumiere.example/spring"]),
            ("Le site https://lumiere.example/é-té!", ["https://lumiere.example/é-té"]),
            ("https://example.com/日本", ["https://example.com/"]),
            ("«https://example.com»", ["https://example.com"]),
            ("https://a.example/x\nhttps://b.example/y", ["https://a.example/x", "https://b.example/y"]),
            ("xhttps://example.com", []),
            ("https://", []),
            ("http://localhost", []),
            // As Mastodon's twitter-text extractor: an unknown TLD, an IP address or a t.co slug over 40 is no link.
            ("https://foo.zzzz/x", []),
            ("http://192.168.0.1/x", []),
            ("https://t.co/" + String(repeating: "a", count: 41), []),
            ("https://t.co/" + String(repeating: "a", count: 40), ["https://t.co/" + String(repeating: "a", count: 40)]),
            ("bare example.com and https://example.org/x", ["https://example.org/x"]),
            ("example.com", []),
            ("no links here.", []),
        ] as [(String, [String])])
    func withScheme(text: String, expected: [String]) {
        #expect(Self.urls(text, requireScheme: true) == expected)
    }

    @Test(
        arguments: [
            ("example.com", ["example.com"]),
            ("Visit Example.COM now", ["Example.COM"]),
            ("https://lumiere.example/x and www.example.org", ["https://lumiere.example/x", "www.example.org"]),
            ("shop at lumiere.shop, today", ["lumiere.shop"]),
            ("example.com/path?x=1.", ["example.com/path?x=1"]),
            ("example.com#section", ["example.com"]),
            ("lumiere.fr", ["lumiere.fr"]),  // name + country-code TLD, no path: a link (twitter-text's `foo.jp`)
            ("lumiere.fr/menu", ["lumiere.fr/menu"]),
            ("shop.lumiere.fr", ["shop.lumiere.fr"]),
            ("t.co/abc", ["t.co/abc"]),
            ("lumiere.co", ["lumiere.co"]),
            ("lumiere.example", []),  // not a TLD
            ("mail me at a@example.com", []),
            ("contact.info@example.com", []),
            ("file.txt readme.md index.html v1.2.3 3.14", ["readme.md"]),  // .md is Moldova's TLD: a link on X
            ("e.g. i.e. U.S.", []),
            ("xhttps://example.com", []),
        ] as [(String, [String])])
    func withoutScheme(text: String, expected: [String]) {
        #expect(Self.urls(text, requireScheme: false) == expected)
    }

    @Test func pathologicalInputScansInOnePass() {
        let dots = String(repeating: "a.", count: 200_000)
        #expect(URLScanner.urlRanges(in: dots, requireScheme: false).isEmpty)
        let many = String(repeating: "https://example.com/x ", count: 10_000)
        #expect(URLScanner.urlRanges(in: many, requireScheme: true).count == 10_000)
    }
}
