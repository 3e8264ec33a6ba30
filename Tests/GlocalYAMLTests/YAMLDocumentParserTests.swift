import GlocalCore
import Testing
import Yams

@testable import GlocalYAML

/// Parsing keeps positions and reports every duplicate key, not only the first.
@Suite struct YAMLDocumentParserTests {
    @Test func reportsEveryDuplicateKeyAtItsSecondOccurrence() throws {
        let text = """
            strings:
              a: one
              b: two
              a: three
              b: four
            """
        let collector = DiagnosticCollector()
        let root = try #require(YAMLDocumentParser.parse(text, file: "locales/en.yaml", into: collector))
        let duplicates = collector.diagnostics.filter { $0.rule == "key.duplicate" }
        #expect(duplicates.map { $0.location?.line } == [4, 5])
        #expect(duplicates.map { $0.location?.column } == [3, 3])
        #expect(duplicates[0].message == "duplicate key 'a'")
        // The first value wins; the renamed duplicate is skipped by decoders.
        #expect(root["strings"]?["a"]?.string == "one")
    }

    @Test func duplicateInFlowMapping() throws {
        let collector = DiagnosticCollector()
        _ = YAMLDocumentParser.parse("window: {start: 2026-12-01, start: 2026-12-02}", file: "c.yaml", into: collector)
        let duplicate = try #require(collector.diagnostics.first)
        #expect(duplicate.rule == "key.duplicate")
        #expect(duplicate.location == SourceLocation(file: "c.yaml", line: 1, column: 29, length: 5))
    }

    @Test func tabIndentationIsExplained() throws {
        let collector = DiagnosticCollector()
        #expect(YAMLDocumentParser.parse("posts:\n\t- id: a\n", file: "c.yaml", into: collector) == nil)
        let diagnostic = try #require(collector.diagnostics.first)
        #expect(diagnostic.rule == "yaml.syntax")
        #expect(diagnostic.message == "tab character in indentation")
        #expect(diagnostic.location?.line == 2)
    }

    @Test func unclosedQuotePointsAtTheOpeningQuote() throws {
        let collector = DiagnosticCollector()
        _ = YAMLDocumentParser.parse("strings:\n  a: \"never closed\n  b: fine\n", file: "l.yaml", into: collector)
        let diagnostic = try #require(collector.diagnostics.first)
        #expect(diagnostic.message == "this quoted text is never closed")
        #expect(diagnostic.location?.line == 2)
        #expect(diagnostic.location?.column == 6)
    }
}

/// Locale strings remember where each character is, so diagnostics can point inside a text.
@Suite struct LocaleDecoderTests {
    func decode(_ text: String) -> (LocaleDefinition?, [Diagnostic]) {
        let collector = DiagnosticCollector()
        var context = DecodeContext(file: "locales/en.yaml", collector: collector)
        context.source = text
        let root = YAMLDocumentParser.parse(text, file: "locales/en.yaml", into: collector)
        return (LocaleDecoder.decode(root, expectedID: "en", context: context), collector.diagnostics)
    }

    @Test func quotedValueColumnsStartAfterTheQuote() throws {
        let (locale, diagnostics) = decode("locale: en\nstrings:\n  k: \"Hello {city}\"\n")
        #expect(diagnostics.isEmpty)
        let string = try #require(locale?.strings["k"])
        #expect(string.location.column == 7)
        #expect(
            string.location(atScalarOffset: 6, length: 6)
                == SourceLocation(file: "locales/en.yaml", line: 3, column: 13, length: 6))
    }

    @Test func leadingByteOrderMarkIsKept() throws {
        let (locale, _) = decode("locale: en\nstrings:\n  k: \"\u{FEFF}Hello\"\n")
        let string = try #require(locale?.strings["k"])
        #expect(string.text.unicodeScalars.first == "\u{FEFF}")
    }

    /// The fuzzer's hang: a locale of 15 000 strings with a U+FEFF somewhere indexed the whole file's lines again
    /// for every string (over two minutes). Where U+FEFF stands is now found once per file.
    @Test(.timeLimit(.minutes(1))) func aByteOrderMarkAmongFifteenThousandStringsIsKeptWhereItIs() throws {
        let strings = (0..<15_000).map { "  k\($0): \"Hello \($0)\"" }.joined(separator: "\n")
        let (locale, _) = decode("locale: en\nstrings:\n" + strings + "\n  bom: \"\u{FEFF}Hello\"\n")
        let decoded = try #require(locale)
        #expect(decoded.strings.count == 15_001)
        #expect(decoded.strings["bom"]?.text.unicodeScalars.first == "\u{FEFF}")
        #expect(decoded.strings["k14999"]?.text == "Hello 14999")
    }

    @Test func aByteOrderMarkInsideAStringIsNotMovedToItsStart() throws {
        let (locale, _) = decode("locale: en\nstrings:\n  k: \"Hello\u{FEFF} there\"\n  j: \"\u{FEFF}x\"\n")
        #expect(locale?.strings["k"]?.text == "Hello\u{FEFF} there")
        #expect(locale?.strings["j"]?.text == "\u{FEFF}x")
    }

    @Test func fileNameMustMatchLocale() {
        let (_, diagnostics) = decode("locale: en-GB\n")
        #expect(diagnostics.map(\.rule) == ["locale.mismatch"])
    }
}
