import Testing

@testable import GlocalCore

@Suite("Rendering: GitHub annotations")
struct GitHubRenderingTests {
    @Test func rendersOneCommandPerDiagnosticAndASummary() {
        let expected =
            [
                "::error title=file.missing::teams.yaml is missing%0Anote: create it",
                "::warning file=accounts.yaml,line=3,col=10,endColumn=15,title=value.invalid::a handle does not start with '@'",
                "::error file=campaigns/hydra.yaml,line=12,col=16,endColumn=24,title=network.unknown::unknown network 'mastadon'%0Anote: did you mean 'mastodon'?",
                "::warning file=campaigns/hydra.yaml,line=14,col=11,endColumn=41,title=text.too-long (x/acme-jp)::[x @acme-jp] text is 300 characters; X allows 280",
                "::notice file=locales/ja.yaml,line=2,col=11,endColumn=16,title=string.fallback::'{nam}' is not a known variable",
                "2 errors, 2 warnings, 1 note in 4 files (1 account, 1 campaign, 12 variants checked)",
            ].joined(separator: "\n") + "\n"
        #expect(GitHubAnnotationRenderer().render(RenderingFixtures.report) == expected)
    }

    @Test func escapesDataAndProperties() {
        let diagnostic = Diagnostic(
            .error, .linkInvalid, "50% off:\r\nnow, today", at: SourceLocation(file: "dir:a,b.yaml", line: 1, column: 2),
            notes: ["a:b, c%", "second"], network: .bluesky, account: "team,one:two")
        #expect(
            GitHubAnnotationRenderer().command(for: diagnostic)
                == "::error file=dir%3Aa%2Cb.yaml,line=1,col=2,endColumn=3,title=link.invalid (bluesky/team%2Cone%3Atwo)"
                + "::50%25 off:%0D%0Anow, today%0Anote: a:b, c%25%0Anote: second")
        #expect(GitHubAnnotationRenderer.escapeData("100%\n") == "100%25%0A")
        #expect(GitHubAnnotationRenderer.escapeProperty("a:b,c%d\re") == "a%3Ab%2Cc%25d%0De")
    }

    @Test func emptyReportAndSingularSummary() {
        var stats = WorkspaceStatistics()
        stats.files = 1
        stats.accounts = 1
        stats.campaigns = 1
        stats.variants = 1
        let report = ValidationReport(
            diagnostics: [Diagnostic(.note, .stringUnused, "unused key 'x'", at: nil)], statistics: stats)
        #expect(
            GitHubAnnotationRenderer().render(report)
                == "::notice title=string.unused::unused key 'x'\n"
                + "0 errors, 0 warnings, 1 note in 1 file (1 account, 1 campaign, 1 variant checked)\n")
        #expect(
            GitHubAnnotationRenderer().render(ValidationReport(diagnostics: [], statistics: WorkspaceStatistics()))
                == "0 errors, 0 warnings, 0 notes in 0 files (0 accounts, 0 campaigns, 0 variants checked)\n")
    }
}
