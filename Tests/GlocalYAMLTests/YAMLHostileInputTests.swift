import GlocalCore
import Testing
import Yams

@testable import GlocalYAML

/// Hostile YAML is refused before it becomes expensive, with a diagnostic where the limit is crossed.
@Suite struct YAMLHostileInputTests {
    func parse(_ text: String) -> (Node?, [Diagnostic]) {
        let collector = DiagnosticCollector()
        let node = YAMLDocumentParser.parse(text, file: "c.yaml", into: collector)
        return (node, collector.diagnostics)
    }

    /// The classic "billion laughs": nine levels of nine aliases each.
    static func aliasBomb(asKey: Bool = false) -> String {
        var lines = ["a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for (previous, name) in zip(names, names.dropFirst()) {
            lines.append("\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]")
        }
        lines.append(asKey ? "? *i\n: boom" : "boom: *i")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The fuzzer's crash: `day: 1:9223372036854775807` trapped inside Yams' base 60 reading while the diagnostic
    /// said what YAML 1.1 tools make of it. The base 60 form is read here, with its overflow checked.
    @Test func aBase60NumberPastIntIsNoNumberAndNeverATrap() {
        #expect(DecodeContext.sexagesimal("1:00") == 60)
        #expect(DecodeContext.sexagesimal("-1:30") == -90)
        #expect(DecodeContext.sexagesimal("1_0:20:05") == 37_205)
        #expect(DecodeContext.sexagesimal("1:9223372036854775807") == nil)
        #expect(DecodeContext.sexagesimal("153722867280912930:7") == Int.max)
        #expect(DecodeContext.sexagesimal("153722867280912930:8") == nil, "one past Int.max")
        for refused in ["1:60", "0:30", "1:", ":30", "1:+5", "1:234", "a:30", "1:3a"] {
            #expect(DecodeContext.sexagesimal(refused) == nil, "\(refused)")
        }
        #expect(DecodeContext.yaml11Int(Node("1:9223372036854775807")) == nil)
        #expect(DecodeContext.yaml11Int(Node("010")) == 8)
    }

    @Test func aliasBombAsValueIsRefusedAtTheAliasThatCrossesTheLimit() throws {
        let (node, diagnostics) = parse(Self.aliasBomb())
        #expect(node == nil)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.rule == "yaml.syntax")
        #expect(diagnostic.message == "aliases in this file would expand to more than 10000 nodes")
        #expect(diagnostic.location?.line == 5)  // e: nine aliases of d (820 nodes each) cross 10 000.
    }

    @Test func aliasAsKeyIsRefusedAtTheAlias() throws {
        let (node, diagnostics) = parse("a: &a x\n*a : y\n")
        #expect(node == nil)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.message == "an alias ('*a') cannot be used as a key")
        #expect(diagnostic.location == SourceLocation(file: "c.yaml", line: 2, column: 1, length: 2))
    }

    @Test func aliasBombAsKeyIsRefusedBeforeItIsHashed() throws {
        let (node, diagnostics) = parse(Self.aliasBomb(asKey: true).replacingOccurrences(of: "[*h,", with: "[*h,"))
        #expect(node == nil)
        #expect(diagnostics.first?.rule == "yaml.syntax")
    }

    @Test func smallAliasesStillWork() throws {
        let (node, diagnostics) = parse("base: &tags [a, b]\npost:\n  tags: *tags\n")
        #expect(diagnostics.isEmpty)
        #expect(node?["post"]?["tags"]?.array().count == 2)
    }

    @Test func deepNestingIsRefusedWhereTheLimitIsCrossed() throws {
        let text = "x: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let (node, diagnostics) = parse(text)
        #expect(node == nil)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.rule == "yaml.syntax")
        #expect(diagnostic.location == SourceLocation(file: "c.yaml", line: 1, column: 4 + YAMLEventScan.maxDepth))
        let (_, unclosed) = parse("x:\n  - {a: \"[[[\", b: " + String(repeating: "[", count: 100_000))
        #expect(unclosed.first?.location == SourceLocation(file: "c.yaml", line: 2, column: 18 + YAMLEventScan.maxDepth))
    }

    @Test func blockNestingIsCountedByTheEventScan() throws {
        let lines = (0...YAMLEventScan.maxDepth).map { String(repeating: " ", count: $0) + "k:" }
        let (node, diagnostics) = parse(lines.joined(separator: "\n") + " v\n")
        #expect(node == nil)
        #expect(diagnostics.first?.location?.line == YAMLEventScan.maxDepth + 1)  // Line 101 opens level 101.
    }

    @Test func nestingWithinTheLimitParses() {
        let depth = YAMLEventScan.maxDepth - 1
        let (node, diagnostics) = parse("x: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
        #expect(diagnostics.isEmpty)
        #expect(node != nil)
    }

    @Test func twoThousandDuplicateKeysAreAllReportedInOnePass() throws {
        let lines = ["strings:", "  k: first"] + (1...2000).map { "  k: copy \($0)" } + ["  other: kept"]
        let (node, diagnostics) = parse(lines.joined(separator: "\n"))
        let duplicates = diagnostics.filter { $0.rule == "key.duplicate" }
        #expect(duplicates.count == YAMLDocumentParser.listedDuplicates)
        #expect(duplicates.first?.location == SourceLocation(file: "c.yaml", line: 3, column: 3, length: 1))
        #expect(duplicates.last?.notes.last == "and 1000 more duplicate keys in this file, not listed")
        #expect(node?["strings"]?["k"]?.string == "first")
        #expect(node?["strings"]?["other"]?.string == "kept")
    }

    @Test func quotedDuplicateKeysInFlowAndBlock() throws {
        let (node, diagnostics) = parse("m: {\"a\": 1, 'a': 2}\nn:\n  \"b\": 1\n  b: 2\n")
        #expect(
            diagnostics.map(\.location) == [
                SourceLocation(file: "c.yaml", line: 1, column: 13, length: 3),
                SourceLocation(file: "c.yaml", line: 4, column: 3, length: 1),
            ])
        #expect(node?["m"]?["a"]?.string == "1")
        #expect(node?["n"]?["b"]?.string == "1")
    }

    @Test func anUnquotedHashAfterACommaInAFlowListIsNamed() throws {
        let (_, diagnostics) = parse("hashtags: [Hydra, #Serum]\nname: x\n")
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.message == "'#' starts a comment in YAML, so the rest of line 1 was ignored")
        #expect(diagnostic.location?.column == 19)
    }

