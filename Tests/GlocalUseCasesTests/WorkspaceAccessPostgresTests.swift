import Foundation
import GlocalStore
import GlocalUseCases
import Testing

/// A `postgres://` URL names a PostgreSQL store; SQLite stays the default.
struct WorkspaceAccessPostgresTests {
    static let root = WorkspaceAccessTests.repositoryRoot

    @Test func aPostgresURLFromTheOptionOrTheEnvironmentNamesAPostgreSQLStore() throws {
        let url = "postgres://glocal:s3cret@db.example:5432/glocal"
        let named = try WorkspaceAccess(
            workspacePath: Self.root.path, database: url, currentDirectory: Self.root, environment: [:])
        #expect(named.databasePath == url)
        #expect(named.postgresLocation?.host == "db.example")
        let fromEnvironment = try WorkspaceAccess(
            workspacePath: Self.root.path, database: nil, currentDirectory: Self.root,
            environment: ["GLOCAL_DATABASE_URL": url, "GLOCAL_DATABASE": "/tmp/env.sqlite"])
        #expect(fromEnvironment.postgresLocation?.database == "glocal")
        let sqlite = try WorkspaceAccess(
            workspacePath: Self.root.path, database: nil, currentDirectory: Self.root,
            environment: ["GLOCAL_DATABASE": "/tmp/env.sqlite"])
        #expect(sqlite.postgresLocation == nil && sqlite.databasePath == "/tmp/env.sqlite")
    }

    @Test func aCommandThatNeedsSQLiteSaysSoWithoutThePassword() throws {
        let access = try WorkspaceAccess(
            workspacePath: Self.root.path, database: "postgres://glocal:s3cret@db.example/glocal", currentDirectory: Self.root,
            environment: [:])
        do {
            _ = try access.openStore(.existing)
            Issue.record("a PostgreSQL URL opened the SQLite store")
        } catch {
            let message = String(describing: error)
            #expect(message.contains("still needs the SQLite store"))
            #expect(message.contains("postgres://glocal@db.example:5432/glocal"))
            #expect(!message.contains("s3cret"))
        }
    }
}
