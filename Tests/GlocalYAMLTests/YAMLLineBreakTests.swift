import GlocalCore
import Testing
import Yams

@testable import GlocalYAML

/// A lone CR, NEL, LS or PS is a line break to YAML even where an editor shows none: positions, excerpts and
/// the syntax explainer all count lines as libyaml does, and a hidden break that breaks a file is named.
@Suite struct YAMLLineBreakTests {
    func parse(_ text: String) -> (Node?, [Diagnostic]) { YAMLHostileInputTests().parse(text) }

    @Test func aHiddenBreakInACommentIsNamedAtTheEndOfItsLine() throws {
        for (scalar, name) in [
            ("\r", "U+000D CARRIAGE RETURN"), ("\u{85}", "U+0085 NEXT LINE"), ("\u{2028}", "U+2028 LINE SEPARATOR"),
            ("\u{2029}", "U+2029 PARAGRAPH SEPARATOR"),
        ] {
            let text = "# one\n# allowed\(scalar)on 1 January, a holiday\ncampaign: gifts\nkind: promotional\n"
            let (node, diagnostics) = parse(text)
            #expect(node == nil)
            let diagnostic = try #require(diagnostics.first)
            #expect(diagnostic.message == "line 2 ends with \(name), which YAML reads as a line break", "\(name)")
            #expect(diagnostic.location == SourceLocation(file: "c.yaml", line: 2, column: 10), "\(name)")
            #expect(diagnostic.notes.last == "end lines with LF (or CR LF) only")
        }
    }

    @Test func aFileOfCRLineEndsThroughoutIsNotBlamedOnThem() throws {
        let (node, diagnostics) = parse("a: 1\rb: \"open\rc: 3\r")
        #expect(node == nil)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.message == "this quoted text is never closed")
        #expect(diagnostic.location?.line == 2)
        let (parsed, none) = parse("a: 1\rb: 2\rc: 3\r")
        #expect(none.isEmpty)
        #expect(parsed?["c"]?.int == 3)
    }

    @Test func aNodeAfterALoneCRIsQuotedFromItsOwnLine() throws {
        let text = "a: 1 # note\rb: 2\nc: 3\r\nd: 4\u{2028}e: 5\n"
        let (node, diagnostics) = parse(text)
        #expect(diagnostics.isEmpty)
        var files = SourceFiles()
        files.add(path: "c.yaml", text: text)
        for key in ["a", "b", "c", "d", "e"] {
            let mark = try #require(node?[key]?.mark)
            let line = try #require(files.line(mark.line, of: "c.yaml"))
            #expect(line.hasPrefix("\(key): "), "\(key) at line \(mark.line): '\(line)'")
            #expect(line.unicodeScalars.dropFirst(mark.column - 1).first == line.unicodeScalars.dropFirst(3).first)
        }
    }

    @Test func nestingTooDeepAfterLoneCRsIsPlacedOnLibyamlsLine() throws {
        let text = "a: 1\rb: 2 # [[[[\rc: " + String(repeating: "[", count: 200)
        let (_, diagnostics) = parse(text)
        #expect(diagnostics.first?.location == SourceLocation(file: "c.yaml", line: 3, column: 4 + YAMLEventScan.maxDepth))
    }
}
