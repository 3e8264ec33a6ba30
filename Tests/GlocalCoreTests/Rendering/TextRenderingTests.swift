import Testing

@testable import GlocalCore

@Suite("Rendering: text")
struct TextRenderingTests {
    @Test func rendersCompilerStyleReport() {
        let output = TextDiagnosticRenderer(sources: RenderingFixtures.sources).render(RenderingFixtures.report)
        let expected =
            [
                "glocal: error[file.missing]: teams.yaml is missing",
                "   note: create it",
                "",
                "accounts.yaml:3:10: warning[value.invalid]: a handle does not start with '@'",
                "    3 |  handle: @acme",
                "      |          ^~~~~",
                "",
                "campaigns/hydra.yaml:12:16: error[network.unknown]: unknown network 'mastadon'",
                "   12 |     networks: [mastadon]",
                "      |                ^~~~~~~~",
                "   note: did you mean 'mastodon'?",
                "",
                "campaigns/hydra.yaml:14:11: warning[text.too-long]: [x @acme-jp] text is 300 characters; X allows 280",
                "   14 |   - text: Hello world",
                "      |           ^~~~~~~~~~~",
                "",
                "locales/ja.yaml:2:11: note[string.fallback]: '{nam}' is not a known variable",
                "    2 | hero: 日本語 {nam}",
                "      |              ^~~~~",
                "",
                "2 errors, 2 warnings, 1 note in 4 files (1 account, 1 campaign, 12 variants checked)",
            ].joined(separator: "\n") + "\n"
        #expect(output == expected)
        #expect(!output.contains("\u{1B}"))
    }

    @Test func emptyReportIsJustTheSummary() {
        var stats = WorkspaceStatistics()
        stats.files = 1
        stats.variants = 1
        let output = TextDiagnosticRenderer(sources: SourceFiles())
            .render(ValidationReport(diagnostics: [], statistics: stats))
        #expect(output == "0 errors, 0 warnings, 0 notes in 1 file (0 accounts, 0 campaigns, 1 variant checked)\n")
    }

    @Test func singularCountsAndMissingSourceLine() {
        var stats = WorkspaceStatistics()
        stats.files = 2
        stats.accounts = 1
        stats.campaigns = 2
        let report = ValidationReport(
            diagnostics: [
                Diagnostic(.error, .yamlSyntax, "bad", at: SourceLocation(file: "gone.yaml", line: 3, column: 1)),
                Diagnostic(.warning, .yamlSyntax, "past the end", at: SourceLocation(file: "a.yaml", line: 9, column: 1)),
                Diagnostic(.note, .stringUnused, "unused", at: nil),
            ], statistics: stats)
        var sources = SourceFiles()
        sources.add(path: "a.yaml", text: "one\n")
        let expected = """
            glocal: note[string.unused]: unused

            a.yaml:9:1: warning[yaml.syntax]: past the end

            gone.yaml:3:1: error[yaml.syntax]: bad

            1 error, 1 warning, 1 note in 2 files (1 account, 2 campaigns, 0 variants checked)

            """
        #expect(TextDiagnosticRenderer(sources: sources).render(report) == expected)
    }

    @Test func gutterGrowsWithTheLargestLineNumber() {
        let text = String(repeating: "x\n", count: 12344) + "key: value\n"
        var sources = SourceFiles()
        sources.add(path: "big.yaml", text: text)
        let report = ValidationReport(
            diagnostics: [
                Diagnostic(
                    .error, .keyUnknown, "unknown key", at: SourceLocation(file: "big.yaml", line: 12345, column: 1, length: 3)),
                Diagnostic(.error, .keyUnknown, "again", at: SourceLocation(file: "big.yaml", line: 2, column: 1)),
            ], statistics: WorkspaceStatistics())
        let lines = TextDiagnosticRenderer(sources: sources).render(report).split(
            separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[1] == "     2 | x")
        #expect(lines[2] == "       | ^")
        #expect(lines[5] == " 12345 | key: value")
        #expect(lines[6] == "       | ^~~")
    }

    @Test func wideCharactersCombiningMarksAndEndOfLine() {
        var sources = SourceFiles()
        sources.add(path: "w.yaml", text: "t: 한국어 😀 ok\nx: cafe\u{301} ok\nab\n")
        let renderer = TextDiagnosticRenderer(sources: sources)
        func excerpt(_ line: Int, _ column: Int, _ length: Int) -> TextDiagnosticRenderer.Excerpt? {
            renderer.excerpt(
                for: Diagnostic(
                    .error, .textTooLong, "m", at: SourceLocation(file: "w.yaml", line: line, column: column, length: length)))
        }
        // The CJK word itself: 3 scalars, 6 columns.
        #expect(excerpt(1, 4, 3).map { [$0.padding, $0.underlineWidth] } == [3, 6])
        // After CJK and an emoji: "t: " 3 + 6 + 1 + 2 + 1.
        #expect(excerpt(1, 10, 2).map { [$0.padding, $0.underlineWidth] } == [13, 2])
        // A combining accent takes no column.
        #expect(excerpt(2, 10, 2).map { [$0.padding, $0.underlineWidth] } == [8, 2])
        // A column just past the end of the line points there; further is clamped.
        #expect(excerpt(3, 3, 4).map { [$0.padding, $0.underlineWidth] } == [2, 1])
        #expect(excerpt(3, 40, 1).map { [$0.padding, $0.underlineWidth] } == [2, 1])
        #expect(excerpt(9, 1, 1) == nil)
    }

    @Test func colourUsesAnsiCodes() {
        var sources = SourceFiles()
        sources.add(path: "a.yaml", text: "k: v\n")
        let report = ValidationReport(
            diagnostics: [
                Diagnostic(
                    .warning, .keyUnknown, "unknown key 'k'", at: SourceLocation(file: "a.yaml", line: 1, column: 1), notes: ["n"]
                )
            ], statistics: WorkspaceStatistics())
        let e = "\u{1B}["
        let expected =
            [
                "\(e)1ma.yaml:1:1: \(e)0m\(e)1;33mwarning\(e)0m\(e)1m[key.unknown]: unknown key 'k'\(e)0m",
                "    1 | k: v",
                "      | \(e)32m^\(e)0m",
                "   \(e)1;36mnote\(e)0m: n",
                "",
                "0 errors, 1 warning, 0 notes in 0 files (0 accounts, 0 campaigns, 0 variants checked)",
            ].joined(separator: "\n") + "\n"
        #expect(TextDiagnosticRenderer(sources: sources, useColor: true).render(report) == expected)
        let error = ValidationReport(
            diagnostics: [Diagnostic(.error, .fileMissing, "m", at: nil)], statistics: WorkspaceStatistics())
        #expect(
            TextDiagnosticRenderer(sources: sources, useColor: true).render(error).hasPrefix(
                "\(e)1mglocal: \(e)0m\(e)1;31merror\(e)0m"))
    }
}
