import Foundation
import GRDB
import GlocalCore
import GlocalPostgres
import GlocalStore
import GlocalUseCases
import Testing

/// `glocal store migrate`: the real binary moving an applied workspace's store into PostgreSQL, and the
/// refusals, each with a precise message and nothing written.
@Suite struct StoreMigrationCommandTests {
    let now = "2026-11-21T09:00:00Z"

    static var postgresURL: String? { ProcessInfo.processInfo.environment["GLOCAL_TEST_POSTGRES_URL"] }
    static var postgresEnabled: Bool {
        postgresURL != nil || ProcessInfo.processInfo.environment["GLOCAL_REQUIRE_POSTGRES"] == "1"
    }

    /// The test server's URL with a password (the server trusts local connections, so any will do) and a new schema.
    static func targetURL() throws -> (url: String, location: PostgresLocation) {
        let url = try #require(postgresURL, "GLOCAL_REQUIRE_POSTGRES=1 but GLOCAL_TEST_POSTGRES_URL is not set")
        let schema = "mig_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let withPassword = url.replacingOccurrences(of: "@", with: ":s3cret-pass@")
        let full = withPassword + (withPassword.contains("?") ? "&" : "?") + "schema=\(schema)"
        return (full, try PostgresLocation(url: full))
    }

    @Test(.enabled(if: Self.postgresEnabled, "no PostgreSQL server: set GLOCAL_TEST_POSTGRES_URL"))
    func theBinaryMovesTheWorkspacesStoreAndPrintsTheChecks() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        let applied = try OperationsCommandTests.glocal(["apply", "--now", now], in: workspace.root)
        #expect(applied.status == 0, "\(applied.error)")
        let (url, location) = try Self.targetURL()
        // No --from: the workspace's SQLite store; no --to: GLOCAL_DATABASE_URL.
        let moved = try OperationsCommandTests.glocal(
            ["store", "migrate"], in: workspace.root, environment: ["GLOCAL_DATABASE_URL": url])
        #expect(moved.status == 0, "\(moved.error)")
        let lines = moved.output.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("table") == true)
        let variantLine = try #require(lines.first { $0.hasPrefix("variant ") })
        #expect(variantLine.contains(" 30 ") && variantLine.hasSuffix("ok"))
        #expect(lines.filter { $0.hasSuffix("ok") }.count == StoreCopyPlan.tables.count)
        #expect(moved.output.contains("every count and checksum the same"))
        #expect(moved.output.contains(location.description))
        #expect(!moved.output.contains("s3cret") && !moved.error.contains("s3cret"), "the password is never shown")

        let sqlite = try SQLiteVariantStore(path: workspace.root.appendingPathComponent(".glocal/glocal.sqlite").path)
        let postgres = try PostgresStore(location: location, poolSize: 1)
        defer { postgres.pool.close() }
        #expect(try postgres.allVariants() == sqlite.allVariants())
        #expect(try postgres.auditEvents(variant: nil) == sqlite.auditEvents(variant: nil))

        let again = try OperationsCommandTests.glocal(
            ["store", "migrate", "--from", "sqlite:.glocal/glocal.sqlite", "--to", url], in: workspace.root)
        #expect(again.status == 2)
        #expect(
            again.error.hasPrefix(
                "glocal: error: \(location.description) already holds data (variant: 30 rows, audit_event: 30 rows)"))
        #expect(!again.error.contains("s3cret"))
    }

    @Test func refusalsAreNamedBeforeAnythingIsWritten() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        let missing = try OperationsCommandTests.glocal(
            ["store", "migrate", "--from", "sqlite:nowhere/glocal.sqlite", "--to", "postgres://glocal@127.0.0.1:1/glocal"],
            in: workspace.root)
        #expect(missing.status == 2)
        #expect(
            missing.error
                == "glocal: error: no SQLite store at \(workspace.root.appendingPathComponent("nowhere/glocal.sqlite").path): "
                + "name it with --from sqlite:PATH\n")
        let badURL = try OperationsCommandTests.glocal(
            ["store", "migrate", "--to", "mysql://glocal:hunter2@db/glocal"], in: workspace.root)
        #expect(badURL.status == 2)
        #expect(
            badURL.error
                == "glocal: error: --to: 'mysql://glocal:***@db/glocal' is not a PostgreSQL URL: "
                + "expected postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE\n")
        let noTarget = try OperationsCommandTests.glocal(["store", "migrate"], in: workspace.root)
        #expect(noTarget.status == 2 && noTarget.error.contains("--to postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE"))
        let fromPostgres = try OperationsCommandTests.glocal(
            ["store", "migrate", "--from", "postgres://a@b/c", "--to", "postgres://a@b/c"], in: workspace.root)
        #expect(fromPostgres.error.contains("--from takes the SQLite store to move"))
        #expect(!FileManager.default.fileExists(atPath: workspace.root.appendingPathComponent(".glocal").path))
    }

    @Test func anUnreachableServerIsNamedWithoutItsPassword() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        _ = try OperationsCommandTests.glocal(["apply", "--now", now], in: workspace.root)
        let result = try OperationsCommandTests.glocal(
            ["store", "migrate", "--to", "postgres://glocal:hunter2@127.0.0.1:1/glocal"], in: workspace.root)
        #expect(result.status == 2)
        #expect(result.error.hasPrefix("glocal: error: cannot open the PostgreSQL store postgres://glocal@127.0.0.1:1/glocal: "))
        #expect(!result.error.contains("hunter2"))
    }

    @Test func aStoreInUseOrWithATableThisGlocalDoesNotKnowIsNotMoved() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("glocal-migrate-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("glocal.sqlite").path
        _ = try SQLiteVariantStore(path: path)
        let target = try PostgresLocation(url: "postgres://glocal@127.0.0.1:1/glocal")
        let migration = SQLiteToPostgresMigration(sourcePath: path, target: target)
        do {
            let serving = try StoreServingLock.holdShared(forStoreAt: path)
            defer { withExtendedLifetime(serving) {} }
            #expect(
                throws: SQLiteToPostgresMigration.Failure(
                    message: "glocal serve or glocal run is using \(path): stop it before moving the store "
                        + "(what it writes after the copy would be lost)")
            ) { try migration.run() }
        }
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "CREATE TABLE campaign_note (id INTEGER PRIMARY KEY, note TEXT) STRICT") }
        try queue.close()
        #expect(throws: StoreCopyError.unhandledTables(["campaign_note"])) { try migration.run() }
    }
}

