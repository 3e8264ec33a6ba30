import Testing

@testable import GlocalCore

/// Locale ids: language, optional script, optional region, as the JSON schemas' pattern says.
@Suite struct LocaleIDTests {
    @Test(arguments: ["en", "fr-CA", "es-419", "zh-Hant-TW", "zh-Hant", "fil", "sr-Latn-RS"])
    func wellFormedIDs(_ id: String) {
        #expect(LocaleID.isWellFormed(id))
    }

    @Test(arguments: [
        "", "fr_CA", "fr-ca", "FR", "e", "engl", "fr-CA-x", "fr-", "-CA", "zh-hant-TW", "es-41", "fr-CA-CA", "fr‐CA",
    ])
    func malformedIDs(_ id: String) {
        #expect(!LocaleID.isWellFormed(id))
    }

    @Test func theSuggestionIsTheWellFormedSpellingOfTheSameParts() {
        #expect(LocaleID.suggestion(for: "fr_CA") == "fr-CA")
        #expect(LocaleID.suggestion(for: "fr-ca") == "fr-CA")
        #expect(LocaleID.suggestion(for: "FR") == "fr")
        #expect(LocaleID.suggestion(for: "ZH_hant_tw") == "zh-Hant-TW")
        #expect(LocaleID.suggestion(for: "fr-CA") == nil, "already well formed")
        #expect(LocaleID.suggestion(for: "french") == nil, "no spelling of it is an id")
    }

    @Test func theRegionIsThePartAfterTheOptionalScript() {
        #expect(LocaleID.parts(of: "zh-Hant-TW") == ("zh", "Hant", "TW"))
        #expect(LocaleID.parts(of: "sr-Latn") == ("sr", "Latn", nil))
        #expect(LocaleID.parts(of: "es-419") == ("es", nil, "419"))
        #expect(LocaleID.parts(of: "fr-CA") == ("fr", nil, "CA"))
        #expect(LocaleID.parts(of: "en") == ("en", nil, nil))
        #expect(LocaleID.parts(of: "fr_CA") == ("fr_CA", nil, nil), "not an id: no region is guessed")
    }
}
