import Foundation
import GlocalCore
import GlocalYAML

/// One `glocal validate` invocation, separated from the argument parsing so tests can run it in-process.
struct ValidationRun {
    var paths: [String]
    var format: OutputFormat
    var strict: Bool
    var verbose: Bool = false
    var summary: Bool = false
    var useColor: Bool = false
    var currentDirectory: URL
    /// The instant API versions are checked at (`--now`); `nil` checks only posts against sunsets.
    var now: Date? = nil

    /// Validates every workspace named and renders the combined report.
    func execute() throws -> (output: String, exitCode: Int32) {
        let locator = WorkspaceLocator(currentDirectory: currentDirectory)
        var report: ValidationReport? = nil
        var sources = SourceFiles()
        var overviews: [String] = []
        for target in try locator.targets(for: paths) {
            let loaded = WorkspaceLoader(root: target.root).load()
            let validator = WorkspaceValidator(media: FileMediaInspector(root: target.root))
            let prefix = locator.displayPrefix(for: target.root)
            let single = validator.validate(
                loaded.workspace, readingDiagnostics: loaded.diagnostics, fileCount: loaded.fileCount,
                unreadableFiles: loaded.unreadableFiles, campaignFiles: target.campaignFiles, now: now
            ).relocated(prefix: prefix)
            report = report.map { $0.merged(with: single) } ?? single
            sources = sources.merged(with: loaded.sources.relocated(prefix: prefix))
            if summary, let workspace = loaded.workspace { overviews.append(WorkspaceOverview(workspace: workspace).render()) }
        }
        guard let report else { throw CommandFailure(message: "nothing to validate") }
        let output: String
        switch format {
        case .text:
            var text = TextDiagnosticRenderer(sources: sources, useColor: useColor, showNotes: verbose).render(report)
            if !overviews.isEmpty { text += "\n" + overviews.joined(separator: "\n") }
            output = text
        case .json: output = JSONDiagnosticRenderer().render(report)
        case .github:
            // Notes would crowd a pull request's annotations; --verbose adds them.
            let shown =
                verbose
                ? report
                : ValidationReport(
                    diagnostics: report.diagnostics.filter { $0.severity != .note }, statistics: report.statistics)
            output = GitHubAnnotationRenderer().render(shown)
        case .sarif:
            output = SARIFRenderer(toolVersion: GlocalCommand.version, sourceRoot: currentDirectory.standardizedFileURL.path)
                .render(report)
        }
        return (output, report.fails(strict: strict) ? ExitStatus.failed : ExitStatus.clean)
    }
}
