import ArgumentParser
import Foundation
import GlocalCore
import GlocalUseCases

/// `glocal store migrate --from sqlite:PATH --to postgres://…`.
struct StoreMigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Copy a SQLite store into an empty PostgreSQL store, checked by row counts and checksums.",
        discussion: """
            Every table is copied in one PostgreSQL transaction with its ids, then read back: each table's row count and \
            SHA-256 checksum must equal the SQLite store's, or nothing is committed and the command exits 1. The target \
            must hold no data (use a new database, or a new schema with ?schema=NAME); the source must not be in use by \
            glocal serve or glocal run. Sealed account credentials are copied sealed: run every node with the same \
            secret key (GLOCAL_SECRET_KEY, or the secret.key beside the SQLite store).
            """)

    @Option(
        name: .customLong("workspace"),
        help: "The workspace directory (default: the current directory or its nearest parent with a glocal.yaml).")
    var workspacePath: String?

    @Option(help: "The SQLite store: sqlite:PATH or a path (default: $GLOCAL_DATABASE, else .glocal/glocal.sqlite).")
    var from: String?

    @Option(help: "The PostgreSQL store: postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE (default: $GLOCAL_DATABASE_URL).")
    var to: String?

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let currentDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        do {
            let sourcePath: String
            if let from {
                sourcePath = try SQLiteToPostgresMigration.sourcePath(from: from, currentDirectory: currentDirectory)
            } else {
                // The workspace's SQLite store, whatever GLOCAL_DATABASE_URL says (that names the target).
                var sqliteOnly = environment
                sqliteOnly["GLOCAL_DATABASE_URL"] = nil
                sourcePath =
                    try WorkspaceAccess(
                        workspacePath: workspacePath, database: nil, currentDirectory: currentDirectory, environment: sqliteOnly
                    ).databasePath
            }
            let target = try SQLiteToPostgresMigration.target(from: to, environment: environment)
            let outcome = try SQLiteToPostgresMigration(sourcePath: sourcePath, target: target).run()
            print(outcome.verification.table)
            let tables = outcome.verification.lines.count
            print(
                "glocal: moved \(sourcePath) to \(target): \(outcome.verification.totalRows) rows in \(tables) tables, "
                    + "every count and checksum the same")
            if outcome.sealedCredentials > 0 {
                print(
                    "glocal: \(outcome.sealedCredentials) account credentials were copied sealed: give every node the "
                        + "SQLite store's secret key (GLOCAL_SECRET_KEY, or the secret.key beside \(sourcePath))")
            }
        } catch let failure as SQLiteToPostgresMigration.Failure {
            throw CommandFailure(message: failure.message)
        } catch let failure as StoreCopyError {
            switch failure {
            case .verificationFailed, .unexpectedValue:
                // The check failed (exit 1), as validation does; a refusal is a usage error (exit 2).
                FileHandle.standardError.write(Data("glocal: error: \(failure)\n".utf8))
                throw ExitCode(ExitStatus.failed)
            case .targetNotEmpty, .unhandledTables, .missingTables:
                throw CommandFailure(message: failure.description)
            }
        }
    }
}
