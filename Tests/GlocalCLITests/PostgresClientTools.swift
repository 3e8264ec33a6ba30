import Foundation
import GlocalTestSupport
import Testing

/// PostgreSQL's own client programs (`pg_dump`, `pg_restore`, `createdb`), from the installation that
/// scripts/postgres-test-server runs the test server from (`/usr/lib/postgresql/VERSION/bin`, the newest), else
/// from `PATH`: the tools the backup section of docs/operations.md tells an operator to use.
enum PostgresClientTools {
    struct Missing: Error, CustomStringConvertible {
        let tool: String
        var description: String {
            "\(tool) is not installed (Debian: apt-get install postgresql; .ci/run installs it): the backup test needs it"
        }
    }

    struct Failed: Error, CustomStringConvertible {
        let command: String
        let status: Int32
        let error: String
        var description: String { "\(command) exited \(status): \(error)" }
    }

    /// The path of `tool`.
    static func path(_ tool: String) throws -> String {
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        let installed = versions.sorted { $0.compare($1, options: .numeric) == .orderedAscending }.reversed()
            .map { "/usr/lib/postgresql/\($0)/bin/\(tool)" }
        let onPath = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/\(tool)" }
        guard let found = (installed + onPath).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw Missing(tool: tool)
        }
        return found
    }

    /// Runs `tool ARGUMENTS`; throws with its standard error when it fails.
    static func run(_ tool: String, _ arguments: [String]) throws {
        let child = try ChildProcess(executable: try path(tool), arguments: arguments, output: .null, error: .collect)
        let status = child.terminationStatus
        guard status == 0 else {
            throw Failed(command: ([tool] + arguments).joined(separator: " "), status: status, error: child.standardError)
        }
    }
}
