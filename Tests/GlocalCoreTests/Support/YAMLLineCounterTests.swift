import GlocalCore
import Testing

/// Lines end where YAML ends them (LF, CR LF, a lone CR, NEL, LS, PS), so a quoted line is the one libyaml's
/// position names.
@Suite struct YAMLLineCounterTests {
    /// Every kind of break, one per line, then a last line without one.
    static let mixed = "a: 1\nb: 2\r\nc: 3\rd: 4\u{85}e: 5\u{2028}f: 6\u{2029}g: 7"

    @Test func everyYAMLLineBreakStartsALineAndCRLFIsOne() {
        var counter = YAMLLineCounter()
        var starts: [Int] = []
        for scalar in Self.mixed.unicodeScalars {
            let line = counter.line
            counter.advance(past: scalar)
            if counter.line > line { starts.append(counter.line) }
        }
        #expect(starts == [2, 3, 4, 5, 6, 7])
        #expect(counter.line == 7)
        #expect(counter.column == 5)
    }

    @Test func columnsCountScalarsAndRestartAfterABreak() {
        #expect(YAMLLineCounter.position(ofUTF8Offset: 0, in: "é😀x") == (1, 1))
        #expect(YAMLLineCounter.position(ofUTF8Offset: 2, in: "é😀x") == (1, 2))
        #expect(YAMLLineCounter.position(ofUTF8Offset: 6, in: "é😀x") == (1, 3))
        #expect(YAMLLineCounter.position(ofUTF8Offset: 4, in: "ab\r\nc") == (2, 1))
        #expect(YAMLLineCounter.position(ofUTF8Offset: 3, in: "ab\rc") == (2, 1))
    }

    @Test func sourceFilesQuoteEachLineWithoutItsBreak() {
        var files = SourceFiles()
        files.add(path: "c.yaml", text: Self.mixed)
        let lines = (1...7).map { files.line($0, of: "c.yaml").map(String.init) }
        #expect(lines == ["a: 1", "b: 2", "c: 3", "d: 4", "e: 5", "f: 6", "g: 7"])
        #expect(files.line(8, of: "c.yaml") == nil)
        files.add(path: "empty.yaml", text: "x\r\r\n\n")
        #expect((1...4).map { files.line($0, of: "empty.yaml").map(String.init) } == ["x", "", "", ""])
    }
}
