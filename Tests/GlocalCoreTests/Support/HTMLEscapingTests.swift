import Testing

@testable import GlocalCore

/// The one HTML escaper.
@Suite struct HTMLEscapingTests {
    @Test func escapesTheFiveCharactersAndNothingElse() {
        #expect(
            HTMLEscaping.escape("<a href=\"x\">Tom & Jerry's</a>")
                == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(HTMLEscaping.escape("Café 🇫🇷 été") == "Café 🇫🇷 été")
        #expect(HTMLEscaping.escape("") == "")
    }

    @Test func aQuoteCarryingACombiningMarkIsStillEscaped() {
        #expect(HTMLEscaping.escape("\"\u{301}x") == "&quot;\u{301}x")
        #expect(HTMLEscaping.escape("<\u{338}") == "&lt;\u{338}")
    }

    @Test func escapesASubstring() {
        let text = "ab<c>"
        #expect(HTMLEscaping.escape(text.dropFirst(2)) == "&lt;c&gt;")
    }
}