    /// The shape of the fuzzer's slowest input (4.4 s): lines of thousands of `#tag`s before a syntax error. Looking
    /// for an unquoted `#` in a flow list used to re-read each line's start at every `#`; it is one pass now, and a
    /// `[#…` after such lines is still found.
    @Test func anUnquotedHashAfterLinesOfHashtagCommentsIsFoundOnItsOwnLine() throws {
        let comments = (0..<4).map { "k\($0): x" + String(repeating: " #tag", count: 2_500) }
        let (node, diagnostics) = parse(comments.joined(separator: "\n") + "\nhashtags: [#Serum]\nname: x\n")
        #expect(node == nil)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.message == "'#' starts a comment in YAML, so the rest of line 5 was ignored")
        #expect(diagnostic.location?.column == 12)
    }

    @Test func patternStartingWithStarSaysToQuoteIt() throws {
        let (_, diagnostics) = parse("targets:\n  accounts: [*-fr]\n")
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.rule == "yaml.syntax")
        #expect(diagnostic.message == "'*-fr' starts with '*', which YAML reads as an alias, and no anchor '&-fr' is defined")
        #expect(diagnostic.location == SourceLocation(file: "c.yaml", line: 2, column: 14, length: 4))
        #expect(diagnostic.notes == ["if '*-fr' is a value (a pattern, say), quote it: \"*-fr\""])
    }
}