extension StoreMigrationCommandTests {
    @Test(.enabled(if: Self.postgresEnabled, "no PostgreSQL server: set GLOCAL_TEST_POSTGRES_URL"))
    func aCopyThatReadsBackDifferentlyExitsOneAndCommitsNothing() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        _ = try OperationsCommandTests.glocal(["apply", "--now", now], in: workspace.root)
        let (url, location) = try Self.targetURL()
        let target = try PostgresStore(location: location, poolSize: 1)
        defer { target.pool.close() }
        // A trigger that changes a value on its way in stands for any silent change of a value.
        try target.pool.transaction { transaction in
            try transaction.execute(
                """
                CREATE FUNCTION mark_actor() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN NEW.actor := NEW.actor || '!'; RETURN NEW; END $$
                """)
            try transaction.execute(
                "CREATE TRIGGER mark BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION mark_actor()")
        }
        let result = try OperationsCommandTests.glocal(["store", "migrate", "--to", url], in: workspace.root)
        #expect(result.status == 1)
        #expect(result.error.hasPrefix("glocal: error: the copy differs from the source in audit_event; nothing was committed:"))
        #expect(result.error.contains("DIFFERS") && result.output.isEmpty)
        #expect(try target.allVariants().isEmpty, "the variants copied before the check were rolled back")
    }
}
