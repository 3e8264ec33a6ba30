import Foundation
import GlocalCore
import GlocalYAML

/// One in-process validation of a workspace, run the way `glocal validate` runs it (loader, validator,
/// every renderer), with the checks that tell a finding from an ordinary validation result.
struct ValidationProbe {
    /// What one run produced.
    struct Outcome: Equatable {
        /// The exit status `glocal validate` would give: 0 clean, 1 validation failed.
        var exitCode: Int32
        /// How many diagnostics the report holds.
        var diagnostics: Int
        /// A broken invariant (a finding), or `nil`.
        var problem: Finding.Problem?
    }

    var root: URL

    /// Loads, validates and renders the workspace in every output format, then checks the outputs.
    func run() -> Outcome {
        let loaded = WorkspaceLoader(root: root).load()
        let report = WorkspaceValidator(media: FileMediaInspector(root: root)).validate(
            loaded.workspace, readingDiagnostics: loaded.diagnostics, fileCount: loaded.fileCount,
            unreadableFiles: loaded.unreadableFiles)
        let text = TextDiagnosticRenderer(sources: loaded.sources, useColor: false, showNotes: true).render(report)
        let json = JSONDiagnosticRenderer().render(report)
        let github = GitHubAnnotationRenderer().render(report)
        let sarif = SARIFRenderer(toolVersion: "fuzz", sourceRoot: root.standardizedFileURL.path).render(report)
        let exitCode: Int32 = report.fails(strict: false) ? 1 : 0
        var problem: Finding.Problem? = nil
        if loaded.workspace == nil && report.count(.error) == 0 {
            problem = .init(kind: .exit2, signature: "workspace unreadable but no error diagnostic")
        } else {
            problem = OutputChecks.problem(text: text, json: json, github: github, sarif: sarif)
        }
        return Outcome(exitCode: exitCode, diagnostics: report.diagnostics.count, problem: problem)
    }
}

/// Checks on the rendered outputs: each must be well-formed whatever the input held.
enum OutputChecks {
    /// The first broken output rule, or `nil` when all outputs are well-formed.
    static func problem(text: String, json: String, github: String, sarif: String) -> Finding.Problem? {
        for (name, document) in [("json", json), ("sarif", sarif)] where !isJSONObject(document) {
            return .init(kind: .output, signature: "\(name) output is not a JSON object")
        }
        let lines = github.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        for line in lines.dropLast()
        where
            !(line.hasPrefix("::error ") || line.hasPrefix("::warning ")
            || line.hasPrefix("::notice ") || line.hasPrefix("::error::") || line.hasPrefix("::warning::")
            || line.hasPrefix("::notice::"))
        {
            return .init(kind: .output, signature: "github output has a line that is not a workflow command")
        }
        if let scalar = text.unicodeScalars.first(where: isTerminalControl) {
            let code = String(format: "U+%04X", scalar.value)
            return .init(kind: .output, signature: "text output holds the raw control character \(code)")
        }
        return nil
    }

    /// Control characters a terminal would act on (line feed and tab are layout, not control, here).
    static func isTerminalControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && value != 0x0A && value != 0x09) || value == 0x7F || (0x80...0x9F).contains(value)
    }

    private static func isJSONObject(_ document: String) -> Bool {
        guard let object = try? JSONSerialization.jsonObject(with: Data(document.utf8)) else { return false }
        return object is [String: Any]
    }
}
