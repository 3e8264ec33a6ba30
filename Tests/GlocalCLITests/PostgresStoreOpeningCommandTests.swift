import Foundation
import Testing

/// A PostgreSQL store that cannot be opened stops every command with one precise line naming the URL without its
/// password and exit status 2 (docs/operations.md, "What goes wrong when starting"); `--database` wins over
/// `GLOCAL_DATABASE_URL`. Nothing listens on port 1 of the loopback, so no server is needed.
struct PostgresStoreOpeningCommandTests {
    static let unreachable = "postgres://glocal:s3cret@127.0.0.1:1/glocal"
    static let shown = "postgres://glocal@127.0.0.1:1/glocal"

    @Test func everyCommandSaysInOneLineThatNoServerAnswersAtTheURL() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        let commands = StoreOpeningCommandTests.needStore + [["apply"], ["run", "--no-web"], ["serve", "--port", "0"]]
        for arguments in commands {
            let (status, output, error) = try Self.run(arguments + ["--database", Self.unreachable], in: workspace.root)
            #expect(status == 2, "\(arguments): \(status)")
            #expect(output.isEmpty, "\(arguments): \(output)")
            #expect(
                error.hasPrefix(
                    "glocal: error: cannot open the store \(Self.shown): PostgreSQL error connection: cannot connect to 127.0.0.1:1: connection refused"
                ), "\(arguments): \(error)")
            #expect(error.split(separator: "\n").count == 1 && !error.contains("s3cret"), "\(arguments): \(error)")
        }
    }

    @Test func theDatabaseFlagWinsOverTheEnvironmentsURL() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        let environment = ["GLOCAL_DATABASE_URL": Self.unreachable]
        let fromEnvironment = try Self.run(["pending"], in: workspace.root, environment: environment)
        #expect(fromEnvironment.status == 2)
        #expect(
            fromEnvironment.error.hasPrefix("glocal: error: cannot open the store \(Self.shown): "), "\(fromEnvironment.error)")
        let file = workspace.root.appendingPathComponent("elsewhere.sqlite").path
        let fromFlag = try Self.run(["pending", "--database", file], in: workspace.root, environment: environment)
        #expect(fromFlag.status == 2)
        #expect(fromFlag.error == "glocal: error: no store at \(file): run `glocal apply` first\n", "\(fromFlag.error)")
    }

    /// Runs the binary in `directory` with `environment` added to this process's (no store named by it otherwise).
    static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> (
        status: Int32, output: String, error: String
    ) {
        var inherited = ProcessInfo.processInfo.environment
        inherited["GLOCAL_DATABASE"] = nil
        inherited["GLOCAL_DATABASE_URL"] = nil
        return try GlocalProcess.run(arguments, in: directory, environment: inherited.merging(environment) { $1 })
    }
}
