@testable import GlocalCore

/// A small hand-built workspace and report shared by the renderer tests.
enum RenderingFixtures {
    static let hydraPath = "campaigns/hydra.yaml"

    static var sources: SourceFiles {
        var files = SourceFiles()
        let filler = (2...11).map { "# filler \($0)" }
        let hydra = ["campaign: hydra"] + filler + ["    networks: [mastadon]", "posts:", "  - text: Hello world"]
        files.add(path: hydraPath, text: hydra.joined(separator: "\n") + "\n")
        files.add(path: "locales/ja.yaml", text: "locale: ja\nhero: 日本語 {nam}\n")
        files.add(path: "accounts.yaml", text: "accounts:\n  - id: acme\n\thandle:\t@acme\n")
        return files
    }

    static var statistics: WorkspaceStatistics {
        var stats = WorkspaceStatistics()
        stats.files = 4
        stats.accounts = 1
        stats.locales = 1
        stats.campaigns = 1
        stats.posts = 2
        stats.variants = 12
        return stats
    }

    /// Five diagnostics: no location, a tab, a note, a variant past the end of its line, CJK before the caret.
    static var report: ValidationReport {
        ValidationReport(
            diagnostics: [
                Diagnostic(
                    .error, .networkUnknown, "unknown network 'mastadon'",
                    at: SourceLocation(file: hydraPath, line: 12, column: 16, length: 8),
                    notes: ["did you mean 'mastodon'?"]),
                Diagnostic(
                    .note, .stringFallback, "'{nam}' is not a known variable",
                    at: SourceLocation(file: "locales/ja.yaml", line: 2, column: 11, length: 5)),
                Diagnostic(
                    .warning, .textTooLong, "[x @acme-jp] text is 300 characters; X allows 280",
                    at: SourceLocation(file: hydraPath, line: 14, column: 11, length: 30),
                    network: .x, account: "acme-jp"),
                Diagnostic(.error, .fileMissing, "teams.yaml is missing", at: nil, notes: ["create it"]),
                Diagnostic(
                    .warning, .valueInvalid, "a handle does not start with '@'",
                    at: SourceLocation(file: "accounts.yaml", line: 3, column: 10, length: 5)),
            ],
            statistics: statistics)
    }
}
