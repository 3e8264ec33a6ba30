import ArgumentParser
import Foundation
import GlocalCore
import GlocalUseCases

/// Options shared by the commands that work on one workspace and its store.
struct WorkspaceOptions: ParsableArguments {
    @Option(
        name: .customLong("workspace"),
        help: "The workspace directory (default: the current directory or its nearest parent with a glocal.yaml).")
    var workspacePath: String?

    @Option(
        help: """
            The store: a SQLite file, or a postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?schema=NAME] URL shared by \
            several nodes (default: $GLOCAL_DATABASE_URL, else $GLOCAL_DATABASE, else .glocal/glocal.sqlite in the workspace).
            """)
    var database: String?

    @Option(
        help:
            "Take this instant as now (an ISO 8601 date-time with its zone, e.g. 2026-11-21T09:00:00Z): plan and apply schedule nothing before it, the other commands read their clock from it. Default: now."
    )
    var now: String?

    /// The workspace and its store, as the options name them (relative to the current directory).
    func access() throws -> WorkspaceAccess {
        try WorkspaceAccess(
            workspacePath: workspacePath, database: database,
            currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    }

    /// The server's clock: `--now` shifts it rather than stopping it, so sessions still expire.
    func shiftedClock() throws -> @Sendable () -> Date {
        let offset = try now == nil ? 0 : instant().timeIntervalSinceNow
        return { Date().addingTimeInterval(offset) }
    }

    /// The planning instant.
    func instant() throws -> Date { try Self.instant(now) }

    /// The instant `--now` names (the current one when absent).
    static func instant(_ now: String?) throws -> Date {
        guard let now else { return Date() }
        return try instant(now, option: "--now")
    }

    /// The instant `text`, the value of `option`: a full ISO 8601 date-time with its zone (``InstantArgument``);
    /// anything else, a bare date included, is refused with an example.
    static func instant(_ text: String, option: String) throws -> Date {
        do { return try InstantArgument(text, option: option).date } catch { throw CommandFailure(message: "\(error)") }
    }
}
