import Foundation
import Testing

@testable import GlocalCore

/// Long lines are cut to a window around the caret, and text from workspace files cannot act on a terminal.
@Suite("Rendering: windows and escaping")
struct DiagnosticTextTests {
    func render(_ line: String, column: Int, length: Int = 1, message: String = "bad") -> [String] {
        var sources = SourceFiles()
        sources.add(path: "a.yaml", text: "first\n" + line + "\nlast\n")
        let diagnostic = Diagnostic(
            .error, .valueInvalid, message, at: SourceLocation(file: "a.yaml", line: 2, column: column, length: length))
        let output = TextDiagnosticRenderer(sources: sources).render(
            ValidationReport(diagnostics: [diagnostic], statistics: WorkspaceStatistics()))
        return output.components(separatedBy: "\n")
    }

    @Test func shortLinesAreQuotedWhole() {
        let line = "text: " + String(repeating: "a", count: 500)
        let lines = render(line, column: 7, length: 500)
        #expect(lines[1] == "    2 | " + line)
        #expect(lines[2] == "      |       ^" + String(repeating: "~", count: 499))
    }

    @Test func longLineIsCutAroundTheCaretOnBothSides() {
        let line = String(repeating: "a", count: 5_000) + "XYZ" + String(repeating: "b", count: 5_000)
        let lines = render(line, column: 5_001, length: 3)
        let shown = String(lines[1].dropFirst("    2 | ".count))
        #expect(shown.hasPrefix("…"))
        #expect(shown.hasSuffix("…"))
        #expect(shown.unicodeScalars.count == TextDiagnosticRenderer.windowWidth + 2)
        // The caret sits under X: one column for the leading ellipsis, then the 40 scalars of lead.
        let caretLine = String(lines[2].dropFirst("      | ".count))
        let caretColumn = caretLine.firstIndex(of: "^").map { caretLine.distance(from: caretLine.startIndex, to: $0) }
        let xColumn = shown.firstIndex(of: "X").map { shown.distance(from: shown.startIndex, to: $0) }
        #expect(caretColumn == xColumn)
        #expect(caretLine.hasSuffix("^~~"))
    }

    @Test func hugeUnderlineStopsAtTheWindow() {
        let line = "text: \"" + String(repeating: "é", count: 100_000) + "\""
        let lines = render(line, column: 7, length: 100_002)
        #expect(lines[1].unicodeScalars.count < 200)
        #expect(!lines[1].hasPrefix("    2 | …"))  // The caret is near the start: nothing cut before it.
        #expect(lines[1].hasSuffix("…"))
        #expect(lines[2].count < 200)
    }

    @Test func columnPastAHugeLineShowsItsTail() {
        let line = String(repeating: "z", count: 1_000)
        let lines = render(line, column: 1_005)
        #expect(lines[1] == "    2 | …" + String(repeating: "z", count: TextDiagnosticRenderer.windowLead))
        #expect(lines[2] == "      | " + String(repeating: " ", count: TextDiagnosticRenderer.windowLead + 1) + "^")
    }

    @Test func controlCharactersInExcerptsBecomeVisiblePlaceholdersAndKeepTheCaret() {
        // (A lone CR or U+2028 would end the line, as YAML reads it: YAMLLineCounterTests.)
        let lines = render("text: \u{1B}[31mred\u{8}\u{7} \u{202E}x\u{2066}! \tend", column: 23, length: 3)
        #expect(lines[1] == "    2 | text: ␛[31mred␈␇ �x�!  end")
        #expect(lines[2] == "      |                       ^~~")
        #expect(!lines.joined().unicodeScalars.contains { DiagnosticText.isUnsafe($0) })
    }

    @Test func messagesAndNotesEscapeControls() {
        let lines = render("x", column: 1, message: "unknown key 'a\u{1B}]0;pwned\u{7}b\u{202E}'")
        #expect(lines[0] == "a.yaml:2:1: error[value.invalid]: unknown key 'a\\u{1B}]0;pwned\\u{7}b\\u{202E}'")
    }

