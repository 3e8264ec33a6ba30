import GlocalCore
import Testing
import Yams

@testable import GlocalYAML

/// Where a string's characters are in its file: only a value written on one line, character for character, maps
/// offsets to columns; a plain or quoted scalar folded over lines has no line break in its value, but its source does.
@Suite struct ScalarLayoutTests {
    /// The layout of the value of the only key in `yaml`, found as the locale decoder finds it.
    func layout(_ yaml: String) throws -> ScalarLayout {
        let node = try #require(try Yams.compose(yaml: yaml))
        let value = try #require(node.mapping.map(Array.init)?.last?.value)
        let scalar = try #require(value.scalar)
        let mark = try #require(value.mark)
        return ScalarLayout.of(
            scalar.string, style: scalar.style, source: SourceLineIndex(yaml).text(fromLine: mark.line, column: mark.column))
    }

    @Test func aValueOnOneLineIsVerbatim() throws {
        #expect(try layout("t: Hello from Paris\n") == .verbatim)
        #expect(try layout("t: \"Hello from Paris\"\n") == .verbatim)
        #expect(try layout("t: 'Hello from Paris'  # comment\n") == .verbatim)
        #expect(try layout("a: 1\r\nt: \"x\"\r\n") == .verbatim)
    }

    @Test func escapesKeepItOnOneLineButShiftTheColumns() throws {
        #expect(try layout(#"t: "say \"hi\"""# + "\n") == .oneLine)
        #expect(try layout("t: 'l''heure'\n") == .oneLine)
        #expect(try layout("t: 'ends with '''\n") == .oneLine)
    }

    @Test func aFoldedScalarIsOnSeveralLines() throws {
        #expect(try layout("t: aaaa\n  bbbb\n") == .severalLines)
        #expect(try layout("t: \"Hello from our team\n  in {city}\"\n") == .severalLines)
        #expect(try layout("t: 'one\n  two'\n") == .severalLines)
        #expect(try layout("t: \"one \\\n  two\"\n") == .severalLines)
        #expect(try layout("t: |\n  one\n") == .severalLines)
        #expect(try layout("t: aaaa\n\n  bbbb\n") == .severalLines)
    }

    @Test func theLineIndexCountsLinesAsYAMLDoes() {
        let index = SourceLineIndex("a\r\nbc\rd\u{2028}e")
        #expect(String(index.text(fromLine: 2, column: 2)) == "c\rd\u{2028}e")
        #expect(String(index.text(fromLine: 3, column: 1)) == "d\u{2028}e")
        #expect(String(index.text(fromLine: 4, column: 1)) == "e")
        #expect(String(index.text(fromLine: 5, column: 1)).isEmpty)
        #expect(String(index.text(fromLine: 1, column: 9)).isEmpty, "past the end of the line")
    }
}
