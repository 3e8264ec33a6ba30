import Testing

@testable import GlocalCore

/// Which written links are absolute http(s) URLs, and which characters no link may hold.
@Suite struct LinkChecksTests {
    @Test(arguments: [
        "https://lumiere.example/{locale}/hydra", "http://localhost.example:8080/a?b=c#d", "https://café.example/noël",
        "https://lumiere.example/p?q=%22quoted%22",
    ])
    func acceptsAbsoluteLinks(link: String) {
        #expect(LinkChecks.isAbsoluteHTTPURL(link))
    }

    @Test(arguments: [
        ("https://lumiere.example/a\"onmouseover", "\""), ("https://lumiere.example/<b>", "<"),
        ("https://lumiere.example/a>b", ">"), ("https://lumiere.example/a\\b", "\\"), ("https://lumiere.example/`x`", "`"),
        ("https://lumiere.example/a b", " "), ("https://lumiere.example/a\u{00A0}b", "\u{00A0}"),
        ("https://lumiere.example/a\u{202E}b", "\u{202E}"), ("https://lumiere.example/a\u{2066}b", "\u{2066}"),
        ("https://lumiere.example/a\u{200B}b", "\u{200B}"), ("https://lumiere.example/a\u{FEFF}", "\u{FEFF}"),
        ("https://lumiere.example/a\u{7F}", "\u{7F}"), ("https://lumiere.example/a\u{85}", "\u{85}"),
        ("https://lumiere.example/a\u{2028}", "\u{2028}"), ("https://lumiere.example/a\u{1B}[31m", "\u{1B}"),
        // Invisible fillers: Hangul filler, braille blank, combining grapheme joiner, a variation selector.
        ("https://lumiere.example/a\u{3164}b", "\u{3164}"), ("https://lumiere.example/a\u{2800}b", "\u{2800}"),
        ("https://lumiere.example/a\u{034F}b", "\u{034F}"), ("https://lumiere.example/a\u{FE0F}b", "\u{FE0F}"),
    ])
    func refusesACharacterNoLinkMayHold(link: String, character: String) throws {
        #expect(!LinkChecks.isAbsoluteHTTPURL(link))
        let scalar = try #require(LinkChecks.forbiddenScalar(in: link))
        #expect(String(scalar) == character)
    }

    @Test func namesAnInvisibleCharacterByItsCodePoint() {
        #expect(LinkChecks.describe("\u{202E}") == "U+202E RIGHT-TO-LEFT OVERRIDE")
        #expect(LinkChecks.describe("\"") == "'\"'")
    }
}
