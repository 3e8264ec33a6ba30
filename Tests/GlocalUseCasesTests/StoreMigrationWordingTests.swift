import Foundation
import GlocalPostgres
import GlocalUseCases
import Testing

/// `glocal store migrate` when it cannot open the PostgreSQL store: what failed where, that nothing was copied, what
/// to check, and never the URL's password.
struct StoreMigrationWordingTests {
    static let source = "/var/lib/glocal/glocal.sqlite"

    static func message(_ error: PostgresStoreError) throws -> String {
        let target = try PostgresLocation(url: "postgres://glocal:hunter2@db.internal:5432/glocal")
        return SQLiteToPostgresMigration.unopenedTarget(error, target: target, sourcePath: source).message
    }

    @Test func anUnreachableServerSaysWhereWhatWasLeftAndWhatToCheck() throws {
        let message = try Self.message(
            PostgresStoreError(
                sqlState: "connection",
                message: "cannot connect to db.internal:5432: connection refused (is PostgreSQL running, on this port?)"))
        #expect(
            message
                == "cannot open the PostgreSQL store postgres://glocal@db.internal:5432/glocal: cannot connect to "
                + "db.internal:5432: connection refused (is PostgreSQL running, on this port?); nothing was copied and "
                + "\(Self.source) is unchanged: check the host and port of the URL given with --to (or GLOCAL_DATABASE_URL) "
                + "and that the server is running, then run glocal store migrate again")
        #expect(!message.contains("hunter2") && !message.contains("PostgreSQL error connection"))
    }

    @Test func aRefusedLoginOrAMissingDatabaseSaysWhatToFix() throws {
        let login = try Self.message(
            PostgresStoreError(sqlState: "28P01", message: "password authentication failed for user \"glocal\""))
        #expect(
            login.hasPrefix(
                "cannot open the PostgreSQL store postgres://glocal@db.internal:5432/glocal: the server refused the login: "
                    + "password authentication failed for user \"glocal\" (SQLSTATE 28P01); nothing was copied"))
        #expect(login.contains("check the user and password of the URL given with --to") && !login.contains("hunter2"))
        let missing = try Self.message(PostgresStoreError(sqlState: "3D000", message: "database \"glocal\" does not exist"))
        #expect(missing.contains("(SQLSTATE 3D000); nothing was copied and \(Self.source) is unchanged: create the database"))
        #expect(missing.contains("(createdb glocal), or name another one with --to"))
    }
}
