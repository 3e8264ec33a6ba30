import Foundation
import GlocalCore
import GlocalYAML

/// One `glocal validate` invocation, separated from the argument parsing so tests can run it in-process.
public struct ValidationRun: Sendable {
    /// Workspace directories or files inside workspaces (none: the current directory).
    public var paths: [String]
    /// The output format.
    public var format: OutputFormat
    /// Whether warnings fail too.
    public var strict: Bool
    /// Whether notes are shown (text, github).
    public var verbose: Bool = false
    /// Whether an overview of each workspace follows the diagnostics (text).
    public var summary: Bool = false
    /// Whether text output is coloured.
    public var useColor: Bool = false
    /// Where relative paths start.
    public var currentDirectory: URL
    /// The version SARIF output names as the tool's.
    public var toolVersion: String = GlocalVersion.current
    /// The instant API versions are checked at (`--now`); `nil` checks only posts against sunsets.
    public var now: Date? = nil

    /// A run over `paths`.
    public init(
        paths: [String], format: OutputFormat, strict: Bool, verbose: Bool = false, summary: Bool = false,
        useColor: Bool = false, currentDirectory: URL, toolVersion: String = GlocalVersion.current, now: Date? = nil
    ) {
        self.paths = paths
        self.format = format
        self.strict = strict
        self.verbose = verbose
        self.summary = summary
        self.useColor = useColor
        self.currentDirectory = currentDirectory
        self.toolVersion = toolVersion
        self.now = now
    }

    /// Validates every workspace named and renders the combined report.
    public func execute() throws -> (output: String, exitCode: Int32) {
        let locator = WorkspaceLocator(currentDirectory: currentDirectory)
        var report: ValidationReport? = nil
        var sources = SourceFiles()
        var overviews: [String] = []
        for target in try locator.targets(for: paths) {
            let loaded = WorkspaceLoader(root: target.root).load()
            let validator = WorkspaceValidator(media: FileMediaInspector(root: target.root))
            let prefix = locator.displayPrefix(for: target.root)
            var single = validator.validate(
                loaded.workspace, readingDiagnostics: loaded.diagnostics, fileCount: loaded.fileCount,
                unreadableFiles: loaded.unreadableFiles, campaignFiles: target.campaignFiles, now: now
            )
            // Every SARIF result needs a location for GitHub code scanning: a problem with no file points at the
            // workspace's glocal.yaml.
            if format == .sarif { single = single.anchoringUnlocated(at: "glocal.yaml") }
            single = single.relocated(prefix: prefix)
            report = report.map { $0.merged(with: single) } ?? single
            sources = sources.merged(with: loaded.sources.relocated(prefix: prefix))
            if summary, let workspace = loaded.workspace { overviews.append(WorkspaceOverview(workspace: workspace).render()) }
        }
        guard let report else { throw UseCaseError.noSuchPath(paths.first ?? ".") }
        let output: String
        switch format {
        case .text:
            var text = TextDiagnosticRenderer(sources: sources, useColor: useColor, showNotes: verbose).render(report)
            if !overviews.isEmpty { text += "\n" + overviews.joined(separator: "\n") }
            output = text
        case .json: output = JSONDiagnosticRenderer().render(report)
        case .github:
            // Notes would crowd a pull request's annotations; --verbose adds them.
            output = GitHubAnnotationRenderer(showNotes: verbose).render(report)
        case .sarif:
            output = SARIFRenderer(toolVersion: toolVersion, sourceRoot: currentDirectory.standardizedFileURL.path)
                .render(report)
        }
        return (output, report.fails(strict: strict) ? 1 : 0)
    }
}