/// YAML mistakes are reported where they were made, in plain words.
@Suite struct YAMLSyntaxExplainerTests {
    func firstDiagnostic(_ text: String) throws -> Diagnostic {
        let collector = DiagnosticCollector()
        _ = YAMLDocumentParser.parse(text, file: "c.yaml", into: collector)
        return try #require(collector.diagnostics.first)
    }

    @Test func quoteClosedOnlyByTheNextValueIsReportedAtTheOpeningQuote() throws {
        let diagnostic = try firstDiagnostic("strings:\n  a: \"never closed\n  b: \"fine\"\n  c: ok\n")
        #expect(diagnostic.message == "this quoted text is never closed")
        #expect(diagnostic.location == SourceLocation(file: "c.yaml", line: 2, column: 6))
    }

    @Test func apostropheClosingASingleQuotedValueIsNamed() throws {
        let diagnostic = try firstDiagnostic("posts:\n  - text: 'à l'heure'\n  - text: 'ok'\n")
        #expect(diagnostic.message == "text follows the closing quote of this value")
        #expect(diagnostic.location == SourceLocation(file: "c.yaml", line: 2, column: 15))
    }

    @Test func doubleQuoteClosedByTheNextListItem() throws {
        let diagnostic = try firstDiagnostic("posts:\n  - text: \"open\n  - text: \"ok\"\n")
        #expect(diagnostic.message == "this quoted text is never closed")
        #expect(diagnostic.location == SourceLocation(file: "c.yaml", line: 2, column: 11))
    }

    @Test func missingSpaceAfterColonIsNamedAtTheColon() throws {
        let diagnostic = try firstDiagnostic("posts:\n  - id: a\n    text:care.spf\n    day: 1\n")
        #expect(diagnostic.message == "no space after ':' in 'text:care.spf', so YAML does not read 'text' as a key")
        #expect(diagnostic.location == SourceLocation(file: "c.yaml", line: 3, column: 9))
        #expect(diagnostic.notes == ["write a space after the colon: text: care.spf"])
    }

    @Test func noBreakSpaceInIndentationIsNamedByCodePoint() throws {
        let diagnostic = try firstDiagnostic("strings:\n  a: one\n \u{A0}b: two\n")
        #expect(diagnostic.message == "U+00A0 NO-BREAK SPACE in the indentation; use plain spaces")
        #expect(diagnostic.location == SourceLocation(file: "c.yaml", line: 3, column: 2))
    }

    @Test func valueStartingWithAtOrBacktickSuggestsQuotes() throws {
        for (text, indicator) in [("handle: @lumiere\n", "@"), ("text: `code`\n", "`")] {
            let diagnostic = try firstDiagnostic(text)
            #expect(diagnostic.message == "a value starting with '\(indicator)' means something else in YAML")
            #expect(
                diagnostic.location?.column == text.distance(
                    from: text.startIndex, to: text.firstIndex(of: Character(indicator))!) + 1)
        }
    }

    @Test func flowListFollowedByTextSuggestsQuotes() throws {
        let diagnostic = try firstDiagnostic("posts:\n  - text: [Sale] today only\n    day: 1\n")
        #expect(diagnostic.message == "a value starting with '[' means something else in YAML")
        #expect(diagnostic.location == SourceLocation(file: "c.yaml", line: 2, column: 11))
    }

    @Test func aliasWithCharactersAnchorsCannotHaveSuggestsQuotes() throws {
        let diagnostic = try firstDiagnostic("accounts: [*.fr]\n")
        #expect(diagnostic.message == "a value starting with '*' means something else in YAML")
    }
}

/// Characters YAML does not allow are named where they stand.
@Suite struct YAMLReaderErrorTests {
    @Test func rawEscapeIsNamedAtItsPosition() throws {
        let collector = DiagnosticCollector()
        _ = YAMLDocumentParser.parse("a: 1\nb: x\u{1B}[2J\n", file: "c.yaml", into: collector)
        let diagnostic = try #require(collector.diagnostics.first)
        #expect(diagnostic.message == "U+001B ESCAPE is not allowed in a YAML file")
        #expect(diagnostic.location == SourceLocation(file: "c.yaml", line: 2, column: 5))
    }
}
