import ArgumentParser
import Foundation
import GlocalCore
import GlocalUseCases
import GlocalYAML

/// `glocal validate`: checks workspaces and campaigns the way CI gates pull requests.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a workspace: YAML structure, references, translations and every variant against its network's rules.",
        discussion: """
            PATH is a workspace directory or files inside one (default: the current directory).
            Naming campaign files checks only those campaigns, with the rest of the workspace as context.
            Exit status: 0 clean, 1 errors (or warnings with --strict), 2 usage or I/O error.
            """)

    @Argument(help: "Workspace directories or files inside a workspace.")
    var paths: [String] = []

    @Option(help: "Output format: text, json, github or sarif.")
    var format: OutputFormatArgument = .text

    @Flag(help: "Fail on warnings too.")
    var strict = false

    @Flag(
        name: .shortAndLong,
        help: "Show notes (locale fallbacks, unused strings) in text and GitHub output; JSON and SARIF always have them.")
    var verbose = false

    @Flag(help: "Print an overview of the workspace after the diagnostics (text format).")
    var summary = false

    @Option(help: "Colour in text output: auto, always or never.")
    var color: ColorChoice = .auto

    @Option(
        help:
            "Check API versions against their sunsets as at this instant (an ISO 8601 date-time with its zone, e.g. 2026-11-21T09:00:00Z). Default: now."
    )
    var now: String?

    func run() throws {
        let run = ValidationRun(
            paths: paths, format: format.value, strict: strict, verbose: verbose, summary: summary,
            useColor: color.enabled(for: FileHandle.standardOutput),
            currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath), toolVersion: GlocalCommand.version,
            now: try WorkspaceOptions.instant(now))
        let result = try run.execute()
        FileHandle.standardOutput.write(Data(result.output.utf8))
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
    }
}

/// The output format as a command-line argument.
struct OutputFormatArgument: ExpressibleByArgument, CustomStringConvertible {
    let value: OutputFormat

    var description: String { value.rawValue }

    var defaultValueDescription: String { value.rawValue }

    static let text = OutputFormatArgument(value: .text)

    init(value: OutputFormat) { self.value = value }

    init?(argument: String) {
        guard let format = OutputFormat(rawValue: argument) else { return nil }
        value = format
    }

    static var allValueStrings: [String] { OutputFormat.allCases.map(\.rawValue) }
}

/// When to colour text output.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    func enabled(for handle: FileHandle) -> Bool {
        enabled(isTerminal: isatty(handle.fileDescriptor) != 0, environment: ProcessInfo.processInfo.environment)
    }

    /// `auto` colours a terminal unless `NO_COLOR` is set to something (no-color.org: an empty value does not count)
    /// or `TERM` is `dumb`.
    func enabled(isTerminal: Bool, environment: [String: String]) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto: return isTerminal && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
        }
    }
}