    @Test func escapingNamesEveryUnsafeScalar() {
        #expect(DiagnosticText.escaped("a\u{85}b\u{2029}c\u{0}") == "a\\u{85}b\\u{2029}c\\u{0}")
        #expect(DiagnosticText.escaped("café 日本 🙂") == "café 日本 🙂")
        #expect(DiagnosticText.escaped("a\r\nb", keeping: ["\r", "\n"]) == "a\r\nb")
    }

    @Test func codePointNames() {
        #expect(DiagnosticText.codePointName("\u{A0}") == "U+00A0 NO-BREAK SPACE")
        #expect(DiagnosticText.codePointName("\u{3000}") == "U+3000 IDEOGRAPHIC SPACE")
        #expect(DiagnosticText.isSpaceLookalike("\u{A0}"))
        #expect(!DiagnosticText.isSpaceLookalike(" "))
    }

    @Test func quotedValuesAndMessagesAreCut() {
        #expect(DiagnosticText.cut("short") == "short")
        #expect(DiagnosticText.cut(String(repeating: "x", count: 81)) == String(repeating: "x", count: 80) + "…")
        let huge = "'" + String(repeating: "v", count: 1_000_000) + "' is not valid"
        let diagnostic = Diagnostic(.error, .valueInvalid, huge, at: nil, notes: [huge])
        #expect(diagnostic.message.unicodeScalars.count == DiagnosticText.messageLimit + 1)
        #expect(diagnostic.message.hasSuffix("' is not valid"))
        #expect(diagnostic.notes[0].unicodeScalars.count == DiagnosticText.messageLimit + 1)
    }

    @Test func githubKeepsPercentEncodedBreaksAndEscapesOtherControls() {
        let diagnostic = Diagnostic(
            .error, .valueInvalid, "50% a\u{1B}[2Jb\r\nc", at: SourceLocation(file: "a.yaml", line: 1, column: 1),
            notes: ["n\u{7}"])
        let command = GitHubAnnotationRenderer().command(for: diagnostic)
        #expect(command.hasSuffix("::50%25 a\\u{1B}[2Jb%0D%0Ac%0Anote: n\\u{7}"))
        #expect(!command.unicodeScalars.contains { DiagnosticText.isUnsafe($0) })
    }

    @Test func jsonAndSARIFStayValidWithControlsAndHugeValues() throws {
        let huge = String(repeating: "w", count: 200_000)
        let report = ValidationReport(
            diagnostics: [
                Diagnostic(
                    .error, .valueInvalid, "'\u{1B}\u{0}\u{2028}\(huge)'", at: SourceLocation(file: "a.yaml", line: 1, column: 1),
                    notes: ["\u{202E}"])
            ], statistics: WorkspaceStatistics())
        for output in [
            JSONDiagnosticRenderer().render(report), SARIFRenderer(toolVersion: "1", informationURI: "https://x").render(report),
        ] {
            #expect(output.utf8.count < 10_000)
            #expect(!output.unicodeScalars.contains("\u{1B}"))
            _ = try JSONSerialization.jsonObject(with: Data(output.utf8))
        }
    }

    @Test func sourceLinesAreFoundByIndexWithCRLF() {
        var sources = SourceFiles()
        sources.add(path: "a", text: "one\r\ntwo\nthree\rfour\n")
        #expect(sources.line(1, of: "a") == "one")
        #expect(sources.line(2, of: "a") == "two")
        #expect(sources.line(3, of: "a") == "three")  // A lone CR ends a line, as libyaml counts it.
        #expect(sources.line(4, of: "a") == "four")
        #expect(sources.line(5, of: "a") == "")
        #expect(sources.line(6, of: "a") == nil)
        #expect(sources.line(0, of: "a") == nil)
    }
}

/// Control characters are named even where the platform's Unicode tables have no alias for them.
@Suite("Rendering: code point names")
struct CodePointNameTests {
    @Test func controlsHaveNames() {
        #expect(DiagnosticText.codePointName("\u{1B}") == "U+001B ESCAPE")
        #expect(DiagnosticText.codePointName("\u{7}") == "U+0007 BELL")
        #expect(DiagnosticText.codePointName("\u{202E}") == "U+202E RIGHT-TO-LEFT OVERRIDE")
    }
}
