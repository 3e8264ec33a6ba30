import ArgumentParser
import Foundation
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
            "Plan as if it were this instant (ISO 8601, e.g. 2026-11-21T09:00:00Z); nothing is scheduled before it. Default: now."
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
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: now) { return date }
        formatter.formatOptions = [.withFullDate]
        if let date = formatter.date(from: now) { return date }
        throw CommandFailure(message: "--now '\(now)' is not an ISO 8601 date or date-time, e.g. 2026-11-21T09:00:00Z")
    }
}
